"""RIS files read into source fields with rispy, one entry (TY … ER) at a time so a broken one is
reported with its line and the rest are read."""
from __future__ import annotations

import re

from factcheck_app.core.bibliography import iso_from_text, kind_for_type
from factcheck_app.ingest.bibliography import Bibliography, BibProblem, tidy

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -( (.*))?$")


def _first(ref: dict, *keys: str) -> str | None:
    for key in keys:
        value = ref.get(key)
        if isinstance(value, list):
            value = next((v for v in value if v), None)
        if value:
            return str(value)
    return None


def _all(ref: dict, *keys: str) -> list[str]:
    out: list[str] = []
    for key in keys:
        value = ref.get(key)
        if isinstance(value, list):
            out += [str(v) for v in value if v]
        elif value:
            out.append(str(value))
    return out


def reference_fields(ref: dict) -> dict:
    """Return the source fields of one rispy reference."""
    archive = _first(ref, "accession_number")
    notes = "\n\n".join(_all(ref, "notes"))
    if archive and not archive.lower().startswith(("http://", "https://")):
        notes = "\n\n".join(n for n in (notes, f"Archive: {archive}") if n)
        archive = None
    return tidy({
        "title": _first(ref, "title", "primary_title", "short_title"),
        "author": "; ".join(_all(ref, "authors", "first_authors")) or None,
        "published": iso_from_text(_first(ref, "date", "year", "publication_year")),
        "accessed": iso_from_text(_first(ref, "access_date")),
        "url": _first(ref, "urls"),
        "doi": _first(ref, "doi"),
        "publisher": _first(ref, "secondary_title", "journal_name", "alternate_title3", "alternate_title1", "publisher"),
        "archive_url": archive,
        "notes": notes,
        "tags": _all(ref, "keywords"),
        "kind": kind_for_type("ris", _first(ref, "type_of_reference"), _first(ref, "type_of_work")),
    })


def _blocks(text: str):
    """Yield (first line number, lines, ended) for each TY … ER block."""
    block: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        tag = _TAG_LINE.match(line.rstrip())
        if tag and tag.group(1) == "TY":
            if block:
                yield start, block, False
            block, start = [line], number
        elif tag and tag.group(1) == "ER":
            if block:
                block.append(line)
                yield start, block, True
            block = []
        elif block:
            block.append(line)
    if block:
        yield start, block, False


def read_ris(text: str) -> Bibliography:
    """Return the references of a RIS file; a reference without its ER line or a title, or that rispy
    cannot read, is reported with its number and first line."""
    import rispy

    result = Bibliography("ris")
    for number, (line, block, ended) in enumerate(_blocks(text), start=1):
        position = f"entry {number} (line {line})"
        if not ended:
            result.problems.append(BibProblem(position, "it has no end line (ER  -) before the next entry or the end"))
            continue
        try:
            (ref,) = rispy.loads("\n".join(block))
        except Exception as exc:  # rispy raises plain exceptions on malformed lines
            result.problems.append(BibProblem(position, f"it cannot be read ({' '.join(str(exc).split())[:120]})"))
            continue
        result.add(position, reference_fields(ref))
    return result
