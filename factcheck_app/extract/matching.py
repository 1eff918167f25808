"""Has this been checked before? Scoring candidate checks against a claim, with the reasons.

A pure function of texts, facets and corpus statistics: the store finds the candidates
(full-text search over the same terms) and hands them here with the document frequencies of
the query's terms; this module ranks them. The score is BM25 over the check's claim, its
title and both together, plus what the facets say: the same year or month, the same numbers,
the same names (fuzzily: "Ocasio Cortez" is "Ocasio-Cortez") add to it; numbers that differ
take a little away. Each match says which words and facets it shares and how strong it is.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factcheck_app.extract.match_text import QuickFacets, quick_facets, surface_forms, terms

# BM25 parameters: a short check is not punished much for its length (b), and a word said
# twice in a tweet counts only a little more than once (k1).
K1 = 0.9
B = 0.4
#: Weights of the three fields: the check's claim, its title, and both as one text.
FIELD_WEIGHTS = (0.3, 0.3, 1.0)
#: Added to a candidate's relative word score (1.0 for the best candidate of the query).
YEAR_AGREES = 0.2
MONTH_AGREES = 0.1
NUMBER_AGREES = 0.01
NUMBERS_DIFFER = 0.01
NAME_AGREES = 0.0
#: The most the facets can add to a candidate's score.
MAX_BONUS = YEAR_AGREES + MONTH_AGREES + 2 * NUMBER_AGREES + 2 * NAME_AGREES
#: How alike two names must be (rapidfuzz ratio, 0-100) to count as the same name.
NAME_SIMILARITY = 90
#: Strength (share of the check's own words the text holds) above which a match is "strong".
STRONG = 0.6
LIKELY = 0.35


@dataclass(frozen=True)
class CorpusStats:
    """What BM25 needs to know of the collection: its size, the average field lengths (in
    terms), and the document frequency of each of the query's terms."""

    documents: int
    document_frequency: Mapping[str, int]
    average_claim_terms: float = 12.0
    average_title_terms: float = 8.0

    def idf(self, term: str) -> float:
        """Return the BM25 inverse document frequency of ``term``; a term the statistics do not
        count (held by an earlier claim but by no published check) counts as held by one."""
        n = max(self.document_frequency.get(term, 0), 1)
        return math.log(1 + (max(self.documents, n) - n + 0.5) / (n + 0.5))


@dataclass(frozen=True)
class Candidate:
    """A check (or an earlier claim with a verdict) that may match: its key, claim and title.

    Terms and facets may be given when the store already holds them; otherwise they are
    computed from the text.
    """

    key: str
    claim: str
    title: str = ""
    claim_terms: tuple[str, ...] | None = None
    title_terms: tuple[str, ...] | None = None
    facets: QuickFacets | None = None


