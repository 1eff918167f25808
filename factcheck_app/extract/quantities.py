"""Quantities in news text: counts, money, percentages, measurements, ranges.

``find_quantities(body)`` returns quantity facets with a numeric ``value`` and a
``unit``: the counted noun phrase ("59 cruise missiles" -> 59, "cruise missiles"),
a currency code for money ("$40 billion" -> 40000000000, "USD"), "percent", or
a measurement unit. Approximations ("about 60", "dozens of") are ``vague``.

Numbers that are something else are left out: years and other dates (the
date facets are passed in, or found here), ordinals ("70th", "fifth"), times
of day, phone-like digit groups, ranks ("No. 1") and model numbers
("Boeing 787"). Durations ("for 33 years") are time spans, not counts, and are
left out too. The word tables live in ``number_words`` and ``quantity_words``.
"""
from __future__ import annotations

import bisect
import re

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FindContext
from factcheck_app.extract.number_words import (
    CARDINAL_WORD_RE,
    SCALES,
    TENS,
    UNITS,
    longest_first,
    number_value,
    ordinal_value,  # noqa: F401 - callers read it from here
    scaled,
    word_alternation,
)
from factcheck_app.extract.quantity_words import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    IRREGULAR_PLURALS,
    LOWER_LEAD,
    NOT_NAMES,
    STOP_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
)


_MAX_BLOCK = 120  # longer than any date or phone span

# --- the quantity pattern --------------------------------------------------

_APPROX = (r"about|around|approximately|roughly|nearly|almost|some|over|more[^\S\n]+than|less[^\S\n]+than|fewer[^\S\n]+than"
           r"|at[^\S\n]+least|at[^\S\n]+most|up[^\S\n]+to|as[^\S\n]+(?:much|many|few|little)[^\S\n]+as|close[^\S\n]+to|an[^\S\n]+estimated"
           r"|just[^\S\n]+(?:over|under)|above|below|under|upwards[^\S\n]+of|in[^\S\n]+excess[^\S\n]+of|all|only|just|net|an?[^\S\n]+additional")
_CUR = r"(?:USD\$?|US\$|AU\$|A\$|CA?\$|NZ\$|HK\$|S\$|NT\$|R\$|\$|£|€|¥|₹|(?:GBP|EUR|USD|Rs\.?)[^\S\n]?)"
_DIGITS = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"  # one path, no backtracking: fast to scan
_SCALE = r"(?:hundred|thousand|million|billion|trillion|crore|lakh|bn|mn|mln|bln|m|k)"


def _cased(words) -> str:
    """lower|Title alternation, longest first: a literal alternation ``re`` scans fast."""
    return "|".join(sorted({w for x in words for w in (x, x[:1].upper() + x[1:])}, key=longest_first))


# The scanning patterns start with a digit, a currency sign or a number word and
# carry no IGNORECASE or leading lookbehind, so ``re`` skips quickly to candidates;
# the words before a number ("about", "more than") are matched afterwards on a
# short slice (``_APPROX_BEFORE``), and boundaries are checked in code.
_TAIL = (rf"(?:[^\S\n]*(?P<scale>{_SCALE})\b)?"
         rf"(?P<pct>(?:[^\S\n]*|-)(?:%|percent\b|per[^\S\n]+cent\b|percentage[^\S\n]+points?\b))?")
_DIGIT_QUANTITY = re.compile(
    rf"(?P<num>{_DIGITS})(?:[^\S\n]*[-–][^\S\n]*(?P<hi>{_DIGITS})(?![0-9]))?" + _TAIL)
# A currency sign or code right before the digits ("$", "US$", "£", "USD ", "Rs. ").
_CUR_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<cur>{_CUR})$")
_CUR_LAST_CHARS = frozenset("$£€¥₹ .")
_TRIE_NUMBER_WORDS = word_alternation(
    {w for x in TENS + UNITS[1:] + ["dozen", "hundred", "thousand", "million", "billion", "trillion"]
     for w in (x, x[:1].upper() + x[1:])})
