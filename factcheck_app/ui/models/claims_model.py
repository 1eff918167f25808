"""Claims as a table: one article's claims, or every claim of the library (200,000 rows stay quick).

Rows are plain tuples read with one query; the filter proxy works on them directly,
so it never has to call back into Qt for each row.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from factcheck_app.core.extraction import FACET_KINDS
from factcheck_app.core.rating_scales import NOT_YET_CHECKED
from factcheck_app.store import claims as claims_store
from factcheck_app.store import scales as scales_store
from factcheck_app.store.errors import NotFoundError
from factcheck_app.ui import dialogs, workers

# Above this many claims the whole-library list is read in a worker, so the window never freezes.
BACKGROUND_ROWS = 20_000
COLUMNS = ("Claim", "Kinds", "Score", "Status", "Verdict", "Sources", "Article", "Checked before")
ARTICLE_COLUMN = 6
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_TEXT = {"open": "Open", "in_progress": "In progress", "checked": "Checked", "dismissed": "Dismissed"}
STATUS_ORDER = {"open": 0, "in_progress": 1, "checked": 2, "dismissed": 3}

# Positions in a row tuple.
ID, ARTICLE, START, END, TEXT, SCORE, STATUS, ORIGIN, KINDS, VERDICT, SCALE, SOURCES, ARTICLE_TITLE, MATCH = range(14)
MATCH_COLUMN = 7
MATCH_ORDER = {"strong": 0, "likely": 1, "weak": 2}

_ALL_CLAIMS_SQL = """
SELECT c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.score, c.status, c.origin,
       k.kinds, v.rating, v.scale, coalesce(e.n, 0), a.title
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN (SELECT claim_id, group_concat(DISTINCT kind) AS kinds FROM facets GROUP BY claim_id) k
       ON k.claim_id = c.id
LEFT JOIN verdicts v ON v.claim_id = c.id
LEFT JOIN (SELECT claim_id, count(DISTINCT source_id) AS n FROM evidence GROUP BY claim_id) e
       ON e.claim_id = c.id
ORDER BY a.imported_at, c.article_id, c.start_offset
"""

Index = QModelIndex | QPersistentModelIndex


def order_kinds(kinds: str | None) -> str:
    """Return a claim's comma-joined facet kinds in the canonical kind order ("date, quantity")."""
    present = set((kinds or "").split(",")) - {""}
    ordered = [k for k in FACET_KINDS if k in present] + sorted(present - set(FACET_KINDS))
    return ", ".join(ordered)


def with_matches(db: Database, rows: list[tuple]) -> list[tuple]:
    """Return the row tuples with each claim's best stored match (label, strength) or None appended."""
    from factcheck_app.store.claim_matches import match_summary

    best = match_summary(db)
    return [(*r, best.get(r[ID])) for r in rows]


def query_all_claims(db: Database) -> list[tuple]:
    """Return every claim of the library as row tuples, in reading order, with one query (and one for matches)."""
    # Few distinct kind combinations exist, so ordering each once keeps 200,000 rows quick.
    memo: dict[str | None, str] = {}
    rows = []
    for r in db.execute(_ALL_CLAIMS_SQL):
        kinds = memo.get(r[KINDS])
        if kinds is None:
            kinds = memo[r[KINDS]] = order_kinds(r[KINDS])
        rows.append((*r[:KINDS], kinds, *r[KINDS + 1:]))
    return with_matches(db, rows)


def _all_claims_job(job: workers.Job, store_path: Path, generation: int) -> tuple[int, list[tuple]]:
    """Worker body: read every claim through a read-only connection of this thread's own.

    The window already opened (and checked) this library; a plain read-only connection
    spares a second integrity check of a large file.
    """
    conn = sqlite3.connect(Path(store_path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    try:
        return generation, query_all_claims(Database(conn))
    finally:
        conn.close()


def _row_from_summary(r: dict, match: tuple[str, float] | None = None) -> tuple:
    return (r["id"], r["article_id"], r["start_offset"], r["end_offset"], r["text"], r["score"], r["status"],
            r["origin"], order_kinds(r["kinds"]), r["verdict"], r["verdict_scale"], r["sources"] or 0,
            r.get("article_title"), match)


class ClaimsModel(QAbstractTableModel):
    """Claims of one article (``set_article``) or of the whole library (``set_article(None, all_claims=True)``)."""

    loadingChanged = Signal(bool)
    loaded = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._store_path: Path | None = None
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
    def set_library(self, db: Database | None, store_path: Path | None = None) -> None:
        """Use ``db`` (None: empty) and forget the current article; ``store_path`` lets big lists load in a worker."""
        self._db = db
        self._store_path = store_path
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
        if self._all and self._db is not None and self._store_path is not None and self._claim_count() > BACKGROUND_ROWS:
            self._set_loading(True)
            job = workers.Job(_all_claims_job, (self._store_path, self._generation))
            job.signals.finished.connect(self._background_loaded)
            job.signals.failed.connect(self._background_failed)
            job.start()
            return
        self._replace_rows(self._query())

    def _claim_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM claims").fetchone()[0]

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
        dialogs.message(None, "error", "Cannot list the claims", message)

    def _query(self) -> list[tuple]:
        if self._db is None:
            return []
        if self._all:
            return query_all_claims(self._db)
        if self._article_id is None:
            return []
        rows = [_row_from_summary(r)[:MATCH] for r in claims_store.list_claims(self._db, self._article_id)]
        return with_matches(self._db, rows)

    def _scale_colours(self) -> dict[tuple[str, str], str]:
        if self._db is None:
            return {}
        return {(s.name, step.label): step.colour for s in scales_store.list_scales(self._db) for step in s.steps}

    def reload_scales(self) -> None:
        """Re-read the rating scales' colours (after Preferences > Rating Scales) and repaint the verdict column."""
        self._colours = self._scale_colours()
        if self.rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.rows) - 1, 4))

    def refresh_claim(self, claim_id: str) -> None:
        """Re-read one claim (after an edit); a claim that is gone or new reloads the table."""
        row = self.row_of(claim_id)
        if self._db is None:
            return
        try:
            summary = claims_store.get_claim(self._db, claim_id)
        except NotFoundError:
            summary = None
        if row is None or summary is None:
            self.reload()
            return
        self._colours = self._colours or self._scale_colours()
        from factcheck_app.store.claim_matches import best_match

        self.rows[row] = _row_from_summary(summary, best_match(self._db, claim_id))
        if self._folded is not None:
            self._folded[row] = summary["text"].casefold()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

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
                        "The best earlier check that matches: how strong, and how much of it the claim holds")[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, column)
        if role == ID_ROLE:
            return r[ID]
        if role == SORT_ROLE:
            return self.sort_key(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return r[TEXT]
            if column == 4 and r[VERDICT]:
                return f"{r[VERDICT]} ({r[SCALE]} scale)"
            return self.display(r, column)
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
            return f"{r[MATCH][0]} {r[MATCH][1]:.0%}" if r[MATCH] else ""
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
            return (MATCH_ORDER.get(r[MATCH][0], 3), -r[MATCH][1]) if r[MATCH] else (9, 0.0)
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
