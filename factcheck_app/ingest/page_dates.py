"""A web page's own publication date, as a calendar date where the page was published.

A timestamp such as ``2019-11-20T01:50:59Z`` is the evening of the 19th in New York: its UTC
date is the wrong day for the article (and moves every "last Tuesday" with it). The local
date comes from the timestamp's own offset, from another timestamp of the page that carries
one, from the zone or the date of the page's visible "Published ..." stamp, in that order.
"""
from __future__ import annotations

import datetime as dt
import html as html_entities
import re
from dataclasses import dataclass

from factcheck_app.ingest.dates import find_date, iso_date_prefix
from factcheck_app.ingest.html_bulk import without_bulk

# Zones news pages print beside a time; fixed offsets in hours (daylight-saving forms named apart).
ZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
    "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "PHT": 8, "WIB": 7, "ICT": 7, "PKT": 5,
    "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12, "NZDT": 13, "SAST": 2, "WAT": 1, "EAT": 3,
}
# "ET", "PT": the zone without saying whether daylight saving applies; named by its region.
REGION_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
_STANDARD_OFFSETS = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}

_ZONE = r"(?-i:" + "|".join(sorted(list(ZONE_OFFSETS) + list(REGION_ZONES), key=len, reverse=True)) + r")\b"
_TIME = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)"
_LABEL = r"(?P<label>first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified)"
# A visible stamp: "Published: Monday, November 18th, 2019", "Published 7:07 PM EST Nov 19, 2019",
# "Updated Nov. 19, 2019 at 8:50 p.m. ET".
_STAMP_START = re.compile(
    rf"\b{_LABEL}\b\s*(?:on|at)?\s*:?\s*(?:(?P<time>{_TIME})\s*(?P<zone>{_ZONE})?\s*,?\s*(?:on\s+)?)?", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"^\s*,?\s*(?:at\s+|[|·•-]\s*)?{_TIME}\s*(?P<zone>{_ZONE})?", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]{0,2000}>")  # stops at the next "<": one pass, whatever the page
_MAX_SCAN_CHARS = 3_000_000
_WINDOW = 80
_MAX_LABELS = 2000  # a page's own stamps come early; a page of nothing but "Published" is not read to its end


@dataclass(frozen=True)
class VisibleStamp:
    """A "Published ..." stamp the reader sees: its date, its label and the zone printed with it."""

    date: str
    label: str
    zone: str | None = None
    #: The time of day printed with it, as "HH:MM" (24-hour), when there is one.
    clock: str | None = None


def visible_text(html: str) -> str:
    """Return the page's text without scripts, tags or entities, lines kept apart (bounded)."""
    text = without_bulk(html[:_MAX_SCAN_CHARS])
    return html_entities.unescape(_TAGS.sub("\n", text))


def visible_stamps(text: str) -> list[VisibleStamp]:
    """Return every labelled date stamp in the page's visible text, in page order."""
    stamps = []
    for start, _ in zip(_STAMP_START.finditer(text), range(_MAX_LABELS)):
        window = text[start.end(): start.end() + _WINDOW].split("\n\n")[0]
        found = find_date(window)
        if not found or window[: found[1].start()].strip(" ,:|-–—\n"):
            continue
        iso, match = found
        zone, clock = start["zone"], _clock(start["time"])
        after = _TIME_AFTER.match(window[match.end():])
        if after:
            zone, clock = zone or after["zone"], clock or _clock(after.group(0))
        stamps.append(VisibleStamp(iso, " ".join(start["label"].lower().split()), zone, clock))
    return stamps


_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?\s*([ap])\.?\s?m", re.IGNORECASE)


def _clock(text: str | None) -> str | None:
    """"8:50 PM" -> "20:50"; None when ``text`` holds no time of day."""
    match = _CLOCK.search(text or "")
    if not match or not 1 <= int(match[1]) <= 12:
        return None
    hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0)
    return f"{hour:02d}:{match[2] or '00'}"


