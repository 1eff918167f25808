"""Word tables built from installed data packages, kept in the user cache between processes.

Building the place table or the given-name list reads data packages (a few to a few hundred
milliseconds), which a short batch process would pay on every start. Each table is saved with
marshal under a stamp naming what it was built from (the packages' installs, the modules that
build it, the marshal format) and rebuilt whenever the stamp differs.
"""
from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path


def package_stamp(name: str) -> str:
    """Return where a data package is installed and when, cheaply (importlib.metadata scans every distribution)."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.origin:
        return f"{name}:missing"
    folder = Path(spec.origin).parent
    try:
        return f"{folder}:{folder.stat().st_mtime_ns}"
    except OSError:  # a frozen bundle's modules may have no folder on disk
        return f"{folder}:unknown"


def source_stamp(module_file: str) -> str:
    """Return a module's source (the rules that build a table), or the app's version where there is
    no source to read (a frozen bundle ships bytecode only)."""
    try:
        return Path(module_file).read_text(encoding="utf-8")
    except OSError:
        from factcheck_app import __version__

        return f"factcheck {__version__}"


def stamp_of(*parts: str) -> str:
    """Join what a table depends on, with the marshal format, into its stamp."""
    return "|".join((*parts, f"marshal{marshal.version}"))


def cache_file(kind: str, stamp: str) -> Path:
    """Return the cache file for one build of a table, named by a checksum of its stamp.

    crc32, not a cryptographic hash: importing hashlib cost a batch process
    5 ms, and the full stamp is stored in the file and compared on load anyway.
    """
    from factcheck_app.appdirs import cache_dir

    return cache_dir() / f"{kind}-{zlib.crc32(stamp.encode()):08x}.marshal"


def load(path: Path, stamp: str) -> object | None:
    """Read a table saved under ``stamp``; None when missing, unreadable or built for another stamp.

    marshal, not JSON or pickle: it needs no import and reads plain tuples of
    strings fastest, which matters to a short batch process's first article.
    """
    try:
        saved_stamp, value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, TypeError, EOFError):  # missing, truncated or an older layout
        return None
    return value if saved_stamp == stamp else None


def save(path: Path, stamp: str, value: object) -> None:
    """Write a table beside its final name, then rename: a crash never leaves half a cache."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps((stamp, value)))
        partial.replace(path)
    except OSError:
        # A read-only or full cache folder only costs the next process the build time; no half file stays.
        try:
            partial.unlink()
        except OSError:
            pass


def cached(kind: str, stamp: str, build: Callable[[], object]) -> object:
    """Return the table ``build`` makes (plain tuples, dicts and strings), from the cache when one
    was saved under ``stamp``, else built now and saved."""
    path = cache_file(kind, stamp)
    value = load(path, stamp)
    if value is None:
        value = build()
        save(path, stamp, value)
    return value
