"""Attach a source by typing: full-text search over the library's sources as you type, Enter attaches.

The results list sits under the search box while there is text. Up and Down move
through it, Enter attaches the highlighted source (the first when none is) with the
stance chosen beside the box, Escape clears. Enter with no match offers to create a
source with the typed title.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.store import Library
from factcheck_app.store.schema import STANCES
from factcheck_app.store.search import search_sources
from factcheck_app.ui.panes.evidence_list import STANCE_LABELS
from factcheck_app.ui.plain_text import plain_label, plain_tooltip

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_LIMIT = 12


class SourceResultsModel(QAbstractListModel):
    """Sources matching the typed text, best first; sources already on the claim are marked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []
        self._attached: set[str] = set()

    def set_results(self, rows: list[dict], attached: set[str] | None = None) -> None:
        """Replace the results with ``rows`` (source rows); ``attached`` are ids already on the claim."""
        self.beginResetModel()
        self._rows = list(rows)
        self._attached = set(attached or ())
        self.endResetModel()

    def source_id(self, row: int) -> str:
        """Return the id of the source on ``row``."""
        return self._rows[row]["id"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._label(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = f"Found in {row['found_in']}: {row['passage']}" if row.get("found_in") else None
            return plain_tooltip("\n".join(p for p in (row["title"], row.get("publisher"), row.get("url"),
                                                   row.get("notes"), found) if p))
        if role == SOURCE_ID_ROLE:
            return row["id"]
        return None

    def _label(self, row: dict) -> str:
        details = [d for d in (row.get("publisher"), row.get("published")) if d]
        text = row["title"] + (f"  ·  {', '.join(details)}" if details else "")
        # A source found through the text of a document it keeps says where.
        if row.get("found_in"):
            text += f"  ·  in {row['found_in']}"
        return text + ("  (already attached)" if row["id"] in self._attached else "")


class SourceSearch(QWidget):
    """Search box, stance chooser and "New source" button, with the results list below while typing.

    ``attachRequested(source_id, stance)`` when the checker picks a result;
    ``createRequested(title, stance)`` when they ask for a new source.
    """

    attachRequested = Signal(str, str)
    createRequested = Signal(str, str)
    editSourceRequested = Signal(str)  # from the results' right-click menu: a source id
    removeSourceRequested = Signal(str)
    mergeSourceRequested = Signal(str, list)  # the source to keep, the other sources listed (duplicate candidates)
    leaveRequested = Signal()  # Escape in the empty box: done with sources

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._attached: set[str] = set()

        self.label = QLabel("Attach &source:")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Type to search sources…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search sources to attach")
        self.search_edit.setAccessibleDescription(
            "Type words from a source's title, publisher, notes or tags; Down to choose, Enter to attach, "
            "Escape (in the empty box) to go back to the claims."
        )
        self.label.setBuddy(self.search_edit)

        self.stance_combo = QComboBox()
        for stance in STANCES:
            self.stance_combo.addItem(STANCE_LABELS[stance], stance)
        self.stance_combo.setAccessibleName("Stance of the source to attach")
        self.stance_combo.setToolTip("Whether the source supports or refutes the claim, or gives context")
        stance_label = QLabel("St&ance:")
        stance_label.setBuddy(self.stance_combo)

        self.new_button = QPushButton("&New source…")
        self.new_button.setAccessibleName("Create a new source and attach it")
        self.new_button.clicked.connect(self._ask_create)

        self.results_model = SourceResultsModel(self)
        self.results_view = QListView()
        self.results_view.setModel(self.results_model)
        self.results_view.setAccessibleName("Matching sources")
        self.results_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay in the search box
        self.results_view.setUniformItemSizes(True)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.results_view.clicked.connect(lambda index: self._attach_row(index.row()))
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.customContextMenuRequested.connect(
            lambda point: self.context_menu(self.results_view.indexAt(point).row()).exec(
                self.results_view.viewport().mapToGlobal(point)))
        self.results_view.hide()
        self.no_match_label = plain_label()
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setAccessibleName("Search result")
        self.no_match_label.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search_edit, 1)
        top.addWidget(stance_label)
        top.addWidget(self.stance_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.label)
        header.addStretch(1)
        header.addWidget(self.new_button)
        layout.addLayout(header)
        layout.addLayout(top)
        layout.addWidget(self.results_view)
        layout.addWidget(self.no_match_label)

        self.search_edit.textChanged.connect(self.update_results)
        self.search_edit.installEventFilter(self)

    def stance(self) -> str:
        """Return the stance chosen for the next attachment."""
        return self.stance_combo.currentData()

    def set_attached(self, source_ids: set[str]) -> None:
        """Tell the search which sources the claim already has (they are marked in the results)."""
        self._attached = set(source_ids)

    def update_results(self, text: str | None = None) -> None:
        """Search the library for ``text`` (default: the box's text) and show the matches."""
        text = self.search_edit.text() if text is None else text
        rows = search_sources(self._library.db, text, RESULT_LIMIT) if text.strip() else []
        self.results_model.set_results(rows, self._attached)
        has_text = bool(text.strip())
        self.results_view.setVisible(bool(rows))
        if rows:
            self.results_view.setCurrentIndex(self.results_model.index(0))
            row_height = max(self.results_view.sizeHintForRow(0), self.results_view.fontMetrics().height() + 6)
            frame = 2 * self.results_view.frameWidth()
            self.results_view.setFixedHeight(row_height * min(len(rows), 6) + frame)
        self.no_match_label.setVisible(has_text and not rows)
        if has_text and not rows:
            self.no_match_label.setText("No source matches. Press Enter to create one with this title.")

    def clear(self) -> None:
        """Empty the box and hide the results."""
        self.search_edit.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results_model.rowCount():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results_model.rowCount() - 1, self.results_view.currentIndex().row() + step))
                self.results_view.setCurrentIndex(self.results_model.index(row))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search_edit.text().strip():
                if self.results_model.rowCount():
                    self._attach_row(max(self.results_view.currentIndex().row(), 0))
                else:
                    self._ask_create()
                return True
            if key == Qt.Key.Key_Escape:
                if self.search_edit.text():
                    self.clear()
                else:
                    self.leaveRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def context_menu(self, row: int) -> QMenu:
        """Build the menu for the source shown at ``row``: attach it, edit it, remove it from the library."""
        menu = QMenu(self)
        valid = 0 <= row < self.results_model.rowCount()
        source_id = self.results_model.source_id(row) if valid else ""
        attach = menu.addAction("&Attach to the Claim")
        attach.triggered.connect(lambda: self._attach_row(row))
        edit = menu.addAction("&Edit Source…")
        edit.triggered.connect(lambda: self.editSourceRequested.emit(source_id))
        merge = menu.addAction("&Merge a Duplicate into This Source…")
        others = [self.results_model.source_id(r) for r in range(self.results_model.rowCount()) if r != row]
        merge.triggered.connect(lambda: self.mergeSourceRequested.emit(source_id, others))
        remove = menu.addAction("&Remove Source from the Library")
        remove.setToolTip("Only a source no evidence cites can be removed")
        remove.triggered.connect(lambda: self.removeSourceRequested.emit(source_id))
        for action in menu.actions():
            action.setEnabled(valid and self.isEnabled())
        merge.setEnabled(merge.isEnabled() and bool(others))
        return menu

    def _attach_row(self, row: int) -> None:
        if 0 <= row < self.results_model.rowCount():
            self.attachRequested.emit(self.results_model.source_id(row), self.stance())

    def _ask_create(self) -> None:
        self.createRequested.emit(self.search_edit.text().strip(), self.stance())
