"""Quantities in news text: counts, money, percentages, measurements, ranges.

``find_quantities(body)`` returns quantity facets with a numeric ``value`` and a
``unit``: the counted noun phrase ("59 cruise missiles" -> 59, "cruise missiles"),
a currency code for money ("$40 billion" -> 40000000000, "USD"), "percent", or
a measurement unit. Approximations ("about 60", "dozens of") are ``vague``.

Numbers that are something else are left out: years and other dates (the
date facets are passed in, or found here), ordinals ("70th", "fifth"), times
of day, phone-like digit groups, ranks ("No. 1") and model numbers
("Boeing 787"). Durations ("for 33 years") are time spans, not counts, and are
left out too. This module also holds the number-word tables the date rules use.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from factcheck_app.core.extraction import Facet

# --- number words --------------------------------------------------------

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_VALUES |= {"hundred": 100, "thousand": 1000, "dozen": 12, "a": 1, "an": 1}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 1000, "mln": 10**6, "bln": 10**9}

_ORD_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORD_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_ORD_TENS)}
_ORDINALS |= {"hundredth": 100}

_TENS_ALT = "|".join(_TENS)
_UNITS_ALT = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
CARDINAL_WORD_RE = rf"(?:(?:{_TENS_ALT})(?:[-\x20](?:{'|'.join(_UNITS[1:10])})\b)?|{_UNITS_ALT})"
ORDINAL_WORD_RE = (rf"(?:(?:{_TENS_ALT})-(?:{'|'.join(_ORD_UNITS[:9])})|{'|'.join(_ORD_TENS)}|hundredth"
                   rf"|{'|'.join(sorted(_ORD_UNITS, key=len, reverse=True))})")


def number_value(text: str) -> float | int | None:
    """The value of a number written in digits ("1,100", "3.5") or words ("twenty-five", "a")."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if t[0].isdigit():
        return _num(t)
    parts = re.split(r"[-\s]+", t)
    total = 0
    for p in parts:
        if p not in _WORD_VALUES:
            return None
        total += _WORD_VALUES[p]
    return total


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal ("70th", "fifth", "seventy-fifth") or an "N-year" adjective."""
    t = text.strip().lower()
    m = re.match(r"([0-9]+)", t)
    if m:
        return int(m.group(1))
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in _WORD_VALUES and unit in _ORDINALS:
            return _WORD_VALUES[tens] + _ORDINALS[unit]
        return None
    return _ORDINALS.get(t)


def _num(digits: str) -> float | int | None:
    try:
        d = Decimal(digits)
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def _scaled(value: float | int, scale: int) -> float | int:
    d = Decimal(str(value)) * scale
    return int(d) if d == d.to_integral_value() else float(d)


# --- units ---------------------------------------------------------------

# Measurement units: the unit is the word itself, not a counted noun phrase.
UNIT_WORDS = frozenset("""
km kms kilometre kilometres kilometer kilometers mile miles m metre metres meter meters cm mm ft foot feet
inch inches yard yards mph kph km/h knots kg kgs kilogram kilograms kilo kilos g gram grams lb lbs pound
pounds ounce ounces oz ton tons tonne tonnes litre litres liter liters gallon gallons barrel barrels bpd
acre acres hectare hectares sq square degree degrees °c °f celsius fahrenheit ghz mhz gb mb tb kb kw mw gw
kwh mwh gwh watts volts points point calories megawatts gigawatts megapixels
""".split())
_TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year
years decade decades century centuries night nights weekend weekends quarter quarters term terms""".split())
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "usd$": "USD", "au$": "AUD", "a$": "AUD",
                   "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "nt$": "TWD",
                   "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR",
                   "r$": "BRL"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                   "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rubles": "RUB",
                   "roubles": "RUB", "francs": "CHF", "pesos": "MXN", "cent": "cents", "cents": "cents",
                   "pence": "pence", "won": "KRW"}
