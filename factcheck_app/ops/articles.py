"""Article operations: edit the details (title, outlet, author, address, published date) and delete an article."""
from __future__ import annotations

from functools import partial

from factcheck_app.extract.pipeline import extract_claims
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import articles as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_date, check_url

#: The details a checker may correct; the body never changes (claim offsets point into it).
DETAIL_FIELDS = store.EDITABLE_FIELDS


def _tidy(fields: dict) -> dict:
    unknown = sorted(set(fields) - set(DETAIL_FIELDS))
    if unknown:
        raise ValidationError(f"An article has no editable detail {', '.join(unknown)}.")
    out = {}
    for key, value in fields.items():
        text = " ".join(value.split()) if isinstance(value, str) else value
        text = text or None
        if key == "url":
            text = check_url(text, "address")
        elif key == "published":
            text = check_date(text, "published date")
        out[key] = text
    return out


def edit_article(lib: Library, article_id: str, **fields: str | None) -> OpResult:
    """Change an article's details; a new published date re-resolves its relative dates. Returns the row.

    Undo puts the old details (and the dates they resolved to) back.
    """
    changes = _tidy(fields)
    with write(lib.db):
        before = store.get_article(lib.db, article_id)
        changes = {k: v for k, v in changes.items() if before.get(k) != v}
        if not changes:
            return OpResult(changes=Changes(), value=before, label="Edit article")
        if "published" in changes:
            # Relative dates ("last week") point at other days once the article's date moves.
            store.reresolve_facets(lib.db, article_id, changes["published"],
                                   extract_claims(before["body"], changes["published"]))
        after = store.update_article(lib.db, article_id, **changes)
    old = {k: before.get(k) for k in changes}
    claim_ids = [] if "published" not in changes else [
        r for r in store.claim_ids_of(lib.db, article_id)
    ]
    return OpResult(changes=Changes.of(articles=[article_id], claims=claim_ids), value=after,
                    label="Edit article details", undo=partial(edit_article, article_id=article_id, **old))


def delete_article(lib: Library, article_id: str) -> OpResult:
    """Delete an article with its claims, evidence links, verdicts and history (sources stay). Not undoable.

    The app asks for confirmation first; the command line asks for --yes.
    """
    with write(lib.db):
        article = store.get_article(lib.db, article_id)
        claim_ids = store.claim_ids_of(lib.db, article_id)
        store.delete_article(lib.db, article_id)
    return OpResult(changes=Changes.of(articles=[article_id], claims=claim_ids, sources=True),
                    value=article, label="Delete article")
