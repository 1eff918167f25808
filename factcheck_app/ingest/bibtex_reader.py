"""BibTeX (and biblatex) files read into source fields with bibtexparser 2; blocks it cannot parse are
reported with their line, the rest are read."""
from __future__ import annotations

import logging
import re

from factcheck_app.core.bibliography import AUTHOR_SEPARATOR, iso_from_parts, iso_from_text, kind_for_type, split_tags
from factcheck_app.ingest.bibliography import Bibliography, BibProblem, tidy

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
#: Fields that hold addresses or identifiers: LaTeX is not decoded there ("%" is no comment in a URL).
_VERBATIM = {"url", "doi", "archiveurl", "date", "urldate", "year", "month", "day", "author"}


def _decoder():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()


def _name(raw: str, decode) -> str:
    """Return one BibTeX name as "Family, Given", or a {Braced Body} name as it is."""
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
        return decode(raw[1:-1]).strip()
    raw = decode(raw)
    if "," in raw:
        family, _, given = raw.partition(",")
        return f"{family.strip()}, {given.strip()}" if given.strip() else family.strip()
    words = raw.split()
    if len(words) < 2:
        return raw
    return f"{words[-1]}, {' '.join(words[:-1])}"


def _month(value: str | None) -> int | None:
    value = (value or "").strip().lower()
    if value.isdigit():
        return int(value)
    return _MONTHS.get(value[:3])


def entry_fields(entry_type: str, values: dict[str, str], decode=lambda text: text) -> dict:
    """Return the source fields of one BibTeX entry (``values``: field name in lower case -> text,
    LaTeX decoded except for the author list, which ``decode`` decodes name by name)."""
    published = iso_from_text(values.get("date"))
    if not published and values.get("year"):
        month = _month(values.get("month"))
        published = iso_from_parts([values["year"]] + ([month] if month else [])
                                   + ([values["day"]] if month and values.get("day") else []))
    authors = [_name(n, decode) for n in _AND.split(values.get("author", "")) if n.strip()]
    return tidy({
        "title": values.get("title"),
        "author": AUTHOR_SEPARATOR.join(authors) or None,
        "published": published,
        "accessed": iso_from_text(values.get("urldate")),
        "url": values.get("url"),
        "doi": values.get("doi"),
        "publisher": values.get("journaltitle") or values.get("journal") or values.get("publisher")
        or values.get("organization") or values.get("institution") or values.get("howpublished"),
        "archive_url": values.get("archiveurl"),
        "notes": values.get("note") or values.get("annote"),
        "tags": split_tags(values.get("keywords")),
        "kind": kind_for_type("bibtex", entry_type, values.get("entrysubtype") or values.get("type")),
    })


def _decoded(decoder, text: str) -> str:
    try:
        return decoder.latex_to_text(text)
    except Exception:  # a value pylatexenc cannot decode is kept as typed
        return text


def read_bibtex(text: str) -> Bibliography:
    """Return the entries of a BibTeX file; blocks bibtexparser cannot parse, and entries without a
    title, are reported with their line."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, Entry

    # bibtexparser logs every failed block as a warning; those are reported to the checker instead.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)
    decode = _decoder()
    blocks: list[tuple[int, object]] = [(e.start_line, e) for e in library.entries]
    result = Bibliography("bibtex")
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            blocks.append((block.start_line, block.ignore_error_block))  # a repeated key is no reason to drop it
        else:
            result.problems.append(BibProblem(f"entry at line {block.start_line + 1}", "it cannot be parsed as BibTeX"))
    for line, entry in sorted(blocks, key=lambda b: b[0]):
        position = f"entry {entry.key} (line {line + 1})"
        values = {}
        for key, fld in entry.fields_dict.items():
            raw = str(fld.value)
            key = key.lower()
            values[key] = raw if key in _VERBATIM else _decoded(decode, raw)
        result.add(position, entry_fields(entry.entry_type, values, lambda text: _decoded(decode, text)))
    result.problems.sort(key=lambda p: int(re.search(r"line (\d+)", p.position).group(1)))
    return result
