"""Place facets: countries, cities, regions and named sites in an article body.

Gazetteer names are found by a dictionary lookup of the word n-grams that start
at a capitalised word (no per-call loop over the gazetteer); sites and natural
features by the patterns in ``site_phrases``. Context rules drop names that are
part of another name ("Singapore Airlines", "Paris Hilton", "Washington Post")
and common-word city names without a locative cue ("Reading the report").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck_app.core.case_fold import plain_lower
from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FindContext
from factcheck_app.extract.gazetteer import (
    AMBIGUOUS_NAMES,
    NAME_QUALIFIERS,
    PlaceName,
    names_by_first_word,
    place_table,
)
from factcheck_app.extract.site_phrases import (
    FEATURE_HEAD_RE,
    FEATURE_RE,
    FEATURE_WORDS_BEFORE_A_BREAK,
    HEAD_ACROSS_LINES_RE,
    SITE_HEAD_RE,
    SITE_RE,
    SITE_WORDS_BEFORE_A_BREAK,
    ends_a_line,
)
from factcheck_app.extract.text_around import is_sentence_start, word_after, word_before

_SPACE_RUN = re.compile(r"\s+")

# Capitalised words that may stand right before a place without being part of
# another name: sentence-initial function words, titles, directions.
_HARMLESS_BEFORE = frozenset("""
The A An In At On From To Near Outside Inside By For With After Before During And But Or
Of Across Into Around Via Both Neither Either Between Against
Like Unlike Throughout Within Beyond Than As If When While Since Where Although
Though Because Meanwhile Last Next This That These Those Its Their His Her Our
Mr Mrs Ms Dr President Prime Minister Governor Mayor Senator Sen Gov Rep King Queen
Greater Central
""".split()) | NAME_QUALIFIERS

# Capitalised words that may follow a place without making it part of another name.
_HARMLESS_AFTER = frozenset("""
President Prime Minister Ministry Secretary Ambassador Embassy Senator Governor Gov Mayor
Foreign Defense Defence Interior Finance Justice Health Trade Attorney General Gen Army
Navy Air Forces Force Marines Military Government Parliament Congress Senate Police Coast
Guard State Department Officials Official Authorities Prosecutors Leader Leaders Supreme
Court Federal Central National Treasury Commerce Energy Special Representative Envoy
Consul Consulate Capital Province Region City County State
""".split())

# Words before "of" that make "of X" part of an organisation ("Bank of England").
_ORG_BEFORE_OF = frozenset("""
Bank University College Institute Museum Church Republic Bishop Archbishop Duke Duchess
Prince Princess Earl Secretary Department Ministry Council Court School Academy Society
""".split())

_LOCATIVES = frozenset("""
in at from to near outside inside of across into around via toward towards through
between across off throughout within beyond
""".split())

_SPEECH_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|added|wrote|tweeted|argued|asked|stated|described|announced|"
    r"explained|noted|insisted|declared|confirmed|warned)\b")

# Gazetteer types as the Facet contract names them (US states are regions).
_OUTPUT_SUBTYPE = {"country": "country", "city": "city", "region": "region",
                   "state": "region", "site": "site"}


# The look-behind follows the first letter so that ``re`` can skip to capitals.
_CAPITALISED = re.compile(r"[A-Z](?<![\w’'][A-Z])\w*")


def _keep(body: str, start: int, end: int, entry: PlaceName) -> bool:
    """Decide from the words around a gazetteer hit whether it names a place here."""
    after, gap_after = word_after(body, end)
    before, gap_before = word_before(body, start)
    name = body[start:end]

    if after and gap_after and after[0].isupper() and after not in _HARMLESS_AFTER:
        next_is_place = after in place_table() or after.rstrip("’'s") in place_table()
        # "Singapore Airlines", "Washington Post": the place begins another name.
        if not next_is_place:
            return False
    if body[end:end + 1] == "$" or re.match(r"[ \t]+dollars?\b", body[end:end + 10]):
        return False  # "US$40", "US dollars": a currency, not a place
    if before and gap_before and before[0].isupper() and before not in _HARMLESS_BEFORE \
            and before not in place_table() and not is_sentence_start(body, start - len(gap_before) - len(before)):
        return False  # "Air France", "Ford Australia", "Fritz Henderson"
    if before == "of" and entry.subtype != "site":
        before2, _ = word_before(body, start - len(gap_before) - 2)
        if before2 in _ORG_BEFORE_OF:
            return False  # "Bank of England", "University of California"
    if entry.subtype in ("city", "state") and _SPEECH_AFTER.match(body, end) \
            and before.lower() not in _LOCATIVES:
        return False  # "Jackson said": a person
    if name in AMBIGUOUS_NAMES:
        after_comma = re.match(r",[ \t]*([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)", body[end:end + 40])
        if not (before.lower() in _LOCATIVES and not before[0].isupper()) and not (
                after_comma and after_comma.group(1) in place_table()):
            return False  # "Reading the report", "Mobile phones"
    return True


def _gazetteer_places(body: str) -> list[Facet]:
    """Return the longest gazetteer names found at capitalised words, kept by context."""
    table = place_table()
    by_first = names_by_first_word()
    out: list[Facet] = []
    surnames: set[str] = set()
    pos = 0
    for m in _CAPITALISED.finditer(body):
        start = m.start()
        if start < pos:
            continue
        if start > 1 and body[start - 1] == "-" and body[start - 2].isalnum():
            continue  # second half of a hyphenated compound
        names = by_first.get(m.group())
        if names is None:
            continue
        for name in names:
            end = start + len(name)
            if body.startswith(name, start) and not (end < len(body) and (body[end].isalnum() or body[end] == "_")):
                break
        else:
            continue
        entry = table[name]
        if _is_surname(body, start, end, entry):
            surnames.add(name)
        elif _keep(body, start, end, entry):
            out.append(Facet(kind="place", start=start, end=end, text=body[start:end],
                             value=entry.canonical, subtype=_OUTPUT_SUBTYPE[entry.subtype]))
        pos = end
    # "Fritz Henderson ... Henderson stated": once a name is seen as a surname,
    # its bare mentions elsewhere in the article are the person too.
    return [f for f in out if f.text not in surnames
            or word_before(body, f.start)[0].lower() in _LOCATIVES | {"the"}]


def _is_surname(body: str, start: int, end: int, entry: PlaceName) -> bool:
    """True when a city or state name follows a capitalised first name ("Fritz Henderson")."""
    if entry.subtype not in ("city", "state"):
        return False
    before, gap = word_before(body, start)
    return bool(before and gap and before[0].isupper() and before.isalpha() and before[1:].islower()
                and before not in _HARMLESS_BEFORE and before not in place_table()
                and not is_sentence_start(body, start - len(gap) - len(before)))


def _site_matches(body: str) -> Iterator[re.Match]:
    """SITE_RE's matches in ``body``, scanning only the lines that hold a site head word.

    A site phrase ends with its head and never spans two lines (unless a word of
    SITE_WORDS_BEFORE_A_BREAK ends one), so the matches in those lines are the matches in
    the whole body; a seed-sized article spent a tenth of its extraction on the whole-body scan.
    """
    lowered = plain_lower(body)
    if lowered is None:  # the characters re.IGNORECASE treats specially: the flagged patterns
        if HEAD_ACROSS_LINES_RE.search(body):
            return SITE_RE.finditer(body)
        return _on_lines_with(SITE_RE, SITE_HEAD_RE.finditer(body), body, ends_at_head=True)
    if ends_a_line(lowered, SITE_WORDS_BEFORE_A_BREAK):
        return SITE_RE.finditer(body)
    return _on_lines_with(SITE_RE, SITE_HEAD_RE.pattern_for(lowered).finditer(lowered), body, ends_at_head=True)


def _feature_matches(body: str) -> Iterator[re.Match]:
    """FEATURE_RE's matches in ``body``, scanning only the lines that hold a feature head word
    (the whole body when a word of FEATURE_WORDS_BEFORE_A_BREAK ends a line)."""
    if ends_a_line(body, FEATURE_WORDS_BEFORE_A_BREAK):
        return FEATURE_RE.finditer(body)
    return _on_lines_with(FEATURE_RE, FEATURE_HEAD_RE.finditer(body), body)


# What a site or feature phrase is made of: word characters, the apostrophes, full stops and
# hyphens inside names, and white space other than a line break. Anything else stops it.
_STOP = re.compile(r"[^\w’'.\-\s]|\n")


def _on_lines_with(pattern: re.Pattern, heads: Iterator[re.Match], body: str, *,
                  ends_at_head: bool = False) -> Iterator[re.Match]:
    """``pattern``'s matches in the stretches of ``body`` where ``heads`` found something, in order.

    A stretch runs between two characters no phrase contains (``_STOP``: a comma, a quote
    mark, a bracket, a line break). A match of SITE_RE or FEATURE_RE is made of the other
    characters and holds its head word, so it lies inside its head's stretch, and a scan of
    each such stretch finds what a scan of the whole body finds (the patterns' look-behinds
    see the character before the stretch; their look-aheads see a stop or the end, alike).
    With ``ends_at_head`` (a site phrase ends with its head) the scan stops at the end of the
    stretch's last head: no match can end after it.
    """
    start = done = last = -1  # the stretch being gathered, and the end of its last head
    for head in heads:
        at = head.start()
        if at < done:
            last = head.end()
            continue
        if start >= 0:
            yield from pattern.finditer(body, start, last if ends_at_head else done)
        line_start = body.rfind("\n", 0, at) + 1
        # The last stop before the head: the first one in the line's start read backwards.
        stop = _STOP.search(body[line_start:at][::-1])
        start = at - stop.start() if stop else line_start
        stop = _STOP.search(body, head.end())
        done = stop.start() if stop else len(body)
        last = head.end()
    if start >= 0:
        yield from pattern.finditer(body, start, last if ends_at_head else done)


def _pattern_places(body: str) -> list[Facet]:
    """Return sites ("the Kibar nuclear site") and natural features ("the Atlantic Ocean")."""
    spans: list[tuple[int, int, str]] = []
    # The full patterns run only on the lines holding a head word: most
    # paragraphs name no site or feature.
    spans.extend((m.start(), m.end(), "site") for m in _site_matches(body))
    spans.extend((m.start(), m.end(), "region") for m in _feature_matches(body))
    out = []
    for start, end, subtype in spans:
        text = body[start:end]
        out.append(Facet(kind="place", start=start, end=end, text=text,
                         value=_SPACE_RUN.sub(" ", text), subtype=subtype))
    return out


# A country named this often is the story's setting ("Syria" throughout a Syria story):
# every mention would be highlighted and none is a fact to check, so its mentions are left
# out. A country named once or twice ("wars with Israel") stays a place facet.
SETTING_MENTIONS = 6


def setting_countries(places: list[Facet]) -> set[str]:
    """Return the canonical names of countries mentioned at least SETTING_MENTIONS times."""
    counts: dict[str, int] = {}
    for f in places:
        if f.subtype == "country":
            counts[f.value] = counts.get(f.value, 0) + 1
    return {name for name, n in counts.items() if n >= SETTING_MENTIONS}


def find_places(body: str) -> list[Facet]:
    """Return place facets (kind "place") in ``body``, ordered by start, not overlapping.

    ``value`` is the canonical name ("United States" for "the U.S."); ``subtype``
    is "country", "city", "region" (continents, states, provinces, seas) or
    "site" (facilities such as "a Syrian military airfield"). Where a site or
    feature phrase overlaps a gazetteer name, the longer span wins.
    """
    if not body:
        return []
    candidates = sorted(_pattern_places(body) + _gazetteer_places(body),
                        key=lambda f: (f.start, -(f.end - f.start)))
    taken: list[Facet] = []
    for f in candidates:
        if taken and f.start < taken[-1].end:
            if f.end - f.start > taken[-1].end - taken[-1].start:
                taken[-1] = f  # overlapping: the longer span wins
            continue
        taken.append(f)
    setting = setting_countries(taken)
    return [f for f in taken if not (f.subtype == "country" and f.value in setting)]


def place_facets(body: str, context: FindContext) -> list[Facet]:
    """The place finder as the registry runs it."""
    return find_places(body)
