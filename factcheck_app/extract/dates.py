"""Date expressions in news text, normalised to TIMEX3 / ISO 8601 values.

``find_dates(body, published)`` returns date facets over the whole body. Absolute
dates ("Tuesday, April 11, 2017", "March 2017", "the 1990s", "the fourth quarter
of 2008") carry their own value; relative ones ("Tuesday", "last week", "two
years ago", "in March") are resolved against the published date, so re-running
with a corrected date re-resolves them. With no published date, relative
expressions are still found but carry ``value=None``.

Everything is precompiled ``re``: a few scans over the body (one for all rules
that start with a key word, one per digit-led rule; rules with a rare literal in
them are tried only where ``str.find`` or a literal-led scan finds it), each hit
checked by its rule; overlapping candidates are resolved in favour of the
longest span. The word tables live in ``calendar_words`` and ``number_words``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from factcheck_app.core.extraction import Facet
from factcheck_app.extract import named_days
from factcheck_app.extract import number_words as nums
from factcheck_app.extract.calendar_words import (
    EVENT_NOUNS,
    FULL_MONTHS,
    FUNCTION_WORDS,
    MONTH_FULL_RE,
    MONTH_PREPOSITIONS,
    MONTH_RE,
    MONTHS,
    QUARTERS,
    RANK_WORDS,
    SEASONS,
    STRONG_YEAR_WORDS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_LEAD_WORDS,
    ZONE_RE,
    month_number,
    season_of,
    weekday_number,
)
from factcheck_app.extract.facet_kinds import FindContext
from factcheck_app.extract.quantity_words import UNIT_WORDS

_MONTH = MONTH_RE
_MONTH_FULL = MONTH_FULL_RE
_WEEKDAY = WEEKDAY_RE
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|2100)"
_DAY = r"[0-9][0-9]?(?:st|nd|rd|th)?"  # checked to be 1-31 by the handlers
_ORD_WORD = nums.ORDINAL_WORD_RE
_NA = r"(?![\w%]|[.,][0-9])"  # not followed by a word character, %, or more digits

# Future cues decide whether a bare weekday or month lies ahead of the
# published date; news reports past events by default.
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|won't|'ll|is to|are to|to be held|(?:is|are|was|were) (?:due|set|scheduled|expected|slated|poised)"
    r"|plans? to|planned for|until|till|by|next|coming|upcoming)\b[^.;!?]{0,40}$",
    re.IGNORECASE,
)
# A present-tense verb of a scheduled event points ahead (TIMEX3: "The show opens on Friday",
# "goes on sale in January" are future), unless a past verb stands right before the date.
_SCHEDULED_BEFORE = re.compile(
    r"\b(?:opens|open|goes|go|starts|start|begins|begin|kicks\s+off|takes\s+place|launches|arrives|returns"
    r"|premieres|airs|debuts|closes|ends|expires|runs|plays|play|faces|face|meets|meet|hosts|host|visits|resumes"
    r"|reopens|is\s+on|are\s+on|is\s+out|comes\s+out|hits|is\s+allowed|are\s+allowed|heads|travels|lands|kicks)"
    r"\b[^.;!?]{0,50}$"
    # The plain form is a noun as often ("after its launch"): only as a verb, close before the date.
    r"|(?<!\bits\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)(?<!\btheir\s)"
    r"\b(?:close|end|run|return|launch|arrive|air|resume|reopen|travel|land)\b[^.;!?]{0,25}$", re.IGNORECASE)
_SCHEDULED_WORDS = frozenset(
    "opens open goes go starts start begins begin kicks takes launches arrives returns premieres airs debuts "
    "closes ends expires runs plays play faces face meets meet hosts host visits resumes reopens allowed out hits "
    "heads travels lands close end run return launch arrive air resume reopen travel land".split())
_LOWER_WORD = re.compile(r"[a-z]+")
_FUTURE_AUX = frozenset("will shall to ll".split())
_PAST_AUX = frozenset("did didn had hadn".split())
_FUTURE_WORDS = frozenset("will shall won ll held due set scheduled expected slated poised plans plan planned until "
                          "till by next coming upcoming".split())
# "did not run on": a past auxiliary before the verb.
_PAST_AUXILIARY_BEFORE = re.compile(r"\b(?:did|didn't|didn’t|had|hadn't|hadn’t)\s+(?:not\s+)?\w+\b[^.;!?]{0,25}$",
                                    re.IGNORECASE)
# "will be signed on": a past participle after a future auxiliary is not a past verb.
_FUTURE_PASSIVE_BEFORE = re.compile(r"\b(?:will|shall|to|'ll|’ll)\s+(?:be|have\s+been)\s+\w+(?:\s+on)?\s*$",
                                    re.IGNORECASE)
_PAST_VERBS = ("said told met made took gave sent won lost fell rose hit began came went left held saw found wrote spoke "
               "struck shot led paid sold bought brought cut put quit was were had did died killed").split()
_PAST_VERB_BEFORE = re.compile(rf"\b(?:said|told|\w+ed|{'|'.join(_PAST_VERBS[2:])})(?:\s+on)?\s*$", re.IGNORECASE)
_PAST_VERB_SET = frozenset(_PAST_VERBS)
_NEXT_YEAR_NEAR = re.compile(r"\bnext year\b", re.IGNORECASE)
_LEADING_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")


# A date starting right after one of these (or a letter or digit) is glued to a
# word, a currency sign or a number, and is not a date.
_GLUED_BEFORE = "_$£€¥.,"
_MONTH_NAME = re.compile(MONTH_RE)
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|['’]\d{2}\b")


def find_dates(body: str, published: dt.date | None) -> list[Facet]:
    """Return date facets for ``body``; relative dates resolve against ``published``.

    Values are TIMEX3 strings: ``2017-04-11``, ``2017-04``, ``2017``, ``2017-W14``,
    ``2017-Q4``, ``2017-SU``, ``199`` (decade), ``20`` (century). Times of day
    with an a.m./p.m. or zone marker are reported with their date's value.
    """
    candidates: list[tuple[int, int, str | None, str]] = []
    hits = list(_keyword_hits(body))
    months = [pos for pos, word in hits if word in MONTHS]  # spares the day-before-month rule a scan of its own
    for core, prefix, handler, where in _SCAN_RULES:
        if where is None:
            found = core.finditer(body)
        else:
            found = _matches_at(core, body, where(body, months) if where is _before_month_names else where(body))
        for m in found:
            s = m.start()
            if s and (body[s - 1].isalnum() or body[s - 1] in _GLUED_BEFORE):
                continue  # glued to a word, a currency sign or a number
            _try(body, published, m, prefix, handler, candidates)
    for pos, word in hits:  # none glued to what precedes it
        last = None  # the word before the key word, read once for all the rules tried here
        for core, prefix, handler, needs_word in _KEYWORD_RULES[word]:
            if needs_word:
                if last is None:
                    last = _last_word(body, pos)
                if not prefix.admits(last):
                    continue  # the prefix cannot match, and the rule needs it
            m = core.match(body, pos)
            if m is not None:
                _try(body, published, m, prefix, handler, candidates)
    kept = _one_year_per_date(body, _weekday_with_its_date(body, _anchor_times(body, _longest_first(candidates))))
    # Positional (kind, start, end, text, value, unit, speaker, subtype): keywords cost a third more.
    return [Facet("date", s, e, body[s:e], v, None, None, t) for s, e, v, t in kept]


_BRACKETED_DATE = re.compile(r",?[^\S\n]*[(\[]?[^\S\n]*$")
_FULL_DAY = re.compile(r"\d{4}-(\d{2})-(\d{2})")


def _weekday_with_its_date(body: str, kept: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    """"Saturday (May 18)", "Saturday, 18 May": the weekday names the date beside it, which wins."""
    out = list(kept)
    for i, ((s, e, v, t), nxt) in enumerate(zip(kept, kept[1:])):
        # The cheap tests first: most dates have no other date right after them.
        if (nxt[0] - e <= 3 and t == "date" and nxt[2] and _FULL_DAY.fullmatch(nxt[2])
                and body[s:e].strip().rstrip("’'s").lower() in WEEKDAYS
                and _BRACKETED_DATE.fullmatch(body, e, nxt[0])):
            out[i] = (s, e, nxt[2], t)
    return out


def _one_year_per_date(body: str, kept: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    """One month and day, one year within an article: a bare "July 25" takes the year the
    article gives that day elsewhere ("July 25, 2018"), or else the year of its first mention."""
    explicit: dict[tuple[str, str], str] = {}
    first: dict[tuple[str, str], str] = {}
    bare: list[int] = []
    for i, (s, e, v, t) in enumerate(kept):
        m = _FULL_DAY.fullmatch(v) if v and len(v) == 10 else None  # the length spares the regex at most
        if m is None or t != "date" or not _MONTH_NAME.search(body, s, e):
            continue
        key = (m.group(1), m.group(2))
        if _WRITTEN_YEAR.search(body, s, e):
            explicit.setdefault(key, v[:4])
        else:
            first.setdefault(key, v[:4])
            bare.append(i)
    out = list(kept)
    for i in bare:
        s, e, v, t = kept[i]
        key = (v[5:7], v[8:10])
        year = explicit.get(key) or first[key]
        out[i] = (s, e, f"{year}{v[4:]}", t)
    return out


def _try(body: str, published: dt.date | None, m: re.Match, prefix: _Prefix | None, handler: Handler,
         out: list[tuple[int, int, str | None, str]]) -> None:
    """Run one rule's handler on a core match (not glued to what precedes it) and keep what it returns."""
    s = m.start()
    if prefix is None:
        hit: re.Match | _Hit = m  # a rule without a prefix: its handler reads the match itself
    else:
        pre = prefix.search(body, max(0, s - 36), s)
        if pre is None and prefix.required:
            return  # the handler would refuse the hit: the rule needs its word before the key word
        hit = _Hit(m, pre, prefix)
    try:
        got = handler(hit, body, published)
    except (OverflowError, ValueError):
        return  # resolves outside the calendar (a published date near year 1 or 9999)
    if got is not None and got[0] < got[1]:
        out.append(got)


