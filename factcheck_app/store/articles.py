"""Articles in the library: import (with their extracted claims), listing, metadata edits."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim
from factcheck_app.core.ids import new_id, utc_now
from factcheck_app.store.claims import insert_claims, replace_facets
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.transaction import write


@dataclass
class ImportResult:
    """What an import did: the article's id, whether it was new, and the ids of its claims."""

    article_id: str
    created: bool
    claim_ids: list[str] = field(default_factory=list)


def content_hash(body: str) -> str:
    """Return the SHA-256 of the body, whitespace-folded, so re-pasting the same text is recognised."""
    folded = " ".join(body.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def import_article(db: Database, article: ExtractedArticle, source_name: str | None = None) -> ImportResult:
    """Store an extracted article and its claims in one transaction.

    The same text imported twice is not duplicated: the existing article comes back
    with ``created=False``.
    """
    if not article.body.strip():
        raise ValidationError("The article has no text to import.")
    digest = content_hash(article.body)
    article_id = new_id()
    with write(db):
        # Looked up inside the write lock: the GUI and the command line may import the same text at once.
        existing = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        if existing:
            return ImportResult(existing[0], False, [])
        db["articles"].insert(
            {
                "id": article_id,
                "title": article.title,
                "outlet": article.outlet,
                "author": article.author,
                "url": article.url,
                "published": article.published,
                "body": article.body,
                "source_name": source_name,
                "content_hash": digest,
                "imported_at": utc_now(),
            }
        )
        claim_ids = insert_claims(db, article_id, article.claims, origin="automatic")
    return ImportResult(article_id, True, claim_ids)


def get_article(db: Database, article_id: str) -> dict:
    """Return the article row (body included); raise NotFoundError."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        raise NotFoundError(f"No article with id {article_id}.")
    return rows[0]


def list_articles(db: Database, text: str | None = None, limit: int | None = None) -> list[dict]:
    """Return article summaries (id, title, outlet, published, claims, checked), newest first.

    ``text`` keeps articles whose title or outlet contains it (case-insensitive). The same
    rows, in the same order, as the app's library pane (``store.views``).
    """
    from factcheck_app.store import views

    ids = views.article_ids(db, text or "", sort="date", descending=True)
    if limit:
        ids = ids[: int(limit)]
    found = views.article_summaries(db, ids)
    return [found[i] for i in ids if i in found]


EDITABLE_FIELDS = ("title", "outlet", "author", "url", "published")


def update_article(db: Database, article_id: str, **changes: str | None) -> dict:
    """Change an article's metadata (title, outlet, author, url, published); return the updated row.

    The body is never changed: claim and facet offsets point into it.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These article fields cannot be edited: {', '.join(sorted(unknown))}.")
    get_article(db, article_id)
    with write(db):
        db["articles"].update(article_id, changes)
    return get_article(db, article_id)


def reresolve_facets(db: Database, article_id: str, published: str | None, claims: list[ExtractedClaim]) -> int:
    """Set the published date and replace the facets of automatic claims whose span re-extraction found again.

    Used when a checker corrects the date: relative dates ("last week") then point at
    the right days. Claims, their evidence and verdicts are kept. Returns how many
    claims got new facets.
    """
    get_article(db, article_id)
    by_span = {(c.start, c.end): c for c in claims}
    changed = 0
    with write(db):
        db["articles"].update(article_id, {"published": published})
        rows = db.execute(
            "SELECT id, start_offset, end_offset FROM claims WHERE article_id = ? AND origin = 'automatic'",
            [article_id],
        ).fetchall()
        for claim_id, start, end in rows:
            fresh = by_span.get((start, end))
            if fresh is not None:
                replace_facets(db, claim_id, fresh.facets)
                changed += 1
    return changed


def claim_ids_of(db: Database, article_id: str) -> list[str]:
    """Return the ids of an article's claims in reading order."""
    return [r[0] for r in db.execute(
        "SELECT id FROM claims WHERE article_id = ? ORDER BY start_offset, end_offset", [article_id]
    )]


def delete_article(db: Database, article_id: str) -> None:
    """Delete an article with its claims, facets, evidence links and verdicts (sources stay)."""
    get_article(db, article_id)
    with write(db):
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
