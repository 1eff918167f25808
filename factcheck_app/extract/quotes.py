"""Quote facets: the words inside quotation marks and who said them.

Double quotation marks (straight, curly, « ») are paired within a paragraph; a
quotation that runs on into the next paragraph (news style: no closing mark,
the next paragraph opens with one) ends where its paragraph ends. Single
curly quotes count only outside double quotes, so nested quotes stay inside
their outer quotation. Short quotes (three words or fewer) with no speech verb
next to them are scare quotes and are skipped. The speaker comes from
``attribution``; "he said" / "it added" take the previous quotation's speaker.
"""
from __future__ import annotations

import bisect
import re

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FindContext
from factcheck_app.extract.attribution import (
    PRONOUNS,
    clean_speaker,
    sentence_subject,
    speaker_after,
    speaker_before,
)

_OPEN = "“«"
_CLOSE = "”»"
_MARKS = re.compile(r"[“”«»\"\n]")
# The mark comes first and the look-behind (text start, a space, a bracket or a dash
# before it) after it, so that ``re`` jumps from one ‘ to the next instead of
# trying every position.
_SINGLE_OPEN = re.compile(r"‘(?<![^\s(\[—–-]‘)(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])’(?![\w])")
_MAX_QUOTE = 3000
_SCARE_WORDS = 3
# A sentence ends at . ! ? followed by space and a capital or quote, unless the
# word is an abbreviation such as "U.S." or "Mr.".
_SENTENCE_END = re.compile(
    r"(?=[.!?])(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bNo)(?<!\bJr)(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bLt)(?<!\bCol)"
    r"[.!?]+[”\"’»)]*(?=\s+[“\"‘«(]?[A-Z0-9])|\n")
_INHERIT_GAP = 300


