"""Published fact-checks and their collections: upsert, list, search, remove, and what the
matcher reads (candidates by full-text search over the match terms, and corpus statistics)."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.core.published_checks import PublishedCheck
from factcheck_app.store.errors import AmbiguousIdError, NotFoundError, ValidationError
from factcheck_app.store.transaction import write

CHECK_COLUMNS = (
    "id", "collection_id", "claim_reviewed", "title", "rating", "rating_value", "best_rating",
    "worst_rating", "claimant", "claim_date", "appearances", "organisation", "organisation_url",
    "review_url", "review_date", "language", "claim_terms", "title_terms", "claim_length",
    "title_length", "imported_at", "updated_at",
)
_UPDATED = [c for c in CHECK_COLUMNS if c not in ("id", "imported_at")]
_UPSERT_SQL = (
    f"INSERT INTO published_checks ({', '.join(CHECK_COLUMNS)}) VALUES ({', '.join('?' for _ in CHECK_COLUMNS)}) "
    f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _UPDATED)}"
)


def collection_by_name(db: Database, name: str) -> dict | None:
    """Return the collection called ``name`` (case as stored), or None."""
    row = db.execute("SELECT * FROM check_collections WHERE name = ?", [name]).fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in db.execute("SELECT * FROM check_collections LIMIT 0").description], row))


def ensure_collection(db: Database, name: str, source_file: str | None) -> str:
    """Return the id of the collection ``name``, creating it (inside the caller's transaction)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("A collection needs a name.")
    existing = collection_by_name(db, name)
    now = utc_now()
    if existing:
        db.execute("UPDATE check_collections SET updated_at = ?, source_file = coalesce(?, source_file) WHERE id = ?",
                   [now, source_file, existing["id"]])
        return existing["id"]
    collection_id = new_id()
    db["check_collections"].insert(
        {"id": collection_id, "name": name, "source_file": source_file, "imported_at": now, "updated_at": now}
    )
    return collection_id


def _old_terms(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """Return the stored match terms (claim and title together) of those of ``ids`` already stored."""
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(f"SELECT id, claim_terms || ' ' || title_terms FROM published_checks WHERE id IN ({marks})",
                              chunk):
            found[row[0]] = row[1]
    return found


def _count_terms(db: Database, delta: Counter) -> None:
    """Add ``delta`` (term -> change in the number of checks holding it) to the term counts."""
    db.conn.executemany(
        "INSERT INTO published_check_terms (term, docs) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
        [(t, n) for t, n in delta.items() if n],
    )
    if any(n < 0 for n in delta.values()):
        db.execute("DELETE FROM published_check_terms WHERE docs <= 0")


def upsert_checks(
    db: Database,
    collection_id: str,
    checks: Sequence[tuple[PublishedCheck, Sequence[str], Sequence[str]]],
) -> int:
    """Insert or update published checks (check, claim terms, title terms) in ``collection_id``,
    inside the caller's transaction; return how many were already stored (and so updated)."""
    now = utc_now()
    old = _old_terms(db, [c.key for c, _, _ in checks])
    delta: Counter = Counter()
    for text in old.values():
        delta.subtract(set(text.split()))
    rows = []
    for check, claim_terms, title_terms in checks:
        delta.update(set(claim_terms) | set(title_terms))
        rows.append((
            check.key, collection_id, check.claim, check.title, check.rating, check.rating_value,
            check.best_rating, check.worst_rating, check.claimant, check.claim_date,
            json.dumps(check.appearances, ensure_ascii=False), check.organisation, check.organisation_url,
            check.review_url, check.review_date, check.language, " ".join(claim_terms), " ".join(title_terms),
            len(claim_terms), len(title_terms), now, now,
        ))
    db.conn.executemany(_UPSERT_SQL, rows)
    _count_terms(db, delta)
    return len(old)


def rebuild_term_counts(db: Database) -> None:
    """Count again how many checks hold each term (after rows were copied in by other means)."""
    with write(db):
        delta: Counter = Counter()
        for (text,) in db.execute("SELECT claim_terms || ' ' || title_terms FROM published_checks"):
            delta.update(set(text.split()))
        db.execute("DELETE FROM published_check_terms")
        _count_terms(db, delta)
        db.execute("""UPDATE published_check_totals SET
            checks = (SELECT count(*) FROM published_checks),
            claim_terms = (SELECT coalesce(sum(claim_length), 0) FROM published_checks),
            title_terms = (SELECT coalesce(sum(title_length), 0) FROM published_checks) WHERE id = 1""")


def list_collections(db: Database) -> list[dict]:
    """Return every collection with how many checks it holds, by name."""
    return query_rows(db, """
        SELECT c.id, c.name, c.source_file, c.imported_at, c.updated_at,
               (SELECT count(*) FROM published_checks p WHERE p.collection_id = c.id) AS checks
        FROM check_collections c ORDER BY c.name COLLATE NOCASE
    """)


def resolve_collection(db: Database, text: str) -> dict:
    """Return the collection named ``text`` (any case) or whose id starts with it."""
    text = (text or "").strip()
    rows = query_rows(db, "SELECT id, name FROM check_collections WHERE name = ? COLLATE NOCASE", [text])
    if not rows and text:
        rows = query_rows(db, "SELECT id, name FROM check_collections WHERE id >= ? AND id < ? LIMIT 2",
                     [text.lower(), text.lower() + "\uffff"])
    if not rows:
        raise NotFoundError(f"No collection of published checks is called '{text}'.")
    if len(rows) > 1:
        raise AmbiguousIdError(f"More than one collection id starts with '{text}'; type more of it.")
    return rows[0]


def remove_collection(db: Database, collection_id: str) -> int:
    """Delete a collection and its checks (their stored matches go with them); return how many checks."""
    with write(db):
        delta: Counter = Counter()
        count = 0
        for (text,) in db.execute("SELECT claim_terms || ' ' || title_terms FROM published_checks "
                                  "WHERE collection_id = ?", [collection_id]):
            delta.subtract(set(text.split()))
            count += 1
        _count_terms(db, delta)
        db.execute("DELETE FROM published_checks WHERE collection_id = ?", [collection_id])
        db.execute("DELETE FROM check_collections WHERE id = ?", [collection_id])
    return count


_CHECK_VIEW = """
    SELECT p.id, p.claim_reviewed, p.title, p.rating, p.rating_value, p.best_rating, p.worst_rating,
           p.claimant, p.claim_date, p.appearances, p.organisation, p.organisation_url, p.review_url,
           p.review_date, p.language, c.name AS collection, p.collection_id
    FROM published_checks p JOIN check_collections c ON c.id = p.collection_id
"""


def query_rows(db: Database, sql: str, params: Sequence | dict = ()) -> list[dict]:
    """Return the rows of a query as dicts."""
    return list(db.query(sql, params))


def decode_appearances(rows: list[dict]) -> list[dict]:
    """Return the rows with their ``appearances`` JSON read back into a list of addresses."""
    for row in rows:
        try:
            row["appearances"] = json.loads(row.get("appearances") or "[]")
        except ValueError:
            row["appearances"] = []
    return rows


def list_checks(db: Database, collection_id: str | None = None, limit: int | None = None) -> list[dict]:
    """Return published checks (of one collection when given), newest review first."""
    sql = _CHECK_VIEW + (" WHERE p.collection_id = :c" if collection_id else "")
    sql += " ORDER BY p.review_date DESC, p.rowid DESC"
    if limit:
        sql += " LIMIT :limit"
    return decode_appearances(query_rows(db, sql, {"c": collection_id, "limit": limit}))


def get_checks(db: Database, ids: Sequence[str]) -> dict[str, dict]:
    """Return the published checks with these ids, by id."""
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in decode_appearances(query_rows(db, _CHECK_VIEW + f" WHERE p.id IN ({marks})", chunk)):
            out[row["id"]] = row
    return out


def get_check(db: Database, check_id: str) -> dict:
    """Return one published check by id or unique id prefix."""
    text = (check_id or "").strip().lower()
    rows = query_rows(db, "SELECT id FROM published_checks WHERE id >= ? AND id < ? LIMIT 2", [text, text + "\uffff"]) if text else []
    if not rows:
        raise NotFoundError(f"No published check has an id starting with '{check_id}'.")
    if len(rows) > 1:
        raise AmbiguousIdError(f"More than one published check id starts with '{check_id}'; type more of it.")
    return get_checks(db, [rows[0]["id"]])[rows[0]["id"]]


def _fts_or(terms: Iterable[str]) -> str | None:
    quoted = ['"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms) if t]
    return " OR ".join(quoted) or None


def search_checks(db: Database, terms: Sequence[str], limit: int = 20) -> list[dict]:
    """Return the published checks holding every one of ``terms`` (match terms), best first."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms) if t]
    if not quoted:
        return []
    rows = query_rows(db, """
        SELECT rowid FROM published_checks_fts WHERE published_checks_fts MATCH :q ORDER BY rank LIMIT :limit
    """, {"q": " AND ".join(quoted), "limit": limit})
    if not rows:
        return []
    rowids = [r["rowid"] for r in rows]
    marks = ", ".join("?" for _ in rowids)
    found = {r["rowid"]: r for r in decode_appearances(query_rows(db, _CHECK_VIEW.replace("SELECT p.id", "SELECT p.rowid AS rowid, p.id", 1)
                                                   + f" WHERE p.rowid IN ({marks})", rowids))}
    return [found[r] for r in rowids if r in found]


def check_count(db: Database) -> int:
    """Return how many published checks the library holds."""
    return db.execute("SELECT count(*) FROM published_checks").fetchone()[0]


def corpus_stats(db: Database) -> tuple[int, float, float]:
    """Return (number of checks, average claim terms, average title terms)."""
    n, claim, title = db.execute(
        "SELECT checks, claim_terms, title_terms FROM published_check_totals WHERE id = 1"
    ).fetchone()
    return n, claim / n if n else 0.0, title / n if n else 0.0


def document_frequencies(db: Database, terms: Iterable[str]) -> dict[str, int]:
    """Return how many checks hold each of ``terms`` (terms no check holds are left out)."""
    wanted = list(dict.fromkeys(terms))
    out: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(db.execute(f"SELECT term, docs FROM published_check_terms WHERE term IN ({marks})", chunk).fetchall())
    return out


def check_candidates(db: Database, terms: Sequence[str], limit: int = 100) -> list[dict]:
    """Return up to ``limit`` checks sharing any of ``terms``, the best by FTS5's BM25 first
    found, then given in import order (so equal scores keep the older check first).

    Each row has id, claim, title and the stored claim and title terms.
    """
    query = _fts_or(terms)
    if query is None:
        return []
    rows = query_rows(db, """
        SELECT p.rowid AS rowid, p.id, p.claim_reviewed AS claim, coalesce(p.title, '') AS title,
               p.claim_terms, p.title_terms
        FROM (SELECT rowid FROM published_checks_fts WHERE published_checks_fts MATCH :q
              ORDER BY bm25(published_checks_fts, 1.0, 0.6) LIMIT :limit) m
        JOIN published_checks p ON p.rowid = m.rowid
        ORDER BY p.rowid
    """, {"q": query, "limit": limit})
    return rows


def source_for_address(db: Database, url: str | None) -> str | None:
    """Return the id of the oldest source whose address is ``url``, or None."""
    if not url:
        return None
    row = db.execute("SELECT id FROM sources WHERE url = ? ORDER BY created_at, rowid LIMIT 1", [url]).fetchone()
    return row[0] if row else None
