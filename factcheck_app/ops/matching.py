"""Has this claim been checked before? Finding matches (a read) and storing each claim's
matches (an operation), with the same matcher for the app, the command line and the batch mode.

The store finds candidates (published checks sharing the claim's rarer terms, by full-text
search; earlier claims with a verdict sharing its word stems); ``extract.matching`` ranks them
and says why each matched.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from factcheck_app.extract.match_text import (
    facets_from_stored,
    piece_terms,
    quick_facets,
    search_prefixes,
    split_compound,
)
from factcheck_app.extract.matching import Candidate, CorpusStats, Match, Query, rank
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import claim_matches, published_checks
from factcheck_app.store.transaction import write

if TYPE_CHECKING:
    from factcheck_app.store.library import Library

#: Published checks fetched by full-text search for each claim, then ranked by the matcher.
CANDIDATES = 50
#: A claim's rarest terms used to find candidates (the rest still count in the ranking).
SEARCH_TERMS = 24
#: A term held by more checks than this share (and this number) finds no candidates on its own:
#: it would fetch a large part of the collection and says little about which check is meant.
COMMON_SHARE = 0.05
COMMON_FLOOR = 1000
#: Earlier claims with a verdict fetched for each claim.
CLAIM_CANDIDATES = 30
#: Matches kept per claim in the library (the "Checked before" section shows these).
KEPT = 5
#: Matches weaker than this are not kept: a shared common word is not "checked before".
MIN_STRENGTH = 0.2

CHECK_PREFIX = "check:"
CLAIM_PREFIX = "claim:"


@dataclass
class FoundMatch:
    """A ranked match with what it matched: ``kind`` "check" (a published check) or "claim"
    (an earlier claim of this library with a verdict), and that row's id."""

    kind: str
    target_id: str
    match: Match

    def to_dict(self) -> dict:
        """Return JSON-ready data: kind, id, score, strength, label and reasons."""
        return {"kind": self.kind, "id": self.target_id} | self.match.to_dict()


