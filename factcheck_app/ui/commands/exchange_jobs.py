"""The exchange work a worker thread runs: writing a change file, previewing and applying a merge.

Each job opens its own connection to the library (a connection never crosses threads),
reports progress through the Job and stops, with nothing written, when the checker cancels.
"""
from __future__ import annotations

from pathlib import Path

from factcheck_app.ops.exchange import ExportResult, export_changes, read_changes
from factcheck_app.ops.merge import MergeSummary, merge_changes
from factcheck_app.store.library import open_library
from factcheck_app.ui.workers import Job


def send_changes_job(job: Job, store: Path, colleague: str, target: Path, by: str | None) -> ExportResult:
    """Write the change file for ``colleague`` to ``target``; return what it holds."""
    job.report(0, 0, f"Collecting the changes for {colleague}…")
    with open_library(store, create=False, daily_backup=False) as lib:
        return export_changes(lib, colleague, target, by=by).value


def merge_job(job: Job, store: Path, source: Path, by: str, preview: bool) -> MergeSummary:
    """Merge (or with ``preview``, work out and roll back) ``source`` into the library; return the summary."""
    job.report(0, 0, f"Reading {source.name}…")
    changes = read_changes(source)

    def progress(done: int, total: int, what: str) -> None:
        job.check_cancelled()  # raising inside the merge rolls its transaction back
        job.report(done, total, what)

    with open_library(store, create=False, daily_backup=False) as lib:
        return merge_changes(lib, changes, by=by, source=source.name, preview=preview, progress=progress).value
