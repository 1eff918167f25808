"""Settings that belong to a library rather than a machine (the checking organisation for ClaimReview)."""
from __future__ import annotations

from sqlite_utils import Database

from factcheck_app.store.transaction import write

from factcheck_app.core.settings_keys import METHODOLOGY, ORGANISATION_NAME, ORGANISATION_URL  # noqa: F401


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """Return a library setting, or ``default`` when unset."""
    row = db.execute("SELECT value FROM library_settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str | None) -> None:
    """Set (or with None, clear) a library setting."""
    with write(db):
        if value is None:
            db.execute("DELETE FROM library_settings WHERE key = ?", [key])
        else:
            db["library_settings"].upsert({"key": key, "value": value}, pk="key")
