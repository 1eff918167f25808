"""The library's identity stamp: a random id and a commit count that every write transaction rewrites.

SQLite cannot tell whether a ``-wal`` file belongs to the database beside it, and replaying
another database's WAL destroys the library. Because every commit this app makes rewrites
the one-row ``library_identity`` table, every transaction in a library's own WAL carries
the library's id and its commit count; ``store.wal_check`` looks for them there.
"""
from __future__ import annotations

import re
import sqlite3
import uuid
from dataclasses import dataclass

IDENTITY_TABLE = "library_identity"
_PREFIX = "fcid:"
_COUNT_DIGITS = 20
#: The stamp as its bytes appear in a page image (SQLite stores text as is, UTF-8).
STAMP_PATTERN = re.compile(rb"fcid:([0-9a-f]{32}):([0-9]{20})")


@dataclass(frozen=True)
class Stamp:
    """A library's id and how many write transactions it has committed."""

    library_id: str
    commits: int


def _text(library_id: str, commits: int) -> str:
    return f"{_PREFIX}{library_id}:{commits:0{_COUNT_DIGITS}d}"


def create_identity_table(conn: sqlite3.Connection) -> None:
    """Create the one-row identity table with a fresh random id (run by a migration)."""
    conn.execute(
        f"CREATE TABLE {IDENTITY_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), stamp TEXT NOT NULL)"
    )
    conn.execute(f"INSERT INTO {IDENTITY_TABLE} (id, stamp) VALUES (1, ?)", [_text(uuid.uuid4().hex, 0)])


def stamp_commit(conn: sqlite3.Connection) -> None:
    """Count one more commit in the identity row (called inside each write transaction, before COMMIT)."""
    head = len(_PREFIX) + 32 + 1
    conn.execute(
        f"UPDATE {IDENTITY_TABLE} SET stamp = substr(stamp, 1, ?) "
        f"|| printf('%0{_COUNT_DIGITS}d', CAST(substr(stamp, ?) AS INTEGER) + 1) WHERE id = 1",
        [head, head + 1],
    )


def has_identity(conn: sqlite3.Connection) -> bool:
    """Return True when the library holds the identity table (libraries made before it do not)."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [IDENTITY_TABLE]).fetchone()
    return row is not None


def read_identity(conn: sqlite3.Connection) -> tuple[Stamp, int] | None:
    """Return the stored stamp and the identity table's page number, or None when there is none."""
    row = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
                       [IDENTITY_TABLE]).fetchone()
    if row is None:
        return None
    stamp_row = conn.execute(f"SELECT stamp FROM {IDENTITY_TABLE} WHERE id = 1").fetchone()
    stamp = parse_stamp_text(stamp_row[0] if stamp_row else "")
    return (stamp, int(row[0])) if stamp else None


def parse_stamp_text(text: str) -> Stamp | None:
    """Return the Stamp written as ``text``, or None when it is not one."""
    found = STAMP_PATTERN.fullmatch(str(text).encode("utf-8", "replace"))
    return Stamp(found.group(1).decode(), int(found.group(2))) if found else None


def stamps_in_page(page: bytes) -> list[Stamp]:
    """Return every stamp whose bytes appear in a page image (older copies may linger in free space)."""
    return [Stamp(m.group(1).decode(), int(m.group(2))) for m in STAMP_PATTERN.finditer(page)]
