"""Sources shared across the library: add, edit, list, delete (only when no evidence cites them)."""
from __future__ import annotations

import re

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.schema import RELIABILITY_LEVELS, SOURCE_KINDS
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_date, check_url

SOURCE_FIELDS = (
    "title", "url", "publisher", "author", "published", "accessed", "kind",
    "reliability", "archive_url", "local_file", "notes", "tags",
)


def normalise_tags(tags: str | list[str] | None) -> str:
    """Return tags as one comma-separated string, trimmed, de-duplicated, in the order given."""
    if tags is None:
        return ""
    items = tags.split(",") if isinstance(tags, str) else tags
    cleaned = (_CONTROL.sub("", t).strip() for t in items if t)
    return ", ".join(dict.fromkeys(t for t in cleaned if t))


# Control characters (NUL above all: SQLite's length() stops at it) never belong in a field;
# newlines and tabs do, in notes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(fields: dict) -> dict:
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown source fields: {', '.join(sorted(unknown))}.")
    out = {k: (_CONTROL.sub("", v).strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "title" in out and not out["title"]:
        raise ValidationError("A source needs a title.")
    if "kind" in out:
        out["kind"] = out["kind"] or "other"
        if out["kind"] not in SOURCE_KINDS:
            raise ValidationError(f"Unknown source kind '{out['kind']}' (choose one of: {', '.join(SOURCE_KINDS)}).")
    if "reliability" in out:
        out["reliability"] = out["reliability"] or "unknown"
        if out["reliability"] not in RELIABILITY_LEVELS:
            raise ValidationError(
                f"Unknown reliability '{out['reliability']}' (choose one of: {', '.join(RELIABILITY_LEVELS)})."
            )
    for key in ("published", "accessed"):
        if key in out:
            out[key] = check_date(out[key], key)
    for key in ("url", "archive_url"):
        if key in out:
            out[key] = check_url(out[key], key)
    if "tags" in out:
        out["tags"] = normalise_tags(out["tags"])
    return {k: (v if v != "" or k == "tags" else None) for k, v in out.items()}


def add_source(db: Database, title: str, **fields: str | list[str] | None) -> str:
    """Add a source and return its id. ``fields`` are any of SOURCE_FIELDS."""
    row = _clean({"title": title, **fields})
    row.setdefault("kind", "other")
    row.setdefault("reliability", "unknown")
    row.setdefault("tags", "")
    now = utc_now()
    source_id = new_id()
    with write(db):
        db["sources"].insert({"id": source_id, **row, "created_at": now, "updated_at": now})
    return source_id


def get_source(db: Database, source_id: str) -> dict:
    """Return the source row; raise NotFoundError."""
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise NotFoundError(f"No source with id {source_id}.")
    return rows[0]


def update_source(db: Database, source_id: str, **fields: str | list[str] | None) -> dict:
    """Change a source's fields; return the updated row."""
    get_source(db, source_id)
    row = _clean(fields)
    with write(db):
        db["sources"].update(source_id, {**row, "updated_at": utc_now()})
    return get_source(db, source_id)


def list_sources(db: Database, limit: int | None = None) -> list[dict]:
    """Return sources with how many evidence rows cite each, by title."""
    sql = (
        "SELECT s.*, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) AS uses "
        "FROM sources s ORDER BY s.title COLLATE NOCASE"
    )
    params: list = []
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return list(db.query(sql, params))


def citing_claims(db: Database, source_ids: list[str]) -> tuple[list[str], list[str]]:
    """Return the ids of the claims citing any of ``source_ids``, and of their articles."""
    if not source_ids:
        return [], []
    marks = ", ".join("?" for _ in source_ids)
    rows = db.execute(
        f"SELECT DISTINCT c.id, c.article_id FROM evidence e JOIN claims c ON c.id = e.claim_id "
        f"WHERE e.source_id IN ({marks})",
        list(source_ids),
    ).fetchall()
    return [r[0] for r in rows], list(dict.fromkeys(r[1] for r in rows))


def repoint_evidence(db: Database, from_ids: list[str], to_id: str) -> None:
    """Make the evidence citing any of ``from_ids`` cite ``to_id`` instead (inside the caller's transaction)."""
    with write(db):
        for old in from_ids:
            db.execute("UPDATE evidence SET source_id = ? WHERE source_id = ?", [to_id, old])


def insert_source_row(db: Database, row: dict) -> None:
    """Insert a whole source row as it was (its id and times kept): undo of a removal."""
    columns = ("id", *SOURCE_FIELDS, "created_at", "updated_at")
    with write(db):
        db["sources"].insert({k: row.get(k) for k in columns})


def delete_source(db: Database, source_id: str) -> None:
    """Delete a source that no evidence cites; raise ValidationError otherwise."""
    get_source(db, source_id)
    uses = db.execute("SELECT count(*) FROM evidence WHERE source_id = ?", [source_id]).fetchone()[0]
    if uses:
        raise ValidationError(f"The source is cited by {uses} evidence row(s); detach them first.")
    with write(db):
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
