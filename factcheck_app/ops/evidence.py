"""Evidence operations: attach a source to a claim with a stance and excerpt, edit it, remove it."""
from __future__ import annotations

from functools import partial

from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.store import claims as claims_store
from factcheck_app.store import evidence as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write

#: The evidence columns a checker edits.
EDITABLE = ("stance", "excerpt", "locator", "note", "source_id")


def _changes(claim: dict) -> Changes:
    return Changes.of(claims=[claim["id"]], articles=[claim["article_id"]], sources=True)


def add_evidence(
    lib: Library, claim_id: str, source_id: str, stance: str, *, excerpt: str | None = None,
    locator: str | None = None, note: str | None = None, by: str | None,
    document_id: str | None = None, page: int | None = None,
) -> OpResult:
    """Attach ``source_id`` to the claim with ``stance``; return the new evidence id. Undo removes it.

    ``document_id`` and ``page`` tie the evidence to the page of a document it quotes
    (``ops.documents.quote_document`` checks the excerpt is there first).
    """
    who = require_person(by, "adding evidence")
    with write(lib.db):
        claim = claims_store.get_claim(lib.db, claim_id)
        evidence_id = store.add_evidence(
            lib.db, claim_id, source_id, stance, excerpt=excerpt, locator=locator, note=note, added_by=who,
            document_id=document_id, page=page,
        )
    return OpResult(
        changes=_changes(claim), value=evidence_id, label="Add evidence",
        undo=partial(remove_evidence, evidence_id=evidence_id, claim_status=claim["status"]),
    )


def edit_evidence(lib: Library, evidence_id: str, **fields: str | None) -> OpResult:
    """Change an evidence row's stance, excerpt, locator, note or source; return the row. Undo puts the old values back."""
    with write(lib.db):
        before = store.get_evidence(lib.db, evidence_id)
        claim = claims_store.get_claim(lib.db, before["claim_id"])
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise ValidationError(f"Evidence has no editable field {', '.join(unknown)}.")
        wanted = dict(fields)
        after = store.update_evidence(lib.db, evidence_id, **wanted)
    old = {k: before[k] for k in wanted}
    return OpResult(changes=_changes(claim), value=after, label="Edit evidence",
                    undo=partial(edit_evidence, evidence_id=evidence_id, **old))


def remove_evidence(lib: Library, evidence_id: str | None = None, *, claim_status: str | None = None) -> OpResult:
    """Detach evidence from its claim (the source stays); return the removed row. Undo re-attaches it as it was.

    ``claim_status`` (given by an undone add) puts the claim's status back too.
    """
    with write(lib.db):
        row = store.get_evidence(lib.db, evidence_id)
        claim = claims_store.get_claim(lib.db, row["claim_id"])
        store.remove_evidence(lib.db, evidence_id)
        if claim_status is not None and claim_status != claim["status"]:
            claims_store.set_status(lib.db, claim["id"], claim_status, claim.get("dismiss_reason"))
    return OpResult(changes=_changes(claim), value=row, label="Remove evidence",
                    undo=partial(restore_evidence, row=row, claim_status=claim["status"]))


def restore_evidence(lib: Library, *, row: dict, claim_status: str | None = None) -> OpResult:
    """Re-attach a removed evidence row under its old id, person and time; return its id."""
    with write(lib.db):
        claim = claims_store.get_claim(lib.db, row["claim_id"])
        store.add_evidence(
            lib.db, row["claim_id"], row["source_id"], row["stance"], excerpt=row["excerpt"], locator=row["locator"],
            note=row["note"], added_by=row["added_by"], evidence_id=row["id"],
            document_id=row.get("document_id"), page=row.get("page"),
        )
        store.keep_times(lib.db, row["id"], row["added_at"], row["updated_at"])
        if claim_status is not None:
            claims_store.set_status(lib.db, claim["id"], claim_status, claim.get("dismiss_reason"))
    return OpResult(changes=_changes(claim), value=row["id"], label="Restore evidence",
                    undo=partial(remove_evidence, evidence_id=row["id"], claim_status=claim["status"]))
