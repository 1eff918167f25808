"""Collections of published fact-checks: importing ClaimReview files and removing a collection.

An import reads every file first (a file that cannot be read at all stops it before anything
is written), then writes every check in one transaction: a check already in the library
(same review address and claim) is updated, not duplicated. Afterwards the library's claims
are matched again, so "Checked before" shows what the new checks say.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck_app.core.published_checks import PublishedCheck
from factcheck_app.extract.match_text import search_prefixes, terms
from factcheck_app.ingest.claimreview import ReadResult, read_checks
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.matching import match_claims
from factcheck_app.store import claim_matches, published_checks
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write

#: Checks written between two progress reports.
PROGRESS_STEP = 2000

Progress = Callable[[int, int], None]


@dataclass
class FileChecks:
    """One file read for import: its name, the collection it goes to, what it held."""

    path: str
    collection: str
    result: ReadResult


@dataclass
class ImportSummary:
    """What an import did: checks added and updated, items skipped (with file and position),
    the collections written, and how many claims now have a match."""

    added: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    matched_claims: int = 0


def collection_name(path: str | os.PathLike) -> str:
    """Return the default collection name of a file: its name without the extension."""
    return Path(path).stem or Path(path).name


def read_files(paths: Sequence[str | os.PathLike], collection: str | None = None) -> list[FileChecks]:
    """Read every file (raising IngestError or OSError for one that cannot be read at all)."""
    files = []
    for path in paths:
        data = Path(path).read_bytes()
        files.append(FileChecks(str(path), collection or collection_name(path), read_checks(data, Path(path).name)))
    return files


def _prepared(checks: list[PublishedCheck]):
    for check in checks:
        yield check, terms(check.claim), terms(check.title or "")


def import_checks(lib: Library, files: Sequence[FileChecks], progress: Progress | None = None,
                  match: bool = True) -> OpResult:
    """Write the checks of files already read into their collections and match the claims they
    may match, in one transaction; return an ImportSummary.

    Duplicates inside one import keep the last one read. ``progress(done, total)`` is called
    as checks are written (and again while claims are matched). Published checks are reference
    data: undo is not offered; remove a collection instead.
    """
    summary = ImportSummary()
    for f in files:
        summary.skipped += [f"{Path(f.path).name}: {s}" for s in f.result.skipped]
    total = sum(len(f.result.checks) for f in files)
    done = 0
    with write(lib.db):
        for f in files:
            if not f.result.checks:
                continue
            collection_id = published_checks.ensure_collection(lib.db, f.collection, Path(f.path).name)
            if f.collection not in summary.collections:
                summary.collections.append(f.collection)
            unique = list({c.key: c for c in f.result.checks}.values())
            for start in range(0, len(unique), PROGRESS_STEP):
                chunk = unique[start : start + PROGRESS_STEP]
                known = published_checks.upsert_checks(lib.db, collection_id, list(_prepared(chunk)))
                summary.updated += known
                summary.added += len(chunk) - known
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        changes = Changes.of(checks=True)
        if match and (summary.added or summary.updated):
            checks = [c for f in files for c in f.result.checks]
            matched = match_claims(lib, claims_to_rematch(lib, checks), progress=progress)
            changes = changes | matched.changes
        summary.matched_claims = claim_matches.matched_claim_count(lib.db)
    return OpResult(changes=changes, value=summary, label="Import fact-checks")


#: Rarest words of a new check looked up among the library's claims to find those it may match.
RARE_WORDS = 4


def claims_to_rematch(lib: Library, checks: Sequence[PublishedCheck]) -> list[str] | None:
    """Return the claims that new checks may match (None: all of them).

    When the library holds more claims than were imported checks, each check's rarest words
    are looked up among the claims, so a large collection imported into a large library costs
    what the smaller of the two does.
    """
    if claim_matches.claim_count(lib.db) <= len(checks):
        return None
    cut = [search_prefixes(f"{c.claim} {c.title or ''}") for c in checks]
    frequencies = published_checks.document_frequencies(lib.db, set().union(*cut))
    found: dict[str, None] = {}
    for prefixes in cut:
        rare = sorted(prefixes, key=lambda t: frequencies.get(t, 0))[:RARE_WORDS]
        found.update(dict.fromkeys(claim_matches.claims_with_words(lib.db, [prefixes[t] for t in rare])))
    return list(found)


def import_check_files(lib: Library, paths: Sequence[str | os.PathLike], collection: str | None = None,
                       progress: Progress | None = None) -> OpResult:
    """Read and import ClaimReview files (see ``read_files`` and ``import_checks``)."""
    return import_checks(lib, read_files(paths, collection), progress)


def remove_collection(lib: Library, name: str) -> OpResult:
    """Remove a collection of published checks and the matches that pointed at them; return
    how many checks went. Not undoable: import the file again to bring it back."""
    with write(lib.db):
        collection = published_checks.resolve_collection(lib.db, name)
        count = published_checks.remove_collection(lib.db, collection["id"])
    return OpResult(changes=Changes.of(checks=True), value=count,
                    label=f"Remove collection {collection['name']}")
