"""Turning what a checker typed (a full id or a prefix of at least four characters) into one row's id."""
from __future__ import annotations

import re

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from factcheck_app.store.errors import AmbiguousIdError, NotFoundError

_NOUN = {"articles": "article", "claims": "claim", "sources": "source", "evidence": "evidence row", "verdicts": "verdict",
         "documents": "document"}
#: The column that tells a checker which row an id is, when a prefix is ambiguous.
_LABEL = {"articles": "title", "claims": "text", "sources": "title", "evidence": "excerpt", "documents": "file_name"}
_PREFIX = re.compile(r"^[0-9a-fA-F-]{1,36}$")
#: Shorter prefixes are refused: "9" once matched a claim nobody meant.
MIN_PREFIX = 4
#: How many candidates an ambiguous prefix lists.
SHOWN_CANDIDATES = 5


def _candidates(db: Database, table: str, rows: list[str]) -> str:
    label = _LABEL.get(table)
    lines = []
    for row_id in rows[:SHOWN_CANDIDATES]:
        text = ""
        if label:
            found = db.execute(
                f"SELECT {quote_identifier(label)} FROM {quote_identifier(table)} WHERE id = ?", [row_id]
            ).fetchone()
            text = " ".join(str(found[0] or "").split())[:60] if found else ""
        lines.append(f"{row_id[:13]} {text}".rstrip())
    more = "" if len(rows) <= SHOWN_CANDIDATES else f"; and {len(rows) - SHOWN_CANDIDATES} more"
    return "; ".join(lines) + more


def resolve(db: Database, table: str, prefix: str) -> str:
    """Return the id in ``table`` that starts with ``prefix``; raise NotFoundError or AmbiguousIdError.

    A prefix needs at least MIN_PREFIX characters; an ambiguous one lists the candidates.
    """
    noun = _NOUN.get(table, "row")
    prefix = (prefix or "").strip().lower()
    if not _PREFIX.match(prefix):
        raise NotFoundError(f"'{prefix}' is not a {noun} id.")
    if len(prefix) < MIN_PREFIX:
        raise NotFoundError(
            f"'{prefix}' is too short to name a {noun}: give the id or at least its first {MIN_PREFIX} characters."
        )
    sql = f"SELECT id FROM {quote_identifier(table)} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"
    # A range scan on the primary key: a LIKE would not use the index.
    rows = [r[0] for r in db.execute(sql, [prefix, prefix + "\uffff", SHOWN_CANDIDATES + 2]).fetchall()]
    if not rows:
        raise NotFoundError(f"No {noun} has an id starting with '{prefix}'.")
    if len(rows) > 1:
        raise AmbiguousIdError(
            f"More than one {noun} id starts with '{prefix}'; type more of it. Candidates: {_candidates(db, table, rows)}"
        )
    return rows[0]
