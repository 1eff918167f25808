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
    StoreFullError,
    StoreIOError,
    StoreReadOnlyError,
    StrayWalError,
)
from factcheck_app.store.identity import has_identity
from factcheck_app.store.sessions import begin_session, end_session, remove_marker, sessions
from factcheck_app.store.transaction import (
    DEFAULT_BUSY_TIMEOUT_MS,
    busy_timeout_ms,
    is_busy,
    one_line,
    translate,
    write,
)
from factcheck_app.store.wal_check import check_side_files

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks the file as ours ("FCKD"), so `file` and other tools can tell.
APPLICATION_ID = 0x46434B44
BUSY_TIMEOUT_MS = DEFAULT_BUSY_TIMEOUT_MS
#: Libraries up to this size get SQLite's quick check at every open (tens of milliseconds); larger ones
#: only after an unclean shutdown and on demand (`factcheck store check`), so opening stays fast.
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


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
    #: This process's marker beside the library while it is open read-write (see store.sessions).
    session: Path | None = None

    def close(self) -> None:
        """Close the connection (committed work is already on disk), then this process's session marker."""
        self.db.conn.close()
        end_session(self.session)
        self.session = None

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


def _readonly_uri(path: Path, immutable: bool = False) -> str:
    """Return the URI for a read-only open.

    A WAL library needs its -shm file even to be read; in a folder that cannot be
    written SQLite cannot create it. When no -wal file is there, every committed change
    is in the main file, so it is read as immutable (no locks, no side files); so is a
    file the caller asks to read ``immutable`` (its WAL, if any, holds no transaction).
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if immutable or (not os.access(path.parent, os.W_OK) and not wal.exists()):
        uri += "&immutable=1"
    return uri


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


class LibraryConnection(sqlite3.Connection):
    """A library's connection; with ``stamps_commits`` set, write() counts each commit in the identity row."""

    stamps_commits = False


def _connect(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    timeout = busy_timeout_ms() / 1000
    if readonly:
        conn = sqlite3.connect(_readonly_uri(path, immutable), uri=True, timeout=timeout, check_same_thread=False,
                               factory=LibraryConnection)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False, factory=LibraryConnection)
    # Transactions are opened explicitly by store.transaction.write, never implicitly by the driver.
    conn.isolation_level = None
    # A damaged file can hold text that is not UTF-8: show it with U+FFFD rather than crash on reading it.
    conn.text_factory = _decode_text
    return conn


def _inspect(conn: sqlite3.Connection, path: Path, unclean: bool = False) -> int:
    """Read version and identity without writing; return the schema version.

    The full integrity check runs when the library was not closed cleanly (``unclean``);
    a small library gets the quick check at every open; `factcheck store check` runs the
    full one on demand.
    """
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
    if version < 0:
        # user_version is a signed number: a negative one is a damaged header, not a schema.
        raise StoreCorruptError(
            f"{path} is damaged (its schema version reads {version}); restore a backup with `factcheck store restore`."
        )
    if version > schema.LATEST_VERSION:
        raise NewerSchemaError(
            f"{path} was saved by a newer Factcheck Desk (library version {version}, this app reads up to "
            f"{schema.LATEST_VERSION}); update the app to open it."
        )
    if unclean:
        log.info("%s was not closed cleanly; running the full integrity check", path)
        problems = integrity_problems(conn, path)
        when = " after an unclean shutdown"
    elif _size(path) <= QUICK_CHECK_MAX_BYTES:
        problems = integrity_problems(conn, path, quick=True)
        when = ""
    else:
        problems = []
    if problems:
        raise StoreCorruptError(
            f"{path} failed its integrity check{when} ({_first_problem(problems)}); "
            "restore a backup with `factcheck store restore`."
        )
    return version


def _unclean_shutdown(path: Path, wal_in_use: bool) -> tuple[bool, list[Path]]:
    """Return whether the library was left open by a process that has gone, and that process's markers.

    A marker of a process that no longer runs says so; so does a WAL holding transactions
    when no running process has the library open (a crash of an app without markers).
    """
    found = sessions(path)
    abandoned = [s.path for s in found if s.abandoned()]
    running = [s for s in found if not s.abandoned()]
    return bool(abandoned) or (wal_in_use and not running), abandoned


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def integrity_problems(conn: sqlite3.Connection, path: Path, *, quick: bool = False) -> list[str]:
    """Run SQLite's full (or ``quick``) integrity check; return its findings ([] when sound).

    Raises StoreError when the file cannot be read at all.
    """
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise _unreadable(exc, path) from exc
        raise StoreCorruptError(
            f"{path} is damaged ({one_line(exc)}); restore a backup with `factcheck store restore`."
        ) from exc
    return [] if problems == ["ok"] else problems


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
    exists = _check_file(path)  # first: a pipe or device is refused before any of it is read
    wal_in_use = check_side_files(path, APPLICATION_ID)
    if not exists and not wal_in_use:
        raise NotAStoreError(f"{path} is empty or missing.")
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        return _inspect(conn, path, _unclean_shutdown(path, wal_in_use)[0])
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


def skip_fsync(lib: Library) -> None:
    """Stop waiting for the disk on each commit: only for a throwaway library (a batch's scratch copy)."""
    lib.db.execute("PRAGMA synchronous = OFF")


