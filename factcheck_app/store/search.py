"""Full-text search (FTS5) over sources, evidence excerpts and claims, ranked by bm25."""
from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, prefix: bool = True) -> str | None:
    """Turn what a checker typed into a safe FTS5 query: every word must match, the last one as a
    prefix when ``prefix`` (the word being typed may be unfinished).

    Operators and quotes the checker typed are treated as plain words, so no input
    can be an FTS syntax error. Returns None when nothing searchable is left.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


# Each table's newest CANDIDATES matches are found by FTS5, which walks its index by rowid
# and stops early, then ranked here with BM25's term-frequency and length parts. FTS5's own
# bm25() first counts every row holding each term (its IDF), a scan as long as the word is
# common: 5-15 ms per table on a library of a million evidence rows. Every candidate holds
# every searched word (the query is an AND), so IDF would weigh all of them alike anyway.
CANDIDATES = 100
BM25_K1 = 1.2
BM25_B = 0.75

_SEARCH_SQL = {
    "source": """
        SELECT 'source' AS kind, s.id AS id, s.title AS title, coalesce(s.publisher, '') AS detail,
               s.title || ' ' || coalesce(s.publisher, '') || ' ' || coalesce(s.notes, '') || ' ' || s.tags AS body
        FROM (SELECT rowid FROM sources_fts WHERE sources_fts MATCH :q ORDER BY rowid DESC LIMIT :candidates) m
        JOIN sources s ON s.rowid = m.rowid
    """,
    "evidence": """
        SELECT 'evidence' AS kind, e.id AS id, coalesce(e.excerpt, e.note, '') AS title,
               e.claim_id AS detail, coalesce(e.excerpt, '') || ' ' || coalesce(e.note, '') AS body
        FROM (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH :q ORDER BY rowid DESC LIMIT :candidates) m
        JOIN evidence e ON e.rowid = m.rowid
    """,
    "claim": """
        SELECT 'claim' AS kind, c.id AS id, c.text AS title, c.article_id AS detail, c.text AS body
        FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rowid DESC LIMIT :candidates) m
        JOIN claims c ON c.rowid = m.rowid
    """,
}


def _rank(rows: list[dict], words: list[str], prefix_last: bool) -> list[dict]:
    """Give each row a ``rank`` (lower is better, as FTS5 reports bm25) and return them best first."""
    terms = [w.casefold() for w in words]
    tokenised = [_WORD.findall((row.pop("body") or "").casefold()) for row in rows]
    average = sum(len(t) for t in tokenised) / max(len(tokenised), 1) or 1.0
    for row, tokens in zip(rows, tokenised):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(tokens) / average)
        score = 0.0
        for i, term in enumerate(terms):
            if prefix_last and i == len(terms) - 1:
                tf = sum(1 for t in tokens if t.startswith(term))
            else:
                tf = tokens.count(term)
            score += tf * (BM25_K1 + 1) / (tf + norm)
        row["rank"] = -score
    return sorted(rows, key=lambda r: r["rank"])


KINDS = tuple(_SEARCH_SQL)


def search(db: Database, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 20) -> list[dict]:
    """Return the best matches for ``text`` (dicts with kind, id, title, detail, rank), best first.

    Never raises on what the checker typed: an unsearchable query returns [].
    """
    exact, typed = fts_query(text, prefix=False), fts_query(text)
    if exact is None:
        return []
    words = _WORD.findall(text)
    hits: list[dict] = []
    for kind in kinds:
        # Whole words first: FTS5 skips through their lists and stops at the newest matches.
        # The prefix form only runs when the words alone find too little (the last word is
        # still being typed): it must first merge the lists of every word the prefix covers.
        found = _run(db, kind, exact, words, False)[:limit]
        if len(found) < limit:
            seen = {h["id"] for h in found}
            found += [h for h in _run(db, kind, typed, words, True) if h["id"] not in seen][: limit - len(found)]
        hits.extend(found)
    hits.sort(key=lambda h: h["rank"])
    return hits[:limit]


def _run(db: Database, kind: str, query: str, words: list[str], prefix_last: bool) -> list[dict]:
    try:
        rows = list(db.query(_SEARCH_SQL[kind], {"q": query, "candidates": CANDIDATES}))
    except sqlite3.OperationalError:
        # fts_query leaves no syntax to fail on; this guards against a damaged index only.
        return []
    return _rank(rows, words, prefix_last)


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
