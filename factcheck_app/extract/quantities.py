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
import operator
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
_CUR_SIGNS = frozenset("$£€¥₹")
# Last letters of the currency codes a space may follow ("GBP ", "EUR ", "USD ", "Rs ", "Rs. ").
_CUR_CODE_ENDS = frozenset("PRDs.")
_DIGIT_CHARS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TRIE_NUMBER_WORDS = word_alternation(
    {w for x in TENS + UNITS[1:] + ["dozen", "hundred", "thousand", "million", "billion", "trillion"]
     for w in (x, x[:1].upper() + x[1:])})
_WORD_QUANTITY = re.compile(
    rf"(?P<word>{_TRIE_NUMBER_WORDS}"
    rf"(?:[-\x20](?:{'|'.join(UNITS[1:10])})\b)?)\b" + _TAIL)
_A_BEFORE = re.compile(r"(?<![\w-])(?:a|an|A|An)[^\S\n]+$")
_APPROX_BEFORE = re.compile(rf"(?<![\w-])(?P<approx>{_APPROX})[^\S\n]+$", re.IGNORECASE)
_ANAPHORIC_BEFORE = re.compile(r"(?<![\w-])(?:the|these|those|The|These|Those)[^\S\n]+$")
_MULTIPLES = ["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"]
_VAGUE = re.compile(
    rf"(?P<mult>{_cased(_MULTIPLES)})[^\S\n]+of\b"
    rf"(?:[^\S\n]+(?P<mult2>thousands|millions)[^\S\n]+of\b)?")
# Every _VAGUE match has a multiple ending in "s" before " of": this pattern, starting with a
# plain letter, is scanned far faster, and the multiples are looked for just before its matches.
_S_OF = re.compile(r"s[^\S\n]+of\b")
# a multiple's length -> the first letters, in both cases, of the multiples that long
_MULTIPLE_FIRSTS = {n: frozenset(c for w in _MULTIPLES if len(w) == n for c in (w[0], w[0].upper()))
                    for n in sorted({len(w) for w in _MULTIPLES})}
# Plain words, scanned fast; none overlaps itself, so their matches are all their occurrences.
_FRACTION_PARTS = tuple(re.compile(w) for w in ("third", "quarter", "fifth", "tenth"))
_HALF_WORDS = (re.compile("half"), re.compile("Half"))
_VAGUE_VALUES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6,
                 "billions": 10**9}
_A_FRACTION = re.compile(r"(?:a|A|one|One)[^\S\n]+(?P<part>third|quarter|fifth|tenth)[^\S\n]+of\b")
_HALF = re.compile(r"(?:half|Half)[^\S\n]+(?:(?:a|an)[^\S\n]+(?P<what>percent|percentage[^\S\n]+point|million|billion"
                   r"|dozen)\b|of\b)")
_PHONE = re.compile(r"(?:\+[0-9]{1,3}[ .-]?)?(?:\([0-9]{2,4}\) ?)?[0-9]{2,4}(?:[ .-][0-9]{2,4}){2,}|[0-9]{3}-[0-9]{4}")
_PHONE_CHARS = frozenset("0123456789+()-. ")
_RUN_EDGE = frozenset(" .-")  # what the phone rule strips from the ends of a run
_WORDS_AFTER = re.compile(r"(?:[^\S\n]+([A-Za-z][A-Za-z'’-]*))")
_OF_DET = re.compile(r"[^\S\n]+of[^\S\n]+(?:the|its|their|his|her|our|these|those|them)\b", re.IGNORECASE)
# The characters a currency word after a number can start with (after at most one space).
_CURRENCY_TAIL_FIRST = frozenset("(uUaAdDeEpPyYrRcC")
_CURRENCY_TAIL = re.compile(r"[^\S\n]*(?:\([^\S\n]*USD\b(?!\$)\)?|(?:US[^\S\n]+|U\.S\.[^\S\n]+|American[^\S\n]+)?"
                            r"(?:dollars?|euros?|pounds|yen|yuan|rupees|cents)\b)", re.IGNORECASE)