def open_library(path: str | os.PathLike, *, create: bool = True, readonly: bool = False,
                 snapshot: bool = False, daily_backup: bool = True) -> Library:
    """Open (or create) the library at ``path`` and return it ready to use.

    ``snapshot`` (with ``readonly``): for a short read, such as a command's, when the
    library's -wal holds no transactions the file is read without any side file, so a read
    works even on a disk too full to create one. ``daily_backup=False`` leaves the day's
    copy (made by the first read-write open of a day) to the caller: the app makes it in a
    worker thread (``store.daily_backup.make_daily_backup``) rather than before its window shows.

    Nothing is written until the file and its -wal pass their checks, made read-only: not
    SQLite, another program's database, a -wal that is not the library's own, a newer schema
    or (after an unclean shutdown) a failed integrity check raise a StoreError and leave the
    file byte-for-byte as it was. An older schema is backed up, then migrated forward.
    """
    path = Path(path).expanduser()
    exists = _check_file(path)
    wal_in_use = check_side_files(path, APPLICATION_ID)
    has_data = exists or wal_in_use
    if not has_data and (readonly or not create):
        raise StoreError(f"{path} does not exist.")
    if not has_data and not path.parent.exists():
        raise StoreError(f"The folder {path.parent} does not exist.")
    if not readonly and has_data and not os.access(path, os.W_OK):
        raise StoreReadOnlyError(f"{path} is read-only; open it read-only or copy it somewhere writable.")
    if not readonly and not has_data and not os.access(path.parent, os.W_OK):
        raise StoreReadOnlyError(f"The folder {path.parent} is read-only; choose another place for the library.")
    if not readonly and has_data and not os.access(path.parent, os.W_OK):
        # WAL keeps -wal/-shm files beside the library, so even a writable file needs a writable folder.
        raise StoreReadOnlyError(
            f"The folder of {path} is read-only; open the library read-only or copy it somewhere writable."
        )
    version = 0
    unclean, abandoned = _unclean_shutdown(path, wal_in_use)
    try:
        if has_data and readonly:
            conn = _connect(path, readonly=True, immutable=snapshot and not wal_in_use)
            try:
                version = _inspect(conn, path, unclean)
            except sqlite3.Error as exc:
                conn.close()
                raise _open_error(exc, path) from exc
            except BaseException:
                conn.close()
                raise
            _clear(abandoned)
            conn.execute("PRAGMA foreign_keys = ON")
            return _finish_read_only(conn, path, version)
        if has_data:
            version = _probe(path, unclean, wal_in_use)
            _clear(abandoned)
        conn = _connect(path, readonly=False)
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise _open_error(exc, path) from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        lib = Library(db=Database(conn), path=path, readonly=False)
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a verdict that was reported saved survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        # Read again on this connection: another process may have upgraded the file since the probe.
        version = max(version, lib.schema_version)
        if version < schema.LATEST_VERSION:
            _migrate(lib, version)
        conn.stamps_commits = has_identity(conn)
        from factcheck_app.store.exchange import ensure_tracking
        from factcheck_app.store.scales import ensure_builtin_scales

        ensure_tracking(lib.db)
        ensure_builtin_scales(lib.db)
        lib.session = begin_session(path)
        if exists and daily_backup:
            _daily_backup(lib)
        return lib
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(exc, path) from exc


def _open_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """Return the error for a failure while a library is being opened (no change was asked for yet)."""
    if is_busy(exc):
        return _unreadable(exc, path)
    error = translate(exc)
    if isinstance(error, StoreFullError):
        return StoreFullError(f"The disk holding {path} is full, so the library cannot be opened for changes; "
                              "free some space (the library is unchanged).")
    if isinstance(error, StoreIOError):
        return StoreIOError(f"{path} could not be opened: the disk reported an error (is it full or failing?); "
                            "the library is unchanged.")
    return error


def _probe(path: Path, unclean: bool, wal_in_use: bool) -> int:
    """Inspect the library through a read-only connection before the read-write one; return its version.

    Look before touching: a read-only connection never checkpoints a WAL into the file.
    Without a WAL holding transactions the file alone is the library, read as immutable
    (no -wal/-shm files made); if the file changed meanwhile, it is read again with locks.
    """
    if not wal_in_use:
        before = _signature(path)
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
            conn.text_factory = _decode_text
        except sqlite3.Error as exc:
            raise translate(exc) from exc
        try:
            return _inspect(conn, path, unclean)
        except StoreError:
            if _signature(path) == before:
                raise
        finally:
            conn.close()
    conn = _connect(path, readonly=True)
    try:
        return _inspect(conn, path, unclean)
    finally:
        conn.close()


def _signature(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def _clear(markers: list[Path]) -> None:
    """Remove the markers of a crashed session once the library passed its check."""
    for marker in markers:
        remove_marker(marker)


def _finish_read_only(conn: sqlite3.Connection, path: Path, version: int) -> Library:
    """Return the read-only Library on an inspected connection (closed again if it cannot be used)."""
    if version < schema.LATEST_VERSION:
        conn.close()
        raise StoreError(f"{path} needs an upgrade that a read-only library cannot take; open it writable.")
    return Library(db=Database(conn), path=path, readonly=True)
