"""The window's document actions: open a document in a viewer (at a passage), quote it as evidence for the
current claim, and import sources from bibliography files.

Viewers are kept one per document and told which claim is current; a quote runs
``ops.documents.quote_document`` through the window's runner (undoable, the checker named).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from factcheck_app.ops.bibliography import import_sources
from factcheck_app.ops.documents import quote_document
from factcheck_app.store.errors import StoreError
from factcheck_app.ui.commands.op_runner import PERSON, OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.document_viewer import DocumentViewer

BIBLIOGRAPHY_FILTER = "Bibliographies (*.json *.ris *.bib *.txt);;All files (*)"


class DocumentActions:
    """Open documents, quote them as evidence, import sources; for one window."""

    def __init__(self, window: QWidget, runner: OpRunner, claim: Callable[[], tuple[str | None, str | None]],
                 select_evidence: Callable[[str, str], None]) -> None:
        self.window = window
        self.runner = runner
        self._claim = claim
        self._select_evidence = select_evidence
        self.viewers: dict[str, DocumentViewer] = {}

    def open_document(self, document_id: str, page: int | None = None, passage: str | None = None,
                      parent: QWidget | None = None) -> DocumentViewer | None:
        """Show a document (its viewer raised if open), at ``page`` with ``passage`` highlighted.

        ``parent`` is a modal dialog the viewer must open over (it closes with it).
        """
        if self.runner.library is None:
            return None
        viewer = self.viewers.get(document_id)
        if viewer is None:
            try:
                viewer = DocumentViewer(self.runner.library, document_id, parent or self.window)
            except StoreError as exc:
                prompts.message(self.window, "warning", "Cannot open the document", str(exc))
                return None
            viewer.evidenceRequested.connect(self.quote)
            viewer.destroyed.connect(lambda _=None, d=document_id: self.viewers.pop(d, None))
            self.viewers[document_id] = viewer
            viewer.set_claim(*self._claim())
            viewer.setWindowFlag(Qt.WindowType.Window)
            viewer.show()
        if page is not None or passage:
            viewer.open_at(page, passage)
        viewer.raise_()
        viewer.activateWindow()
        return viewer

    def claim_changed(self) -> None:
        """Tell every open viewer which claim is current now."""
        for viewer in self.viewers.values():
            viewer.set_claim(*self._claim())

    def close_all(self) -> None:
        """Close every viewer (another library is opened)."""
        for viewer in list(self.viewers.values()):
            viewer.close()
        self.viewers.clear()

    def quote(self, document_id: str, page: int, excerpt: str, stance: str) -> str | None:
        """Make the quoted passage evidence for the current claim; return the evidence id, or None."""
        claim_id, _ = self._claim()
        if not claim_id:
            return None
        result = self.runner.run(quote_document, claim_id, document_id, page, excerpt, stance, by=PERSON,
                                 refused="Cannot quote the document")
        if result is None:
            return None
        self._select_evidence(claim_id, result.value)
        return result.value

    def import_sources(self) -> None:
        """Ask for bibliography files (CSL-JSON, RIS, BibTeX) and import their entries as sources."""
        paths = prompts.ask_open_files(self.window, "Import sources", "", BIBLIOGRAPHY_FILTER)
        if paths:
            self.import_source_files([Path(p) for p in paths])

    def import_source_files(self, paths: list[Path]) -> None:
        """Import bibliography files; say what was created, updated, skipped and not imported."""
        result = self.runner.run(import_sources, paths, refused="Cannot import the sources")
        if result is None:
            return
        report = result.value
        detail = "\n".join(report.problems) or None
        prompts.message(self.window, "warning" if report.problems else "info", "Sources imported",
                        report.summary() + ".", detail=detail)
