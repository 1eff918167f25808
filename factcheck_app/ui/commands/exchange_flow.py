"""Sending and merging for a window: worker jobs (ui/workers.py) with a progress bar, the preview, then the merge.

The merge is worked out first and rolled back (a preview); its summary (new articles, claims,
sources, evidence, verdict changes, conflicts) is shown, and only when the checker says Merge
is it made, in one transaction that Cancel on the progress bar rolls back.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from factcheck_app.ops.merge import MergeSummary
from factcheck_app.store.library import Library
from factcheck_app.ui import workers
from factcheck_app.ui.commands.exchange_jobs import merge_job, send_changes_job
from factcheck_app.ui.dialogs.exchange_dialogs import MergeSummaryDialog
from factcheck_app.ui.dialogs.progress import JobProgress


class ExchangeFlow(QObject):
    """Runs sending and merging for a window: worker jobs with progress, the preview, then the merge.

    ``merged`` carries the summary once a merge is written (the window then reloads every
    pane); ``sent`` the ExportResult; ``failed`` a message for the checker.
    """

    sent = Signal(object)
    previewed = Signal(object)
    merged = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.job: workers.Job | None = None
        self._source: Path | None = None
        self._by = ""
        self._store: Path | None = None
        #: Set by tests (or a caller with its own dialog) to skip the summary dialog's question.
        self.confirm = self._ask

    def _start(self, fn, args: tuple, title: str, label: str, finished) -> workers.Job:
        self.job = workers.Job(fn, args)
        JobProgress(self.job, self.window, title, label)
        self.job.signals.finished.connect(finished)
        self.job.signals.failed.connect(self.failed)
        return self.job.start()

    def send(self, library: Library, colleague: str, target: Path, by: str | None) -> workers.Job:
        """Write the change file for ``colleague`` in the background."""
        return self._start(send_changes_job, (library.path, colleague, target, by), "Send Changes",
                           f"Writing the changes for {colleague}…", self.sent.emit)

    def merge(self, library: Library, source: Path, by: str) -> workers.Job:
        """Work out what merging ``source`` does, show it, and merge when the checker agrees."""
        self._store, self._source, self._by = library.path, source, by
        return self._start(merge_job, (library.path, source, by, True), "Merge Changes",
                           f"Reading {source.name}…", self._previewed)

    @Slot(object)
    def _previewed(self, summary: MergeSummary) -> None:
        self.previewed.emit(summary)
        if not self.confirm(summary) or summary.nothing:
            return
        self._start(merge_job, (self._store, self._source, self._by, False), "Merge Changes",
                    f"Merging {self._source.name}…", self.merged.emit)

    def _ask(self, summary: MergeSummary) -> bool:
        return MergeSummaryDialog(self._source, summary, self.window).exec() == QDialog.DialogCode.Accepted
