"""Unexpected errors: logged with their traceback to a file, shown once as a short message, never fatal."""
from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

# The log file and its set-up are headless (the extractor and the CLI log there too).
from factcheck_app.problem_log import LOG_FILE, log, log_path, setup_logging  # noqa: F401
from factcheck_app.ui.dialogs import prompts


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
        prompts.message(
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
