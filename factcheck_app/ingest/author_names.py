"""An article's author as the page names them: a person or a desk ("Jerusalem Post Staff"),
without "By", without a date run into it, and never the publication itself."""
from __future__ import annotations

import re

from factcheck_app.ingest.outlet_names import is_outlet_name

_BY = re.compile(r"^\s*(?:(?:(?:analysis|posted|written|words|reporting|story|text|opinion|commentary)\s+)?by\s*:?|"
                 r"(?:author|text|words)\s*:)\s*", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# What runs into a byline after the name: a date, a time, "Updated", a separator and more.
_CAPS_MONTH = r"(?-i:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
_TAIL = re.compile(rf"(?:\s*[|•·,–—-]\s*|\s+)(?:(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
                   rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|"
                   rf"(?:on\s+)?{_MONTH}\s+\d{{4}}|{_CAPS_MONTH}(?:\s+\d{{1,2}})?|"
                   rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|updated\b.*|published\b.*|\d{{1,2}}:\d\d.*)\s*$", re.IGNORECASE)
_MAX_AUTHOR_CHARS = 120
_MAX_NAME_WORDS = 7  # "Jane Doe and Tom Reed" is five; "Practical Horseman Editorial Staff" four
_DESK = re.compile(r"\b(?:staff|desk|team|board|editors|newsroom|reporters|wire|bureau|agencies|services)\b", re.IGNORECASE)
_JOB_WORDS = r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?"
# "Staff Writer", "AP National Security Writer" as a part of its own; "News reporter" run into the name.
_JOB_TITLE = re.compile(rf"(?:[\w.&'’-]+\s+){{0,4}}{_JOB_WORDS}", re.IGNORECASE)
_JOB_TAIL = re.compile(rf"\s+(?:(?:news|senior|chief|special|staff|political|foreign|national|deputy|associate|"
                       rf"contributing|managing|sports?|business|science|health)\s+){{0,2}}{_JOB_WORDS}$", re.IGNORECASE)
# A part after a comma that names a paper or a desk rather than a second author.
_ORGANISATION_TAIL = re.compile(r"(?:\b(?:media|news|press|wire|service|agency|group|network)\b|\.(?:com|org|net|co\.uk)\b)",
                                re.IGNORECASE)


def _title_case(name: str) -> str:
    """"JERUSALEM POST STAFF" -> "Jerusalem Post Staff"; names already in mixed case are kept."""
    words = name.split()
    if len(words) < 2 or any(word.upper() != word for word in words if word.lower() not in ("and", "&")):
        return name  # mixed case as written, or one word in capitals ("PTI"): an acronym
    return " ".join(word if word.lower() in ("and", "&") else word.title() for word in words)


def clean_author(value: str | None, *site_names: str | None) -> str | None:
    """Return the author named in ``value`` (a meta tag, JSON-LD name or byline), or None when
    it names no one: empty, an address, a handle, or the publication (any of ``site_names``)."""
    if not value:
        return None
    name = " ".join(value.split())
    if len(name) > _MAX_AUTHOR_CHARS or name.startswith(("http://", "https://", "@")) or any(c in name for c in "/*()[]{}<>="):
        return None  # an address, a handle, a form's field label ("Name *"), markup
    name = _BY.sub("", name)
    previous = None
    while previous != name:
        previous, name = name, _TAIL.sub("", name).strip(" ,|•·-–—")
    # "Jane Doe, Associated Press", "Jane Doe | Staff Writer": the person, without the paper or the post
    parts = re.split(r"\s*[,|]\s*", name)
    parts = parts[:1] + [part for part in parts[1:] if not _ORGANISATION_TAIL.search(part)
                         and not _same_first_word(part, site_names)]
    parts = [part for index, part in enumerate(parts)
             if part and not (index and _JOB_TITLE.fullmatch(part)) and not is_outlet_name(_title_case(part), *site_names)]
    if parts and len(_JOB_TAIL.sub("", parts[0]).split()) >= 2:
        parts[0] = _JOB_TAIL.sub("", parts[0])
    if any(len(part.split()) > _MAX_NAME_WORDS or not _name_shaped(part) for part in parts):
        return None  # a sentence (a summary under the headline), not a name
    name = _without_trailing_outlet(", ".join(parts), site_names)
    if not re.search(r"[^\W\d_]", name) or len(name) < 2:
        return None
    name = _title_case(name)
    return name[0].upper() + name[1:]  # "the Editorial Board" -> "The Editorial Board"


_PARTICLES = frozenset("and & de del della van von der den da di du al el bin ibn y of the la le".split())


def _name_shaped(part: str) -> bool:
    """Every word capitalised (or caseless, or a particle such as "van", "and"): "said on" is not a name."""
    return all(not word[0].islower() or word.lower() in _PARTICLES for word in part.split())


def _same_first_word(part: str, site_names: tuple[str | None, ...]) -> bool:
    """"CNN Business" beside the site "CNN": the desk of the publication, not a second author."""
    first = part.split()[0].lower() if part.split() else ""
    return any(site and site.split() and site.split()[0].lower().removeprefix("the") == first for site in site_names)


def _without_trailing_outlet(name: str, site_names: tuple[str | None, ...]) -> str:
    """"DANIEL OKORO Associated Press" -> "DANIEL OKORO": a byline that runs into the agency's name."""
    words = name.split()
    for size in range(min(4, len(words) - 2), 0, -1):  # a name of two words or more must be left
        if is_outlet_name(_title_case(" ".join(words[-size:])), *site_names):
            return " ".join(words[:-size])
    return name


def is_desk(name: str) -> bool:
    """Whether an author names a desk ("Island Herald Staff", "The Editorial Board") rather than a person."""
    return bool(_DESK.search(name))


def pick_author(candidates: list[str | None]) -> str | None:
    """The first person among ``candidates`` (cleaned, best source first); else the first desk."""
    names = [name for name in candidates if name]
    return next((name for name in names if not is_desk(name)), names[0] if names else None)
