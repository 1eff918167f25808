"""The library's articles as a table: ids fetched with one query, row details filled lazily by page.

Like Anki's browser table model, the model holds only the ordered ids; a page of rows is
read when the view first asks for one of them, so 20,000 articles open at once.
Searching and sorting happen in the store (``store.views``: title/outlet text, any column).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.library import Library
from factcheck_app.ui.plain_text import plain_tooltip

PAGE = 200
COLUMNS = ("Title", "Outlet", "Date", "Claims", "Checked")
#: The store's sort key for each column.
SORT_KEYS = ("title", "outlet", "date", "claims", "checked")
HEADER_TIPS = {2: "Published date (the import date when the article has none)", 3: "Claims worth checking",
               4: "Claims with a verdict"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArticlesModel(QAbstractTableModel):
    """Articles of one library: Title, Outlet, Published, Claims, Checked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._ids: list[str] = []
        self._rows: dict[str, dict] = {}
        self._search = ""
        self._sort_column = 2
        self._sort_order = Qt.SortOrder.DescendingOrder

    # --- loading ---------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        """Show the articles of ``library`` (None: an empty table)."""
        self._library = library
        self.reload()

    def set_search(self, text: str) -> None:
        """Keep only articles whose title or outlet contains ``text``."""
        self._search = text.strip()
        self.reload()

    def reload(self) -> None:
        """Fetch the ordered ids again (one query) and forget cached rows."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._rows.clear()
        self.endResetModel()

    def _query_ids(self) -> list[str]:
        if self._library is None:
            return []
        return views.article_ids(self._library.db, self._search, SORT_KEYS[self._sort_column],
                                 descending=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _row(self, row: int) -> dict:
        article_id = self._ids[row]
        cached = self._rows.get(article_id)
        if cached is None:
            first = row - row % PAGE
            self._fetch(self._ids[first:first + PAGE])
            cached = self._rows.get(article_id, {"id": article_id, "title": "(deleted)"})
        return cached

    def _fetch(self, ids: list[str]) -> None:
        if not ids or self._library is None:
            return
        self._rows.update(views.article_summaries(self._library.db, ids))

    def refresh_article(self, article_id: str) -> bool:
        """Re-read one article's row (after its claims or metadata changed); return False when it is not listed or gone."""
        self._rows.pop(article_id, None)
        row = self.row_of(article_id)
        if row is None:
            return False
        self._fetch([article_id])
        if article_id not in self._rows:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def apply_changes(self, changes: Changes) -> bool:
        """Bring the rows up to date with an operation's changes; return True when the list was read again."""
        if self._library is None or not changes:
            return False
        articles = set(changes.article_ids)
        articles.update(filter(None, (views.article_of_claim(self._library.db, c) for c in changes.claim_ids)))
        if changes.everything or not all([self.refresh_article(a) for a in articles]):
            # A new, deleted or renamed-out-of-the-search article: the list itself changed.
            self.reload()
            return True
        return False

    # --- lookups ---------------------------------------------------------
    def article_id(self, row: int) -> str | None:
        """Return the id of the article at ``row`` (None outside the table)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int | None:
        """Return the row showing ``article_id``, or None."""
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def article(self, row: int) -> dict:
        """Return the summary row (id, title, outlet, published, claims, checked) at ``row``."""
        return self._row(row)

    # --- Qt model API ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return HEADER_TIPS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        column = index.column()
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column >= 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if column == 0:
            title = row.get("title") or row.get("source_name") or "(untitled)"
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(f"{title}\n{row.get('outlet') or 'outlet unknown'} · {row.get('published') or 'no date'}")
            return title
        if column == 1:
            return plain_tooltip(row.get("outlet") or "")
        if column == 2:
            return row.get("published") or ""
        if column == 3:
            return str(row.get("claims", 0))
        if column == 4:
            return str(row.get("checked", 0))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self._sort_column, self._sort_order = column, order
        self.reload()