# Words that end a counted noun phrase: prepositions, determiners, conjunctions,
# auxiliaries, pronouns and adverbs that follow numbers in news prose.
_STOP = frozenset("""
at in on of to for from with by about into onto over under after before during since per against between
than as across through toward towards near around within without among upon via amid off up down out
the a an and or but nor that which who whom whose this these those its their his her our your my
is are was were be been being has have had will would can could may might must shall should do does did
more less also still now then so not only each apiece ago earlier later too already last next each
when where while if because although though whereas yet just even
""".split())
_IRREGULAR_PLURALS = frozenset("""people aircraft police staff personnel sheep fish children men women
cattle data media feet teeth mice geese series species troops crew livestock""".split())

_MAX_BLOCK = 120  # longer than any date or phone span

# --- the quantity pattern --------------------------------------------------

_APPROX = (r"about|around|approximately|roughly|nearly|almost|some|over|more[^\S\n]+than|less[^\S\n]+than|fewer[^\S\n]+than"
           r"|at[^\S\n]+least|at[^\S\n]+most|up[^\S\n]+to|as[^\S\n]+(?:much|many|few|little)[^\S\n]+as|close[^\S\n]+to|an[^\S\n]+estimated"
           r"|just[^\S\n]+(?:over|under)|above|below|under|upwards[^\S\n]+of|in[^\S\n]+excess[^\S\n]+of|all|only|just|net|an?[^\S\n]+additional")
_CUR = r"(?:USD\$?|US\$|AU\$|A\$|CA?\$|NZ\$|HK\$|S\$|NT\$|R\$|\$|£|€|¥|₹|(?:GBP|EUR|USD|Rs\.?)[^\S\n]?)"
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|mln|bln|m|k)"
_WORDNUM = rf"(?:a[^\S\n]+dozen|(?:a|an)(?=[^\S\n]+(?:hundred|thousand|million|billion|trillion)\b)|{CARDINAL_WORD_RE})"

_QUANTITY = re.compile(
    rf"(?:(?P<approx>\b(?:{_APPROX}))[^\S\n]+)?"
    rf"(?P<cur>{_CUR})?"
    rf"(?:(?<![\w.,/@#:])(?<![A-Za-z]-)(?P<num>{_DIGITS})(?:[^\S\n]*[-–][^\S\n]*(?P<hi>{_DIGITS})(?![0-9]))?"
    rf"|\b(?P<word>{_WORDNUM})\b)"
    rf"(?:[^\S\n]*(?P<scale>{_SCALE})\b)?"
    rf"(?P<pct>[^\S\n]*(?:%|percent\b|per[^\S\n]+cent\b|percentage[^\S\n]+points?\b))?",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<mult>(?:tens|hundreds)[^\S\n]+of[^\S\n]+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)"
    r"[^\S\n]+of\b", re.IGNORECASE)
_VAGUE_VALUES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
                 "billions": 10**9}
_HALF = re.compile(r"\b(?:(?P<approx>about|around|nearly|almost|roughly|more[^\S\n]+than|less[^\S\n]+than|over|some|only)[^\S\n]+)?"
                   r"half[^\S\n]+(?:(?:a|an)[^\S\n]+(?P<what>percent|percentage[^\S\n]+point|million|billion|dozen)\b|of\b)",
                   re.IGNORECASE)
_PHONE = re.compile(r"(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{2,4}\)[^\S\n]?)?[0-9]{2,4}(?:[\s.-][0-9]{2,4}){2,}"
                    r"|\b[0-9]{3}-[0-9]{4}\b|\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\b")
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
_GLUED_OK = UNIT_WORDS | frozenset(_SCALES) | frozenset(("mw", "kwh", "mph", "km", "ghz"))
_AND_A_HALF = re.compile(r"[^\S\n]+and[^\S\n]+a[^\S\n]+half\b", re.IGNORECASE)
_LOWER_LEAD = frozenset("""the a an in on at about only some all nearly over and but with of by for to from
around almost more less up just another its their his her our after before since while when than as
approximately roughly between among including exactly estimated those these within under every each
plus minus like unlike until whereas total only at""".split())


