"""Full-text search (FTS5) over sources, evidence excerpts, claims and the text of documents, ranked by bm25."""
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


# Every match is ranked by FTS5's own bm25(), best first, and only the best `limit` of each
# table are read back: an older row that matches better is never cut off for a newer one.
# bm25 counts the rows holding each word (its IDF), 5-15 ms per table at a million rows,
# well inside an interactive 50 ms. A source's title weighs more than its notes.
_SEARCH_SQL = {
    "source": """
        SELECT 'source' AS kind, s.id AS id, s.title AS title, coalesce(s.publisher, '') AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(sources_fts, 3.0, 2.0, 1.0, 2.0) AS rank FROM sources_fts
              WHERE sources_fts MATCH :q ORDER BY rank LIMIT :limit) m
        JOIN sources s ON s.rowid = m.rowid
    """,
    "evidence": """
        SELECT 'evidence' AS kind, e.id AS id, coalesce(e.excerpt, e.note, '') AS title,
               e.claim_id AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(evidence_fts) AS rank FROM evidence_fts
              WHERE evidence_fts MATCH :q ORDER BY rank LIMIT :limit) m
        JOIN evidence e ON e.rowid = m.rowid
    """,
    "claim": """
        SELECT 'claim' AS kind, c.id AS id, c.text AS title, c.article_id AS detail, m.rank AS rank
        FROM (SELECT rowid, bm25(claims_fts) AS rank FROM claims_fts
              WHERE claims_fts MATCH :q ORDER BY rank LIMIT :limit) m
        JOIN claims c ON c.rowid = m.rowid
    """,
    "document": """
        SELECT 'document' AS kind, d.id AS id, '' AS title,
               d.file_name || CASE d.part_kind WHEN 'page' THEN ', p. ' || p.page
                                               WHEN 'paragraph' THEN ', para. ' || p.page ELSE '' END AS detail,
               m.rank AS rank, p.page AS page, d.file_name AS document_name, d.part_kind AS part_kind,
               (SELECT l.source_id FROM source_documents l WHERE l.document_id = d.id
                ORDER BY l.attached_at LIMIT 1) AS source_id, p.text AS page_text
        FROM (SELECT rowid, bm25(document_pages_fts) AS rank FROM document_pages_fts
              WHERE document_pages_fts MATCH :q ORDER BY rank LIMIT :limit) m
        JOIN document_pages p ON p.id = m.rowid
        JOIN documents d ON d.id = p.document_id
    """,
}

KINDS = tuple(_SEARCH_SQL)


def search(db: Database, text: str, kinds: tuple[str, ...] = KINDS, limit: int = 20) -> list[dict]:
    """Return the best matches for ``text`` (dicts with kind, id, title, detail, rank), best first.

    Document matches also carry ``page``, ``document_name``, ``part_kind`` and ``source_id``;
    their title is the passage around the words found. Never raises on what the checker
    typed: an unsearchable query returns [].
    """
    exact, typed = fts_query(text, prefix=False), fts_query(text)
    if exact is None:
        return []
    hits: list[dict] = []
    for kind in kinds:
        hits.extend(_run(db, kind, exact, limit))
    if len(hits) < limit:
        # Whole words first; the prefix form (which merges the lists of every word the prefix covers)
        # only when the words alone find too little: the last word is still being typed. A whole-word
        # match outranks every prefix-only one.
        seen = {(h["kind"], h["id"], h.get("page")) for h in hits}
        more: list[dict] = []
        for kind in kinds:
            more += [h for h in _run(db, kind, typed, limit) if (h["kind"], h["id"], h.get("page")) not in seen]
        more.sort(key=lambda h: h["rank"])
        hits.sort(key=lambda h: h["rank"])
        return (hits + more)[:limit]
    hits.sort(key=lambda h: h["rank"])
    return hits[:limit]


def _run(db: Database, kind: str, query: str, limit: int) -> list[dict]:
    try:
        rows = list(db.query(_SEARCH_SQL[kind], {"q": query, "limit": limit}))
        if kind == "document":
            words = [w.casefold() for w in _WORD.findall(query)]
            for row in rows:
                row["title"] = passage_around(row.pop("page_text"), words)
        return rows
    except sqlite3.OperationalError:
        # fts_query leaves no syntax to fail on; this guards against a damaged index only.
        return []


def passage_around(text: str, words: list[str], reach: int = 8) -> str:
    """Return the words of ``text`` around the first of ``words`` found (``reach`` words each side),
    with "…" where it is cut. (FTS5's snippet() would re-run the whole match for every page.)"""
    tokens = (text or "").split()
    wanted = tuple(words)
    at = next((i for i, t in enumerate(tokens) if any(w in t.casefold() for w in wanted)), 0)
    start, end = max(0, at - reach), min(len(tokens), at + reach + 1)
    return ("…" if start else "") + " ".join(tokens[start:end]) + ("…" if end < len(tokens) else "")


def search_sources(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Return full source rows matching ``text``, best first (for attaching a source as you type).

    A source also matches through the text of the documents it keeps: such rows carry
    ``found_in`` ("report.pdf, p. 12") and ``passage`` (the words around the match).
    """
    hits = search(db, text, ("source", "document"), limit)
    order: list[str] = []
    where: dict[str, dict] = {}
    for hit in hits:
        source_id = hit["id"] if hit["kind"] == "source" else hit.get("source_id")
        if not source_id or source_id in where:
            continue
        order.append(source_id)
        where[source_id] = hit
    if not order:
        return []
    rows = {r["id"]: r for r in db.query(f"SELECT * FROM sources WHERE id IN ({', '.join('?' * len(order))})", order)}
    out = []
    for source_id in order:
        if source_id not in rows:
            continue
        row = dict(rows[source_id])
        hit = where[source_id]
        if hit["kind"] == "document":
            row["found_in"] = hit["detail"]
            row["passage"] = hit["title"]
        out.append(row)
    return out


def rebuild_index(db: Database) -> None:
    """Rebuild the search indexes from their tables (after a repair)."""
    from factcheck_app.store.transaction import write

    with write(db):
        for table in ("sources", "evidence", "claims", "document_pages"):
            fts = quote_identifier(f"{table}_fts")
            db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
