"""Verdicts on claims and their history: every change records who, when, from, to and why."""
from __future__ import annotations

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.core.rating_scales import ScaleError
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.scales import DEFAULT_SCALE, get_scale
from factcheck_app.store.schema import VERDICT_STATUSES
from factcheck_app.store.transaction import write
from factcheck_app.store.verdict_lineage import history_leaves_of


def get_verdict(db: Database, claim_id: str) -> dict | None:
    """Return the claim's current verdict row, or None when it is not yet checked."""
    rows = list(db.query("SELECT * FROM verdicts WHERE claim_id = ?", [claim_id]))
    return rows[0] if rows else None


def history_leaves(db: Database, claim_id: str) -> list[dict]:
    """Return the latest change of each line of a claim's verdict history (see verdict_lineage), oldest first."""
    return history_leaves_of(db, [claim_id]).get(claim_id, [])


def _record(db: Database, claim_id: str, before: dict | None, after: dict | None, who: str | None, why: str | None) -> None:
    # Each change records the whole verdict after it and the change(s) it was made on top of:
    # a change made while two versions wait for a decision is the decision.
    leaves = [h["id"] for h in history_leaves(db, claim_id)]
    db["verdict_history"].insert(
        {
            "id": new_id(),
            "claim_id": claim_id,
            "changed_at": after["updated_at"] if after else utc_now(),
            "changed_by": who,
            "from_rating": before["rating"] if before else None,
            "to_rating": after["rating"] if after else None,
            "from_status": before["status"] if before else None,
            "to_status": after["status"] if after else None,
            "scale": (after or before or {}).get("scale"),
            "why": why,
            "parent_id": leaves[-1] if leaves else None,
            "resolves": " ".join(leaves[:-1]) or None,
            "verdict_id": after["id"] if after else None,
            "rationale": after["rationale"] if after else None,
            "checker": after["checker"] if after else None,
            "reviewer": after["reviewer"] if after else None,
            "verdict_created_at": after["created_at"] if after else None,
            "published_at": after["published_at"] if after else None,
        }
    )
    db.execute("DELETE FROM verdict_conflicts WHERE claim_id = ?", [claim_id])


def needs_decision(db: Database, claim_id: str) -> bool:
    """Return True when two versions of the claim's verdict, merged from different libraries, await a decision."""
    return db.execute("SELECT 1 FROM verdict_conflicts WHERE claim_id = ?", [claim_id]).fetchone() is not None


def _refuse_while_undecided(db: Database, claim_id: str, what: str) -> None:
    if needs_decision(db, claim_id):
        raise ValidationError(
            f"Two versions of this verdict wait for a decision; choose or set the verdict before {what}."
        )


def set_verdict(
    db: Database,
    claim_id: str,
    rating: str,
    scale: str | None = None,
    rationale: str | None = None,
    checker: str | None = None,
    status: str | None = None,
    why: str | None = None,
) -> dict:
    """Create or change a claim's verdict; return the new row.

    The rating must be a step of the scale (the claim's current scale, else the
    default). The claim becomes 'checked'. A history row records the change.
    """
    claim = get_claim(db, claim_id)
    before = get_verdict(db, claim_id)
    scale_name = scale or (before["scale"] if before else DEFAULT_SCALE)
    try:
        label = get_scale(db, scale_name).step(rating).label
    except ScaleError as exc:
        raise ValidationError(str(exc)) from exc
    if status is None and before and before["status"] == "reviewed" and label != before["rating"]:
        # A new rating has not been reviewed: it goes back to draft until a second checker looks again.
        status = "draft"
    status = status or (before["status"] if before else "draft")
    if status not in VERDICT_STATUSES:
        raise ValidationError(f"Unknown verdict status '{status}' (choose one of: {', '.join(VERDICT_STATUSES)}).")
    now = utc_now()
    row = {
        "claim_id": claim_id,
        "scale": scale_name,
        "rating": label,
        "rationale": rationale if rationale is not None else (before or {}).get("rationale"),
        "checker": checker if checker is not None else (before or {}).get("checker"),
        "status": status,
        "updated_at": now,
    }
    if status == "published" and not (before and before.get("published_at")):
        row["published_at"] = now
    if before and status == "draft" and before["status"] == "reviewed":
        row["reviewer"] = None
    undecided = needs_decision(db, claim_id)
    unchanged = before is not None and all(before[k] == v for k, v in row.items() if k != "updated_at")
    with write(db):
        if unchanged and not undecided:
            # Nothing to record: the row keeps the time of its last recorded change (history pictures it).
            after = before
        elif before:
            db["verdicts"].update(before["id"], row)
        else:
            db["verdicts"].insert({"id": new_id(), "created_at": now, "reviewer": None, **row})
        after = get_verdict(db, claim_id)
        if undecided or before is None or any(before[k] != after[k] for k in ("rating", "status", "scale", "rationale", "checker")):
            _record(db, claim_id, before, after, checker or (before or {}).get("checker"), why)
        if claim["status"] != "checked":
            db["claims"].update(claim_id, {"status": "checked", "updated_at": now})
    return after


