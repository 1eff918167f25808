"""How a failed file operation reads to a checker: one line that names the file and says what to do."""
from __future__ import annotations

import errno
import os

#: File names longer than this are shortened in messages (a 300-character name would fill the line).
SHOWN_NAME_CHARS = 80


def shown_name(path: str | os.PathLike | None) -> str:
    """Return ``path`` for a message, its middle cut out when it is very long."""
    text = os.fspath(path) if path is not None else "the file"
    if len(text) <= SHOWN_NAME_CHARS:
        return text
    half = SHOWN_NAME_CHARS // 2
    return f"{text[:half]}…{text[-half:]}"


def describe_os_error(error: OSError, path: str | os.PathLike | None = None, *, doing: str = "written") -> str:
    """Return one line saying why ``path`` (default: the error's own file name) could not be ``doing``."""
    target = path if path is not None else error.filename
    name = shown_name(target)
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"The disk is full: {name} could not be {doing}; free some space and try again."
    if code == errno.EFBIG:
        return f"{name} could not be {doing}: the file grew larger than this disk or account allows."
    if code == errno.ENAMETOOLONG:
        base = os.path.basename(os.fspath(target)) if target is not None else ""
        return f"The file name is too long ({len(base)} characters; most disks allow 255): {name}."
    if code == errno.EROFS:
        return f"{name} could not be {doing}: the disk is read-only."
    if code in (errno.EACCES, errno.EPERM):
        return f"{name} could not be {doing}: permission denied."
    if code == errno.ENOENT:
        return f"No such file or folder: {name}."
    if code == errno.EISDIR:
        return f"{name} is a folder, not a file."
    if code == errno.ENOTDIR:
        return f"{name} could not be {doing}: a part of its path is a file, not a folder."
    reason = " ".join(str(error.strerror or error).split())
    return f"{name} could not be {doing}: {reason}."