_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _anchor_times(body: str, kept: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    """A bare time of day ("at 18:00 UTC") takes the day of the nearest full date in
    its sentence ("made its first flight Tuesday ... at 18:00 UTC"), else the published day."""
    out = list(kept)
    for i in [i for i, c in enumerate(kept) if c[3] == "time"]:
        s, e, v, t = kept[i]
        if v is None or any(w.lower() in body[s:e].lower() for w in WEEKDAYS):
            continue
        best = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(kept) and kept[j][3] == "date" and kept[j][2] and len(kept[j][2]) == 10:
                a, b = (kept[j][1], s) if j < i else (e, kept[j][0])
                if b - a <= 60 and not _SENTENCE_BREAK.search(body, a, b):
                    dist = b - a
                    if best is None or dist < best[0]:
                        best = (dist, kept[j][2])
        if best:
            out[i] = (s, e, best[1], t)
    return out


_START, _END = itemgetter(0), itemgetter(1)


def _longest_first(cands: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    """Drop candidates that overlap a longer one (one left-to-right sweep)."""
    # By start, then longest first: two stable sorts by a C key (the later sort decides, ties keep
    # the earlier order) instead of one by a Python key.
    cands.sort(key=_END, reverse=True)
    cands.sort(key=_START)
    kept: list[tuple[int, int, str | None, str]] = []
    for c in cands:
        if kept and c[0] < kept[-1][1]:
            last = kept[-1]
            if c[1] - c[0] > last[1] - last[0]:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


# --- value helpers -------------------------------------------------------


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _context_before(body: str, start: int, width: int = 60) -> str:
    """The text of the current clause before ``start`` (at most ``width`` chars)."""
    return body[max(0, start - width):start]


def _looks_future(body: str, start: int, end: int) -> bool:
    """A future cue in the clause before the expression, and no past verb right before it."""
    before = _context_before(body, start)
    low = before.lower()
    # Each regex runs only when its words are among the clause's (most dates have none of them).
    words = set(_LOWER_WORD.findall(low))
    if "be" in words and not _FUTURE_AUX.isdisjoint(words) and _FUTURE_PASSIVE_BEFORE.search(before):
        return True
    if _past_verb_ends(before):
        return False
    if not _PAST_AUX.isdisjoint(words) and _past_auxiliary_ends(before, low):
        return False
    if (not _FUTURE_WORDS.isdisjoint(words) or " is to" in low or " are to" in low) and _FUTURE_BEFORE.search(before):
        return True
    if " is on" not in low and " are on" not in low and _SCHEDULED_WORDS.isdisjoint(words):
        return False  # the clause is part of ``low``: it has none of the scheduled verbs either
    clause = _clause(low)
    # The regex runs only when one of its verbs is among the clause's words (most clauses have none).
    return ((" is on" in clause or " are on" in clause or not _SCHEDULED_WORDS.isdisjoint(_LOWER_WORD.findall(clause)))
            and bool(_SCHEDULED_BEFORE.search(clause)))


def _past_auxiliary_ends(before: str, low: str) -> bool:
    """``_PAST_AUXILIARY_BEFORE`` in ``before`` (``low`` lower-cased): in ASCII text a match starts
    at a "did" or "had", so the search starts at the first one ("i" also matches "İ" and "ı")."""
    start = 0
    if before.isascii():
        found = [at for at in (low.find("did"), low.find("had")) if at >= 0]
        if not found:
            return False
        start = min(found)
    return _PAST_AUXILIARY_BEFORE.search(before, start) is not None


def _past_verb_ends(before: str) -> bool:
    """A past verb ends ``before`` ("said", "fell on"): ``_PAST_VERB_BEFORE`` searched in its last
    30 characters, read word by word from the end (the regex would try every position).

    The verb is a whole word (``\b`` before it, only spaces or "on" after it) that starts within
    the 30 characters; a word outside ASCII goes to the regex (case-insensitive "s", "k" and "i"
    also match "ſ", "K" and "İ", "ı")."""
    lo = max(0, len(before) - 30)
    text = before.rstrip()
    for _ in range(2):  # the verb at the end, then the verb before a final "on"
        start = len(text)
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = text[start:]
        if not word.isascii():
            return _PAST_VERB_BEFORE.search(before, lo) is not None
        if start >= lo and word:
            word = word.lower()
            if word in _PAST_VERB_SET or (len(word) >= 3 and word.endswith("ed")):
                return True
        if word != "on" or start < 2 or not text[start - 1].isspace():
            return False
        text = text[:start].rstrip()
    return False


def _clause(before: str) -> str:
    """The part of ``before`` in the same sentence (a scheduled verb in the last one says nothing)."""
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return before[cut + 1:] if cut >= 0 else before


def _resolve_weekday(wd: int, published: dt.date, mode: str) -> str:
    """``mode``: back (on or before), fwd (on or after), last/next (strictly), this (same ISO week)."""
    delta = (published.weekday() - wd) % 7
    if mode == "back":
        return (published - dt.timedelta(days=delta)).isoformat()
    if mode == "last":
        return (published - dt.timedelta(days=delta or 7)).isoformat()
    ahead = (wd - published.weekday()) % 7
    if mode == "fwd":
        return (published + dt.timedelta(days=ahead)).isoformat()
    if mode == "next":
        return (published + dt.timedelta(days=ahead or 7)).isoformat()
    return (published + dt.timedelta(days=wd - published.weekday())).isoformat()


def _year2(yy: str, published: dt.date | None) -> int:
    """Expand a two-digit year towards the past of the published date (or 2000s/1900s)."""
    n = int(yy)
    ref = (published.year if published else dt.date.today().year) % 100
    return 2000 + n if n <= ref + 1 else 1900 + n


# --- rule handlers: each gets the match, the body and published, returns
# (start, end, value, subtype) or None ----------------------------------------

Handler = Callable[[re.Match, str, "dt.date | None"], "tuple[int, int, str | None, str] | None"]


def _h_month_day(m: re.Match, body: str, pub: dt.date | None):
    month = month_number(m.group("mon"))
    day = int(_LEADING_DIGITS.match(m.group("day")).group())
    if not 1 <= day <= 31:
        return None
    if m.group("year"):
        return m.start(), m.end(), _ymd(int(m.group("year")), month, day), "date"
    if m.group("wd") is None and month == 5 and m.group("mon").lower() == "may" and not m.group("day")[0].isdigit():
        return None
    if pub is None:
        return m.start(), m.end(), None, "date"
    year = pub.year
    # A month/day without a year is this year's, unless that lands far in the
    # future of a past-tense report or far in the past of a future one.
    future = _looks_future(body, m.start(), m.end())
    if future and (month, day) < (pub.month, pub.day):
        year += 1
    elif not future and (month - pub.month) > 2:
        year -= 1
    if m.group("wd") is not None:
        year = _year_of_weekday(year, month, day, weekday_number(m.group("wd")))
    return m.start(), m.end(), _ymd(year, month, day), "date"


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year nearest ``year`` in which month/day falls on ``weekday`` ("Saturday, May 18"); the
    explicit date wins, so with no such year nearby ``year`` stands."""
    for candidate in (year, year - 1, year + 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _h_day_month(m: re.Match, body: str, pub: dt.date | None):
    month = month_number(m.group("mon"))
    day = int(_LEADING_DIGITS.match(m.group("day")).group())
    if not 1 <= day <= 31:
        return None
    year = int(m.group("year")) if m.group("year") else (pub.year if pub else None)
    return m.start(), m.end(), _ymd(year, month, day) if year else None, "date"


def _h_month_year(m: re.Match, body: str, pub: dt.date | None):
    month = month_number(m.group("mon"))
    y = m.group("year")
    year = int(y) if len(y) == 4 else _year2(y[-2:], pub)
    return m.start(), m.end(), f"{year}-{month:02d}", "date"


def _h_iso(m: re.Match, body: str, pub: dt.date | None):
    value = _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (m.start(), m.end(), value, "date") if value else None


def _h_slash(m: re.Match, body: str, pub: dt.date | None):
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else _year2(y, pub)
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    value = _ymd(year, month, day)
    return (m.start(), m.end(), value, "date") if value else None


def _h_weekday(m: re.Match, body: str, pub: dt.date | None):
    wd = weekday_number(m.group("wd"))
    if pub is None:
        return m.start(), m.end(), None, "date"
    mode = _direction(m, body)
    if mode == "this" and _looks_future(body, m.start(), m.end()):
        mode = "fwd"
    return m.start(), m.end(), _resolve_weekday(wd, pub, mode), "date"


def _direction(m: re.Match, body: str) -> str:
    """Which occurrence a weekday or named day means: "last", "next", "this", or by the
    tense around it "fwd" (on or after the published day) or "back" (on or before)."""
    mod = (m.group("mod") or "").lower()
    if mod in ("last", "past"):
        return "last"
    if mod in ("next", "coming"):
        return "next"
    if mod == "this":
        return "this"
    return "fwd" if _looks_future(body, m.start(), m.end()) else "back"


def _h_month_alone(m: re.Match, body: str, pub: dt.date | None):
    name = m.group("mon")
    mod = (m.group("mod") or "").lower().rstrip("-").strip()
    # "May" and "March" are also a verb and a noun: require a date cue word.
    if name.lower() in ("may", "march") and not mod:
        return None
    start = m.start("mon") if mod in MONTH_PREPOSITIONS else m.start()
    if pub is None:
        return start, m.end(), None, "date"
    month = month_number(name)
    year = pub.year
    if mod == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif mod == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif mod == "this":
        pass
    elif _next_year_near(body, max(0, start - 80), m.end() + 80):
        year += 1  # "in October next year"
    elif _looks_future(body, start, m.end()):
        if month < pub.month:
            year += 1
    elif month > pub.month + 1:
        year -= 1  # a past-tense mention of a later month is last year's
    return start, m.end(), f"{year}-{month:02d}", "date"


def _next_year_near(body: str, lo: int, hi: int) -> bool:
    """``_NEXT_YEAR_NEAR`` in ``body[lo:hi]``: the regex runs only where the lower-cased text has
    the words (its letters have no case-insensitive match but their capitals)."""
    return "next year" in body[lo:hi].lower() and _NEXT_YEAR_NEAR.search(body, lo, hi) is not None


def _h_relative_day(m: re.Match, body: str, pub: dt.date | None):
    if m.group("rel") == "TODAY" and _is_a_name(body, m.start("rel"), m.end("rel")):
        return None  # "USA TODAY", the "TODAY" show
    word = m.group("rel").lower()
    if word in ("night", "morning", "afternoon", "evening"):
        if m.group("mod") is None:
            return None  # only "last night", "this morning" are dates
        word = m.group("mod").lower() + " " + word
    if pub is None:
        return m.start(), m.end(), None, "date"
    offset = -1 if word.startswith(("yesterday", "last night")) else 1 if word.startswith("tomorrow") else 0
    return m.start(), m.end(), (pub + dt.timedelta(days=offset)).isoformat(), "date"


def _is_a_name(body: str, start: int, end: int) -> bool:
    """A capitalised "TODAY" inside ordinary text is a title ("USA TODAY"), not a date; in a line
    written all in capitals it is a word like the others."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    return any(ch.islower() for ch in line)


def _h_relative_unit(m: re.Match, body: str, pub: dt.date | None):
    """last/this/next/the past/earlier this/later this + week/month/year/decade/century."""
    mod = m.group("mod")
    if mod is None:
        return None  # the rule needs its word before the key word
    mod = _SPACES.sub(" ", mod.lower())
    unit = m.group("unit").lower()
    if pub is None:
        return m.start(), m.end(), None, "date"
    step = 0
    if mod in ("last", "the last", "the past", "past", "the previous", "previous"):
        step = -1
    elif mod in ("next", "the next", "the coming", "coming"):
        step = 1
    return m.start(), m.end(), _shift(pub, unit, step), "date"


def _shift(pub: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return _week(pub + dt.timedelta(days=7 * step))
    if unit == "month":
        y, mo = _add_months(pub, step)
        return f"{y}-{mo:02d}"
    if unit == "year":
        return str(pub.year + step)
    if unit == "decade":
        return str(pub.year // 10 + step)
    return f"{pub.year // 100 + step:02d}"  # century


def _h_year_ref(m: re.Match, body: str, pub: dt.date | None):
    """'the previous year', 'the year before', 'a year ago' and friends: year minus one."""
    if pub is None:
        return m.start(), m.end(), None, "date"
    return m.start(), m.end(), str(pub.year - 1), "date"


def _h_ago(m: re.Match, body: str, pub: dt.date | None):
    if m.group("n") is None:
        return None  # the rule needs its word before the key word
    n = nums.number_value(m.group("n"))
    unit = m.group("unit").lower().rstrip("s")
    if n is None or pub is None:
        return (m.start(), m.end(), None, "date") if n is not None else None
    n = int(n)
    if unit == "day":
        return m.start(), m.end(), (pub - dt.timedelta(days=n)).isoformat(), "date"
    if unit == "week":
        return m.start(), m.end(), (pub - dt.timedelta(days=7 * n)).isoformat(), "date"
    if unit == "month":
        y, mo = _add_months(pub, -n)
        return m.start(), m.end(), f"{y}-{mo:02d}", "date"
    if unit == "decade":
        return m.start(), m.end(), str(pub.year - 10 * n), "date"
    return m.start(), m.end(), str(pub.year - n), "date"


def _h_year_part(m: re.Match, body: str, pub: dt.date | None):
    """early/late/mid-2009, the end of this year, the beginning of the year: the year
    (or the month: "the end of the month")."""
    y = m.group("year")
    if y and y[0].isdigit():
        return m.start(), m.end(), y, "date"
    if pub is None:
        return m.start(), m.end(), None, "date"
    words = (y or "this year").lower().split()
    step = -1 if words[0] == "last" else 1 if words[0] == "next" else 0
    if words[-1] == "month":  # "the end of the month", "the start of next month"
        year, month = _add_months(pub, step)
        return m.start(), m.end(), f"{year}-{month:02d}", "date"
    return m.start(), m.end(), str(pub.year + step), "date"


def _h_quarter(m: re.Match, body: str, pub: dt.date | None):
    q = m.group("q")
    if q is None:
        return None  # the rule needs its word before the key word
    q = QUARTERS[q.lower()]
    half = m.group("part").lower() == "half"
    written_year = m.group("year")
    year = _ref_year(written_year, pub)
    lead = (m.group("lead") or "").lower()
    if q == 4 and lead == "last" and not written_year and not half:
        # "last quarter" (no article, no year) is the previous quarter.
        if pub is None:
            return m.start(), m.end(), None, "date"
        cur = (pub.month - 1) // 3 + 1
        year, q = (pub.year, cur - 1) if cur > 1 else (pub.year - 1, 4)
    if year is None:
        return m.start(), m.end(), None, "date"
    fiscal = "FY" if m.group("fiscal") else ""
    if half:
        return m.start(), m.end(), f"{fiscal}{year}-H{min(q, 2)}", "date"
    return m.start(), m.end(), f"{fiscal}{year}-Q{q}", "date"


def _h_q_code(m: re.Match, body: str, pub: dt.date | None):
    year = m.group("year") or (str(pub.year) if pub else None)
    return m.start(), m.end(), f"{year}-Q{m.group('q')}" if year else None, "date"


def _h_season(m: re.Match, body: str, pub: dt.date | None):
    name = m.group("season")
    season = SEASONS[name.lower()]
    mod = (m.group("mod") or "").lower()
    y = m.group("year")
    if y is None and not mod and name.islower():
        return None  # a bare lower-case "spring"/"fall" is too often not a date
    if y is not None:
        return m.start(), m.end(), f"{y}-{season}", "date"
    if pub is None:
        return m.start(), m.end(), None, "date"
    order = ("WI", "SP", "SU", "FA")
    cur = order.index(season_of(pub))
    idx = order.index(season)
    year = pub.year
    if mod == "last" and idx >= cur:
        year -= 1
    elif mod == "next" and idx <= cur:
        year += 1
    return m.start(), m.end(), f"{year}-{season}", "date"


def _h_named_day(m: re.Match, body: str, pub: dt.date | None):
    name = m.group("name")
    if not named_days.is_named(name):
        return None
    if pub is None:
        return m.start(), m.end(), None, "date"
    day = named_days.resolve_named_day(name, pub, _direction(m, body))
    return m.start(), m.end(), day.isoformat() if day else None, "date"


def _h_fiscal_year(m: re.Match, body: str, pub: dt.date | None):
    """'fiscal 2020', 'fiscal year 2020', 'FY2020', 'FY20': TIMEX3's fiscal year value FY2020."""
    y = m.group("fy") or m.group("fy2")  # "fiscal 2020" or "FY20"
    year = int(y) if len(y) == 4 else _year2(y, pub)
    return m.start(), m.end(), f"FY{year}", "date"


def _h_decade(m: re.Match, body: str, pub: dt.date | None):
    digits = m.group("dec").lstrip("'’")
    if len(digits) == 4 and not digits.startswith(("1", "20")):
        return None
    if len(digits) == 4:
        return m.start(), m.end(), digits[:3], "date"
    year = _year2(digits, pub)
    return m.start(), m.end(), str(year)[:3], "date"


def _h_century(m: re.Match, body: str, pub: dt.date | None):
    if m.group("n") is None:
        return None  # the rule needs its word before the key word
    n = nums.ordinal_value(m.group("n"))
    if not n or n > 21:
        return None
    return m.start(), m.end(), f"{n - 1:02d}", "date"


def _h_anniversary(m: re.Match, body: str, pub: dt.date | None):
    if m.group("n") is None:
        return None  # the rule needs its word before the key word
    n = nums.ordinal_value(m.group("n"))
    if not n:
        return None
    if pub is None:
        return m.start(), m.end(), None, "anniversary"
    return m.start(), m.end(), str(pub.year - n), "anniversary"


def _h_year(m: re.Match, body: str, pub: dt.date | None):
    start, end = m.span()  # the year is the whole match (a look-ahead follows it)
    if not is_year_in_context(body, start, end):
        return None
    return start, end, body[start:end], "date"


def _h_short_year(m: re.Match, body: str, pub: dt.date | None):
    if m.pre is None:
        return None
    return m.start("y"), m.end(), str(_year2(m.group("yy"), pub)), "date"


def _h_time(m: re.Match, body: str, pub: dt.date | None):
    # A time needs "a.m."/"p.m." or a colon and a zone ("16:08 UTC"); a bare
    # "6:40" may be a score or a ratio.
    hour = int(_LEADING_DIGITS.match(m.group(0)).group())
    if hour > (12 if m.group("ampm") else 23):
        return None
    if m.group("wd"):
        if pub is None:
            return m.start(), m.end(), None, "time"
        mode = "fwd" if _looks_future(body, m.start(), m.end()) else "back"
        return m.start(), m.end(), _resolve_weekday(weekday_number(m.group("wd")), pub, mode), "time"
    return m.start(), m.end(), pub.isoformat() if pub else None, "time"


def _h_weekend(m: re.Match, body: str, pub: dt.date | None):
    if m.group("mod") is None:
        return None  # the rule needs its word before the key word
    if pub is None:
        return m.start(), m.end(), None, "date"
    mod = m.group("mod").lower()
    step = -1 if mod == "last" or (mod.startswith("over") and pub.weekday() < 5) else 1 if mod == "next" else 0
    return m.start(), m.end(), _week(pub + dt.timedelta(days=7 * step)) + "-WE", "date"


def _ref_year(text: str | None, pub: dt.date | None) -> int | None:
    """A year written as digits, 'this year', 'last year' or 'next year' (or none: published year)."""
    if text and text[0].isdigit():
        return int(text)
    if pub is None:
        return None
    word = (text or "this").lower().split()[0]
    return pub.year + {"last": -1, "next": 1}.get(word, 0)


# --- years as bare numbers -----------------------------------------------

_AFTER_WORD = re.compile(r"\s*(%|[A-Za-z]+(?:-[A-Za-z]+)?)?")


def is_year_in_context(body: str, start: int, end: int) -> bool:
    """True when the 4-digit number at ``body[start:end]`` reads as a year.

    Years are 1000-2100 written without a thousands comma. A currency sign,
    a decimal or "No." before, a name right before ("Windows 2000"), or a
    counted plural noun or unit after ("2000 troops", "1500 km") make it a
    number; a date preposition before ("in", "since", "by") makes it a year
    whatever follows.
    """
    prev_char = body[start - 1] if start else " "
    if prev_char in "$£€¥#":
        return False
    words = body[max(0, start - 16):start].rsplit(None, 1)  # only the last word is wanted
    prev = words[-1] if words else ""
    low = prev.lower().rstrip(".")
    if prev_char.isspace() and prev:
        if low in RANK_WORDS:
            return False
        if prev.isalpha() and prev[0].isupper() and low not in YEAR_LEAD_WORDS:
            return False  # a name: "Windows 2000", "Boeing 1000"
    if end < len(body) and body[end] in "%°":
        return False
    if low in STRONG_YEAR_WORDS or low.endswith("mid-"):
        return True
    after = _AFTER_WORD.match(body, end).group(1) or ""
    low = after.lower()
    if low in ("percent", "per", "%") or low in UNIT_WORDS:
        return False
    if low.endswith("s") and len(low) > 3 and low not in FUNCTION_WORDS and low not in EVENT_NOUNS \
            and after.islower() and not low.endswith(("ss", "us", "is")):
        return False  # "2000 troops"
    return True


# --- the rules, compiled once --------------------------------------------
#
# Each rule is (core, prefix, handler). The core starts with the rule's key
# word or digit and carries no leading \b, case-insensitive flag or optional
# prefix, so ``re`` can skip quickly to candidate positions; the optional words
# before it ("last", "the", a weekday, an ordinal) are matched afterwards by
# ``prefix`` on the few characters before each hit. This keeps extraction well
# above 1 MB/s.

_W = r"[^\S\n]"  # a space that does not cross a line: dates never run across lines


def _ci(words: str) -> str:
    """A case-sensitive alternation of each word in lower, Title and UPPER case."""
    alts = set()
    for w in words.split("|"):
        alts |= {w, w[:1].upper() + w[1:], w.upper()}
    return "(?:" + "|".join(sorted(alts, key=nums.longest_first)) + ")"


def _core(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class _Prefix:
    """Words that may stand right before a core, ending at the core's start.

    ``last_words`` lists the words such a prefix can end with; the regex only
    runs when the word before the core is one of them (or a number, when
    ``numbers`` is set), which spares a regex search at most hits.

    ``words`` is the most words (runs of non-space characters) a match can span,
    so the search starts in front of the last ones; None where a run of hyphens
    and spaces can repeat ("mid - - 1990s"). ``required``: the rule's handler
    refuses a hit without the prefix, so it is not even called. ``names`` and
    ``core_names`` are the group names of the prefix and of the core(s) it
    stands before, for ``_Hit``'s look-ups.
    """

    __slots__ = ("pattern", "_regex", "last_words", "numbers", "required", "words", "_names", "core_names")

    def __init__(self, pattern: str, last_words: str | None, numbers: bool = False, required: bool = False,
                 words: int | None = None):
        self.pattern = r"(?<![\w-])(?:" + pattern + ")$"
        self.words = words
        self._regex: re.Pattern | None = None
        self._names: frozenset[str] = frozenset()
        self.last_words = frozenset(last_words.split()) if last_words else None
        self.numbers = numbers
        self.required = required
        self.core_names: frozenset[str | int] | None = None

    @property
    def regex(self) -> re.Pattern:
        # Compiled on first use: many prefixes never run on a short article, and
        # compiling all of them at import slows every process start.
        if self._regex is None:
            self._regex = re.compile(self.pattern, re.IGNORECASE)
            self._names = frozenset(self._regex.groupindex)
        return self._regex

    @property
    def names(self) -> frozenset[str]:
        """The prefix's group names (it has matched, so its regex is compiled)."""
        return self._names

    def admits(self, word: str) -> bool:
        """Whether the prefix can end with ``word``, the word before the core (lower case,
        without "," and "-" around it, as ``last_word`` gives it)."""
        return (self.last_words is None or word in self.last_words or word.split("-")[0] in self.last_words
                or (self.numbers and word[:1].isdigit()))

    def stands_before(self, core: re.Pattern) -> None:
        """Record the group names of a core this prefix stands before (all its cores have the same)."""
        names = frozenset(core.groupindex) | frozenset(range(core.groups + 1))
        assert self.core_names in (None, names), "a prefix shared by cores with different groups"
        self.core_names = names

    def search(self, body: str, lo: int, hi: int) -> re.Match | None:
        """The leftmost match of the prefix ending at ``hi`` and starting at ``lo`` or later."""
        regex = self._regex or self.regex
        words = self.words
        if self.last_words is None and words is None:
            return regex.search(body, lo, hi)
        tail = body[lo:hi].rsplit(None, words or 1)
        if self.last_words is not None and not self.admits(tail[-1].strip(",-").lower() if tail else ""):
            return None
        if words is not None and len(tail) > words:
            # A match spans at most ``words`` words, so none starts before the space in front of
            # the last ones: the regex need not try the positions before it.
            lo += len(tail[0])
        return regex.search(body, lo, hi)


def _last_word(body: str, hi: int) -> str:
    """The word before ``hi`` as ``_Prefix.admits`` takes it (a prefix's window is 36 characters)."""
    tail = body[max(0, hi - 36):hi].rsplit(None, 1)
    return tail[-1].strip(",-").lower() if tail else ""


def _prefix(pattern: str, last_words: str | None = None, numbers: bool = False, required: bool = False,
            words: int | None = None) -> _Prefix:
    return _Prefix(pattern, last_words, numbers, required, words)


def _occurrences(body: str, needle: str) -> list[int]:
    """Every index where ``needle`` occurs in ``body`` (``str.find`` skips ahead in C)."""
    found = []
    at = body.find(needle)
    while at >= 0:
        found.append(at)
        at = body.find(needle, at + 1)
    return found


_ZERO_S = re.compile(r"0(?=s|['’]s)")  # a literal "0" first: the scan skips ahead in C


def _before_decade_ends(digits: int) -> Callable[[str], list[int]]:
    """Where a decade written with ``digits`` characters before its final "0s" ("1990s": 3,
    "’90s": 2; "1990's" too) can start: that many characters before each "0s", "0's", "0’s"."""
    def where(body: str) -> list[int]:
        ends = [m.start() for m in _ZERO_S.finditer(body)]
        if digits == 2:  # "’90s": no apostrophe before the s
            ends = [at for at in ends if body[at + 1] == "s"]
        return [at - digits for at in ends if at >= digits]
    return where


def _before_slashes(body: str) -> list[int]:
    """Where a date written with slashes ("4/11/2017") can start: one or two digits before a slash."""
    return sorted({at - k for at in _occurrences(body, "/") for k in (1, 2) if at >= k})


_DIGITS = frozenset("0123456789")
_DAY_OR_OF_ENDS = _DIGITS | frozenset("tdhf")


def _before_month_names(body: str, months: list[int] | None = None) -> list[int]:
    """Where a day before its month ("11 April", "3rd of May") can start: one to four characters
    (the day's digits and "st", "nd", "rd", "th") before the spaces, and "of" and spaces, in
    front of a month name written in Title case or capitals. A digit must stand there.

    ``months``: where month names start, spaced from what precedes them (the date finder has
    them from its key-word scan); else every place a month name starts, found by a scan."""
    starts = set()
    for month in [m.start() for m in _MONTH_NAME.finditer(body)] if months is None else months:
        at = month
        while at and body[at - 1] != "\n" and body[at - 1].isspace():
            at -= 1
        if at == month or not at or body[at - 1] not in _DAY_OR_OF_ENDS:
            continue  # a day is followed by at least one space, and ends in a digit, "st", "nd", "rd", "th" or "of"
        ends = [at]
        if body[at - 2:at] == "of":
            of = at - 2
            while of and body[of - 1] != "\n" and body[of - 1].isspace():
                of -= 1
            if of < at - 2:
                ends.append(of)
        starts.update(end - k for end in ends for k in (1, 2, 3, 4) if end >= k and body[end - k] in _DIGITS)
    return sorted(starts)


_ISO_FIRST_DASH = re.compile(r"-(?=[01][0-9]-)")


def _before_iso_dashes(body: str) -> list[int]:
    """Where an ISO date ("2008-03-01") can start: four characters before a dash that is followed
    by a month's two digits and another dash (a scan for a literal dash skips ahead in C)."""
    return [m.start() - 4 for m in _ISO_FIRST_DASH.finditer(body) if m.start() >= 4]


# The "m" of "am", "pm", "a.m.", "p.m." (a scan for a literal "m" skips ahead in C; the
# look-behind runs only at each "m").
_AM_PM_M = re.compile(r"m(?:(?<=[ap]m)|(?<=[ap]\.m))")


def _before_times(body: str) -> list[int]:
    """Where a time of day ("18:00 UTC", "9 a.m.", "5pm") can start: one or two digits before a
    colon, or before "am", "pm", "a.m.", "p.m." and the spaces (not line breaks) in between."""
    starts = {at - k for at in _occurrences(body, ":") for k in (1, 2)}
    for m in _AM_PM_M.finditer(body):
        at = m.start() - (1 if body[m.start() - 1] != "." else 2)  # where "am" or "a.m." starts
        while at and body[at - 1] != "\n" and body[at - 1].isspace():
            at -= 1
        if at and body[at - 1] in _DIGITS:  # the hour's last digit
            starts.update((at - 1, at - 2))
    return sorted(at for at in starts if at >= 0)


def _at_apostrophes(body: str) -> list[int]:
    """Where a two-digit year ("’17") can start: at an apostrophe."""
    return sorted(_occurrences(body, "'") + _occurrences(body, "’"))


def _matches_at(core: re.Pattern, body: str, starts: list[int]) -> Iterator[re.Match]:
    """What ``core.finditer(body)`` gives, trying only ``starts`` (sorted): every index where a
    match can start must be among them. Each try comes after the end of the last match, as the
    scan would."""
    done = 0
    for at in starts:
        if at >= done:
            m = core.match(body, at)
            if m is not None:
                yield m
                done = m.end()


_ZONE = rf"\(?(?:{ZONE_RE})(?:{_W}*[+-]{_W}*[0-9]{{1,2}})?\)?"
_MONTH_KEYS = tuple(MONTHS)
_DECADE_BEFORE = _prefix(rf"(?:the{_W}+)?(?:(?:early|mid|late)(?:{_W}|-)+)?", "the early mid late")
_WD_BEFORE = _prefix(rf"(?P<wd>{'|'.join(WEEKDAYS)}),?{_W}+(?:the{_W}+)?", " ".join(WEEKDAYS) + " the", words=2)
_ORD_BEFORE = rf"(?P<n>[0-9]{{1,3}}(?:st|nd|rd|th)|{_ORD_WORD})"
_YEAR_WORDS = rf"(?:this|last|next){_W}+year\b"

# (core, prefix, handler, key words | None | where): a rule keyed by words is tried where one of them
# starts; the others are scanned for over the whole body, or only where ``where(body)`` says a match
# can start (indexes found with str.find: every start the scan could find must be among them).
_RULES: list[tuple[re.Pattern, _Prefix | None, Handler, "Sequence[str] | Callable[[str], list[int]] | None"]] = [
    (_core(rf"(?P<mon>{_MONTH})\.?{_W}+(?P<day>{_DAY})\b(?!:|[.,][0-9])(?:,?{_W}+(?P<year>{_YEAR})\b)?"),
     _WD_BEFORE, _h_month_day, _MONTH_KEYS),
    (_core(rf"(?P<day>{_DAY}){_W}+(?:of{_W}+)?(?P<mon>{_MONTH})\b\.?(?:,?{_W}+(?P<year>{_YEAR})\b)?"),
     _prefix(rf"(?:(?P<wd>{'|'.join(WEEKDAYS)}),?{_W}+)?the{_W}+|(?P<wd2>{'|'.join(WEEKDAYS)}),?{_W}+",
             " ".join(WEEKDAYS) + " the", words=2), _h_day_month, _before_month_names),
    (_core(rf"(?P<mon>{_MONTH})\.?,?{_W}+(?:of{_W}+)?(?P<year>{_YEAR}|['’][0-9]{{2}})\b"), None, _h_month_year, _MONTH_KEYS),
    (_core(r"((?:1[0-9]|20)[0-9]{2})-([01][0-9])-([0-3][0-9])\b"), None, _h_iso, _before_iso_dashes),
    (_core(r"([0-9][0-9]?)/([0-9][0-9]?)/([0-9]{4}|[0-9]{2})(?![\w/])"), None, _h_slash, _before_slashes),
    (_core(rf"(?P<wd>{_WEEKDAY})\b(?:['’]s)?"), _prefix(rf"(?P<mod>last|next|this|past|coming){_W}+", "last next this past coming", words=1), _h_weekday, WEEKDAYS),
    (_core(rf"(?P<mon>{_MONTH_FULL})\b(?!(?:{_W}|\.)*[0-9])"),
     _prefix(rf"(?P<mod>last|next|this|early|late|mid-?|in|since|by|until|till|from|during|before|after|of){_W}*",
             "last next this early late mid in since by until till from during before after of", words=1),
     _h_month_alone, FULL_MONTHS),
    (_core(rf"(?P<rel>{_ci('today|tonight|yesterday|tomorrow')})\b(?:{_W}+(?:morning|afternoon|evening|night)\b)?"),
     _prefix(rf"(?:earlier|later){_W}+", "earlier later", words=1), _h_relative_day,
     ("today", "tonight", "yesterday", "tomorrow")),
    (_core(rf"(?P<rel>night|morning|afternoon|evening)\b"), _prefix(rf"(?P<mod>last|this){_W}+", "last this", required=True, words=1), _h_relative_day,
     ("night", "morning", "afternoon", "evening")),
    (_core(rf"(?P<unit>{_ci('week|month|year|decade|century')})\b(?!['’]s{_W}+[0-9])"),
     _prefix(rf"(?P<mod>last|this|next|(?:the{_W}+)?(?:past|previous|coming)|the{_W}+last|the{_W}+next"
             rf"|earlier{_W}+this|later{_W}+this|so{_W}+far{_W}+this){_W}+", "last this next past previous coming",
             required=True, words=3), _h_relative_unit, ("week", "month", "year", "decade", "century")),
    (_core(rf"(?:previous{_W}+year|year{_W}+(?:before|previous|earlier|ago))\b"),
     _prefix(rf"(?P<det>the|a){_W}+", "the a", words=1), _h_year_ref, ("previous", "year")),
    (_core(rf"(?P<unit>days?|weeks?|months?|years?|decades?){_W}+ago\b"),
     _prefix(rf"(?P<n>{nums.CARDINAL_WORD_RE}|[0-9]{{1,3}}|a|an){_W}+", nums.CARDINAL_WORDS + " a an", numbers=True,
             required=True, words=2), _h_ago, ("day", "week", "month", "year", "decade")),
    (_core(rf"{_ci('early|late|mid')}(?:{_W}|-)+(?P<year>{_YEAR}\b|{_YEAR_WORDS})"), None, _h_year_part, ("early", "late", "mid")),
    (_core(rf"{_ci('beginning|start|end|middle|turn|close')}{_W}+of{_W}+(?P<year>{_YEAR}\b|(?:the|this|last|next){_W}+(?:year|month)\b)"),
     _prefix(rf"the{_W}+", "the", words=1), _h_year_part,
     ("beginning", "start", "end", "middle", "turn", "close")),
    (_core(rf"(?P<part>{_ci('quarter|half')})\b(?:{_W}+(?:of|in){_W}+(?P<fiscal>{_ci('fiscal')}{_W}+(?:{_ci('year')}{_W}+)?)?"
           rf"(?P<year>{_YEAR}\b|{_YEAR_WORDS}))?"),
     _prefix(rf"(?:(?P<lead>the|last|this){_W}+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:{_W}|-)",
             "first second third fourth final last 1st 2nd 3rd 4th", required=True, words=2),
     _h_quarter, ("quarter", "half")),
    (_core(rf"Q(?P<q>[1-4])(?:{_W}+(?P<year>{_YEAR})\b)?(?!\w)"), None, _h_q_code, None),
    (_core(rf"(?:{_ci('fiscal')}{_W}+(?:{_ci('year')}{_W}+)?(?P<fy>{_YEAR})|FY{_W}?(?P<fy2>{_YEAR}|[0-9]{{2}}))\b"),
     None, _h_fiscal_year, ("fiscal", "fy")),
    (_core(rf"(?P<name>(?i:{named_days.NAMED_DAY_RE}))\b"),
     _prefix(rf"(?P<mod>last|next|this|past|coming){_W}+", "last next this past coming", words=1), _h_named_day,
     named_days.FIRST_WORDS),
    (_core(rf"(?P<season>spring|Spring|summer|Summer|autumn|Autumn|winter|Winter|fall|Fall)\b(?:{_W}+(?:of{_W}+)?(?P<year>{_YEAR})\b)?"),
     _prefix(rf"(?:(?P<mod>last|this|next|early|late|mid-?){_W}+)?(?:the{_W}+)?", "last this next early late mid the", words=2), _h_season, tuple(SEASONS)),
    (_core(r"(?P<dec>[12][0-9][0-9]0)['’]?s\b"), _DECADE_BEFORE, _h_decade, _before_decade_ends(3)),
    (_core(r"(?P<dec>(?:'|’)[0-9]0)s\b"), _DECADE_BEFORE, _h_decade, _before_decade_ends(2)),
    (_core(rf"{_ci('century')}\b"), _prefix(rf"(?:the{_W}+)?{_ORD_BEFORE}(?:{_W}|-)+", required=True), _h_century, ("century",)),
    (_core(rf"{_ci('anniversary')}\b"), _prefix(rf"(?P<n>[0-9]{{1,3}}(?:st|nd|rd|th)|{_ORD_WORD}|[0-9]{{1,3}}-year){_W}+", required=True, words=1),
     _h_anniversary, ("anniversary",)),
    (_core(rf"(?P<year>{_YEAR}){_NA}"), None, _h_year, None),
    (_core(r"(?P<y>['’])(?P<yy>[0-9]{2})(?![\w'’])"), _prefix(rf"(?:in|since|of|class{_W}+of|until|by){_W}+", "in since of until by", required=True, words=2),
     _h_short_year, _at_apostrophes),
    (_core(rf"[0-9][0-9]?(?:(?P<min>:[0-5][0-9])?{_W}*(?P<ampm>[ap]\.m\.|[ap]m\b)(?:{_W}*{_ZONE})?"
           rf"|:[0-5][0-9]{_W}*{_ZONE})(?:{_W}+(?:on{_W}+)?(?P<wd>{_WEEKDAY})\b)?"), None, _h_time, _before_times),
    (_core(rf"{_ci('weekend')}\b"), _prefix(rf"(?P<mod>this|last|next|over{_W}+the|at{_W}+the){_W}+", "this last next the", required=True, words=2), _h_weekend, ("weekend",)),
]


def _link_prefixes() -> None:
    """Tell each prefix the group names of the core it stands before."""
    for core, prefix, _handler, _keys in _RULES:
        if prefix is not None:
            prefix.stands_before(core)


_link_prefixes()


def _keyword_index() -> dict[str, list[tuple[re.Pattern, _Prefix | None, Handler, bool]]]:
    """Per key word, the rules to try where it starts (rules keyed by a shorter word that
    the hit starts with too: "middle" also tries the "mid" rule, "years" the "year" rules),
    each with whether it needs a prefix that the word before the key word must admit."""
    by_word: dict[str, list] = {}
    for core, prefix, handler, keys in _RULES:
        needs_word = prefix is not None and prefix.required and prefix.last_words is not None
        for k in () if keys is None or callable(keys) else keys:
            by_word.setdefault(k, []).append((core, prefix, handler, needs_word))
    words = set(by_word) | {w + "s" for w in ("day", "week", "month", "year", "decade")}
    index = {}
    for w in words:
        rules = []
        for k, rs in by_word.items():
            if w.startswith(k):
                rules += [r for r in rs if r not in rules]
        index[w] = rules
    return index


_KEYWORD_RULES = _keyword_index()
# Key words are written in lower case, Title case or capitals: found in the lower-cased body (one
# alternation, a third of the size), each hit then checked against the body as written. Words
# glued to a letter, a digit, a currency sign or a number ("market", "$5") are skipped, as every
# rule's match there would be refused: the scan matches the character before the word, which
# must be none of those. (A look-behind would say the same, but a pattern that opens with one
# is tried at every character; one that opens with a character class skips ahead in C.) The
# class names the ASCII word characters (a table look-up, where ``\w`` asks the Unicode
# database at every character); a word after a letter or digit outside ASCII ("é") is dropped
# after the scan. The body is scanned with a space put before it, so a word at its very start
# has its character too. A key word followed by a letter ("market", "decision") is skipped:
# every rule's core needs its first word to end there (a space, "\b", ".", "-", "'" or, for
# "FY2020", a digit follows it), and that word is itself a key word, so the longest key word
# the scan finds is the core's whole first word.
_KEY_WORD_SEPARATOR = r"[^0-9A-Za-z_$£€¥.,]"
_KEYWORD_SCAN = re.compile(_KEY_WORD_SEPARATOR + nums.word_alternation(_KEYWORD_RULES) + "(?![a-z])")
_CASED_KEYWORDS: re.Pattern | None = None


def _keyword_hits(body: str) -> Iterator[tuple[int, str]]:
    """(start, key word) of every key word written in lower case, Title case or capitals that
    is not glued to what precedes it nor followed by a letter, as a scan for those spellings
    (longest first) finds them. A word in mixed case ("DECade") is none: a shorter key word
    inside it ("DEC") is followed by a letter. The character before a word the scan admits
    is never one that glues (a letter or digit, "_", "$", "£", "€", "¥", ".", ","), for every
    character whose lower case is one character (the others go to the cased scan)."""
    if "\u0130" in body:  # "İ" lower-cases to two characters: every offset after it would move
        yield from _cased_keyword_hits(body)
        return
    for hit in _KEYWORD_SCAN.finditer(" " + body.lower()):
        word = hit.group()
        if not word.isascii() and word[0].isalnum():
            continue  # glued to a letter or digit outside ASCII: ``\w`` before it
        pos = hit.start()  # the word's start in ``body``: the space put before it shifts by one
        word = word[1:]
        written = body[pos:pos + len(word)]
        if written == word or written == word.upper() or written == word[:1].upper() + word[1:]:
            yield pos, word


def _cased_keyword_hits(body: str) -> Iterator[tuple[int, str]]:
    """``_keyword_hits`` by a scan for the three spellings of every key word."""
    global _CASED_KEYWORDS
    if _CASED_KEYWORDS is None:
        variants = {v for w in _KEYWORD_RULES for v in (w, w[:1].upper() + w[1:], w.upper())}
        _CASED_KEYWORDS = re.compile(nums.word_alternation(variants))
    for hit in _CASED_KEYWORDS.finditer(body):
        pos = hit.start()
        if body[hit.end():hit.end() + 1].lower()[:1] in _ASCII_LETTERS:
            continue  # followed by a letter, as ``_KEYWORD_SCAN`` skips it
        if not (pos and (body[pos - 1].isalnum() or body[pos - 1] in _GLUED_BEFORE)):
            yield pos, hit.group().lower()


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


# Rules scanned for on their own: over the whole body, or only where ``where`` says a match can start.
_SCAN_RULES = [(core, prefix, handler, keys) for core, prefix, handler, keys in _RULES if keys is None or callable(keys)]

# Groups spelled twice in alternative branches of one rule.
_GROUP_ALIASES = {"wd": "wd2", "fy": "fy2"}


class _Hit:
    """A rule's hit: the core match plus the optional prefix match just before it.

    Offers the ``re.Match`` methods the handlers use; a group is looked up in
    the core first, then in the prefix, then under its alias (two spellings of
    one group in alternative branches).
    """

    __slots__ = ("core", "pre", "_rule", "_start")

    def __init__(self, core: re.Match, pre: re.Match | None, rule: _Prefix):
        self.core = core
        self.pre = pre
        self._rule = rule  # the prefix, which knows its own and its core's group names
        self._start = pre.start() if pre is not None and pre.end() > pre.start() else core.start()

    def _where(self, name):
        # Unrolled (core, then prefix): handlers ask for groups tens of thousands of times a megabyte.
        # A group number is the core's (``core_names`` holds them too).
        rule = self._rule
        if name in rule.core_names and self.core.group(name) is not None:
            return self.core
        pre = self.pre
        if pre is not None and name in rule.names and pre.group(name) is not None:
            return pre
        return None

    def group(self, name=0):
        if name == 0:
            return self.core.string[self._start:self.core.end()]
        # ``_where`` written out: the most called method of the date finder.
        rule = self._rule
        if name in rule.core_names:
            found = self.core.group(name)
            if found is not None:
                return found
        pre = self.pre
        if pre is not None and name in rule.names:
            found = pre.group(name)
            if found is not None:
                return found
        return self.group(_GROUP_ALIASES[name]) if name in _GROUP_ALIASES else None

    def start(self, name=None):
        if name is None:
            return self._start
        m = self._where(name)
        return m.start(name) if m is not None else -1

    def end(self, name=None):
        if name is None:
            return self.core.end()
        m = self._where(name)
        return m.end(name) if m is not None else -1


def date_facets(body: str, context: FindContext) -> list[Facet]:
    """The date finder as the registry runs it."""
    return find_dates(body, context.published)
