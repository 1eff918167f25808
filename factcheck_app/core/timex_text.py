"""Readable text for TIMEX3 / ISO 8601 date values ("2017-W14" -> "week of 3 April 2017 (2017-W14)").

Pure functions, no I/O: the article view's tooltips and the reports can both use them.
"""
from __future__ import annotations

import datetime as dt
import re

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_QUARTERS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_HALVES = {"1": "first", "2": "second"}
_REFS = {
    "PRESENT_REF": "now (at publication)",
    "PAST_REF": "some time before publication",
    "FUTURE_REF": "some time after publication",
}


def _day_text(day: dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def describe_timex(value: str | None) -> str:
    """Return a readable description of a TIMEX3 date value, keeping the raw value in brackets.

    None means the expression could not be resolved (no published date). Values this
    function does not know are returned unchanged, never refused.
    """
    if value is None or not str(value).strip():
        return "not resolved (the article has no published date)"
    text = str(value).strip()
    if text in _REFS:
        return _REFS[text]
    if re.fullmatch(r"\d{4}", text):
        return f"the year {text}"
    if m := re.fullmatch(r"(\d{3})", text):
        return f"the {m.group(1)}0s ({text})"
    if m := re.fullmatch(r"(\d{2})", text):
        return f"the {m.group(1)}00s ({text})"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return f"{dt.date(2000, month, 1).strftime('%B')} {m.group(1)} ({text})"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", text):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return text
        return f"week of {monday.day} {monday.strftime('%B')} {monday.year} ({text})"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", text):
        return f"{_SEASONS[m.group(2)]} {m.group(1)} ({text})"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        return f"{_QUARTERS[m.group(2)]} quarter of {m.group(1)} ({text})"
    if m := re.fullmatch(r"(\d{4})-H([12])", text):
        return f"{_HALVES[m.group(2)]} half of {m.group(1)} ({text})"
    if m := re.fullmatch(r"FY(\d{4})(?:-(Q[1-4]|H[12]))?", text):
        part = m.group(2)
        if part is None:
            return f"fiscal year {m.group(1)} ({text})"
        ordinal = (_QUARTERS if part[0] == "Q" else _HALVES)[part[1]]
        return f"{ordinal} {'quarter' if part[0] == 'Q' else 'half'} of fiscal year {m.group(1)} ({text})"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}).*)?", text):
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError:
            return text
        at = f", {m.group(2)}" if m.group(2) else ""
        return f"{_day_text(day)}{at} ({text})"
    return text
