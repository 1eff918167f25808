"""Opening the library a command works on."""
from __future__ import annotations

import argparse
from pathlib import Path

from typing import TYPE_CHECKING

from factcheck_app.appdirs import default_store_path

if TYPE_CHECKING:
    from factcheck_app.store.library import Library


def store_path(args: argparse.Namespace) -> Path:
    """Return the library path from --store, $FACTCHECK_STORE or the default location."""
    return Path(args.store).expanduser() if getattr(args, "store", None) else default_store_path()


def open_store(args: argparse.Namespace, *, create: bool = False, reading: bool = False) -> "Library":
    """Open the command's library. Only commands that add data (``create``) make a new one.

    Commands that only read (``reading``) open a library they may not write read-only.
    """
    # Imported here: `factcheck extract` must start without loading the store.
    from factcheck_app.store.errors import StoreError, StoreReadOnlyError
    from factcheck_app.store.library import open_library

    path = store_path(args)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0 and not create):
        if not create:
            raise StoreError(f"No library at {path} yet; import an article or add a source to start one.")
        if not getattr(args, "store", None):
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return open_library(path, create=create)
    except StoreReadOnlyError:
        if not reading:
            raise
        return open_library(path, readonly=True)


def output_target(args: argparse.Namespace, path: str, what: str) -> Path:
    """Return ``path`` as the file a command writes; refuse an existing file without --force, and the library itself."""
    from factcheck_app.cli.errors import CommandError

    target = Path(path)
    if target.exists() and not getattr(args, "force", False):
        raise CommandError(f"{target} exists; add --force to overwrite it")
    if target.resolve() == store_path(args).resolve():
        raise CommandError(f"the {what} cannot overwrite the library itself")
    return target
