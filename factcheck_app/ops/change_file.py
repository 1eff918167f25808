"""The change file: what one library sends another, as versioned, checksummed, gzip-compressed JSON lines.

Layout (README "Change file format"): a header line, one line per row version, one line
per recorded join (alias), one line per document file the rows name (its bytes, by SHA-256;
from version 2), and a trailer with the number of lines and the SHA-256 of
everything before it. A file is read whole and checked before anything is merged, so a
damaged or truncated file is refused and changes nothing.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.safe_write import atomic_path
from factcheck_app.store.errors import ValidationError

FORMAT = "factcheck-desk-changes"
#: Raised only when a line changes meaning or a field is removed; new fields may appear within a version.
#: Version 2 added the document file lines ({"file": sha256, "data": base64}); version 3 lets a stamp be a
#: kept stamp ("<removal stamp> kept <content stamp>", core/exchange_stamps.py), which an older app would
#: compare as a plain one. Versions 1 and 2 are read as they are: their stamps are all plain.
VERSION = 3
SUFFIX = ".fcchanges"


class ChangeFileError(ValidationError):
    """A change file that cannot be merged: damaged, truncated, not a change file, or from a newer app."""


@dataclass
class Entry:
    """One row version: its key, its stamp, whether it was removed, and its columns (None when removed)."""

    key: str
    stamp: str
    deleted: bool
    row: dict | None


@dataclass
class ChangeSet:
    """The content of a change file (or of a whole library read as one): header, row versions, joins."""

    header: dict
    tables: dict[str, list[Entry]] = field(default_factory=dict)
    aliases: list[dict] = field(default_factory=list)
    #: Document file bytes by their SHA-256 (checked against it before a merge writes them).
    files: dict[str, bytes] = field(default_factory=dict)
    #: Names of carried documents whose file the sending library lacks (not written to the file).
    missing_files: list[str] = field(default_factory=list)

    def count(self) -> int:
        """Return how many row versions the set carries."""
        return sum(len(entries) for entries in self.tables.values())


def _plain(value: object) -> object:
    if isinstance(value, bytes):
        return {"$base64": base64.b64encode(value).decode("ascii")}
    return value


def _unplain(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"$base64"}:
        return base64.b64decode(value["$base64"])
    return value


def _line(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def encode(changes: ChangeSet) -> bytes:
    """Return the change set as the file's bytes (gzip-compressed JSON lines with a checksum trailer)."""
    digest = hashlib.sha256()
    lines = 0
    out = []

    def emit(data: dict) -> None:
        nonlocal lines
        raw = _line(data)
        digest.update(raw)
        lines += 1
        out.append(raw)

    emit({"format": FORMAT, "version": VERSION, **changes.header})
    for table, entries in changes.tables.items():
        for e in entries:
            row = None if e.row is None else {k: _plain(v) for k, v in e.row.items()}
            emit({"table": table, "key": e.key, "stamp": e.stamp, "deleted": e.deleted, "row": row})
    for alias in changes.aliases:
        emit({"alias": alias})
    for sha256, data in sorted(changes.files.items()):
        emit({"file": sha256, "data": base64.b64encode(data).decode("ascii")})
    out.append(_line({"end": True, "lines": lines, "sha256": digest.hexdigest()}))
    return gzip.compress(b"".join(out), compresslevel=6, mtime=0)


def write_change_file(changes: ChangeSet, path: str | os.PathLike, *, force: bool = True) -> int:
    """Write the change file atomically (a failure leaves no partial file); return its size in bytes."""
    data = encode(changes)
    try:
        with atomic_path(path, force=force) as tmp:
            Path(tmp).write_bytes(data)
    except ReportError as exc:
        raise ChangeFileError(str(exc)) from exc
    except OSError as exc:
        raise ChangeFileError(f"The change file could not be written ({exc.strerror or exc}); nothing was sent.") from exc
    return len(data)


def _damaged(name: str, why: str) -> ChangeFileError:
    return ChangeFileError(f"{name} is damaged or incomplete ({why}); nothing was merged. Ask for the file again.")


def decode(data: bytes, name: str = "The change file") -> ChangeSet:
    """Return the change set in ``data``; raise ChangeFileError for anything but a whole, readable file."""
    if not data.startswith(b"\x1f\x8b"):
        raise ChangeFileError(f"{name} is not a Factcheck Desk change file.")
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise _damaged(name, "the compressed data ends early or fails its check") from exc
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    try:
        parsed = [json.loads(line) for line in lines]
    except (ValueError, UnicodeDecodeError) as exc:
        raise _damaged(name, "a line cannot be read") from exc
    if not parsed or not isinstance(parsed[0], dict) or parsed[0].get("format") != FORMAT:
        raise ChangeFileError(f"{name} is not a Factcheck Desk change file.")
    header = parsed[0]
    version = header.get("version")
    if not isinstance(version, int) or version < 1:
        raise _damaged(name, "its version is missing")
    if version > VERSION:
        raise ChangeFileError(
            f"{name} was made by a newer Factcheck Desk (change-file version {version}; this app reads up to "
            f"{VERSION}); update the app to merge it. Nothing was merged."
        )
    trailer = parsed[-1]
    if len(parsed) < 2 or not isinstance(trailer, dict) or trailer.get("end") is not True:
        raise _damaged(name, "its last line is missing")
    body = b"".join(line + b"\n" for line in lines[:-1])
    if trailer.get("lines") != len(parsed) - 1 or trailer.get("sha256") != hashlib.sha256(body).hexdigest():
        raise _damaged(name, "its checksum does not match")
    changes = ChangeSet(header={k: v for k, v in header.items() if k not in ("format", "version")})
    for item in parsed[1:-1]:
        if not isinstance(item, dict):
            raise _damaged(name, "a line is not a row")
        if "alias" in item:
            changes.aliases.append(item["alias"])
            continue
        if "file" in item:
            try:
                changes.files[str(item["file"])] = base64.b64decode(item["data"], validate=True)
            except (KeyError, TypeError, ValueError) as exc:
                raise _damaged(name, "a document file cannot be read") from exc
            continue
        try:
            row = item["row"]
            entry = Entry(
                str(item["key"]), str(item["stamp"]), bool(item["deleted"]),
                None if row is None else {k: _unplain(v) for k, v in row.items()},
            )
            changes.tables.setdefault(str(item["table"]), []).append(entry)
        except (KeyError, TypeError, AttributeError) as exc:
            raise _damaged(name, "a row line lacks a field") from exc
    return changes


def read_change_file(path: str | os.PathLike) -> ChangeSet:
    """Read and check a change file; raise ChangeFileError (or OSError for a missing file)."""
    path = Path(path)
    return decode(path.read_bytes(), path.name)


def is_change_file(path: str | os.PathLike) -> bool:
    """Return True when ``path`` starts like a change file (gzip), False for a library (SQLite) or other."""
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"
