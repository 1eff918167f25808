"""`factcheck gui`: the desktop app (also what `factcheck` with no command opens)."""
from __future__ import annotations

import argparse

from factcheck_app.cli.options import add_store_option


def register(sub: argparse._SubParsersAction) -> None:
    """Add the gui sub-command."""
    p = sub.add_parser("gui", help="open the desktop app (the default)", description="Open the desktop app.")
    add_store_option(p)
    p.add_argument("--sample", action="store_true", help="open the built-in sample library")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="render the main window offscreen after loading, save it as FILE.png and exit")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the GUI (Qt is imported only here)."""
    from factcheck_app.ui.app import run_gui

    return run_gui(store=args.store, sample=args.sample, screenshot=args.screenshot)
