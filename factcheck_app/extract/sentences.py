"""Sentence splitting for English news text, as character spans into the body.

The splitter never copies or normalises the text: it returns ``(start, end)``
pairs so that claims keep pointing at the stored body. It is rule based and
linear: one regex pass finds candidate boundaries, and a few checks on the
word before a full stop reject abbreviations, initials and numbers.
"""
from __future__ import annotations

import re

# Titles and abbreviations that are (almost) never the last word of a sentence:
# a full stop after them is part of the abbreviation.
_NEVER_FINAL = frozenset("""
mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres
rev fr hon st mt ft gov supt insp det atty dept
no nos vol vols fig figs art sec ch pp para
jan feb mar apr jun jul aug sep sept oct nov dec
vs v cf approx est
""".split())

# Abbreviations that often end a sentence as well ("... shares of Apple Inc. The
# company ..."): a boundary only when the next word is a usual sentence opener.
_MAYBE_FINAL = frozenset("""
inc corp co ltd llc plc jr sr bros etc al pty ag
""".split())

# Words that typically open a sentence in news prose; used to decide whether an
# ambiguous abbreviation ("Inc.", "U.S.") closes its sentence.
_OPENERS = frozenset("""
the a an he she it they we i you his her its their our this that these those
there here in on at but and or so yet if when while after before as since
although though however meanwhile still also according many some most no
one two three mr mrs ms dr officials police analysts critics later earlier then now today
yesterday tomorrow during despite under with for by from for what who why how where once instead
""".split())

# After "a.m."/"p.m." a capitalised word starts a new sentence unless it names
# the day, month or time zone ("at 5 p.m. Tuesday", "9 a.m. EST").
_CLOCK_CONTINUES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun jul aug sep sept oct nov dec
january february march april june july august september october november december
utc gmt est edt cst cdt mst mdt pst pdt bst cet cest et pt local
""".split())

# A candidate boundary: terminal punctuation, any closing quotes/brackets, then
# whitespace; or a line break. The character after the whitespace is checked in code.
# Spelled with one character class first (the line break told apart by the look-behind)
# rather than as "[.!?…]+…|\n": ``re`` then skips to the next candidate character in C
# instead of trying both branches at every position, a third of the time.
CANDIDATE_AS_READ = r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n"
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'”’»)\]]*(?=\s))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)\.$")
_NEXT = re.compile(r"\s*([\"'“‘«(\[]*)(\S*)")
_LINE_END_PUNCT = ".!?:;…\"'”’)]»"

_WINDOW = 40  # characters looked back at to find the word before a full stop


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Return the sentences of ``body`` as ``(start, end)`` spans, in order.

    Spans exclude surrounding whitespace; ``body[start:end]`` is the sentence.
    A line break ends a sentence unless the line has no final punctuation and
    the next line starts in lower case (a hard-wrapped paragraph); so titles,
    captions and datelines stand alone.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(body)
    for m in _CANDIDATE.finditer(body):
        end = m.end()
        if m.group() == "\n":
            if _wrapped_line(body, start, m.start(), end):
                continue
            _add(spans, body, start, m.start())
            start = end
            continue
        if not _is_boundary(body, m.start(), end, n):
            continue
        _add(spans, body, start, end)
        start = end
    _add(spans, body, start, n)
    return spans


def _add(spans: list[tuple[int, int]], body: str, start: int, end: int) -> None:
    """Append the span trimmed of whitespace, if anything is left."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _wrapped_line(body: str, start: int, nl: int, after: int) -> bool:
    """True when the newline at ``nl`` only wraps a paragraph's line."""
    line_end = nl
    while line_end > start and body[line_end - 1] in " \t\r":
        line_end -= 1
    if line_end <= start or body[line_end - 1] in _LINE_END_PUNCT:
        return False
    # A blank line or an indented/capitalised next line starts something new.
    if after >= len(body) or not body[after].islower():
        return False
    return True


def _is_boundary(body: str, punct: int, end: int, n: int) -> bool:
    """Decide whether the punctuation run at ``punct`` ends a sentence."""
    nxt = _NEXT.match(body, end)
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True  # end of text
    first = word[:1]
    if first and first.islower():
        return False  # "... the U.S. military", "approx. three"
    if body[punct] != ".":
        return True  # "?" and "!" end sentences unless lower case follows
    if end - punct > 1 and body[punct + 1] == ".":
        return True  # an ellipsis "..." followed by a capital
    # The word cannot run across a space: start the search after the last one,
    # instead of trying every position of the window.
    lo = max(0, punct - _WINDOW)
    before = _WORD_BEFORE.search(body, max(lo, body.rfind(" ", lo, punct) + 1), punct + 1)
    if before is None:
        return True  # after a digit, a quote mark, a bracket
    token = before.group(1)
    lower = token.lower().rstrip(".")
    bare = lower.replace(".", "")
    if lower in _NEVER_FINAL:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    if bare in ("am", "pm") and "." in token:
        return word.rstrip(",;:.").lower() not in _CLOCK_CONTINUES
    if "." in token or lower in _MAYBE_FINAL or (token.isupper() and len(bare) <= 3 and bare.isalpha() and "." in token):
        # "U.S." / "Inc.": a boundary only before a usual sentence opener.
        head = word.rstrip(",;:").lower()
        return bool(opener) or head in _OPENERS
    return True
