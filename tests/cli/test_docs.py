"""Every `factcheck` command and sub-action is documented in README.md (as in sqlite-utils' tests/test_docs.py).

The README has a section per command, headed like "### `factcheck source add`"; this
test looks for the backticked command string, so a new command fails it until documented.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from factcheck_app.cli.parser import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def documented_commands() -> list[str]:
    """Return every command line to document: 'import', 'source add', ... (groups by their actions)."""
    found = []
    for name, sub in _subcommands(build_parser()).items():
        actions = _subcommands(sub)
        found.extend(f"{name} {action}" for action in actions) if actions else found.append(name)
    return found


def test_the_command_list_is_complete():
    commands = documented_commands()
    for expected in ("import", "extract", "source add", "verdict set", "store restore", "gui"):
        assert expected in commands


@pytest.mark.parametrize("command", documented_commands())
def test_command_is_documented(command):
    readme = README.read_text(encoding="utf-8")
    assert f"`factcheck {command}" in readme, f"README.md has no section for `factcheck {command}`"
