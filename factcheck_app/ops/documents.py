"""Documents kept by sources: attach files to a source, detach them, and quote a passage of one.

Every file is read and checked before anything is written: a password-protected, damaged,
oversized or mislabelled file stops the whole attach with one line, and the library is left
as it was. Files are kept content-addressed beside the library (``store.files``); attaching
the same bytes again reuses the stored copy and its row.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from factcheck_app.core.passages import Passage, find_passage
from factcheck_app.ingest.documents import DocumentText, read_document, size_problem
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import documents
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.files import remove_if_unused, sha256_of_bytes, store_bytes
from factcheck_app.store.library import Library
from factcheck_app.store.sources import get_source
from factcheck_app.store.transaction import write


@dataclass(frozen=True)
class PreparedDocument:
    """A file read and checked, ready to be kept: its bytes, hash, name and text parts."""

    path: Path
    data: bytes
    sha256: str
    text: DocumentText

    @property
    def name(self) -> str:
        """Return the file's name as the checker attached it."""
        return self.path.name


@dataclass(frozen=True)
class Attachment:
    """One file attached: the document row it is, and whether the file or the link was there already."""

    document_id: str
    file_name: str
    sha256: str
    size: int
    media_type: str
    part_kind: str
    parts: int
    has_text: bool
    reused: bool
    already_attached: bool
    warnings: tuple[str, ...] = ()


def prepare_document(path: str | Path) -> PreparedDocument:
    """Read and check one file for attaching; raise ValidationError naming the file when it cannot be kept."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ValidationError(f"{path}: no such file.")
        problem = size_problem(path.stat().st_size)
        if problem:  # refused before it is read into memory
            raise ValidationError(f"{path.name} cannot be kept: {problem}.")
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{path.name} cannot be read ({exc.strerror or exc}).") from exc
    try:
        text = read_document(data, path.name)
    except IngestError as exc:
        raise ValidationError(f"{path.name}: {exc}") from exc
    return PreparedDocument(path, data, sha256_of_bytes(data), text)


def attach_documents(lib: Library, source_id: str, paths: list[str | Path]) -> OpResult:
    """Keep each file and attach it to the source; return the Attachments. Undo detaches what this attached.

    All files are read and checked first; any bad one stops the attach before anything is written.
    """
    get_source(lib.db, source_id)
    if not paths:
        raise ValidationError("No files were given to attach.")
    prepared = [prepare_document(p) for p in paths]
    written: list[Path] = []
    try:
        for doc in prepared:
            path, new = store_bytes(lib.path, doc.data, doc.sha256, doc.text.doc_type.stored_suffix)
            if new:
                written.append(path)
    except OSError as exc:
        for path in written:
            remove_if_unused(path)
        raise ValidationError(f"The document files could not be written beside the library ({exc.strerror or exc}).") from exc
    attachments: list[Attachment] = []
    try:
        with write(lib.db):
            get_source(lib.db, source_id)
            for doc in prepared:
                document_id, created = documents.add_document(
                    lib.db,
                    sha256=doc.sha256,
                    size=len(doc.data),
                    media_type=doc.text.doc_type.media_type,
                    file_name=doc.name,
                    part_kind=doc.text.doc_type.part_kind,
                    parts=doc.text.parts,
                    text_origin=doc.text.text_origin,
                )
                linked = documents.link_document(lib.db, source_id, document_id, doc.name)
                row = documents.get_document(lib.db, document_id)
                attachments.append(Attachment(
                    document_id=document_id, file_name=doc.name, sha256=doc.sha256, size=len(doc.data),
                    media_type=row["media_type"], part_kind=row["part_kind"], parts=row["parts"],
                    has_text=bool(row["has_text"]), reused=not created, already_attached=not linked,
                    warnings=tuple(doc.text.warnings),
                ))
    except BaseException:
        # Only files written by this attach and named by no row are removed; a shared one stays.
        for path in written:
            if documents.find_by_hash(lib.db, path.stem) is None:
                remove_if_unused(path)
        raise
    newly_linked = list(dict.fromkeys(a.document_id for a in attachments if not a.already_attached))
    return OpResult(
        changes=Changes.of(documents=True, sources=True),
        value=attachments,
        undo=partial(detach_documents, source_id=source_id, document_ids=newly_linked) if newly_linked else None,
        label="Attach document" if len(prepared) == 1 else f"Attach {len(prepared)} documents",
        notes=[f"{a.file_name}: {w}" for a in attachments for w in a.warnings],
    )


@dataclass(frozen=True)
class _DetachedDocument:
    """What undoing a detach needs: the link, and the document row and text if they went too."""

    link: dict
    document: dict
    pages: tuple[str, ...]


def detach_documents(lib: Library, source_id: str, document_ids: list[str]) -> OpResult:
    """Detach documents from a source; a document no other source keeps and no evidence quotes goes
    from the library too (its file stays). Undo attaches them again, as they were."""
    detached: list[_DetachedDocument] = []
    with write(lib.db):
        for document_id in document_ids:
            row = documents.get_document(lib.db, document_id)
            pages = tuple(documents.pages_of(lib.db, document_id))
            link = documents.unlink_document(lib.db, source_id, document_id)
            detached.append(_DetachedDocument(link, row, pages))
    return OpResult(
        changes=Changes.of(documents=True, sources=True),
        value=[d.document["id"] for d in detached],
        undo=partial(_reattach, source_id=source_id, detached=tuple(detached)),
        label="Detach document",
    )


def snapshot_documents(lib: Library, source_id: str) -> tuple[_DetachedDocument, ...]:
    """Return what putting back a source's documents needs (links, rows, text), before the source goes."""
    snapshot = []
    for row in documents.documents_of_source(lib.db, source_id):
        link = {"file_name": row["attached_name"], "attached_at": row["attached_at"]}
        document = {k: row[k] for k in ("id", "sha256", "size", "media_type", "file_name", "part_kind", "text_origin")}
        snapshot.append(_DetachedDocument(link, document, tuple(documents.pages_of(lib.db, row["id"]))))
    return tuple(snapshot)


