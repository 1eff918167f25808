"""Sources shared across the library: add, edit, list, delete (only when no evidence cites them)."""
from __future__ import annotations

import re

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.documents import remove_unused_documents
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.schema import RELIABILITY_LEVELS, SOURCE_KINDS
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_date, check_url

SOURCE_FIELDS = (
    "title", "url", "publisher", "author", "published", "accessed", "kind",
    "reliability", "archive_url", "local_file", "notes", "tags", "doi",
)

# A DOI is "10.<registrant>/<suffix>"; written as a doi.org address or with "doi:" it is the same DOI.
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(doi: str | None) -> str | None:
    """Return a DOI as ``10.x/y`` (without a doi.org address or "doi:" before it); raise ValidationError
    when it is not one. None and "" give None."""
    doi = _DOI_PREFIX.sub("", (doi or "").strip())
    if not doi:
        return None
    if not _DOI.match(doi):
        raise ValidationError(f"'{doi[:80]}' is not a DOI (a DOI looks like 10.1234/abc).")
    return doi


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
    if "doi" in out:
        out["doi"] = normalise_doi(out["doi"])
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
    """Delete a source that no evidence cites; raise ValidationError otherwise.

    Its documents go with it only when no other source keeps them and no evidence quotes
    them; their stored files always stay (shared by hash, named by backups).
    """
    get_source(db, source_id)
    uses = db.execute("SELECT count(*) FROM evidence WHERE source_id = ?", [source_id]).fetchone()[0]
    if uses:
        raise ValidationError(f"The source is cited by {uses} evidence row(s); detach them first.")
    with write(db):
        kept = [r[0] for r in db.execute("SELECT document_id FROM source_documents WHERE source_id = ?", [source_id])]
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        remove_unused_documents(db, kept)


def _address_key(url: str | None) -> str | None:
    """Return a web address as compared for matching: scheme and host in lower case, no trailing slash."""
    if not url:
        return None
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{sep}{host.lower()}{slash}{path}".rstrip("/")


def _title_key(title: str | None) -> str:
    return " ".join((title or "").casefold().split())


def find_matching_source(db: Database, doi: str | None, url: str | None, title: str | None,
                         published: str | None) -> dict | None:
    """Return the source that an imported entry is: the same DOI, else the same address, else the same
    title and date (case and spacing aside; both dates empty counts as the same); None when none is."""
    if doi:
        rows = list(db.query("SELECT * FROM sources WHERE lower(doi) = lower(?) ORDER BY created_at LIMIT 1", [doi]))
        if rows:
            return rows[0]
    key = _address_key(url)
    if key:
        # The expression index finds addresses equal but for case and a trailing slash; the host's case
        # is all that may differ in the end (a path is case-sensitive).
        for row in db.query("SELECT * FROM sources WHERE url IS NOT NULL AND lower(rtrim(url, '/')) = "
                            "lower(rtrim(?, '/')) ORDER BY created_at", [url.strip()]):
            if _address_key(row["url"]) == key:
                return row
    wanted = _title_key(title)
    if wanted:
        for row in db.query("SELECT * FROM sources WHERE lower(trim(title)) = lower(trim(?)) ORDER BY created_at",
                            [" ".join((title or "").split())]):
            if _title_key(row["title"]) == wanted and (row["published"] or None) == (published or None):
                return row
    return None


def sources_cited(db: Database, *, article_ids: list[str] | None = None, claim_ids: list[str] | None = None) -> list[dict]:
    """Return the sources cited by evidence on these articles' or claims' claims (all sources when
    neither is given), by title."""
    if article_ids is None and claim_ids is None:
        return list(db.query("SELECT * FROM sources ORDER BY title COLLATE NOCASE, id"))
    if article_ids is not None:
        ids, where = article_ids, "c.article_id"
    else:
        ids, where = claim_ids or [], "c.id"
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return list(db.query(
        f"SELECT DISTINCT s.* FROM sources s JOIN evidence e ON e.source_id = s.id JOIN claims c ON c.id = e.claim_id "
        f"WHERE {where} IN ({marks}) ORDER BY s.title COLLATE NOCASE, s.id", list(ids)))
