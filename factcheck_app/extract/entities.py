"""Entity facets: people and organisations named in an article body.

Capitalised words are grouped into names (with "of", "de", "al-"... between
them); function words, possessives and headline verbs end a name. Each name
is classed by its own cues, in this order: an organisation word ("Airlines",
"Ministry", "Inc."), a listed organisation or an acronym make an
organisation; a title or role before it ("Senator", "chief executive")
makes a person; a descriptor before it ("carmaker Fiat") an organisation;
a given name first ("Steve Jobs") a person. Short forms then take the class
of the full name seen elsewhere in the article ("Jobs", "Apple" after
"Apple Inc."). A name with no cue at all keeps an empty subtype rather than
a guess. Places, nationality adjectives ("North Korean"), things and events
("the Affordable Care Act", "the Black Death") are not entities.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FindContext
from factcheck_app.extract.entity_names import KNOWN_ORGS, first_names, is_demonym
from factcheck_app.extract.entity_words import (
    LEGAL_SUFFIXES,
    NOT_NAMES,
    NOT_ORG_ACRONYMS,
    ORG_DESCRIPTORS,
    ORG_WORDS,
    TITLES,
)
from factcheck_app.extract.gazetteer import NAME_QUALIFIERS, place_table
from factcheck_app.extract.text_around import word_before

PERSON = "person"
ORG = "organization"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A capitalised token (Latin letters with accents included), or "al-Assad"; the
# look-behind after the first letter keeps ``re`` skipping to capitals.
_TOKEN = re.compile(rf"[{_UPPER}](?<![\w’'&.][{_UPPER}])(?<!(?<!\bal)-[{_UPPER}])[\w’'&.-]*")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.|(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|"
                           r"Lt|Col|Capt|Adm|Rev|Prof|Sgt|Bros|Cos|Mt|Ft)\.")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?|(?:[A-Z]\.){2,4}|[A-Z]+&[A-Z]+")
# Words allowed between two capitalised words of one name.
# Model numbers ("A380", "G7") and compounds ending in a lower-case word ("Craiova-based").
_NOT_A_NAME_TOKEN = re.compile(r"\d|-[a-z]")
_CONNECTORS = frozenset("of for de del der den di da du van von bin ibn al el la le y the".split())
# Headline verbs and function words end a name even when capitalised ("Republicans Are Following Trump").
_BREAKS = NOT_NAMES - frozenset("Best Big New Old Real Free Good Great Top Major Key Central Western Eastern "
                                "Northern Southern Black White Democratic Christian Islamic Catholic "
                                "Native High Low Small Full True Internet Web".split())
# Head nouns of things, events and laws: a name ending in one is not a person or organisation.
_THING_HEADS = frozenset("""
Act Acts Bill Law Laws Code Treaty Accord Accords Agreement Convention Protocol Amendment Constitution
Award Awards Prize Prizes Medal Cup Trophy Championship Championships Games Olympics Open Series League
Festival Show Awards Day Week Month Year Era Age Death War Wars Revolution Crisis Plague Pandemic Epidemic
Telescope Satellite Station Rover Probe Mission Programme Program Project Initiative Plan Index Bridge
Tower Building Stadium Arena Square Street Avenue Road Highway Airport Canal Dam Park Palace Castle Cathedral
Mosque Temple Church Island Islands River Lake Mountain Mountains Valley Desert Ocean Sea Bay Coast Peninsula
Album Song Film Movie Book Novel Report Survey Census Study Summit Conference Talks Tour Storm Hurricane
Typhoon Cyclone Earthquake Virus Disease Syndrome Vaccine Doctrine Dream Prize Hall Center Museum Library
Average Composite Store Record Body Kit Forward Factory Airport City Town County Province District
""".split()) - ORG_WORDS
# Nouns a name owns that mark it as an organisation ("Ford's chief executive", "Apple's shares").
_ORG_POSSESSIONS = frozenset("""
shares stock CEO chief chairman chairwoman board headquarters spokesman spokeswoman spokesperson website
products profits profit revenue revenues sales earnings plant plants factory factories employees workers
staff subsidiary division unit stake shareholders customers fleet aircraft planes brand models cars
vehicles stores store executives management founder boss president subscribers users market chief-executive
""".split())
_PERSON_POSSESSIONS = frozenset("wife husband son daughter mother father brother sister family children "
                                "girlfriend boyfriend widow parents career".split())
# One word that is an institution on its own ("the Senate"), unlike "Software" or "Group".
_INSTITUTIONS = frozenset("Senate Congress Parliament Pentagon Kremlin Eurogroup Treasury Reuters Bloomberg "
                          "Politburo Presidium Commons Lords Bundestag Knesset Duma Cabinet Army Navy".split())
_INDEX_WORDS = frozenset("index indices average composite".split())
# "shares in Royal Dutch Shell", "a stake in Maersk": what one holds a share of is a company.
_HOLDING_BEFORE = re.compile(r"\b(?:shares|stake|stakes|stock|holding)\s+(?:in|of)\s+$", re.IGNORECASE)
# A description set off by a comma right after a name: up to six words, up to the next punctuation.
_APPOSITIVE = re.compile(r",\s+((?:[\w’'-]+\s+){0,5}[\w’'-]+)")
_CLAUSE_VERBS = frozenset("said says told added reported announced wrote stated explained noted is was are were "
                          "has have had will would".split())
_PERSON_ROLES = frozenset({w.lower() for w in TITLES if w.isalpha()} | set(
    "negotiator head founder owner member resident student teacher worker lawyer doctor nurse economist "
    "researcher scientist professor activist campaigner reporter journalist editor author singer actor "
    "actress player coach candidate".split()))
# First words many organisations share: alone they name none of them ("National" of the National Office).
_GENERIC_HEADS = frozenset("""National International United General First Federal State Central Global Royal
Universal Standard Grand Public Social Democratic Republican People Peoples World Free Independent Liberal
Conservative Labour Labor Metropolitan Regional City County Civil Human Special Supreme High Joint Foreign""".split())
_POSSESSIVE = ("’s", "'s")
_SPACES = re.compile(r"\s+")
_NEXT_WORDS = re.compile(r"\s*([\w’'-]+)(?:\s+([\w’'-]+))?")


class _Name(NamedTuple):
    start: int
    end: int
    words: tuple[str, ...]
    title: str | None


def _tokens(body: str) -> list[tuple[int, int, str, bool]]:
    """Return (start, end, word, possessive) for every capitalised token, trailing punctuation trimmed."""
    out = []
    for m in _TOKEN.finditer(body):
        start, word = m.start(), m.group()
        if start >= 3 and body[start - 1] == "-":
            start, word = start - 3, "al-" + word
        if word.isalpha():  # most tokens: no digit, hyphen, possessive or trailing mark to look at
            out.append((start, start + len(word), word, False))
            continue
        if ".-" in word or "’s-" in word or "'s-" in word or _NOT_A_NAME_TOKEN.search(word):
            continue  # "U.S.-South Korean", "Craiova-based": adjective compounds; "A380": a model
        possessive = False
        while word:
            if word.endswith(_POSSESSIVE):
                word, possessive = word[:-2], True
                break
            if word[-1] in "’'-&":
                word = word[:-1]
            elif word[-1] == "." and not _ABBREVIATION.fullmatch(word):
                word = word[:-1]
            else:
                break
        if word:
            out.append((start, start + len(word), word, possessive))
    return out


def _runs(body: str, tokens: list[tuple[int, int, str, bool]]) -> list[list[tuple[int, int, str, bool]]]:
    """Group tokens into names: neighbours one space apart, or joined by a connector word."""
    runs: list[list[tuple[int, int, str, bool]]] = []
    current: list[tuple[int, int, str, bool]] = []
    for tok in tokens:
        if current:
            prev = current[-1]
            gap = body[prev[1]:tok[0]]
            if prev[2] == "People" and prev[3]:
                gap = gap[2:]  # "Supreme People's Assembly": the possessive is inside the name
            joined = not prev[3] or prev[2] == "People"
            if joined and not (gap in (" ", "\u00a0") or (gap[:1] == " " and gap[-1:] == " "
                                                            and gap.strip() in _CONNECTORS and " " not in gap.strip())):
                joined = False
            if joined and (tok[2] in _BREAKS or prev[2] in _BREAKS):
                joined = False
            if joined:
                current.append(tok)
                continue
            runs.append(current)
        current = [tok]
    if current:
        runs.append(current)
    return runs


def _title_before(body: str, start: int) -> str | None:
    """The title or role word just before a name ("Senator", "chief executive", "spokeswoman")."""
    word, gap = word_before(body, start)
    if not gap or not word:
        return None
    return word if word in TITLES or word + "." in TITLES else None


def _descriptor_before(body: str, start: int) -> bool:
    """True when an organisation noun stands just before the name ("carmaker Fiat", "the airline Ryanair")."""
    word, gap = word_before(body, start)
    return bool(gap) and word.lower() in ORG_DESCRIPTORS


def _possession_after(body: str, end: int, possessive: bool) -> str | None:
    """What the word after a possessive name says about it: ORG, PERSON or None."""
    if not possessive:
        m = _NEXT_WORDS.match(body, end, end + 40)
        if m and m.group(1) in ("shares", "stock", "Inc", "Inc.", "Corp"):
            return ORG
        return None
    m = _NEXT_WORDS.match(body, end + 2, end + 60)
    if not m:
        return None
    for word in (m.group(1), m.group(2)):
        if not word:
            break
        low = word.lower()
        if low in _ORG_POSSESSIONS:
            return ORG
        if low in _PERSON_POSSESSIONS:
            return PERSON
        if not (word[0].islower() and low in ("new", "former", "own", "top", "chief", "largest", "biggest")):
            break
    return None


def _split_at_titles(run: list) -> list[tuple[list, str | None]]:
    """Split a run at a title inside it: "Apple CEO Steve Jobs" -> "Apple", and "Steve Jobs" titled CEO."""
    if len(run) == 1:  # most runs: one capitalised word, nothing to split
        return [(run, None)]
    parts: list[tuple[list, str | None]] = []
    title = None
    begin = 0
    for i in range(1, len(run) - 1):
        w = run[i][2]
        if w in TITLES and w[0].isupper() and run[i + 1][2] not in _CONNECTORS:
            parts.append((run[begin:i], title))
            title, begin = w, i + 1
    last = run[begin:]
    if len(last) > 1 and last[-1][2] in TITLES and last[-1][2][0].isupper():
        last = last[:-1]  # "Ryanair CEO": the organisation, then a title whose name follows later
    parts.append((last, title))
    return parts


def _appositive_after(body: str, end: int) -> str | None:
    """What a description after a comma says of the name before it: ", the union's chief negotiator"
    (PERSON), ", a Danish shipping company" (ORG); None when it names no role or kind."""
    m = _APPOSITIVE.match(body, end, end + 80)
    if not m:
        return None
    words = m.group(1).split()
    if any(w in _CLAUSE_VERBS for w in words):
        return None  # ", a Romanian official said": the subject of the next clause, not a description
    for word in words:
        low = word.lower().strip("’'")
        if low in ORG_DESCRIPTORS:
            return ORG
        if low in _PERSON_ROLES:
            return PERSON
    return None


def _strip(words: list[tuple[int, int, str, bool]], places: dict) -> tuple[list, str | None]:
    """Drop leading function words, titles and place adjectives; return the rest and the title dropped."""
    title = None
    while words:
        w = words[0][2]
        if len(words) == 1:  # nothing after it: only a break word or a non-name goes
            if w in _BREAKS or w in NOT_NAMES or w in _CONNECTORS:
                words = []
            break
        rest = [t[2] for t in words[1:]]
        if w in _BREAKS:
            words = words[1:]
        elif w in TITLES or w.rstrip(".") + "." in TITLES:
            title, words = w, words[1:]
        elif (is_demonym(w) or w in places) and (rest[0] in TITLES or not any(r in ORG_WORDS for r in rest)):
            if rest[0] in TITLES or is_demonym(w):
                words = words[1:]
            else:
                break
        elif w in _CONNECTORS:
            if w in ("of", "for", "at"):
                title = None  # "CEO of Boeing Commercial Airplanes": the title belongs to someone else
            words = words[1:]
        else:
            break
    while words and words[-1][2] in _CONNECTORS:
        words = words[:-1]
    return words, title


def _in_headline(body: str, pos: int, seen: dict[int, bool]) -> bool:
    """True when ``pos`` lies on a title-case line: every word longer than three letters capitalised."""
    line_start = body.rfind("\n", 0, pos) + 1
    if line_start not in seen:
        line_end = body.find("\n", pos)
        words = body[line_start:line_end if line_end >= 0 else len(body)].split()
        seen[line_start] = len(words) >= 3 and all(not w[0].islower() for w in words if len(w) > 3)
    return seen[line_start]


def _place_like(word: str, places: dict) -> bool:
    """A place name, an adjective of one, or the stem of one ("Korea" of "Korean")."""
    return word in places or is_demonym(word) or is_demonym(word + "n")


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and word not in NOT_ORG_ACRONYMS and word.rstrip("s") not in NOT_ORG_ACRONYMS


def _classify(words: tuple[str, ...], title: str | None, body: str, start: int, end: int,
              possessive: bool, given: frozenset[str]) -> str | None:
    """Return ORG, PERSON or None (no cue) for a name; "" when it is not an entity at all."""
    bare = [w.rstrip(".") for w in words]
    text = " ".join(words)
    if words[-1] in _THING_HEADS or any(w in NOT_ORG_ACRONYMS for w in words[1:]):
        return ""  # a thing or event ("the Affordable Care Act"), a product ("Mac OS X")
    after = _NEXT_WORDS.match(body, end, end + 40)
    if after and after.group(1) in _INDEX_WORDS:
        return ""  # a share index ("the FTSE 100 index")
    if len(words) == 1 and words[0] in ORG_WORDS and words[0] not in _INSTITUTIONS:
        return ""  # "Software", "Group": a word of a name, not one
    if any(w in ORG_WORDS or w + "." in ORG_WORDS for w in bare) or text in KNOWN_ORGS:
        return ORG
    if words[0] in KNOWN_ORGS or any(_is_acronym(w) for w in words):
        return ORG  # "Ford Australia", "Lockheed Martin", "New GM"
    if "&" in text:
        return ORG
    if title is not None:
        return PERSON
    if _descriptor_before(body, start) or _HOLDING_BEFORE.search(body, max(0, start - 12), start):
        return ORG
    cue = _possession_after(body, end, possessive) or _appositive_after(body, end)
    if cue is not None:
        return cue
    if 2 <= len(words) <= 5 and words[0] in given:
        return PERSON
    if len(words) >= 2 and any(w in ("al", "bin", "ibn", "von", "van") or w.startswith("al-") for w in words):
        return PERSON
    return None


def _candidate_runs(body: str, tokens: list[tuple[int, int, str, bool]]):
    """Yield (tokens of one name candidate, the title found inside its run) for the whole body."""
    for run in _runs(body, tokens):
        yield from _split_at_titles(run)


def find_entities(body: str) -> list[Facet]:
    """Return entity facets (kind "entity", subtype "person", "organization" or None) in ``body``, by start.

    ``value`` is the name as written in full (whitespace folded); a short form
    ("Jobs", "Apple") takes the full name it stands for in this article.
    """
    if not body:
        return []
    places = place_table()
    given = first_names()
    names: list[tuple[_Name, bool]] = []
    tokens = _tokens(body)
    for run, run_title in _candidate_runs(body, tokens):
        words, title = _strip(run, places)
        title = title or run_title
        if not words or (len(words) == 1 and words[0][2] in TITLES):
            continue
        possessive = words[-1][3]
        start, end = words[0][0], words[-1][1]
        text = body[start:end]
        plain = tuple(t[2] for t in words)
        if title is None:
            title = _title_before(body, start)
        if text in KNOWN_ORGS:
            pass  # "Toyota": the carmaker before the city
        elif text in places or is_demonym(" ".join(plain)) or (
                title is None and not (len(plain) > 1 and plain[0] in given)
                and all(w in places or w in NAME_QUALIFIERS or is_demonym(w) or w in _CONNECTORS for w in plain)):
            continue
        names.append((_Name(start, end, plain, title), possessive))

    found: list[tuple[_Name, str | None]] = []
    aliases: dict[str, tuple[str, str]] = {}  # short form -> (full name, subtype)
    heads: dict[str, tuple[str, str]] = {}  # an organisation's first word -> (full name, subtype)
    for name, possessive in names:
        subtype = _classify(name.words, name.title, body, name.start, name.end, possessive, given)
        if subtype == "":
            continue
        found.append((name, subtype))
        if len(name.words) < 2:
            continue
        full = " ".join(name.words)
        if subtype == PERSON:
            last = name.words[-1]
            if last in ("Jr.", "Sr.", "Jr", "Sr", "II", "III") and len(name.words) > 2:
                last = name.words[-2]
            aliases.setdefault(last, (full, PERSON))
            if last.startswith("al-"):
                aliases.setdefault(last[3:], (full, PERSON))  # "Bashar al-Assad" ... "Assad"
        elif subtype == ORG:
            short = [w for w in name.words if w not in LEGAL_SUFFIXES]
            if short and len(short) < len(name.words):
                aliases.setdefault(" ".join(short), (full, ORG))
            head = name.words[0]
            if not (head in ORG_WORDS or head in TITLES or head in given or head in NAME_QUALIFIERS
                    or head in _BREAKS or head in _GENERIC_HEADS or _place_like(head, places)):
                heads.setdefault(head, (full, ORG))  # "Northrop" after "Northrop Grumman"

    classed = {" ".join(name.words): subtype for name, subtype in found if subtype}
    out: list[Facet] = []
    headlines: dict[int, bool] = {}
    for name, subtype in found:
        text = " ".join(name.words)
        value = _SPACES.sub(" ", body[name.start:name.end])
        if text in aliases and aliases[text][0] != text:
            full, alias_subtype = aliases[text]
            if subtype is None or subtype == alias_subtype:
                value, subtype = full, alias_subtype
        elif subtype in (None, ORG) and text in heads:
            value, subtype = heads[text]  # "Northrop" stands for Northrop Grumman, named in full before
        elif subtype is None:
            subtype = classed.get(text)  # "Velmora" again, after "the carmaker Velmora"
        if subtype is None and (len(name.words) == 1 or any(_place_like(w, places) for w in name.words)
                                or _in_headline(body, name.start, headlines)):
            # One capitalised word with no cue (a product, a sentence opener), "Democratic Korea",
            # or words of a title-case headline ("Harbour City Lays Off Dock Workers").
            continue
        out.append(Facet(kind="entity", start=name.start, end=name.end, text=body[name.start:name.end],
                         value=value, subtype=subtype))
    out.extend(_alias_mentions(body, tokens, out, aliases))
    return sorted(out, key=lambda f: f.start)


def _alias_mentions(body: str, tokens: list[tuple[int, int, str, bool]], found: list[Facet],
                    aliases: dict[str, tuple[str, str]]) -> list[Facet]:
    """Short forms ("Assad", "Harlow Widgets") wherever the body's capitalised words spell them and
    no entity was found there already (inside a longer run, after a word the run finder skipped)."""
    if not aliases:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for alias in aliases:
        words = tuple(alias.split())
        by_first.setdefault(words[0], []).append(words)
    spans = sorted((f.start, f.end) for f in found)
    starts = [s for s, _ in spans]
    out = []
    for i, (start, end, word, _possessive) in enumerate(tokens):
        for words in by_first.get(word, ()):
            last = i + len(words) - 1
            if last >= len(tokens) or tuple(t[2] for t in tokens[i:last + 1]) != words:
                continue
            if any(tokens[k + 1][0] - tokens[k][1] != 1 for k in range(i, last)):
                continue  # the words of a name stand one space apart
            stop = tokens[last][1]
            k = bisect.bisect_right(starts, start) - 1
            if (k >= 0 and spans[k][0] <= start < spans[k][1]) or (k + 1 < len(spans) and spans[k + 1][0] < stop):
                continue
            full, subtype = aliases[" ".join(words)]
            out.append(Facet(kind="entity", start=start, end=stop, text=body[start:stop], value=full, subtype=subtype))
            break
    return out


def entity_facets(body: str, context: FindContext) -> list[Facet]:
    """The entity finder as the registry runs it."""
    return find_entities(body)
