"""Putting a backup back in place of a library, keeping the current file aside first; its documents come too."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

from factcheck_app.store.backup import backup_dir
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import inspect_file


def list_backups(store_path: Path) -> list[Path]:
    """Return the library's automatic backups, newest first."""
    folder = backup_dir(store_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def restore_backup(store_path: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Replace the library with ``backup`` (default: the newest automatic one); return (backup, kept copy).

    The backup is checked before anything moves; the current file (if any) is renamed
    aside, never deleted, and its -wal/-shm files go with it.
    """
    if backup is None:
        found = list_backups(store_path)
        if not found:
            raise StoreError(f"No automatic backups of {store_path} were found.")
        backup = found[0]
    if not backup.is_file():
        raise StoreError(f"No backup at {backup}.")
    try:
        inspect_file(backup)
    except StoreError as exc:
        raise StoreError(f"{backup} cannot be restored: {exc}") from exc
    restore_documents(store_path, backup)
    kept = None
    if store_path.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        kept = store_path.with_name(f"{store_path.name}.replaced-{stamp}")
        store_path.replace(kept)
        for suffix in ("-wal", "-shm"):
            side = store_path.with_name(store_path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    partial = store_path.with_name(store_path.name + ".restoring")
    shutil.copy2(backup, partial)
    partial.replace(store_path)
    return backup, kept


def restore_documents(store_path: Path, backup: Path) -> list[Path]:
    """Copy the document files a backup names from ``<backup>.files`` into the library's files folder
    (those missing or changed there); return the files found in neither place.

    Files are content-addressed and never replaced by other bytes, so copying them before the
    library itself moves cannot harm the current library.
    """
    import sqlite3

    from factcheck_app.store.backup import document_file_names
    from factcheck_app.store.files import copy_files, files_dir, sha256_of_file

    conn = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        names = document_file_names(conn)
    finally:
        conn.close()
    target = files_dir(store_path)
    # A file already there is kept only when its bytes still match the hash it is named by.
    wanted = [n for n in names if not (target / n).is_file() or sha256_of_file(target / n) != n.stem]
    if not wanted:
        return []
    return copy_files(files_dir(backup), target, wanted)
