"""Errors the store raises; each carries a one-line message fit to show a checker."""
from __future__ import annotations


class StoreError(Exception):
    """Base class: something about the library or a request to it is wrong."""


class NotAStoreError(StoreError):
    """The file exists but is not a SQLite library (or is damaged beyond opening)."""


class StoreCorruptError(StoreError):
    """The file is SQLite but fails its integrity check."""


class NewerSchemaError(StoreError):
    """The library was written by a newer version of the app."""


class StoreReadOnlyError(StoreError):
    """The library (or its folder) cannot be written."""


class StoreBusyError(StoreError):
    """Another program held the library locked for longer than the busy timeout."""


class StoreFullError(StoreError):
    """The disk (or the library's size limit) is full; nothing was written."""


class StoreIOError(StoreError):
    """The disk reported an error reading or writing the library (often a full or failing disk)."""


class NotFoundError(StoreError):
    """No row has the given id or id prefix."""


class AmbiguousIdError(StoreError):
    """An id prefix matches more than one row."""


class ValidationError(StoreError):
    """A value is not acceptable (unknown rating, stance, status, empty title...)."""


class StrayWalError(StoreError):
    """A ``-wal`` file beside the library does not belong to it; nothing was applied or written."""
