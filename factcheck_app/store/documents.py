"""Documents kept by sources: one row per stored file (by its SHA-256), the sources that use it,
and its text per page or paragraph, searchable through ``document_pages_fts``.

A document row is shared: attaching the same file to a second source links the existing row.
Rows here describe files kept by ``store.files``; the file bytes themselves are never changed.
"""
from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.ingest.document_types import DOCUMENT_TYPES
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.files import relative_path
from factcheck_app.store.transaction import write

#: What a page is called in a locator, by part kind ("p. 12", "para. 4").
LOCATOR_PREFIX = {"page": "p.", "paragraph": "para.", "image": "image"}


def stored_relative_path(document: dict) -> Path:
    """Return where a document's file is kept, relative to the library's files folder."""
    return relative_path(document["sha256"], stored_suffix(document))


def stored_suffix(document: dict) -> str:
    """Return the ending a document's stored file has (from its media type)."""
    return DOCUMENT_TYPES[document["media_type"]].stored_suffix


def locator_for(part_kind: str, page: int | None) -> str:
    """Return the locator a checker reads for a page or paragraph: "p. 12", "para. 4"."""
    if page is None or part_kind == "image":
        return "image" if part_kind == "image" else ""
    return f"{LOCATOR_PREFIX[part_kind]} {page}"


def find_by_hash(db: Database, sha256: str) -> dict | None:
    """Return the document row with this SHA-256, or None."""
    rows = list(db.query("SELECT * FROM documents WHERE sha256 = ?", [sha256]))
    return rows[0] if rows else None


def add_document(
    db: Database,
    *,
    sha256: str,
    size: int,
    media_type: str,
    file_name: str,
    part_kind: str,
    parts: list[str],
    text_origin: str | None,
    document_id: str | None = None,
) -> tuple[str, bool]:
    """Record a stored file and its text parts; return (its id, True when the row is new).

    A file already recorded under the same hash is reused, as it is: attaching twice keeps one.
    """
    with write(db):
        existing = find_by_hash(db, sha256)
        if existing is not None:
            return existing["id"], False
        document_id = document_id or new_id()
        db["documents"].insert(
            {
                "id": document_id,
                "sha256": sha256,
                "size": size,
                "media_type": media_type,
                "file_name": file_name,
                "part_kind": part_kind,
                "parts": len(parts),
                "has_text": int(any(p.strip() for p in parts)),
                "text_origin": text_origin,
                "added_at": utc_now(),
            }
        )
        db["document_pages"].insert_all(
            ({"document_id": document_id, "page": i, "text": text} for i, text in enumerate(parts, start=1)),
            batch_size=200,
        )
    return document_id, True


def link_document(db: Database, source_id: str, document_id: str, file_name: str, attached_at: str | None = None) -> bool:
    """Attach a document to a source; return False when it already was (nothing changes then)."""
    with write(db):
        if db.execute(
            "SELECT 1 FROM source_documents WHERE source_id = ? AND document_id = ?", [source_id, document_id]
        ).fetchone():
            return False
        db["source_documents"].insert(
            {"source_id": source_id, "document_id": document_id, "file_name": file_name,
             "attached_at": attached_at or utc_now()}
        )
    return True


def copy_links(db: Database, from_source_ids: list[str], to_source_id: str) -> int:
    """Attach to ``to_source_id`` every document the other sources keep (as they were attached);
    return how many links were added. Used when duplicate sources are merged into one."""
    if not from_source_ids:
        return 0
    marks = ", ".join("?" * len(from_source_ids))
    with write(db):
        cursor = db.execute(
            "INSERT OR IGNORE INTO source_documents (source_id, document_id, file_name, attached_at) "
            f"SELECT ?, document_id, file_name, attached_at FROM source_documents WHERE source_id IN ({marks}) "
            "ORDER BY attached_at, rowid", [to_source_id, *from_source_ids])
    return cursor.rowcount


