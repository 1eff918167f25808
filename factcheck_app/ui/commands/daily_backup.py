"""The day's automatic copy of the library, made in a worker thread after the window opens it.

Copying a library of a gigabyte takes seconds; made by the open itself it held the window
back for all of them. The worker reads the library through a read-only connection of its
own, one snapshot from first page to last, so the checker works on meanwhile. Closing the
app stops the copy between two of its steps and removes its temporary file; a copy cut short
by a crash is swept by the next one (``store.daily_backup``).
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QStatusBar

from factcheck_app.store.daily_backup import daily_backup_due, make_daily_backup
from factcheck_app.store.library import Library
from factcheck_app.ui import workers

log = logging.getLogger(__name__)
SAVED_NOTE_MS = 8000


def daily_backup_job(job: workers.Job, store_path: Path) -> Path | None:
    """Worker body: make the day's copy of ``store_path`` unless one was made meanwhile; stop when cancelled."""
    return make_daily_backup(store_path, step=lambda _done, _total: job.check_cancelled())


class DailyBackup(QObject):
    """Starts the day's copy of a library the window opened; ``saved(path)`` when it is made,
    ``failed(message)`` when it cannot be; either way the status bar says so."""

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, status_bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status_bar
        self.job: workers.Job | None = None

    def start(self, library: Library) -> bool:
        """Start the copy when ``library`` may be written and has no copy from the last day; return
        whether it was started."""
        if library.readonly or not daily_backup_due(library.path):
            return False
        self.job = workers.start(daily_backup_job, library.path)
        self.job.signals.finished.connect(self._saved)
        self.job.signals.failed.connect(self._failed)
        return True

    @property
    def running(self) -> bool:
        """True while a copy is being made."""
        return self.job is not None and self.job.is_running

    @Slot(object)
    def _saved(self, path: Path | None) -> None:
        if path is not None:
            if not self._status.currentMessage():  # a note about the checker's own work comes first
                self._status.showMessage(f"Daily backup saved: {path.name}.", SAVED_NOTE_MS)
            self.saved.emit(path)

    @Slot(str)
    def _failed(self, message: str) -> None:
        log.warning("The daily backup failed: %s", message)
        # Kept in the status bar until something else is said: a missing backup is worth seeing.
        self._status.showMessage(f"The daily backup could not be made: {message} The library itself is "
                                 "unchanged; the next opening tries again.")
        self.failed.emit(message)
