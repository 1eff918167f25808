"""Where the app keeps its files: the default library, logs and settings.

One module resolves every directory so tests and scripts can redirect them with
environment variables (FACTCHECK_STORE, FACTCHECK_DATA_DIR, FACTCHECK_LOG_DIR,
FACTCHECK_CACHE_DIR, and FACTCHECK_CONFIG_DIR for the GUI's settings).
"""
from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "factcheck-desk"


def data_dir() -> Path:
    """Return the user data directory (created on demand by callers that write)."""
    override = os.environ.get("FACTCHECK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    """Return the directory for the unexpected-error log."""
    override = os.environ.get("FACTCHECK_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """Return the folder for caches the app can rebuild at any time (the place-name table)."""
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))


def default_store_path() -> Path:
    """Return the library file used when no --store is given: $FACTCHECK_STORE or the data dir's library."""
    override = os.environ.get("FACTCHECK_STORE")
    if override:
        return Path(override)
    return data_dir() / "library.factcheck.sqlite"
