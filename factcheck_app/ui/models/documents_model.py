"""A source's documents as a table: name, type, size, pages, searchable text, when attached, SHA-256."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factcheck_app.ingest.document_types import DOCUMENT_TYPES
from factcheck_app.store import Library
from factcheck_app.store.documents import documents_of_source

COLUMNS = ("Name", "Type", "Size", "Pages", "Text", "Attached", "SHA-256")
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def text_state(row: dict) -> str:
    """Return whether a document's text can be searched, in a word or two."""
    if row["has_text"]:
        return "recognised (OCR)" if row.get("text_origin") == "ocr" else "searchable"
    return "picture, no text" if row["part_kind"] == "image" else "no text (scan?)"


def human_size(size: int) -> str:
    """Return a byte count as people read it (KB, MB)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


class DocumentsModel(QAbstractTableModel):
    """The documents one source keeps, in the order they were attached."""

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._source_id: str | None = None
        self._rows: list[dict] = []

    def load(self, source_id: str | None) -> None:
        """Show the documents of ``source_id`` (None: none)."""
        self.beginResetModel()
        self._source_id = source_id
        self._rows = documents_of_source(self._library.db, source_id) if source_id else []
        self.endResetModel()

    def refresh(self) -> None:
        """Read the rows again (after an attach or detach)."""
        self.load(self._source_id)

    def document(self, row: int) -> dict:
        """Return the document row shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row['attached_name']}\n{human_size(row['size'])} ({row['size']:,} bytes)\nSHA-256 {row['sha256']}"
        if role == DOCUMENT_ID_ROLE:
            return row["id"]
        return None

    @staticmethod
    def _display(row: dict, column: int) -> str:
        if column == 0:
            return row["attached_name"]
        if column == 1:
            doc_type = DOCUMENT_TYPES.get(row["media_type"])
            return doc_type.label if doc_type else row["media_type"]
        if column == 2:
            return human_size(row["size"])
        if column == 3:
            return "" if row["part_kind"] == "image" else str(row["parts"])
        if column == 4:
            return text_state(row)
        if column == 5:
            return row["attached_at"].replace("T", " ").replace("+00:00", " UTC")
        return row["sha256"]
