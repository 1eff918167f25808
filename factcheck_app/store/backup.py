"""Copies of a library made with SQLite's online backup API (consistent even while in use), with its documents."""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from factcheck_app.core.file_errors import describe_os_error
from factcheck_app.store.errors import StoreError, StoreFullError
from factcheck_app.store.sessions import this_host

#: Pages a stepped copy takes at a time (16 MiB at the default page size); its ``step`` runs between them.
STEP_PAGES = 4096
#: A copy's temporary name: "<copy name>.<computer>.<process id>.partial".
PARTIAL_SUFFIX = ".partial"


def backup_dir(store_path: Path) -> Path:
    """Return the folder that holds a library's automatic backups (beside the library file)."""
    return store_path.with_name(store_path.name + ".backups")


def backup_connection(conn: sqlite3.Connection, target: Path,
                      step: Callable[[int, int], None] | None = None) -> Path:
    """Copy the open database ``conn`` into ``target`` (written to a temp name, then renamed); return target.

    A copy interrupted half-way (crash, full disk) leaves only the temp file, never a
    damaged ``target``. With ``step``, the copy goes STEP_PAGES at a time and
    ``step(pages done, pages in all)`` runs between them: whatever it raises stops the
    copy, and the temp file is removed. (SQLite starts a stepped copy again when another
    connection writes meanwhile, unless ``conn`` holds a read transaction.)
    """
    target = Path(target)
    if os.path.exists(target) and not os.path.isfile(target):
        # The copy replaces the target: a device or a pipe must not be swapped for a file.
        raise StoreError(f"{target} is not a regular file (a folder, device or pipe); back up to a file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    # The process id keeps two app instances copying at the same moment off each other's temp file.
    partial = target.with_name(f"{target.name}.{this_host()}.{os.getpid()}{PARTIAL_SUFFIX}")
    if partial.exists():
        partial.unlink()
    dest = sqlite3.connect(str(partial))
    try:
        try:
            if step is None:
                conn.backup(dest)
            else:
                conn.backup(dest, pages=STEP_PAGES,
                            progress=lambda _status, remaining, total: step(total - remaining, total))
        finally:
            dest.close()
        partial.replace(target)
    except BaseException:
        # A full disk or a failed rename leaves neither a half copy nor its journal behind.
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return target


def backup_to(conn: sqlite3.Connection, store_path: Path, target: Path) -> tuple[Path, list[Path]]:
    """Make the copy a checker asked for (`factcheck store backup`), documents included, as
    ``backup_library`` does; every failure is one StoreError line that names the target."""
    try:
        return backup_library(conn, store_path, target)
    except (OSError, sqlite3.Error) as exc:
        raise copy_error(exc, target) from exc


def copy_error(exc: OSError | sqlite3.Error, target: Path) -> StoreError:
    """Return the one-line StoreError for a copy to ``target`` that failed with ``exc``."""
    from factcheck_app.store.transaction import one_line, translate

    if isinstance(exc, OSError):
        return StoreError(describe_os_error(exc, target))
    if isinstance(translate(exc), StoreFullError):
        return StoreError(describe_os_error(OSError(errno.ENOSPC, "disk full"), target))
    return StoreError(f"{target} could not be written ({one_line(exc)}).")


def automatic_backup(conn: sqlite3.Connection, store_path: Path, reason: str,
                     step: Callable[[int, int], None] | None = None) -> Path:
    """Back up the library into its backups folder, named by reason and UTC time; return the copy's path.

    ``step`` as for ``backup_connection``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_connection(conn, backup_dir(store_path) / f"{store_path.stem}-{reason}-{stamp}.sqlite", step)


def document_file_names(conn: sqlite3.Connection) -> list[Path]:
    """Return the stored files (relative to a files folder) that the library open on ``conn`` names."""
    from factcheck_app.ingest.document_types import DOCUMENT_TYPES
    from factcheck_app.store.files import relative_path

    try:
        rows = conn.execute("SELECT sha256, media_type FROM documents").fetchall()
    except sqlite3.OperationalError:  # a library from before documents existed
        return []
    return [relative_path(sha, DOCUMENT_TYPES[media].stored_suffix) for sha, media in rows if media in DOCUMENT_TYPES]


def backup_library(conn: sqlite3.Connection, store_path: Path, target: Path) -> tuple[Path, list[Path]]:
    """Copy the library to ``target`` and its documents' files to ``<target>.files``; return
    (target, the files that were missing from the library's files folder and so not copied).

    The document list is read from the copy, so files and rows agree even while the app writes.
    """
    from factcheck_app.store.files import copy_files, files_dir

    backup_connection(conn, target)
    copy = sqlite3.connect(str(target))
    try:
        names = document_file_names(copy)
    finally:
        copy.close()
    missing = copy_files(files_dir(store_path), files_dir(target), names) if names else []
    return target, missing
