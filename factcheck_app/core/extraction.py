"""What the extractor hands on: facets inside claims inside an article, as plain data.

Offsets are character offsets into ``body``; the body is never re-normalised once
extracted, so every span keeps pointing at the same characters.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The built-in facet kinds in the order claim rows list them. What each kind is (label, look,
# weight, finder) lives in the facet-kind registry, factcheck_app.extract.facet_kinds; the
# store, which may not import the extractor, orders kinds by this tuple and any others after them.
FACET_KINDS = ("date", "quantity", "place", "quote", "entity")

@dataclass(slots=True)
class Facet:
    """One checkable fact inside a claim.

    ``value`` is normalised: a TIMEX3 / ISO 8601 string for dates, a number for
    quantities, a canonical name for places, the quoted words for quotes.
    ``unit`` is the counted noun phrase or currency; ``speaker`` who said a quote;
    ``subtype`` a finer kind (site/city/country/region, money/percent/count, person/org);
    ``vague`` marks approximations such as "dozens of".
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any = None
    unit: str | None = None
    speaker: str | None = None
    subtype: str | None = None
    vague: bool = False

    def to_dict(self) -> dict:
        """Return the facet as a JSON-ready dict (the batch contract's keys and more)."""
        # Field by field: dataclasses.asdict deep-copies every value, a fifth of a batch run's time.
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "speaker": self.speaker,
            "subtype": self.subtype,
            "vague": self.vague,
        }


@dataclass(slots=True)
class ExtractedClaim:
    """A check-worthy sentence or clause with its facets and a check-worthiness score in [0, 1]."""

    start: int
    end: int
    text: str
    score: float
    facets: list[Facet] = field(default_factory=list)
    speaker: str | None = None  # the claimant a transcript names ("TRUMP: …"), when there is one

    def to_dict(self) -> dict:
        """Return the claim as a JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "speaker": self.speaker,
            "facets": [f.to_dict() for f in self.facets],
        }


@dataclass
class ExtractedArticle:
    """An ingested article: cleaned body (title first), metadata and claims."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    claims: list[ExtractedClaim] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Which reader produced the body (see ``ingest.READERS``), so a fallback is never silent.
    reader: str | None = None

    def to_dict(self) -> dict:
        """Return the article in the batch-extraction contract's shape."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "url": self.url,
            "published": self.published,
            "body": self.body,
            "captions": [list(c) for c in self.captions],
            "reader": self.reader,
            "warnings": list(self.warnings),
            "claims": [c.to_dict() for c in self.claims],
        }
