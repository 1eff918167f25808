"""Claims' publishing details: what a checker set (claimant, appearances, date, wording, review address).

Only what a checker set is stored; the defaults are worked out from the claim and its
article when read (``core.publishing.effective_publishing``), so they follow later edits
of the article's author, outlet, address or date.
"""
from __future__ import annotations

import json

from sqlite_utils import Database

from factcheck_app.core.ids import utc_now
from factcheck_app.core.publishing import (
    Appearance,
    ClaimContext,
    Publishing,
    StoredPublishing,
    effective_publishing,
)
from factcheck_app.store.errors import NotFoundError
from factcheck_app.store.transaction import write

_STORED_SQL = """
SELECT claim_id, claimant, claimant_type, claim_date, claim_reviewed, review_url, appearances_set
FROM claim_publishing WHERE claim_id IN (SELECT value FROM json_each(?))
"""
_APPEARANCES_SQL = """
SELECT claim_id, url, first_appearance FROM claim_appearances
WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, position
"""
_CONTEXT_SQL = """
SELECT c.id, c.text, c.start_offset, a.author, a.outlet, a.url, a.published
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.id IN (SELECT value FROM json_each(?))
"""
_QUOTES_SQL = """
SELECT claim_id, start_offset, end_offset, speaker FROM facets
WHERE kind = 'quote' AND claim_id IN (SELECT value FROM json_each(?))
ORDER BY claim_id, start_offset
"""


def stored_by_claim(db: Database, claim_ids: list[str]) -> dict[str, StoredPublishing]:
    """Return what checkers set for these claims (claims with nothing set are left out)."""
    ids = [json.dumps(list(claim_ids))]
    appearances: dict[str, list[Appearance]] = {}
    for cid, url, first in db.execute(_APPEARANCES_SQL, ids):
        appearances.setdefault(cid, []).append(Appearance(url, bool(first)))
    out = {}
    for cid, claimant, kind, claim_date, reviewed, review_url, appearances_set in db.execute(_STORED_SQL, ids):
        out[cid] = StoredPublishing(
            claimant=claimant, claimant_type=kind, claim_date=claim_date, claim_reviewed=reviewed,
            review_url=review_url,
            appearances=tuple(appearances.get(cid, ())) if appearances_set else None,
        )
    return out


def contexts_by_claim(db: Database, claim_ids: list[str]) -> dict[str, ClaimContext]:
    """Return what each claim's defaults are read from: its text, quotations and article."""
    ids = [json.dumps(list(claim_ids))]
    rows = db.execute(_CONTEXT_SQL, ids).fetchall()
    starts = {row[0]: row[2] for row in rows}
    quotes: dict[str, list[tuple[int, int, str | None]]] = {}
    for cid, start, end, speaker in db.execute(_QUOTES_SQL, ids):
        quotes.setdefault(cid, []).append((start - starts[cid], end - starts[cid], speaker))
    return {
        cid: ClaimContext(text=text, quotations=tuple(quotes.get(cid, ())), article_author=author,
                          article_outlet=outlet, article_url=url, article_published=published)
        for cid, text, _, author, outlet, url, published in rows
    }


def publishing_by_claim(db: Database, claim_ids: list[str]) -> dict[str, Publishing]:
    """Return each claim's publishing details as exported (set values, defaults for the rest)."""
    stored = stored_by_claim(db, claim_ids)
    return {cid: effective_publishing(stored.get(cid), context)
            for cid, context in contexts_by_claim(db, claim_ids).items()}


def get_stored(db: Database, claim_id: str) -> StoredPublishing:
    """Return what checkers set for one claim (an empty StoredPublishing when nothing is)."""
    return stored_by_claim(db, [claim_id]).get(claim_id, StoredPublishing())


def get_publishing(db: Database, claim_id: str) -> Publishing:
    """Return one claim's publishing details; raise NotFoundError for an unknown claim."""
    found = publishing_by_claim(db, [claim_id])
    if claim_id not in found:
        raise NotFoundError(f"No claim has the id '{claim_id}'.")
    return found[claim_id]


def save_stored(db: Database, claim_id: str, stored: StoredPublishing, by: str | None = None) -> None:
    """Replace what is set for a claim with ``stored`` (nothing set at all removes the row)."""
    with write(db):
        db.execute("DELETE FROM claim_appearances WHERE claim_id = ?", [claim_id])
        if stored == StoredPublishing():
            db.execute("DELETE FROM claim_publishing WHERE claim_id = ?", [claim_id])
            return
        db["claim_publishing"].upsert({
            "claim_id": claim_id,
            "claimant": stored.claimant,
            "claimant_type": stored.claimant_type if stored.claimant else None,
            "claim_date": stored.claim_date,
            "claim_reviewed": stored.claim_reviewed,
            "review_url": stored.review_url,
            "appearances_set": int(stored.appearances is not None),
            "updated_at": utc_now(),
            "updated_by": by,
        }, pk="claim_id")
        db["claim_appearances"].insert_all(
            {"claim_id": claim_id, "position": n, "url": a.url, "first_appearance": int(a.first)}
            for n, a in enumerate(stored.appearances or ())
        )
