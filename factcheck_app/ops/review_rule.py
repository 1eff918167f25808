"""Whether a review still holds after a merge: the reviewer rule applied over the merged verdict history."""
from __future__ import annotations

from factcheck_app.ops.verdicts import reviewer_among_authors

#: History actions that are someone's work on the verdict (as the reviewer rule counts them).
_WORK_ACTIONS = ("set", "rationale", "merge", "decide")


def _is_review(event: dict) -> bool:
    return event.get("action") == "review"


def _parents(event: dict) -> list[str]:
    found = [event["parent_id"]] if event.get("parent_id") else []
    return found + (event.get("resolves") or "").split()


def people_since_last_review(history: list[dict], review: dict) -> set[str]:
    """Return who set the rating or wrote the rationale on any line of changes leading to ``review``.

    The walk follows every parent (a decision joins two lines) and stops at an earlier review.
    """
    by_id = {h["id"]: h for h in history}
    people: set[str] = set()
    stack = _parents(review)
    seen: set[str] = set()
    while stack:
        event = by_id.get(stack.pop())
        if event is None or event["id"] in seen:
            continue
        seen.add(event["id"])
        if _is_review(event):
            continue
        if event.get("action") in _WORK_ACTIONS and event.get("changed_by"):
            people.add(event["changed_by"])
        stack.extend(_parents(event))
    return people


def review_still_valid(history: list[dict], shown: dict) -> bool:
    """Return True when the review behind the verdict ``shown`` (a history row) satisfies the reviewer rule."""
    by_id = {h["id"]: h for h in history}
    event: dict | None = shown
    while event is not None and not _is_review(event):
        event = by_id.get(event.get("parent_id") or "")
    if event is None:
        return True  # no review recorded in this history (an older library): nothing to re-check
    reviewer = shown.get("reviewer") or event.get("changed_by")
    authors = sorted(people_since_last_review(history, event))
    if event.get("checker"):
        authors.insert(0, event["checker"])
    return reviewer_among_authors(reviewer, authors) is None