def review_verdict(db: Database, claim_id: str, reviewer: str, why: str | None = None) -> dict:
    """Mark a verdict reviewed by a second checker (not its own checker); return the row."""
    before = get_verdict(db, claim_id)
    if before is None:
        raise ValidationError("The claim has no verdict to review yet.")
    _refuse_while_undecided(db, claim_id, "reviewing it")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ValidationError("Say who reviewed the verdict.")
    if before["checker"] and reviewer.casefold() == before["checker"].casefold():
        raise ValidationError("A verdict is reviewed by a second checker, not by the one who wrote it.")
    with write(db):
        db["verdicts"].update(before["id"], {"reviewer": reviewer, "status": "reviewed", "updated_at": utc_now()})
        after = get_verdict(db, claim_id)
        _record(db, claim_id, before, after, reviewer, why or "reviewed")
    return after


def publish_verdict(db: Database, claim_id: str, who: str | None = None) -> dict:
    """Mark a verdict published (after it is reviewed); later changes then show in the corrections log."""
    before = get_verdict(db, claim_id)
    if before is None:
        raise ValidationError("The claim has no verdict to publish yet.")
    _refuse_while_undecided(db, claim_id, "publishing it")
    return set_verdict(db, claim_id, before["rating"], status="published", checker=before["checker"], why=who and f"published by {who}")


def clear_verdict(db: Database, claim_id: str, who: str | None = None, why: str | None = None) -> dict | None:
    """Remove a claim's verdict (it is 'Not yet checked' again); return the removed row. Recorded in history."""
    get_claim(db, claim_id)
    before = get_verdict(db, claim_id)
    if before is None:
        return None
    with write(db):
        db.execute("DELETE FROM verdicts WHERE id = ?", [before["id"]])
        _record(db, claim_id, before, None, who, why or "verdict removed")
        db["claims"].update(claim_id, {"status": "in_progress", "updated_at": utc_now()})
    return before


def verdict_history(db: Database, claim_id: str) -> list[dict]:
    """Return the claim's verdict changes, oldest first."""
    get_claim(db, claim_id)
    return list(db.query("SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY changed_at, rowid", [claim_id]))


def corrections(db: Database, claim_id: str) -> list[dict]:
    """Return the rating or status changes made after the verdict was first published (the IFCN corrections log)."""
    rows = db.query(
        "SELECT * FROM verdict_history WHERE claim_id = ? AND rowid > "
        "(SELECT min(rowid) FROM verdict_history WHERE claim_id = ? AND to_status = 'published') "
        "ORDER BY rowid",
        [claim_id, claim_id],
    )
    return [r for r in rows if r["from_rating"] != r["to_rating"] or r["to_status"] != r["from_status"]]
