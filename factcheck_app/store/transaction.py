"""One write = one transaction, taken with BEGIN IMMEDIATE so that two writers queue instead of failing."""
from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator

from sqlite_utils import Database

from factcheck_app.store.errors import StoreBusyError, StoreError, StoreFullError, StoreReadOnlyError

# The busy timeout already waits inside SQLite; these retries cover the rare
# SQLITE_BUSY that SQLite returns at once (e.g. a WAL checkpoint in progress).
BEGIN_RETRIES = 5


def translate(error: sqlite3.Error) -> StoreError:
    """Return the StoreError that tells a checker what a low-level SQLite error means."""
    text = str(error).lower()
    if "full" in text:
        return StoreFullError("The disk is full: the change was not saved and the library is unchanged.")
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return StoreReadOnlyError("The library is read-only here: open a writable copy to make changes.")
    if "locked" in text or "busy" in text:
        return StoreBusyError("Another program kept the library busy too long; try the change again.")
    if "not a database" in text or "malformed" in text:
        return StoreError("The library file is damaged; restore a backup with `factcheck store restore`.")
    return StoreError(f"The library could not complete the change: {error}")


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """Run the block as one IMMEDIATE transaction; nested calls become savepoints.

    Commits when the block ends, rolls back on any exception (re-raised, with SQLite
    errors translated into StoreError subclasses).
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    for attempt in range(BEGIN_RETRIES):
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if attempt == BEGIN_RETRIES - 1 or "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise translate(exc) from exc
            time.sleep(0.05 * (attempt + 1))
    try:
        yield db
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
