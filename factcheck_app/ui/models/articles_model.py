"""The library's articles as a table: ordered ids fetched lazily, row details filled lazily by page.

Like Anki's browser table model, the model holds only the ordered ids; a page of rows is
read when the view first asks for one of them. Opening reads only the first ``FIRST_ROWS``
ids (more than a window shows); the view asks for the rest through ``canFetchMore`` /
``fetchMore`` when it is scrolled to the end of them, and looking an article up by id
reads them too. So a library of 40,000 articles opens as fast as one of 200.
Searching and sorting happen in the store (``store.views``: title/outlet text, any column).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.library import Library
from factcheck_app.ui.plain_text import plain_tooltip

#: Rows whose details are read at once: about a window's worth (each costs some 30 µs on a large library).
PAGE = 50
#: Ids read by a (re)load (cheap: no details); the rest are read when they are needed.
FIRST_ROWS = 200
COLUMNS = ("Title", "Outlet", "Date", "Claims", "Checked")
#: The store's sort key for each column.
SORT_KEYS = ("title", "outlet", "date", "claims", "checked")
HEADER_TIPS = {2: "Published date (the import date when the article has none)", 3: "Claims worth checking",
               4: "Claims with a verdict"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArticlesModel(QAbstractTableModel):
    """Articles of one library: Title, Outlet, Published, Claims, Checked."""

    def __init__(self, parent: Any = None, first_rows: int | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._first_rows = max(1, first_rows or FIRST_ROWS)
        self._ids: list[str] = []
        #: Whether ``_ids`` holds every listed article (False while only the first rows are read).
        self._complete = True
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
        """Fetch the first ordered ids again (one query) and forget cached rows."""
        self.beginResetModel()
        ids = self._query_ids(limit=self._first_rows + 1)
        self._complete = len(ids) <= self._first_rows
        self._ids = ids[:self._first_rows]
        self._rows.clear()
        self.endResetModel()

    def _query_ids(self, limit: int | None = None) -> list[str]:
        if self._library is None:
            return []
        return views.article_ids(self._library.db, self._search, SORT_KEYS[self._sort_column],
                                 descending=self._sort_order == Qt.SortOrder.DescendingOrder, limit=limit)

    def _load_rest(self) -> None:
        """Read the whole ordered list and append the ids not read yet, as inserted rows."""
        if self._complete:
            return
        self._complete = True
        # The order is total (store.views), so the list read now starts with the rows read
        # before unless another program changed the library meanwhile: its new articles then
        # join at the end, as they would stay away until the next reload otherwise.
        known = set(self._ids)
        rest = [i for i in self._query_ids() if i not in known]
        if rest:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(rest) - 1)
            self._ids.extend(rest)
            self.endInsertRows()

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
        row = self._loaded_row(article_id)
        if row is None:
            # Not among the rows read: a new or deleted article, or one further down that a
            # reload will read afresh when it is needed.
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
        """Return the row showing ``article_id`` (reading the rest of the list when needed), or None."""
        row = self._loaded_row(article_id)
        if row is None and not self._complete:
            self._load_rest()
            row = self._loaded_row(article_id)
        return row

    def _loaded_row(self, article_id: str) -> int | None:
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

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt's name
        if not parent.isValid():
            self._load_rest()

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
