"""Verdict rows rebuilt from history after a merge, and the claims whose verdict waits for a decision."""
from __future__ import annotations

import json

from sqlite_utils import Database

from factcheck_app.core.ids import utc_now


def claim_history(db: Database, claim_id: str) -> list[dict]:
    """Return every verdict-history row of a claim, oldest first."""
    return list(db.query("SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY changed_at, id", [claim_id]))


_LEAVES_SQL = """
SELECT h.* FROM verdict_history h
WHERE h.claim_id IN ({marks}) AND NOT EXISTS (
    SELECT 1 FROM verdict_history c WHERE c.claim_id = h.claim_id
      AND (c.parent_id = h.id OR instr(' ' || coalesce(c.resolves, '') || ' ', ' ' || h.id || ' ') > 0))
ORDER BY h.claim_id, h.changed_at, h.id
"""


def history_leaves_of(db: Database, claim_ids: list[str]) -> dict[str, list[dict]]:
    """Return, per claim, the latest change of each line of its verdict history, oldest first.

    One line is the usual case; two or more mean checkers changed the verdict apart from each
    other (merged from different libraries) and someone has to decide. The last one is the
    version the verdict row shows meanwhile. Claims without history are left out.
    """
    found: dict[str, list[dict]] = {}
    for row in _in_chunks(db, _LEAVES_SQL, claim_ids):
        found.setdefault(row["claim_id"], []).append(row)
    return found


def _in_chunks(db: Database, sql: str, claim_ids: list[str]) -> list[dict]:
    out: list[dict] = []
    for i in range(0, len(claim_ids), 500):
        chunk = claim_ids[i : i + 500]
        out.extend(db.query(sql.format(marks=", ".join("?" * len(chunk))), chunk))
    return out


def current_verdicts(db: Database, claim_ids: list[str]) -> dict[str, dict]:
    """Return claim id -> verdict row for the claims that have one."""
    return {r["claim_id"]: r for r in _in_chunks(db, "SELECT * FROM verdicts WHERE claim_id IN ({marks})", claim_ids)}


def marked_conflicts(db: Database, claim_ids: list[str]) -> set[str]:
    """Return which of the claims are marked as needing a decision."""
    sql = "SELECT claim_id FROM verdict_conflicts WHERE claim_id IN ({marks})"
    return {r["claim_id"] for r in _in_chunks(db, sql, claim_ids)}


def replace_verdict_rows(db: Database, rows: dict[str, dict | None]) -> None:
    """Make each claim's verdict row the one given (None: no verdict), inside the caller's transaction."""
    if not rows:
        return
    db.conn.executemany("DELETE FROM verdicts WHERE claim_id = ?", [(claim_id,) for claim_id in rows])
    kept = [row for row in rows.values() if row is not None]
    if kept:
        names = list(kept[0])
        db.conn.executemany(
            f"INSERT INTO verdicts ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [[row[n] for n in names] for row in kept],
        )


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


def drop_verdict_of(db: Database, claim_id: str) -> None:
    """Remove a claim's verdict row and decision mark (a claim joined into another: its history decides)."""
    db.execute("DELETE FROM verdicts WHERE claim_id = ?", [claim_id])
    db.execute("DELETE FROM verdict_conflicts WHERE claim_id = ?", [claim_id])
