"""What plain text tells about itself: its headline, its dateline, its byline."""
from __future__ import annotations

import re
from functools import cache

from factcheck_app.ingest.captions import is_caption
from factcheck_app.ingest.dates import find_date

MAX_TITLE_CHARS = 200
# Datelines and bylines are short; the limit also keeps the patterns below linear on huge lines.
MAX_STAMP_CHARS = 200
# How many non-empty lines from the top a dateline may sit at; further down a bare date
# line is more likely part of the story (a timeline) than the publication date.
DATELINE_WINDOW = 12

_DATELINE_PREFIX = re.compile(
    r"^\s*(?:(?P<label>published|updated|last\s+updated|posted|first\s+published|modified)"
    r"(?:\s+(?:on|at))?\s*:?\s*"
    # "Published 7:07 PM EST Nov 19, 2019": the time may come first
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?\s*(?:(?-i:[A-Z]{1,4})\b\s*)?,?\s*(?:on\s+)?)?)?",
    re.IGNORECASE,
)
# What may follow the date on a dateline: a time, a zone, a separator and another stamp.
_DATELINE_TAIL = re.compile(
    r"^[\s,|·•\-–—]*(?:(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC)?)?"
    r"[\s,|·•\-–—]*(?:(?:updated|modified)\b.*)?$",
    re.IGNORECASE,
)
_BYLINE = r"^\s*By\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,7})\s*$"
_SENTENCE_BREAK = re.compile(r"(?P<word>[\w.]+)[.!?][\"”’']?\s+[A-Z]")
_ABBREVIATIONS = frozenset(
    "inc corp co ltd llc plc mr mrs ms dr st no jr sr gen gov sen rep col lt sgt capt prof vs etc jan feb mar apr "
    "aug sept sep oct nov dec ave mt ft rev".split()
)
_CAPTION_DATE_CONTEXT = re.compile(r"\b(?:on|dated)\s+$", re.IGNORECASE)


def dateline_date(line: str) -> tuple[str, str | None] | None:
    """Return (ISO date, label) when ``line`` is a dateline such as "Published April 11, 2017 at 3:00 p.m. EDT".

    ``label`` is the lower-cased word before the date ("published", "updated") or None.
    """
    if len(line) > MAX_STAMP_CHARS:
        return None
    prefix = _DATELINE_PREFIX.match(line)
    rest = line[prefix.end():]
    found = find_date(rest)
    if not found:
        return None
    iso, match = found
    if rest[: match.start()].strip(" ,|-–—"):
        return None
    if not _DATELINE_TAIL.match(rest[match.end():]):
        return None
    label = prefix["label"]
    return iso, (" ".join(label.lower().split()) if label else None)


def is_dateline(line: str) -> bool:
    """Whether ``line`` is only a publication stamp (a date, maybe a time and a label)."""
    return dateline_date(line) is not None


def byline_author(line: str) -> str | None:
    """Return the name(s) in a byline such as "By Adam Taylor", or None."""
    # Only a line that opens with "By" can match: most lines never compile the pattern.
    if len(line) > MAX_STAMP_CHARS or not line.lstrip().startswith("By"):
        return None
    match = _byline().match(line)
    return match["name"] if match else None


@cache
def _byline() -> re.Pattern[str]:
    return re.compile(_BYLINE)


def looks_like_headline(line: str) -> bool:
    """Whether a line can be a headline: short, not a caption, dateline, byline or sentence run."""
    text = line.strip()
    if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) < 2:
        return False
    if is_caption(text) or is_dateline(text) or byline_author(text):
        return False
    # Two or more full sentences are a paragraph, not a headline ("Apple Inc. CEO" is one).
    return not any(
        match["word"].lower() not in _ABBREVIATIONS and len(match["word"]) > 1 and "." not in match["word"]
        for match in _SENTENCE_BREAK.finditer(text)
    )


def is_headline(line: str) -> bool:
    """Whether a line reads as a headline: headline-like and not ending like a sentence."""
    return looks_like_headline(line) and not line.rstrip().endswith(".")


def find_title_index(lines: list[str]) -> int | None:
    """Return the index of the headline among ``lines`` (furniture already removed), or None."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if is_headline(line):
            return index
        if seen >= 6:
            break
    # No headline-like line: a short first line standing alone still reads as the title.
    for index, line in enumerate(lines):
        if line.strip():
            text = line.strip()
            short = len(text) <= MAX_TITLE_CHARS and len(text.split()) >= 2
            standalone = index + 1 >= len(lines) or not lines[index + 1].strip()
            plain = not (is_caption(text) or is_dateline(text) or byline_author(text))
            return index if short and standalone and plain else None
    return None


def find_published(lines: list[str]) -> str | None:
    """Return the publication date (ISO) from a dateline near the top, else from a caption."""
    return published_and_source(lines)[0]


def published_and_source(lines: list[str]) -> tuple[str | None, str | None]:
    """Return (ISO date, "dateline" or "caption") for the publication date the text gives, or (None, None).

    A dateline near the top wins; a photo caption's date is used only when there is none.
    """
    datelines: dict[str | None, str] = {}
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_WINDOW:
            break
        found = dateline_date(line)
        if found:
            datelines.setdefault(found[1], found[0])
    for label in ("published", "first published", "posted", None, "updated", "last updated", "modified"):
        if label in datelines:
            return datelines[label], "dateline"
    for line in lines:
        if is_caption(line):
            found = find_date(line)
            if found and _CAPTION_DATE_CONTEXT.search(line[: found[1].start()]):
                return found[0], "caption"
    for line in lines:
        if is_caption(line):
            found = find_date(line)
            if found:
                return found[0], "caption"
    return None, None


def find_author(lines: list[str]) -> str | None:
    """Return the author from a byline near the top, or None."""
    for line in [line for line in lines if line.strip()][:DATELINE_WINDOW]:
        name = byline_author(line)
        if name:
            return name
    return None