_WORD_QUANTITY = re.compile(
    rf"(?P<word>{_TRIE_NUMBER_WORDS}"
    rf"(?:[-\x20](?:{'|'.join(UNITS[1:10])})\b)?)\b" + _TAIL)
_A_BEFORE = re.compile(r"(?<![\w-])(?:a|an|A|An)[^\S\n]+$")
_APPROX_BEFORE = re.compile(rf"(?<![\w-])(?P<approx>{_APPROX})[^\S\n]+$", re.IGNORECASE)
_ANAPHORIC_BEFORE = re.compile(r"(?<![\w-])(?:the|these|those|The|These|Those)[^\S\n]+$")
_VAGUE = re.compile(
    rf"(?P<mult>{_cased(['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens'])})[^\S\n]+of\b"
    rf"(?:[^\S\n]+(?P<mult2>thousands|millions)[^\S\n]+of\b)?")
_VAGUE_VALUES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
                 "billions": 10**9}
_A_FRACTION = re.compile(r"(?:a|A|one|One)[^\S\n]+(?P<part>third|quarter|fifth|tenth)[^\S\n]+of\b")
_HALF = re.compile(r"(?:half|Half)[^\S\n]+(?:(?:a|an)[^\S\n]+(?P<what>percent|percentage[^\S\n]+point|million|billion"
                   r"|dozen)\b|of\b)")
_PHONE = re.compile(r"(?:\+[0-9]{1,3}[ .-]?)?(?:\([0-9]{2,4}\) ?)?[0-9]{2,4}(?:[ .-][0-9]{2,4}){2,}|[0-9]{3}-[0-9]{4}")
_PHONE_CHARS = frozenset("0123456789+()-. ")
_WORDS_AFTER = re.compile(r"(?:[^\S\n]+([A-Za-z][A-Za-z'’-]*))")
_OF_DET = re.compile(r"[^\S\n]+of[^\S\n]+(?:the|its|their|his|her|our|these|those|them)\b", re.IGNORECASE)
_CURRENCY_TAIL = re.compile(r"[^\S\n]*(?:\([^\S\n]*USD\b(?!\$)\)?|(?:US[^\S\n]+|U\.S\.[^\S\n]+|American[^\S\n]+)?"
                            r"(?:dollars?|euros?|pounds|yen|yuan|rupees|cents)\b)", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"(?:\b(?:No|Nos|number|version|v|chapter|section|article|page|pages|room|flight|route|highway"
                          r"|model|release|phase|episode|level|grade|vol|rule|resolution|bill|code)\.?|#)[^\S\n]*$",
                          re.IGNORECASE)
_GLUED = re.compile(r"[A-Za-z]+")
_MODEL_AFTER = re.compile(r"[^\S\n]*[\"“']?[^\S\n]*[A-Z][a-z]*[a-rt-z](?![\w-])")
_NAME_BEFORE = re.compile(r"([A-Z][\w&.'’-]*)\s$")
# Letters that may follow digits directly: units and scales ("300km", "5bn", "2GHz").
_GLUED_OK = UNIT_WORDS | frozenset(SCALES) | frozenset(("mw", "kwh", "mph", "km", "ghz", "c", "f"))
_GLUED_UNIT = re.compile(r"-?([A-Za-z°][A-Za-z/]*)")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)")
_UNIT_OR_TIME = UNIT_WORDS | TIME_UNITS | {"c", "f"}  # "41C (106F)": glued degrees only
# Last words of the approximation phrases: the regex runs only after one of them.
_APPROX_LAST = frozenset("""about around approximately roughly nearly almost some over than least most to as
estimated under above below of all only just net additional""".split())
_FRACTION_AFTER = re.compile(r"-(thirds?|quarters?|fifths?|tenths?|halves)\b")
_DENOMINATORS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10,
                 "tenths": 10, "halves": 2}
_AND_A_HALF = re.compile(r"(?:[^\S\n]+|-)and(?:[^\S\n]+|-)a(?:[^\S\n]+|-)half\b", re.IGNORECASE)
# A number someone calls or dials ("called 911", "dial 999"): a phone number, not an amount.
_DIALLED_BEFORE = re.compile(r"\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling|text|texted)"
                             r"[^\S\n]+$", re.IGNORECASE)
