"""Where the app keeps its files: the default library, logs, caches and settings.

One module resolves every directory so tests and scripts can redirect them with
environment variables (FACTCHECK_STORE, FACTCHECK_DATA_DIR, FACTCHECK_LOG_DIR,
FACTCHECK_CACHE_DIR, and FACTCHECK_CONFIG_DIR for the GUI's settings).
"""
from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "factcheck-desk"


def _user_dir(variable: str, kind: str) -> Path:
    """Return $variable when set, else platformdirs' user_<kind>_dir for the app."""
    override = os.environ.get(variable)
    if override:
        return Path(override)
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_DIR_NAME, appauthor=False))


def data_dir() -> Path:
    """Return the user data directory (created on demand by callers that write)."""
    return _user_dir("FACTCHECK_DATA_DIR", "data")


def log_dir() -> Path:
    """Return the directory for the unexpected-error log."""
    return _user_dir("FACTCHECK_LOG_DIR", "log")


def cache_dir() -> Path:
    """Return the folder for caches the app can rebuild at any time (the place-name table)."""
    return _user_dir("FACTCHECK_CACHE_DIR", "cache")


def config_dir() -> Path:
    """Return the folder for the user's settings (the GUI's INI file, the checker's name)."""
    return _user_dir("FACTCHECK_CONFIG_DIR", "config")


def default_store_path() -> Path:
    """Return the library file used when no --store is given: $FACTCHECK_STORE or the data dir's library."""
    override = os.environ.get("FACTCHECK_STORE")
    if override:
        return Path(override)
    return data_dir() / "library.factcheck.sqlite"
