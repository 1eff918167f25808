"""Helpers for the CLI tests: the result of a run and the check that a command was refused cleanly."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

FACTCHECK = Path(sys.executable).with_name("factcheck")
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@dataclass
class Result:
    """What a command did: exit status, stdout and stderr."""

    status: int
    out: str
    err: str


def assert_refused(result: Result, *words: str) -> None:
    """Exit 2, nothing on stdout, exactly one 'factcheck: ...' line on stderr mentioning ``words``."""
    assert result.status == 2, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: "), result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
