"""Full-text search (FTS5) over sources, evidence excerpts and claims, ranked by bm25."""
from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what a checker typed into a safe FTS5 query: every word must match, the last one as a prefix.

    Operators and quotes the checker typed are treated as plain words, so no input
    can be an FTS syntax error. Returns None when nothing searchable is left.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    # Only the word being typed is a prefix: FTS5 must merge every term a prefix covers
    # before it can skip through the other words' lists, which made all-prefix queries
    # several times slower on a large library.
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# Each table's newest CANDIDATES matches (FTS5 walks its index by rowid and stops early) are
# ranked by bm25. A selective query is ranked exactly; a query matching a large share of a
# big library is ranked among its most recent matches, which keeps every search fast.
CANDIDATES = 200

_SEARCH_SQL = {
    "source": """
        SELECT 'source' AS kind, s.id AS id, s.title AS title, coalesce(s.publisher, '') AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(sources_fts) AS rank FROM sources_fts WHERE sources_fts MATCH :q
              ORDER BY rowid DESC LIMIT :candidates) m
        JOIN sources s ON s.rowid = m.rowid ORDER BY m.rank LIMIT :limit
    """,
    "evidence": """
        SELECT 'evidence' AS kind, e.id AS id, coalesce(e.excerpt, e.note, '') AS title,
               e.claim_id AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(evidence_fts) AS rank FROM evidence_fts WHERE evidence_fts MATCH :q
              ORDER BY rowid DESC LIMIT :candidates) m
        JOIN evidence e ON e.rowid = m.rowid ORDER BY m.rank LIMIT :limit
    """,
    "claim": """
        SELECT 'claim' AS kind, c.id AS id, c.text AS title, c.article_id AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH :q
              ORDER BY rowid DESC LIMIT :candidates) m
        JOIN claims c ON c.rowid = m.rowid ORDER BY m.rank LIMIT :limit
    """,
}
KINDS = tuple(_SEARCH_SQL)


def search(db: Database, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 20) -> list[dict]:
    """Return the best matches for ``text`` (dicts with kind, id, title, detail, rank), best first.

    Never raises on what the checker typed: an unsearchable query returns [].
    """
    query = fts_query(text)
    if query is None:
        return []
    hits: list[dict] = []
    for kind in kinds:
        try:
            hits.extend(db.query(_SEARCH_SQL[kind], {"q": query, "limit": int(limit), "candidates": CANDIDATES}))
        except sqlite3.OperationalError:
            # fts_query leaves no syntax to fail on; this guards against a damaged index only.
            continue
    hits.sort(key=lambda h: h["rank"])
    return hits[:limit]


def search_sources(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Return full source rows matching ``text``, best first (for attaching a source as you type)."""
    ids = [h["id"] for h in search(db, text, ("source",), limit)]
    if not ids:
        return []
    rows = {r["id"]: r for r in db.query(f"SELECT * FROM sources WHERE id IN ({', '.join('?' * len(ids))})", ids)}
    return [rows[i] for i in ids if i in rows]


def rebuild_index(db: Database) -> None:
    """Rebuild the three search indexes from their tables (after a repair)."""
    from factcheck_app.store.transaction import write

    with write(db):
        for table in ("sources", "evidence", "claims"):
            fts = quote_identifier(f"{table}_fts")
            db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