@dataclass
class Matcher:
    """Matches texts against one library (read only). Corpus statistics are read once per Matcher, so
    make a new one after the library's published checks change."""

    lib: Library
    include_claims: bool = True
    _stats: tuple[int, float, float] | None = field(default=None, repr=False)
    _verdicts: int | None = field(default=None, repr=False)

    def _corpus(self) -> tuple[int, float, float]:
        if self._stats is None:
            self._stats = published_checks.corpus_stats(self.lib.db)
            self._verdicts = claim_matches.verdict_claim_count(self.lib.db) if self.include_claims else 0
        return self._stats

    def find(self, text: str, stored_facets: Sequence[dict] = (), exclude_article: str | None = None,
             limit: int = 20) -> list[FoundMatch]:
        """Return the best matches of ``text`` (a claim with its stored facets, or any text), best
        first; earlier claims of ``exclude_article`` (the claim's own article) are not matched."""
        query = Query.of(text, facets_from_stored(list(stored_facets)) if stored_facets else None)
        distinct = query.distinct_terms()
        if not distinct:
            return []
        documents, avg_claim, avg_title = self._corpus()
        frequencies = published_checks.document_frequencies(self.lib.db, distinct) if documents else {}
        if documents:
            query, frequencies = self._split_compounds(query, distinct, frequencies)
            distinct = query.distinct_terms()
        candidates: list[Candidate] = []
        if frequencies:
            by_rarity = sorted(frequencies, key=lambda t: frequencies[t])
            common = max(COMMON_FLOOR, COMMON_SHARE * documents)
            rare = [t for t in by_rarity if frequencies[t] <= common][:SEARCH_TERMS] or by_rarity[:3]
            for row in published_checks.check_candidates(self.lib.db, rare, CANDIDATES):
                candidates.append(Candidate(
                    key=CHECK_PREFIX + row["id"], claim=row["claim"], title=row["title"],
                    claim_terms=tuple(row["claim_terms"].split()), title_terms=tuple(row["title_terms"].split()),
                ))
        own_documents = 0
        if self._verdicts:
            own = Counter()
            prefixes = search_prefixes(text)
            words = [prefixes.get(t, t) for t in distinct]
            for row in claim_matches.verdict_claim_candidates(self.lib.db, words, exclude_article, CLAIM_CANDIDATES):
                candidate = Candidate(
                    key=CLAIM_PREFIX + row["id"], claim=row["text"],
                    facets=quick_facets(row["text"]).merged(facets_from_stored(row["facets"])),
                )
                candidates.append(candidate)
                own.update(set(query.counts) & set(_terms_of(candidate)))
            own_documents = self._verdicts
            frequencies = dict(Counter(frequencies) + own)
        if not candidates:
            return []
        stats = CorpusStats(
            documents=documents + own_documents,
            document_frequency=frequencies,
            average_claim_terms=avg_claim or 12.0,
            average_title_terms=avg_title or 8.0,
        )
        ranked = rank(query, candidates, stats, limit)
        # A match's strength weighs the check's own words too: their frequencies are read for the
        # few ranked, and the ranking done again on them (the same order, now with true strengths).
        kept_keys = {m.key for m in ranked}
        top = [c for c in candidates if c.key in kept_keys]
        other_terms = {t for c in top for t in (c.claim_terms or _terms_of(c)) + (c.title_terms or ())} - set(frequencies)
        if other_terms:
            extra = published_checks.document_frequencies(self.lib.db, other_terms) if documents else {}
            stats = replace(stats, document_frequency={**frequencies, **extra})
            ranked = rank(query, top, stats, limit)
        found = []
        for match in ranked:
            kind, _, target = match.key.partition(":")
            found.append(FoundMatch(kind=kind, target_id=target, match=match))
        return found


    def _split_compounds(self, query: Query, distinct: list[str], frequencies: dict[str, int]):
        """Add the pieces of run-together words no check holds ("marcorubio" -> marco, rubio) when
        every piece is a word the checks use; return the query and the frequencies with them."""
        unknown = [t for t in distinct if t not in frequencies and t.isalpha() and len(t) >= 6]
        if not unknown:
            return query, frequencies
        pieces = set().union(*(piece_terms(t) for t in unknown))
        known = published_checks.document_frequencies(self.lib.db, pieces)
        extra = []
        for term in unknown:
            extra += split_compound(term, known) or []
        if not extra:
            return query, frequencies
        return query.with_terms(extra), {**frequencies, **{t: known[t] for t in extra}}


def _terms_of(candidate: Candidate) -> tuple[str, ...]:
    from factcheck_app.extract.match_text import terms

    return tuple(terms(candidate.claim))


def _stored(found: FoundMatch) -> dict:
    m = found.match
    return {
        "check_id": found.target_id if found.kind == "check" else None,
        "matched_claim_id": found.target_id if found.kind == "claim" else None,
        "score": m.score,
        "strength": m.strength,
        "label": m.label,
        "reasons": {"shared_words": list(m.shared_words), "agreeing": list(m.agreeing),
                    "differing": list(m.differing), "text": m.reasons()},
    }


def kept(found: Sequence[FoundMatch]) -> list[FoundMatch]:
    """Return the matches worth keeping for a claim: the best few above the minimum strength."""
    return [f for f in found if f.match.strength >= MIN_STRENGTH][:KEPT]


def match_claims(lib: Library, claim_ids: Sequence[str] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> OpResult:
    """Match claims (all that are not dismissed, or those named) and store their best matches;
    return how many claims now have one. Matches are derived data: undo is not offered."""
    with write(lib.db):
        rows = claim_matches.claims_for_matching(lib.db, claim_ids)
        matcher = Matcher(lib)
        matched = []
        for number, row in enumerate(rows, 1):
            found = kept(matcher.find(row["text"], row["facets"], exclude_article=row["article_id"], limit=KEPT * 2))
            claim_matches.replace_matches(lib.db, row["id"], [_stored(f) for f in found])
            if found:
                matched.append(row["id"])
            if progress is not None:
                progress(number, len(rows))
    return OpResult(
        changes=Changes.of(claims=[r["id"] for r in rows], checks=True),
        value=len(matched),
        label="Match claims",
    )
