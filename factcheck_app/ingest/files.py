"""Reading an article file from disk: only regular files, never more than the size limit, one clear line
when it cannot be read (a folder, a pipe or device, a missing file, a name too long)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck_app.core.file_errors import describe_os_error, shown_name
from factcheck_app.ingest.errors import IngestError


def read_article_file(path: str | os.PathLike, limit: int) -> bytes:
    """Return the bytes of the article file at ``path``; raise IngestError when it is not one to read.

    The file is opened without blocking and checked through its own descriptor, so a
    pipe (which would wait for ever) or a device is refused, as is a file over ``limit`` bytes,
    before anything is read.
    """
    path = Path(path)
    name = shown_name(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise IngestError(f"no such file: {name}") from exc
    except IsADirectoryError as exc:
        raise IngestError(f"{name} is a folder; import the files in it instead.") from exc
    except OSError as exc:
        raise IngestError(describe_os_error(exc, path, doing="read")) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(f"{name} is a folder; import the files in it instead.")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"{name} is not a regular file (a device, pipe or socket); nothing was read.")
        if info.st_size > limit:
            raise IngestError(f"{name} is too large ({info.st_size / 1e6:.0f} MB); "
                              f"the limit is {limit // (1024 * 1024)} MB.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    except OSError as exc:
        raise IngestError(describe_os_error(exc, path, doing="read")) from exc
    finally:
        os.close(fd)
