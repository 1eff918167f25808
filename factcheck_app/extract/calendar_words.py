"""Calendar words the date rules read: months, weekdays, quarters, seasons, and the
words around a number that tell a year from a count."""
from __future__ import annotations

import datetime as dt

from factcheck_app.extract.number_words import longest_first as _longest_first

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
FULL_MONTHS = [k for k, v in MONTHS.items() if len(k) > 4 or k in ("may", "june", "july")]
ABBR_MONTHS = [k for k in MONTHS if k not in FULL_MONTHS]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _title_or_upper(words) -> str:
    """An alternation matching each word in Title case or UPPER case (news never lower-cases months)."""
    alts = sorted({w.title() for w in words} | {w.upper() for w in words}, key=_longest_first)
    return "(?:" + "|".join(alts) + ")"


MONTH_FULL_RE = _title_or_upper(FULL_MONTHS)
# One flat alternation: ``re`` scans fast for literal alternatives. Abbreviations
# only ever match in rules that require a day or year after them.
MONTH_RE = _title_or_upper(FULL_MONTHS + ABBR_MONTHS)
WEEKDAY_RE = _title_or_upper(WEEKDAYS)
ZONE_RE = r"UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|AEST|AEDT|ET|PT|local time"
MONTH_PREPOSITIONS = frozenset(("in", "since", "by", "until", "till", "from", "during", "before", "after", "of"))
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Plural nouns after a number that name events, so "the 1967 and 1973 wars" are years.
EVENT_NOUNS = frozenset("""wars elections games olympics riots protests attacks floods talks uprisings
crises championships finals negotiations accords agreements summits hearings reforms sanctions polls
bombings massacres killings strikes""".split())
FUNCTION_WORDS = frozenset("""was has is its as this thus his hers us yes does goes ours theirs whereas
sales results""".split())
# Capitalised words that may stand right before a year ("In 2009", "Since 1994").
YEAR_LEAD_WORDS = frozenset("""in since by until till during from before after through of circa early late
the fiscal and or to between than""".split())


def month_number(name: str) -> int:
    """The month number of a month name or abbreviation (any case)."""
    return MONTHS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    """Monday is 0, as in ``datetime.date.weekday``."""
    return WEEKDAYS.index(name.lower())


def season_of(d: dt.date) -> str:
    """The northern-hemisphere season code of a date (TIMEX3: SP, SU, FA, WI)."""
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 1]


# Words right before a number that make it a year whatever follows ("in 2000 ...").
STRONG_YEAR_WORDS = frozenset("""in since until till during circa c early late fiscal fy year years of before after
through by than from""".split())
# Words right before a number that make it a rank or an identifier ("No. 2000", "Flight 1549").
RANK_WORDS = frozenset("no nos number top page route flight".split())