def _double_quote_spans(body: str) -> list[tuple[int, int]]:
    """Return (open mark, close mark) index pairs of double-quoted passages."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_char = ""
    for m in _MARKS.finditer(body):
        ch, pos = m.group(), m.start()
        if ch == "\n":
            if open_at is not None:
                rest = body[pos:pos + 8].lstrip()
                if rest[:1] in _OPEN + "\"":
                    # Multi-paragraph quotation: this part ends with its paragraph.
                    end = pos
                    while end > open_at + 1 and body[end - 1].isspace():
                        end -= 1
                    spans.append((open_at, end))
                open_at = None
            continue
        if open_at is None:
            if ch in _OPEN or (ch == '"' and pos + 1 < len(body) and not body[pos + 1].isspace()):
                open_at, open_char = pos, ch
        elif ch in _CLOSE or ch == '"':
            if pos - open_at <= _MAX_QUOTE:
                spans.append((open_at, pos))
            open_at = None
        elif ch in _OPEN and open_char == ch:
            open_at = pos  # an unclosed mark earlier in the paragraph: restart here
    return spans


def _single_quote_spans(body: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ‘…’ passages that lie outside every double-quoted passage."""
    starts = [a for a, _ in doubles]  # the passages are disjoint and in order

    def inside_double(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos <= doubles[i][1]

    spans = []
    for m in _SINGLE_OPEN.finditer(body):
        a = m.start()
        if inside_double(a):
            continue
        para_end = body.find("\n", a)
        para_end = len(body) if para_end < 0 else para_end
        c = _SINGLE_CLOSE.search(body, a + 1, para_end)
        if c and c.start() - a <= _MAX_QUOTE and not inside_double(c.start()):
            spans.append((a, c.start()))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s in spans:
        if not out or s[0] > out[-1][1]:
            out.append(s)
    return out


def _sentence_start(body: str, pos: int, floor: int) -> int:
    """Return where the sentence holding ``pos`` starts (not before ``floor``)."""
    start = floor
    for m in _SENTENCE_END.finditer(body, floor, pos):
        start = m.end()
    return start


def _sentence_end(body: str, pos: int, ceiling: int) -> int:
    m = _SENTENCE_END.search(body, pos, ceiling)
    return m.end() if m else ceiling


class _Named:
    """The people and organisations named in the body, by position: whom a pronoun can stand for."""

    def __init__(self, entities: list[Facet]):
        # A name of unknown kind may be a person's: it makes "he" as ambiguous as a person would.
        people = sorted((f.start, f.value or f.text) for f in entities if f.subtype in ("person", None))
        orgs = sorted((f.start, f.value or f.text) for f in entities if f.subtype == "organization")
        self._people, self._people_at = [v for _, v in people], [s for s, _ in people]
        self._orgs, self._orgs_at = [v for _, v in orgs], [s for s, _ in orgs]

    def people_between(self, start: int, end: int) -> set[str]:
        return set(self._people[bisect.bisect_left(self._people_at, start):bisect.bisect_left(self._people_at, end)])

    def orgs_between(self, start: int, end: int) -> set[str]:
        return set(self._orgs[bisect.bisect_left(self._orgs_at, start):bisect.bisect_left(self._orgs_at, end)])


# How far back a pronoun's antecedent may be looked for: this paragraph and the one before.
_PRONOUN_REACH = 600


def _resolve_pronoun(body: str, pronoun: str, open_at: int, named: _Named, last_speaker: str | None) -> str | None:
    """The one person (he, she) or organisation (it, they, we) the pronoun can mean, or None when
    the text names none or several: an empty speaker is better than a wrong one."""
    para_start = body.rfind("\n", 0, open_at) + 1
    prev_para = body.rfind("\n", 0, max(0, para_start - 1)) + 1 if para_start else 0
    start = max(prev_para, open_at - _PRONOUN_REACH)
    low = pronoun.lower()
    if low in ("he", "she"):
        candidates = named.people_between(start, open_at)
        if last_speaker and not candidates and last_speaker not in named.orgs_between(0, len(body)):
            candidates = {last_speaker}
    elif low in ("it", "they", "we"):
        candidates = named.orgs_between(start, open_at)
        if last_speaker and not candidates and last_speaker not in named.people_between(0, len(body)):
            candidates = {last_speaker}
    else:
        return None
    return next(iter(candidates)) if len(candidates) == 1 else None


def quote_facets(body: str, context: FindContext) -> list[Facet]:
    """The quote finder as the registry runs it, with the entities found before it."""
    return find_quotes(body, [f for f in context.found if f.kind == "entity"])


def find_quotes(body: str, entities: list[Facet] | None = None) -> list[Facet]:
    """Return quote facets (kind "quote") in ``body``, ordered by start.

    The span covers the quoted words without the marks; ``value`` is those
    words, ``speaker`` the attributed speaker ("KCNA", "the spokesman") or None.
    A pronoun ("he said") stands for the one person (or organisation) named
    just before; when there is none or more than one the speaker is left empty.
    ``entities`` are the body's entity facets (found here when not given).
    """
    if not body:
        return []
    if entities is None:
        from factcheck_app.extract.entities import find_entities

        entities = find_entities(body)
    named = _Named(entities)
    doubles = _double_quote_spans(body)
    singles = set(_single_quote_spans(body, doubles))
    spans = sorted(doubles + list(singles))
    facets: list[Facet] = []
    runs_on: list[bool] = []  # whether each facet's quotation runs on into the next paragraph
    last_speaker: str | None = None
    last_end = -10 ** 9
    prev_close = 0
    for i, (open_at, close_at) in enumerate(spans):
        start, end = open_at + 1, close_at
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        text = body[start:end]
        if not re.search(r"\w", text):
            prev_close = close_at + 1
            continue
        next_open = spans[i + 1][0] if i + 1 < len(spans) else len(body)
        para_start = body.rfind("\n", 0, open_at) + 1
        floor = max(para_start, prev_close)
        left = body[_sentence_start(body, open_at, floor):open_at]
        right_end = min(next_open, _sentence_end(body, close_at + 1, min(len(body), close_at + 200)))
        para_end = body.find("\n", close_at)
        if para_end >= 0:
            right_end = min(right_end, para_end)
        right = body[close_at + 1:right_end]

        speaker = speaker_after(right)
        direct = speaker is not None
        if speaker is None:
            speaker, direct = speaker_before(left)
        if not direct and (len(text.split()) <= _SCARE_WORDS or (open_at, close_at) in singles):
            # Scare quotes (“so-called” words) and headline-style ‘…’ that no
            # speech verb ties to anyone.
            prev_close = close_at + 1
            continue
        speaker = clean_speaker(speaker)
        if speaker is None and last_speaker and open_at - last_end <= _INHERIT_GAP and (
                para_start <= last_end or not body[para_start:open_at].strip()) \
                and all(p in last_speaker for p in named.people_between(last_end, open_at)):
            speaker = last_speaker  # the same speaker goes on, in this or the next paragraph, no one else named
        pronoun = speaker in PRONOUNS or bool(speaker and speaker.lower() in {"he", "she", "it", "they", "we", "i"})
        if pronoun:
            speaker = _resolve_pronoun(body, speaker, open_at, named, last_speaker)
        if speaker is None and not pronoun and left.strip() and direct:
            speaker = clean_speaker(sentence_subject(left))
            if speaker in PRONOUNS:
                speaker = _resolve_pronoun(body, speaker, open_at, named, last_speaker)
        facets.append(Facet(kind="quote", start=start, end=end, text=text,
                            value=re.sub(r"\s+", " ", text), speaker=speaker))
        if speaker and speaker not in PRONOUNS:
            last_speaker = speaker
        last_end = close_at
        prev_close = close_at + 1
        runs_on.append(close_at < len(body) and body[close_at] not in _CLOSE + '"’')
    # A paragraph of a multi-paragraph quotation is attributed where the quotation ends.
    for k in range(len(facets) - 2, -1, -1):
        if runs_on[k] and facets[k].speaker is None:
            facets[k].speaker = facets[k + 1].speaker
    return facets
