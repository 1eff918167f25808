"""The SQLite library via sqlite-utils: schema and migrations, one module per kind of row, search, backups.

Open one with ``open_library(path)``; every operation takes the library's ``db`` and
runs as one transaction.
"""
from factcheck_app.store.errors import StoreError

__all__ = ["Library", "StoreError", "open_library"]


def __getattr__(name: str):
    # Loaded on first use: importing store.errors (every command does) must not load sqlite-utils.
    if name in ("Library", "open_library"):
        from factcheck_app.store import library

        return getattr(library, name)
    raise AttributeError(f"module 'factcheck_app.store' has no attribute {name!r}")
