"""Number words and their values: cardinals, ordinals, scale words.

Used by the quantity rules and by the date rules ("two years ago", "the 70th
anniversary"). Pure tables and small parsers; no scanning of text here.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(UNITS)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
WORD_VALUES |= {"hundred": 100, "thousand": 1000, "dozen": 12, "a": 1, "an": 1}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 1000, "mln": 10**6, "bln": 10**9,
          "crore": 10**7, "lakh": 10**5}

ORD_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
ORDINALS = {w: i + 1 for i, w in enumerate(ORD_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(ORD_TENS)}
ORDINALS |= {"hundredth": 100}

CARDINAL_WORDS = " ".join(UNITS[1:] + TENS)  # for quick membership tests
_TENS_ALT = "|".join(TENS)
_UNITS_ALT = "|".join(sorted(UNITS[1:], key=len, reverse=True))
CARDINAL_WORD_RE = rf"(?:(?:{_TENS_ALT})(?:[-\x20](?:{'|'.join(UNITS[1:10])})\b)?|{_UNITS_ALT})"
ORDINAL_WORD_RE = (rf"(?:(?:{_TENS_ALT})-(?:{'|'.join(ORD_UNITS[:9])})|{'|'.join(ORD_TENS)}|hundredth"
                   rf"|{'|'.join(sorted(ORD_UNITS, key=len, reverse=True))})")


def longest_first(word: str) -> tuple[int, bool, bool, str]:
    """Sort key for the words of an alternation: longest first (so a longer word wins over its
    prefix), then the spellings news uses most (lower case, Title case, capitals), then
    alphabetical, so the pattern is spelled the same in every process (a set's order is not)
    and a compiled pattern kept between processes is found again."""
    return -len(word), word.isupper(), not word.islower(), word


def word_alternation(words) -> str:
    """A regex matching any of ``words`` literally, factored as a trie.

    Python's ``re`` tries the branches of an alternation one by one at every
    position; sharing prefixes ("t(?:oday|onight)") lets it reject a position
    after one character, which keeps a scan over hundreds of key words fast.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


def number_value(text: str) -> float | int | None:
    """The value of a number written in digits ("1,100", "3.5") or words ("twenty-five", "a")."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if t[0].isdigit():
        return decimal_value(t)
    parts = re.split(r"[-\s]+", t)
    total = 0
    for p in parts:
        if p not in WORD_VALUES:
            return None
        total += WORD_VALUES[p]
    return total


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal ("70th", "fifth", "seventy-fifth") or an "N-year" adjective."""
    t = text.strip().lower()
    m = re.match(r"([0-9]+)", t)
    if m:
        return int(m.group(1))
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in WORD_VALUES and unit in ORDINALS:
            return WORD_VALUES[tens] + ORDINALS[unit]
        return None
    return ORDINALS.get(t)


def decimal_value(digits: str) -> float | int | None:
    """The value of a plain digit string ("1100", "3.5"): an int when whole, else a float; None when unreadable."""
    whole, point, fraction = digits.partition(".")
    if whole.isascii() and whole.isdigit() and (not point or (fraction.isascii() and fraction.isdigit())):
        # ASCII digits, as nearly every number is: what the Decimal path gives, without building one
        # (float() of the text rounds as float() of the Decimal does).
        return int(whole) if not fraction.strip("0") else float(digits)
    try:
        d = Decimal(digits)
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def scaled(value: float | int, scale: int) -> float | int:
    """``value`` times ``scale`` in decimal arithmetic, so "1.2 million" is exactly 1200000."""
    if type(value) is int:
        return value * scale  # exact already; the decimal route gives the same int, slower
    d = Decimal(str(value)) * scale
    return int(d) if d == d.to_integral_value() else float(d)