# Words before a number that make it a rank or a label ("No. 1", "page 12", "route 66").
_RANK_WORDS = ("No Nos number version v chapter section article page pages room flight route highway model release "
               "phase episode level grade vol rule resolution bill code").split()
_RANK_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_RANK_WORDS)})\.?|#)[^\S\n]*$", re.IGNORECASE)
_RANK_LOWER = frozenset(w.lower() for w in _RANK_WORDS)
_GLUED = re.compile(r"[A-Za-z]+")
_MODEL_AFTER = re.compile(r"[^\S\n]*[\"“']?[^\S\n]*[A-Z][a-z]*[a-rt-z](?![\w-])")
_NAME_BEFORE = re.compile(r"([A-Z][\w&.'’-]*)\s$")
# Letters that may follow digits directly: units and scales ("300km", "5bn", "2GHz").
_GLUED_OK = UNIT_WORDS | frozenset(SCALES) | frozenset(("mw", "kwh", "mph", "km", "ghz", "c", "f"))
_GLUED_UNIT = re.compile(r"-?([A-Za-z°][A-Za-z/]*)")
_GLUED_UNIT_FIRST = _ASCII_LETTERS | {"-", "°"}
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)")
_UNIT_OR_TIME = UNIT_WORDS | TIME_UNITS | {"c", "f"}  # "41C (106F)": glued degrees only
# Last words of the approximation phrases: the regex runs only after one of them.
_APPROX_LAST = frozenset("""about around approximately roughly nearly almost some over than least most to as
estimated under above below of all only just net additional""".split())
# Of those, the words that are a whole phrase and end no longer one ("just over" ends in "over").
_APPROX_ALONE = frozenset("about around approximately roughly nearly almost some above below all only just net".split())
# Last words that end only two-word phrases ("more than", "up to", "at least", "an estimated").
_APPROX_PAIRS = frozenset("than to least most estimated additional".split())
# Last words that end only longer phrases, and a word one of which must come before them.
_APPROX_NEEDS = {"than": ("more", "less", "fewer"), "of": ("upwards", "excess"), "to": ("up", "close"),
                 "least": ("at",), "most": ("at",), "estimated": ("an",)}
_FRACTION_AFTER = re.compile(r"-(thirds?|quarters?|fifths?|tenths?|halves)\b")
_DENOMINATORS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10,
                 "tenths": 10, "halves": 2}
_AND_FIRST, _OF_FIRST = frozenset("aA-"), frozenset("oO")  # what "and a half", "of the" start with
_AND_A_HALF = re.compile(r"(?:[^\S\n]+|-)and(?:[^\S\n]+|-)a(?:[^\S\n]+|-)half\b", re.IGNORECASE)
# A number someone calls or dials ("called 911", "dial 999"): a phone number, not an amount.
_DIAL_WORDS = frozenset("call calls called calling dial dials dialed dialled dialing dialling text texted".split())
_DIALLED_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_DIAL_WORDS))})[^\S\n]+$", re.IGNORECASE)
_RANK_OR_DIAL_WORDS = _RANK_LOWER | _DIAL_WORDS
# "the 777 program": a number naming a thing (a model, a programme), not counting it.
_THE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+$")
# Things news names by a number: "the 777 program", "the 737 jet", "the 5G network" is no count either.
_NAMED_BY_NUMBER = frozenset("program programme project series model jet jetliner airliner aircraft plane family "
                             "line variant version platform engine chip processor phone console rifle tank "
                             "freighter fleet class".split())
_DIGIT_RUN = re.compile(r"[0-9][0-9,.]*")

