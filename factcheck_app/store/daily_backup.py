"""The rolling daily copy: one automatic backup a day, the last week of them kept."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from factcheck_app.store.backup import automatic_backup, backup_dir

DAILY_REASON = "daily"
DAY_SECONDS = 24 * 60 * 60
KEEP_DAYS = 7
KEEP_COPIES = 7
# A copy still being written by another instance is younger than this; older leftovers
# are from a process that died mid-copy and are never completed.
STALE_PARTIAL_SECONDS = 60 * 60


def daily_backups(store_path: Path) -> list[Path]:
    """Return the library's daily copies, newest first (by modification time)."""
    folder = backup_dir(store_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{store_path.stem}-{DAILY_REASON}-*.sqlite"):
        try:
            found.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # pruned by another instance meanwhile
            continue
    return [p for _, p in sorted(found, reverse=True)]


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def prune_daily_backups(store_path: Path, now: float | None = None) -> list[Path]:
    """Delete daily copies older than KEEP_DAYS and all but the newest KEEP_COPIES; return the deleted paths.

    Also removes half-written copies left by a process that died while copying.
    """
    now = time.time() if now is None else now
    deleted = []
    for index, path in enumerate(daily_backups(store_path)):
        try:
            age = now - path.stat().st_mtime
        except FileNotFoundError:
            continue
        if index >= KEEP_COPIES or age > KEEP_DAYS * DAY_SECONDS:
            _unlink_quietly(path)
            deleted.append(path)
    folder = backup_dir(store_path)
    if folder.is_dir():
        for partial in folder.glob("*.partial"):
            try:
                if now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:
                    _unlink_quietly(partial)
            except FileNotFoundError:
                continue
    return deleted


def ensure_daily_backup(conn: sqlite3.Connection, store_path: Path, now: float | None = None) -> Path | None:
    """Make today's copy when the newest daily copy is a day old or missing, then prune old ones.

    Returns the new copy's path, or None when a recent one already existed.
    """
    now = time.time() if now is None else now
    existing = daily_backups(store_path)
    made = None
    if not existing or now - existing[0].stat().st_mtime >= DAY_SECONDS:
        made = automatic_backup(conn, store_path, DAILY_REASON)
    prune_daily_backups(store_path, now)
    return made
