"""The app's log file for unexpected problems: full details there, one plain line for the user.

Headless, so the extractor and the command line use it as the GUI does; the GUI adds its
dialog on top (ui/error_handling.py).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from factcheck_app import appdirs

LOG_FILE = "factcheck-desk.log"
log = logging.getLogger("factcheck_app")


def log_path() -> Path:
    """Return the file unexpected errors are written to."""
    return appdirs.log_dir() / LOG_FILE


def setup_logging() -> Path:
    """Send the app's warnings and errors to the log file (one handler per process); return its path."""
    path = log_path()
    for existing in [h for h in log.handlers if getattr(h, "_factcheck", None)]:
        if existing._factcheck == str(path):  # type: ignore[attr-defined]
            return path
        # The log folder moved (tests point it elsewhere each time): follow it.
        log.removeHandler(existing)
        existing.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        # An unwritable log folder must not stop the app: fall back to stderr.
        handler = logging.StreamHandler(sys.stderr)
    handler._factcheck = str(path)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    # The file has the details; nothing should reach the terminal as a traceback.
    log.propagate = False
    return path


def log_problem(message: str, *args: object) -> None:
    """Log the exception being handled with its traceback to the log file, and say so on stderr in one line."""
    path = setup_logging()
    log.exception(message, *args)
    sys.stderr.write(f"factcheck: warning: {message % args if args else message} (details in {path})\n")
