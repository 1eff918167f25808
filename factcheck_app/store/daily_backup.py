"""The rolling daily copy: one automatic backup a day, the last week of them kept."""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from factcheck_app.processes import process_running
from factcheck_app.store.backup import PARTIAL_SUFFIX, automatic_backup, backup_dir, copy_error
from factcheck_app.store.sessions import this_host

DAILY_REASON = "daily"
DAY_SECONDS = 24 * 60 * 60
KEEP_DAYS = 7
KEEP_COPIES = 7
# A copy still being written by an instance on another computer (a shared folder) is younger
# than this; older leftovers are from a process that died mid-copy and are never completed.
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

    Also removes half-written copies left by a process that died while copying (see ``stale_partial``).
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
        for partial in folder.glob(f"*{PARTIAL_SUFFIX}"):
            try:
                if stale_partial(partial, now):
                    _unlink_quietly(partial)
            except FileNotFoundError:
                continue
    return deleted


def stale_partial(partial: Path, now: float) -> bool:
    """Return True when the half-written copy ``partial`` is no longer being written.

    One of this computer names its process, which is gone once it no longer runs (an app
    closed or killed mid-copy); any other (another computer's, an older version's) is given
    STALE_PARTIAL_SECONDS.
    """
    parts = partial.name[: -len(PARTIAL_SUFFIX)].rsplit(".", 2)
    if len(parts) == 3 and parts[1] == this_host() and parts[2].isdigit():
        return not process_running(int(parts[2]))
    return now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS


def daily_backup_due(store_path: Path, now: float | None = None) -> bool:
    """Return True when the library has no daily copy yet or the newest is a day old."""
    now = time.time() if now is None else now
    existing = daily_backups(store_path)
    try:
        return not existing or now - existing[0].stat().st_mtime >= DAY_SECONDS
    except FileNotFoundError:  # pruned by another instance meanwhile
        return True


def ensure_daily_backup(conn: sqlite3.Connection, store_path: Path, now: float | None = None) -> Path | None:
    """Make today's copy when the newest daily copy is a day old or missing, then prune old ones.

    Returns the new copy's path, or None when a recent one already existed.
    """
    made = automatic_backup(conn, store_path, DAILY_REASON) if daily_backup_due(store_path, now) else None
    prune_daily_backups(store_path, now)
    return made


def make_daily_backup(store_path: Path, step: Callable[[int, int], None] | None = None,
                      now: float | None = None) -> Path | None:
    """Make today's copy, when one is due, through a read-only connection of this thread's own (for a
    worker thread while the app goes on writing); prune old copies; return the new copy or None.

    The copy is of one moment: a read transaction held from first page to last keeps the
    changes committed meanwhile out of it (and keeps SQLite from starting it again at each
    of them). ``step(pages done, pages in all)`` runs between parts of the copy; whatever it
    raises stops the copy, its temporary file is removed and no older copy is pruned. A copy
    that cannot be made raises StoreError with one line; the library is never written.
    """
    if not daily_backup_due(store_path, now):
        prune_daily_backups(store_path, now)
        return None
    folder = backup_dir(store_path)
    try:
        conn = sqlite3.connect(Path(store_path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10,
                               isolation_level=None)
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the moment the copy is of
            made = automatic_backup(conn, store_path, DAILY_REASON, step)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        raise copy_error(exc, folder) from exc
    prune_daily_backups(store_path, now)
    return made
