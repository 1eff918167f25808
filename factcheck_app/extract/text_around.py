"""The words around a span of the body: the word before or after it on its line, and sentence starts.

Shared by the place and entity finders, which both judge a capitalised name by its neighbours.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[\w-]+")


def word_before(body: str, start: int) -> tuple[str, str]:
    """Return (the word just before ``start`` on the same line, the text between)."""
    i = start
    while i > 0 and body[i - 1] in " \t\u00a0":
        i -= 1
    gap = body[i:start]
    j = i
    while j > 0 and (body[j - 1].isalnum() or body[j - 1] in "’'.-"):
        j -= 1
    return body[j:i].rstrip("."), gap


def word_after(body: str, end: int) -> tuple[str, str]:
    """Return (the word just after ``end`` on the same line, the text between)."""
    i = end
    while i < len(body) and body[i] in " \t\u00a0":
        i += 1
    gap = body[end:i]
    m = _WORD.match(body, i, i + 40)
    return (m.group() if m else ""), gap


def is_sentence_start(body: str, start: int) -> bool:
    """True when only whitespace and sentence punctuation lie between the last full stop and ``start``."""
    i = start - 1
    while i >= 0 and body[i] in " \t\u00a0“\"‘'(":
        i -= 1
    return i < 0 or body[i] in ".!?\n:;"
