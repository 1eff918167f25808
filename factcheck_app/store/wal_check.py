"""Looking at a library's ``-wal`` and ``-shm`` read-only, before SQLite is allowed to replay them.

SQLite replays (and on close, copies into the library) any valid WAL file that sits beside
a database, whichever database wrote it. A ``-wal`` left by another database, or by an
older or newer copy of this library, would overwrite the library's pages. The WAL's
committed transactions are read without SQLite (``store.wal_format``) and compared with
the library file: its page size and length, its first page's owner, and the identity
stamp every commit of this app writes (``store.identity``).
"""
from __future__ import annotations

import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from factcheck_app.store.errors import StoreError, StoreReadOnlyError, StrayWalError
from factcheck_app.store.identity import Stamp, read_identity, stamps_in_page
from factcheck_app.store.wal_format import SQLITE_HEADER, WalContents, read_page, read_wal

#: How often a WAL that seems not to belong is read again before it is refused (see check_side_files).
STRAY_WAL_CHECKS = 3


def side_files(path: Path) -> tuple[Path, Path]:
    """Return the library's ``-wal`` and ``-shm`` paths."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


@dataclass(frozen=True)
class MainFile:
    """What the library file on its own says (read without its WAL)."""

    page_size: int
    pages: int
    application_id: int
    stamp: Stamp | None = None
    identity_page: int | None = None


def main_file_facts(path: Path) -> MainFile:
    """Return page size, page count and application id from the library file's header."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return MainFile(0, 0, 0)
    raw = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if raw == 1 else raw
    application_id = struct.unpack(">I", header[68:72])[0]
    return MainFile(page_size, size // page_size if page_size else 0, application_id)


def wal_problem(path: Path, main: MainFile, application_id: int, contents: WalContents) -> str | None:
    """Return why the WAL does not belong to the library (a phrase), or None when it does.

    ``application_id`` is the app's own; a library file that has none yet (being created)
    also accepts a WAL whose first page has none.
    """
    accepted = {application_id} | ({0} if main.application_id == 0 else set())
    if main.page_size and contents.page_size != main.page_size:
        return "was written by another database (its page size differs)"
    stamped = main.stamp is not None and main.identity_page is not None
    # Without a stamp to compare, a WAL that would shrink the file is taken for another database's
    # (the app never shrinks a library; a stamped library's own stamps say more, a VACUUM included).
    if not stamped and contents.groups[-1].database_pages < main.pages:
        return "was written by another database (it would cut the library short)"
    wal = side_files(path)[0]
    for group in contents.groups:
        for pgno, offset in group.pages:
            if pgno != 1:
                continue
            first_page = read_page(wal, offset, 100)
            if not first_page.startswith(SQLITE_HEADER) or \
                    struct.unpack(">I", first_page[68:72])[0] not in accepted:
                return "was written by another database"
    return _stamp_problem(wal, main, contents) if stamped else None


def _stamp_problem(wal: Path, main: MainFile, contents: WalContents) -> str | None:
    """Compare the identity stamps in the WAL's transactions with the library file's own."""
    assert main.stamp is not None
    counts = []
    for group in contents.groups:
        found = []
        for pgno, offset in group.pages:
            if pgno == main.identity_page:
                found.extend(stamps_in_page(read_page(wal, offset, contents.page_size)))
        ours = [s.commits for s in found if s.library_id == main.stamp.library_id]
        if found and not ours:
            return "belongs to another library"
        if ours:
            counts.append(max(ours))
    if not counts:
        return "was written by another database"
    if counts[-1] < main.stamp.commits:
        return "is older than the library file (left over from an earlier copy)"
    if counts[0] > main.stamp.commits + 1:
        return "holds changes newer than the library file (the file was replaced by an older copy)"
    return None


def main_file(path: Path) -> MainFile:
    """Return what the library file says on its own, its WAL ignored (SQLite's immutable mode reads no side file)."""
    facts = main_file_facts(path)
    if not facts.page_size:
        return facts
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return facts
    try:
        found = read_identity(conn)
    except sqlite3.Error:
        found = None  # damaged, or being checkpointed right now: the checks on the WAL's own shape remain
    finally:
        conn.close()
    if found is None:
        return facts
    stamp, page = found
    return MainFile(facts.page_size, facts.pages, facts.application_id, stamp, page)


def check_side_files(path: Path, application_id: int) -> bool:
    """Look at the library's -wal read-only; return True when it holds committed transactions.

    Raises StrayWalError when the WAL is not this library's: SQLite would otherwise replay
    it into the file. Nothing is written either way.
    """
    wal, shm = side_files(path)
    for side in (shm, wal):
        try:
            info = side.lstat()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"{side} cannot be read ({exc.strerror or exc}).") from exc
        if not stat.S_ISREG(info.st_mode):
            # SQLite would map or write it: a folder, link, pipe or device there is no file of a library.
            raise StrayWalError(f"{side} is not a regular file, so {path} was not opened; move it out of the folder.")
    try:
        if wal.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    try:
        contents = read_wal(wal)
        problem = contents and _problem(path, application_id, contents)
        for _ in range(STRAY_WAL_CHECKS):
            if not problem:
                break
            # Before refusing: SQLite's own checksums say what it would replay, and the verdict must
            # hold while neither file changes. Files that change are being written by a process that
            # has the library open: its WAL, already in use.
            before = _side_signature(path, wal)
            contents = read_wal(wal, verify_checksums=True)
            problem = contents and _problem(path, application_id, contents)
            if _side_signature(path, wal) == before:
                break
        else:
            problem = None
    except PermissionError as exc:
        raise StoreReadOnlyError(f"{wal} cannot be read: permission denied.") from exc
    except OSError as exc:
        raise StoreError(f"{wal} cannot be read ({exc.strerror or exc}).") from exc
    if problem:
        files = f"{wal.name} and {shm.name}" if shm.exists() else wal.name
        raise StrayWalError(
            f"{wal.name} beside {path} {problem}, so it was not applied and the library was left as it was; "
            f"move {files} out of {path.absolute().parent} (keep a copy if it may hold work) and open the "
            "library again."
        )
    return contents is not None


def _problem(path: Path, application_id: int, contents: WalContents) -> str | None:
    main = main_file(path) if path.exists() else MainFile(0, 0, 0)
    return wal_problem(path, main, application_id, contents)


def _side_signature(path: Path, wal: Path) -> tuple:
    """Return what changes when the library or its WAL is written: sizes, times and the WAL's header."""
    def of(file: Path) -> tuple[int, int]:
        try:
            info = file.stat()
        except FileNotFoundError:
            return (-1, -1)
        return info.st_size, info.st_mtime_ns

    try:
        with wal.open("rb") as fh:
            header = fh.read(32)
    except FileNotFoundError:
        header = b""
    return of(path), of(wal), header
