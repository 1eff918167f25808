"""Publishing a check: who made a claim, where and when it appeared, and the defaults for each.

A claim's publishing details are what the checker set, and where nothing is set, a default
read from the claim and its article: the claimant is a quotation's speaker, else the
article's author, else its outlet; the claim appeared in the article (its address, marked
first); it was made on the article's date; the claim as reviewed is built from the claim's
text (``claim_wording``). ``effective_publishing`` joins the two, saying where each value
came from, so the claim panel, the command line and ClaimReview show the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from factcheck_app.core.claim_wording import default_claim_reviewed

PERSON = "Person"
ORGANIZATION = "Organization"
#: schema.org types a claimant can have (ClaimReview's itemReviewed.author).
CLAIMANT_TYPES = (PERSON, ORGANIZATION)

#: Where a value came from (shown beside each field).
SET_BY_CHECKER = "set by a checker"
FROM_SPEAKER = "the quotation's speaker"
FROM_AUTHOR = "the article's author"
FROM_OUTLET = "the article's outlet"
FROM_ARTICLE_ADDRESS = "the article's address"
FROM_ARTICLE_DATE = "the article's date"
FROM_CLAIM_TEXT = "built from the claim"


def claimant_type(value: str | None) -> str:
    """Return the schema.org type for a typed claimant kind ('person', 'organisation', any case)."""
    folded = (value or "").strip().casefold()
    if folded in ("person", "people"):
        return PERSON
    if folded in ("organisation", "organization", "org"):
        return ORGANIZATION
    raise ValueError(f"A claimant is a person or an organisation, not '{value}'.")


@dataclass(frozen=True)
class Appearance:
    """One place the claim appeared: its address, and whether it is the first appearance."""

    url: str
    first: bool = False


@dataclass(frozen=True)
class StoredPublishing:
    """What a checker set for a claim (None: not set, the default applies)."""

    claimant: str | None = None
    claimant_type: str | None = None
    claim_date: str | None = None
    claim_reviewed: str | None = None
    review_url: str | None = None
    #: None: not set (the article's address is the appearance); a tuple: the checker's list.
    appearances: tuple[Appearance, ...] | None = None


@dataclass(slots=True)
class ClaimContext:
    """What the defaults are read from: the claim's text, its quotations, and its article."""

    text: str
    #: (start, end, speaker) of each quotation, offsets relative to the claim's text.
    quotations: tuple[tuple[int, int, str | None], ...] = ()
    article_author: str | None = None
    article_outlet: str | None = None
    article_url: str | None = None
    article_published: str | None = None


@dataclass(frozen=True)
class Publishing:
    """A claim's publishing details as exported: each value with where it came from."""

    claimant: str | None
    claimant_type: str | None
    claimant_from: str | None
    appearances: tuple[Appearance, ...]
    appearances_from: str | None
    claim_date: str | None
    claim_date_from: str | None
    claim_reviewed: str | None
    claim_reviewed_from: str | None
    review_url: str | None
    defaults: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Return the details as JSON-ready data (the report's ``publishing`` entry)."""
        return {
            "claimant": self.claimant,
            "claimant_type": self.claimant_type,
            "claimant_from": self.claimant_from,
            "appearances": [{"url": a.url, "first": a.first} for a in self.appearances],
            "appearances_from": self.appearances_from,
            "claim_date": self.claim_date,
            "claim_date_from": self.claim_date_from,
            "claim_reviewed": self.claim_reviewed,
            "claim_reviewed_from": self.claim_reviewed_from,
            "review_url": self.review_url,
        }


def default_claimant(context: ClaimContext) -> tuple[str | None, str | None, str | None]:
    """Return (name, schema.org type, where from): a quotation's speaker, else the author, else the outlet."""
    for _, _, speaker in context.quotations:
        if speaker and speaker.strip():
            return " ".join(speaker.split()), PERSON, FROM_SPEAKER
    if context.article_author and context.article_author.strip():
        return context.article_author.strip(), PERSON, FROM_AUTHOR
    if context.article_outlet and context.article_outlet.strip():
        return context.article_outlet.strip(), ORGANIZATION, FROM_OUTLET
    return None, None, None


_NOTHING_SET = None  # set below, once StoredPublishing exists


def publishing_dict(stored: StoredPublishing | None, context: ClaimContext) -> dict:
    """Return the claim's publishing details as JSON-ready data: what the checker set, defaults for the rest.

    The report's ``publishing`` entry; ``effective_publishing`` wraps the same values. Built as a
    plain dict because a report makes one per claim (10,000 in a large one).
    """
    stored = stored or _NOTHING_SET
    if stored.claimant:
        name, kind, origin = stored.claimant, stored.claimant_type or PERSON, SET_BY_CHECKER
    else:
        name, kind, origin = default_claimant(context)
    if stored.appearances is not None:
        appearances = [{"url": a.url, "first": a.first} for a in stored.appearances]
        appearances_from = SET_BY_CHECKER
    elif context.article_url:
        appearances, appearances_from = [{"url": context.article_url, "first": True}], FROM_ARTICLE_ADDRESS
    else:
        appearances, appearances_from = [], None
    if stored.claim_date:
        claim_date, date_from = stored.claim_date, SET_BY_CHECKER
    else:
        claim_date = context.article_published or None
        date_from = FROM_ARTICLE_DATE if claim_date else None
    if stored.claim_reviewed:
        reviewed, reviewed_from = stored.claim_reviewed, SET_BY_CHECKER
    else:
        reviewed = default_claim_reviewed(context.text, [(s, e) for s, e, _ in context.quotations])
        reviewed_from = FROM_CLAIM_TEXT if reviewed else None
    return {
        "claimant": name, "claimant_type": kind, "claimant_from": origin,
        "appearances": appearances, "appearances_from": appearances_from,
        "claim_date": claim_date, "claim_date_from": date_from,
        "claim_reviewed": reviewed, "claim_reviewed_from": reviewed_from,
        "review_url": stored.review_url,
    }


def effective_publishing(stored: StoredPublishing | None, context: ClaimContext) -> Publishing:
    """Return the claim's publishing details: what the checker set, defaults for the rest (and the built wording)."""
    data = publishing_dict(stored, context)
    built = default_claim_reviewed(context.text, [(s, e) for s, e, _ in context.quotations])
    return Publishing(
        **{**data, "appearances": tuple(Appearance(a["url"], a["first"]) for a in data["appearances"])},
        defaults={"claim_reviewed": built},
    )


def order_appearances(urls: list[str], first: str | None = None) -> tuple[Appearance, ...]:
    """Return appearances for ``urls`` (repeats dropped, order kept) with ``first`` marked (default: the first).

    Raises ValueError when ``first`` is not one of the addresses.
    """
    unique = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    if not unique:
        return ()
    chosen = (first or unique[0]).strip()
    if chosen not in unique:
        raise ValueError(f"The first appearance '{chosen}' is not one of the claim's appearances.")
    return tuple(Appearance(u, u == chosen) for u in unique)


_NOTHING_SET = StoredPublishing()
