"""Stored matches of claims ("checked before"): against published checks and against the
library's own claims that carry a verdict; and the claim rows the matcher reads."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.published_checks import decode_appearances, query_rows


def _facets_by_claim(db: Database, claim_ids: Sequence[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {c: [] for c in claim_ids}
    for i in range(0, len(claim_ids), 500):
        chunk = list(claim_ids[i : i + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in query_rows(db, f"SELECT claim_id, kind, text, value, unit, speaker FROM facets "
                             f"WHERE claim_id IN ({marks}) ORDER BY start_offset", chunk):
            out[row.pop("claim_id")].append(row)
    return out


def claims_for_matching(db: Database, claim_ids: Sequence[str] | None = None) -> list[dict]:
    """Return claims (all that are not dismissed, or those named) with their text and facets."""
    if claim_ids is None:
        rows = query_rows(db, "SELECT id, article_id, text FROM claims WHERE status != 'dismissed' ORDER BY rowid")
    else:
        rows = []
        for i in range(0, len(claim_ids), 500):
            chunk = list(claim_ids[i : i + 500])
            marks = ", ".join("?" for _ in chunk)
            rows += query_rows(db, f"SELECT id, article_id, text FROM claims WHERE id IN ({marks}) ORDER BY rowid", chunk)
    facets = _facets_by_claim(db, [r["id"] for r in rows])
    for row in rows:
        row["facets"] = facets[row["id"]]
    return rows


def verdict_claim_candidates(db: Database, prefixes: Iterable[str], exclude_article: str | None = None,
                             limit: int = 50) -> list[dict]:
    """Return up to ``limit`` claims that carry a verdict and hold a word starting with any of
    ``prefixes`` (word stems), oldest first, with their text, facets and verdict; claims of
    ``exclude_article`` (the one being matched) are left out."""
    quoted = ['"' + p.replace('"', '""') + '"*' for p in dict.fromkeys(prefixes) if p]
    if not quoted:
        return []
    rows = query_rows(db, """
        SELECT c.id, c.text, v.rating, v.scale FROM
            (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rank LIMIT :pool) m
        JOIN claims c ON c.rowid = m.rowid
        JOIN verdicts v ON v.claim_id = c.id
        WHERE c.article_id IS NOT :exclude
        ORDER BY c.rowid LIMIT :limit
    """, {"q": " OR ".join(quoted), "pool": limit * 4, "exclude": exclude_article, "limit": limit})
    facets = _facets_by_claim(db, [r["id"] for r in rows])
    for row in rows:
        row["facets"] = facets[row["id"]]
    return rows


def verdict_claim_count(db: Database) -> int:
    """Return how many claims carry a verdict."""
    return db.execute("SELECT count(*) FROM verdicts").fetchone()[0]


def replace_matches(db: Database, claim_id: str, matches: Iterable[dict]) -> None:
    """Replace the stored matches of ``claim_id`` (inside the caller's transaction).

    Each match is a dict with ``check_id`` or ``matched_claim_id``, ``score``, ``strength``,
    ``label`` and ``reasons`` (a dict, stored as JSON); its rank is its position.
    """
    db.execute("DELETE FROM claim_matches WHERE claim_id = ?", [claim_id])
    now = utc_now()
    db["claim_matches"].insert_all(
        {
            "id": new_id(),
            "claim_id": claim_id,
            "check_id": m.get("check_id"),
            "matched_claim_id": m.get("matched_claim_id"),
            "rank": rank,
            "score": float(m["score"]),
            "strength": float(m["strength"]),
            "label": m["label"],
            "reasons": json.dumps(m.get("reasons") or {}, ensure_ascii=False),
            "matched_at": now,
        }
        for rank, m in enumerate(matches, 1)
    )


def stored_matches(db: Database, claim_id: str) -> list[dict]:
    """Return a claim's stored matches, best first: each with what it matched (a published
    check's rating, organisation, review date and address, or an earlier claim's verdict)."""
    rows = query_rows(db, """
        SELECT m.id, m.claim_id, m.check_id, m.matched_claim_id, m.rank, m.score, m.strength, m.label,
               m.reasons, m.matched_at,
               coalesce(p.claim_reviewed, oc.text) AS matched_text,
               p.title AS title,
               coalesce(p.rating, ov.rating) AS rating, p.rating_value, p.best_rating, p.worst_rating,
               coalesce(p.organisation, 'this library') AS organisation,
               coalesce(p.review_date, substr(ov.updated_at, 1, 10)) AS review_date,
               p.review_url, p.claimant, p.claim_date, p.appearances, ov.scale AS verdict_scale,
               ov.checker AS checker, col.name AS collection
        FROM claim_matches m
        LEFT JOIN published_checks p ON p.id = m.check_id
        LEFT JOIN check_collections col ON col.id = p.collection_id
        LEFT JOIN claims oc ON oc.id = m.matched_claim_id
        LEFT JOIN verdicts ov ON ov.claim_id = m.matched_claim_id
        WHERE m.claim_id = ?
        ORDER BY m.rank
    """, [claim_id])
    for row in rows:
        try:
            row["reasons"] = json.loads(row["reasons"] or "{}")
        except ValueError:
            row["reasons"] = {}
        row["kind"] = "check" if row["check_id"] else "claim"
    return decode_appearances(rows)


def matched_claim_ids(db: Database, minimum_label: Sequence[str] = ("strong", "likely")) -> set[str]:
    """Return the ids of claims that have a stored match of one of these strengths."""
    marks = ", ".join("?" for _ in minimum_label)
    return {r[0] for r in db.execute(f"SELECT DISTINCT claim_id FROM claim_matches WHERE label IN ({marks})",
                                     list(minimum_label))}


def match_summary(db: Database) -> dict[str, tuple[str, float]]:
    """Return, for every claim with a stored match, its best match's label and strength."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT claim_id, label, strength FROM claim_matches WHERE rank = 1")}


def best_match(db: Database, claim_id: str) -> tuple[str, float] | None:
    """Return the label and strength of a claim's best stored match, or None."""
    row = db.execute("SELECT label, strength FROM claim_matches WHERE claim_id = ? AND rank = 1", [claim_id]).fetchone()
    return (row[0], row[1]) if row else None


def claim_count(db: Database) -> int:
    """Return how many claims are not dismissed (the ones matching looks at)."""
    return db.execute("SELECT count(*) FROM claims WHERE status != 'dismissed'").fetchone()[0]


def claims_with_words(db: Database, prefixes: Iterable[str], limit: int = 200) -> list[str]:
    """Return the ids of up to ``limit`` claims (not dismissed) holding a word that starts with
    any of ``prefixes`` (word stems)."""
    quoted = ['"' + p.replace('"', '""') + '"*' for p in dict.fromkeys(prefixes) if p]
    if not quoted:
        return []
    return [r[0] for r in db.execute("""
        SELECT c.id FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q LIMIT :limit) m
        JOIN claims c ON c.rowid = m.rowid WHERE c.status != 'dismissed'
    """, {"q": " OR ".join(quoted), "limit": limit})]


def matched_claim_count(db: Database) -> int:
    """Return how many claims have a stored match."""
    return db.execute("SELECT count(DISTINCT claim_id) FROM claim_matches").fetchone()[0]
