"""Unexpected errors: logged with their traceback to a file, shown once as a short message, never fatal."""
from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from factcheck_app import appdirs
from factcheck_app.ui import dialogs

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
    return path


class UnexpectedErrorReporter:
    """The sys.excepthook of the running app: log every unexpected exception, tell the checker once."""

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self.shown = False
        self.count = 0

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.count += 1
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        parent = self._parent()
        if self.shown:
            # Later errors only go to the log and the status bar: one dialog is enough to alert.
            status = getattr(parent, "statusBar", None)
            if callable(status):
                status().showMessage(f"Another unexpected error was logged to {log_path()}.", 8000)
            return
        self.shown = True
        dialogs.message(
            parent, "error", "Unexpected error",
            "Something went wrong inside Factcheck Desk. Your work so far is saved and the app keeps running.",
            detail=f"{exc_type.__name__}: {str(exc)[:200]}\nDetails were written to {log_path()}.",
        )


def install(parent: Callable[[], QWidget | None]) -> Callable[[], None]:
    """Install the reporter as sys.excepthook; return a function that puts the previous hook back."""
    setup_logging()
    previous = sys.excepthook
    sys.excepthook = UnexpectedErrorReporter(parent)

    def uninstall() -> None:
        sys.excepthook = previous

    return uninstall