# "the 777 program": a number naming a thing (a model, a programme), not counting it.
_THE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+$")
# Things news names by a number: "the 777 program", "the 737 jet", "the 5G network" is no count either.
_NAMED_BY_NUMBER = frozenset("program programme project series model jet jetliner airliner aircraft plane family "
                             "line variant version platform engine chip processor phone console rifle tank "
                             "freighter fleet class".split())
_DIGIT_RUN = re.compile(r"[0-9][0-9,.]*")

def find_quantities(body: str, exclude: list[Facet] | None = None) -> list[Facet]:
    """Return quantity facets for ``body``.

    ``exclude`` holds facets whose spans are not quantities (normally the date
    facets); when it is None the dates are found here, so that years, days of
    the month and times never come out as counts.
    """
    if exclude is None:
        from factcheck_app.extract.dates import find_dates  # local: only callers that pass no dates pay for the date rules
        exclude = find_dates(body, None)
    blocked = sorted((f.start, f.end) for f in exclude)
    blocked_starts = [b[0] for b in blocked]
    names: set[str] = set()  # numbers this article uses as names ("Boeing 737")
    plain: list[tuple[Facet, str]] = []  # digit facets with no currency, scale or percent
    found: list[Facet] = []
    for pattern in (_DIGIT_QUANTITY, _WORD_QUANTITY):
        for m in pattern.finditer(body):
            s = m.start()
            if s and (body[s - 1].isalnum() or body[s - 1] == "_"):
                continue  # inside a word or a longer number
            if _inside(blocked_starts, blocked, s):
                continue  # part of a date or time: "April 11", "in 2007"
            cur_m = None
            if s and body[s - 1] in _CUR_LAST_CHARS and pattern is _DIGIT_QUANTITY:
                cur_m = _CUR_BEFORE.search(body, max(0, s - 5), s)
            lead = cur_m.start() if cur_m else s
            facet = _from_match(body, m, _approx_before(body, lead), cur_m, names)
            if facet is not None:
                found.append(facet)
                if pattern is _DIGIT_QUANTITY and not (cur_m or m.group("scale") or m.group("pct")):
                    plain.append((facet, m.group("num")))
    if names:
        # "their 737 narrowbody" when the article also says "Boeing 737": the model, not a count
        dropped = {id(f) for f, num in plain if num in names}
        found = [f for f in found if id(f) not in dropped]
    found += _vague_and_halves(body)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept = []
    for f in _drop_overlaps(found):
        f = _trim_to_free(body, blocked, f)
        if f is not None:
            kept.append(f)
    found = kept
    return _join_ranges(body, found)


