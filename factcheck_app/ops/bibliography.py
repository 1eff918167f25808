"""Importing sources from bibliography files (CSL-JSON, RIS, BibTeX), matching the ones already there.

An entry is the same source as one in the library when the DOI matches, else the address,
else the title and date; a match is updated with the entry's fields (tags are added to, never
dropped), anything else is created. Broken entries are reported with their position and the
rest are imported; a file that is not a bibliography at all stops the import before anything
is written. Undo removes what was created and puts updated sources back as they were.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from factcheck_app.ingest.bibliography import BibEntry, read_bibliography
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import sources
from factcheck_app.store.errors import StoreError, ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write

#: The fields an import may change on a source it matched (reliability is the desk's own judgement).
IMPORTED_FIELDS = ("title", "author", "published", "accessed", "url", "doi", "publisher", "archive_url", "notes", "kind")


@dataclass
class ImportReport:
    """What an import did: sources created, updated, skipped (already as the entry says), and the
    entries that could not be imported, each with its file and position."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """Return one line: how many were created, updated, skipped and not imported."""
        return (f"{len(self.created)} created, {len(self.updated)} updated, {len(self.skipped)} skipped"
                + (f", {len(self.problems)} not imported" if self.problems else ""))


def read_bibliography_files(paths: list[str | Path]) -> list[tuple[Path, str, list[BibEntry], list[str]]]:
    """Read every file first: (path, format, entries, problems) each; raise ValidationError naming a file
    that cannot be read or is not a bibliography."""
    out = []
    for name in paths:
        path = Path(name)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise ValidationError(f"{path}: no such file.") from exc
        except IsADirectoryError as exc:
            raise ValidationError(f"{path} is a folder, not a file.") from exc
        except OSError as exc:
            raise ValidationError(f"{path.name} cannot be read ({exc.strerror or exc}).") from exc
        try:
            bibliography = read_bibliography(data)
        except IngestError as exc:
            raise ValidationError(f"{path.name}: {exc}") from exc
        out.append((path, bibliography.format, bibliography.entries, [f"{path.name}, {p}" for p in bibliography.problems]))
    return out


def _changed_fields(existing: dict, fields: dict) -> dict:
    """Return the entry's fields that would change the existing source."""
    changes = {}
    for key in IMPORTED_FIELDS:
        value = fields.get(key)
        if value in (None, ""):
            continue
        if key == "kind" and value == "other":  # "other" is what a format without the kind says
            continue
        if (existing.get(key) or None) != value:
            changes[key] = value
    old_tags = sources.normalise_tags(existing.get("tags"))
    merged = sources.normalise_tags(old_tags.split(",") + list(fields.get("tags") or []))
    if merged != old_tags:
        changes["tags"] = merged
    return changes


def import_sources(lib: Library, paths: list[str | Path]) -> OpResult:
    """Import the entries of bibliography files as sources; return an ImportReport. Undo removes the
    sources created and restores the ones updated."""
    files = read_bibliography_files(paths)
    report = ImportReport()
    before: dict[str, dict] = {}
    with write(lib.db):
        for path, fmt, entries, problems in files:
            report.formats[path.name] = fmt
            report.problems += problems
            for entry in entries:
                where = f"{path.name}, {entry.position}"
                try:
                    # A savepoint per entry: a value the library refuses skips that entry only.
                    with write(lib.db):
                        _import_entry(lib, entry.fields, report, before)
                except ValidationError as exc:
                    report.problems.append(f"{where}: {exc}")
    # An entry matching a source created earlier in the same import updates it: it stays "created".
    report.updated = [s for s in dict.fromkeys(report.updated) if s not in report.created]
    report.skipped = [s for s in dict.fromkeys(report.skipped) if s not in report.created and s not in report.updated]
    restore = {s: before[s] for s in report.updated}
    return OpResult(
        changes=Changes.of(sources=True) if report.created or report.updated else Changes(),
        value=report,
        undo=partial(_undo_import, created=tuple(report.created), restore=restore)
        if report.created or report.updated else None,
        label="Import sources",
        notes=list(report.problems),
    )


def _import_entry(lib: Library, fields: dict, report: ImportReport, before: dict[str, dict]) -> None:
    fields = {**fields, "doi": sources.normalise_doi(fields.get("doi"))}
    match = sources.find_matching_source(lib.db, fields["doi"], fields.get("url"), fields.get("title"),
                                         fields.get("published"))
    if match is None:
        values = {k: v for k, v in fields.items() if k != "title"}
        report.created.append(sources.add_source(lib.db, fields["title"], **values))
        return
    changes = _changed_fields(match, fields)
    if not changes:
        report.skipped.append(match["id"])
        return
    before.setdefault(match["id"], {k: match[k] for k in (*IMPORTED_FIELDS, "tags")})
    sources.update_source(lib.db, match["id"], **changes)
    report.updated.append(match["id"])


def _undo_import(lib: Library, created: tuple[str, ...], restore: dict[str, dict]) -> OpResult:
    """Undo of import_sources: delete the sources it created and put back the fields it changed."""
    with write(lib.db):
        for source_id in created:
            try:
                sources.delete_source(lib.db, source_id)
            except StoreError as exc:
                raise ValidationError(f"The import cannot be undone: {exc}") from exc
        for source_id, fields in restore.items():
            sources.update_source(lib.db, source_id, **fields)
    return OpResult(changes=Changes.of(sources=True), value=None, undo=None, label="Undo import sources")
