"""Read views: the rows panes, commands and reports list (claim rows, article summaries, counts), in one reading order.

Every listing of claims uses ``CLAIM_READING_ORDER``: articles in the order they came into
the library, and within an article by where the claim starts in the body. Results are
plain tuples and dicts; nothing here writes.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factcheck_app.core.extraction import FACET_KINDS
from factcheck_app.store.errors import NotFoundError

#: Claims in reading order: articles in the order they were imported (the row order breaks a tie within
#: one clock tick), then by where the claim starts in the body (the reports' order too).
CLAIM_READING_ORDER = "a.imported_at, a.rowid, c.start_offset, c.end_offset"

#: The fields of a claim row tuple, by position (``CLAIM_ROW_FIELDS.index(name)`` gives the position).
CLAIM_ROW_FIELDS = (
    "id", "article_id", "start_offset", "end_offset", "text", "score", "status", "origin",
    "kinds", "verdict", "verdict_scale", "sources", "article_title", "match_label", "match_strength",
)
(ID, ARTICLE, START, END, TEXT, SCORE, STATUS, ORIGIN, KINDS, VERDICT, SCALE, SOURCES, ARTICLE_TITLE,
 MATCH_LABEL, MATCH_STRENGTH) = range(len(CLAIM_ROW_FIELDS))

_CLAIM_ROWS_SQL = """
SELECT c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.score, c.status, c.origin,
       k.kinds, v.rating, v.scale, coalesce(e.n, 0), a.title, m.label, m.strength
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_matches m ON m.claim_id = c.id AND m.rank = 1
LEFT JOIN (SELECT f.claim_id, group_concat(DISTINCT f.kind) AS kinds FROM facets f {facet_filter} GROUP BY f.claim_id) k
       ON k.claim_id = c.id
LEFT JOIN verdicts v ON v.claim_id = c.id
LEFT JOIN (SELECT e.claim_id, count(DISTINCT e.source_id) AS n FROM evidence e {evidence_filter} GROUP BY e.claim_id) e
       ON e.claim_id = c.id
{where}
ORDER BY """ + CLAIM_READING_ORDER

#: Article summaries are sorted by one of these keys (chosen from this table, never built from input).
# Every order ends with the id, so that it is total: a first page read alone and the whole list agree.
ARTICLE_SORTS = {
    "title": "lower(coalesce(a.title, '')) {dir}, a.id",
    "outlet": "lower(coalesce(a.outlet, '')) {dir}, a.title, a.id",
    "date": "coalesce(a.published, a.imported_at) {dir}, a.title, a.id",
    "claims": "claims {dir}, a.title, a.id",
    "checked": "checked {dir}, a.title, a.id",
}
_ARTICLE_COUNTS = (
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.status != 'dismissed') AS claims, "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.status = 'checked') AS checked"
)
_ARTICLE_SUMMARY_SQL = (
    "SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.imported_at, a.source_name, "
    + _ARTICLE_COUNTS + " FROM articles a WHERE a.id IN ({marks})"
)

# All claims minus the dismissed ones: SQLite counts a whole table from its smallest index at
# once, where "status != 'dismissed'" walks every entry (67 ms against 3 ms on 400,000 claims).
_LIBRARY_COUNTS_SQL = """
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM claims) - (SELECT count(*) FROM claims WHERE status = 'dismissed'),
       (SELECT count(*) FROM claims WHERE status = 'checked'),
       (SELECT count(*) FROM sources)
"""


def order_kinds(kinds: str | None) -> str:
    """Return a claim's comma-joined facet kinds in the canonical kind order ("date, quantity")."""
    present = set((kinds or "").split(",")) - {""}
    ordered = [k for k in FACET_KINDS if k in present] + sorted(present - set(FACET_KINDS))
    return ", ".join(ordered)


def _claim_rows(db: Database, where: str = "", params: list | tuple = (), narrow: bool = False) -> list[tuple]:
    # ``narrow``: the facet and evidence sub-selects are limited to the claims asked for, so
    # one article's rows (or one claim's) do not aggregate the whole library first.
    facet_filter = evidence_filter = ""
    if narrow:
        facet_filter = "WHERE f.claim_id IN (SELECT c.id FROM claims c " + where + ")"
        evidence_filter = "WHERE e.claim_id IN (SELECT c.id FROM claims c " + where + ")"
        params = [*params, *params, *params]
    sql = _CLAIM_ROWS_SQL.format(facet_filter=facet_filter, evidence_filter=evidence_filter, where=where)
    # Few distinct kind combinations exist, so ordering each once keeps 200,000 rows quick.
    memo: dict[str | None, str] = {}
    rows = []
    for r in db.execute(sql, list(params)):
        kinds = memo.get(r[KINDS])
        if kinds is None:
            kinds = memo[r[KINDS]] = order_kinds(r[KINDS])
        rows.append((*r[:KINDS], kinds, *r[KINDS + 1:]))
    return rows


