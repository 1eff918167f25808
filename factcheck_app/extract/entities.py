"""Entity facets: people and organisations named in an article body.

Runs of capitalised words are classed by their shape: an organisation word
("Agency", "Ministry", "Party", "Inc.") or an all-capital acronym makes an org;
a title before the run ("President", "leader", "Dr.") or two-to-four name
words make a person. Surnames seen in a full name are then found alone
("Kim", "Assad"). Places are left to ``places``: runs that are wholly a place
name are skipped.
"""
from __future__ import annotations

import bisect
import re

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.gazetteer import place_table

ORG_WORDS = frozenset("""
Agency Ministry Party Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC PLC plc
University College Institute Council Department Committee Commission Bank Group Association
Organization Organisation Union Army Navy Force Forces Court Parliament Assembly Congress
Senate Times Post Journal News Press Herald Tribune Airlines Airways Motors Foundation Fund
Authority Office Bureau Service Services Police Guard Federation League Network Studios
Systems Technologies Reserve Exchange Board Administration Agency Cabinet Center Centre
Broadcasting Television Radio Media Holdings Industries International Society Church
Hospital School Academy Museum Trust Alliance Coalition Front Movement Brigade Brigades
Command Observatory Commission Electric Petroleum Energy Telecom Pharmaceuticals Bloc
""".split())

TITLES = frozenset("""
President Prime Minister Secretary Senator Sen. Gov. Governor Mayor King Queen Prince Princess
Pope Chancellor General Gen. Col. Lt. Capt. Adm. Dr. Mr. Mrs. Ms. Rep. Representative Judge
Justice Ambassador Chairman Chief CEO Director Leader Sheikh Ayatollah Emir Sultan Rev.
president minister secretary senator governor mayor leader chairman chief spokesman
spokeswoman spokesperson ambassador general envoy director founder CEO analyst
""".split())

# Capitalised words that start sentences or headings without naming anyone.
_NOT_NAMES = frozenset("""
The A An In At On From To For With By After Before During And But Or Of As If When While
Since This That These Those It Its He She They We I His Her Their Our You Your Meanwhile
However Last Next Where What Who Why How There Here Both Neither Either Some Many Most One
Two Three Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December More Now Today Yesterday
Tomorrow Also According Mr Mrs Ms Dr Not No Yes Such Each Every All Any Another Other
Earlier Later Then Than Despite Although Though Because Unlike Like Under Over Between
Facing Placeholder Read Click Share Updated Photo Image Video
""".split())

_NAME_WORD = r"(?:[A-Z][a-z’'\-]*[a-z]|[A-Z]\.|[A-Z]{2,}|al-[A-Z][\w-]+|[A-Z][a-z]+-[A-Z][\w-]+)"
# _NAME_WORD with its first letter taken before the alternation, each branch then
# checking that letter with a look-behind: a pattern that opens with a character
# set lets ``re`` skip straight to capitals (and "a" of "al-") instead of trying
# every position of the body.
_FIRST_NAME_WORD = (r"[A-Za](?<![\w’'-][A-Za])"
                    r"(?:(?<=[A-Z])[a-z’'\-]*[a-z]|(?<=[A-Z])\.|(?<=[A-Z])[A-Z]+|(?<=a)l-[A-Z][\w-]+"
                    r"|(?<=[A-Z])[a-z]+-[A-Z][\w-]+)")
_RUN = re.compile(
    rf"{_FIRST_NAME_WORD}(?:(?:\s|\s(?:of|for|de|bin|al|van|von|du|the)\s)(?:Inc\.|Corp\.|Co\.|Ltd\.|{_NAME_WORD})){{0,6}}"
    rf"(?![\w-])")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_TITLE_BEFORE = re.compile(r"(?:^|\s)(?P<title>[A-Za-z.]+)\s*$")
# Compiled here rather than passed to re.match/re.sub: runs are many, and the
# module-level functions look the pattern up in re's cache at every call.
_LEADING_WORD = re.compile(r"([\w’'.-]+)\s+")
_SPACES = re.compile(r"\s+")


def _classify(words: list[str], title: str | None) -> str | None:
    """Return "org", "person" or None for a run of name words."""
    bare = [w.rstrip(".") for w in words]
    if any(w in ORG_WORDS or w + "." in ORG_WORDS for w in bare):
        return "org"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return "org"
    if title in TITLES or (title and title.rstrip(".") + "." in TITLES):
        return "person"
    name_like = [w for w in words if w not in ("of", "for", "and", "the")]
    if 2 <= len(name_like) <= 4 and all(w[0].isupper() or w.startswith("al-") for w in words):
        if not any(w.isupper() and len(w) > 1 for w in words):
            return "person"
    return None


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-initial function words ("The", "In") from the front of a run."""
    while start < end:
        m = _LEADING_WORD.match(body, start, end)
        if not m or m.group(1) not in _NOT_NAMES:
            break
        start = m.end()
    # A possessive belongs to the name's sentence, not the name.
    text = body[start:end]
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            end -= 2
    return start, end


def find_entities(body: str) -> list[Facet]:
    """Return entity facets (kind "entity", subtype "person" or "org") in ``body``, by start.

    ``value`` is the name as written, whitespace folded; lone surnames of people
    named in full elsewhere in the body are also returned.
    """
    if not body:
        return []
    places = place_table()
    out: list[Facet] = []
    surnames: dict[str, str] = {}
    for m in _RUN.finditer(body):
        start, end = _trim(body, m.start(), m.end())
        if start >= end:
            continue
        text = body[start:end]
        words = text.split()
        if text in places or text.rstrip(".") in places or all(w in _NOT_NAMES for w in words):
            continue
        tm = _TITLE_BEFORE.search(body, max(0, start - 30), start)
        title = tm.group("title") if tm else None
        if title is None and words[0] in TITLES and len(words) > 1:
            title, words = words[0], words[1:]
        subtype = _classify(words, title)
        if subtype is None:
            continue
        if subtype == "person":
            # Leading titles and place adjectives ("Syrian President") stay out of the name.
            while len(words) > 1 and (words[0] in TITLES or words[0] in places
                                      or words[0].endswith(("an", "ese", "ish", "i"))
                                      and words[1] in TITLES):
                start = body.index(words[1], start)
                words = words[1:]
            while words and words[0] in TITLES:
                words = words[1:]
            if not words:
                continue
            start = body.index(words[0], start)
            if len(words) > 1:
                last = words[-1].rstrip("’'s") if words[-1].endswith(("’s", "'s")) else words[-1]
                surnames[last] = " ".join(words)
                if last.startswith("al-"):
                    surnames[last[3:]] = " ".join(words)  # "Bashar al-Assad" ... "Assad"
        text = body[start:end]
        out.append(Facet(kind="entity", start=start, end=end, text=text,
                         value=_SPACES.sub(" ", text), subtype=subtype))
    if surnames:
        ends = sorted((f.start, f.end) for f in out)
        names = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))
                           + r")(?![\w-])")
        for m in names.finditer(body):
            k = bisect.bisect_right(ends, (m.start(), len(body))) - 1
            if k >= 0 and ends[k][0] <= m.start() < ends[k][1]:
                continue
            out.append(Facet(kind="entity", start=m.start(), end=m.end(), text=m.group(),
                             value=surnames[m.group()], subtype="person"))
    return sorted(out, key=lambda f: f.start)
