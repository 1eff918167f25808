"""CSL-JSON (Zotero's and citation managers' common export) read into source fields."""
from __future__ import annotations

import json

from factcheck_app.core.bibliography import iso_from_parts, iso_from_text, join_authors, kind_for_type, split_tags
from factcheck_app.ingest.bibliography import Bibliography, BibProblem, tidy
from factcheck_app.ingest.errors import IngestError


def _date(value) -> str | None:
    """Return a CSL date ({"date-parts": [[y, m, d]]}, {"raw": …}, or text) as an ISO date."""
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            return iso_from_parts(parts[0])
        return iso_from_text(str(value.get("raw") or value.get("literal") or ""))
    if isinstance(value, (str, int)):
        return iso_from_text(str(value))
    return None


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value)


def item_fields(item: dict) -> dict:
    """Return the source fields of one CSL item."""
    kind = kind_for_type("csl", _text(item.get("type")), _text(item.get("genre")))
    authors = item.get("author")
    archive = _text(item.get("archive_location"))
    notes = _text(item.get("note"))
    if archive and not archive.lower().startswith(("http://", "https://")):
        notes = "\n\n".join(n for n in (notes, f"Archive: {archive}") if n)
        archive = None
    return tidy({
        "title": _text(item.get("title")),
        "author": join_authors(authors) if isinstance(authors, list) else None,
        "published": _date(item.get("issued")),
        "accessed": _date(item.get("accessed")),
        "url": _text(item.get("URL")),
        "doi": _text(item.get("DOI")),
        "publisher": _text(item.get("container-title")) or _text(item.get("publisher")),
        "archive_url": archive,
        "notes": notes,
        "tags": split_tags(_text(item.get("keyword"))),
        "kind": kind,
    })


def read_csl_json(text: str) -> Bibliography:
    """Return the items of a CSL-JSON array (or a single item) as entries; items that are not objects,
    or have no title, are reported by position."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"The CSL-JSON is broken at line {exc.lineno}, column {exc.colno} ({exc.msg}).") from exc
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise IngestError("The CSL-JSON holds no list of items.")
    result = Bibliography("csl-json")
    for number, item in enumerate(data, start=1):
        position = f"item {number}"
        if not isinstance(item, dict):
            result.problems.append(BibProblem(position, "it is not an object"))
            continue
        if item.get("id") not in (None, ""):
            position += f" (id {str(item['id'])[:40]})"
        result.add(position, item_fields(item))
    return result
