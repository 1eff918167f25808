"""Sending changes to a colleague and reading what another library holds: the exchange operations.

``export_changes`` writes everything changed since the last exchange with a colleague (all
of it the first time) and remembers how far it got; ``read_changes`` reads a change file or
a whole library as one change set for ``ops.merge.merge_changes``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck_app.core.exchange_tables import EXCHANGE_TABLES, ExchangeTable, exchange_table
from factcheck_app.core.ids import utc_now
from factcheck_app.ops.change_file import ChangeFileError, ChangeSet, Entry, is_change_file, read_change_file, write_change_file
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.store import exchange as rows
from factcheck_app.store.documents import stored_suffix
from factcheck_app.store.files import read_stored
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library, open_library
from factcheck_app.store.transaction import write


@dataclass
class ExportResult:
    """What a change file holds: where it went, how many row versions, how many claims, its size,
    and the documents that went without their file (missing or changed beside this library)."""

    path: Path
    rows: int
    claims: int
    size: int
    first: bool
    missing_files: tuple[str, ...] = ()


def collect_changes(lib: Library, since: int | None, header: dict) -> ChangeSet:
    """Return the library's row versions after local change ``since`` (None: everything) as a change set."""
    changes = ChangeSet(header={"library": rows.library_id(lib.db), **header})
    have = set(lib.db.table_names())
    for table in EXCHANGE_TABLES:
        if table.name not in have:
            continue
        entries = [Entry(k, s, d, _travelling(table, r)) for k, s, d, r in rows.changed_rows(lib.db, table, since)]
        if entries:
            changes.tables[table.name] = entries
    # Only documents changed since the last exchange send their file: one that is carried along
    # (below) reached that colleague before, and a library keeps the files of documents it removed.
    changes.missing_files = _carry_document_files(lib, changes)
    if since is not None:
        _carry_kept_rows(lib, changes)
        _carry_parts(lib, changes)
    changes.aliases = rows.alias_rows(lib.db)
    return changes


def _travelling(table: ExchangeTable, row: dict | None) -> dict | None:
    """Return the row without the columns that stay in the library that made them."""
    if row is None or not table.local_columns:
        return row
    return {k: v for k, v in row.items() if k not in table.local_columns}


def _carry_document_files(lib: Library, changes: ChangeSet) -> list[str]:
    """Add the file bytes of every changed document row the change set holds (the colleague may lack them);
    return the names of the documents whose file is missing or changed here (their rows go without it).

    Such a row still merges where the colleague already has the file; where they do not, their
    merge refuses it (see ops/merge_documents.py) rather than name a file the library lacks.
    """
    missing = []
    for entry in changes.tables.get("documents", []):
        if entry.row is None or entry.row["sha256"] in changes.files:
            continue
        data = read_stored(lib.path, entry.row["sha256"], stored_suffix(entry.row))
        if data is None:
            missing.append(entry.row["file_name"])
        else:
            changes.files[entry.row["sha256"]] = data
    return missing


def _carry_kept_rows(lib: Library, changes: ChangeSet) -> None:
    """Add the rows that changed rows keep alive or name (the source evidence cites, a verdict's scale) when absent.

    The colleague may have removed such a row meanwhile; with it in the file, their merge can
    put it back rather than drop the evidence or the verdict that names it.
    """
    for table in EXCHANGE_TABLES:
        for column, target in {**table.keeps, **table.carries}.items():
            named = {e.row[column] for e in changes.tables.get(table.name, []) if e.row and e.row.get(column)}
            present = {e.key for e in changes.tables.get(target, []) if not e.deleted}
            wanted = named - present
            if wanted:
                extra = [Entry(k, s, False, _travelling(exchange_table(target), r)) for k, s, r in rows.rows_with_stamps(lib.db, exchange_table(target), wanted)]
                changes.tables.setdefault(target, []).extend(extra)


def _carry_parts(lib: Library, changes: ChangeSet) -> None:
    """Add the parts (a document's pages) of every row the change set holds, when absent: a colleague who
    removed the row and gets it back (kept because something names it) gets it back whole."""
    for table in EXCHANGE_TABLES:
        for column, whole in table.part_of.items():
            wholes = {e.key for e in changes.tables.get(whole, []) if not e.deleted}
            if not wholes:
                continue
            present = {e.key for e in changes.tables.get(table.name, [])}
            extra = [Entry(k, s, False, _travelling(table, r))
                     for k, s, r in rows.parts_with_stamps(lib.db, table, column, wholes) if k not in present]
            changes.tables.setdefault(table.name, []).extend(extra)


def export_changes(lib: Library, colleague: str, path: str | os.PathLike, *, by: str | None = None) -> OpResult:
    """Write the changes a colleague has not been sent yet to ``path``; return an ExportResult as value.

    Reading the changes and recording how far they go is one transaction, so a change made
    meanwhile is either in the file or in the next one. The file is written before the
    record is committed: a failed write sends nothing and records nothing.
    """
    name = require_person(colleague, "sending changes (--for NAME: who they are for)")
    with write(lib.db):
        peer = rows.get_peer(lib.db, name)
        since = peer["sent_seq"] if peer and peer["sent_seq"] else None
        upto = rows.current_seq(lib.db)
        header = {"from": " ".join(by.split()) if by else None, "for": name, "created_at": utc_now(),
                  "since": since, "up_to": upto}
        changes = collect_changes(lib, since, header)
        size = write_change_file(changes, path)
        rows.record_sent(lib.db, name, upto)
    claims = len(changes.tables.get("claims", []))
    result = ExportResult(Path(path), changes.count(), claims, size, since is None, tuple(changes.missing_files))
    notes = [f"{name}: its file is missing or changed beside the library (see `factcheck store check`); "
             "the document was sent without it" for name in result.missing_files]
    return OpResult(changes=Changes(), value=result, undo=None, label="Send changes", notes=notes)


def read_changes(path: str | os.PathLike) -> ChangeSet:
    """Return what ``path`` holds as a change set: a change file as written, a whole library as everything."""
    path = Path(path)
    if path.is_dir():
        raise ChangeFileError(f"{path} is a folder; give a change file or a library file.")
    if is_change_file(path):
        return read_change_file(path)
    try:
        other = open_library(path, readonly=True)
    except StoreError as exc:
        raise ChangeFileError(f"{path.name} is neither a change file nor a library: {exc}") from exc
    with other:
        if "exchange_identity" not in other.db.table_names():
            raise ChangeFileError(
                f"{path.name} is a library from an older Factcheck Desk; open it once with this app, then merge it."
            )
        return collect_changes(other, None, {"from": None, "for": None, "created_at": utc_now(), "library_file": path.name})
