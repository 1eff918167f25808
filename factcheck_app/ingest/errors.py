"""The one exception the ingest package lets out."""
from __future__ import annotations


class IngestError(ValueError):
    """An article could not be read; ``str(error)`` is a one-line message fit for a user."""
