"""The claims pane: filters (text, kind, status, verdict), scope, and the sortable claims table."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.core.rating_scales import NOT_YET_CHECKED
from factcheck_app.extract.facet_kinds import facet_kinds
from factcheck_app.ops.changes import Changes
from factcheck_app.store.library import Library
from factcheck_app.store.schema import CLAIM_STATUSES
from factcheck_app.ui.models.claims_model import ARTICLE_COLUMN, MATCH_COLUMN, STATUS, STATUS_TEXT, ClaimsModel
from factcheck_app.ui.models.claims_proxy import NO_VERDICT, NOT_DISMISSED, ClaimsFilterProxy

FILTER_SETTLE_MS = 150


class ClaimsView(QWidget):
    """The claims table with its filter bar.

    Signals: ``claimSelected(str | None)`` for the current claim; ``splitRequested(str)``,
    ``mergeRequested(list)``, ``addRequested()``, ``dismissRequested(list)`` from the context menu;
    ``scopeChanged(bool)`` when "whole library" is switched.
    """

    claimSelected = Signal(object)
    splitRequested = Signal(str)
    mergeRequested = Signal(list)
    dismissRequested = Signal(list)
    restoreRequested = Signal(list)
    addRequested = Signal()
    scopeChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.writable = False  # whether the menu offers changes (set with the library)
        self.proxy = ClaimsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_text = QLineEdit()
        self.filter_text.setPlaceholderText("Filter claims (Ctrl+F)")
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.setAccessibleName("Filter claims by text")
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(FILTER_SETTLE_MS)
        self._settle.timeout.connect(self._apply_text)
        self.filter_text.textChanged.connect(lambda _t: self._settle.start())
        self.filter_text.returnPressed.connect(self._apply_text)

        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Filter claims by kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in facet_kinds():
            self.kind_filter.addItem(kind.label.capitalize(), kind.name)
        self.kind_filter.currentIndexChanged.connect(self._apply_combos)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter claims by status")
        self.status_filter.addItem("Any status", None)
        self.status_filter.addItem("Not dismissed", NOT_DISMISSED)
        for status in CLAIM_STATUSES:
            self.status_filter.addItem(STATUS_TEXT[status], status)
        self.status_filter.currentIndexChanged.connect(self._apply_combos)

        self.verdict_filter = QComboBox()
        self.verdict_filter.setAccessibleName("Filter claims by verdict")
        self.verdict_filter.currentIndexChanged.connect(self._apply_combos)
        self._fill_verdicts()

        self.checked_before_filter = QCheckBox("Checked before")
        self.checked_before_filter.setAccessibleName("Only claims that match an earlier check")
        self.checked_before_filter.setToolTip("Only claims that match a published check or an earlier verdict")
        self.checked_before_filter.toggled.connect(self._apply_combos)

        self.scope = QComboBox()
        self.scope.setAccessibleName("Which claims to list")
        self.scope.addItem("This article", False)
        self.scope.addItem("Whole library", True)
        self.scope.currentIndexChanged.connect(self._scope_changed)

        self.count = QLabel("")
        self.count.setAccessibleName("Number of claims shown")
        self.count.setEnabled(False)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        heading = QLabel("Claims")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        bar.addWidget(heading)
        bar.addWidget(self.filter_text, 1)
        bar.addWidget(self.scope)
        bar.addWidget(self.count)
        combos = QHBoxLayout()
        combos.setSpacing(6)
        for combo in (self.kind_filter, self.status_filter, self.verdict_filter):
            combos.addWidget(combo, 1)
        combos.addWidget(self.checked_before_filter)

        self.table = QTableView()
        self.table.setObjectName("claimsTable")
        self.table.setAccessibleName("Claims")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Claim columns (click to sort)")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 96), (2, 46), (3, 80), (4, 112), (5, 54), (6, 150), (MATCH_COLUMN, 112)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.setColumnHidden(ARTICLE_COLUMN, True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.installEventFilter(self)
        self.proxy.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._fill_verdicts)
        self.model.loadingChanged.connect(self._loading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addLayout(combos)
        layout.addWidget(self.table, 1)
        self._update_count()

    def set_library(self, library: Library | None) -> None:
        """List claims of ``library`` (None: none), keeping the scope; its menu offers changes when it may be written."""
        self.writable = library is not None and not library.readonly
        self.model.set_library(library)
        self.model.set_article(None, all_claims=self.model.shows_all)

    def on_changed(self, changes: Changes) -> None:
        """Bring the table up to date with an operation's changes, keeping the current claim current."""
        keep = self.current_claim_id()
        self.model.apply_changes(changes)
        if keep and self.model.row_of(keep) is not None and not self.model.loading:
            self.select_claim(keep, emit=False)

    # --- filters ---------------------------------------------------------
    @Slot()
    def _apply_text(self) -> None:
        self._settle.stop()
        self._refilter(text=self.filter_text.text())

    @Slot()
    def _apply_combos(self) -> None:
        verdict = self.verdict_filter.currentData()
        self._refilter(kind=self.kind_filter.currentData(), status=self.status_filter.currentData(),
                       verdict=verdict if verdict != "*" else None,
                       checked_before=self.checked_before_filter.isChecked())

    def _refilter(self, **filters) -> None:
        keep = self.current_claim_id()
        self.proxy.set_filters(**filters)
        if not self.select_claim(keep, emit=False) and keep:
            # The current claim is hidden now: say so, so that nothing acts on a claim out of sight.
            self.claimSelected.emit(None)

    @Slot()
    def _fill_verdicts(self) -> None:
        current = self.verdict_filter.currentData()
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        # "*" stands for "any verdict" because None already means "no verdict" to a combo's data.
        self.verdict_filter.addItem("Any verdict", "*")
        self.verdict_filter.addItem(NOT_YET_CHECKED, NO_VERDICT)
        for label in self.model.verdict_labels():
            self.verdict_filter.addItem(label, label)
        found = self.verdict_filter.findData(current) if current is not None else 0
        self.verdict_filter.setCurrentIndex(max(found, 0))
        self.verdict_filter.blockSignals(False)

    def clear_filters(self) -> None:
        """Show every claim of the scope."""
        for combo in (self.kind_filter, self.status_filter, self.verdict_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filter_text.blockSignals(True)
        self.filter_text.clear()
        self.filter_text.blockSignals(False)
        self.checked_before_filter.blockSignals(True)
        self.checked_before_filter.setChecked(False)
        self.checked_before_filter.blockSignals(False)
        self.proxy.clear_filters()

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,}")

    @Slot(bool)
    def _loading(self, loading: bool) -> None:
        if loading:
            self.count.setText("Loading…")
        else:
            self._update_count()

    @Slot(int)
    def _scope_changed(self, _index: int) -> None:
        everything = bool(self.scope.currentData())
        self.table.setColumnHidden(ARTICLE_COLUMN, not everything)
        self.scopeChanged.emit(everything)

    def set_scope_all(self, everything: bool) -> None:
        """Switch between this article's claims and the whole library's without emitting scopeChanged."""
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(1 if everything else 0)
        self.scope.blockSignals(False)
        self.table.setColumnHidden(ARTICLE_COLUMN, not everything)

    # --- selection -------------------------------------------------------
    def current_claim_id(self) -> str | None:
        """Return the id of the current claim row."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.claim_id(self.proxy.source_row(index.row()))

    def selected_claim_ids(self) -> list[str]:
        """Return the ids of every selected row, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.claim_id(self.proxy.source_row(r)) for r in rows) if cid]

    def select_claim(self, claim_id: str | None, emit: bool = True) -> bool:
        """Make ``claim_id`` the current row; return False when it is not listed (filtered out or absent)."""
        row = self.proxy.proxy_row_of(claim_id) if claim_id else -1
        selection = self.table.selectionModel()
        if row < 0:
            if not emit:
                selection.blockSignals(True)
            self.table.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            if not emit:
                selection.blockSignals(False)
            return False
        index = self.proxy.index(row, 0)
        if not emit:
            selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        if not emit:
            selection.blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index)
        return True

    # Keys that mean "next / previous claim" everywhere in the window. The table would
    # otherwise take them itself: Ctrl+arrows move its current row without selecting it (the
    # panel follows, the highlight stays behind) and letters start a keyboard search.
    _STEP_KEYS = {
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier): 1,
        (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier): -1,
        (Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier): 1,
        (Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier): -1,
    }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            delta = self._STEP_KEYS.get((Qt.Key(event.key()), modifiers))
            if delta is not None:
                if event.type() == QEvent.Type.KeyPress:
                    self.step(delta)
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def step(self, delta: int) -> str | None:
        """Move the current row by ``delta`` (J/K); return the new claim id."""
        rows = self.proxy.rowCount()
        if not rows:
            return None
        current = self.table.currentIndex()
        row = (current.row() + delta) if current.isValid() else (0 if delta > 0 else rows - 1)
        row = max(0, min(rows - 1, row))
        claim_id = self.model.claim_id(self.proxy.source_row(row))
        self.select_claim(claim_id)
        return claim_id

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.claimSelected.emit(self.model.claim_id(self.proxy.source_row(current.row()))
                                if current.isValid() else None)

    # --- context menu ----------------------------------------------------
    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(point))

    def context_menu(self) -> QMenu:
        """Build the context menu for the current selection."""
        menu = QMenu(self)
        ids = self.selected_claim_ids()
        split = QAction("Split at the article cursor", menu)
        split.setEnabled(len(ids) == 1)
        split.triggered.connect(lambda: self.splitRequested.emit(ids[0]))
        merge = QAction(f"Merge {len(ids)} claims" if len(ids) > 1 else "Merge claims", menu)
        merge.setEnabled(len(ids) > 1)
        merge.triggered.connect(lambda: self.mergeRequested.emit(ids))
        dismiss = QAction("Dismiss", menu)
        dismissed = [cid for cid in ids if (self.model.claim_row(cid) or ())[STATUS:STATUS + 1] == ("dismissed",)]
        dismiss.setEnabled(len(dismissed) < len(ids))
        dismiss.triggered.connect(lambda: self.dismissRequested.emit([c for c in ids if c not in dismissed]))
        restore = QAction("Restore (check it after all)", menu)
        restore.setEnabled(bool(dismissed))
        restore.triggered.connect(lambda: self.restoreRequested.emit(dismissed))
        add = QAction("Add claim from article selection", menu)
        add.triggered.connect(self.addRequested.emit)
        for action in (split, merge, dismiss, restore, add):
            action.setEnabled(action.isEnabled() and self.writable)
            menu.addAction(action)
        return menu
