"""Bringing articles in: files (menu, toolbar, drag and drop) and pasted text.

One file or a paste is read on the GUI thread (it takes well under a second); several
files go to a worker with its own library connection and a cancellable progress dialog.
A bad file is reported and the others still import.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops.importing import read_file
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library, open_library
from factcheck_app.ui import dialogs, workers
from factcheck_app.ui.progress import JobProgress

FILE_FILTER = "Articles (*.txt *.html *.htm *.md *.markdown);;All files (*)"
PASTED_SOURCE = "pasted text"


@dataclass
class ImportOutcome:
    """What happened to one file: the article id (new or already there) or the reason it failed."""

    name: str
    article_id: str | None = None
    created: bool = False
    title: str | None = None
    error: str | None = None


def import_one(library: Library, data: bytes | str, name: str, source_name: str) -> ImportOutcome:
    """Read, extract and store one article; never raises for bad input (the outcome carries the error)."""
    from factcheck_app.extract.pipeline import analyse
    from factcheck_app.store.articles import import_article

    try:
        article = analyse(data, filename=name)
        result = import_article(library.db, article, source_name=source_name)
    except (IngestError, StoreError) as exc:
        return ImportOutcome(name, error=str(exc))
    return ImportOutcome(name, result.article_id, result.created, article.title)


def import_files_job(job: workers.Job, store_path: Path, paths: list[Path]) -> list[ImportOutcome]:
    """Worker body: import each file with a connection of this thread's own; stop between files when cancelled."""
    outcomes = []
    with open_library(store_path, create=False) as library:
        for number, path in enumerate(paths, 1):
            if job.is_cancelled:
                break
            job.report(number - 1, len(paths), f"Importing {path.name} ({number} of {len(paths)})…")
            try:
                outcome = import_one(library, read_file(path), path.name, path.name)
            except IngestError as exc:
                outcome = ImportOutcome(path.name, error=str(exc))
            outcomes.append(outcome)
        job.report(len(outcomes), len(paths), "")
    return outcomes


class Importer(QObject):
    """Runs imports for the window and reports ``imported(outcomes)`` when a batch is done."""

    imported = Signal(list, int)  # outcomes, number of files asked for

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.job: workers.Job | None = None
        self._asked = 0

    @property
    def busy(self) -> bool:
        """True while a batch import runs."""
        return self.job is not None and self.job.is_running

    def import_paths(self, library: Library, paths: list[Path]) -> workers.Job | None:
        """Import ``paths``: one on this thread, several in a worker (returned, so tests can wait for it)."""
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        if len(paths) == 1:
            try:
                outcome = import_one(library, read_file(paths[0]), paths[0].name, paths[0].name)
            except IngestError as exc:
                outcome = ImportOutcome(paths[0].name, error=str(exc))
            self.imported.emit([outcome], 1)
            return None
        if self.busy:
            dialogs.message(self.window, "info", "Import running",
                            "Another import is still running; wait for it to finish, then try again.")
            return None
        self._asked = len(paths)
        self.job = workers.Job(import_files_job, (library.path, paths))
        JobProgress(self.job, self.window, "Importing articles", f"Importing {len(paths)} files…")
        self.job.signals.finished.connect(self._batch_done)
        self.job.signals.failed.connect(self._batch_failed)
        return self.job.start()

    def import_text(self, library: Library, text: str) -> None:
        """Import pasted text as a new article."""
        if not text.strip():
            dialogs.message(self.window, "info", "Nothing to paste",
                            "The clipboard holds no text. Copy an article's text first, then paste again.")
            return
        self.imported.emit([import_one(library, text, "pasted.txt", PASTED_SOURCE)], 1)

    @Slot(object)
    def _batch_done(self, outcomes: list[ImportOutcome]) -> None:
        self.imported.emit(list(outcomes), self._asked)

    @Slot(str)
    def _batch_failed(self, message: str) -> None:
        dialogs.message(self.window, "error", "Import failed", f"The files could not be imported: {message}")


def describe_outcomes(outcomes: list[ImportOutcome], asked: int) -> tuple[str, str, str | None]:
    """Return (level, text, detail) summing up an import of ``asked`` files for a message box."""
    failed = [o for o in outcomes if o.error]
    dupes = [o for o in outcomes if o.article_id and not o.created]
    new = [o for o in outcomes if o.created]
    if len(outcomes) == 1:
        o = outcomes[0]
        if o.error:
            return "error", f"{o.name} could not be imported.", o.error
        if not o.created:
            return "info", f"{o.title or o.name} is already in the library.", "It is selected now."
        return "info", f"Imported {o.title or o.name}.", None
    lines = [f"{o.name}: {o.error}" for o in failed] + [f"{o.name}: already in the library" for o in dupes]
    text = f"Imported {len(new)} of {asked} files."
    if len(outcomes) < asked:
        text += f" Import was cancelled after {len(outcomes)}."
    if failed:
        text += f" {len(failed)} could not be imported."
    if dupes:
        text += f" {len(dupes)} {'was' if len(dupes) == 1 else 'were'} already in the library."
    return ("warning" if failed else "info"), text, "\n".join(lines) or None