_START, _END = operator.attrgetter("start"), operator.attrgetter("end")
_BARE_SCALES = frozenset(("dozen", "hundred", "thousand", "million", "billion", "trillion"))
_SPACES = re.compile(r"\s+")


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
    covered = _covered(blocked, len(body))
    names: set[str] = set()  # numbers this article uses as names ("Boeing 737")
    plain: list[tuple[Facet, str]] = []  # digit facets with no currency, scale or percent
    found: list[Facet] = []
    for pattern in (_DIGIT_QUANTITY, _WORD_QUANTITY):
        digits = pattern is _DIGIT_QUANTITY
        for m in pattern.finditer(body):
            s = m.start()
            if covered[s]:
                continue  # part of a date or time: "April 11", "in 2007"
            if s and (body[s - 1].isalnum() or body[s - 1] == "_"):
                continue  # inside a word or a longer number
            cur_m = _currency_before(body, s) if digits else None
            facet = _from_match(body, m, cur_m, names)
            if facet is not None:
                found.append(facet)
                if digits and not (cur_m or any(m.group("scale", "pct"))):
                    plain.append((facet, m.group("num")))
    if names:
        # "their 737 narrowbody" when the article also says "Boeing 737": the model, not a count
        dropped = {id(f) for f, num in plain if num in names}
        found = [f for f in found if id(f) not in dropped]
    found += _vague_and_halves(body)
    # by start, the longer first at a tie: two stable sorts on attributes are cheaper than a tuple key
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    kept = []
    for f in _drop_overlaps(found):
        # a facet with no blocked character in it or just before it meets no blocked span
        if covered.find(1, f.start - 1 if f.start else 0, f.end) >= 0:
            f = _trim_to_free(body, blocked, f)
        if f is not None:
            kept.append(f)
    found = kept
    return _join_ranges(body, found)


def _from_match(body: str, m: re.Match, cur_m: re.Match | None, names: set[str]) -> Facet | None:
    """Build one facet from a quantity match, the currency before it (if any) and the
    approximation words before those, or None when the number is not a quantity. Numbers
    that turn out to be names ("Boeing 737") are added to ``names``."""
    if m.re is _WORD_QUANTITY:
        word, scale, pct = m.group("word", "scale", "pct")
        num = hi = None
    else:
        num, hi, scale, pct = m.group("num", "hi", "scale", "pct")
        word = None
    cur = cur_m.group("cur") if cur_m else None
    scale_word = scale.lower() if scale else ""
    if scale_word in ("m", "k", "bn", "mn") and not cur and not _glued_scale_counts(body, m, num):
        scale_word = ""  # "300m" without a currency is metres; "k" alone is a letter
    if word is not None:
        w = word.lower()  # the pattern joins number words with one "-" or space: nothing to normalise
        if w in _BARE_SCALES:
            s = m.start()
            if body[s - 1:s] == " " and body[s - 2:s - 1] in _DIGIT_CHARS:
                return None  # "45 million": no "a" or "an" before it, read from the digits
            article = _A_BEFORE.search(body, max(0, s - 4), s)
            if article is None:
                return None  # "300 million" is read from its digits; a bare "million" is no count
            w = "a " + w
            m_start = article.start()
            approx_m = _approx_before(body, m.start()) or _approx_before(body, m_start)
        elif w == "one" and not scale_word and not _FRACTION_AFTER.match(body, m.end("word")):
            return None  # "one" is mostly a pronoun ("no one", "one of them")
        else:
            m_start = m.start()
            approx_m = _approx_before(body, m_start)
        if w in ("two", "three") and not (scale_word or pct) \
                and _ANAPHORIC_BEFORE.search(body, max(0, m.start() - 8), m.start()):
            return None  # "the two nations": points back at things already named, not a new count
        value = number_value(w) if not w.startswith("a ") else 12 if w.endswith("dozen") else SCALES[w[2:]]
        num_end = m.end("word")
        fraction = _FRACTION_AFTER.match(body, num_end) if body[num_end:num_end + 1] == "-" else None
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
        if not cur and body[num_start - 1:num_start] != " " and _glued_before(body, num_start):
            return None  # (a space before the number is the common case, and never glues)
        before = _plain_word_before(body, num_start)
        if before is not None and before.islower() and _word_end(before) not in _RANK_OR_DIAL_WORDS:
            kind = dialled = None  # "cut 1,200": a plain lower-case word, no rank, name or dialling word
        else:
            kind = _rank_or_name(body, num_start, cur, before)
            dialled = _dialled_before(body, num_start, before)
        if kind == "name":
            names.add(num)
        if kind or _phone_or_clock(body, num_start, num_end) or _not_an_amount(body, num, num_start, num_end, dialled):
            return None
        after = body[num_end:num_end + 1]
        if after in _ASCII_LETTERS and _GLUED.match(body, num_end).group().lower() not in _GLUED_OK:
            return None  # an ordinal ("70th") or a code ("7e7", "150px", "A330-300E")
        if after == "/" and body[num_end + 1:num_end + 2].isdigit():
            return None  # "9/11", "24/7": a date, a ratio or a name, not an amount
        value = _digits_value(num)
        if hi and (number_value(hi) or 0) <= (value or 0):
            return None  # "a 5-4 ruling", "won 3-1": a tally or score, not a range
        if not (cur or scale_word or pct) and "," not in num and _MODEL_AFTER.match(body, num_end) \
                and (value or 0) >= 100:
            return None  # a model number: "the 787 Dreamliner"
        if cur_m is None and before is not None and before.lower() not in _APPROX_LAST:
            approx_m = None  # "cut 1,200": the word before ends no approximation
        else:
            approx_m = _approx_before(body, cur_m.start() if cur_m else num_start)
    if value is None:
        return None
    if scale_word:
        value = scaled(value, SCALES[scale_word])
    start = approx_m.start() if approx_m else (m_start if word is not None else cur_m.start() if cur_m else m.start())
    end = m.end("pct") if pct else (m.end("scale") if scale_word else num_end)
    approx = _SPACES.sub(" ", approx_m.group("approx").lower()) if approx_m else ""
    # "all 228", "only 3", "net $5.9 billion" are exact; "about", "more than" are not.
    vague = bool(approx) and approx not in ("all", "only", "just", "net") and not approx.endswith("additional")
    subtype, unit = "count", None
    if pct:
        subtype, unit = "percent", "percent"
    elif cur:
        subtype = "money"
        unit = CURRENCY_SIGNS.get(cur.strip().lower().rstrip("."), "USD")
        tail = _currency_after(body, end)
        if tail:
            end = tail.end()
    elif (tail := _currency_after(body, end)) and tail.end() > end and "(" not in tail.group() \
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


