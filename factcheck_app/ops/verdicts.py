"""Verdict operations and the sign-off rules: named checkers, a second person to review, history and corrections.

The rules, written once for the app and the command line:
- every write names a real person (``by``), never the operating-system account;
- the reviewer differs from everyone who set the rating or wrote the rationale since the
  last review (``review_problem``, also used after a merge);
- only a reviewed verdict is published; any change after review (or publication) returns
  the verdict to draft, and after publication every change is a correction;
- every change, rationale edits included, is a history row.
"""
from __future__ import annotations

from functools import partial

from factcheck_app.core.ids import utc_now
from factcheck_app.core.rating_scales import ScaleError
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person, same_person
from factcheck_app.store import claims as claims_store
from factcheck_app.store import verdicts as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.scales import DEFAULT_SCALE, get_scale
from factcheck_app.store.transaction import write

#: The verdict columns undo puts back exactly as they were.
RESTORED_COLUMNS = ("id", "scale", "rating", "rationale", "checker", "reviewer", "status",
                    "created_at", "updated_at", "published_at")


def _changes(lib: Library, claim_id: str) -> Changes:
    article_id = lib.db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    return Changes.of(claims=[claim_id], articles=[article_id[0]] if article_id else [])


def _restore_op(claim_id: str, before: dict | None, claim_status: str) -> partial:
    return partial(restore_verdict, claim_id=claim_id, row=before, claim_status=claim_status)


def _after_review(before: dict | None) -> bool:
    return bool(before) and before["status"] in ("reviewed", "published")


def _change(
    lib: Library, claim_id: str, values: dict, *, action: str, who: str, why: str | None, label: str
) -> OpResult:
    """Apply a checker's change to the verdict in one transaction, with the draft and correction rules."""
    db = lib.db
    with write(db):
        claim = claims_store.get_claim(db, claim_id)
        before = store.get_verdict(db, claim_id)
        if before is None and "rating" not in values:
            raise ValidationError("Rate the claim before writing its rationale.")
        row = dict(values)
        unchanged = before is not None and all(before.get(k) == v for k, v in row.items())
        if unchanged:
            return OpResult(changes=Changes(), value=before, label=label)
        if _after_review(before):
            # What was reviewed is no longer what is there: it needs a second look again.
            row.update(status="draft", reviewer=None)
        after = store.put_verdict(db, claim_id, row)
        correction = store.was_published(db, claim_id)
        store.record_change(db, claim_id, before, after, action=action, who=who, why=why, correction=correction)
    return OpResult(
        changes=_changes(lib, claim_id),
        value=after,
        undo=_restore_op(claim_id, before, claim["status"]),
        label=label,
    )


def _scale_label(lib: Library, scale_name: str, rating: str) -> str:
    try:
        return get_scale(lib.db, scale_name).step(rating).label
    except ScaleError as exc:
        raise ValidationError(str(exc)) from exc


def set_rating(
    lib: Library, claim_id: str, rating: str, *, scale: str | None = None, by: str | None,
    why: str | None = None,
) -> OpResult:
    """Give the claim ``rating`` (a step of ``scale``, else its current scale, else the default); return the row.

    The person who sets the rating becomes the verdict's checker.
    """
    who = require_person(by, "a rating")
    db = lib.db
    current = store.get_verdict(db, claim_id)
    scale_name = scale or (current["scale"] if current else DEFAULT_SCALE)
    label = _scale_label(lib, scale_name, rating)
    return _change(
        lib, claim_id, {"rating": label, "scale": scale_name, "checker": who},
        action="set", who=who, why=why, label=f"Rate “{label}”",
    )


def set_rationale(lib: Library, claim_id: str, rationale: str | None, *, by: str | None, why: str | None = None) -> OpResult:
    """Write the verdict's rationale (kept in the history; after publication, a correction); return the row."""
    who = require_person(by, "a rationale")
    text = (rationale or "").strip() or None
    return _change(lib, claim_id, {"rationale": text}, action="rationale", who=who, why=why, label="Write rationale")


def set_verdict(
    lib: Library, claim_id: str, rating: str, *, rationale: str | None = None, scale: str | None = None,
    by: str | None, why: str | None = None,
) -> OpResult:
    """Set rating and (when given) rationale together, as one change by one person; return the row."""
    who = require_person(by, "a verdict")
    db = lib.db
    current = store.get_verdict(db, claim_id)
    scale_name = scale or (current["scale"] if current else DEFAULT_SCALE)
    label = _scale_label(lib, scale_name, rating)
    values = {"rating": label, "scale": scale_name, "checker": who}
    if rationale is not None:
        values["rationale"] = rationale.strip() or None
    return _change(lib, claim_id, values, action="set", who=who, why=why, label=f"Verdict “{label}”")


def review_problem(lib: Library, claim_id: str, reviewer: str) -> str | None:
    """Return why ``reviewer`` may not review the claim's verdict now, or None when they may.

    The reviewer must differ from the verdict's checker and from everyone who set the
    rating or wrote the rationale since the last review.
    """
    verdict = store.get_verdict(lib.db, claim_id)
    if verdict is None:
        return "The claim has no verdict to review yet."
    if store.needs_decision(lib.db, claim_id):
        return "Two versions of this verdict wait for a decision; decide between them first."
    authors = store.authors_since_review(lib.db, claim_id)
    if verdict["checker"]:
        authors = [verdict["checker"], *authors]
    return reviewer_among_authors(reviewer, authors)


