"""Claims and their facets: insert, list, status changes, hand-made claims (and their deletion), split and merge."""
from __future__ import annotations

from sqlite_utils import Database

from factcheck_app.core.extraction import ExtractedClaim, Facet
from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.schema import CLAIM_STATUSES
from factcheck_app.store.transaction import write
from factcheck_app.store.views import CLAIM_READING_ORDER


def _value_text(value: object) -> str | None:
    """Return a facet value as stored text: whole floats lose their '.0', everything else str()."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _facet_row(claim_id: str, f: Facet) -> dict:
    return {
        "id": new_id(),
        "claim_id": claim_id,
        "kind": f.kind,
        "start_offset": f.start,
        "end_offset": f.end,
        "text": f.text,
        "value": _value_text(f.value),
        "unit": f.unit,
        "speaker": f.speaker,
        "subtype": f.subtype,
        "vague": int(bool(f.vague)),
    }


def _claim_row(claim_id: str, article_id: str, claim: ExtractedClaim, origin: str, now: str) -> dict:
    return {
        "id": claim_id,
        "article_id": article_id,
        "start_offset": claim.start,
        "end_offset": claim.end,
        "text": claim.text,
        "score": float(claim.score),
        "status": "open",
        "origin": origin,
        "created_at": now,
        "updated_at": now,
    }


def replace_facets(db: Database, claim_id: str, facets: list[Facet]) -> None:
    """Replace a claim's facets with ``facets`` (inside the caller's transaction)."""
    db.execute("DELETE FROM facets WHERE claim_id = ?", [claim_id])
    db["facets"].insert_all(_facet_row(claim_id, f) for f in facets)


def insert_claims(db: Database, article_id: str, claims: list[ExtractedClaim], origin: str = "automatic") -> list[str]:
    """Insert a new article's claims with their facets in batches (inside the caller's transaction); return their ids.

    One multi-row insert per batch instead of one per claim: an article of thousands of
    claims is stored in a fraction of the time.
    """
    now = utc_now()
    ids = [new_id() for _ in claims]
    db["claims"].insert_all(_claim_row(claim_id, article_id, claim, origin, now) for claim_id, claim in zip(ids, claims))
    db["facets"].insert_all(_facet_row(claim_id, f) for claim_id, claim in zip(ids, claims) for f in claim.facets)
    return ids


def insert_claim(
    db: Database, article_id: str, claim: ExtractedClaim, origin: str = "automatic", claim_id: str | None = None
) -> str:
    """Insert a claim with its facets (inside the caller's transaction); return its id.

    ``claim_id`` re-creates a deleted claim under its old id (redo after an undo); by default a new id is made.
    """
    if claim_id is None:
        claim_id = new_id()
    elif db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone():
        raise ValidationError(f"A claim with id {claim_id} already exists.")
    db["claims"].insert(_claim_row(claim_id, article_id, claim, origin, utc_now()))
    replace_facets(db, claim_id, claim.facets)
    return claim_id


CLAIM_LIST_SQL = """
SELECT c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.score, c.status, c.origin,
       c.dismiss_reason, a.title AS article_title,
       (SELECT group_concat(DISTINCT f.kind) FROM facets f WHERE f.claim_id = c.id) AS kinds,
       v.rating AS verdict, v.scale AS verdict_scale, v.status AS verdict_status,
       (SELECT count(DISTINCT e.source_id) FROM evidence e WHERE e.claim_id = c.id) AS sources
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN verdicts v ON v.claim_id = c.id
"""


def list_claims(db: Database, article_id: str | None = None, status: str | None = None) -> list[dict]:
    """Return claim summaries (kinds, verdict, number of sources) in reading order per article."""
    where, params = [], []
    if article_id:
        where.append("c.article_id = ?")
        params.append(article_id)
    if status:
        if status not in CLAIM_STATUSES:
            raise ValidationError(f"Unknown status '{status}' (choose one of: {', '.join(CLAIM_STATUSES)}).")
        where.append("c.status = ?")
        params.append(status)
    sql = CLAIM_LIST_SQL + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY " + CLAIM_READING_ORDER
    return list(db.query(sql, params))


def get_claim(db: Database, claim_id: str) -> dict:
    """Return the claim summary plus its ``facets`` (list of dicts, by position); raise NotFoundError."""
    rows = list(db.query(CLAIM_LIST_SQL + " WHERE c.id = ?", [claim_id]))
    if not rows:
        raise NotFoundError(f"No claim with id {claim_id}.")
    claim = rows[0]
    claim["facets"] = get_facets(db, claim_id)
    return claim


def find_claim_containing(db: Database, article_id: str, needle: str) -> str | None:
    """Return the id of the article's first claim (by position) whose text contains ``needle``, or None."""
    row = db.execute(
        "SELECT id FROM claims WHERE article_id = ? AND instr(text, ?) > 0 ORDER BY start_offset LIMIT 1",
        [article_id, needle],
    ).fetchone()
    return row[0] if row else None


def get_facets(db: Database, claim_id: str) -> list[dict]:
    """Return a claim's facets ordered by position."""
    return list(db.query("SELECT * FROM facets WHERE claim_id = ? ORDER BY start_offset, end_offset", [claim_id]))


def article_facets(db: Database, article_id: str) -> list[dict]:
    """Return every facet of an article's claims, with its claim id, ordered by position."""
    return list(
        db.query(
            "SELECT f.* FROM facets f JOIN claims c ON c.id = f.claim_id "
            "WHERE c.article_id = ? ORDER BY f.start_offset",
            [article_id],
        )
    )


def add_claim(
    db: Database,
    article_id: str,
    start: int,
    end: int,
    facets: list[Facet] | None = None,
    claim_id: str | None = None,
) -> str:
    """Add a claim by hand over body[start:end] (trimmed of surrounding spaces); return its id.

    ``claim_id`` gives the claim a known id: redoing an undone add puts the claim back as it was.
    """
    row = db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise NotFoundError(f"No article with id {article_id}.")
    body = row[0]
    if not (0 <= start < end <= len(body)):
        raise ValidationError("The selection is outside the article's text.")
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("Select some text to make a claim of.")
    inside = [f for f in (facets or []) if start <= f.start and f.end <= end]
    claim = ExtractedClaim(start, end, body[start:end], 0.5, inside)
    with write(db):
        return insert_claim(db, article_id, claim, origin="manual", claim_id=claim_id)


def delete_claim(db: Database, claim_id: str) -> dict:
    """Delete a claim nobody has worked on yet; return its row with ``facets`` (to re-create it, e.g. on redo).

    Refused (ValidationError) when the claim has evidence, a verdict, or a published verdict in its history:
    nothing a checker entered is deleted with it.
    """
    claim = get_claim(db, claim_id)
    evidence = db.execute("SELECT count(*) FROM evidence WHERE claim_id = ?", [claim_id]).fetchone()[0]
    if evidence:
        raise ValidationError(
            f"This claim has {evidence} piece{'s' if evidence != 1 else ''} of evidence; "
            "detach it before deleting the claim, or dismiss the claim instead."
        )
    if claim["verdict"]:
        raise ValidationError("This claim has a verdict; clear it before deleting the claim, or dismiss the claim instead.")
    published = db.execute(
        "SELECT 1 FROM verdict_history WHERE claim_id = ? AND 'published' IN (from_status, to_status)", [claim_id]
    ).fetchone()
    if published:
        raise ValidationError("A verdict on this claim was published; the claim stays so its record is kept.")
    row = dict(db["claims"].get(claim_id))
    row["facets"] = claim["facets"]
    with write(db):
        db.execute("DELETE FROM verdict_history WHERE claim_id = ?", [claim_id])
        db.execute("DELETE FROM facets WHERE claim_id = ?", [claim_id])
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
    return row


def set_status(db: Database, claim_id: str, status: str, reason: str | None = None) -> None:
    """Set a claim's status (open / in_progress / checked / dismissed); dismissing keeps ``reason``."""
    if status not in CLAIM_STATUSES:
        raise ValidationError(f"Unknown status '{status}' (choose one of: {', '.join(CLAIM_STATUSES)}).")
    get_claim(db, claim_id)
    with write(db):
        db["claims"].update(
            claim_id,
            {"status": status, "dismiss_reason": reason if status == "dismissed" else None, "updated_at": utc_now()},
        )


def split_claim(db: Database, claim_id: str, at: int) -> str:
    """Split a claim at body offset ``at``: the first part keeps the id, evidence and verdict; return the new id."""
    claim = get_claim(db, claim_id)
    start, end = claim["start_offset"], claim["end_offset"]
    if not (start < at < end):
        raise ValidationError("Split inside the claim's text.")
    body = db.execute("SELECT body FROM articles WHERE id = ?", [claim["article_id"]]).fetchone()[0]
    facets = [facet_from_row(f) for f in claim["facets"]]
    first = [f for f in facets if f.end <= at]
    second = [f for f in facets if f.start >= at]
    new = ExtractedClaim(at, end, body[at:end], claim["score"], second)
    with write(db):
        db["claims"].update(claim_id, {"end_offset": at, "text": body[start:at], "updated_at": utc_now()})
        replace_facets(db, claim_id, first)
        new_id_ = insert_claim(db, claim["article_id"], new, origin="manual")
    return new_id_


def trim_claim_end(db: Database, claim_id: str, end: int) -> None:
    """Move a claim's end back to ``end`` (inside its span), its text following; facets beyond it go."""
    claim = get_claim(db, claim_id)
    if not (claim["start_offset"] < end <= claim["end_offset"]) or end == claim["end_offset"]:
        return
    body = db.execute("SELECT body FROM articles WHERE id = ?", [claim["article_id"]]).fetchone()[0]
    with write(db):
        db["claims"].update(claim_id, {"end_offset": end, "text": body[claim["start_offset"]:end], "updated_at": utc_now()})
        db.execute("DELETE FROM facets WHERE claim_id = ? AND end_offset > ?", [claim_id, end])


def merge_claims(db: Database, claim_ids: list[str]) -> str:
    """Merge claims of one article into the first by position; evidence moves to it; return its id.

    Refused when more than one of them has a verdict, since one would be lost.
    """
    claims = sorted((get_claim(db, cid) for cid in dict.fromkeys(claim_ids)), key=lambda c: c["start_offset"])
    if len(claims) < 2:
        raise ValidationError("Choose at least two claims to merge.")
    if len({c["article_id"] for c in claims}) > 1:
        raise ValidationError("Only claims of the same article can be merged.")
    if sum(1 for c in claims if c["verdict"]) > 1:
        raise ValidationError("More than one of these claims has a verdict; remove all but one first.")
    keep = claims[0]
    start = keep["start_offset"]
    end = max(c["end_offset"] for c in claims)
    body = db.execute("SELECT body FROM articles WHERE id = ?", [keep["article_id"]]).fetchone()[0]
    facets = [facet_from_row(f) for c in claims for f in c["facets"]]
    with write(db):
        for other in claims[1:]:
            db.execute("UPDATE evidence SET claim_id = ? WHERE claim_id = ?", [keep["id"], other["id"]])
            db.execute("UPDATE verdicts SET claim_id = ? WHERE claim_id = ?", [keep["id"], other["id"]])
            db.execute("UPDATE verdict_history SET claim_id = ? WHERE claim_id = ?", [keep["id"], other["id"]])
            db.execute("DELETE FROM claims WHERE id = ?", [other["id"]])
        db["claims"].update(
            keep["id"],
            {"end_offset": end, "text": body[start:end], "score": max(c["score"] for c in claims), "updated_at": utc_now()},
        )
        replace_facets(db, keep["id"], facets)
    return keep["id"]


def facet_from_row(row: dict) -> Facet:
    """Return a stored facet row (as get_facets gives it) as a Facet, e.g. to re-create a deleted claim."""
    return Facet(
        kind=row["kind"],
        start=row["start_offset"],
        end=row["end_offset"],
        text=row["text"],
        value=row["value"],
        unit=row["unit"],
        speaker=row["speaker"],
        subtype=row.get("subtype"),
        vague=bool(row.get("vague")),
    )
