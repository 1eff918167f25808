"""Calendar dates as news pages write them, turned into ISO ``YYYY-MM-DD`` strings."""
from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Each pattern finds one date anywhere in a string; the named groups say which part is which.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),   # April 11, 2017
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),   # 11 April 2017
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2017-04-11
)


def _iso(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return _dt.date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """Return the first valid calendar date in ``text`` as (ISO string, its match), or None."""
    best: tuple[str, re.Match[str]] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match["year"], match["month"], match["day"])
            if iso and (best is None or match.start() < best[1].start()):
                best = (iso, match)
                break
    return best


def iso_date_prefix(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` from a metadata value such as ``2017-04-11T15:00:00-04:00``, or None."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"((?:1[89]|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        return _iso(*match.groups())
    found = find_date(value)
    return found[0] if found else None
