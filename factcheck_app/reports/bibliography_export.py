"""Sources written as CSL-JSON, RIS or BibTeX, so Zotero and citation managers import them with their
fields: one writer per format, found through ``SOURCE_FORMATS``.

Each writer is a pure function of source rows (as the store returns them) to text; files are
written atomically by ``export_sources``.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from factcheck_app.core.bibliography import date_parts, item_type_for_kind, split_authors, split_tags
from factcheck_app.reports.errors import NothingToExportError
from factcheck_app.reports.safe_write import write_string


def _csl_date(iso: str | None) -> dict | None:
    parts = date_parts(iso)
    return {"date-parts": [parts]} if parts else None


def _csl_item(source: dict) -> dict:
    item_type = item_type_for_kind(source["kind"])
    item = {
        "id": source["id"],
        "type": item_type.csl,
        "title": source["title"],
        "author": split_authors(source.get("author")) or None,
        "issued": _csl_date(source.get("published")),
        "accessed": _csl_date(source.get("accessed")),
        "URL": source.get("url"),
        "DOI": source.get("doi"),
        "container-title" if item_type.container else "publisher": source.get("publisher"),
        "archive_location": source.get("archive_url"),
        "genre": item_type.genre,
        "note": source.get("notes"),
        "keyword": ", ".join(split_tags(source.get("tags"))) or None,
    }
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def to_csl_json(sources: list[dict]) -> str:
    """Return the sources as a CSL-JSON array (UTF-8 text, indented)."""
    return json.dumps([_csl_item(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


def _ris_date(iso: str | None) -> str | None:
    parts = date_parts(iso)
    if not parts:
        return None
    return "/".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]] + [""] * (3 - len(parts))) + "/"


def _ris_reference(source: dict) -> dict:
    item_type = item_type_for_kind(source["kind"])
    ref = {
        "type_of_reference": item_type.ris,
        "title": source["title"],
        "authors": [n.get("literal") or f"{n['family']}, {n['given']}" for n in split_authors(source.get("author"))],
        "year": (source.get("published") or "")[:4] or None,
        "date": _ris_date(source.get("published")),
        "access_date": _ris_date(source.get("accessed")),
        "urls": [source["url"]] if source.get("url") else None,
        "doi": source.get("doi"),
        "secondary_title" if item_type.container else "publisher": source.get("publisher"),
        "accession_number": source.get("archive_url"),
        "type_of_work": item_type.genre,
        "notes": [source["notes"]] if source.get("notes") else None,
        "keywords": split_tags(source.get("tags")) or None,
        "id": source["id"],
    }
    return {k: v for k, v in ref.items() if v not in (None, "", [])}


def to_ris(sources: list[dict]) -> str:
    """Return the sources as RIS references (TY … ER), without rispy's numbered headers."""
    import rispy

    class _Writer(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""

    return rispy.dumps([_ris_reference(s) for s in sources], implementation=_Writer)


def _latex(text: str) -> str:
    from pylatexenc.latexencode import unicode_to_latex

    return unicode_to_latex(text)


def _bibtex_name(name: dict) -> str:
    if name.get("literal"):
        return "{" + _latex(name["literal"]) + "}"
    return f"{_latex(name['family'])}, {_latex(name['given'])}"


def _bibtex_entry(source: dict):
    from bibtexparser.model import Entry, Field

    item_type = item_type_for_kind(source["kind"])
    published = source.get("published")
    container_field = {"article": "journaltitle", "online": "organization"}.get(item_type.bibtex, "publisher")
    values = {
        "title": _latex(source["title"]),
        "author": " and ".join(_bibtex_name(n) for n in split_authors(source.get("author"))),
        "date": published,
        "year": (published or "")[:4],
        "urldate": source.get("accessed"),
        "url": source.get("url"),
        "doi": source.get("doi"),
        container_field: _latex(source["publisher"]) if source.get("publisher") else None,
        "entrysubtype" if item_type.bibtex == "article" else "type": item_type.genre,
        "archiveurl": source.get("archive_url"),
        "note": _latex(source["notes"]) if source.get("notes") else None,
        "keywords": _latex(", ".join(split_tags(source.get("tags")))),
    }
    # bibtexparser's writer encloses each value in braces.
    fields = [Field(k, v) for k, v in values.items() if v]
    return Entry(item_type.bibtex, "src-" + source["id"].replace("-", "")[:12], fields)


def to_bibtex(sources: list[dict]) -> str:
    """Return the sources as biblatex-style BibTeX entries (LaTeX-encoded text, addresses verbatim)."""
    import bibtexparser
    from bibtexparser.library import Library

    library = Library([_bibtex_entry(s) for s in sources])
    return bibtexparser.write_string(library)


@dataclass(frozen=True)
class SourceFormat:
    """A bibliography format sources can be exported as: its name, file ending and writer."""

    name: str
    suffix: str
    render: Callable[[list[dict]], str]


SOURCE_FORMATS: dict[str, SourceFormat] = {
    f.name: f
    for f in (
        SourceFormat("csl-json", ".json", to_csl_json),
        SourceFormat("ris", ".ris", to_ris),
        SourceFormat("bibtex", ".bib", to_bibtex),
    )
}


def export_sources(sources: list[dict], fmt: str, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write ``sources`` in format ``fmt`` to ``path`` atomically; return the path written."""
    if not sources:
        raise NothingToExportError("No sources to export: the selection cites none.")
    return write_string(path, SOURCE_FORMATS[fmt].render(sources), force=force)


# --- the export-format registry's entries (reports/formats.py): the sources a report's claims cite ---


def _cited(report: dict) -> list[dict]:
    sources = report.get("cited_sources") or []
    if not sources:
        raise NothingToExportError("No sources to export: the selection cites none.")
    return sources


def _export(name: str, report: dict, path: Path, options, progress=None) -> list[Path]:
    return [export_sources(_cited(report), name, path, force=options.force)]


def _preview(name: str, report: dict, options):
    from factcheck_app.reports.formats import Preview

    sources = report.get("cited_sources") or []
    return Preview("text", SOURCE_FORMATS[name].render(sources) if sources else "The selection cites no source.")


export_csl_json = partial(_export, "csl-json")
export_ris = partial(_export, "ris")
export_bibtex = partial(_export, "bibtex")
preview_csl_json = partial(_preview, "csl-json")
preview_ris = partial(_preview, "ris")
preview_bibtex = partial(_preview, "bibtex")
