"""Copies of a library made with SQLite's online backup API (consistent even while in use), with its documents."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path


def backup_dir(store_path: Path) -> Path:
    """Return the folder that holds a library's automatic backups (beside the library file)."""
    return store_path.with_name(store_path.name + ".backups")


def backup_connection(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database ``conn`` into ``target`` (written to a temp name, then renamed); return target.

    A copy interrupted half-way (crash, full disk) leaves only the temp file, never a
    damaged ``target``.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The process id keeps two app instances copying at the same moment off each other's temp file.
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    if partial.exists():
        partial.unlink()
    dest = sqlite3.connect(str(partial))
    try:
        conn.backup(dest)
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)
        raise
    dest.close()
    partial.replace(target)
    return target


def automatic_backup(conn: sqlite3.Connection, store_path: Path, reason: str) -> Path:
    """Back up the library into its backups folder, named by reason and UTC time; return the copy's path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_connection(conn, backup_dir(store_path) / f"{store_path.stem}-{reason}-{stamp}.sqlite")


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