def restore_documents(lib: Library, source_id: str, snapshot: tuple[_DetachedDocument, ...]) -> None:
    """Attach a snapshot's documents to the source again (rows put back where they went)."""
    if snapshot:
        _reattach(lib, source_id, snapshot)


def _reattach(lib: Library, source_id: str, detached: tuple[_DetachedDocument, ...]) -> OpResult:
    """Undo of detach_documents: put back each document row (if it went) and its link."""
    with write(lib.db):
        get_source(lib.db, source_id)
        for item in detached:
            doc = item.document
            documents.add_document(
                lib.db, sha256=doc["sha256"], size=doc["size"], media_type=doc["media_type"],
                file_name=doc["file_name"], part_kind=doc["part_kind"], parts=list(item.pages),
                text_origin=doc["text_origin"], document_id=doc["id"],
            )
            documents.link_document(lib.db, source_id, doc["id"], item.link["file_name"], item.link["attached_at"])
    ids = [d.document["id"] for d in detached]
    return OpResult(
        changes=Changes.of(documents=True, sources=True),
        value=ids,
        undo=partial(detach_documents, source_id=source_id, document_ids=ids),
        label="Attach document",
    )


@dataclass(frozen=True)
class Quote:
    """A passage found on a document's page: the words as the page has them, and where."""

    document_id: str
    source_id: str | None
    page: int
    locator: str
    passage: Passage


def locate_excerpt(lib: Library, document_id: str, page: int, excerpt: str) -> Quote:
    """Return where ``excerpt`` occurs on page (or paragraph) ``page`` of a document; raise
    ValidationError when the document has no such page or the words are not on it."""
    doc = documents.get_document(lib.db, document_id)
    if not (excerpt or "").strip():
        raise ValidationError("An excerpt from the document is needed (the words that bear on the claim).")
    text = documents.page_text(lib.db, document_id, int(page))
    found = find_passage(text, excerpt)
    where = documents.locator_for(doc["part_kind"], page)
    if found is None:
        raise ValidationError(f"The excerpt does not occur on {where} of {doc['file_name']}.")
    sources = documents.sources_of_document(lib.db, document_id)
    return Quote(document_id, sources[0]["id"] if sources else None, int(page), where, found)


def quote_document(
    lib: Library, claim_id: str, document_id: str, page: int, excerpt: str, stance: str, *,
    source_id: str | None = None, locator: str | None = None, note: str | None = None, by: str | None,
) -> OpResult:
    """Add evidence for a claim quoting page ``page`` of a document; return the evidence id.

    The excerpt must occur on that page (``locate_excerpt``); the evidence keeps the page's own
    wording, the document and page, and "p. N" (or "para. N") as locator unless one is given.
    The source is the one that keeps the document (``source_id`` must keep it when given). The
    evidence is written by ``ops.evidence.add_evidence``, so its rules (a named checker) hold
    here too; undo removes it.
    """
    from factcheck_app.ops.evidence import add_evidence

    with write(lib.db):
        quote = locate_excerpt(lib, document_id, page, excerpt)
        keepers = [s["id"] for s in documents.sources_of_document(lib.db, document_id)]
        if source_id is None:
            if len(keepers) != 1:
                raise ValidationError(
                    "The document is kept by no source; attach it to one first." if not keepers else
                    f"The document is kept by {len(keepers)} sources; say which one the evidence cites.")
            source_id = keepers[0]
        elif source_id not in keepers:
            raise ValidationError("That source does not keep this document; attach the document to it first.")
        result = add_evidence(
            lib, claim_id, source_id, stance, excerpt=quote.passage.text, locator=locator or quote.locator,
            note=note, by=by, document_id=document_id, page=quote.page,
        )
    result.label = "Quote document"
    return result
