"""The `factcheck` command line: one module per group of sub-commands, each with a ``register`` function."""
from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 problems found, 2 bad input or refused)."""
    from factcheck_app.cli.errors import run_reporting_errors

    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["extract", "--batch"]:
        # Other tools run the batch contract again and again: it skips building every
        # command's parser (some load the library's modules) for the one it needs.
        # The patterns compiled by earlier runs are handed to ``re`` before the readers load.
        from types import SimpleNamespace

        from factcheck_app.extract.pattern_cache import patterns_kept

        with patterns_kept():
            from factcheck_app.cli.extract_command import cmd_extract

            args = SimpleNamespace(batch=True, file=None, published=None, format="text")  # what the parser gives
            return run_reporting_errors(cmd_extract, args)
    from factcheck_app.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(words)
    if getattr(args, "func", None) is None:
        # No sub-command: the GUI, as a desktop launcher expects.
        args = parser.parse_args(["gui", *words])
    return run_reporting_errors(args.func, args)