def find_quantities(body: str, exclude: list[Facet] | None = None) -> list[Facet]:
    """Return quantity facets for ``body``.

    ``exclude`` holds facets whose spans are not quantities (normally the date
    facets); when it is None the dates are found here, so that years, days of
    the month and times never come out as counts.
    """
    if exclude is None:
        from factcheck_app.extract.dates import find_dates  # local: dates imports this module
        exclude = find_dates(body, None)
    blocked = sorted((f.start, f.end) for f in exclude)
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(body)]
    blocked.sort()
    found: list[Facet] = []
    for m in _QUANTITY.finditer(body):
        facet = _from_match(body, m)
        if facet is not None:
            found.append(facet)
    found += _vague_and_halves(body)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept = []
    for f in _drop_overlaps(found):
        f = _trim_to_free(body, blocked, f)
        if f is not None:
            kept.append(f)
    found = kept
    return _join_ranges(body, found)


def _from_match(body: str, m: re.Match) -> Facet | None:
    """Build one facet from a quantity match, or None when the number is not a quantity."""
    word = m.group("word")
    scale_word = (m.group("scale") or "").lower()
    if scale_word in ("m", "k") and not m.group("cur"):
        scale_word = ""  # "300m" without a currency is metres; "k" alone is a letter
    if word is not None:
        w = re.sub(r"\s+", " ", word.lower())
        if w in ("one", "a", "an") and not scale_word:
            return None  # "one" is mostly a pronoun ("no one", "one of them")
        value = 12 if w in ("a dozen", "dozen") else 1 if w in ("a", "an") else number_value(w)
        num_end = m.end("word")
    else:
        if _looks_like_rank_or_name(body, m.start("num"), m.group("cur")):
            return None
        num_end = m.end("hi") if m.group("hi") else m.end("num")
        glued = _GLUED.match(body, num_end)
        if glued and glued.group().lower() not in _GLUED_OK:
            return None  # an ordinal ("70th") or a code ("7e7", "150px", "A330-300E")
        if not (m.group("cur") or m.group("scale") or m.group("pct")) and _MODEL_AFTER.match(body, num_end) \
                and "," not in m.group("num") and number_value(m.group("num")) >= 100:
            return None  # a model number: "the 787 Dreamliner"
        value = number_value(m.group("num"))
    if value is None:
        return None
    if scale_word:
        value = _scaled(value, _SCALES[scale_word])
    start = m.start("approx") if m.group("approx") else m.start()
    end = m.end("pct") if m.group("pct") else (m.end("scale") if scale_word else num_end)
    approx = (m.group("approx") or "").lower()
    if approx in ("all", "only", "just", "net") or approx.startswith(("a ", "an ")):
        vague = False
    else:
        vague = bool(approx)
    subtype, unit = "count", None
    if m.group("pct"):
        subtype, unit = "percent", "percent"
    elif m.group("cur"):
        subtype = "money"
        unit = _CURRENCY_SIGNS.get(m.group("cur").strip().lower().rstrip("."), "USD")
        tail = _CURRENCY_TAIL.match(body, end)
        if tail:
            end = tail.end()
    else:
        end, unit, subtype = _unit_after(body, end, subtype)
        if subtype == "duration":
            return None
    if m.group("hi"):
        subtype = subtype if subtype != "count" else "range"
    return Facet("quantity", start, end, body[start:end], value=value, unit=unit, subtype=subtype, vague=vague)


def _looks_like_rank_or_name(body: str, num_start: int, cur: str | None) -> bool:
    """True for "No. 1", "#3" and model numbers right after a name ("Boeing 787", "FTSE 100")."""
    if cur:
        return False
    before = body[max(0, num_start - 12):num_start]
    if _RANK_BEFORE.search(before):
        return True
    name = _NAME_BEFORE.search(before)
    if name and name.group(1).lower().rstrip(".,") not in _LOWER_LEAD:
        return True
    return False


