"""Opening a library from the window, with the ways out a checker needs when it cannot be opened:
open read-only, or restore the latest automatic backup."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from factcheck_app.store.errors import NotAStoreError, StoreCorruptError, StoreError, StoreReadOnlyError
from factcheck_app.store.library import Library, open_library
from factcheck_app.store.restore import list_backups, restore_backup
from factcheck_app.ui.dialogs import prompts

OPEN_READ_ONLY = "Open read-only"
RESTORE_BACKUP = "Restore latest backup"
CANCEL = "Cancel"


def open_with_recovery(parent: QWidget | None, path: Path, create: bool = True) -> Library | None:
    """Open ``path``; on failure explain why, offer the fitting way out, and return None if there is none.

    The day's automatic copy is left to the window, which makes it in a worker thread."""
    path = Path(path).expanduser()
    title = f"Cannot open {path.name}"
    try:
        if create and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        return open_library(path, create=create, daily_backup=False)
    except StoreReadOnlyError as exc:
        if not path.is_file():
            prompts.message(parent, "error", title, str(exc))
            return None
        choice = prompts.message(parent, "warning", title, str(exc), (OPEN_READ_ONLY, CANCEL),
                                 detail="Read-only, you can read and export but not change anything.")
        if choice != OPEN_READ_ONLY:
            return None
        return _try(parent, title, lambda: open_library(path, readonly=True))
    except (StoreCorruptError, NotAStoreError) as exc:
        backups = list_backups(path)
        if not backups:
            prompts.message(parent, "error", title, str(exc), detail="No automatic backup of this library was found.")
            return None
        newest = backups[0]
        when = dt.datetime.fromtimestamp(newest.stat().st_mtime).strftime("%d %b %Y %H:%M")
        choice = prompts.message(parent, "error", title, str(exc), (RESTORE_BACKUP, CANCEL),
                                 detail=f"The latest backup was made {when}. The damaged file is kept beside it, "
                                        "renamed, so nothing is deleted.")
        if choice != RESTORE_BACKUP:
            return None
        try:
            restore_backup(path, newest)
        except StoreError as restore_exc:
            prompts.message(parent, "error", "Restore failed", str(restore_exc))
            return None
        return _try(parent, title, lambda: open_library(path, create=False, daily_backup=False))
    except StoreError as exc:
        prompts.message(parent, "error", title, str(exc))
        return None
    except OSError as exc:
        prompts.message(parent, "error", title, f"{path} cannot be opened: {exc.strerror or exc}.")
        return None


def _try(parent: QWidget | None, title: str, opener) -> Library | None:
    try:
        return opener()
    except StoreError as exc:
        prompts.message(parent, "error", title, str(exc))
        return None
