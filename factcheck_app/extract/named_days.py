"""Named days: holidays and observances news dates events by ("on Thanksgiving", "by Christmas Day").

Each name maps to a rule giving its date in a year: a fixed day of a month,
the nth (or last) weekday of a month, or an offset from Easter Sunday
(computed with the anonymous Gregorian algorithm). US observances are the
ones US news means by the bare name ("Labor Day", "Thanksgiving").
"""
from __future__ import annotations

import datetime as dt
import re

# name -> ("fixed", month, day) | ("nth", month, weekday 0=Mon, n; -1 = last) | ("easter", offset days)
_RULES: dict[str, tuple] = {
    "new year's day": ("fixed", 1, 1), "new year's eve": ("fixed", 12, 31),
    "christmas day": ("fixed", 12, 25), "christmas eve": ("fixed", 12, 24), "christmas": ("fixed", 12, 25),
    "boxing day": ("fixed", 12, 26), "valentine's day": ("fixed", 2, 14), "st. patrick's day": ("fixed", 3, 17),
    "st patrick's day": ("fixed", 3, 17), "independence day": ("fixed", 7, 4), "fourth of july": ("fixed", 7, 4),
    "july fourth": ("fixed", 7, 4), "halloween": ("fixed", 10, 31), "veterans day": ("fixed", 11, 11),
    "veterans' day": ("fixed", 11, 11), "armistice day": ("fixed", 11, 11), "remembrance day": ("fixed", 11, 11),
    "bastille day": ("fixed", 7, 14), "canada day": ("fixed", 7, 1), "australia day": ("fixed", 1, 26),
    "bonfire night": ("fixed", 11, 5), "guy fawkes night": ("fixed", 11, 5), "may day": ("fixed", 5, 1),
    "juneteenth": ("fixed", 6, 19), "labor day": ("nth", 9, 0, 1), "labour day": ("nth", 9, 0, 1),
    "memorial day": ("nth", 5, 0, -1), "martin luther king day": ("nth", 1, 0, 3),
    "martin luther king jr. day": ("nth", 1, 0, 3), "mlk day": ("nth", 1, 0, 3),
    "presidents day": ("nth", 2, 0, 3), "presidents' day": ("nth", 2, 0, 3), "columbus day": ("nth", 10, 0, 2),
    "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
    "black friday": ("nth+", 11, 3, 4, 1), "cyber monday": ("nth+", 11, 3, 4, 4),
    "mother's day": ("nth", 5, 6, 2), "father's day": ("nth", 6, 6, 3),
    "easter sunday": ("easter", 0), "easter": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "pentecost": ("easter", 49), "election day": ("election",),
}

# Longest names first, so "Christmas Day" wins over "Christmas"; apostrophes curly or straight.
NAMED_DAY_RE = "|".join(
    re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+")
    for name in sorted(_RULES, key=len, reverse=True))
# The first word of every name (before any apostrophe): the date finder's key words for the rule.
FIRST_WORDS = tuple(sorted({re.split(r"[\s'.]", name)[0] for name in _RULES}))
_CAPITALISED = re.compile(r"[A-Z]")


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def named_day(name: str, year: int) -> dt.date | None:
    """The date of a named day in ``year`` ("thanksgiving", 2019 -> 2019-11-28); None if unknown."""
    rule = _RULES.get(" ".join(name.lower().replace("’", "'").split()))
    if rule is None:
        return None
    kind = rule[0]
    if kind == "fixed":
        return dt.date(year, rule[1], rule[2])
    if kind == "nth":
        return _nth_weekday(year, rule[1], rule[2], rule[3])
    if kind == "nth+":
        return _nth_weekday(year, rule[1], rule[2], rule[3]) + dt.timedelta(days=rule[4])
    if kind == "easter":
        return easter(year) + dt.timedelta(days=rule[1])
    # US Election Day: the Tuesday after the first Monday of November.
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)


def is_named(text: str) -> bool:
    """Named days are proper names: written with a capital ("Thanksgiving", not "thanksgiving" in a slogan)."""
    return bool(_CAPITALISED.match(text))


def resolve_named_day(name: str, published: dt.date, mode: str) -> dt.date | None:
    """The occurrence a mention means: ``mode`` "last"/"next" (strictly before/after the published
    date), "this" (the published year's), "back" (on or before) or "fwd" (on or after)."""
    this_year = named_day(name, published.year)
    if this_year is None:
        return None
    if mode == "this":
        return this_year
    if mode in ("back", "last"):
        if this_year < published or (mode == "back" and this_year == published):
            return this_year
        return named_day(name, published.year - 1)
    if this_year > published or (mode == "fwd" and this_year == published):
        return this_year
    return named_day(name, published.year + 1)