def reviewer_among_authors(reviewer: str, authors: list[str]) -> str | None:
    """Return why ``reviewer`` may not review work by ``authors`` (the second-person rule), or None.

    The one statement of the rule: used before a review here and, after a merge, over the
    merged history of a review made elsewhere.
    """
    for author in authors:
        if same_person(author, reviewer):
            return (
                f"{reviewer} set the rating or wrote the rationale of this verdict; "
                "a second checker must review it."
            )
    return None


def _sign_off(lib: Library, claim_id: str, who: str, action: str, why: str, label: str, decide) -> OpResult:
    """Run a review or publication: ``decide(before)`` returns the columns to write, None when already done."""
    db = lib.db
    with write(db):
        claim = claims_store.get_claim(db, claim_id)
        before = store.get_verdict(db, claim_id)
        row = decide(before)
        if row is None:
            return OpResult(changes=Changes(), value=before, label=label)
        after = store.put_verdict(db, claim_id, row)
        # A sign-off changes no content: the corrections log lists what the verdict says, not who approved it.
        store.record_change(db, claim_id, before, after, action=action, who=who, why=why)
    return OpResult(changes=_changes(lib, claim_id), value=after,
                    undo=_restore_op(claim_id, before, claim["status"]), label=label)


def review_verdict(lib: Library, claim_id: str, *, by: str | None, why: str | None = None) -> OpResult:
    """Mark the verdict reviewed by ``by``, a second checker; return the row."""
    who = require_person(by, "a review")

    def decide(before: dict | None) -> dict | None:
        problem = review_problem(lib, claim_id, who)
        if problem:
            raise ValidationError(problem)
        if before["status"] == "reviewed" and same_person(before["reviewer"], who):
            return None
        status = "published" if before["status"] == "published" else "reviewed"
        return {"reviewer": who, "status": status, "updated_at": utc_now()}

    return _sign_off(lib, claim_id, who, "review", why or "reviewed", "Mark reviewed", decide)


def publish_verdict(lib: Library, claim_id: str, *, by: str | None, why: str | None = None) -> OpResult:
    """Mark a reviewed verdict published (its first publication time is kept); return the row."""
    who = require_person(by, "publishing")

    def decide(before: dict | None) -> dict | None:
        if before is None:
            raise ValidationError("The claim has no verdict to publish yet.")
        if before["status"] == "published":
            return None
        if before["status"] != "reviewed" or not before["reviewer"]:
            raise ValidationError("Only a reviewed verdict is published; have a second checker review it first.")
        problem = review_problem(lib, claim_id, before["reviewer"])
        if problem:
            raise ValidationError(f"The review no longer holds: {problem}")
        return {"status": "published", "published_at": before.get("published_at") or utc_now()}

    return _sign_off(lib, claim_id, who, "publish", why or "published", "Publish", decide)


def clear_verdict(lib: Library, claim_id: str, *, by: str | None, why: str | None = None) -> OpResult:
    """Remove the claim's verdict ("Not yet checked" again), recorded in its history; return the removed row."""
    who = require_person(by, "removing a verdict")
    db = lib.db
    with write(db):
        claim = claims_store.get_claim(db, claim_id)
        before = store.get_verdict(db, claim_id)
        if before is None:
            return OpResult(changes=Changes(), value=None, label="Clear verdict")
        correction = store.was_published(db, claim_id)
        store.delete_verdict(db, claim_id)
        store.record_change(db, claim_id, before, None, action="clear", who=who, why=why or "verdict removed",
                            correction=correction)
    return OpResult(changes=_changes(lib, claim_id), value=before,
                    undo=_restore_op(claim_id, before, claim["status"]), label="Clear verdict")


def restore_verdict(lib: Library, *, claim_id: str, row: dict | None, claim_status: str, by: str | None = None) -> OpResult:
    """Put a verdict back exactly as ``row`` was (None: no verdict) with the claim's status: undo and redo.

    Who checked and reviewed is restored as recorded; the history keeps an 'undo' row.
    """
    db = lib.db
    with write(db):
        claim = claims_store.get_claim(db, claim_id)
        before = store.get_verdict(db, claim_id)
        if row is None:
            store.delete_verdict(db, claim_id, claim_status)
            after = None
        else:
            if before is not None and before["id"] != row["id"]:
                store.delete_verdict(db, claim_id, claim_status)
            after = store.put_verdict(db, claim_id, {k: row.get(k) for k in RESTORED_COLUMNS})
        if claim["status"] != claim_status:
            claims_store.set_status(db, claim_id, claim_status, claim.get("dismiss_reason"))
        store.record_change(db, claim_id, before, after, action="undo", who=by or (row or before or {}).get("checker"),
                            why="undo", correction=store.was_published(db, claim_id))
    return OpResult(changes=_changes(lib, claim_id), value=after,
                    undo=_restore_op(claim_id, before, claim["status"]), label="Restore verdict")
