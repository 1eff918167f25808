"""Opening a library file: checks before any write, migrations with a backup first, connection settings."""
from __future__ import annotations

import logging
import os
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from factcheck_app.store import schema
from factcheck_app.store.backup import automatic_backup
from factcheck_app.store.errors import (
    NewerSchemaError,
    NotAStoreError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreReadOnlyError,
)
from factcheck_app.store.transaction import (
    DEFAULT_BUSY_TIMEOUT_MS,
    busy_timeout_ms,
    is_busy,
    one_line,
    translate,
    write,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks the file as ours ("FCKD"), so `file` and other tools can tell.
APPLICATION_ID = 0x46434B44
BUSY_TIMEOUT_MS = DEFAULT_BUSY_TIMEOUT_MS


@dataclass
class Library:
    """An open library: the sqlite-utils Database, where it lives, and whether it may be written."""

    db: Database
    path: Path
    readonly: bool = False
    migrated_from: int | None = None
    backups: list[Path] = field(default_factory=list)
    #: Things that went wrong without stopping the open (e.g. the daily copy could not be made).
    warnings: list[str] = field(default_factory=list)

    def close(self) -> None:
        """Close the connection (committed work is already on disk)."""
        self.db.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """Return the schema version stored in the file."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]


def _check_file(path: Path) -> bool:
    """Return True when ``path`` holds data to open, False for a new (absent or empty) file; raise if unfit."""
    if path.is_dir():
        raise NotAStoreError(f"{path} is a folder, not a library file.")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    except PermissionError as exc:
        raise StoreReadOnlyError(f"{path} cannot be read: permission denied.") from exc
    if not stat.S_ISREG(mode):
        # Opening a FIFO would block for ever, a device is no library.
        raise NotAStoreError(f"{path} is not a regular file, so it cannot be a library.")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise StoreReadOnlyError(f"{path} cannot be read: permission denied.") from exc
    except OSError as exc:
        raise NotAStoreError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if not head:
        return False
    if head != SQLITE_HEADER:
        raise NotAStoreError(f"{path} is not a Factcheck Desk library (not an SQLite file).")
    return True


def _readonly_uri(path: Path) -> str:
    """Return the URI for a read-only open.

    A WAL library needs its -shm file even to be read; in a folder that cannot be
    written SQLite cannot create it. When no -wal file is there, every committed change
    is in the main file, so it is read as immutable (no locks, no side files).
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    timeout = busy_timeout_ms() / 1000
    if readonly:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, timeout=timeout, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    # Transactions are opened explicitly by store.transaction.write, never implicitly by the driver.
    conn.isolation_level = None
    # A damaged file can hold text that is not UTF-8: show it with U+FFFD rather than crash on reading it.
    conn.text_factory = _decode_text
    return conn


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """Read version and identity without writing; return the schema version."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise _unreadable(exc, path) from exc
    if version == 0 and tables:
        raise NotAStoreError(f"{path} is an SQLite file from another program, not a Factcheck Desk library.")
    if version and (app_id != APPLICATION_ID or "articles" not in tables):
        raise NotAStoreError(f"{path} is an SQLite file from another program, not a Factcheck Desk library.")
    if version > schema.LATEST_VERSION:
        raise NewerSchemaError(
            f"{path} was saved by a newer Factcheck Desk (library version {version}, this app reads up to "
            f"{schema.LATEST_VERSION}); update the app to open it."
        )
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise _unreadable(exc, path) from exc
        raise StoreCorruptError(
            f"{path} is damaged ({one_line(exc)}); restore a backup with `factcheck store restore`."
        ) from exc
    if problems != ["ok"]:
        raise StoreCorruptError(
            f"{path} failed its integrity check ({_first_problem(problems)}); "
            "restore a backup with `factcheck store restore`."
        )
    return version


def _first_problem(problems: list[str]) -> str:
    """Return the first problem SQLite reported as one line (its reports span lines and start with a banner)."""
    for report in problems:
        for line in str(report).splitlines():
            if line.strip() and not line.startswith("***"):
                return line.strip()
    return "unknown damage"


def _unreadable(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    """Return the error for a file whose first reads fail: locked, damaged or not a database."""
    if is_busy(exc):
        return StoreBusyError(
            f"{path} is locked by another program (is it open in another app?); close it there and try again."
        )
    if "malformed" in str(exc).lower() or getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
        return StoreCorruptError(
            f"{path} is damaged ({one_line(exc)}); restore a backup with `factcheck store restore`."
        )
    return NotAStoreError(f"{path} is not a Factcheck Desk library or is damaged ({one_line(exc)}).")


def _migrate(lib: Library, version: int) -> None:
    if version:
        try:
            lib.backups.append(automatic_backup(lib.db.conn, lib.path, f"before-v{schema.LATEST_VERSION}"))
        except OSError as exc:
            # No upgrade without its safety copy: the library stays as it was.
            raise StoreError(
                f"{lib.path} needs an upgrade, but the backup taken first could not be written "
                f"({exc.strerror or exc}); free some space or make its folder writable."
            ) from exc
        lib.migrated_from = version
    for number in range(version + 1, schema.LATEST_VERSION + 1):
        with write(lib.db):
            schema.MIGRATIONS[number - 1](lib.db)
            lib.db.execute(f"PRAGMA user_version = {int(number)}")
            lib.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def inspect_file(path: str | os.PathLike) -> int:
    """Check, without writing, that ``path`` is a sound library this app can read; return its schema version."""
    path = Path(path)
    if not _check_file(path):
        raise NotAStoreError(f"{path} is empty or missing.")
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        return _inspect(conn, path)
    finally:
        conn.close()


def _daily_backup(lib: Library) -> None:
    """Keep the rolling daily copy; a failure is a warning, never a reason to refuse the library."""
    from factcheck_app.store.daily_backup import ensure_daily_backup

    try:
        made = ensure_daily_backup(lib.db.conn, lib.path)
    except (OSError, sqlite3.Error) as exc:
        message = f"The daily backup of {lib.path} could not be made ({one_line(exc)})."
        log.warning(message)
        lib.warnings.append(message)
        return
    if made is not None:
        lib.backups.append(made)


def open_library(path: str | os.PathLike, *, create: bool = True, readonly: bool = False) -> Library:
    """Open (or create) the library at ``path`` and return it ready to use.

    Nothing is written until the file passes its checks: not SQLite, another program's
    database, a newer schema or a failed integrity check raise a StoreError and leave the
    file byte-for-byte as it was. An older schema is backed up, then migrated forward.
    """
    path = Path(path).expanduser()
    exists = _check_file(path)
    if not exists and (readonly or not create):
        raise StoreError(f"{path} does not exist.")
    if not exists and not path.parent.exists():
        raise StoreError(f"The folder {path.parent} does not exist.")
    if not readonly and exists and not os.access(path, os.W_OK):
        raise StoreReadOnlyError(f"{path} is read-only; open it read-only or copy it somewhere writable.")
    if not readonly and not exists and not os.access(path.parent, os.W_OK):
        raise StoreReadOnlyError(f"The folder {path.parent} is read-only; choose another place for the library.")
    if not readonly and exists and not os.access(path.parent, os.W_OK):
        # WAL keeps -wal/-shm files beside the library, so even a writable file needs a writable folder.
        raise StoreReadOnlyError(
            f"The folder of {path} is read-only; open the library read-only or copy it somewhere writable."
        )
    try:
        conn = _connect(path, readonly)
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        version = _inspect(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        lib = Library(db=Database(conn), path=path, readonly=readonly)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a verdict that was reported saved survives a power cut, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
            if version < schema.LATEST_VERSION:
                _migrate(lib, version)
            from factcheck_app.store.exchange import ensure_tracking
            from factcheck_app.store.scales import ensure_builtin_scales

            ensure_tracking(lib.db)
            ensure_builtin_scales(lib.db)
            if exists:
                _daily_backup(lib)
        elif version < schema.LATEST_VERSION:
            raise StoreError(f"{path} needs an upgrade that a read-only library cannot take; open it writable.")
        return lib
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc) from exc
