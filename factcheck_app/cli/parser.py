"""The argument parser: every sub-command registers itself from its own module."""
from __future__ import annotations

import argparse

from factcheck_app import __version__
from factcheck_app.cli import (
    article_commands,
    claim_commands,
    evidence_commands,
    exchange_commands,
    export_command,
    extract_command,
    gui_command,
    library_commands,
    match_commands,
    publishing_commands,
    scale_commands,
    settings_commands,
    source_commands,
    store_commands,
    verdict_commands,
)

# The order of `factcheck --help`: open the app, bring articles in, work on them, publish, look after the file.
COMMAND_MODULES = (
    gui_command,
    library_commands,
    extract_command,
    article_commands,
    claim_commands,
    source_commands,
    evidence_commands,
    verdict_commands,
    scale_commands,
    settings_commands,
    export_command,
    publishing_commands,
    exchange_commands,
    match_commands,
    store_commands,
)


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
