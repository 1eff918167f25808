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


_QUOTE_MARK = re.compile(r'[“”«»„"]')


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the double-quoted passages in ``text``, marks included.

    Curly and guillemet marks pair open with close; straight quotes pair in turn. An
    unclosed quotation runs to the end of the text (it is cut by the claim's edge).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        ch, i = m.group(), m.start()
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


def default_claim_reviewed(text: str, quotations: Iterable[tuple[int, int]] = (),
                           limit: int = MAX_CLAIM_REVIEWED) -> str | None:
    """Return the default claim-as-reviewed for a claim's text, or None when none can be made.

    ``quotations`` are extra (start, end) spans of the text to keep whole (the claim's quote
    facets); quoted passages found by their marks are kept whole too. The result is the
    whole text on one line when it fits in ``limit`` characters, else its longest opening
    that ends between two words and outside every quotation, followed by "…".
    """
    flat = " ".join(text.split())
    if not flat:
        return None
    if len(flat) <= limit:
        return flat

    def folded(offset: int) -> int:
        # Where an offset of the original text falls once its spacing is folded.
        head = text[:offset]
        joined = " ".join(head.split())
        return len(joined) + (1 if joined and head[-1:].isspace() else 0)

    protected = _merge(
        [(folded(s), folded(e)) for s, e in quotations if 0 <= s < e <= len(text)] + quotation_spans(flat)
    )
    # The longest opening that fits with its ellipsis ends at the last space before the limit
    # that lies outside every quotation (spacing is folded: every gap is one space).
    point = flat.rfind(" ", 0, limit - len(ELLIPSIS) + 1)
    while point > 0:
        if not any(start < point < end for start, end in protected):
            head = flat[:point].rstrip(_TRAILING)
            if head:
                return head + ELLIPSIS
        point = flat.rfind(" ", 0, point)
    return None


def check_claim_reviewed(value: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """Return ``value`` on one line; raise ValueError when it is empty or longer than ``limit``."""
    flat = " ".join((value or "").split())
    if not flat:
        raise ValueError("The claim as reviewed cannot be empty.")
    if len(flat) > limit:
        raise ValueError(f"The claim as reviewed is {len(flat)} characters; keep it to {limit} or fewer.")
    return flat
