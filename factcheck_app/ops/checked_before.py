"""Using a match ("checked before") on a claim: attach the published check as evidence (it becomes
a source), or copy its rating as a draft verdict for the checker to confirm.

The verdict is written by ``ops.verdicts.set_verdict``, so the named-checker, draft and
correction rules apply as to any rating; evidence by ``ops.evidence.add_evidence``.
"""
from __future__ import annotations

import re
from functools import partial

from factcheck_app.core.rating_scales import RatingScale
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.evidence import add_evidence, remove_evidence
from factcheck_app.ops.people import require_person
from factcheck_app.ops.verdicts import set_verdict
from factcheck_app.store import published_checks
from factcheck_app.store import sources as sources_store
from factcheck_app.store import verdicts as verdicts_store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.scales import DEFAULT_SCALE, get_scale
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write

_NOT_WORD = re.compile(r"[\W_]+")


def _folded(label: str) -> str:
    return _NOT_WORD.sub(" ", label).strip().casefold()


def rating_on_scale(check: dict, scale: RatingScale) -> str | None:
    """Return the step of ``scale`` that a published check's rating is: the same label (case and
    punctuation aside), else the step nearest its rating number placed on the scale's range; None
    when neither says."""
    rating = _folded(check.get("rating") or "")
    for step in scale.steps:
        if rating and _folded(step.label) == rating:
            return step.label
    value, best, worst = check.get("rating_value"), check.get("best_rating"), check.get("worst_rating")
    if value is None or best is None or worst is None or best == worst:
        return None
    share = min(max((value - worst) / (best - worst), 0.0), 1.0)
    target = scale.worst + share * (scale.best - scale.worst)
    on_scale = [s for s in scale.steps if not s.off_scale]
    return min(on_scale, key=lambda s: abs(s.value - target)).label if on_scale else None


def _describe(check: dict) -> str:
    who = check.get("organisation") or "a published fact-check"
    when = f" on {check['review_date']}" if check.get("review_date") else ""
    where = f" ({check['review_url']})" if check.get("review_url") else ""
    return f"Rated “{check.get('rating') or check.get('rating_value')}” by {who}{when}{where}."


def copy_rating(lib: Library, claim_id: str, check_id: str, *, by: str | None) -> OpResult:
    """Give the claim the published check's rating as a draft verdict on the claim's scale (its
    current one, else the default), noting where it came from; return the verdict row. Undo
    puts the verdict back as it was."""
    check = published_checks.get_check(lib.db, check_id)
    current = verdicts_store.get_verdict(lib.db, claim_id)
    scale = get_scale(lib.db, current["scale"] if current else DEFAULT_SCALE)
    label = rating_on_scale(check, scale)
    if label is None:
        raise ValidationError(
            f"The published rating “{check.get('rating') or 'none'}” is not a step of the {scale.title} scale and "
            "has no rating number to place on it; rate the claim yourself."
        )
    rationale = None if current and current.get("rationale") else _describe(check)
    result = set_verdict(lib, claim_id, label, scale=scale.name, rationale=rationale, by=by,
                         why=f"copied from a published check by {check.get('organisation') or 'unknown'}")
    result.label = f"Copy rating “{label}”"
    return result


def attach_check(lib: Library, claim_id: str, check_id: str, stance: str, *, by: str | None) -> OpResult:
    """Attach a published check to the claim as evidence with ``stance``: the check becomes a
    source (or the source already holding its review address is used); return the evidence id.
    Undo removes the evidence, and the source when this made it."""
    who = require_person(by, "adding evidence")
    with write(lib.db):
        check = published_checks.get_check(lib.db, check_id)
        source_id = published_checks.source_for_address(lib.db, check.get("review_url"))
        made = source_id is None
        if made:
            source_id = sources_store.add_source(
                lib.db,
                check.get("title") or f"Fact check: {check['claim_reviewed']}"[:300],
                url=check.get("review_url"),
                publisher=check.get("organisation"),
                published=check.get("review_date"),
                kind="other",
                notes=f"Published fact-check (collection {check['collection']}). {_describe(check)}",
                tags="fact-check",
            )
        evidence = add_evidence(lib, claim_id, source_id, stance,
                                excerpt=f"{check['claim_reviewed']} — {check.get('rating') or 'no rating'}",
                                note=_describe(check), by=who)
    return OpResult(
        changes=evidence.changes | Changes(sources=True),
        value=evidence.value,
        undo=partial(_detach, evidence_id=evidence.value, source_id=source_id if made else None,
                     redo=partial(attach_check, claim_id=claim_id, check_id=check_id, stance=stance, by=who)),
        label="Attach published check",
    )


def _detach(lib: Library, *, evidence_id: str, source_id: str | None, redo: partial) -> OpResult:
    """Undo of ``attach_check``: remove the evidence, and the source it made."""
    with write(lib.db):
        removed = remove_evidence(lib, evidence_id)
        if source_id is not None:
            sources_store.delete_source(lib.db, source_id)
    return OpResult(changes=removed.changes | Changes(sources=True), value=evidence_id, undo=redo,
                    label="Detach published check")
