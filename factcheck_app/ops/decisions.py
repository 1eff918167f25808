"""Deciding between two versions of a verdict that checkers changed apart from each other (found by a merge)."""
from __future__ import annotations

from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.store import claims as claims_store
from factcheck_app.store import verdicts as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write
from factcheck_app.store.verdict_lineage import conflict_versions


def decide_verdict(lib: Library, claim_id: str, version_id: str, *, by: str | None, why: str | None = None) -> OpResult:
    """Keep one of the versions waiting for a decision (a verdict-history id); return the verdict row.

    The kept version's rating, scale, rationale and checker stay as that checker recorded
    them; the verdict is a draft again (neither version was reviewed as the one that
    stands). The decision is one history row made on top of both versions, so it merges
    cleanly into every library that holds them.
    """
    who = require_person(by, "a decision between two verdicts")
    db = lib.db
    with write(db):
        claim = claims_store.get_claim(db, claim_id)
        versions = {v["id"]: v for v in conflict_versions(db, claim_id)}
        if not versions:
            raise ValidationError("This claim's verdict does not wait for a decision.")
        chosen = versions.get(version_id)
        if chosen is None:
            raise ValidationError("That version is not one of the two waiting for a decision.")
        before = store.get_verdict(db, claim_id)
        if chosen["to_rating"] is None:
            after = None
            store.delete_verdict(db, claim_id)
        else:
            after = store.put_verdict(db, claim_id, {
                "rating": chosen["to_rating"], "scale": chosen["scale"], "rationale": chosen["to_rationale"],
                "checker": chosen["checker"], "reviewer": None, "status": "draft",
            })
        store.record_change(db, claim_id, before, after, action="decide", who=who,
                            why=why or f"kept the version by {chosen['checker'] or chosen['changed_by'] or 'unknown'}",
                            correction=store.was_published(db, claim_id))
    return OpResult(
        changes=Changes.of(claims=[claim_id], articles=[claim["article_id"]]),
        value=after,
        # No undo: the two versions cannot be made to wait again; a later verdict change corrects a decision.
        undo=None,
        label="Decide between verdicts",
    )
