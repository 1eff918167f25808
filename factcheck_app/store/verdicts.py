"""Verdict rows and their history: read, write and record, with no checking rules (those live in ops/)."""
from __future__ import annotations

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.claims import get_claim
from factcheck_app.store.verdict_lineage import history_leaves_of

#: The verdict columns a checker's change can touch; a history row is written when one of them changes.
VERDICT_FIELDS = ("rating", "scale", "rationale", "checker", "reviewer", "status")
#: What a history row records: set (rating), rationale, review, publish, clear, undo, merge, decide.
HISTORY_ACTIONS = ("set", "rationale", "review", "publish", "clear", "undo", "merge", "decide")


def get_verdict(db: Database, claim_id: str) -> dict | None:
    """Return the claim's current verdict row, or None when it is not yet checked."""
    rows = list(db.query("SELECT * FROM verdicts WHERE claim_id = ?", [claim_id]))
    return rows[0] if rows else None


def record_change(
    db: Database,
    claim_id: str,
    before: dict | None,
    after: dict | None,
    *,
    action: str,
    who: str | None,
    why: str | None = None,
    correction: bool = False,
    at: str | None = None,
) -> None:
    """Add one verdict-history row (inside the caller's transaction): who, when, from, to, why.

    The row also pictures the whole verdict after the change and names the change(s) it was
    made on top of, so that a merge can rebuild the verdict and tell two lines of changes
    apart. A change made while two merged versions wait for a decision is made on top of
    both: it is the decision.
    """
    leaves = [h["id"] for h in history_leaves(db, claim_id)]
    db.execute("DELETE FROM verdict_conflicts WHERE claim_id = ?", [claim_id])
    db["verdict_history"].insert(
        {
            "id": new_id(),
            "claim_id": claim_id,
            "changed_at": at or utc_now(),
            "changed_by": who,
            "from_rating": before["rating"] if before else None,
            "to_rating": after["rating"] if after else None,
            "from_status": before["status"] if before else None,
            "to_status": after["status"] if after else None,
            "scale": (after or before or {}).get("scale"),
            "why": why,
            "action": action,
            "from_rationale": before.get("rationale") if before else None,
            "to_rationale": after.get("rationale") if after else None,
            "correction": int(correction),
            "parent_id": leaves[-1] if leaves else None,
            "resolves": " ".join(leaves[:-1]) or None,
            "verdict_id": after["id"] if after else None,
            "checker": after["checker"] if after else None,
            "reviewer": after["reviewer"] if after else None,
            "verdict_created_at": after["created_at"] if after else None,
            "verdict_updated_at": after["updated_at"] if after else None,
            "published_at": after["published_at"] if after else None,
        }
    )


def history_leaves(db: Database, claim_id: str) -> list[dict]:
    """Return the latest change of each line of a claim's verdict history (see verdict_lineage), oldest first."""
    return history_leaves_of(db, [claim_id]).get(claim_id, [])


def needs_decision(db: Database, claim_id: str) -> bool:
    """Return True when two versions of the claim's verdict, merged from different libraries, await a decision."""
    return db.execute("SELECT 1 FROM verdict_conflicts WHERE claim_id = ?", [claim_id]).fetchone() is not None


def put_verdict(db: Database, claim_id: str, row: dict) -> dict:
    """Create or replace the claim's verdict with ``row``'s columns (inside the caller's transaction); return it.

    Missing columns keep their stored value (or the column default for a new row); the
    claim becomes 'checked'. No rule is applied here: ops/verdicts.py decides what may change.
    """
    now = utc_now()
    before = get_verdict(db, claim_id)
    values = {k: v for k, v in row.items() if k not in ("claim_id",)}
    values.setdefault("updated_at", now)
    if before is None:
        values.setdefault("id", new_id())
        values.setdefault("created_at", now)
        values.setdefault("status", "draft")
        db["verdicts"].insert({"claim_id": claim_id, **values})
    else:
        db["verdicts"].update(before["id"], values)
    db.execute(
        "UPDATE claims SET status = 'checked', updated_at = ? WHERE id = ? AND status != 'checked'", [now, claim_id]
    )
    return get_verdict(db, claim_id)


def delete_verdict(db: Database, claim_id: str, claim_status: str = "in_progress") -> dict | None:
    """Remove the claim's verdict (inside the caller's transaction) and set the claim's status; return the row."""
    before = get_verdict(db, claim_id)
    if before is None:
        return None
    db.execute("DELETE FROM verdicts WHERE id = ?", [before["id"]])
    db.execute("UPDATE claims SET status = ?, updated_at = ? WHERE id = ?", [claim_status, utc_now(), claim_id])
    return before


def verdict_history(db: Database, claim_id: str) -> list[dict]:
    """Return the claim's verdict changes, oldest first."""
    get_claim(db, claim_id)
    return list(db.query("SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY changed_at, rowid", [claim_id]))


def authors_since_review(db: Database, claim_id: str) -> list[str]:
    """Return everyone who set the rating or wrote the rationale since the verdict's last review, oldest first.

    These are the people who may not review it: the second-person rule.
    """
    rows = db.execute(
        "SELECT changed_by FROM verdict_history WHERE claim_id = ? AND rowid > "
        "coalesce((SELECT max(rowid) FROM verdict_history WHERE claim_id = ? AND action = 'review'), 0) "
        "AND action IN ('set', 'rationale', 'merge', 'decide') AND changed_by IS NOT NULL ORDER BY rowid",
        [claim_id, claim_id],
    ).fetchall()
    return list(dict.fromkeys(r[0] for r in rows))


def was_published(db: Database, claim_id: str) -> bool:
    """Return True when a verdict on the claim has ever been published (later changes are corrections)."""
    row = db.execute(
        "SELECT 1 FROM verdict_history WHERE claim_id = ? AND to_status = 'published' LIMIT 1", [claim_id]
    ).fetchone()
    return row is not None


def corrections(db: Database, claim_id: str) -> list[dict]:
    """Return the changes made to the verdict after it was first published (the IFCN corrections log)."""
    return list(
        db.query(
            "SELECT * FROM verdict_history WHERE claim_id = ? AND correction = 1 ORDER BY rowid", [claim_id]
        )
    )

