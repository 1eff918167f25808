"""Check-worthiness: how soon a checker should look at a sentence, as a score in [0, 1].

ClaimBuster-style surface features. Specific, verifiable content raises the
score: quantities, dated events, named sites and places, attributions to a
named source, and hedges that flag an unverified claim ("reportedly", "is
believed to"). Opinion, speculation, rhetorical questions, captions and long
stretches of quoted rhetoric lower it: a checker can confirm who said such
words, not their truth.
"""
from __future__ import annotations

import math
import re

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.cue_words import (
    ATTRIBUTION_RE,
    CAPTION_RE,
    HEDGE_RE,
    NUMBER_RE,
    OPINION_RE,
    PAST_EVENT_RE,
    YEAR_RE,
)

# Per-facet weights, with diminishing returns for repeats of one kind.
_FACET_WEIGHT = {"quantity": 0.9, "date": 0.7, "place": 0.25, "entity": 0.2, "quote": 0.15}
_SITE_WEIGHT = 0.7
_QUOTE_MARKS = re.compile(r"[“\"«‘][^“”\"«»‘’]*[”\"»’]")


def _diminishing(n: int, weight: float) -> float:
    """1st facet counts fully, the 2nd half, the 3rd a third...: log-like growth."""
    return weight * sum(1.0 / k for k in range(1, n + 1))


def _is_anaphoric_count(text: str, facet: Facet) -> bool:
    """"the two nations" points back at things already named; it is not a new figure."""
    at = text.find(facet.text)
    return at >= 0 and bool(re.search(r"\b(?:the|these|those|both)\s+$", text[max(0, at - 8):at], re.I))


def _facet_evidence(text: str, facets: list[Facet]) -> float:
    counts: dict[str, int] = {}
    sites = 0
    specific_dates = 0
    for f in facets:
        if f.kind == "quantity" and _is_anaphoric_count(text, f):
            continue
        counts[f.kind] = counts.get(f.kind, 0) + 1
        if f.kind == "place" and f.subtype == "site":
            sites += 1
        if f.kind == "date" and f.value and re.match(r"^\d{4}", str(f.value)):
            specific_dates += 1
    score = sum(_diminishing(n, _FACET_WEIGHT.get(kind, 0.1)) for kind, n in counts.items())
    score += _diminishing(sites, _SITE_WEIGHT)
    score += 0.2 * min(specific_dates, 2)
    return score


def score_sentence(text: str, facets: list[Facet]) -> float:
    """Return a score in [0, 1]: higher means check this sentence sooner.

    ``facets`` are the facets found inside the sentence (any kinds). The score
    is a logistic squash of additive evidence, so it orders sentences well
    without claiming to be a calibrated probability.
    """
    if not text or not text.strip():
        return 0.0
    words = text.split()
    n_words = len(words)
    x = -1.6
    x += _facet_evidence(text, facets)
    # Numbers the facet finders may not have typed still signal a checkable claim.
    numbers = len([m for m in NUMBER_RE.finditer(text)
                   if not re.search(r"\b(?:the|these|those)\s+$", text[max(0, m.start() - 8):m.start()], re.I)])
    x += 0.25 * min(numbers, 3)
    x += 0.2 * min(len(YEAR_RE.findall(text)), 2)
    if ATTRIBUTION_RE.search(text):
        x += 0.5
    x += 1.0 * min(len(HEDGE_RE.findall(text)), 2)
    # Past-tense event verbs report something that happened: checkable.
    x += 0.15 * min(len(PAST_EVENT_RE.findall(text)), 3)
    x -= 0.7 * min(len(OPINION_RE.findall(text)), 3)
    if text.rstrip().endswith("?"):
        x -= 1.2
    if CAPTION_RE.search(text):
        x -= 2.0
    # A sentence that is mostly quoted rhetoric: the checkable part is who said it.
    quoted = sum(len(m.group()) for m in _QUOTE_MARKS.finditer(text))
    x -= 1.6 * (quoted / max(len(text), 1)) ** 1.5
    if n_words < 8:
        x -= 0.8
    elif n_words > 18:
        x += 0.2
    return 1.0 / (1.0 + math.exp(-x))
