"""Page furniture that survives ingest as a line of its own: datelines and bylines.

"Published March 14, 2024", "Updated 3:15 p.m. EDT, March 14, 2024", "March 01,
2008" or "By Jane Smith and Tom Lee" standing alone on a line say when and by
whom the article was written, not what it claims; the published date and the
author are reported apart, so such a line is not a claim of its own.
"""
from __future__ import annotations

import re

from factcheck_app.core.extraction import Facet

# Words that may stand around the date of a dateline ("Published on", "Last updated at").
_DATELINE_WORDS = frozenset("""published updated posted modified last first originally dated date on at
edited""".split())
# Lower-case words inside a byline's names ("Ana de la Cruz", "Smith and Lee").
_NAME_PARTICLES = frozenset("and & de del la le van von der den da di du al el bin ibn y".split())
_TOKEN = re.compile(r"[^\s,|·•—–]+")
_LONGEST_LINE = 160  # furniture lines are short; a longer line is prose


def is_standalone_furniture(body: str, start: int, end: int, facets: list[Facet]) -> bool:
    """True when ``body[start:end]`` is a whole line that is only a dateline or a byline.

    ``facets`` are the facets inside the span; its date facets mark the date and
    time parts, so whatever else the line holds must be dateline words
    ("Published", "Updated") or, after a leading "By", names.
    """
    if end - start > _LONGEST_LINE or body.find("\n", start, end) >= 0 or not _alone_on_line(body, start, end):
        return False
    rest = []
    pos = start
    has_date = False
    for f in facets:
        if f.kind != "date" or f.start < pos:
            continue
        rest.append(body[pos:f.start])
        pos = f.end
        has_date = True
    rest.append(body[pos:end])
    words = _TOKEN.findall(" ".join(rest))
    if words and words[0] in ("By", "BY"):
        return len(words) > 1 and all(_name_token(w) for w in words[1:])
    return has_date and all(w.lower().strip(".:") in _DATELINE_WORDS for w in words)


def _alone_on_line(body: str, start: int, end: int) -> bool:
    """Only whitespace between the span and the line's ends."""
    # Most spans are sentences inside a paragraph: the character next to them says so at once.
    i = start - 1
    while i >= 0 and body[i] in " \t":
        i -= 1
    if i >= 0 and body[i] != "\n":
        return False
    j = end
    while j < len(body) and body[j] in " \t":
        j += 1
    if j < len(body) and body[j] != "\n":
        return False
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    if line_end < 0:
        line_end = len(body)
    return not body[line_start:start].strip() and not body[end:line_end].strip()


def _name_token(word: str) -> bool:
    """A word of a person's name or role in a byline: capitalised ("Smith", "J.", "O'Neill") or a particle."""
    return word[:1].isupper() or word in _NAME_PARTICLES
