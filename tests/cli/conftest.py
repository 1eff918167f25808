"""CLI tests: run `factcheck` in-process (main + capsys) or as the installed command, on a library made here."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))
sys.path.insert(0, str(Path(__file__).parent))

from cli_support import FACTCHECK, Result  # noqa: E402
from reliability_support import make_article  # noqa: E402


@pytest.fixture
def cli(capsys):
    """Return run(*argv) -> Result, calling factcheck_app.cli.main in this process."""
    from factcheck_app.cli import main

    def run(*argv: str) -> Result:
        capsys.readouterr()
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(status, out, err)

    return run


@pytest.fixture
def run_installed():
    """Return run(*argv, input=None) -> Result, running the installed `factcheck` command."""

    def run(*argv: str, input: str | None = None) -> Result:
        done = subprocess.run([str(FACTCHECK), *map(str, argv)], capture_output=True, text=True, input=input,
                              timeout=120)
        return Result(done.returncode, done.stdout, done.stderr)

    return run


@dataclass
class Populated:
    path: Path
    article_id: str
    claim_ids: list[str]
    source_id: str


@pytest.fixture
def populated(store_path) -> Populated:
    """A library with one article (six claims) and one source, made through the store API."""
    from factcheck_app.store import open_library
    from factcheck_app.store.articles import import_article
    from factcheck_app.store.sources import add_source

    with open_library(store_path) as lib:
        result = import_article(lib.db, make_article(), source_name="made.txt")
        source_id = add_source(lib.db, "City budget 2024", publisher="City hall", tags="budget")
    return Populated(store_path, result.article_id, result.claim_ids, source_id)