def _unit_after(body: str, end: int, subtype: str) -> tuple[int, str | None, str]:
    """Find the unit after a number: a glued or following unit word, a currency
    word, or the counted noun phrase (up to three words). Returns (end, unit, subtype)."""
    glued = re.match(r"(?:-|\s?)([A-Za-z°][A-Za-z/]*)", body[end:end + 12])
    if glued and body[end:end + 1] != " " and glued.group(1).lower() in UNIT_WORDS | _TIME_UNITS | {"%"}:
        word = glued.group(1).lower()
        if word in _TIME_UNITS or word.rstrip("s") in _TIME_UNITS:
            return end, None, "duration"
        return end + glued.end(), glued.group(1), "measure"
    if body[end:end + 1] == "-":
        hyph = re.match(r"-([A-Za-z]+)", body[end:end + 20])
        if hyph and (hyph.group(1).lower() in _TIME_UNITS or hyph.group(1).lower() + "s" in _TIME_UNITS):
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
        if low in _STOP or (not of_phrase and token[0].isupper() and low not in UNIT_WORDS):
            break
        if low.endswith("ly") and len(low) > 4:
            break  # an adverb: "30,000 jobs, mostly ..."
        words.append((token, w.end()))
        pos = w.end()
        low0 = words[0][0].lower()
        if len(words) == 1 and not of_phrase:
            if low0 in _TIME_UNITS:
                return end, None, "duration"
            if low0 in UNIT_WORDS:
                return w.end(), token, "measure"
            if low0 in _CURRENCY_WORDS:
                tail = _CURRENCY_TAIL.match(body, end)
                return (tail.end() if tail else w.end()), _CURRENCY_WORDS[low0], "money"
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
    if words[head][0].lower() in _TIME_UNITS:
        return end, None, "duration"
    unit = " ".join(t for t, _ in words[: head + 1])
    return words[head][1], unit, subtype


def _plural_like(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and word.islower()


def _vague_and_halves(body: str) -> list[Facet]:
    """'dozens of protesters', 'thousands of', 'about half of' as vague quantities."""
    out = []
    for m in _VAGUE.finditer(body):
        mult = m.group("mult").lower()
        value = _VAGUE_VALUES.get(mult.split()[0] if " " not in mult else "", None)
        if value is None:
            value = 10 * _VAGUE_VALUES[mult.split()[-1]]
        end, unit, _ = _unit_after(body, m.end(), "count")
        out.append(Facet("quantity", m.start(), end, body[m.start():end], value=value, unit=unit,
                         subtype="count", vague=True))
    for m in _HALF.finditer(body):
        what = (m.group("what") or "").lower()
        value, unit, end = 0.5, None, m.end()
        if what.startswith("percent"):
            unit = "percent"
        elif what in ("million", "billion"):
            value = _SCALES[what] // 2
        elif what == "dozen":
            value = 6
        else:
            end = m.start() + len(m.group(0)) - len("of")
            end, unit, _ = _unit_after(body, end - 1, "count")
            end = max(end, m.start() + len(m.group(0)) - 3)
        out.append(Facet("quantity", m.start(), end, body[m.start():end].rstrip(), value=value, unit=unit,
                         subtype="fraction", vague=bool(m.group("approx"))))
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
        if s <= facet.start or not re.search(r"[0-9]|\b(?:" + CARDINAL_WORD_RE + r")\b",
                                             body[facet.start:s], re.IGNORECASE):
            return None
        cut = min(cut, s)
    if cut == facet.end:
        return facet
    while cut > facet.start and not body[cut - 1].isalnum() and body[cut - 1] not in "%$£€¥":
        cut -= 1
    facet.end = cut
    facet.text = body[facet.start:cut]
    return facet


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
            if re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", lead, re.IGNORECASE):
                start = f.start - len(re.search(r"between\s+$", lead, re.IGNORECASE).group())
                value = _inherit_scale(f, nxt)
                out.append(Facet("quantity", start, nxt.end, body[start:nxt.end], value=value,
                                 unit=nxt.unit or f.unit, subtype="range", vague=f.vague))
                i += 2
                continue
            if re.fullmatch(r"\s+(?:to|or|and)\s+", gap) and f.unit is None and nxt.unit is not None:
                f.unit = nxt.unit
                f.subtype = nxt.subtype
                f.value = _inherit_scale(f, nxt)
        out.append(f)
        i += 1
    return out


def _inherit_scale(first: Facet, second: Facet) -> float | int:
    """'12 to 20 million': the first number borrows the second's scale word."""
    scale = re.search(r"\b(thousand|million|billion|trillion|bn)\b", second.text, re.IGNORECASE)
    if scale and not re.search(r"\b(thousand|million|billion|trillion|bn)\b", first.text, re.IGNORECASE):
        return _scaled(first.value, _SCALES[scale.group(1).lower()])
    return first.value
