"""Patterns for named sites and natural features, compiled once at import.

A site is a facility phrase with at least one capitalised word before its head:
"the Kibar nuclear site", "a Syrian military airfield", "Changi International
Airport". A feature is a capitalised name with a geographic head: "the Atlantic
Ocean", "Lake Victoria". Determiners are left out of the span.
"""
from __future__ import annotations

import re

from factcheck_app.core.case_fold import IgnoreCasePattern
from factcheck_app.extract.cue_words import phrase_alternation

# Lower-case words that say what kind of facility follows ("nuclear site").
_FACILITY_MODIFIER = (
    r"(?:nuclear|military|air|naval|army|navy|marine|power|chemical|industrial|oil|gas|coal|"
    r"uranium|enrichment|missile|rocket|test|testing|launch|research|detention|refugee|"
    r"police|border|auto|car|assembly|manufacturing|steel|water|weapons|storage|"
    r"processing|reprocessing|international|regional|main|secret|underground|"
    r"training|migrant|submarine|construction|crash|archaeological|heritage|holy|"
    r"burial|prison|space|airline|cargo|container|ferry|fishing|hydroelectric|"
    r"solar|wind|car-assembly|power-generating)"
)

# Heads that are a site only with a facility modifier ("air base", not "customer base").
_HEAD_NEEDS_MODIFIER = r"(?:base|camp|site|port|terminal|station)"
# Heads that are a site after any capitalised name ("Ford plant", "Shifa hospital").
_HEAD = (
    r"(?:air\s+base|airbase|airfield|airstrip|airport|reactors?|facility|facilities|plant|"
    r"harbou?r|complex|compound|prison|jail|mine|dam|refinery|embassy|consulate|"
    r"hospital|stadium|bridge|palace|checkpoint|barracks|shipyard|depot|"
    r"test\s+site|crossing)"
)

_SP = r"[ \t\u00a0]+"  # one line only: a name never runs across a line break
_CAP = r"(?:[A-Z][\w’'.-]*[\w]|[A-Z])"
_FUNCTION_CAPS = (
    r"(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|In|At|On|From|To|Near|"
    r"Outside|Inside|By|For|With|After|Before|During|And|But|Or|Meanwhile|Last|Next|"
    r"Earlier|Later|Then|When|While|Since|If|As)"
)

# Each pattern opens with a one-character look-ahead: ``re`` tries a match at
# every position, and most positions then fail on one comparison instead of
# the look-behind and the function-word alternation.
SITE_RE = re.compile(
    rf"(?=[A-Z])(?<![\w’'-])(?!{_FUNCTION_CAPS}\b)(?P<name>{_CAP}(?:{_SP}{_CAP}){{0,4}})"
    rf"(?P<rest>(?:{_SP}{_FACILITY_MODIFIER}){{0,3}}{_SP}(?i:{_HEAD})"
    rf"|(?:{_SP}{_FACILITY_MODIFIER}){{1,3}}{_SP}(?i:{_HEAD_NEEDS_MODIFIER})"
    rf"|{_SP}(?:Air\s+Base|Base|Camp|Site|Port|Terminal|Station)"
    rf"|(?:{_SP}(?:Air|Naval|Army|Navy|Marine|Missile|Nuclear|Space))?{_SP}(?:Air\s+Force\s+Base|Base))"
    rf"(?![\w-])"
)

_FEATURE_HEAD = (
    r"(?:Ocean|Sea|River|Lake|Mountains|Mountain|Mount|Bay|Strait|Straits|Canal|Peninsula|"
    r"Island|Islands|Valley|Desert|Gulf|Basin|Plateau|Coast|Heights|Delta|Glacier|Falls)"
)
FEATURE_RE = re.compile(
    rf"(?=[A-Z])(?:(?<![\w’'-])(?!{_FUNCTION_CAPS}\b)(?:{_CAP}{_SP}){{1,3}}{_FEATURE_HEAD}(?![\w-])"
    rf"|(?<![\w’'-])(?:Lake|Mount|Mt\.|Gulf\s+of|Strait\s+of|Bay\s+of|Sea\s+of|Isle\s+of)"
    rf"{_SP}{_CAP}(?:{_SP}{_CAP}){{0,2}}(?![\w-]))"
)

# Cheap scans for the head words: the full patterns above run only when one occurs.
# The site heads spelled out (the alternations of _HEAD, _HEAD_NEEDS_MODIFIER and
# "Air Force Base") and factored as a trie: a plain alternation of thirty-odd
# words, tried at every position, made this "cheap" scan cost more than the
# pattern it guards.
_SITE_HEADS = """air base|airbase|airfield|airstrip|airport|reactor|reactors|facility|facilities|plant|harbor|harbour|
complex|compound|prison|jail|mine|dam|refinery|embassy|consulate|hospital|stadium|bridge|palace|checkpoint|
barracks|shipyard|depot|test site|crossing|base|camp|site|port|terminal|station|air force base"""
# Run on the lower-cased text without the flag (IgnoreCasePattern): scanning every position
# ignoring case cost a seed-sized article a quarter of a millisecond, three times as much.
SITE_HEAD_RE = IgnoreCasePattern(rf"{phrase_alternation(_SITE_HEADS.replace(chr(10), '').split('|'))}(?![\w-])")
# Every head starts with a capital: the look-ahead fails most positions before the look-behind runs.
FEATURE_HEAD_RE = re.compile(rf"(?=[A-Z])(?<![\w’'-])(?:{_FEATURE_HEAD}(?![\w-])|(?:Lake|Mount|Mt\.|Gulf|Strait|Bay|Sea|Isle)\s)")
# SITE_RE's separators stay on one line, but for the \s+ in "air base", "test site" and
# "Air Force Base": a text where one of those words ends a line is scanned whole (see ends_a_line).
HEAD_ACROSS_LINES_RE = IgnoreCasePattern(r"(?:air|test|force)[^\S\n]*\n")
SITE_WORDS_BEFORE_A_BREAK = ("air", "test", "force")
# FEATURE_RE's likewise, but for the \s+ in "Gulf of", "Strait of", "Bay of", "Sea of", "Isle of".
FEATURE_WORDS_BEFORE_A_BREAK = ("Gulf", "Strait", "Bay", "Sea", "Isle")


def ends_a_line(text: str, words: tuple[str, ...]) -> bool:
    r"""Whether one of ``words`` ends a line of ``text``, white space after it allowed: what
    ``(?:word|...)[^\S\n]*\n`` finds, looked for at the line breaks only (a few per paragraph)
    instead of tried at every position."""
    at = text.find("\n")
    while at >= 0:
        i = at
        while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
            i -= 1
        if text.endswith(words, 0, i):
            return True
        at = text.find("\n", at + 1)
    return False