def time_text_stamps(text: str) -> list[VisibleStamp]:
    """The stamp a <time> element shows ("Nov. 19, 2019 8:50 PM ET"), labelled "published" by default."""
    labelled = visible_stamps(text)
    if labelled:
        return labelled
    found = find_date(text)
    if not found or len(text) > 120:
        return []
    iso, match = found
    zone = re.search(rf"{_TIME}\s*(?P<zone>{_ZONE})", text, re.IGNORECASE)
    return [VisibleStamp(iso, "shown", zone["zone"] if zone else None, _clock(text))]


def _parse(value: str) -> dt.datetime | None:
    """Return an aware or naive datetime for an ISO timestamp with a time part, else None."""
    value = value.strip()
    if len(value) <= 10 or not re.match(r"\d{4}-\d\d-\d\d[T ]\d", value):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None


def _zone_offset(zone: str, moment: dt.datetime) -> dt.timedelta:
    """Return the offset of ``zone`` (an abbreviation) at ``moment`` (aware, UTC)."""
    if zone in REGION_ZONES:
        try:
            from zoneinfo import ZoneInfo

            offset = moment.astimezone(ZoneInfo(REGION_ZONES[zone])).utcoffset()
            if offset is not None:
                return offset
        except Exception:  # no time-zone database on this system: standard time is a day-safe guess
            pass
        return dt.timedelta(hours=_STANDARD_OFFSETS[zone])
    return dt.timedelta(hours=ZONE_OFFSETS[zone])


def local_publication_date(stamps: list[str], visible: list[VisibleStamp], others: list[str] = ()) -> str | None:
    """Return the page's publication date (ISO) from its machine ``stamps`` (best first) and
    the ``visible`` stamps, in the time zone the page was published in; ``others`` are the
    page's other timestamps (modified, created), used only for their offset.

    The first usable stamp is the moment. When it is given in UTC, the day where the page was
    published comes from, in turn: the zone printed beside a visible stamp; a visible stamp
    whose time of day is this very moment in some zone; another timestamp's offset; the date
    of a visible stamp without a time, a day apart at most. Otherwise the UTC date stands.
    """
    first = next((value for value in stamps if iso_date_prefix(value)), None)
    published = [stamp for stamp in visible if stamp.label in ("published", "first published", "posted")]
    if first is None:
        chosen = published or visible
        return chosen[0].date if chosen else None
    moment = _parse(first)
    if moment is None or moment.tzinfo is None or moment.utcoffset() != dt.timedelta(0):
        return iso_date_prefix(first)
    ordered = published + [stamp for stamp in visible if stamp not in published]
    for stamp in ordered:
        if stamp.zone and stamp.zone not in ("UTC", "GMT", "Z"):
            return (moment + _zone_offset(stamp.zone, moment)).date().isoformat()
    for stamp in ordered:
        if stamp.clock and _same_moment(stamp, moment):
            return stamp.date
    for other in [*stamps, *others]:
        parsed = _parse(other)
        if parsed is not None and parsed.tzinfo is not None and parsed.utcoffset() != dt.timedelta(0) \
                and abs(parsed - moment) <= dt.timedelta(hours=36):
            return (moment + parsed.utcoffset()).date().isoformat()
    utc_day = moment.date()
    for stamp in ordered:  # a date without a time of day: "November 18, 2019" under the headline
        if not stamp.clock and stamp.label != "updated" and abs((dt.date.fromisoformat(stamp.date) - utc_day).days) <= 1:
            return stamp.date
    return utc_day.isoformat()


def _same_moment(stamp: VisibleStamp, moment: dt.datetime) -> bool:
    """Whether the stamp's date and time of day are ``moment`` (UTC) seen in some real zone:
    an offset between -12 and +14 hours, in quarter hours give or take two minutes."""
    shown = dt.datetime.fromisoformat(f"{stamp.date}T{stamp.clock}")
    offset = (shown - moment.replace(tzinfo=None)).total_seconds() / 60
    return -12 * 60 <= offset <= 14 * 60 and abs(offset - 15 * round(offset / 15)) <= 2
