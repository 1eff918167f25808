"""A published fact-check as read from a ClaimReview: the claim as reviewed, its rating, who
made the claim and where, and who reviewed it where and when. Plain data; no I/O."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cached_property

# Fixed, so the same published check gets the same id in every library (merges are unions).
CHECK_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-4b7a-9f3e-2c5d7a1b9e40")


def check_key(review_url: str | None, claim: str, organisation: str | None = None) -> str:
    """Return the stable UUID of a published check: its review address and claim (whitespace
    and case folded), or the organisation and claim when the review has no address."""
    claim_key = " ".join(claim.split()).casefold()
    where = (review_url or "").strip() or "org:" + " ".join((organisation or "").split()).casefold()
    return str(uuid.uuid5(CHECK_NAMESPACE, where + "\n" + claim_key))


@dataclass
class PublishedCheck:
    """One ClaimReview item: what was claimed and how it was rated, by whom."""

    claim: str
    review_url: str | None = None
    title: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    claimant: str | None = None
    claim_date: str | None = None
    appearances: list[str] = field(default_factory=list)
    organisation: str | None = None
    organisation_url: str | None = None
    review_date: str | None = None
    language: str | None = None

    @cached_property
    def key(self) -> str:
        """Return the check's stable id (see ``check_key``); computed once, as checks are not edited after reading."""
        return check_key(self.review_url, self.claim, self.organisation)


@dataclass
class SkippedItem:
    """An item of a file that could not be read as a ClaimReview, and where it was."""

    position: str
    reason: str

    def __str__(self) -> str:
        return f"{self.position}: {self.reason}"