def _not_an_amount(body: str, num: str, start: int, end: int, dialled: bool) -> bool:
    """Numbers that are codes, not amounts: a leading zero ("03-7619056"), a number dialled
    ("called 911"), the number of a list item or heading ("3." opening a line). ``dialled``
    says whether a word of calling or dialling comes right before the number."""
    if len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return True
    if dialled:
        after = _WORDS_AFTER.match(body, end)
        return not (after and _plural_like(after.group(1)))
    if end >= len(body) or body[end] not in ".)":
        return False  # ("" is in every string: a number ending the text is no list item)
    line_start = body.rfind("\n", 0, start) + 1
    return not body[line_start:start].strip() and (end + 1 == len(body) or body[end + 1].isspace())


def _digits_value(num: str) -> float | int | None:
    """``number_value`` of the digits the quantity pattern takes ("1,200", "3.5"), read directly."""
    digits = num.replace(",", "")
    if "." not in digits:
        return int(digits)
    # as decimal_value does for ASCII digits: whole numbers ("3.0") as int
    whole, _, fraction = digits.partition(".")
    return int(whole) if not fraction.strip("0") else float(digits)


def _plain_word_before(body: str, pos: int) -> str | None:
    """The word ending one space before ``pos`` when it is plain ASCII letters (and apostrophes:
    "country's") with a space before it, all within the 12 characters the rank, name and
    dialling rules look at; else None.

    For such a word those rules' regexes reduce to a lookup of the word, which is much
    cheaper than searching the window, and nearly every number in news follows one."""
    if pos < 2 or body[pos - 1] != " ":
        return None
    cut = body.rfind(" ", pos - 12 if pos > 12 else 0, pos - 1)
    if cut < 0:
        return None
    word = body[cut + 1:pos - 1]
    return word if word.isascii() and (word.isalpha() or word.replace("'", "").isalpha()) else None


