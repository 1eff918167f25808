"""Claims as a table: one article's claims, or every claim of the library (200,000 rows stay quick).

Rows are the plain tuples ``store.views.claim_rows`` reads with one query, in reading
order; the filter proxy works on them directly, so it never calls back into Qt per row.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from factcheck_app.core.rating_scales import NOT_YET_CHECKED
from factcheck_app.ops.changes import Changes
from factcheck_app.store import scales as scales_store
from factcheck_app.store import views
from factcheck_app.store.library import Library
from factcheck_app.store.views import (  # noqa: F401 - the row positions, re-exported for the panes
    ARTICLE,
    ARTICLE_TITLE,
    END,
    ID,
    KINDS,
    MATCH_LABEL,
    MATCH_STRENGTH,
    ORIGIN,
    SCALE,
    SCORE,
    SOURCES,
    START,
    STATUS,
    TEXT,
    VERDICT,
)
from factcheck_app.ui import workers
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.plain_text import plain_tooltip

# Above this many claims the whole-library list is read in a worker, so the window never freezes.
BACKGROUND_ROWS = 20_000
COLUMNS = ("Claim", "Kinds", "Score", "Status", "Verdict", "Sources", "Article", "Checked before")
ARTICLE_COLUMN = 6
MATCH_COLUMN = 7
MATCH_ORDER = {"strong": 0, "likely": 1, "weak": 2}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_TEXT = {"open": "Open", "in_progress": "In progress", "checked": "Checked", "dismissed": "Dismissed"}
STATUS_ORDER = {"open": 0, "in_progress": 1, "checked": 2, "dismissed": 3}

Index = QModelIndex | QPersistentModelIndex


def _all_claims_job(job: workers.Job, store_path: Path, generation: int) -> tuple[int, list[tuple]]:
    """Worker body: read every claim through a connection of the worker's own."""
    return generation, views.claim_rows_from_file(store_path)