def _from_match(body: str, m: re.Match, approx_m: re.Match | None, cur_m: re.Match | None,
                names: set[str]) -> Facet | None:
    """Build one facet from a quantity match, the approximation word and currency
    before it (if any), or None when the number is not a quantity. Numbers that
    turn out to be names ("Boeing 737") are added to ``names``."""
    g = m.groupdict()
    word, num, hi = g.get("word"), g.get("num"), g.get("hi")
    cur = cur_m.group("cur") if cur_m else None
    scale_word = (g["scale"] or "").lower()
    if scale_word in ("m", "k", "bn", "mn") and not cur and not _glued_scale_counts(body, m, g):
        scale_word = ""  # "300m" without a currency is metres; "k" alone is a letter
    if word is not None:
        w = re.sub(r"\s+", " ", word.lower())
        if w in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
            article = _A_BEFORE.search(body, max(0, m.start() - 4), m.start())
            if article is None:
                return None  # "300 million" is read from its digits; a bare "million" is no count
            w = "a " + w
            m_start = article.start()
            approx_m = approx_m or _approx_before(body, m_start)
        elif w == "one" and not scale_word and not _FRACTION_AFTER.match(body, m.end("word")):
            return None  # "one" is mostly a pronoun ("no one", "one of them")
        else:
            m_start = m.start()
        if w in ("two", "three") and not (scale_word or g["pct"]) \
                and _ANAPHORIC_BEFORE.search(body, max(0, m.start() - 8), m.start()):
            return None  # "the two nations": points back at things already named, not a new count
        value = number_value(w) if not w.startswith("a ") else 12 if w.endswith("dozen") else SCALES[w[2:]]
        num_end = m.end("word")
        fraction = _FRACTION_AFTER.match(body, num_end)
        if fraction and value:
            # "two-thirds of voters": a share, not a count of two
            approx = _approx_before(body, m_start)
            start = approx.start() if approx else m_start
            end = fraction.end()
            return Facet("quantity", start, end, body[start:end], value=round(value / _DENOMINATORS[fraction.group(1)], 4),
                         unit=None, subtype="fraction", vague=bool(approx))
    else:
        num_start = m.start("num")
        num_end = m.end("hi") if hi else m.end("num")
        if not cur and _glued_before(body, num_start):
            return None
        kind = _rank_or_name(body, num_start, cur)
        if kind == "name":
            names.add(num)
        if kind or _phone_or_clock(body, num_start, num_end) or _not_an_amount(body, num, num_start, num_end):
            return None
        glued = _GLUED.match(body, num_end)
        if glued and glued.group().lower() not in _GLUED_OK:
            return None  # an ordinal ("70th") or a code ("7e7", "150px", "A330-300E")
        if body[num_end:num_end + 1] == "/" and body[num_end + 1:num_end + 2].isdigit():
            return None  # "9/11", "24/7": a date, a ratio or a name, not an amount
        if hi and (number_value(hi) or 0) <= (number_value(num) or 0):
            return None  # "a 5-4 ruling", "won 3-1": a tally or score, not a range
        if not (cur or scale_word or g["pct"]) and "," not in num and _MODEL_AFTER.match(body, num_end) \
                and (number_value(num) or 0) >= 100:
            return None  # a model number: "the 787 Dreamliner"
        value = number_value(num)
    if value is None:
        return None
    if scale_word:
        value = scaled(value, SCALES[scale_word])
    start = approx_m.start() if approx_m else (m_start if word is not None else cur_m.start() if cur_m else m.start())
    end = m.end("pct") if g["pct"] else (m.end("scale") if scale_word else num_end)
    approx = re.sub(r"\s+", " ", approx_m.group("approx").lower()) if approx_m else ""
    # "all 228", "only 3", "net $5.9 billion" are exact; "about", "more than" are not.
    vague = bool(approx) and approx not in ("all", "only", "just", "net") and not approx.endswith("additional")
    subtype, unit = "count", None
    if g["pct"]:
        subtype, unit = "percent", "percent"
    elif cur:
        subtype = "money"
        unit = CURRENCY_SIGNS.get(cur.strip().lower().rstrip("."), "USD")
        tail = _CURRENCY_TAIL.match(body, end)
        if tail:
            end = tail.end()
    elif (tail := _CURRENCY_TAIL.match(body, end)) and tail.end() > end and "(" not in tail.group() \
            and not tail.group().lower().endswith("pounds"):  # "20 pounds" may be weight: left to the unit rule
        # "1.5 billion US dollars", "26 cents": the currency follows the number
        subtype, unit = "money", CURRENCY_WORDS.get(tail.group().split()[-1].lower().rstrip("."), "USD")
        end = tail.end()
    else:
        end, unit, subtype = _unit_after(body, end, subtype)
        if subtype == "duration":
            return None
    if hi and subtype == "count":
        subtype = "range"
    if (word is None and subtype == "count" and not hi and "," not in num and value >= 100 and unit
            and unit.split()[-1].lower() in _NAMED_BY_NUMBER and _THE_BEFORE.search(body, max(0, start - 5), start)):
        return None  # "the 777 program": the number names the programme ("the 5000 mark" still counts)
    return Facet("quantity", start, end, body[start:end], value=value, unit=unit, subtype=subtype, vague=vague)


