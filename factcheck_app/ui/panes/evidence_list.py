"""The claim's evidence as a table: stance (text and colour), source, publisher, excerpt, locator."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from factcheck_app.store import Library
from factcheck_app.store.evidence import list_evidence
from factcheck_app.ui.plain_text import plain_tooltip

COLUMNS = ("Stance", "Source", "Publisher", "Excerpt", "Locator")
COLUMN_SHARES = {1: 0.34, 2: 0.22, 3: 0.30, 4: 0.14}
STANCE_LABELS = {"supports": "Supports", "refutes": "Refutes", "context": "Context"}
# Shown beside the stance's word, never instead of it.
STANCE_COLOURS = {"supports": "#1b7837", "refutes": "#c51b1b", "context": "#6b6b8f"}
EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STANCE_ROLE = Qt.ItemDataRole.UserRole + 2
_EXCERPT_CHARS = 120


def _one_line(text: str | None, limit: int = _EXCERPT_CHARS) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class EvidenceTableModel(QAbstractTableModel):
    """A claim's evidence rows, reloaded from the store on ``load(claim_id)`` / ``refresh()``."""

    def __init__(self, library: Library, parent=None) -> None:
        super().__init__(parent)
        self._library = library
        self._claim_id: str | None = None
        self._rows: list[dict] = []

    @property
    def claim_id(self) -> str | None:
        """Return the claim whose evidence is shown."""
        return self._claim_id

    def load(self, claim_id: str | None) -> None:
        """Show the evidence of ``claim_id`` (None: none)."""
        self.beginResetModel()
        self._claim_id = claim_id
        self._rows = list_evidence(self._library.db, claim_id) if claim_id else []
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the current claim's evidence from the store."""
        self.load(self._claim_id)

    def evidence_id(self, row: int) -> str:
        """Return the evidence id shown on ``row``."""
        return self._rows[row]["id"]

    def evidence_row(self, row: int) -> dict:
        """Return the evidence (joined with its source) shown on ``row``."""
        return dict(self._rows[row])

    def row_of(self, evidence_id: str) -> int:
        """Return the row showing ``evidence_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r["id"] == evidence_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == EVIDENCE_ID_ROLE:
            return row["id"]
        if role == STANCE_ROLE:
            return row["stance"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(STANCE_COLOURS.get(row["stance"], "#808080"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column]}: {self._display(row, column) or 'none'}"
        return None

    @staticmethod
    def _display(row: dict, column: int) -> str:
        if column == 0:
            return STANCE_LABELS.get(row["stance"], row["stance"])
        if column == 1:
            return row["source_title"] or ""
        if column == 2:
            return row["publisher"] or ""
        if column == 3:
            return _one_line(row["excerpt"])
        return row["locator"] or ""

    @staticmethod
    def _tooltip(row: dict) -> str:
        parts = [f"{STANCE_LABELS.get(row['stance'], row['stance'])}: {row['source_title']}"]
        if row["publisher"]:
            parts.append(row["publisher"])
        if row["excerpt"]:
            parts.append(f"“{row['excerpt']}”")
        if row["locator"]:
            parts.append(f"At: {row['locator']}")
        if row["note"]:
            parts.append(f"Note: {row['note']}")
        return "\n".join(parts)


class EvidenceTableView(QTableView):
    """The evidence table: one row per attached source; Enter or double-click asks to edit, Delete to detach,
    and the right-click menu offers the same with editing the source."""

    editRequested = Signal(str)
    detachRequested = Signal(str)
    sourceEditRequested = Signal(str)  # the evidence id whose source to edit
    documentRequested = Signal(str)  # the evidence id whose document to open at its passage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Evidence for this claim")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.doubleClicked.connect(lambda index: self._request(self.editRequested, index))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda point: self.context_menu(self.indexAt(point)).exec(self.viewport().mapToGlobal(point)))

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._share_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _share_width(self) -> None:
        # Source, publisher, excerpt and locator share what the stance column leaves, so a
        # narrow panel still shows some of each instead of one column squeezed to nothing.
        if self.model() is None:
            return
        header = self.horizontalHeader()
        least = {column: header.sectionSizeFromContents(column).width() for column in COLUMN_SHARES}
        extra = max(self.viewport().width() - self.columnWidth(0) - sum(least.values()), 0)
        for column, share in COLUMN_SHARES.items():
            self.setColumnWidth(column, least[column] + int(extra * share))

    def sizeHint(self) -> QSize:
        # The default (192 px high) would make the panel taller than a laptop screen.
        rows = self.verticalHeader().defaultSectionSize() * 2
        return QSize(super().sizeHint().width(), self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth())

    def current_evidence_id(self) -> str | None:
        """Return the selected evidence id, or None."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.siblingAtColumn(0).data(EVIDENCE_ID_ROLE)

    def select_evidence(self, evidence_id: str) -> None:
        """Select the row showing ``evidence_id`` if it is there."""
        row = self.model().row_of(evidence_id)
        if row >= 0:
            self.selectRow(row)

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Build the menu for the evidence at ``index`` (selecting it): edit it, edit its source, detach it."""
        menu = QMenu(self)
        if index.isValid():
            self.selectRow(index.row())
        for text, signal in (("&Edit Evidence…", self.editRequested), ("Edit &Source…", self.sourceEditRequested),
                             ("&Detach from Claim", self.detachRequested)):
            action = menu.addAction(text)
            action.setEnabled(index.isValid() and self.isEnabled())
            action.triggered.connect(lambda _checked=False, s=signal: self._request(s, index))
        action = menu.addAction("&Open Document at Passage")
        action.setEnabled(index.isValid() and bool(self.model().evidence_row(index.row()).get("document_id")))
        action.triggered.connect(lambda _checked=False: self._request(self.documentRequested, index))
        return menu

    def _request(self, signal, index: QModelIndex) -> None:
        if index.isValid():
            signal.emit(index.siblingAtColumn(0).data(EVIDENCE_ID_ROLE))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._request(self.editRequested, self.currentIndex())
            return
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            if self.currentIndex().isValid():
                self._request(self.detachRequested, self.currentIndex())
                return
        super().keyPressEvent(event)
