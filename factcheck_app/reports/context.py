"""The sentence before and after a claim, as the report quotes it around the claim's words.

``sentence_context`` is the definition: it scans a window of at most ``reach`` characters on
each side of the claim. ``ArticleContext`` gives the same answers for many claims of one
article: it finds the article's sentence gaps once, looks each claim's nearest gap up with
bisect, and falls back to ``sentence_context``'s own window scan whenever a gap lies so close
to a window's edge that the window could see it differently from the whole body. At 10,000
claims the per-claim scans were a fifth of building the report.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

CONTEXT_REACH = 160
_WHITESPACE = re.compile(r"\s+")
# Between two sentences: after closing punctuation (and quotes), or a paragraph break.
# The leading (?=\s) lets the scanner skip non-space positions before trying the lookbehinds:
# same matches as the plain alternation, read in well under the time (a report runs it per claim).
_SENTENCE_GAP = re.compile(r"(?=\s)(?:(?:(?<=[.!?…][\"”’)])|(?<=[.!?…]))\s+|\n\s*\n)")
# The lookbehind above reads up to two characters before a gap.
_LOOKBEHIND = 2


def sentence_context(body: str, start: int, end: int, reach: int = CONTEXT_REACH) -> tuple[str, str]:
    """Return the body text around ``body[start:end]``: one sentence before it and one after.

    A claim that is part of a sentence gets the rest of that sentence. Each side runs to
    at most ``reach`` characters; a longer sentence is cut at a word with an ellipsis.
    Runs of white space become one space; the sides keep a space that separated them from the claim.
    """
    return _fold(_before(body, start, reach)), _fold(_after(body, end, reach).rstrip())


def _before(body: str, start: int, reach: int) -> str:
    before = body[max(0, start - reach):start]
    gaps = list(_SENTENCE_GAP.finditer(before.rstrip()))
    if gaps:
        return before[gaps[-1].end():]
    return _no_gap_before(before, start, reach)


def _no_gap_before(before: str, start: int, reach: int) -> str:
    if start - reach > 0:
        parts = before.split(None, 1)  # the first word may be cut: drop it
        return "…" + parts[1] if len(parts) > 1 else ""
    return before


def _after(body: str, end: int, reach: int) -> str:
    after = body[end:end + reach]
    lead = len(after) - len(after.lstrip())
    gap = _SENTENCE_GAP.search(after, lead)
    if gap:
        return after[:gap.start()]
    return _no_gap_after(after, end, reach, len(body))


def _no_gap_after(after: str, end: int, reach: int, size: int) -> str:
    if end + reach < size:
        parts = after.rsplit(None, 1)
        return parts[0] + "…" if len(parts) > 1 else ""
    return after


def _fold(text: str) -> str:
    """Return ``text`` with each run of white space made one space."""
    # Printable text has no white space but the plain space, so only a double space needs the regex.
    if text.isprintable() and "  " not in text:
        return text
    return _WHITESPACE.sub(" ", text)


class ArticleContext:
    """``sentence_context`` for the claims of one article body, with the body's sentence gaps found once."""

    def __init__(self, body: str, reach: int = CONTEXT_REACH) -> None:
        self.body, self.reach = body, reach
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._runs: list[int] = []  # where the white space holding each gap begins
        for gap in _SENTENCE_GAP.finditer(body):
            run = gap.start()
            while run > 0 and body[run - 1].isspace():
                run -= 1
            self._starts.append(gap.start())
            self._ends.append(gap.end())
            self._runs.append(run)

    def around(self, start: int, end: int) -> tuple[str, str]:
        """Return exactly ``sentence_context(body, start, end, reach)``."""
        return _fold(self._before(start)), _fold(self._after(end).rstrip())

    def _before(self, start: int) -> str:
        body, reach = self.body, self.reach
        low = max(0, start - reach)
        core_end = len(body[low:start].rstrip()) + low
        # The last gap that ends inside the window's text. The window sees it as the body does when
        # its white space starts far enough in for the lookbehind, and the scan, to begin in the window.
        i = bisect_right(self._ends, core_end) - 1
        if i >= 0 and self._runs[i] >= low + _LOOKBEHIND:
            return body[self._ends[i]:start]
        # Any gap the window finds lies in white space where the body has a gap ending inside the
        # window (or one that swallowed it): with none there, the window has no gap either.
        if i < 0 or self._ends[i] <= low:
            return _no_gap_before(body[low:start], start, reach)
        return _before(body, start, reach)

    def _after(self, end: int) -> str:
        body, reach = self.body, self.reach
        window_end = end + reach
        first = end
        while first < len(body) and first < window_end and body[first].isspace():
            first += 1
        # The first gap after the leading white space; it counts when the window holds all of it
        # and the characters its lookbehind reads.
        i = bisect_left(self._starts, first)
        if i < len(self._starts) and self._starts[i] >= end + _LOOKBEHIND and self._ends[i] <= window_end:
            return body[end:self._starts[i]]
        if i == len(self._starts) or self._starts[i] >= window_end:  # as above: no gap in the window
            return _no_gap_after(body[end:window_end], end, reach, len(body))
        return _after(body, end, reach)
