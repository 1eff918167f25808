"""The text side of claim matching: a claim, a tweet or a published check turned into search
terms (stemmed words) and quick facets (years, months, numbers, names) that can agree or differ.

Pure functions over text; no store, no I/O. The same terms are what the store indexes for
published checks, so a query and a check are always cut up the same way.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from factcheck_app.extract.number_words import WORD_VALUES

_STEMMER = snowballstemmer.stemmer("english")

# Function words carry no evidence that two claims are about the same thing.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be been before being below
    between both but by can could d did do does doing don down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    ll m me more most my myself no nor not now o of off on once only or other our ours ourselves out
    over own re s same she should so some such t than that the their theirs them themselves then
    there these they this those through to too under until up very ve was we were what when where
    which while who whom why will with would y you your yours yourself yourselves also via amp rt""".split()
)

MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NUMBER["sept"] = 9

# Links say nothing a reader sees; "pic.twitter.com/…" is how embedded tweets show a picture.
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
# A hashtag or handle written in camel case holds several words: #AustralianFires, @SenRonJohnson.
_TAG = re.compile(r"[#@](\w+)")
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
# Numbers keep their thousands separators and decimals ("60,000", "1.2"): one fact, one term.
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\d+\.\d+(?!\w)|\w+(?:['’]\w+)*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
                         r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.])\d+(?:\.\d+)?(?!\w)")
