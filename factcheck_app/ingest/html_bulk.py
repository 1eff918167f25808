"""The bulk of a saved page that is never article text (scripts, styles, drawings, comments,
pictures inlined as data addresses), found in one pass with ``str.find``.

Regular expressions with lazy ``.*?`` retry from every unclosed ``<script`` or quote, which
turns a hostile page into minutes of work; these scans never look at a character twice.
"""
from __future__ import annotations

import re

BULK_ELEMENTS = ("script", "style", "svg", "noscript", "template")
_OPENING = re.compile(r"<(script|style|svg|noscript|template)\b", re.IGNORECASE)
_DATA_ADDRESS = re.compile(r"""(["'])data:""", re.IGNORECASE)
_MIN_DATA_CHARS = 200


def without_bulk(html: str, elements: tuple[str, ...] = BULK_ELEMENTS) -> str:
    """Return ``html`` with the given elements (opening tag to closing tag) and comments
    replaced by a space; an element or comment left open runs to the end of the page."""
    lower = html.lower()
    wanted = {name.lower() for name in elements}
    parts: list[str] = []
    position = 0
    comment = lower.find("<!--")
    match = _next_opening(html, 0, wanted)
    while comment >= 0 or match is not None:
        # each "next" is searched again only once the scan has passed it, so nothing is read twice
        if comment >= 0 and (match is None or comment < match.start()):
            start = comment
            end = lower.find("-->", start + 4)
            stop = len(html) if end < 0 else end + 3
        else:
            start = match.start()
            end = lower.find(f"</{match.group(1).lower()}", match.end())
            close = lower.find(">", end) if end >= 0 else -1
            stop = len(html) if close < 0 else close + 1
        parts.append(html[position:start])
        parts.append(" ")
        position = stop
        if 0 <= comment < position:
            comment = lower.find("<!--", position)
        if match is not None and match.start() < position:
            match = _next_opening(html, position, wanted)
    parts.append(html[position:])
    return "".join(parts)


def _next_opening(html: str, position: int, wanted: set[str]) -> re.Match[str] | None:
    match = _OPENING.search(html, position)
    while match is not None and match.group(1).lower() not in wanted:
        match = _OPENING.search(html, match.end())
    return match


def without_data_addresses(html: str) -> str:
    """Return ``html`` with long quoted ``data:`` addresses (inlined pictures and fonts) emptied."""
    parts: list[str] = []
    position = 0
    for match in _DATA_ADDRESS.finditer(html):
        if match.start() < position:
            continue
        end = html.find(match.group(1), match.end())
        if end < 0:
            break
        if end - match.end() >= _MIN_DATA_CHARS:
            parts.append(html[position:match.start()])
            parts.append(match.group(1) * 2)
            position = end + 1
    parts.append(html[position:])
    return "".join(parts)


def json_ld_blocks(html: str, start: int = 0, limit: int = 20, max_chars: int = 500_000) -> list[str]:
    """Return the text of up to ``limit`` ``<script type="application/ld+json">`` blocks from ``start`` on."""
    lower = html.lower()
    blocks: list[str] = []
    position = start
    while len(blocks) < limit:
        opening = lower.find("<script", position)
        if opening < 0:
            break
        tag_end = lower.find(">", opening)
        if tag_end < 0:
            break
        closing = lower.find("</script", tag_end)
        end = len(html) if closing < 0 else closing
        if "ld+json" in lower[opening:tag_end] and end - tag_end <= max_chars:
            blocks.append(html[tag_end + 1:end])
        if closing < 0:
            break
        position = closing + 8
    return blocks