def _not_an_amount(body: str, num: str, start: int, end: int) -> bool:
    """Numbers that are codes, not amounts: a leading zero ("03-7619056"), a number dialled
    ("called 911"), the number of a list item or heading ("3." opening a line)."""
    if len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return True
    if _DIALLED_BEFORE.search(body, max(0, start - 12), start):
        after = _WORDS_AFTER.match(body, end)
        return not (after and _plural_like(after.group(1)))
    line_start = body.rfind("\n", 0, start) + 1
    return (not body[line_start:start].strip() and body[end:end + 1] in ".)"
            and (end + 1 == len(body) or body[end + 1].isspace()))


def _inside(starts: list[int], blocked: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` lies inside a blocked span (spans sorted by start)."""
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0 and blocked[i][0] > pos - _MAX_BLOCK:
        if blocked[i][1] > pos:
            return True
        i -= 1
    return False


def _approx_before(body: str, pos: int) -> re.Match | None:
    """The approximation phrase ending right before ``pos`` ("about ", "more than "), if any."""
    cut = body.rfind(" ", max(0, pos - 16), pos - 1)
    last = body[cut + 1:pos].strip().lower()
    if last not in _APPROX_LAST:
        return None
    return _APPROX_BEFORE.search(body, max(0, pos - 30), pos)


def _glued_scale_counts(body: str, m: re.Match, g: dict) -> bool:
    """'1.2m people', '5k runners': a scale letter glued to digits and followed by a
    counted plural noun means million/thousand, not metres."""
    if not g.get("num") or m.start("scale") != m.end("num"):
        return False
    after = _WORDS_AFTER.match(body, m.end("scale"))
    return bool(after) and _plural_like(after.group(1)) and after.group(1).lower() not in UNIT_WORDS


def _glued_before(body: str, num_start: int) -> bool:
    """A number glued to what precedes it: a word ("A330"), a decimal or thousands
    separator, a path, a clock ("16:08"), or a hyphenated code ("COVID-19")."""
    if num_start == 0:
        return False
    prev = body[num_start - 1]
    if prev.isalnum() or prev in "_.,/@#:":
        return True
    return prev == "-" and num_start > 1 and body[num_start - 2].isalnum()


def _phone_or_clock(body: str, start: int, end: int) -> bool:
    """A phone number ("555-123-4567", "+44 20 7946 0958") or a clock time ("16:08")."""
    if body[end:end + 1] == ":" and body[end + 1:end + 2].isdigit():
        return True
    left = start
    while left > 0 and body[left - 1] in _PHONE_CHARS:
        left -= 1
    right = end
    n = len(body)
    while right < n and body[right] in _PHONE_CHARS:
        right += 1
    run = body[left:right].strip(" .-")
    if run == body[start:end]:
        return False
    return bool(_PHONE.fullmatch(run))


def _rank_or_name(body: str, num_start: int, cur: str | None) -> str | None:
    """"rank" for "No. 1", "#3"; "name" for model numbers right after a name
    ("Boeing 787", "FTSE 100"); None for a number that may be a quantity."""
    if cur:
        return None
    before = body[max(0, num_start - 12):num_start]
    if _RANK_BEFORE.search(before):
        return "rank"
    name = _NAME_BEFORE.search(before)
    if name is None:
        return None
    word = name.group(1).lower().rstrip(".,")
    if word in LOWER_LEAD or word in NOT_NAMES:
        return None
    if word.endswith(("'s", "’s", "s'")):
        # "Ford's 14 plants" counts the owner's things; "Standard & Poor's 500 index" names one
        digits = _DIGIT_RUN.match(body, num_start)
        after = _WORDS_AFTER.match(body, digits.end()) if digits else None
        return None if after and _plural_like(after.group(1)) else "rank"
    return "name"


def _unit_after(body: str, end: int, subtype: str) -> tuple[int, str | None, str]:
    """Find the unit after a number: a glued or following unit word, a currency
    word, or the counted noun phrase (up to three words). Returns (end, unit, subtype)."""
    glued = _GLUED_UNIT.match(body, end)
    if glued and glued.group(1).lower() in _UNIT_OR_TIME:
        word = glued.group(1).lower()
        if word in TIME_UNITS:
            return end, None, "duration"
        return glued.end(), glued.group(1), "measure"
    half = _AND_A_HALF.match(body, end)
    if half and body[end] == "-":
        end = half.end()  # "five-and-a-half years": the unit follows the fraction
        return _unit_after(body, end, subtype)
    if body[end:end + 1] == "-":
        hyph = _HYPHEN_WORD.match(body, end)
        if hyph and (hyph.group(1).lower() in TIME_UNITS or hyph.group(1).lower() + "s" in TIME_UNITS):
            return end, None, "duration"  # "12-year lows", "five-year plan"
        return end, None, subtype
    words: list[tuple[str, int]] = []
    pos = end
    of = _OF_DET.match(body, pos)
    of_phrase = bool(of)
    if of:
        pos = of.end()
    half = _AND_A_HALF.match(body, pos)
    if half:
        pos = half.end()  # "two and a half years": the unit follows the fraction
    for _ in range(4 if of_phrase else 3):
        w = _WORDS_AFTER.match(body, pos)
        if not w:
            break
        token = w.group(1)
        low = token.lower()
        if low in STOP_WORDS or (not of_phrase and token[0].isupper() and low not in UNIT_WORDS):
            break
        if low.endswith("ly") and len(low) > 4:
            break  # an adverb: "30,000 jobs, mostly ..."
        words.append((token, w.end()))
        pos = w.end()
        low0 = words[0][0].lower()
        if len(words) == 1 and not of_phrase:
            if low0 in TIME_UNITS:
                return end, None, "duration"
            if low0 in UNIT_WORDS:
                return w.end(), token, "measure"
            if low0 in CURRENCY_WORDS:
                tail = _CURRENCY_TAIL.match(body, end)
                return (tail.end() if tail else w.end()), CURRENCY_WORDS[low0], "money"
    head = None
    for i in range(len(words) - 1, -1, -1):
        if _plural_like(words[i][0]):
            head = i
            break
    if head is None:
        first = words[0][0] if words else ""
        if len(words) == 1 and not of_phrase and first.islower() and len(first) > 2 \
                and not first.endswith(("ed", "ing")) and not _MODEL_AFTER.match(body, words[0][1]):
            head = 0  # a singular count noun: "the 5000 mark", "a million viewer"
        else:
            return end, None, subtype
    if words[head][0].lower() in TIME_UNITS:
        return end, None, "duration"
    unit = " ".join(t for t, _ in words[: head + 1])
    return words[head][1], unit, subtype


def _plural_like(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and word.islower()


def _vague_and_halves(body: str) -> list[Facet]:
    """'dozens of protesters', 'thousands of', 'about half of' as vague quantities."""
    out = []
    for m in _VAGUE.finditer(body):
        if m.start() and body[m.start() - 1].isalnum():
            continue
        mult, mult2 = m.group("mult").lower(), m.group("mult2")
        if mult2 and mult in ("tens", "hundreds"):
            value = _VAGUE_VALUES[mult2] * (10 if mult == "tens" else 100)
        elif mult == "tens":
            continue
        else:
            value = _VAGUE_VALUES[mult]
        end, unit, _ = _unit_after(body, m.end(), "count")
        out.append(Facet("quantity", m.start(), end, body[m.start():end], value=value, unit=unit,
                         subtype="count", vague=True))
    for m in _A_FRACTION.finditer(body):
        if m.start() and body[m.start() - 1].isalnum():
            continue
        end, unit, _ = _unit_after(body, m.end("part"), "count")
        end = max(end, m.end("part"))
        approx_m = _approx_before(body, m.start())
        start = approx_m.start() if approx_m else m.start()
        out.append(Facet("quantity", start, end, body[start:end], value=round(1 / _DENOMINATORS[m.group("part")], 4),
                         unit=unit, subtype="fraction", vague=bool(approx_m)))
    for m in _HALF.finditer(body):
        if m.start() and body[m.start() - 1].isalnum():
            continue
        what = (m.group("what") or "").lower()
        value, unit, end = 0.5, None, m.end()
        if what.startswith("percent"):
            unit = "percent"
        elif what in ("million", "billion"):
            value = SCALES[what] // 2
        elif what == "dozen":
            value = 6
        else:
            end = m.start() + len(m.group(0)) - len("of")
            end, unit, _ = _unit_after(body, end - 1, "count")
            end = max(end, m.start() + len(m.group(0)) - 3)
        approx_m = _approx_before(body, m.start())
        start = approx_m.start() if approx_m else m.start()
        out.append(Facet("quantity", start, end, body[start:end].rstrip(), value=value, unit=unit,
                         subtype="fraction", vague=bool(approx_m)))
        last = out[-1]
        last.end = last.start + len(last.text)
    return out


def _drop_overlaps(facets: list[Facet]) -> list[Facet]:
    """Keep the longer of two overlapping facets (input sorted by start)."""
    kept: list[Facet] = []
    for f in facets:
        if kept and f.start < kept[-1].end:
            if f.end - f.start > kept[-1].end - kept[-1].start:
                kept[-1] = f
            continue
        kept.append(f)
    return kept


_HAS_NUMBER = re.compile(r"[0-9]|\b(?:" + CARDINAL_WORD_RE + r")\b", re.IGNORECASE)


def _trim_to_free(body: str, blocked: list[tuple[int, int]], facet: Facet) -> Facet | None:
    """Return the facet, cut short before a blocked span (a date, time or phone
    number) that its unit words run into, or None when the number itself is blocked.

    ``blocked`` is sorted by start; blocked spans are short, so only those
    starting up to ``_MAX_BLOCK`` characters before the facet can reach it.
    """
    i = bisect.bisect_left(blocked, (facet.end, -1))
    cut = facet.end
    while i > 0:
        i -= 1
        s, e = blocked[i]
        if s < facet.start - _MAX_BLOCK:
            break
        if e <= facet.start:
            continue
        if s <= facet.start or not _HAS_NUMBER.search(body, facet.start, s):
            return None
        cut = min(cut, s)
    if cut == facet.end:
        return facet
    while cut > facet.start and not body[cut - 1].isalnum() and body[cut - 1] not in "%$£€¥":
        cut -= 1
    facet.end = cut
    facet.text = body[facet.start:cut]
    return facet


_AND_GAP = re.compile(r"\s+and\s+")
_TO_GAP = re.compile(r"\s+(?:to|or|and)\s+")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion|bn)\b", re.IGNORECASE)


def _join_ranges(body: str, facets: list[Facet]) -> list[Facet]:
    """'between 50 and 60 X' becomes one range facet; in '20 to 25 percent' the first
    number takes the unit (and scale) of the second."""
    out: list[Facet] = []
    i = 0
    while i < len(facets):
        f = facets[i]
        nxt = facets[i + 1] if i + 1 < len(facets) else None
        if nxt is not None:
            gap = body[f.end:nxt.start]
            lead = body[max(0, f.start - 8):f.start]
            between = _BETWEEN_BEFORE.search(lead) if _AND_GAP.fullmatch(gap) else None
            if between:
                start = f.start - len(between.group())
                value = _inherit_scale(f, nxt)
                out.append(Facet("quantity", start, nxt.end, body[start:nxt.end], value=value,
                                 unit=nxt.unit or f.unit, subtype="range", vague=f.vague))
                i += 2
                continue
            if f.unit is None and nxt.unit is not None and _TO_GAP.fullmatch(gap):
                f.unit = nxt.unit
                f.subtype = nxt.subtype
                f.value = _inherit_scale(f, nxt)
        out.append(f)
        i += 1
    return out


def _inherit_scale(first: Facet, second: Facet) -> float | int:
    """'12 to 20 million': the first number borrows the second's scale word."""
    scale = _SCALE_WORD.search(second.text)
    if scale and not _SCALE_WORD.search(first.text):
        return scaled(first.value, SCALES[scale.group(1).lower()])
    return first.value


def quantity_facets(body: str, context: FindContext) -> list[Facet]:
    """The quantity finder as the registry runs it: numbers already read as dates are not counted again."""
    return find_quantities(body, exclude=[f for f in context.found if f.kind == "date"])
