"""The extraction pipeline: sentences -> facets -> scored claims.

``extract_claims`` is pure and cheap, so the app calls it again whenever a
checker corrects the published date (relative dates then re-resolve).
``analyse`` adds ingest in front: raw bytes or text in, ``ExtractedArticle`` out.
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.extract import checkworthiness, parallel
from factcheck_app.extract.datelines import is_standalone_furniture
from factcheck_app.extract.facet_kinds import FacetKind, FindContext, facet_kinds, kind_weight
from factcheck_app.extract.sentences import split_sentences
from factcheck_app.extract.transcripts import Transcript, read_transcript

if TYPE_CHECKING:
    from concurrent.futures import Future


def _log_failure(message: str, *args: object) -> None:
    """Log the exception being handled (to the log file; one line on stderr). Imported only here:
    logging costs a short batch process about 10 ms at start-up and is needed only on failure."""
    from factcheck_app.problem_log import log_problem

    log_problem(message, *args)


# A sentence without facets is still a claim when its check-worthiness reaches this.
CLAIM_THRESHOLD = 0.5
# A transcript's questioner (the moderator) puts questions, rarely claims: their sentences count this much.
ASKED_FACTOR = 0.4



def parse_published(published: str | dt.date | None) -> dt.date | None:
    """Return the published date as a ``date`` from an ISO string ("2017-04-11", with or
    without a time part) or a date; None when it is missing or unreadable."""
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def find_facets(body: str, published: str | dt.date | None) -> list[Facet]:
    """Return every facet of every registered kind over the whole body, sorted by start.

    Kinds run in registry order, each seeing the facets found before it (dates
    come first because quantities must not re-use their numbers). A failing
    finder is logged and skipped: the checker keeps the other facets rather than
    losing the article. A long body's kinds run in two lanes, one in a second
    process (``extract/parallel``); the facets are the same.
    """
    return _facets_found(_start_finders(body, published))


class _Finders(NamedTuple):
    """Finders under way: the kinds, the facets found so far by kind, and the second process's share."""

    body: str
    context: FindContext
    kinds: tuple[FacetKind, ...]
    by_kind: dict[str, list[Facet]]
    away: list[FacetKind]
    pending: Future | None


def _start_finders(body: str, published: str | dt.date | None) -> _Finders:
    """Run the finders of this process's lane; the other lane's run on meanwhile (see ``find_facets``)."""
    context = FindContext(parse_published(published))
    kinds = facet_kinds()
    away, home = parallel.lanes(kinds) if parallel.worth_it(body) else ([], list(kinds))
    pending = parallel.find_away(body, context, away) if away else None
    by_kind: dict[str, list[Facet]] = {}
    lane = FindContext(context.published)
    for kind in home:
        by_kind[kind.name] = _run_finder(kind, body, lane)
        lane.found.extend(by_kind[kind.name])
    return _Finders(body, context, kinds, by_kind, away, pending)


def _facets_found(run: _Finders) -> list[Facet]:
    """Every facet of a run of the finders, sorted by start (waiting for the other lane's)."""
    body, context, by_kind = run.body, run.context, run.by_kind
    if run.away:
        by_kind.update(parallel.facets_from(run.pending, body, context, run.away, _run_finder))
    for kind in run.kinds:  # registry order, as one process lists them: the sort below keeps ties in it
        context.found.extend(by_kind[kind.name])
    return sorted((f for f in (_checked(body, f) for f in _without_named_places(context.found)) if f is not None),
                  key=_BY_SPAN)


def _run_finder(kind: FacetKind, body: str, context: FindContext) -> list[Facet]:
    """The kind's facets, or none (logged) when its finder fails."""
    try:
        return kind.find(body, context) or []
    except Exception:  # noqa: BLE001 - one facet kind must not sink the article
        _log_failure("the %s finder failed; its facets are skipped", kind.name)
        return []


def _without_named_places(facets: list[Facet]) -> list[Facet]:
    """Drop places that are a person's or organisation's name: "Elizabeth" of "Senator Elizabeth
    Warren", the carmaker "Toyota" (a city too). Places beside a name ("Ford Australia") stay."""
    names = {(f.start, f.end) for f in facets if f.kind == "entity" and f.subtype == "organization"}
    people = sorted((f.start, f.end) for f in facets if f.kind == "entity" and f.subtype == "person")
    if not names and not people:
        return facets
    starts = [s for s, _ in people]

    def named(f: Facet) -> bool:
        if (f.start, f.end) in names:
            return True
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and people[k][1] >= f.end

    return [f for f in facets if f.kind != "place" or not named(f)]


_BY_SPAN = attrgetter("start", "end")  # the (start, end) sort key, built in C


