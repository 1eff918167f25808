"""Source operations: add, edit, merge duplicates into one (their documents too), remove one no evidence cites."""
from __future__ import annotations

from functools import partial

from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.documents import restore_documents, snapshot_documents
from factcheck_app.store import sources as store
from factcheck_app.store.documents import copy_links
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write


def _changes(lib: Library, source_ids: list[str]) -> Changes:
    claims, articles = store.citing_claims(lib.db, source_ids)
    return Changes.of(claims=claims, articles=articles, sources=True)


def add_source(lib: Library, title: str, **fields: str | list[str] | None) -> OpResult:
    """Add a source to the library; return its id. Undo removes it while nothing cites it."""
    with write(lib.db):
        source_id = store.add_source(lib.db, title, **fields)
    return OpResult(changes=Changes(sources=True), value=source_id, label="Add source",
                    undo=partial(remove_source, source_id=source_id))


def edit_source(lib: Library, source_id: str, **fields: str | list[str] | None) -> OpResult:
    """Change a source's fields; return the row. Undo puts the old values back."""
    with write(lib.db):
        before = store.get_source(lib.db, source_id)
        after = store.update_source(lib.db, source_id, **fields)
    old = {k: before[k] for k in fields}
    return OpResult(changes=_changes(lib, [source_id]), value=after, label="Edit source",
                    undo=partial(edit_source, source_id=source_id, **old))


def remove_source(lib: Library, source_id: str | None = None) -> OpResult:
    """Delete a source no evidence cites (refused otherwise); return its row. Undo puts it back.

    Its documents stay in the library while another source keeps them; undo attaches them again.
    """
    with write(lib.db):
        row = store.get_source(lib.db, source_id)
        kept = snapshot_documents(lib, source_id)
        store.delete_source(lib.db, source_id)
    return OpResult(changes=Changes(sources=True, documents=bool(kept)), value=row, label="Remove source",
                    undo=partial(restore_source, row=row, documents=kept))


def restore_source(lib: Library, *, row: dict, documents: tuple = ()) -> OpResult:
    """Put a removed source back under its old id and times, with the documents it kept."""
    with write(lib.db):
        store.insert_source_row(lib.db, row)
        restore_documents(lib, row["id"], documents)
    return OpResult(changes=Changes(sources=True, documents=bool(documents)), value=row["id"], label="Restore source",
                    undo=partial(remove_source, source_id=row["id"]))


def merge_sources(lib: Library, keep_id: str, duplicate_ids: list[str]) -> OpResult:
    """Merge duplicate sources into ``keep_id``: their evidence cites it, empty fields are filled, they go.

    Not undoable (the duplicates' rows are gone); the kept source's notes say what was merged into it.
    """
    others = [d for d in dict.fromkeys(duplicate_ids) if d != keep_id]
    if not others:
        raise ValidationError("Choose at least one other source to merge into the one you keep.")
    with write(lib.db):
        keep = store.get_source(lib.db, keep_id)
        rows = [store.get_source(lib.db, d) for d in others]
        affected = _changes(lib, [keep_id, *others])
        fill = {}
        for field_name in store.SOURCE_FIELDS:
            if field_name in ("title", "notes", "tags"):
                continue
            if not keep.get(field_name):
                found = next((r[field_name] for r in rows if r.get(field_name)), None)
                if found:
                    fill[field_name] = found
        tags = ", ".join(t for t in [keep["tags"], *(r["tags"] for r in rows)] if t)
        merged_note = "Merged into this source: " + "; ".join(f"“{r['title']}” ({r['id'][:8]})" for r in rows)
        notes = "\n".join(n for n in [keep.get("notes"), *(r.get("notes") for r in rows), merged_note] if n)
        store.repoint_evidence(lib.db, others, keep_id)
        # The duplicates' documents are kept by the source that stays.
        copy_links(lib.db, others, keep_id)
        for d in others:
            store.delete_source(lib.db, d)
        after = store.update_source(lib.db, keep_id, **fill, tags=tags, notes=notes)
    return OpResult(changes=affected, value=after, label=f"Merge {len(others) + 1} sources")
