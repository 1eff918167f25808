"""Claim operations: add from a selection, split, merge, dismiss and restore.

Selections and split points are snapped to whole words here, so the app and the command
line cut claims the same way.
"""
from __future__ import annotations

from functools import partial

from factcheck_app.core.text_spans import snap_span, snap_split
from factcheck_app.extract.pipeline import find_facets
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import articles as articles_store
from factcheck_app.store import claims as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write


def _changes(article_id: str, *claim_ids: str) -> Changes:
    return Changes.of(claims=claim_ids, articles=[article_id])


def add_claim(lib: Library, article_id: str, start: int, end: int, *, claim_id: str | None = None) -> OpResult:
    """Make a claim of body[start:end], widened to whole words, with the facets found inside; return its id.

    Undo deletes it (refused once evidence or a verdict hangs on it); its redo puts it back under the same id.
    """
    with write(lib.db):
        article = articles_store.get_article(lib.db, article_id)
        body = article["body"]
        if not (0 <= start < end <= len(body)):
            raise ValidationError("The selection is outside the article's text.")
        start, end = snap_span(body, start, end)
        if start == end:
            raise ValidationError("Select some words to make a claim of.")
        facets = find_facets(body, article.get("published"))
        new_id = store.add_claim(lib.db, article_id, start, end, facets, claim_id=claim_id)
    return OpResult(changes=_changes(article_id, new_id), value=new_id, label="Add claim",
                    undo=partial(delete_claim, claim_id=new_id))


def delete_claim(lib: Library, claim_id: str | None = None) -> OpResult:
    """Delete a hand-made claim nobody has worked on (undo of an add); return its row. Undo re-creates it."""
    with write(lib.db):
        row = store.delete_claim(lib.db, claim_id)
    return OpResult(
        changes=_changes(row["article_id"], claim_id), value=row, label="Delete claim",
        undo=partial(add_claim, article_id=row["article_id"], start=row["start_offset"], end=row["end_offset"],
                     claim_id=claim_id),
    )


def split_claim(lib: Library, claim_id: str, at: int) -> OpResult:
    """Split a claim at the word boundary nearest ``at``: the first part keeps id, evidence and verdict.

    Returns the new second claim's id; undo merges the two again.
    """
    with write(lib.db):
        claim = store.get_claim(lib.db, claim_id)
        body = articles_store.get_article(lib.db, claim["article_id"])["body"]
        point = snap_split(body, claim["start_offset"], claim["end_offset"], at)
        if point is None:
            raise ValidationError("Put the cursor between two words inside the claim to split it.")
        second = store.split_claim(lib.db, claim_id, point)
        # The first part ends at the last word before the split, not at the space after it.
        first_end = point
        while first_end > claim["start_offset"] and body[first_end - 1].isspace():
            first_end -= 1
        store.trim_claim_end(lib.db, claim_id, first_end)
    return OpResult(changes=_changes(claim["article_id"], claim_id, second), value=second, label="Split claim",
                    undo=partial(merge_claims, claim_ids=[claim_id, second]))


def merge_claims(lib: Library, claim_ids: list[str] | None = None) -> OpResult:
    """Merge claims of one article into the first by position (evidence moves to it); return its id.

    Refused when more than one has a verdict (one would be lost). Undo splits them again
    where they met only for a merge of two; larger merges cannot be undone.
    """
    with write(lib.db):
        claims = sorted((store.get_claim(lib.db, c) for c in dict.fromkeys(claim_ids or [])),
                        key=lambda c: c["start_offset"])
        kept = store.merge_claims(lib.db, [c["id"] for c in claims])
    undo = None
    if len(claims) == 2 and not claims[1]["verdict"] and claims[1]["sources"] == 0:
        undo = partial(split_claim, claim_id=kept, at=claims[1]["start_offset"])
    return OpResult(changes=_changes(claims[0]["article_id"], *[c["id"] for c in claims]), value=kept,
                    label=f"Merge {len(claims)} claims", undo=undo)


def dismiss_claims(lib: Library, claim_ids: list[str], reason: str | None = None) -> OpResult:
    """Mark claims not check-worthy, with the reason; undo gives each its former status back."""
    reason = (reason or "").strip() or "Not check-worthy"
    with write(lib.db):
        before = {cid: store.get_claim(lib.db, cid) for cid in dict.fromkeys(claim_ids)}
        if not before:
            raise ValidationError("Choose a claim to dismiss.")
        for cid in before:
            store.set_status(lib.db, cid, "dismissed", reason)
    states = {cid: (row["status"], row["dismiss_reason"]) for cid, row in before.items()}
    articles = {row["article_id"] for row in before.values()}
    n = len(before)
    return OpResult(changes=Changes.of(claims=before, articles=articles), value=list(before),
                    label=f"Dismiss {n} claim{'s' if n != 1 else ''}",
                    undo=partial(put_claim_states, states=states))


def restore_claims(lib: Library, claim_ids: list[str]) -> OpResult:
    """Bring dismissed claims back: checked when they have a verdict, in progress with evidence, else open."""
    with write(lib.db):
        before = {cid: store.get_claim(lib.db, cid) for cid in dict.fromkeys(claim_ids)}
        for cid, row in before.items():
            if row["status"] != "dismissed":
                continue
            status = "checked" if row["verdict"] else "in_progress" if row["sources"] else "open"
            store.set_status(lib.db, cid, status)
    states = {cid: (row["status"], row["dismiss_reason"]) for cid, row in before.items()}
    articles = {row["article_id"] for row in before.values()}
    return OpResult(changes=Changes.of(claims=before, articles=articles), value=list(before),
                    label="Restore claims", undo=partial(put_claim_states, states=states))


def put_claim_states(lib: Library, *, states: dict[str, tuple[str, str | None]]) -> OpResult:
    """Set each claim's status and dismissal reason as given (undo of dismiss and restore)."""
    with write(lib.db):
        before = {cid: store.get_claim(lib.db, cid) for cid in states}
        for cid, (status, reason) in states.items():
            store.set_status(lib.db, cid, status, reason)
    old = {cid: (row["status"], row["dismiss_reason"]) for cid, row in before.items()}
    return OpResult(changes=Changes.of(claims=states, articles={r["article_id"] for r in before.values()}),
                    value=list(states), label="Claim status", undo=partial(put_claim_states, states=old))
