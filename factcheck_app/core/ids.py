"""Row keys and timestamps shared by every table."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone


def new_id() -> str:
    """Return a fresh UUID4 as text: rows keep it when libraries are merged."""
    return str(uuid.uuid4())


def utc_now() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