class ClaimsModel(QAbstractTableModel):
    """Claims of one article (``set_article``) or of the whole library (``set_article(None, all_claims=True)``)."""

    loadingChanged = Signal(bool)
    loaded = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._generation = 0
        self.loading = False
        self._article_id: str | None = None
        self._all = False
        self.rows: list[tuple] = []
        self._folded: list[str] | None = None
        self._row_of: dict[str, int] | None = None
        self._colours: dict[tuple[str, str], str] = {}
        self._icons: dict[str, QIcon] = {}

    # --- loading ---------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        """Show claims of ``library`` (None: empty) and forget the current article."""
        self._library = library
        self._article_id = None
        self._colours = self._scale_colours()
        self.reload()

    def set_article(self, article_id: str | None, all_claims: bool | None = None) -> None:
        """Show ``article_id``'s claims, or every claim when ``all_claims`` is true."""
        self._article_id = article_id
        if all_claims is not None:
            self._all = all_claims
        self.reload()

    @property
    def shows_all(self) -> bool:
        """True when the model holds every claim of the library."""
        return self._all

    @property
    def article_id(self) -> str | None:
        """The article whose claims are shown (None in whole-library mode or when none is chosen)."""
        return self._article_id

    def reload(self) -> None:
        """Read the rows again with one query (in a worker when the whole library holds many claims)."""
        self._generation += 1
        if self._all and self._library is not None and views.claim_count(self._library.db) > BACKGROUND_ROWS:
            self._set_loading(True)
            job = workers.Job(_all_claims_job, (self._library.path, self._generation))
            job.signals.finished.connect(self._background_loaded)
            job.signals.failed.connect(self._background_failed)
            job.start()
            return
        self._replace_rows(self._query())

    def _replace_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._folded = None
        self._row_of = None
        self.endResetModel()
        self._set_loading(False)
        self.loaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    @Slot(object)
    def _background_loaded(self, result: tuple[int, list[tuple]]) -> None:
        generation, rows = result
        if generation == self._generation:  # an older request finishing late is dropped
            self._replace_rows(rows)

    @Slot(str)
    def _background_failed(self, message: str) -> None:
        self._set_loading(False)
        prompts.message(None, "error", "Cannot list the claims", message)

    def _query(self) -> list[tuple]:
        if self._library is None:
            return []
        if self._all:
            return views.claim_rows(self._library.db)
        if self._article_id is None:
            return []
        return views.claim_rows(self._library.db, self._article_id)

    def _scale_colours(self) -> dict[tuple[str, str], str]:
        if self._library is None:
            return {}
        return {(s.name, step.label): step.colour for s in scales_store.list_scales(self._library.db) for step in s.steps}

    def reload_scales(self) -> None:
        """Re-read the rating scales' colours (after Preferences > Rating Scales) and repaint the verdict column."""
        self._colours = self._scale_colours()
        if self.rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.rows) - 1, 4))

    def refresh_claim(self, claim_id: str) -> None:
        """Re-read one claim (after an edit); a claim that is gone or new reloads the table."""
        row = self.row_of(claim_id)
        if self._library is None:
            return
        fresh = views.claim_row(self._library.db, claim_id)
        if row is None or fresh is None:
            self.reload()
            return
        self._colours = self._colours or self._scale_colours()
        self.rows[row] = fresh
        if self._folded is not None:
            self._folded[row] = fresh[TEXT].casefold()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def apply_changes(self, changes: Changes) -> None:
        """Bring the rows up to date with what an operation changed: re-read changed rows, reload for new or gone ones."""
        if self._library is None or not changes:
            return
        if changes.everything:
            self._colours = self._scale_colours()
            self.reload()
            return
        if changes.scales:
            self.reload_scales()
        if changes.checks and not changes.claim_ids:
            # A collection of published checks went: the matches it held went with it.
            self.reload()
            return
        unknown = [cid for cid in changes.claim_ids if self.row_of(cid) is None]
        mine = self._all or self._article_id in changes.article_ids or (
            self._article_id is not None
            and any(views.article_of_claim(self._library.db, cid) == self._article_id for cid in unknown))
        if mine and (unknown or not changes.claim_ids and changes.article_ids):
            # New or removed claims, or an article's own details (its title is in every row): read again.
            self.reload()
            return
        for claim_id in changes.claim_ids - set(unknown):
            self.refresh_claim(claim_id)  # reloads by itself when the claim is gone

    # --- lookups ---------------------------------------------------------
    def folded_texts(self) -> list[str]:
        """Return every claim's text case-folded (cached until the next reload), for fast filtering."""
        if self._folded is None:
            self._folded = [r[TEXT].casefold() for r in self.rows]
        return self._folded

    def row_of(self, claim_id: str) -> int | None:
        """Return the row of ``claim_id``, or None."""
        if self._row_of is None:
            self._row_of = {r[ID]: i for i, r in enumerate(self.rows)}
        return self._row_of.get(claim_id)

    def claim_id(self, row: int) -> str | None:
        """Return the claim id at ``row``."""
        return self.rows[row][ID] if 0 <= row < len(self.rows) else None

    def claim_row(self, claim_id: str) -> tuple | None:
        """Return the row tuple of ``claim_id`` (see the position constants), or None."""
        row = self.row_of(claim_id)
        return None if row is None else self.rows[row]

    def verdict_labels(self) -> list[str]:
        """Return the distinct verdict labels present, sorted."""
        return sorted({r[VERDICT] for r in self.rows if r[VERDICT]})

    # --- Qt model API ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return ("The claim's text", "Kinds of checkable facts in it", "How check-worthy it looks (0-1)",
                        "Where the check stands", "The verdict given", "Distinct sources attached",
                        "The article it comes from",
                        "The best earlier check this claim matches: how strong, and how much of it the claim holds",
                        )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what ``data`` gives for ``row`` and ``column``; the filter proxy asks here directly,
        without making a source index and a trip through Qt for every cell it paints."""
        if not 0 <= row < len(self.rows):
            return None
        r = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, column)
        if role == ID_ROLE:
            return r[ID]
        if role == SORT_ROLE:
            return self.sort_key(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return plain_tooltip(r[TEXT])
            if column == 4 and r[VERDICT]:
                return plain_tooltip(f"{r[VERDICT]} ({r[SCALE]} scale)")
            return plain_tooltip(self.display(r, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == 4 and r[VERDICT]:
            return self._swatch(self._colours.get((r[SCALE], r[VERDICT])))
        if r[STATUS] == "dismissed":
            # Dismissed rows are dimmed AND italic, so the cue is not colour alone.
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    @staticmethod
    def display(r: tuple, column: int) -> str:
        """Return the text shown for row tuple ``r`` in ``column``."""
        if column == 0:
            return " ".join(r[TEXT].split())
        if column == 1:
            return r[KINDS]
        if column == 2:
            return f"{r[SCORE]:.2f}"
        if column == 3:
            return STATUS_TEXT.get(r[STATUS], r[STATUS])
        if column == 4:
            return r[VERDICT] or NOT_YET_CHECKED
        if column == 5:
            return str(r[SOURCES])
        if column == 6:
            return r[ARTICLE_TITLE] or ""
        if column == MATCH_COLUMN:
            return f"{r[MATCH_LABEL]} {r[MATCH_STRENGTH]:.0%}" if r[MATCH_LABEL] else ""
        return ""

    @staticmethod
    def sort_key(r: tuple, column: int) -> Any:
        """Return the value rows sort by in ``column``."""
        if column == 2:
            return r[SCORE]
        if column == 3:
            return STATUS_ORDER.get(r[STATUS], 9)
        if column == 5:
            return r[SOURCES]
        if column == MATCH_COLUMN:
            return (MATCH_ORDER.get(r[MATCH_LABEL], 3), -r[MATCH_STRENGTH]) if r[MATCH_LABEL] else (9, 0.0)
        return ClaimsModel.display(r, column).casefold()

    def _swatch(self, colour: str | None) -> QIcon | None:
        if not colour:
            return None
        icon = self._icons.get(colour)
        if icon is None:
            pixmap = QPixmap(QSize(12, 12))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(colour))
            painter.setPen(QColor(colour).darker(130))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._icons[colour] = QIcon(pixmap)
        return icon