def _word_end(word: str) -> str:
    """The letters after a plain word's last apostrophe ("s" of "country's"), lower-cased: all
    that a rule wanting a whole word right before the number can see of it."""
    return word[word.rfind("'") + 1:].lower()


def _dialled_before(body: str, start: int, word: str | None) -> bool:
    """True when a word of dialling or calling ends right before ``start`` ("called 911");
    ``word`` is ``_plain_word_before(body, start)``."""
    if word is not None:
        return _word_end(word) in _DIAL_WORDS
    return _DIALLED_BEFORE.search(body, max(0, start - 12), start) is not None


def _name_before(body: str, num_start: int, word: str | None) -> str | None:
    """The capitalised word right before ``num_start`` ("Boeing" in "Boeing 787"), from its
    first capital letter on, or None; ``word`` is ``_plain_word_before(body, num_start)``."""
    if word is None:
        name = _NAME_BEFORE.search(body[max(0, num_start - 12):num_start])
        return name.group(1) if name else None
    if word.islower():
        return None
    for i, ch in enumerate(word):
        if "A" <= ch <= "Z":
            return word[i:]
    return None


def _rank_before(body: str, num_start: int, word: str | None) -> bool:
    """True when a rank or label word ends right before ``num_start`` ("No. 1", "#3", "page 12");
    ``word`` is ``_plain_word_before(body, num_start)``."""
    if word is not None:
        return _word_end(word) in _RANK_LOWER
    return _RANK_BEFORE.search(body[max(0, num_start - 12):num_start]) is not None


_ONES = [b"\x01" * n for n in range(_MAX_BLOCK + 1)]  # the run of ones to mark a span of each length


def _covered(blocked: list[tuple[int, int]], size: int) -> bytearray:
    """One byte per character of the text, 1 where the character lies inside a blocked span
    (a date or time), so each number's check is one lookup. Like ``_trim_to_free``, a span
    covers at most ``_MAX_BLOCK`` characters from its start."""
    covered = bytearray(size + 1)
    for start, end in blocked:
        # (comparisons rather than min and max: this runs once per date in the text)
        if end > start + _MAX_BLOCK:
            end = start + _MAX_BLOCK
        if end > size:
            end = size
        if start < 0:
            start = 0  # a slice from a negative index would wrap round
        if end > start:
            covered[start:end] = _ONES[end - start]
    return covered


def _approx_before(body: str, pos: int) -> re.Match | None:
    """The approximation phrase ending right before ``pos`` ("about ", "more than "), if any."""
    cut = body.rfind(" ", pos - 16 if pos > 16 else 0, pos - 1)
    last = body[cut + 1:pos].strip().lower()
    if last not in _APPROX_LAST:
        return None
    if cut >= 0 and body[pos - 1] == " " and last in _APPROX_ALONE and body[cut + 1:pos - 1].isalpha():
        # "about 60": a one-word phrase that ends no longer one starts at that word, so the
        # pattern is tried there once instead of at each of the 30 characters before
        return _APPROX_BEFORE.match(body, cut + 1, pos)
    needs = _APPROX_NEEDS.get(last)
    if needs:
        window = body[max(0, pos - 30):pos]
        if window.isascii():
            window = window.lower()
            for word in needs:
                if word in window:
                    break
            else:
                return None  # "of 2,000" with no "upwards" or "excess" before it
        if last in _APPROX_PAIRS and cut > 0 and body[pos - 1] == " " and body[cut + 1:pos - 1].isalpha():
            # "more than 40": a two-word phrase can only start at the word before, when both
            # are plain words one space apart
            first = body.rfind(" ", max(0, pos - 30), cut)
            if first >= 0 and body[first + 1:cut].isalpha():
                return _APPROX_BEFORE.match(body, first + 1, pos)
    return _APPROX_BEFORE.search(body, max(0, pos - 30), pos)