def _checked(body: str, facet: Facet) -> Facet | None:
    """Keep the offsets contract: a non-empty span inside the body, text == body[start:end]."""
    if not (0 <= facet.start < facet.end <= len(body)):
        return None
    facet.text = body[facet.start:facet.end]
    return facet


def extract_claims(body: str, published: str | None) -> list[ExtractedClaim]:
    """Return the body's claims: sentences with facets, or check-worthy enough without.

    Each claim's ``text`` is ``body[start:end]`` and each of its facets lies
    inside it; a facet that runs over a sentence end (a multi-sentence quote)
    joins the sentences it covers into one claim. A dateline or byline alone on
    its line is not a claim (see ``datelines``).
    """
    # Extraction makes tens of thousands of objects per megabyte (matches, facets,
    # spans) that live until it returns and hold no reference cycles: the cyclic
    # collector's passes over them, longer as the text grows, find nothing to free.
    # It is paused, not bypassed: whatever cycles appear meanwhile are collected
    # after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract_claims(body, published)
    finally:
        if collecting:
            gc.enable()


def _extract_claims(body: str, published: str | None) -> list[ExtractedClaim]:
    """``extract_claims`` itself, run with the cyclic collector paused."""
    finders = _start_finders(body, published)
    # What needs no facet is done while the other process (if any) is still finding its
    # share: the sentences, and what each one's own words add to its score.
    sentences = split_sentences(body)
    transcript = read_transcript(body)
    if transcript is not None:
        sentences = _after_speaker_prefixes(body, transcript, sentences)
    readings = {(start, end): _read_sentence(body[start:end]) for start, end in sentences}
    facets = _facets_found(finders)
    finders = None  # the other process's facets as it sent them: not needed once rebuilt here
    if transcript is not None:
        facets = _outside_speaker_prefixes(body, transcript, facets)
    homes = _homes(sentences, facets)
    spans = _merge_for_facets(sentences, facets, homes)
    per_span: list[list[Facet]] = [[] for _ in spans]
    if spans:
        starts = [s for s, _ in spans]
        # Unmerged spans are the sentences, so each facet's home is known already,
        # until a facet stretches a span's end (the home of a later facet may move).
        known = homes if len(spans) == len(sentences) else None
        for k, f in enumerate(facets):
            i = known[k] if known is not None else _home(starts, spans, f)
            start, end = spans[i]
            if f.end > end and i + 1 < len(spans) and f.end > spans[i + 1][0]:
                continue  # cannot happen after merging; never break the invariant
            if f.end > end:
                known = None
            spans[i] = (min(start, f.start), max(end, f.end))  # facets may start in the gap's whitespace
            per_span[i].append(f)
    claims = []
    for (start, end), fs in zip(spans, per_span):
        if is_standalone_furniture(body, start, end, fs):
            continue
        text = body[start:end]
        # Taken out as used: an article's readings are freed as its claims are made.
        reading = readings.pop((start, end), _UNREAD_YET)
        if reading is _UNREAD_YET:  # a sentence joined to the next, or stretched, by a facet across their gap
            reading = _read_sentence(text)
        value = _clamp(_score(reading, text, fs))
        speaker = None
        spoken = False
        if transcript is not None:
            if transcript.is_stage_direction(body, start, end):
                continue
            turn = transcript.turn_at(start, body)
            speaker = turn.speaker if turn else None
            # Whatever a named speaker states is a claim of theirs; the score ranks it.
            spoken = speaker is not None
            if speaker in transcript.askers:
                value *= ASKED_FACTOR
        if fs or spoken or value >= CLAIM_THRESHOLD:
            claims.append(ExtractedClaim(start=start, end=end, text=text, score=value, facets=fs, speaker=speaker))
    if transcript is not None:
        _score_in_context(claims)
    return claims


# A speaker builds a claim over a few sentences ("We lost 60,000 factories. They moved to Mexico.
# NAFTA did that."): a sentence beside a checkable one of the same speaker shares some of its worth.
CONTEXT_WEIGHT = 0.5
CONTEXT_REACH = 2


def _score_in_context(claims: list[ExtractedClaim]) -> None:
    """Blend each spoken claim's score with the best of its neighbours' by the same speaker."""
    own = [c.score for c in claims]
    for i, claim in enumerate(claims):
        near = [own[j] for j in range(max(0, i - CONTEXT_REACH), min(len(claims), i + CONTEXT_REACH + 1))
                if j != i and claims[j].speaker == claim.speaker]
        if near:
            claim.score = (own[i] + CONTEXT_WEIGHT * max(near)) / (1 + CONTEXT_WEIGHT)


