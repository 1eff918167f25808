"""The library pane: a search field over the article table."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QMenu, QTableView, QVBoxLayout, QWidget

from factcheck_app.ops.changes import Changes
from factcheck_app.store.library import Library
from factcheck_app.ui.models.articles_model import ArticlesModel

SEARCH_SETTLE_MS = 200
OUTLET_COLUMN = 1
DATE_SAMPLE = "0000-00-00"


class LibraryPane(QWidget):
    """Articles of the library; emits ``articleSelected`` with the chosen article's id (or None), and from its
    right-click menu ``detailsRequested`` / ``deleteRequested`` with an article's id."""

    articleSelected = Signal(object)
    detailsRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticlesModel(self)
        heading = QLabel("Library")
        heading.setObjectName("paneHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles and outlets (Ctrl+L)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search articles")
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SEARCH_SETTLE_MS)
        self._settle.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._settle.start())
        self.search.returnPressed.connect(self._apply_search)

        self.table = QTableView()
        self.table.setObjectName("articlesTable")
        self.table.setAccessibleName("Articles")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Article columns (click to sort)")
        header.setStretchLastSection(False)
        self._size_columns()
        # The outlet is in each title's tooltip and the article's byline; in a narrow pane the title needs the room.
        self.show_outlet = QAction("Show &Outlet Column", self)
        self.show_outlet.setCheckable(True)
        self.show_outlet.toggled.connect(lambda on: self.table.setColumnHidden(OUTLET_COLUMN, not on))
        self.table.setColumnHidden(OUTLET_COLUMN, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header.addAction(self.show_outlet)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda point: self.context_menu(self.table.indexAt(point)).exec(self.table.viewport().mapToGlobal(point)))
        self.writable = False  # whether the menu offers changes (the library is open and may be written)
        self.model.modelReset.connect(self._after_reset)
        self._remember: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)

    def _size_columns(self) -> None:
        """Give the title every pixel the short columns do not need; sizes follow the font, not fixed pixels."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Measured once from the header and a sample date: sizing to contents would read every lazy row.
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 4
        date = self.table.fontMetrics().horizontalAdvance(DATE_SAMPLE) + padding
        header.resizeSection(OUTLET_COLUMN, self.table.fontMetrics().horizontalAdvance("M" * 8) + padding)
        header.resizeSection(2, max(date, header.sectionSizeFromContents(2).width()))
        for column in (3, 4):
            # Room for the word and its margins; when sorted by a count the arrow may shorten the word.
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(text) + padding + 6)

    def current_article_id(self) -> str | None:
        """Return the id of the selected article."""
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: str | None) -> bool:
        """Select ``article_id`` (clearing the search if it hides it); return True when it is shown."""
        if article_id is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            return False
        row = self.model.row_of(article_id)
        if row is None and self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.model.set_search("")
            row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Build the menu for the article at ``index`` (selecting it): its details, deleting it."""
        menu = QMenu(self)
        article_id = self.model.article_id(index.row()) if index.isValid() else None
        if article_id:
            self.select_article(article_id)
        for text, signal in (("Article &Details…", self.detailsRequested), ("&Delete Article…", self.deleteRequested)):
            action = menu.addAction(text)
            action.setEnabled(article_id is not None and self.writable)
            action.triggered.connect(lambda _checked=False, s=signal: s.emit(article_id))
        return menu

    def select_first(self) -> None:
        """Select the first article, if any."""
        first = self.model.article_id(0)
        if first:
            self.select_article(first)

    @Slot()
    def _apply_search(self) -> None:
        self._settle.stop()
        self._remember = self.current_article_id()
        self.model.set_search(self.search.text())

    @Slot()
    def _after_reset(self) -> None:
        # Keep the article selected across a search or re-sort when it is still listed.
        remember, self._remember = self._remember, None
        if remember and self.model.row_of(remember) is not None:
            self.select_article(remember)

    def set_library(self, library: Library | None) -> None:
        """List the articles of ``library`` (None: none)."""
        self.writable = library is not None and not library.readonly
        self.model.set_library(library)

    def on_changed(self, changes: Changes) -> None:
        """Bring the article list up to date with an operation's changes, keeping the selected article."""
        self._remember = self.current_article_id()
        if not self.model.apply_changes(changes):
            self._remember = None

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.articleSelected.emit(self.model.article_id(current.row()) if current.isValid() else None)
