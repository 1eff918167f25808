"""The argument parser: every sub-command registers itself from its own module."""
from __future__ import annotations

import argparse

from factcheck_app import __version__
from factcheck_app.cli import (
    evidence_commands,
    exchange_commands,
    export_command,
    extract_command,
    gui_command,
    library_commands,
    store_commands,
)

COMMAND_MODULES = (
    gui_command,
    library_commands,
    extract_command,
    evidence_commands,
    export_command,
    exchange_commands,
    store_commands,
)


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """Add --store PATH (default: $FACTCHECK_STORE or the user data folder's library)."""
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="library file to use (default: $FACTCHECK_STORE, else the library in your user data folder)",
    )


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add --format table|json for listings."""
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")


def build_parser() -> argparse.ArgumentParser:
    """Return the `factcheck` parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Factcheck Desk: find an article's check-worthy claims and keep evidence and verdicts "
        "in a local library. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser
