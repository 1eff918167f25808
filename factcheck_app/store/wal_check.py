"""Looking at a library's ``-wal`` file read-only, before SQLite is allowed to replay it.

SQLite replays (and on close, copies into the library) any valid WAL file that sits beside
a database, whichever database wrote it. A ``-wal`` left by another database, or by an
older or newer copy of this library, would overwrite the library's pages. This module reads
the WAL's committed transactions without SQLite and decides whether they belong to the file.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from factcheck_app.store.identity import Stamp, stamps_in_page

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
WAL_HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Group:
    """One committed transaction in a WAL: its frames' page numbers and offsets, and the size it leaves."""

    pages: list[tuple[int, int]] = field(default_factory=list)
    database_pages: int = 0


@dataclass
class WalContents:
    """The committed transactions SQLite would replay from a WAL file."""

    page_size: int
    groups: list[Group]


def side_files(path: Path) -> tuple[Path, Path]:
    """Return the library's ``-wal`` and ``-shm`` paths."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(("%s%dI" % (">" if big_endian else "<", len(data) // 4)), data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal(wal: Path, *, verify_checksums: bool = False) -> WalContents | None:
    """Return the WAL's committed transactions, or None when SQLite would find none to replay.

    Without ``verify_checksums`` frames are accepted on matching salts (fast, reads only the
    frame headers); with it, SQLite's running checksums decide where the valid frames end.
    """
    with wal.open("rb") as fh:
        header = fh.read(WAL_HEADER_SIZE)
        if len(header) < WAL_HEADER_SIZE:
            return None
        magic, version, page_size, _, salt1, salt2, ck1, ck2 = struct.unpack(">8I", header)
        if magic not in WAL_MAGIC or version != WAL_VERSION:
            return None
        if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
            return None
        big_endian = bool(magic & 1)
        sums = _checksum(header[:24], 0, 0, big_endian)
        if sums != (ck1, ck2):
            return None
        groups: list[Group] = []
        current = Group()
        offset = WAL_HEADER_SIZE
        while True:
            fh.seek(offset)
            frame_header = fh.read(FRAME_HEADER_SIZE)
            if len(frame_header) < FRAME_HEADER_SIZE:
                break
            pgno, commit_size, f_salt1, f_salt2, f_ck1, f_ck2 = struct.unpack(">6I", frame_header)
            if (f_salt1, f_salt2) != (salt1, salt2) or pgno == 0:
                break
            if verify_checksums:
                page = fh.read(page_size)
                if len(page) < page_size:
                    break
                sums = _checksum(frame_header[:8], *sums, big_endian)
                sums = _checksum(page, *sums, big_endian)
                if sums != (f_ck1, f_ck2):
                    break
            elif fh.seek(0, 2) < offset + FRAME_HEADER_SIZE + page_size:
                break
            current.pages.append((pgno, offset + FRAME_HEADER_SIZE))
            if commit_size:
                current.database_pages = commit_size
                groups.append(current)
                current = Group()
            offset += FRAME_HEADER_SIZE + page_size
    return WalContents(page_size, groups) if groups else None


def _read_page(wal: Path, offset: int, size: int) -> bytes:
    with wal.open("rb") as fh:
        fh.seek(offset)
        return fh.read(size)


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
    last = contents.groups[-1]
    if last.database_pages < main.pages:
        return "was written by another database (it would cut the library short)"
    wal = side_files(path)[0]
    for group in contents.groups:
        for pgno, offset in group.pages:
            if pgno != 1:
                continue
            first_page = _read_page(wal, offset, 100)
            if not first_page.startswith(SQLITE_HEADER) or \
                    struct.unpack(">I", first_page[68:72])[0] not in accepted:
                return "was written by another database"
    if main.stamp is None or main.identity_page is None:
        return None
    return _stamp_problem(wal, main, contents)


def _stamp_problem(wal: Path, main: MainFile, contents: WalContents) -> str | None:
    """Compare the identity stamps in the WAL's transactions with the library file's own."""
    assert main.stamp is not None
    counts = []
    for group in contents.groups:
        found = []
        for pgno, offset in group.pages:
            if pgno == main.identity_page:
                found.extend(stamps_in_page(_read_page(wal, offset, contents.page_size)))
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
