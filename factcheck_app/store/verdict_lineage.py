"""Verdict rows rebuilt from history after a merge, and the claims whose verdict waits for a decision."""
from __future__ import annotations

import json

from sqlite_utils import Database

from factcheck_app.core.ids import utc_now


def claim_history(db: Database, claim_id: str) -> list[dict]:
    """Return every verdict-history row of a claim, oldest first."""
    return list(db.query("SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY changed_at, id", [claim_id]))


def current_verdict(db: Database, claim_id: str) -> dict | None:
    """Return the claim's verdict row, or None."""
    rows = list(db.query("SELECT * FROM verdicts WHERE claim_id = ?", [claim_id]))
    return rows[0] if rows else None


def put_verdict(db: Database, claim_id: str, row: dict | None) -> None:
    """Make the claim's verdict row ``row`` (None: no verdict), inside the caller's transaction."""
    db.execute("DELETE FROM verdicts WHERE claim_id = ?", [claim_id])
    if row is not None:
        db["verdicts"].insert(row)


def set_conflict(db: Database, claim_id: str, versions: list[str] | None) -> bool:
    """Mark the claim as needing a decision between ``versions`` (history ids), or clear the mark with None.

    Returns whether the claim was already marked.
    """
    was = db.execute("SELECT 1 FROM verdict_conflicts WHERE claim_id = ?", [claim_id]).fetchone() is not None
    if versions is None:
        if was:
            db.execute("DELETE FROM verdict_conflicts WHERE claim_id = ?", [claim_id])
        return was
    if was:
        db.execute("UPDATE verdict_conflicts SET versions = ? WHERE claim_id = ?", [json.dumps(versions), claim_id])
    else:
        db.execute(
            "INSERT INTO verdict_conflicts (claim_id, versions, found_at) VALUES (?, ?, ?)",
            [claim_id, json.dumps(versions), utc_now()],
        )
    return was


def conflicts(db: Database) -> list[dict]:
    """Return the claims whose verdict waits for a decision, with their article title and claim text."""
    return list(
        db.query(
            "SELECT k.claim_id, k.versions, k.found_at, c.text, c.article_id, a.title AS article_title "
            "FROM verdict_conflicts k JOIN claims c ON c.id = k.claim_id JOIN articles a ON a.id = c.article_id "
            "ORDER BY a.title, c.start_offset"
        )
    )


def conflict_versions(db: Database, claim_id: str) -> list[dict]:
    """Return the history rows of the versions a claim's verdict waits to be decided between (oldest first)."""
    row = db.execute("SELECT versions FROM verdict_conflicts WHERE claim_id = ?", [claim_id]).fetchone()
    if row is None:
        return []
    ids = json.loads(row[0])
    marks = ", ".join("?" * len(ids))
    return list(db.query(f"SELECT * FROM verdict_history WHERE id IN ({marks}) ORDER BY changed_at, id", ids))