@dataclass(frozen=True)
class Match:
    """One ranked match: its key, score (for ranking), strength in [0, 1] (the share of the
    check's distinctive words found in the claim), and why it matched."""

    key: str
    score: float
    strength: float
    shared_words: tuple[str, ...] = ()
    agreeing: tuple[str, ...] = ()
    differing: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Return "strong", "likely" or "weak" for the strength."""
        if self.strength >= STRONG:
            return "strong"
        if self.strength >= LIKELY:
            return "likely"
        return "weak"

    def reasons(self) -> str:
        """Return why it matched as one line: shared words, agreeing and differing facets."""
        parts = []
        if self.shared_words:
            parts.append("shared words: " + ", ".join(self.shared_words))
        if self.agreeing:
            parts.append("same " + ", ".join(self.agreeing))
        if self.differing:
            parts.append("differs on " + ", ".join(self.differing))
        return "; ".join(parts) or "no shared words"

    def to_dict(self) -> dict:
        """Return the match as JSON-ready data."""
        return {
            "key": self.key,
            "score": round(self.score, 4),
            "strength": round(self.strength, 3),
            "label": self.label,
            "shared_words": list(self.shared_words),
            "agreeing": list(self.agreeing),
            "differing": list(self.differing),
            "reasons": self.reasons(),
        }


@dataclass(frozen=True)
class Query:
    """A claim or text to match, cut up once: its terms, their counts, its facets and words."""

    text: str
    terms: tuple[str, ...]
    counts: Counter = field(compare=False, hash=False, default_factory=Counter)
    facets: QuickFacets = QuickFacets()

    @classmethod
    def of(cls, text: str, extra_facets: QuickFacets | None = None) -> "Query":
        """Return the query for ``text``; ``extra_facets`` (a claim's stored facets) join those found in it."""
        found = quick_facets(text)
        if extra_facets is not None:
            found = found.merged(extra_facets)
        cut = tuple(terms(text))
        return cls(text=text, terms=cut, counts=Counter(cut), facets=found)

    def with_terms(self, extra: list[str]) -> "Query":
        """Return the query with ``extra`` terms added (the pieces of a run-together handle)."""
        cut = self.terms + tuple(extra)
        return Query(text=self.text, terms=cut, counts=Counter(cut), facets=self.facets)

    def distinct_terms(self) -> list[str]:
        """Return the query's terms, each once, in order."""
        return list(dict.fromkeys(self.terms))


def _bm25(query: Counter, doc: Counter, length: int, average: float, stats: CorpusStats) -> float:
    if not length:
        return 0.0
    norm = K1 * (1 - B + B * length / (average or 1.0))
    score = 0.0
    for term in query:
        tf = doc.get(term)
        if tf:
            score += stats.idf(term) * tf * (K1 + 1) / (tf + norm)
    return score


def _word_score(query: Counter, claim: tuple[str, ...], title: tuple[str, ...], stats: CorpusStats) -> float:
    c, t = Counter(claim), Counter(title)
    both = c + t
    wc, wt, wb = FIELD_WEIGHTS
    return (
        wc * _bm25(query, c, len(claim), stats.average_claim_terms, stats)
        + wt * _bm25(query, t, len(title), stats.average_title_terms, stats)
        + wb * _bm25(query, both, len(claim) + len(title), stats.average_claim_terms + stats.average_title_terms, stats)
    )


def _same_name(a: str, b: str) -> bool:
    return fuzz.ratio(a.casefold(), b.casefold()) >= NAME_SIMILARITY or (
        # "Trump" is "Donald J. Trump": a one-word name inside a longer one.
        " " not in a.strip() and len(a) > 3 and fuzz.partial_ratio(a.casefold(), b.casefold()) >= 95
        and a.casefold() in b.casefold().split()
    )


def compare_facets(query: QuickFacets, check: QuickFacets) -> tuple[float, list[str], list[str]]:
    """Return the facet bonus, the facets that agree and those that differ between two claims."""
    bonus, agree, differ = 0.0, [], []
    years = sorted(query.years & check.years)
    if years:
        bonus += YEAR_AGREES
        agree.append("year " + ", ".join(years))
        months = sorted(query.months & check.months)
        if months:
            bonus += MONTH_AGREES
            agree.append("month " + ", ".join(months))
    numbers = sorted(query.numbers & check.numbers, key=lambda n: (len(n), n))
    if numbers:
        bonus += NUMBER_AGREES * min(len(numbers), 2)
        agree.append("number " + ", ".join(numbers))
    elif query.numbers and check.numbers:
        bonus -= NUMBERS_DIFFER
        differ.append(
            "numbers (" + ", ".join(sorted(query.numbers)[:3]) + " vs " + ", ".join(sorted(check.numbers)[:3]) + ")"
        )
    names = []
    for name in check.names:
        if any(_same_name(name, other) or _same_name(other, name) for other in query.names):
            names.append(name)
    if names:
        bonus += NAME_AGREES * min(len(names), 2)
        agree.append("name " + ", ".join(names[:3]))
    return bonus, agree, differ


def _shared_words(query: Query, candidate: Candidate, claim: tuple[str, ...], title: tuple[str, ...],
                  stats: CorpusStats, limit: int = 6) -> tuple[str, ...]:
    inside = set(claim) | set(title)
    # Rarest first; equally rare words in the claim's own order, so the reasons never change between runs.
    shared = [t for t in query.counts if t in inside]
    best = sorted(shared, key=lambda t: -stats.idf(t))[:limit]
    forms = surface_forms(candidate.claim + " " + candidate.title)
    return tuple(forms.get(t, t) for t in best)


def rank(query: Query, candidates: Iterable[Candidate], stats: CorpusStats, limit: int = 20) -> list[Match]:
    """Return the best ``limit`` candidates for ``query``, best first, each with its reasons.

    Ties keep the candidates' given order (the store gives them oldest first), so the
    ranking is deterministic.
    """
    scored = []
    for candidate in candidates:
        claim = candidate.claim_terms if candidate.claim_terms is not None else tuple(terms(candidate.claim))
        title = candidate.title_terms if candidate.title_terms is not None else tuple(terms(candidate.title))
        words = _word_score(query.counts, claim, title, stats)
        if words <= 0:
            continue
        scored.append((candidate, claim, title, words))
    if not scored:
        return []
    best = max(s[3] for s in scored)
    # Facets can move a candidate by at most MAX_BONUS up or NUMBERS_DIFFER down: one that cannot
    # reach the top ``limit`` even so is not looked at further (the ranking is the same).
    floors = sorted((words / best - NUMBERS_DIFFER for *_, words in scored), reverse=True)
    threshold = floors[limit - 1] if len(floors) >= limit else float("-inf")
    results = []
    for candidate, claim, title, words in scored:
        if words / best + MAX_BONUS < threshold:
            continue
        facets = candidate.facets if candidate.facets is not None else quick_facets(candidate.claim + " " + candidate.title)
        bonus, agree, differ = compare_facets(query.facets, facets)
        results.append((words / best + bonus, candidate, claim, title, words, agree, differ))
    results.sort(key=lambda r: -r[0])
    matches = []
    for score, candidate, claim, title, words, agree, differ in results[:limit]:
        own = _word_score(Counter(set(claim + title)), claim, title, stats)
        strength = min(1.0, words / own) if own > 0 else 0.0
        matches.append(Match(
            key=candidate.key,
            score=score,
            strength=strength,
            shared_words=_shared_words(query, candidate, claim, title, stats),
            agreeing=tuple(agree),
            differing=tuple(differ),
        ))
    return matches
