"""One write = one transaction, taken with BEGIN IMMEDIATE so that two writers queue instead of failing."""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator

from sqlite_utils import Database

from factcheck_app.store.identity import stamp_commit
from factcheck_app.store.errors import (
    NotAStoreError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreIOError,
    StoreReadOnlyError,
    ValidationError,
)

#: How long a write waits for another program's transaction before giving up.
DEFAULT_BUSY_TIMEOUT_MS = 10_000
#: Environment override of the busy timeout, in milliseconds (tests make it short).
BUSY_TIMEOUT_ENV = "FACTCHECK_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """Return the busy timeout: $FACTCHECK_BUSY_TIMEOUT_MS when it is a whole number >= 0, else 10 s."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if raw.isdigit():
        return int(raw)
    return DEFAULT_BUSY_TIMEOUT_MS


_BUSY_MESSAGE = "Another program kept the library busy too long; the change was not saved, try it again."


def one_line(error: BaseException, limit: int = 160) -> str:
    """Return the error's text as one line of at most ``limit`` characters (SQLite may quote whole schemas)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(error: sqlite3.Error) -> str:
    """Return SQLite's error name (SQLITE_FULL, SQLITE_BUSY...) or '' when the driver gives none."""
    return (getattr(error, "sqlite_errorname", None) or "").upper()


def is_busy(error: sqlite3.Error) -> bool:
    """Return True when ``error`` means another connection holds a lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    kind = _kind(error)
    if kind:
        return kind.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    text = str(error).lower()
    return "locked" in text or "busy" in text


def is_database_error(error: BaseException) -> bool:
    """Return True when ``error`` comes from SQLite (so callers outside store/ need not import sqlite3)."""
    return isinstance(error, sqlite3.Error)


def translate(error: sqlite3.Error) -> StoreError:
    """Return the StoreError that tells a checker what a low-level SQLite error means."""
    kind = _kind(error)
    text = str(error).lower()
    if kind == "SQLITE_FULL" or "disk is full" in text:
        return StoreFullError("The disk is full: the change was not saved and the library is unchanged.")
    if kind.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text or "attempt to write" in text:
        return StoreReadOnlyError("The library is read-only here: open a writable copy to make changes.")
    if is_busy(error):
        return StoreBusyError(_BUSY_MESSAGE)
    if kind.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreIOError("The disk reported an error (is it full or failing?): the change was not saved.")
    if kind == "SQLITE_NOTADB" or "not a database" in text:
        return NotAStoreError("The file is not a Factcheck Desk library (not an SQLite database).")
    if kind.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return StoreCorruptError("The library file is damaged; restore a backup with `factcheck store restore`.")
    return StoreError(f"The library could not complete the change: {one_line(error)}")


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, retried while within the busy timeout.

    SQLite's busy handler already waits inside the call; a retry only covers the rare
    SQLITE_BUSY returned at once (e.g. while a WAL checkpoint or recovery runs), so the
    total wait never exceeds the timeout the checker was promised.
    """
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + delay > deadline:
                raise translate(exc) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """Run the block as one IMMEDIATE transaction; nested calls become savepoints.

    Commits when the block ends, rolls back on any exception (re-raised, with SQLite
    errors translated into StoreError subclasses). When it returns, the change is on disk.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    _begin_immediate(conn)
    try:
        yield db
        if getattr(conn, "stamps_commits", False):
            # Every transaction in the library's own WAL carries its identity: see store.identity.
            stamp_commit(conn)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc) from exc
    except UnicodeEncodeError as exc:
        # Text with lone surrogates (e.g. undecodable bytes from a command line) cannot be stored as UTF-8.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise ValidationError(
            "The text contains characters that are not valid Unicode (bytes in a wrong encoding?); nothing was saved."
        ) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
