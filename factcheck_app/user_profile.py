"""The person at this computer: the checker's name, shared by the app and the command line.

Kept in ``profile.json`` in the user configuration folder ($FACTCHECK_CONFIG_DIR in tests),
not in a library: a name belongs to the person, and the same person opens many libraries.
The operating-system account is never used in its place.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from factcheck_app.appdirs import config_dir

PROFILE_FILE = "profile.json"
USER_ENV = "FACTCHECK_USER"


def profile_path() -> Path:
    """Return the profile file's path (it may not exist yet)."""
    return config_dir() / PROFILE_FILE


def _read() -> dict:
    try:
        data = json.loads(profile_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A missing or damaged profile only means no name is remembered yet.
        return {}
    return data if isinstance(data, dict) else {}


def get_user_name() -> str:
    """Return the remembered checker's name, or "" when none has been given."""
    name = _read().get("user")
    return " ".join(name.split()) if isinstance(name, str) else ""


def set_user_name(name: str | None) -> None:
    """Remember ``name`` as the checker at this computer (None or "" forgets it); written atomically."""
    data = _read()
    tidy = " ".join((name or "").split())
    if tidy:
        data["user"] = tidy
    else:
        data.pop("user", None)
    folder = profile_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".profile-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, profile_path())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def acting_user(explicit: str | None = None) -> str:
    """Return who is acting: ``explicit`` (--by), else $FACTCHECK_USER, else the remembered name, else ""."""
    for candidate in (explicit, os.environ.get(USER_ENV), get_user_name()):
        tidy = " ".join((candidate or "").split())
        if tidy:
            return tidy
    return ""
