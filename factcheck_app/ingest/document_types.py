"""The kinds of document a source may keep, found from the file's content: one entry each.

Each entry says how the kind is recognised (its leading bytes, or text), which file name
endings it goes by, the ending its stored copy gets, and what its parts are (PDF pages,
paragraphs of text, or a picture with no text). Adding a kind is one entry here plus its
reader in ``ingest.documents``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentType:
    """One kind of document: media type, a name for people, file endings, and its parts."""

    media_type: str
    label: str
    suffixes: tuple[str, ...]
    part_kind: str  # "page", "paragraph" or "image"
    binary: bool

    @property
    def stored_suffix(self) -> str:
        """Return the ending the stored copy gets (the first of ``suffixes``)."""
        return self.suffixes[0]


DOCUMENT_TYPES: dict[str, DocumentType] = {
    t.media_type: t
    for t in (
        DocumentType("application/pdf", "PDF document", (".pdf",), "page", True),
        DocumentType("text/html", "saved web page", (".html", ".htm", ".xhtml"), "paragraph", False),
        DocumentType("text/markdown", "Markdown text", (".md", ".markdown"), "paragraph", False),
        DocumentType("text/plain", "plain text", (".txt", ".text"), "paragraph", False),
        DocumentType("image/png", "PNG image", (".png",), "image", True),
        DocumentType("image/jpeg", "JPEG image", (".jpg", ".jpeg"), "image", True),
        DocumentType("image/webp", "WebP image", (".webp",), "image", True),
    )
}

SUPPORTED_LABEL = "PDF, saved web page (.html), text (.txt), Markdown (.md), PNG, JPEG or WebP"


def type_for_suffix(filename: str | None) -> DocumentType | None:
    """Return the document type a file name's ending stands for, or None (no ending, or an unknown one)."""
    suffix = os.path.splitext(filename or "")[1].lower()
    for doc_type in DOCUMENT_TYPES.values():
        if suffix in doc_type.suffixes:
            return doc_type
    return None


def sniff_binary_type(data: bytes) -> DocumentType | None:
    """Return the binary document type ``data`` holds (PDF, PNG, JPEG, WebP), from its leading bytes."""
    # The PDF header may follow a little junk (the format allows it within the first 1024 bytes).
    if b"%PDF-" in data[:1024]:
        return DOCUMENT_TYPES["application/pdf"]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return DOCUMENT_TYPES["image/png"]
    if data.startswith(b"\xff\xd8\xff"):
        return DOCUMENT_TYPES["image/jpeg"]
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return DOCUMENT_TYPES["image/webp"]
    return None
