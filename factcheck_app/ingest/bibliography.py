"""Bibliography files (CSL-JSON, RIS, BibTeX) read into source fields, the format found from the content.

``read_bibliography`` returns every readable entry with its position, and one problem per
broken entry (also with its position), so one bad entry never stops the rest. A file that is
none of the three formats raises IngestError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck_app.ingest.encoding import decode_bytes, normalise_text
from factcheck_app.ingest.errors import IngestError, reading_errors

#: Largest bibliography file read: a library export of tens of thousands of items fits.
MAX_BIBLIOGRAPHY_BYTES = 50 * 1024 * 1024
FORMATS = ("csl-json", "ris", "bibtex")


@dataclass
class BibEntry:
    """One entry read: where it is ("entry 3, line 14") and the source fields it gives."""

    position: str
    fields: dict


@dataclass
class BibProblem:
    """One entry that could not be read, and why."""

    position: str
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


@dataclass
class Bibliography:
    """A bibliography file read: its format, its entries, and the broken entries."""

    format: str
    entries: list[BibEntry] = field(default_factory=list)
    problems: list[BibProblem] = field(default_factory=list)

    def add(self, position: str, fields: dict) -> None:
        """Keep an entry read at ``position``; one without a title is a problem instead."""
        if fields.get("title"):
            self.entries.append(BibEntry(position, fields))
        else:
            self.problems.append(BibProblem(position, "it has no title"))


_RIS_TAG = re.compile(r"^\s*TY  -", re.MULTILINE)
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def detect_format(text: str) -> str | None:
    """Return "csl-json", "ris" or "bibtex" from what the text holds (not its name), or None."""
    head = text.lstrip()[:1]
    if head in ("[", "{"):
        return "csl-json"
    if _RIS_TAG.search(text[:100_000]):
        return "ris"
    if _BIBTEX_ENTRY.search(text[:100_000]):
        return "bibtex"
    return None


def read_bibliography(data: bytes) -> Bibliography:
    """Return the entries of a CSL-JSON, RIS or BibTeX file and its broken entries.

    Raises IngestError (one line) when the file is empty, too large, binary, or none of the three.
    """
    if len(data) > MAX_BIBLIOGRAPHY_BYTES:
        raise IngestError(f"The file is too large ({len(data) / 1e6:,.0f} MB); the limit is "
                          f"{MAX_BIBLIOGRAPHY_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise IngestError("The file is empty.")
    with reading_errors():
        text, _ = decode_bytes(data)
        text, _ = normalise_text(text)
        fmt = detect_format(text)
        if fmt == "csl-json":
            from factcheck_app.ingest.csl_json_reader import read_csl_json

            return read_csl_json(text)
        if fmt == "ris":
            from factcheck_app.ingest.ris_reader import read_ris

            return read_ris(text)
        if fmt == "bibtex":
            from factcheck_app.ingest.bibtex_reader import read_bibtex

            return read_bibtex(text)
    raise IngestError("This file is not a bibliography (CSL-JSON, RIS or BibTeX).")


def tidy(fields: dict) -> dict:
    """Return ``fields`` with text trimmed and empty values dropped."""
    out = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = " ".join(value.split()) if key not in ("notes",) else value.strip()
        if value not in (None, "", []):
            out[key] = value
    return out
