"""Lower-casing that stands in for a case-insensitive regular expression.

``re.IGNORECASE`` matches four characters other than ASCII letters to ASCII letters
("ſ" to "s", the Kelvin sign to "k", the Turkish dotted and dotless i to "i"), and
``str.lower`` lengthens one of them. A text without them can be lower-cased and
matched by a lower-case pattern compiled without the flag: the same matches, at the
same offsets, for a regular expression that compiles several times faster.
"""
from __future__ import annotations

import re

CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})
CASE_FOLD_EXOTIC_RE = re.compile("[\u0130\u0131\u212a\u017f]")


def plain_lower(text: str) -> str | None:
    """``text`` lower-cased when that keeps every offset and every case-insensitive match; else None."""
    # The four characters are not ASCII: an ASCII text (a flag CPython keeps) needs no scan.
    return text.lower() if text.isascii() or not CASE_FOLD_EXOTIC_RE.search(text) else None


# A capital letter that is not an escape ("\\S") or a named group's "(?P", or a group that
# turns the flag off ("(?-i:CLICK)"): what lower-casing the text would break.
_CASED = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]|\(\?[a-zA-Z]*-")


def is_case_blind(source: str) -> bool:
    """Whether a pattern can be run as an IgnoreCasePattern: written in lower case, the flag never
    turned off inside it."""
    return _CASED.search(source) is None


class IgnoreCasePattern:
    """A regular expression written in lower case and matched as if compiled with ``re.IGNORECASE``.

    It is compiled without the flag and run on the lower-cased text (``plain_lower``): the
    flag makes a long alternation compile several times slower, and such patterns are
    compiled in every short batch process. A text holding one of the characters the flag
    treats specially gets the flagged pattern, compiled only then. Match offsets are the
    text's own; a group's text is lower-cased, so read the original through its span.
    """

    __slots__ = ("_source", "_plain", "_flagged")

    def __init__(self, source: str) -> None:
        if not is_case_blind(source):
            raise ValueError(f"an ignore-case pattern must be written in lower case: {source[:60]!r}")
        self._source = source
        self._plain: re.Pattern[str] | None = None
        self._flagged: re.Pattern[str] | None = None

    def _pattern_for(self, text: str) -> tuple[re.Pattern[str], str]:
        lowered = plain_lower(text)
        return self.pattern_for(lowered), text if lowered is None else lowered

    def pattern_for(self, lowered: str | None) -> re.Pattern[str]:
        """The compiled pattern to run on ``lowered``, ``plain_lower(text)`` (the text itself when
        that is None): a caller that runs several patterns lower-cases the text once."""
        if lowered is not None:
            if self._plain is None:
                self._plain = re.compile(self._source)
            return self._plain
        if self._flagged is None:
            self._flagged = re.compile(self._source, re.IGNORECASE)
        return self._flagged

    def match(self, text: str) -> re.Match[str] | None:
        """The match at the start of ``text``, ignoring case, or None."""
        pattern, subject = self._pattern_for(text)
        return pattern.match(subject)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """The match of the whole of ``text``, ignoring case, or None."""
        pattern, subject = self._pattern_for(text)
        return pattern.fullmatch(subject)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match anywhere in ``text``, ignoring case, or None."""
        pattern, subject = self._pattern_for(text)
        return pattern.search(subject)

    def findall(self, text: str) -> list:
        """Every match in ``text``, as ``re.findall`` gives them (lower-cased unless the text has
        the characters the flag treats specially)."""
        pattern, subject = self._pattern_for(text)
        return pattern.findall(subject)

    def finditer(self, text: str):
        """Every match in ``text``, ignoring case, as ``re.finditer`` gives them."""
        pattern, subject = self._pattern_for(text)
        return pattern.finditer(subject)
