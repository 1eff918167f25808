"""SQLite's WAL file format, read without SQLite: the committed transactions it would replay.

A WAL starts with a 32-byte header (magic, version, page size, salts, checksum); each frame
is a 24-byte header (page number, database size after a commit, salts, running checksum)
and one page. Frames count only up to the last commit whose salts (and, when verified,
checksums) hold: what SQLite itself would replay.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

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


def read_page(wal: Path, offset: int, size: int) -> bytes:
    """Return ``size`` bytes of the WAL from ``offset`` (a frame's page, as read_wal located it)."""
    with wal.open("rb") as fh:
        fh.seek(offset)
        return fh.read(size)