def _after_speaker_prefixes(body: str, transcript: Transcript,
                            sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Start each transcript line's first sentence after its "NAME:" prefix (a prefix alone goes)."""
    prefixes = _prefix_ends(transcript)
    spans = []
    for start, end in sentences:
        text_start = prefixes.get(body.rfind("\n", 0, start + 1) + 1 if body[start:start + 1] != "\n" else start)
        if text_start is not None and start < text_start:
            if text_start >= end:
                continue
            start = text_start
        spans.append((start, end))
    return spans


def _outside_speaker_prefixes(body: str, transcript: Transcript, facets: list[Facet]) -> list[Facet]:
    """Drop the facets found in "NAME:" prefixes."""
    prefixes = _prefix_ends(transcript)
    return [f for f in facets if prefixes.get(body.rfind("\n", 0, f.start) + 1, -1) <= f.start]


def _prefix_ends(transcript: Transcript) -> dict[int, int]:
    """Where each speaker's line starts -> where the words after its prefix start."""
    return {turn.line_start: turn.text_start for turn in transcript.turns.values()}


def _home(starts: list[int], spans: list[tuple[int, int]], f: Facet) -> int:
    """Index of the sentence a facet belongs to: the one it starts in, or the next
    one when it starts in the whitespace between two sentences."""
    i = max(0, bisect.bisect_right(starts, f.start) - 1)
    if f.start >= spans[i][1] and i + 1 < len(spans):
        i += 1
    return i


def _homes(spans: list[tuple[int, int]], facets: list[Facet]) -> list[int]:
    """For each facet, the index of the sentence it starts in (see ``_home``)."""
    if not spans:
        return []
    starts = [s for s, _ in spans]
    return [_home(starts, spans, f) for f in facets]


def _merge_for_facets(spans: list[tuple[int, int]], facets: list[Facet], homes: list[int]) -> list[tuple[int, int]]:
    """Join consecutive sentence spans that a facet crosses, so every facet fits in one claim."""
    if not spans:
        return spans
    starts = [s for s, _ in spans]
    reach = list(range(len(spans)))  # reach[i]: last sentence that sentence i must be joined with
    crossing = False
    for f, i in zip(facets, homes):
        if f.end <= spans[i][1]:
            continue
        j = max(i, bisect.bisect_right(starts, f.end - 1) - 1)
        if j > i:
            reach[i] = max(reach[i], j)
            crossing = True
    if not crossing:
        return list(spans)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        last, m = reach[k], k
        while m < last:  # a joined sentence may itself reach further
            m += 1
            last = max(last, reach[m])
        out.append((spans[k][0], spans[last][1]))
        k = last + 1
    return out


# A sentence whose reading failed: it is scored by its facets alone (see ``_score``).
_UNREAD = object()
# A claim whose span is no sentence read ahead.
_UNREAD_YET = object()


def _read_sentence(text: str) -> checkworthiness.SentenceReading | None | object:
    """What the sentence's own words add to its score, or _UNREAD (logged) should that fail."""
    try:
        return checkworthiness.read_sentence(text)
    except Exception:  # noqa: BLE001 - a scoring bug must not drop the claims
        _log_failure("checkworthiness.read_sentence failed; using the fallback")
        return _UNREAD


def _score(reading, text: str, facets: list[Facet]) -> float:
    """The check-worthiness score, falling back to a facet count should it fail on a sentence."""
    if reading is not _UNREAD:
        try:
            return float(checkworthiness.score_read(reading, text, facets))
        except Exception:  # noqa: BLE001 - a scoring bug must not drop the claims
            _log_failure("checkworthiness.score_read failed; using the fallback")
    return _fallback_score(text, facets)


def _fallback_score(text: str, facets: list[Facet]) -> float:
    """1 - prod(1 - w) over the facets, w half the kind's registered weight: more and harder
    facets, more check-worthy."""
    keep = 1.0
    for f in facets:
        keep *= 1.0 - min(0.5, kind_weight(f.kind) / 2)
    return 1.0 - keep


def _clamp(x: float) -> float:
    if x != x:  # NaN
        return 0.0
    return min(1.0, max(0.0, x))


def analyse(data: bytes | str, filename: str | None = None, published: str | None = None) -> ExtractedArticle:
    """Ingest an article and extract its claims.

    ``published`` (ISO date) overrides the date ingest found in the article;
    relative dates resolve against whichever is used.
    """
    from factcheck_app.ingest import read_article  # ingest may import heavy HTML readers lazily

    article = read_article(data, filename)
    if published:
        article.published = published
    # A photo caption describes a picture, not the story: never a claim (ingest lists its span).
    article.claims = [claim for claim in extract_claims(article.body, article.published)
                      if not any(start <= claim.start and claim.end <= end for start, end in article.captions)]
    return article
