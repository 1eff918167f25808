"""Spans of an article's text: a selection or a split point snapped to whole words."""
from __future__ import annotations


def _is_word(ch: str) -> bool:
    # Apostrophes and hyphens inside a word ("Korea's", "U.S.-led") belong to it.
    return ch.isalnum() or ch in "'’-_"


def snap_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` widened to whole words and trimmed of surrounding spaces.

    A selection that begins or ends inside a word takes the whole word, so a claim never
    starts with "ut the relationship" or ends with "training to Syria, b".
    """
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    while 0 < start < len(body) and _is_word(body[start - 1]) and _is_word(body[start]):
        start -= 1
    while 0 < end < len(body) and _is_word(body[end - 1]) and _is_word(body[end]):
        end += 1
    return start, end


def snap_split(body: str, start: int, end: int, at: int) -> int | None:
    """Return the split point nearest ``at`` that falls between words inside (start, end), or None.

    The point moves to the nearer word boundary and skips the spaces after it, so both
    parts are whole words: the second part starts at a word, the first ends at one.
    """
    if not (start < at < end):
        return None
    left = at
    while left > start and _is_word(body[left - 1]) and _is_word(body[left]):
        left -= 1
    right = at
    while right < end and _is_word(body[right - 1]) and _is_word(body[right]):
        right += 1
    candidates = [p for p in (left, right) if start < p < end]
    if not candidates:
        return None
    point = min(candidates, key=lambda p: abs(p - at))
    while point < end and body[point].isspace():
        point += 1
    return point if start < point < end else None
