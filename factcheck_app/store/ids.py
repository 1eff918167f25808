"""Turning what a checker typed (a full id or any unique prefix) into one row's id."""
from __future__ import annotations

import re

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from factcheck_app.store.errors import AmbiguousIdError, NotFoundError

_NOUN = {"articles": "article", "claims": "claim", "sources": "source", "evidence": "evidence row", "verdicts": "verdict",
         "documents": "document"}
_PREFIX = re.compile(r"^[0-9a-fA-F-]{1,36}$")


def resolve(db: Database, table: str, prefix: str) -> str:
    """Return the id in ``table`` that starts with ``prefix``; raise NotFoundError or AmbiguousIdError."""
    noun = _NOUN.get(table, "row")
    prefix = (prefix or "").strip().lower()
    if not _PREFIX.match(prefix):
        raise NotFoundError(f"'{prefix}' is not a {noun} id.")
    sql = f"SELECT id FROM {quote_identifier(table)} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2"
    # A range scan on the primary key: a LIKE would not use the index.
    rows = db.execute(sql, [prefix, prefix + "\uffff"]).fetchall()
    if not rows:
        raise NotFoundError(f"No {noun} has an id starting with '{prefix}'.")
    if len(rows) > 1:
        raise AmbiguousIdError(f"More than one {noun} id starts with '{prefix}'; type more of it.")
    return rows[0][0]
