"""Evidence: a source attached to a claim with a stance (supports / refutes / context) and an excerpt."""
from __future__ import annotations

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.schema import STANCES
from factcheck_app.store.sources import get_source
from factcheck_app.store.transaction import write

EVIDENCE_FIELDS = ("stance", "excerpt", "locator", "note", "added_by", "source_id")


def _check_stance(stance: str) -> str:
    if stance not in STANCES:
        raise ValidationError(f"Unknown stance '{stance}' (choose one of: {', '.join(STANCES)}).")
    return stance


def add_evidence(
    db: Database,
    claim_id: str,
    source_id: str,
    stance: str,
    excerpt: str | None = None,
    locator: str | None = None,
    note: str | None = None,
    added_by: str | None = None,
    evidence_id: str | None = None,
    document_id: str | None = None,
    page: int | None = None,
) -> str:
    """Attach a source to a claim; return the evidence id. A claim being attached to moves from open to in progress.

    ``evidence_id`` lets undo re-create a detached row under its old id; ``document_id`` and
    ``page`` say which document of the source, and which page (or paragraph) of it, is quoted.
    """
    _check_stance(stance)
    claim = get_claim(db, claim_id)
    get_source(db, source_id)
    now = utc_now()
    evidence_id = evidence_id or new_id()
    with write(db):
        db["evidence"].insert(
            {
                "id": evidence_id,
                "claim_id": claim_id,
                "source_id": source_id,
                "stance": stance,
                "excerpt": excerpt or None,
                "locator": locator or None,
                "note": note or None,
                "added_by": added_by or None,
                "added_at": now,
                "updated_at": now,
                "document_id": document_id,
                "page": page,
            }
        )
        if claim["status"] == "open":
            db["claims"].update(claim_id, {"status": "in_progress", "updated_at": now})
    return evidence_id


def get_evidence(db: Database, evidence_id: str) -> dict:
    """Return one evidence row; raise NotFoundError."""
    rows = list(db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
    if not rows:
        raise NotFoundError(f"No evidence with id {evidence_id}.")
    return rows[0]


def update_evidence(db: Database, evidence_id: str, **fields: str | None) -> dict:
    """Change stance, excerpt, locator, note or source of an evidence row; return the updated row."""
    unknown = set(fields) - set(EVIDENCE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown evidence fields: {', '.join(sorted(unknown))}.")
    get_evidence(db, evidence_id)
    if "stance" in fields:
        _check_stance(fields["stance"] or "")
    if fields.get("source_id"):
        get_source(db, fields["source_id"])
    with write(db):
        db["evidence"].update(evidence_id, {**fields, "updated_at": utc_now()})
    return get_evidence(db, evidence_id)


def remove_evidence(db: Database, evidence_id: str) -> dict:
    """Detach evidence from its claim; return the removed row (so that undo can put it back)."""
    row = get_evidence(db, evidence_id)
    with write(db):
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
    return row


def keep_times(db: Database, evidence_id: str, added_at: str, updated_at: str) -> None:
    """Set an evidence row's recorded times (a row put back by undo or a merge keeps its own)."""
    with write(db):
        db["evidence"].update(evidence_id, {"added_at": added_at, "updated_at": updated_at})


def list_evidence(db: Database, claim_id: str) -> list[dict]:
    """Return a claim's evidence joined with its source's title, publisher, url, date and kind."""
    return list(
        db.query(
            """
            SELECT e.*, s.title AS source_title, s.publisher, s.url, s.published AS source_published,
                   s.kind AS source_kind, s.reliability, s.archive_url, s.author AS source_author
            FROM evidence e JOIN sources s ON s.id = e.source_id
            WHERE e.claim_id = ? ORDER BY e.added_at, e.id
            """,
            [claim_id],
        )
    )


def independent_source_count(db: Database, claim_id: str) -> int:
    """Return how many independent sources back a claim: distinct publishers (or titles when no publisher)."""
    row = db.execute(
        "SELECT count(DISTINCT lower(coalesce(nullif(trim(s.publisher), ''), s.title))) "
        "FROM evidence e JOIN sources s ON s.id = e.source_id WHERE e.claim_id = ? AND e.stance != 'context'",
        [claim_id],
    ).fetchone()
    return row[0]
