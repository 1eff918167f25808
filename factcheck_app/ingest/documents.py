"""Reading a document a source keeps (PDF, saved page, text, Markdown, picture) into its text parts.

``read_document`` decides the kind from the content (the name's ending must agree), checks
the limits, and returns the text of each page (PDF) or paragraph (text, saved pages); a
picture, or a scanned PDF without a text layer, has no searchable text and says so. The
file's bytes are never changed: this only reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck_app.ingest.document_types import (
    DOCUMENT_TYPES,
    SUPPORTED_LABEL,
    DocumentType,
    sniff_binary_type,
    type_for_suffix,
)
from factcheck_app.ingest.encoding import decode_bytes, looks_binary, normalise_text, sniff_binary
from factcheck_app.ingest.errors import IngestError, reading_errors
from factcheck_app.ingest.html_sniff import looks_like_html

#: Largest document kept, in bytes: a scanned report of several hundred pages fits.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
#: Largest text-like document (saved page, text, Markdown): reading the main text of a bigger
#: page takes longer than a checker should wait.
MAX_TEXT_DOCUMENT_BYTES = 20 * 1024 * 1024

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


@dataclass
class DocumentText:
    """A document as read: its type, the text of each part (page or paragraph), and notes."""

    doc_type: DocumentType
    parts: list[str]
    #: Where the text comes from: "layer" (the file's own text), "ocr" (character recognition), or None.
    text_origin: str | None
    warnings: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        """Return True when some part holds searchable text."""
        return any(p.strip() for p in self.parts)


def size_problem(size: int, doc_type: DocumentType | None = None) -> str | None:
    """Return why a file of ``size`` bytes is too large to keep, or None when it fits."""
    limit = MAX_TEXT_DOCUMENT_BYTES if doc_type is not None and not doc_type.binary else MAX_DOCUMENT_BYTES
    if size > limit:
        return f"it is too large ({size / 1e6:,.0f} MB); the limit is {limit // (1024 * 1024)} MB"
    return None


def detect_type(data: bytes, filename: str | None = None) -> DocumentType:
    """Return the document type of ``data``; raise IngestError when the content is not a kind we keep,
    or is not what the file name's ending says."""
    named = type_for_suffix(filename)
    if filename and named is None and "." in filename.rsplit("/", 1)[-1]:
        raise IngestError(f"This kind of file cannot be kept as a document (use {SUPPORTED_LABEL}).")
    found = sniff_binary_type(data)
    if found is None:
        other = sniff_binary(data)
        if other:
            raise IngestError(f"This file is {other}, which cannot be kept as a document (use {SUPPORTED_LABEL}).")
    if named is not None and named.binary and found is not named:
        what = f"a {found.label}" if found else "not one"
        raise IngestError(f"The file is named as a {named.label} but is {what}.")
    if found is not None:
        if named is not None and not named.binary:
            raise IngestError(f"The file is named as {named.label} but is a {found.label}.")
        return found
    if named is not None:
        return named
    return DOCUMENT_TYPES["text/plain"]


def _text_of(data: bytes) -> tuple[str, list[str]]:
    if not data.strip():
        raise IngestError("The file is empty.")
    text, warnings = decode_bytes(data)
    if looks_binary(text):
        raise IngestError("This file contains binary data, not text.")
    text, more = normalise_text(text)
    return text, warnings + more


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _read_text_like(data: bytes, doc_type: DocumentType) -> DocumentText:
    text, warnings = _text_of(data)
    if doc_type.media_type == "text/plain" and looks_like_html(text):
        doc_type = DOCUMENT_TYPES["text/html"]
    if doc_type.media_type == "text/html":
        from factcheck_app.ingest.html_reader import read_html  # trafilatura: only for saved pages

        page = read_html(text)
        body = page.text
        warnings += page.warnings
        title = page.metadata.title
        if title and not body.startswith(title):
            body = f"{title}\n\n{body}" if body else title
        parts = _paragraphs(body)
    else:
        parts = _paragraphs(text)
    return DocumentText(doc_type, parts, "layer" if parts else None, warnings)


def _read_pdf(data: bytes, doc_type: DocumentType) -> DocumentText:
    from factcheck_app.ingest.pdf_text import pdf_pages

    pages = pdf_pages(data)
    if any(p.strip() for p in pages):
        return DocumentText(doc_type, pages, "layer")
    from factcheck_app.ingest.ocr import recognise_pdf

    recognised = recognise_pdf(data)
    if recognised is not None and any(p.strip() for p in recognised):
        return DocumentText(doc_type, recognised, "ocr", ["The text was recognised from the page images (OCR)."])
    return DocumentText(doc_type, pages, None, ["The PDF has no text layer (a scan?): its text cannot be searched."])


def _read_image(data: bytes, doc_type: DocumentType) -> DocumentText:
    from factcheck_app.ingest.ocr import recognise_image

    recognised = recognise_image(data)
    if recognised and recognised.strip():
        return DocumentText(doc_type, [recognised.strip()], "ocr", ["The text was recognised from the image (OCR)."])
    return DocumentText(doc_type, [], None, ["An image has no searchable text."])


def read_document(data: bytes, filename: str | None = None) -> DocumentText:
    """Return the document's type and text parts. Raises IngestError, and nothing else, when the file
    is empty, too large, of a kind not kept, not what its name says, password-protected or damaged."""
    doc_type = detect_type(data, filename)
    problem = size_problem(len(data), doc_type)
    if problem:
        raise IngestError(f"The file cannot be kept: {problem}.")
    with reading_errors():
        if doc_type.media_type == "application/pdf":
            return _read_pdf(data, doc_type)
        if doc_type.part_kind == "image":
            return _read_image(data, doc_type)
        return _read_text_like(data, doc_type)
