"""The claim as reviewed: the short wording ClaimReview's ``claimReviewed`` carries, and its default.

Google asks for a short summary of the claim, kept under about 75 characters so it does
not wrap on a phone. The default is the claim itself when it fits; otherwise its longest
opening that ends between words and outside every quotation, with an ellipsis. A
quotation is kept whole or left out, never cut; when even the first quotation is too long
there is no default and the checker writes the wording.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: The longest claim-as-reviewed accepted (Google: "less than 75 characters" to avoid wrapping).
MAX_CLAIM_REVIEWED = 75
ELLIPSIS = "…"

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»“"
# Punctuation that may not end a shortened wording (a dangling comma or dash reads as a cut).
_TRAILING = " ,;:–—-‐(["


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the double-quoted passages in ``text``, marks included.

    Curly and guillemet marks pair open with close; straight quotes pair in turn. An
    unclosed quotation runs to the end of the text (it is cut by the claim's edge).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in _DOUBLE_OPEN or ch == '"':
                open_at = i
        elif ch in _DOUBLE_CLOSE or ch == '"':
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _cut_points(text: str, protected: list[tuple[int, int]]) -> list[int]:
    """Return the offsets where the text may be cut: after a word, outside every protected span."""
    points = []
    for m in re.finditer(r"\s+", text):
        at = m.start()
        if not any(start < at < end for start, end in protected):
            points.append(at)
    return points


def default_claim_reviewed(text: str, quotations: Iterable[tuple[int, int]] = (),
                           limit: int = MAX_CLAIM_REVIEWED) -> str | None:
    """Return the default claim-as-reviewed for a claim's text, or None when none can be made.

    ``quotations`` are extra (start, end) spans of the text to keep whole (the claim's quote
    facets); quoted passages found by their marks are kept whole too. The result is the
    whole text on one line when it fits in ``limit`` characters, else its longest opening
    that ends between two words and outside every quotation, followed by "…".
    """
    # Spacing is folded after the spans are found, so map each original offset to the folded text.
    flat_chars: list[str] = []
    position: list[int] = []
    last_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not last_space:
                flat_chars.append(" ")
                position.append(i)
            last_space = True
            continue
        flat_chars.append(ch)
        position.append(i)
        last_space = False
    flat = "".join(flat_chars).rstrip()
    if not flat:
        return None
    if len(flat) <= limit:
        return flat
    index_of = {orig: n for n, orig in enumerate(position)}

    def folded(offset: int) -> int:
        while offset not in index_of and offset < len(text):
            offset += 1
        return index_of.get(offset, len(flat))

    protected = _merge(
        [(folded(s), folded(e)) for s, e in quotations if 0 <= s < e <= len(text)] + quotation_spans(flat)
    )
    best = None
    for point in _cut_points(flat, protected):
        head = flat[:point].rstrip(_TRAILING)
        if head and len(head) + len(ELLIPSIS) <= limit:
            best = head
    if best is None:
        return None
    return best + ELLIPSIS


def check_claim_reviewed(value: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """Return ``value`` on one line; raise ValueError when it is empty or longer than ``limit``."""
    flat = " ".join((value or "").split())
    if not flat:
        raise ValueError("The claim as reviewed cannot be empty.")
    if len(flat) > limit:
        raise ValueError(f"The claim as reviewed is {len(flat)} characters; keep it to {limit} or fewer.")
    return flat
