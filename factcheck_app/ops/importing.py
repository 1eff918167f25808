"""Importing an article: read the file, extract its claims, store them, recognise one already there.

One operation for the app, the command line and the sample library.
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.extract.pipeline import analyse
from factcheck_app.ingest import MAX_ARTICLE_BYTES
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops.articles import delete_article
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.matching import match_claims
from factcheck_app.store import articles as store
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write


@dataclass
class Imported:
    """What an import did: the article (new, or the one already holding this text) and its claims."""

    article_id: str
    created: bool
    title: str | None
    claim_ids: list[str] = field(default_factory=list)
    #: What the reader noticed (a fallback reader, replaced bytes), for the checker to see.
    notes: list[str] = field(default_factory=list)
    #: Which reader produced the body (ingest.reader_names), so a fallback is never silent.
    reader: str | None = None


def read_file(path: Path) -> bytes:
    """Return an article file's bytes; raise IngestError saying plainly why it cannot be read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise IngestError(f"no such file: {path}") from exc
    except OSError as exc:
        raise IngestError(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(mode):
        raise IngestError(f"{path.name} is a folder, not an article file.")
    if not stat.S_ISREG(mode):
        raise IngestError(f"{path.name} is not a regular file (a device, a pipe or a socket); save the article as a file.")
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise IngestError(
            f"{path.name} is too large ({path.stat().st_size / 1e6:.1f} MB); "
            f"the limit is {MAX_ARTICLE_BYTES // (1024 * 1024)} MB."
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc


def prepare(data: bytes | str, *, name: str | None, published: str | None = None) -> ExtractedArticle:
    """Read and extract an article without touching a library (the slow part, done before the write lock)."""
    return analyse(data, filename=name, published=published)


def store_article(lib: Library, article: ExtractedArticle, *, source_name: str | None) -> OpResult:
    """Store an extracted article and its claims in one transaction; the same text again returns the existing one.

    The new claims are matched against the published checks and the claims with a verdict
    in the same transaction, so "Checked before" is there when the article opens.
    """
    with write(lib.db):
        result = store.import_article(lib.db, article, source_name=source_name)
        if result.created:
            match_claims(lib, result.claim_ids)
    imported = Imported(result.article_id, result.created, article.title, result.claim_ids,
                        list(article.warnings), article.reader)
    if not result.created:
        return OpResult(changes=Changes(), value=imported, label="Import article", notes=imported.notes)
    return OpResult(
        changes=Changes.of(articles=[result.article_id], claims=result.claim_ids),
        value=imported, label=f"Import “{article.title or source_name or 'article'}”", notes=imported.notes,
        undo=partial(delete_article, article_id=result.article_id),
    )


def import_article(
    lib: Library, data: bytes | str, *, name: str | None, source_name: str | None = None, published: str | None = None,
) -> OpResult:
    """Read, extract and store one article from its bytes or text; the value is an ``Imported``."""
    article = prepare(data, name=name, published=published)
    return store_article(lib, article, source_name=source_name or name)


def import_file(lib: Library, path: Path, *, published: str | None = None) -> OpResult:
    """Import the article file at ``path`` (text, HTML, Markdown); the value is an ``Imported``."""
    path = Path(path)
    return import_article(lib, read_file(path), name=path.name, source_name=path.name, published=published)
