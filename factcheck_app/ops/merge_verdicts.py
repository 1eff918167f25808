"""Verdicts after a merge: each rebuilt from the merged history, conflicts marked, reviews checked again.

A verdict-history row pictures the whole verdict after its change and names the change(s) it
was made on top of. The latest change of each line of a claim's history is a leaf: one leaf
gives the verdict; two or more mean both sides changed it since they last exchanged, so the
claim waits for a decision and the newest version shows, as a draft, meanwhile.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck_app.ops.merge_summary import MergeSummary
from factcheck_app.ops.review_rule import review_still_valid
from factcheck_app.store.library import Library
from factcheck_app.store.verdict_lineage import (
    claim_history,
    current_verdicts,
    history_leaves_of,
    marked_conflicts,
    replace_verdict_rows,
    set_conflict,
)


def rebuild_verdicts(
    lib: Library, claim_ids: Iterable[str], summary: MergeSummary, scale_exists: Callable[[str], bool]
) -> None:
    """Set each claim's verdict from its merged history; mark claims whose history forked (in ``summary``)."""
    db = lib.db
    touched = sorted(claim_ids)
    for i in range(0, len(touched), 500):
        chunk = touched[i : i + 500]
        leaves_by_claim = history_leaves_of(db, chunk)
        marked = marked_conflicts(db, chunk)
        current = current_verdicts(db, chunk)
        rebuilt: dict[str, dict | None] = {}
        for claim_id in chunk:
            leaves = leaves_by_claim.get(claim_id)
            if leaves:
                derived = _rebuild_one(db, claim_id, leaves, claim_id in marked, summary, scale_exists)
                if derived is not _KEEP and _verdict_differs(current.get(claim_id), derived):
                    rebuilt[claim_id] = derived
                    summary.verdict_changes.append(claim_id)
        replace_verdict_rows(db, rebuilt)


_KEEP = object()


def _rebuild_one(
    db, claim_id: str, leaves: list[dict], was_conflict: bool, summary: MergeSummary,
    scale_exists: Callable[[str], bool],
):
    """Return the claim's verdict row as its history says (None: no verdict; _KEEP: leave it as it is)."""
    winner = leaves[-1]
    derived = verdict_from_event(winner)
    if derived is not None and not scale_exists(derived["scale"]):
        return _KEEP  # its scale is gone here and did not come along: keep the verdict as it is
    if derived is None and winner.get("to_rating") is not None:
        return _KEEP  # history from before exchange, without the verdict pictured: keep what is there
    if derived and derived["status"] in ("reviewed", "published") and len(leaves) == 1:
        if not review_still_valid(claim_history(db, claim_id), winner):
            derived = {**derived, "status": "draft", "reviewer": None}
            summary.reviews_withdrawn.append(claim_id)
    if len(leaves) > 1:
        if derived and derived["status"] != "draft":
            # Neither version stands reviewed while both wait for a decision.
            derived = {**derived, "status": "draft"}
        set_conflict(db, claim_id, [h["id"] for h in leaves])
        if not was_conflict:
            summary.conflicts.append(claim_id)
    elif was_conflict:
        set_conflict(db, claim_id, None)
    return derived


def verdict_from_event(event: dict) -> dict | None:
    """Return the verdict row a history change pictures (None for a removal or a change without a picture)."""
    if event.get("to_rating") is None or not event.get("verdict_id"):
        return None
    return {
        "id": event["verdict_id"],
        "claim_id": event["claim_id"],
        "scale": event["scale"],
        "rating": event["to_rating"],
        "rationale": event["to_rationale"],
        "checker": event["checker"],
        "reviewer": event["reviewer"],
        "status": event["to_status"] or "draft",
        "created_at": event["verdict_created_at"] or event["changed_at"],
        "updated_at": event["verdict_updated_at"] or event["changed_at"],
        "published_at": event["published_at"],
    }


_VERDICT_FIELDS = ("id", "scale", "rating", "rationale", "checker", "reviewer", "status", "created_at", "updated_at",
                   "published_at")


def _verdict_differs(before: dict | None, after: dict | None) -> bool:
    if before is None or after is None:
        return before is not after
    return any(before.get(k) != after.get(k) for k in _VERDICT_FIELDS)
