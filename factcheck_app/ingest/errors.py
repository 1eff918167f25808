"""The one exception the ingest package lets out."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator


class IngestError(ValueError):
    """An article could not be read; ``str(error)`` is a one-line message fit for a user."""


@contextlib.contextmanager
def reading_errors() -> Iterator[None]:
    """Let IngestError through and turn any other failure of a reader into one (a parser's bug,
    a tree nested too deeply, memory running out) so the checker gets a message, not a traceback."""
    try:
        yield
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError("This file is nested too deeply to read.") from exc
    except MemoryError as exc:
        raise IngestError("This file is too large to read.") from exc
    except Exception as exc:  # a parser bug must reach the user as a message, not a traceback
        raise IngestError(f"This file could not be read ({type(exc).__name__}).") from exc