def _currency_before(body: str, s: int) -> re.Match | None:
    """The currency sign or code right before the digits at ``s`` ("$", "US$", "GBP ", "Rs. "), if any."""
    if not s:
        return None
    prev = body[s - 1]
    if prev in _CUR_SIGNS or (prev == " " or prev == ".") and body[s - 2:s - 1] in _CUR_CODE_ENDS:
        return _CUR_BEFORE.search(body, max(0, s - 5), s)
    return None


# ASCII characters that are not white space, and "" (past the text): what _cannot_start calls plain.
_PLAIN_ASCII = frozenset(c for c in map(chr, range(128)) if not c.isspace()) | {""}


def _cannot_start(body: str, pos: int, firsts: frozenset[str]) -> bool:
    """True when the text at ``pos``, after at most one space, is a plain ASCII character
    outside ``firsts``: then a pattern that must start there (after optional spaces) with
    one of ``firsts`` cannot match, and is not tried."""
    c = body[pos:pos + 1]
    if c == " ":
        c = body[pos + 1:pos + 2]
    return c in _PLAIN_ASCII and c not in firsts


def _currency_after(body: str, end: int) -> re.Match | None:
    """The currency words right after a number ending at ``end`` ("US dollars", " (USD)"), if any."""
    if _cannot_start(body, end, _CURRENCY_TAIL_FIRST):
        return None  # after at most one space, a character no currency word starts with
    return _CURRENCY_TAIL.match(body, end)


def _glued_scale_counts(body: str, m: re.Match, num: str | None) -> bool:
    """'1.2m people', '5k runners': a scale letter glued to digits and followed by a
    counted plural noun means million/thousand, not metres."""
    if not num or m.start("scale") != m.end("num"):
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
    # The common case, decided without walking the text: when the characters on each side add
    # nothing but a space, dot or hyphen to the run of phone characters, the run stripped is
    # the number itself, which is no phone number.
    near = body[start - 1:start]
    if near not in _PHONE_CHARS or (near in _RUN_EDGE and (body[start - 2] if start >= 2 else "") not in _PHONE_CHARS):
        near = body[end:end + 1]
        if near not in _PHONE_CHARS or (near in _RUN_EDGE and body[end + 1:end + 2] not in _PHONE_CHARS):
            return False
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


def _rank_or_name(body: str, num_start: int, cur: str | None, before: str | None) -> str | None:
    """"rank" for "No. 1", "#3"; "name" for model numbers right after a name
    ("Boeing 787", "FTSE 100"); None for a number that may be a quantity."""
    if cur:
        return None
    if _rank_before(body, num_start, before):
        return "rank"
    name = _name_before(body, num_start, before)
    if name is None:
        return None
    word = name.lower().rstrip(".,")
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
    c = body[end:end + 1]
    glued = _GLUED_UNIT.match(body, end) if c in _GLUED_UNIT_FIRST else None
    if glued and glued.group(1).lower() in _UNIT_OR_TIME:
        word = glued.group(1).lower()
        if word in TIME_UNITS:
            return end, None, "duration"
        return glued.end(), glued.group(1), "measure"
    half = _AND_A_HALF.match(body, end) if c == "-" else None
    if half:
        end = half.end()  # "five-and-a-half years": the unit follows the fraction
        return _unit_after(body, end, subtype)
    if c == "-":
        hyph = _HYPHEN_WORD.match(body, end)
        if hyph and (hyph.group(1).lower() in TIME_UNITS or hyph.group(1).lower() + "s" in TIME_UNITS):
            return end, None, "duration"  # "12-year lows", "five-year plan"
        return end, None, subtype
    words: list[tuple[str, int]] = []
    pos = end
    # as _cannot_start: a plain character after at most one space rules "of the", "and a half" in or out
    nxt = body[end + 1:end + 2] if c == " " else c
    settled = nxt in _PLAIN_ASCII
    of = _OF_DET.match(body, pos) if not settled or nxt in _OF_FIRST else None
    of_phrase = bool(of)
    if of:
        pos = of.end()
        half = None if _cannot_start(body, pos, _AND_FIRST) else _AND_A_HALF.match(body, pos)
    else:
        half = _AND_A_HALF.match(body, pos) if not settled or nxt in _AND_FIRST else None
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
        pos = w.end()
        words.append((token, pos))
        if len(words) == 1 and not of_phrase:  # the first word: a unit, a currency or a time span
            if low in TIME_UNITS:
                return end, None, "duration"
            if low in UNIT_WORDS:
                return pos, token, "measure"
            if low in CURRENCY_WORDS:
                tail = _CURRENCY_TAIL.match(body, end)
                return (tail.end() if tail else pos), CURRENCY_WORDS[low], "money"
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
    unit = words[0][0] if head == 0 else " ".join([t for t, _ in words[: head + 1]])
    return words[head][1], unit, subtype


