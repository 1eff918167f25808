"""Writing export files safely: a temp file in the target's folder, then one atomic rename.

A failed or cancelled export leaves no half-written file, and an existing file is never
replaced unless the caller says so (``force``).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import re
import stat
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from factcheck_app.core.file_errors import describe_os_error, shown_name
from factcheck_app.processes import process_running
from factcheck_app.reports.errors import ReportError, TargetExistsError

MAX_NAME_LENGTH = 80
_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)
_SPACES = re.compile(r"[\s_-]+")
#: How much of the target's name the temporary file's name repeats.
TEMP_NAME_CHARS = 40
#: The temporary name: ".<name>.<host tag>-<pid>-<8 random>.part".
_TEMP_NAME = re.compile(r"^\..*\.([0-9a-f]{4})-([0-9]+)-[a-z0-9_]{8}\.part$")
#: What versions before this one named them: ".<name>.<8 random>.part".
_OLD_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")
OTHER_HOST_STALE_SECONDS = 24 * 60 * 60
OLD_STYLE_STALE_SECONDS = 60 * 60
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def sanitise_filename(title: str | None, *, fallback: str = "report", max_length: int = MAX_NAME_LENGTH) -> str:
    """Return a file-name stem made from ``title``: no path separators, no '..', no control characters.

    Letters of any script are kept; everything else becomes a hyphen. The result is at most
    ``max_length`` characters, cut at a hyphen where possible, and never empty or reserved.
    """
    text = unicodedata.normalize("NFKC", title or "")
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = _UNSAFE.sub(" ", text)
    stem = _SPACES.sub("-", text).strip("-. ").lower()
    if len(stem) > max_length:
        cut = stem[:max_length]
        stem = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2:] else cut
        stem = stem.strip("-. ")
    if not stem or stem in _WINDOWS_RESERVED:
        return fallback
    return stem


def check_target(path: Path, force: bool) -> None:
    """Raise a ReportError when ``path`` cannot be written: exists without ``force``, is a folder or
    anything else that is not a regular file (a device, a pipe), or its folder is missing."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise ReportError(f"The folder {shown_name(path.parent)} does not exist.") from None
    except OSError as exc:
        raise ReportError(describe_os_error(exc, path)) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ReportError(f"{shown_name(path)} is a folder; give a file name to export to.")
    if info is not None and not stat.S_ISREG(info.st_mode):
        # --force replaces files; a device or a pipe would be swapped for a regular file.
        raise ReportError(f"{shown_name(path)} is not a regular file (a device, pipe or socket); "
                          "export to a file name instead.")
    if not path.parent.is_dir():
        raise ReportError(f"The folder {shown_name(path.parent)} does not exist.")
    if info is not None and not force:
        raise TargetExistsError(f"{shown_name(path)} already exists; use --force to overwrite it.")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without error, move it into place.

    On any exception the temporary file is removed and ``path`` is left as it was; an
    OSError (full disk, name too long...) becomes a ReportError with one clear line.
    Without ``force`` an existing ``path`` is refused, also if one appears while writing.
    Temporary files left by an export that was killed are removed first (see ``sweep_leftovers``).
    """
    target = Path(path)
    check_target(target, force)
    sweep_leftovers(target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ReportError(describe_os_error(exc, target)) from exc
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); a report gets the permissions any new file would.
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        _sync(tmp)
        _move_into_place(tmp, target, force)
    except OSError as exc:
        raise ReportError(describe_os_error(exc, target)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def temp_prefix(target: Path) -> str:
    """Return the hidden temporary name's start: part of the target's name, this computer and process.

    The name is kept short (a target name near the 255-byte limit still leaves room), and
    the process id lets a later export tell a dead export's leftover from a running one's.
    """
    return f".{target.name[:TEMP_NAME_CHARS]}.{_host_tag()}-{os.getpid()}-"


def _host_tag() -> str:
    return hashlib.sha1(platform.node().encode("utf-8", "replace")).hexdigest()[:4]


def sweep_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of exports that died (killed, power cut) from ``folder``; return them.

    A file of this computer whose process no longer runs goes at once; one of another
    computer (a shared folder) or of an older version of the app after a day or an hour.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".part")]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        ours = _TEMP_NAME.match(name)
        try:
            age = now - path.stat().st_mtime
        except OSError:
            continue
        if ours:
            if ours.group(1) == _host_tag():
                stale = ours.group(2) != str(os.getpid()) and not process_running(int(ours.group(2)))
            else:
                stale = age > OTHER_HOST_STALE_SECONDS
        else:
            stale = _OLD_TEMP_NAME.match(name) is not None and age > OLD_STYLE_STALE_SECONDS
        if stale:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _umask() -> int:
    """Return the process umask (it can only be read by setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _move_into_place(tmp: Path, target: Path, force: bool) -> None:
    if force:
        check_target(target, force)  # again, just before: a pipe or device may have appeared meanwhile
        os.replace(tmp, target)
        return
    try:
        # A hard link fails if the target appeared meanwhile: no window in which it is clobbered.
        os.link(tmp, target)
    except FileExistsError as exc:
        raise TargetExistsError(f"{shown_name(target)} already exists; use --force to overwrite it.") from exc
    except OSError:
        if os.path.lexists(target):
            raise TargetExistsError(f"{shown_name(target)} already exists; use --force to overwrite it.") from None
        os.replace(tmp, target)


def write_text(path: str | os.PathLike, produce: Callable[[IO[str]], None], *, force: bool = False,
               encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write text through ``produce(file)`` atomically; return the path written."""
    with atomic_path(path, force=force) as tmp:
        with open(tmp, "w", encoding=encoding, newline=newline) as fh:
            produce(fh)
    return Path(path)


def write_string(path: str | os.PathLike, text: str, *, force: bool = False, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8 by default); return the path written."""
    return write_text(path, lambda fh: fh.write(text), force=force, encoding=encoding, newline="")
