"""File > Import fact-checks…: ClaimReview files read and imported in a worker with a progress bar.

The worker opens its own connection to the library, reads every file (a file that cannot be
read at all stops the import before anything is written), imports the checks in one
transaction and matches the library's claims again. Cancel rolls the whole import back.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from factcheck_app.ops.changes import Changes
from factcheck_app.ops.checks import ImportSummary, import_checks, read_files
from factcheck_app.store.library import open_library
from factcheck_app.ui import workers
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.progress import JobProgress

FILE_FILTER = "Published fact-checks (*.json *.jsonld *.html *.htm);;All files (*)"


def import_checks_job(job: workers.Job, store_path: Path, paths: list[Path]) -> tuple[ImportSummary, Changes]:
    """Worker body: read and import the files with a connection of this thread's own; return
    what the import did and what it changed."""
    job.report(0, 0, f"Reading {len(paths)} file{'s' if len(paths) != 1 else ''}…")
    files = read_files(paths)
    job.check_cancelled()

    def progress(done: int, total: int) -> None:
        job.check_cancelled()  # raised inside the transaction: nothing of this import stays
        job.report(done, total, f"Importing and matching… {done:,} of {total:,}")

    with open_library(store_path, create=False, daily_backup=False) as library:
        result = import_checks(library, files, progress)
    return result.value, result.changes


def describe_summary(summary: ImportSummary) -> tuple[str, str, str | None]:
    """Return (level, text, detail) for the message that ends an import."""
    text = (f"{summary.added:,} published checks added, {summary.updated:,} updated"
            + (f" in {', '.join(summary.collections)}" if summary.collections else "")
            + f"; {summary.matched_claims:,} claims have a match.")
    if summary.skipped:
        text += f" {len(summary.skipped):,} items could not be read and were skipped."
        detail = "\n".join(summary.skipped[:500])
        return "warning", text, detail
    return "info", text, None


class CheckImporter(QObject):
    """Runs fact-check imports for the window; ``imported(summary)`` when one has finished, after
    the runner has told every pane what changed."""

    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, window: QWidget, runner: OpRunner) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.job: workers.Job | None = None

    @property
    def busy(self) -> bool:
        """True while an import runs."""
        return self.job is not None and self.job.is_running

    def choose_and_import(self, folder: str = "") -> workers.Job | None:
        """Ask for ClaimReview files and import them; return the job (None when nothing was chosen)."""
        names = prompts.ask_open_files(self.window, "Import fact-checks", folder, FILE_FILTER)
        return self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> workers.Job | None:
        """Import ``paths`` into the runner's library in a worker with a progress dialog; return the job."""
        if not paths or not self.runner.writable:
            return None
        if self.busy:
            prompts.message(self.window, "info", "Import running",
                            "Another import of fact-checks is still running; wait for it to finish.")
            return None
        self.job = workers.Job(import_checks_job, (self.runner.library.path, list(paths)))
        JobProgress(self.job, self.window, "Importing fact-checks", "Reading the files…")
        self.job.signals.finished.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    @Slot(object)
    def _done(self, outcome: tuple[ImportSummary, Changes]) -> None:
        summary, changes = outcome
        self.runner.announce(changes)
        level, text, detail = describe_summary(summary)
        self.imported.emit(summary)
        prompts.message(self.window, level, "Fact-checks imported", text, detail=detail)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.failed.emit(message)
        prompts.message(self.window, "error", "Import failed",
                        f"The fact-checks could not be imported: {message} Nothing was imported.")