def _plural_like(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and word.islower()


def _matches_at(pattern: re.Pattern, body: str, starts: list[int]):
    """What ``pattern.finditer(body)`` yields, for a pattern whose matches (never empty) all start
    at one of ``starts``: the match at each start in turn, skipping starts inside the last match.

    Scanning the whole text for a pattern that opens with one of several words tries it at
    every letter those words start with; finding the candidates with plain string searches
    first is several times faster."""
    end = 0
    for start in sorted(set(starts)):
        if start >= end and (m := pattern.match(body, start)):
            end = m.end()
            yield m


def _multiple_starts(body: str) -> list[int]:
    """Where a _VAGUE match may start: a multiple ("dozens", "Thousands") ending in the "s" of "s of"."""
    starts = []
    for m in _S_OF.finditer(body):
        after = m.start() + 1
        for length, firsts in _MULTIPLE_FIRSTS.items():
            if after >= length and body[after - length] in firsts:
                starts.append(after - length)
    return starts


def _fraction_starts(body: str) -> list[int]:
    """Where an _A_FRACTION match may start: "a", "A", "one" or "One" and spaces before a part word."""
    starts = []
    for part in _FRACTION_PARTS:
        for i in (m.start() for m in part.finditer(body)):
            j = i
            while j > 0 and body[j - 1] != "\n" and body[j - 1].isspace():
                j -= 1
            if j < i:
                starts += [k for k in (j - 1, j - 3) if k >= 0]
    return starts


def _vague_and_halves(body: str) -> list[Facet]:
    """'dozens of protesters', 'thousands of', 'about half of' as vague quantities."""
    out = []
    for m in _matches_at(_VAGUE, body, _multiple_starts(body)):
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
    for m in _matches_at(_A_FRACTION, body, _fraction_starts(body)):
        if m.start() and body[m.start() - 1].isalnum():
            continue
        end, unit, _ = _unit_after(body, m.end("part"), "count")
        end = max(end, m.end("part"))
        approx_m = _approx_before(body, m.start())
        start = approx_m.start() if approx_m else m.start()
        out.append(Facet("quantity", start, end, body[start:end], value=round(1 / _DENOMINATORS[m.group("part")], 4),
                         unit=unit, subtype="fraction", vague=bool(approx_m)))
    for m in _matches_at(_HALF, body, [m.start() for w in _HALF_WORDS for m in w.finditer(body)]):
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
    joined = False  # the facet went into the range before it
    for f, nxt in zip(facets, facets[1:] + [None]):
        if joined:
            joined = False
            continue
        if nxt is not None:
            if _AND_GAP.fullmatch(body, f.end, nxt.start) \
                    and (between := _BETWEEN_BEFORE.search(body[max(0, f.start - 8):f.start])):
                start = f.start - len(between.group())
                value = _inherit_scale(f, nxt)
                out.append(Facet("quantity", start, nxt.end, body[start:nxt.end], value=value,
                                 unit=nxt.unit or f.unit, subtype="range", vague=f.vague))
                joined = True
                continue
            if f.unit is None and nxt.unit is not None and _TO_GAP.fullmatch(body, f.end, nxt.start):
                f.unit = nxt.unit
                f.subtype = nxt.subtype
                f.value = _inherit_scale(f, nxt)
        out.append(f)
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