# A name: capitalised words in a row ("Marco Rubio", "Ocasio-Cortez"), not the first word of a sentence alone.
_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+(?:(?:de|van|von|al|bin|la|le|del|da)\s+)?[A-Z][\w'’-]*)*")
# The signature an embedded post ends with: "— Name (@handle) January 14, 2020". Its date says when
# the post was made, not what it claims: it is kept as a date facet but not as words.
_POSTED = re.compile(r"(\(@\w+\))\s*((?:" + "|".join(MONTHS) + r")\s+\d{1,2},\s+(?:1[89]|20)\d\d)\s*$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|This|That|These|Those)\s+(?=[A-Z])")
_PERCENT = re.compile(r"(\d)\s*(?:%|per\s*cent\b)", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lower-case word; cached, as words repeat."""
    return _STEMMER.stemWord(word)


def _split_tag(match: re.Match) -> str:
    return " " + " ".join(_CAMEL_PART.findall(match.group(1))) + " "


def clean(text: str) -> str:
    """Return ``text`` ready to cut into words: Unicode folded (NFKC), links dropped,
    hashtags and handles split into their words, "70 per cent" written "70 percent"."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _URL.sub(" ", text)
    text = _TAG.sub(_split_tag, text)
    return _PERCENT.sub(r"\1 percent", text)


@lru_cache(maxsize=500_000)
def _term(word: str) -> str | None:
    """Return the term of one word as written, or None for a stop word (cached: words repeat)."""
    low = word.casefold().replace("’", "'").split("'")[0]
    if not low or low in STOP_WORDS or (len(low) < 2 and not low.isdigit()):
        return None
    if low.replace(",", "").isdigit():
        return low.replace(",", "")
    if low in WORD_VALUES:
        # "fourteen" and "14" are the same fact.
        return str(WORD_VALUES[low])
    return stem(low)


def _word_terms(text: str) -> list[tuple[str, str]]:
    """Return (term, surface word) pairs for the words of cleaned text, stop words left out."""
    out = []
    for word in _WORD.findall(text):
        term = _term(word)
        if term is not None:
            out.append((term, word))
    return out


def split_posted(text: str) -> tuple[str, str | None]:
    """Return ``text`` without the date of an embedded post's closing signature, and that date."""
    match = _POSTED.search(text or "")
    if not match:
        return text, None
    return text[: match.start(2)].rstrip(), match.group(2)


def terms(text: str) -> list[str]:
    """Return the search terms of ``text``: stemmed content words and numbers, in order
    (the posting date of an embedded post left out)."""
    found = map(_term, _WORD.findall(clean(split_posted(text)[0])))
    return [t for t in found if t is not None]


def surface_forms(text: str) -> dict[str, str]:
    """Return, for each term of ``text``, the first word it came from (to show why two texts matched)."""
    forms: dict[str, str] = {}
    for term, word in _word_terms(clean(text)):
        forms.setdefault(term, word)
    return forms


def search_prefixes(text: str) -> dict[str, str]:
    """Return, for each term of ``text``, a prefix that finds its word forms in an unstemmed
    index: what the stem and the word share ("citi" and "city": "cit"), or the word itself."""
    out: dict[str, str] = {}
    for term, word in surface_forms(text).items():
        word = word.casefold()
        shared = os.path.commonprefix([term, word])
        out[term] = shared if len(shared) >= 3 else word
    return out


@dataclass(frozen=True)
class QuickFacets:
    """Facets found cheaply in any text: enough to say two claims agree or differ on a date,
    a number or a name. ``months`` are "YYYY-MM" strings, ``numbers`` normalised digit strings,
    ``names`` the capitalised names as written."""

    years: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()

    def merged(self, other: "QuickFacets") -> "QuickFacets":
        """Return the union of two facet sets (a claim's stored facets and those found in its text)."""
        return QuickFacets(
            self.years | other.years,
            self.months | other.months,
            self.numbers | other.numbers,
            tuple(dict.fromkeys(self.names + other.names)),
        )


def _number_value(text: str) -> str:
    value = text.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


def quick_facets(text: str) -> QuickFacets:
    """Return the years, year-months, numbers and names written in ``text``."""
    text = clean(text)
    years = set(_YEAR.findall(text))
    months = set()
    for month, year in _MONTH_YEAR.findall(text):
        months.add(f"{year}-{_MONTH_NUMBER[month.rstrip('.').casefold()]:02d}")
    numbers = {_number_value(n) for n in _NUMBER.findall(text)} - years
    names = tuple(dict.fromkeys(
        name for name in (_LEADING_ARTICLE.sub("", m.group(0)) for m in _NAME.finditer(text))
        if name and name.casefold() not in STOP_WORDS
    ))
    return QuickFacets(frozenset(years), frozenset(months), frozenset(numbers), names)


def facets_from_stored(facets: list[dict]) -> QuickFacets:
    """Return the quick facets of a library claim's stored facets (dates, quantities, places,
    entities and quote speakers, as the extractor found them)."""
    years, months, numbers, names = set(), set(), set(), []
    for facet in facets:
        kind, value = facet.get("kind"), facet.get("value")
        if kind == "date" and isinstance(value, str):
            if re.fullmatch(r"\d{4}(-\d\d.*)?", value):
                years.add(value[:4])
                if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
                    months.add(value[:7])
        elif kind == "quantity" and value not in (None, ""):
            numbers.add(_number_value(str(value)))
        elif kind in ("place", "entity") and (value or facet.get("text")):
            names.append(str(value or facet.get("text")))
        if facet.get("speaker"):
            names.append(str(facet["speaker"]))
    return QuickFacets(frozenset(years), frozenset(months), frozenset(numbers), tuple(dict.fromkeys(names)))


#: Shortest piece a run-together word is split into ("marco", "rubio"; not "a", "is").
MIN_PIECE = 3


def compound_pieces(word: str) -> list[str]:
    """Return the ways to cut a run-together lower-case word (a handle or hashtag such as
    "marcorubio" or "tentcity") into two or three pieces of at least MIN_PIECE letters."""
    if not word.isalpha() or len(word) < 2 * MIN_PIECE:
        return []
    cuts = []
    for i in range(MIN_PIECE, len(word) - MIN_PIECE + 1):
        head, tail = word[:i], word[i:]
        cuts.append(f"{head} {tail}")
        for j in range(MIN_PIECE, len(tail) - MIN_PIECE + 1):
            cuts.append(f"{head} {tail[:j]} {tail[j:]}")
    return cuts


def split_compound(word: str, known: dict[str, int]) -> list[str] | None:
    """Return the terms of the best cut of ``word`` whose every piece is a known term (a term
    with its number of documents in ``known``): fewest pieces first, then the rarest pieces;
    None when no cut is made of known terms only."""
    best: tuple | None = None
    for cut in compound_pieces(word):
        pieces = [_term(p) for p in cut.split()]
        if any(p is None or p not in known for p in pieces):
            continue
        key = (len(pieces), sum(known[p] for p in pieces))
        if best is None or key < best[0]:
            best = (key, pieces)
    return best[1] if best else None


def piece_terms(word: str) -> set[str]:
    """Return every term a cut of ``word`` could be made of (to look their frequencies up at once)."""
    out = set()
    for cut in compound_pieces(word):
        out.update(t for t in map(_term, cut.split()) if t)
    return out
