"""Dates written for people: "30 November 2026, 05:47 UTC", "14 March 2024", "March 2024".

Reports show these; the JSON export keeps the ISO values they are made from.
"""
from __future__ import annotations

import functools
from datetime import date, datetime, timezone

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@functools.lru_cache(maxsize=4096)  # a report repeats the same few dates thousands of times
def human_date(value: str | None, *, with_time: bool = True) -> str:
    """Return an ISO date or moment as people write it; text that is not ISO comes back unchanged.

    A moment (with a time) is shown in UTC with its time unless ``with_time`` is False;
    a partial date keeps its precision ("2024-03" is "March 2024").
    """
    if not value:
        return ""
    text = str(value).strip()
    try:
        if "T" in text:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is not None:
                moment = moment.astimezone(timezone.utc)
            day = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
            return f"{day}, {moment:%H:%M} UTC" if with_time else day
        parts = text.split("-")
        if len(parts) == 1 and len(text) == 4 and text.isdigit():
            return text
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return f"{MONTHS[month - 1]} {year}"
        day = date.fromisoformat(text)
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    except (ValueError, IndexError):
        return text


def human_day(value: str | None) -> str:
    """Return the day of an ISO date or moment as people write it ("30 November 2026")."""
    return human_date(value, with_time=False)
