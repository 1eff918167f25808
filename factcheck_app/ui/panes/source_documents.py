"""The documents a source keeps, in the source dialog: attach files, open one in the viewer, detach.

Attaching and detaching run as operations (``ops.documents``) through the window's runner,
so they can be undone; the table shows each document's hash, size, type and when it was
attached.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from factcheck_app.ops.changes import OpResult
from factcheck_app.ops.documents import attach_documents, detach_documents
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.models.documents_model import DocumentsModel
from factcheck_app.ui.plain_text import plain_label

DOCUMENT_FILTER = ("Documents (*.pdf *.html *.htm *.txt *.md *.markdown *.png *.jpg *.jpeg *.webp);;"
                   "All files (*)")


class SourceDocuments(QWidget):
    """Table of one source's documents with Attach…, Open and Detach; ``openRequested(document_id)``."""

    openRequested = Signal(str)

    def __init__(self, runner: OpRunner, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.source_id = source_id
        self.model = DocumentsModel(runner.library, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Documents of this source")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda index: self.openRequested.emit(self.model.document(index.row())["id"]))
        self.attach_button = QPushButton("Attach &files…")
        self.open_button = QPushButton("&Open")
        self.detach_button = QPushButton("De&tach")
        self.attach_button.clicked.connect(self.ask_attach)
        self.open_button.clicked.connect(self._open_current)
        self.detach_button.clicked.connect(self._detach_current)
        self.attach_button.setEnabled(runner.writable)
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.detach_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        runner.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the source's documents again."""
        self.model.load(self.source_id)
        self._update_buttons()

    def _changed(self, changes) -> None:
        if changes.documents or changes.sources or changes.everything:
            self.refresh()

    def current_document_id(self) -> str | None:
        """Return the id of the selected document, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.document(rows[0].row())["id"] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current_document_id() is not None
        self.open_button.setEnabled(chosen)
        self.detach_button.setEnabled(chosen and self.runner.writable)

    def ask_attach(self) -> None:
        """Ask for files and attach them."""
        paths = prompts.ask_open_files(self, "Attach documents to the source", "", DOCUMENT_FILTER)
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> OpResult | None:
        """Attach ``paths`` to the source (undoable); say what happened in one line."""
        result = self.runner.run(attach_documents, self.source_id, list(paths), refused="Cannot attach the documents")
        if result is not None:
            kept = [a for a in result.value if not a.already_attached]
            self.status_label.setText(" ".join([f"{len(kept)} document(s) attached."] + result.notes))
        return result

    def _open_current(self) -> None:
        document_id = self.current_document_id()
        if document_id:
            self.openRequested.emit(document_id)

    def _detach_current(self) -> None:
        document_id = self.current_document_id()
        if document_id:
            self.runner.run(detach_documents, self.source_id, [document_id], refused="Cannot detach the document")
