"""How a source's fields meet bibliography formats (CSL-JSON, RIS, BibTeX): item types for each
source kind, author names, and partial dates. Plain data and pure functions; the readers live
in ingest, the writers in reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: The source fields a bibliography entry carries (reliability is the desk's own judgement).
BIBLIOGRAPHY_FIELDS = ("title", "author", "published", "accessed", "url", "doi", "publisher", "archive_url",
                       "notes", "tags", "kind")


@dataclass(frozen=True)
class ItemType:
    """A source kind's item type in each format; ``genre`` tells kinds apart that share a type."""

    kind: str
    csl: str
    ris: str
    bibtex: str
    genre: str | None = None
    #: Whether the publisher is the container (the newspaper, the platform) rather than a publisher.
    container: bool = False


#: First match wins when reading; every kind has exactly one row, used when writing.
ITEM_TYPES: tuple[ItemType, ...] = (
    ItemType("official record", "report", "GOVDOC", "report"),
    ItemType("news report", "article-newspaper", "NEWS", "article", "newspaper", container=True),
    ItemType("academic paper", "article-journal", "JOUR", "article", container=True),
    ItemType("dataset", "dataset", "DATA", "dataset"),
    ItemType("social post", "post", "BLOG", "online", container=True),
    ItemType("press release", "report", "RPRT", "misc", "press release"),
    ItemType("interview", "interview", "PCOMM", "misc", "interview"),
    ItemType("expert", "personal_communication", "ICOMM", "misc", "expert"),
    ItemType("other", "document", "GEN", "misc"),
)

#: Item types of other tools that mean one of our kinds (Zotero's and citation managers' usual ones).
_MORE_TYPES = {
    "csl": {"webpage": "other", "post-weblog": "social post", "article-magazine": "news report", "article": "other",
            "book": "other", "chapter": "other", "paper-conference": "academic paper", "thesis": "academic paper",
            "legislation": "official record", "bill": "official record", "legal_case": "official record",
            "broadcast": "news report", "speech": "other", "manuscript": "other"},
    "ris": {"ELEC": "other", "MGZN": "news report", "RPRT": "official record", "DBASE": "dataset",
            "CONF": "academic paper", "CPAPER": "academic paper", "THES": "academic paper", "BILL": "official record",
            "STAT": "official record", "CASE": "official record", "HEAR": "official record", "BOOK": "other",
            "CHAP": "other", "EJOUR": "academic paper", "VIDEO": "news report", "SOUND": "interview"},
    "bibtex": {"techreport": "official record", "inproceedings": "academic paper", "phdthesis": "academic paper",
               "mastersthesis": "academic paper", "thesis": "academic paper", "book": "other", "online": "social post",
               "electronic": "other", "www": "other", "manual": "official record", "unpublished": "other"},
}


def item_type_for_kind(kind: str) -> ItemType:
    """Return the item types a source kind is written as."""
    for item in ITEM_TYPES:
        if item.kind == kind:
            return item
    return ITEM_TYPES[-1]


def kind_for_type(fmt: str, type_name: str | None, genre: str | None = None) -> str:
    """Return the source kind for a format's item type (``fmt`` is "csl", "ris" or "bibtex"), using the
    genre (CSL genre, RIS M3, BibTeX type/entrysubtype) to tell kinds apart; "other" when unknown."""
    type_name = (type_name or "").strip()
    if fmt != "ris":
        type_name = type_name.lower()
    else:
        type_name = type_name.upper()
    genre = (genre or "").strip().lower() or None
    rows = [item for item in ITEM_TYPES if getattr(item, fmt) == type_name]
    for item in rows:
        if genre and item.genre == genre:
            return item.kind
    for item in rows:
        if item.genre is None:
            return item.kind
    if type_name in _MORE_TYPES[fmt]:
        return _MORE_TYPES[fmt][type_name]
    return rows[0].kind if rows else "other"


# --- names -------------------------------------------------------------------------------

#: Authors are kept in one field, "Family, Given; Family, Given; Body Name".
AUTHOR_SEPARATOR = "; "


def split_authors(author: str | None) -> list[dict]:
    """Return the authors of an ``author`` field as CSL name objects: {family, given} or {literal}."""
    names = []
    for part in (author or "").split(";"):
        part = part.strip()
        if not part:
            continue
        family, comma, given = part.partition(",")
        if comma and family.strip() and given.strip():
            names.append({"family": family.strip(), "given": given.strip()})
        else:
            names.append({"literal": part.strip(" ,")})
    return names


def join_authors(names: list[dict]) -> str | None:
    """Return CSL name objects as one ``author`` field ("Family, Given; Body Name"), or None."""
    parts = []
    for name in names:
        if not isinstance(name, dict):
            continue
        literal = str(name.get("literal") or "").strip()
        family = " ".join(p for p in (str(name.get("non-dropping-particle") or ""), str(name.get("family") or "")) if p).strip()
        given = str(name.get("given") or "").strip()
        if family and given:
            parts.append(f"{family}, {given}")
        elif family or literal or given:
            parts.append(family or literal or given)
    return AUTHOR_SEPARATOR.join(parts) or None


def name_text(name: dict) -> str:
    """Return one CSL name as "Family, Given" (or the literal name)."""
    return join_authors([name]) or ""


# --- dates -------------------------------------------------------------------------------

_DATE_PARTS = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?")


def date_parts(iso: str | None) -> list[int] | None:
    """Return an ISO partial date ("2017", "2017-04", "2017-04-11") as [year, month, day] parts."""
    if not iso:
        return None
    return [int(p) for p in iso.split("-")]


def iso_from_parts(parts: list | tuple | None) -> str | None:
    """Return [year, month, day] parts (any leading subset, numbers or digit strings) as an ISO date."""
    if not parts:
        return None
    try:
        numbers = [int(str(p).strip()) for p in parts if str(p).strip()][:3]
    except ValueError:
        return None
    if not numbers:
        return None
    return "-".join([f"{numbers[0]:04d}"] + [f"{n:02d}" for n in numbers[1:]])


def iso_from_text(text: str | None) -> str | None:
    """Return the leading date of "2017/04/11/", "2017-04", "2017" as an ISO date, or None."""
    match = _DATE_PARTS.match(text or "")
    if not match:
        return None
    return iso_from_parts([g for g in match.groups() if g])


def split_tags(text: str | None) -> list[str]:
    """Return tags written as one field ("a, b; c") as a list."""
    return [t.strip() for t in re.split(r"[;,]", text or "") if t.strip()]