def claim_rows(db: Database, article_id: str | None = None) -> list[tuple]:
    """Return claim row tuples (see ``CLAIM_ROW_FIELDS``) in reading order: one article's, or the whole library's."""
    if article_id is None:
        return _claim_rows(db)
    return _claim_rows(db, "WHERE c.article_id = ?", [article_id], narrow=True)


def claim_row(db: Database, claim_id: str) -> tuple | None:
    """Return one claim's row tuple, or None when there is no such claim."""
    rows = _claim_rows(db, "WHERE c.id = ?", [claim_id], narrow=True)
    return rows[0] if rows else None


def claim_rows_from_file(path: str | Path) -> list[tuple]:
    """Return every claim row of the library at ``path``, read through a read-only connection of this thread's own.

    For a worker thread: a connection never crosses threads. The window already opened
    (and checked) this library, so a plain read-only connection spares a second check.
    """
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    try:
        return claim_rows(Database(conn))
    finally:
        conn.close()


def claim_count(db: Database) -> int:
    """Return how many claims the library holds (dismissed ones included)."""
    return db.execute("SELECT count(*) FROM claims").fetchone()[0]


def article_of_claim(db: Database, claim_id: str) -> str | None:
    """Return the id of the article ``claim_id`` belongs to, or None when there is no such claim."""
    found = db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    return found[0] if found else None


def like_pattern(text: str) -> str:
    """Return a LIKE pattern matching ``text`` anywhere, with LIKE's wildcards escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def article_ids(db: Database, search: str = "", sort: str = "date", descending: bool = True,
                limit: int | None = None) -> list[str]:
    """Return the ids of the articles whose title or outlet contains ``search``, sorted by an ``ARTICLE_SORTS`` key
    (only the first ``limit`` of them when given)."""
    if sort not in ARTICLE_SORTS:
        raise ValueError(f"unknown article sort {sort!r}")
    order = ARTICLE_SORTS[sort].format(dir="DESC" if descending else "ASC")
    sql = "SELECT a.id"
    if sort in ("claims", "checked"):
        sql += ", " + _ARTICLE_COUNTS
    sql += " FROM articles a"
    params: list[object] = []
    if search.strip():
        sql += " WHERE a.title LIKE ? ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\'"
        params = [like_pattern(search.strip())] * 2
    sql += " ORDER BY " + order
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [r[0] for r in db.execute(sql, params)]


def article_summaries(db: Database, ids: list[str]) -> dict[str, dict]:
    """Return {id: summary} for ``ids``: title, outlet, author, url, published, imported_at, source_name, claims, checked."""
    found: dict[str, dict] = {}
    # SQLite allows a limited number of parameters per statement; ask in pages.
    for first in range(0, len(ids), 500):
        page = ids[first:first + 500]
        sql = _ARTICLE_SUMMARY_SQL.format(marks=", ".join("?" * len(page)))
        for r in db.query(sql, page):
            found[r["id"]] = r
    return found


def article_title(db: Database, article_id: str) -> str | None:
    """Return an article's title (None when it has none or does not exist)."""
    found = db.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
    return found[0] if found else None


def library_counts(db: Database) -> dict[str, int]:
    """Return what the status bar says a library holds: articles, claims (not dismissed), checked claims, sources."""
    articles, claims, checked, sources = db.execute(_LIBRARY_COUNTS_SQL).fetchone()
    return {"articles": articles, "claims": claims, "checked": checked, "sources": sources}


def article_page(db: Database, article_id: str) -> tuple[dict, list[dict], list[dict]] | None:
    """Return what the article pane shows: the article row (body included), its claim summaries in
    reading order and its facets by position; None when there is no such article."""
    # Imported here: store.claims takes the reading order from this module.
    from factcheck_app.store.articles import get_article
    from factcheck_app.store.claims import article_facets, list_claims

    try:
        article = get_article(db, article_id)
    except NotFoundError:
        return None
    return article, list_claims(db, article_id), article_facets(db, article_id)
