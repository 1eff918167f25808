"""A cancellable progress dialog that follows a worker Job."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from factcheck_app.ui.workers import Job


class JobProgress(QObject):
    """Wires a Job to a QProgressDialog: progress updates it, Cancel cancels the job, the end closes it."""

    def __init__(self, job: Job, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.job = job
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Short jobs finish before the dialog would flash up.
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._done)

    @Slot()
    def _cancel(self) -> None:
        self.dialog.setLabelText("Stopping after the current file…")
        self.job.cancel()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self.job.is_cancelled:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    @Slot()
    def _done(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
