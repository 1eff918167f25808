"""Turning every expected failure into one clear line on stderr and exit status 2."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from factcheck_app.cli import EXIT_USAGE

if TYPE_CHECKING:  # argparse itself is not needed to report errors (the batch fast path never loads it)
    import argparse


class CommandError(Exception):
    """A command cannot go on; the message is shown to the user as is."""


def run_reporting_errors(func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Call ``func(args)``; known errors become 'factcheck: message' on stderr with exit 2."""
    from factcheck_app.store.errors import StoreError

    known: tuple[type[BaseException], ...] = (StoreError, CommandError)
    try:
        from factcheck_app.ingest import IngestError

        known += (IngestError,)
    except ImportError:
        pass
    try:
        return int(func(args) or 0)
    except known as exc:
        sys.stderr.write(f"factcheck: {exc}\n")
        return EXIT_USAGE
    except FileNotFoundError as exc:
        sys.stderr.write(f"factcheck: no such file: {exc.filename}\n")
        return EXIT_USAGE
    except IsADirectoryError as exc:
        sys.stderr.write(f"factcheck: {exc.filename} is a folder, not a file\n")
        return EXIT_USAGE
    except PermissionError as exc:
        sys.stderr.write(f"factcheck: permission denied: {exc.filename}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # Any other failure of the file system (a full disk, a name too long for it...): one line.
        from factcheck_app.core.file_errors import describe_os_error

        sys.stderr.write(f"factcheck: {describe_os_error(exc, doing='used')}\n")
        return EXIT_USAGE
    except UnicodeError:
        # Arguments with bytes that are not UTF-8 arrive as lone surrogates and cannot reach the library.
        sys.stderr.write("factcheck: the text given contains bytes that are not valid UTF-8\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted; every change made before was saved\n")
        return 130
    except Exception as exc:
        # A database error that escaped a store function: said in the store's words, never as a traceback.
        from factcheck_app.store.transaction import is_database_error, translate

        if not is_database_error(exc):
            raise
        sys.stderr.write(f"factcheck: {translate(exc)}\n")
        return EXIT_USAGE