def unlink_document(db: Database, source_id: str, document_id: str) -> dict:
    """Detach a document from a source; return the link row removed (for undo). The document stays
    while another source uses it or evidence quotes it; otherwise its row and text go too."""
    rows = list(db.query(
        "SELECT * FROM source_documents WHERE source_id = ? AND document_id = ?", [source_id, document_id]
    ))
    if not rows:
        raise NotFoundError("That document is not attached to that source.")
    with write(db):
        db.execute("DELETE FROM source_documents WHERE source_id = ? AND document_id = ?", [source_id, document_id])
        remove_unused_documents(db, [document_id])
    return rows[0]


def remove_unused_documents(db: Database, document_ids: list[str] | None = None) -> list[str]:
    """Delete the rows of documents no source uses and no evidence quotes; return their ids.

    Only rows go: the stored files stay (backups and undo may still need them, and they are
    shared by hash).
    """
    sql = (
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM source_documents l WHERE l.document_id = d.id) "
        "AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.document_id = d.id)"
    )
    params: list = []
    if document_ids is not None:
        if not document_ids:
            return []
        sql += f" AND d.id IN ({', '.join('?' * len(document_ids))})"
        params = list(document_ids)
    with write(db):
        unused = [r[0] for r in db.execute(sql, params).fetchall()]
        for document_id in unused:
            db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    return unused


def get_document(db: Database, document_id: str) -> dict:
    """Return a document row; raise NotFoundError."""
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
    if not rows:
        raise NotFoundError(f"No document with id {document_id}.")
    return rows[0]


def documents_of_source(db: Database, source_id: str) -> list[dict]:
    """Return the documents a source keeps, with each link's file name and attachment time, oldest first."""
    return list(db.query(
        """
        SELECT d.*, l.file_name AS attached_name, l.attached_at, l.source_id
        FROM source_documents l JOIN documents d ON d.id = l.document_id
        WHERE l.source_id = ? ORDER BY l.attached_at, l.rowid
        """,
        [source_id],
    ))


def documents_of_sources(db: Database, source_ids: list[str]) -> dict[str, list[dict]]:
    """Return each source's documents (as ``documents_of_source``), keyed by source id."""
    out: dict[str, list[dict]] = {s: [] for s in source_ids}
    if not source_ids:
        return out
    marks = ", ".join("?" * len(source_ids))
    for row in db.query(
        f"""
        SELECT d.*, l.file_name AS attached_name, l.attached_at, l.source_id
        FROM source_documents l JOIN documents d ON d.id = l.document_id
        WHERE l.source_id IN ({marks}) ORDER BY l.attached_at, l.rowid
        """,
        list(source_ids),
    ):
        out[row["source_id"]].append(row)
    return out


def sources_of_document(db: Database, document_id: str) -> list[dict]:
    """Return the sources that keep a document (id, title), by title."""
    return list(db.query(
        "SELECT s.id, s.title FROM source_documents l JOIN sources s ON s.id = l.source_id "
        "WHERE l.document_id = ? ORDER BY s.title COLLATE NOCASE", [document_id]
    ))


def list_documents(db: Database) -> list[dict]:
    """Return every document row with how many sources keep it, oldest first."""
    return list(db.query(
        "SELECT d.*, (SELECT count(*) FROM source_documents l WHERE l.document_id = d.id) AS sources "
        "FROM documents d ORDER BY d.added_at, d.rowid"
    ))


def page_text(db: Database, document_id: str, page: int) -> str:
    """Return the text of one page (or paragraph) of a document; raise ValidationError when there is none."""
    document = get_document(db, document_id)
    if document["part_kind"] == "image":
        raise ValidationError(f"{document['file_name']} is an image: it has no pages of text.")
    row = db.execute(
        "SELECT text FROM document_pages WHERE document_id = ? AND page = ?", [document_id, page]
    ).fetchone()
    if row is None:
        noun = "pages" if document["part_kind"] == "page" else "paragraphs"
        raise ValidationError(f"{document['file_name']} has {document['parts']} {noun}; there is no {page}.")
    return row[0]


def pages_of(db: Database, document_id: str) -> list[str]:
    """Return the text of every page (or paragraph) of a document, in order."""
    return [r[0] for r in db.execute(
        "SELECT text FROM document_pages WHERE document_id = ? ORDER BY page", [document_id]
    )]
