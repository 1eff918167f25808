"""The SQLite library via sqlite-utils: schema and migrations, one module per kind of row, search, backups.

Open one with ``open_library(path)``; every operation takes the library's ``db`` and
runs as one transaction.
"""
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library, open_library

__all__ = ["Library", "StoreError", "open_library"]
