"""Bringing articles in: files (menu, toolbar, drag and drop) and pasted text, through the import operation.

One file or a paste is imported on the GUI thread through the window's runner (it takes well
under a second, and undo takes it out again); several files go to a worker with its own library
connection and a cancellable progress dialog. A bad file is reported and the others still import.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops import importing
from factcheck_app.ops.changes import Changes
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import open_library
from factcheck_app.ui import workers
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.progress import JobProgress

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
    changes: Changes = Changes()
    reader: str | None = None
    warnings: list[str] = field(default_factory=list)


def _outcome(name: str, result) -> ImportOutcome:
    imported: importing.Imported = result.value
    return ImportOutcome(name, imported.article_id, imported.created, imported.title, changes=result.changes,
                         reader=imported.reader, warnings=list(imported.notes))


def import_files_job(job: workers.Job, store_path: Path, paths: list[Path]) -> list[ImportOutcome]:
    """Worker body: import each file with a connection of this thread's own; stop between files when cancelled."""
    outcomes = []
    with open_library(store_path, create=False, daily_backup=False) as library:
        for number, path in enumerate(paths, 1):
            if job.is_cancelled:
                break
            job.report(number - 1, len(paths), f"Importing {path.name} ({number} of {len(paths)})…")
            try:
                outcome = _outcome(path.name, importing.import_file(library, path))
            except (IngestError, StoreError) as exc:
                outcome = ImportOutcome(path.name, error=str(exc))
            outcomes.append(outcome)
        job.report(len(outcomes), len(paths), "")
    return outcomes


class Importer(QObject):
    """Runs imports for the window, tells the checker how they went (``say`` for a plain success, else a
    message) and reports ``imported(outcomes, asked)`` and ``landed(article id)`` of the last article."""

    imported = Signal(list, int)  # outcomes, number of files asked for
    landed = Signal(str)

    def __init__(self, window: QWidget, runner: OpRunner, say: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.say = say
        self.job: workers.Job | None = None
        self._asked = 0
        self.imported.connect(self._report)

    @Slot(list, int)
    def _report(self, outcomes: list[ImportOutcome], asked: int) -> None:
        if self.runner.library is None:
            return
        arrived = [o for o in outcomes if o.article_id]
        if arrived:
            self.landed.emit(arrived[-1].article_id)
        level, text, detail = describe_outcomes(outcomes, asked)
        if level == "info" and len(outcomes) == 1 and outcomes[0].created:
            self.say(text)
        else:
            prompts.message(self.window, level, "Import", text, detail=detail)

    @property
    def busy(self) -> bool:
        """True while a batch import runs."""
        return self.job is not None and self.job.is_running

    def _import_here(self, shown_name: str, op, *args, **kwargs) -> ImportOutcome:
        problems: list[str] = []
        result = self.runner.run(op, *args, on_refusal=problems.append, **kwargs)
        if result is None:
            return ImportOutcome(shown_name, error=problems[0] if problems else "The article could not be imported.")
        return _outcome(shown_name, result)

    def import_paths(self, paths: list[Path]) -> workers.Job | None:
        """Import ``paths``: one on this thread, several in a worker (returned, so tests can wait for it)."""
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        if len(paths) == 1:
            self.imported.emit([self._import_here(paths[0].name, importing.import_file, paths[0])], 1)
            return None
        if self.busy:
            prompts.message(self.window, "info", "Import running",
                            "Another import is still running; wait for it to finish, then try again.")
            return None
        self._asked = len(paths)
        self.job = workers.Job(import_files_job, (self.runner.library.path, paths))
        JobProgress(self.job, self.window, "Importing articles", f"Importing {len(paths)} files…")
        self.job.signals.finished.connect(self._batch_done)
        self.job.signals.failed.connect(self._batch_failed)
        return self.job.start()

    def import_text(self, text: str) -> None:
        """Import pasted text as a new article."""
        if not text.strip():
            prompts.message(self.window, "info", "Nothing to paste",
                            "The clipboard holds no text. Copy an article's text first, then paste again.")
            return
        self.imported.emit([self._import_here("pasted.txt", importing.import_article, text, name="pasted.txt",
                                              source_name=PASTED_SOURCE)], 1)

    @Slot(object)
    def _batch_done(self, outcomes: list[ImportOutcome]) -> None:
        # The worker wrote through its own connection: tell the panes what it added.
        changes = Changes()
        for outcome in outcomes:
            changes = changes | outcome.changes
        self.runner.announce(changes)
        self.imported.emit(list(outcomes), self._asked)

    @Slot(str)
    def _batch_failed(self, message: str) -> None:
        prompts.message(self.window, "error", "Import failed", f"The files could not be imported: {message}")


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
        if o.warnings:
            return "warning", f"Imported {o.title or o.name}, read as {o.reader}.", "\n".join(o.warnings)
        return "info", f"Imported {o.title or o.name}" + (f", read as {o.reader}." if o.reader else "."), None
    lines = [f"{o.name}: {o.error}" for o in failed] + [f"{o.name}: already in the library" for o in dupes]
    lines += [f"{o.name}: {warning}" for o in new for warning in o.warnings]
    text = f"Imported {len(new)} of {asked} files."
    if len(outcomes) < asked:
        text += f" Import was cancelled after {len(outcomes)}."
    if failed:
        text += f" {len(failed)} could not be imported."
    if dupes:
        text += f" {len(dupes)} {'was' if len(dupes) == 1 else 'were'} already in the library."
    warned = [o for o in new if o.warnings]
    if warned:
        text += f" {len(warned)} came with notes on how {'it was' if len(warned) == 1 else 'they were'} read (see details)."
    return ("warning" if failed or warned else "info"), text, "\n".join(lines) or None
