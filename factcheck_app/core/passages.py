"""Finding a quoted passage in a page of text, whatever line breaks and spacing the page has.

A PDF page's text breaks lines where the layout did, and a checker's excerpt runs on one
line: the two are compared with runs of white space folded to one space, Unicode
compatibility forms folded (NFKC) and case ignored.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """Where an excerpt sits in a page: character offsets into the page text, and those characters."""

    start: int
    end: int
    text: str


def _folded(text: str) -> tuple[str, list[int]]:
    """Return ``text`` folded for comparison, and for each folded character its offset in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    in_space = True  # leading white space is dropped
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "\u00ad\ufffe":
            if ch.isspace() and not in_space:
                out.append(" ")
                origin.append(i)
                in_space = True
            continue
        for piece in unicodedata.normalize("NFKC", ch).casefold():
            out.append(piece)
            origin.append(i)
        in_space = False
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def collapse_spaces(text: str) -> str:
    """Return ``text`` with every run of white space as one space, trimmed."""
    return " ".join((text or "").split())


def find_passage(page_text: str, excerpt: str) -> Passage | None:
    """Return where ``excerpt`` occurs in ``page_text`` (first occurrence), or None.

    The returned text is the page's own wording with its white space folded, so a
    stored excerpt quotes the document, not the checker's retyping of it.
    """
    needle, _ = _folded(excerpt)
    if not needle:
        return None
    haystack, origin = _folded(page_text)
    at = haystack.find(needle)
    if at < 0:
        return None
    start = origin[at]
    end = origin[at + len(needle) - 1] + 1
    return Passage(start, end, collapse_spaces(page_text[start:end]))
