"""Converting between the store's offsets (Python characters) and Qt's text positions (UTF-16 units).

They differ only after characters outside the Basic Multilingual Plane (emoji, some
scripts), which count twice in Qt; without this a highlight would slide off its words.
"""
from __future__ import annotations

import bisect


class OffsetMap:
    """Maps offsets of one text both ways."""

    def __init__(self, text: str) -> None:
        # Python offsets of every astral character; empty for almost every article.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qt_astral = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Return the Qt position of Python offset ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Return the Python offset of Qt position ``position``."""
        if not self._astral:
            return position
        return position - bisect.bisect_left(self._qt_astral, position)
