"""Who has a library open for writing: a small marker file per process beside the library, removed on a
clean close. A marker left by a process of this computer that no longer runs means the library was not
closed cleanly (a crash, a kill, a power cut), and the next open runs the full integrity check.

Markers live beside the library rather than in it, so opening a library never changes the file.
"""
from __future__ import annotations

import contextlib
import os
import platform
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck_app.processes import process_running

_UNSAFE_HOST = re.compile(r"[^A-Za-z0-9-]+")
# Connections of this process per marker: the marker goes when the last of them closes.
_open_here: dict[Path, int] = {}


@dataclass(frozen=True)
class Session:
    """One marker: the file, and the computer and process it names."""

    path: Path
    host: str
    pid: int

    def abandoned(self) -> bool:
        """Return True when the process that wrote the marker ran on this computer and has gone."""
        return self.host == this_host() and not process_running(self.pid)


def this_host() -> str:
    """Return this computer's name as used in marker names (other computers' processes cannot be checked)."""
    return _UNSAFE_HOST.sub("-", platform.node() or "localhost")[:64] or "localhost"


def _prefix(library: Path) -> str:
    return f".{library.name}.open."


def sessions(library: Path) -> list[Session]:
    """Return the markers beside ``library`` (none when its folder cannot be listed)."""
    prefix = _prefix(library)
    found = []
    try:
        names = os.listdir(library.parent)
    except OSError:
        return []
    for name in names:
        if not name.startswith(prefix):
            continue
        host, _, pid = name[len(prefix):].rpartition(".")
        if host and pid.isdigit():
            found.append(Session(library.parent / name, host, int(pid)))
    return found


def begin_session(library: Path) -> Path | None:
    """Write this process's marker; return it, or None when the folder does not take it (then the
    WAL's presence at the next open stands in for it)."""
    marker = library.parent / f"{_prefix(library)}{this_host()}.{os.getpid()}"
    if _open_here.get(marker):
        _open_here[marker] += 1
        return marker
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        # No link followed, no wait on a pipe: the marker is only ever a small file of ours.
        fd = os.open(marker, flags, 0o644)
        try:
            os.write(fd, b"Factcheck Desk has this library open; removed when it closes the library.\n")
        finally:
            os.close(fd)
    except OSError:
        return None
    _open_here[marker] = 1
    return marker


def end_session(marker: Path | None) -> None:
    """Close this process's session: its marker goes with the last connection that uses it."""
    if marker is None:
        return
    left = _open_here.get(marker, 1) - 1
    if left > 0:
        _open_here[marker] = left
        return
    _open_here.pop(marker, None)
    remove_marker(marker)


def remove_marker(marker: Path) -> None:
    """Delete a marker file (an abandoned one once the library has been checked)."""
    with contextlib.suppress(OSError):
        marker.unlink()
