"""Writing export files safely: a temp file in the target's folder, then one atomic rename.

A failed or cancelled export leaves no half-written file, and an existing file is never
replaced unless the caller says so (``force``).
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from factcheck_app.reports.errors import ReportError, TargetExistsError

MAX_NAME_LENGTH = 80
_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)
_SPACES = re.compile(r"[\s_-]+")
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
    """Raise a ReportError when ``path`` cannot be written: exists without ``force``, is a folder, no folder."""
    if path.is_dir():
        raise ReportError(f"{path} is a folder; give a file name to export to.")
    if not path.parent.is_dir():
        raise ReportError(f"The folder {path.parent} does not exist.")
    if path.exists() and not force:
        raise TargetExistsError(f"{path} already exists; use --force to overwrite it.")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without error, move it into place.

    On any exception the temporary file is removed and ``path`` is left as it was.
    Without ``force`` an existing ``path`` is refused, also if one appears while writing.
    """
    target = Path(path)
    check_target(target, force)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private (0600); a report gets the permissions any new file would.
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield tmp
        _sync(tmp)
        _move_into_place(tmp, target, force)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


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
        os.replace(tmp, target)
        return
    try:
        # A hard link fails if the target appeared meanwhile: no window in which it is clobbered.
        os.link(tmp, target)
    except FileExistsError as exc:
        raise TargetExistsError(f"{target} already exists; use --force to overwrite it.") from exc
    except OSError:
        if target.exists():
            raise TargetExistsError(f"{target} already exists; use --force to overwrite it.") from None
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
