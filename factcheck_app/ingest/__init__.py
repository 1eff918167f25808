"""Readers that turn a saved or pasted article (plain text, HTML, Markdown) into a cleaned
body plus metadata. ``read_article`` is the one entry point; it raises only IngestError.
A source's documents are read by ``ingest.documents``, bibliography files by ``ingest.bibliography``."""
from __future__ import annotations

import os

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.ingest import reader_names
from factcheck_app.ingest.assemble import Hints, assemble_article
from factcheck_app.ingest.encoding import decode_bytes, looks_binary, normalise_text
from factcheck_app.ingest.errors import IngestError, reading_errors
from factcheck_app.ingest.html_sniff import looks_like_html

__all__ = ["IngestError", "MAX_ARTICLE_BYTES", "SUPPORTED_SUFFIXES", "read_article"]

#: Largest article accepted, in bytes (UTF-8 for text handed in as str). A news article
#: is rarely above 1 MB even as saved HTML; 20 MB leaves room for bloated pages while
#: keeping parsing time and memory bounded.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")


def _suffix(filename: str | None) -> str:
    return os.path.splitext(filename or "")[1].lower()


def _to_text(data: bytes | str) -> tuple[str, list[str]]:
    """Check size and kind of the input and return it as normalised text, with warnings."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if not data.strip():
            raise IngestError("The file is empty.")
        if len(data) > MAX_ARTICLE_BYTES:
            raise IngestError(f"The file is too large ({len(data) / 1e6:.1f} MB); the limit is {MAX_ARTICLE_BYTES // (1024 * 1024)} MB.")
        text, warnings = decode_bytes(data)
    elif isinstance(data, str):
        if len(data) > MAX_ARTICLE_BYTES or len(data.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
            raise IngestError(f"The text is too large; the limit is {MAX_ARTICLE_BYTES // (1024 * 1024)} MB.")
        text, warnings = data, []
    else:
        raise IngestError("Only text or file contents can be read as an article.")
    if looks_binary(text):
        raise IngestError("This file contains binary data, not a text, HTML or Markdown article.")
    text, more = normalise_text(text)
    if not text.strip():
        raise IngestError("The file is empty.")
    return text, warnings + more


def _read(data: bytes | str, filename: str | None) -> ExtractedArticle:
    text, warnings = _to_text(data)
    suffix = _suffix(filename)
    if suffix in _MARKDOWN_SUFFIXES:
        from factcheck_app.ingest.markdown_reader import read_markdown

        markdown = read_markdown(text)
        hints = Hints(title=markdown.title, published=markdown.published, author=markdown.author)
        return assemble_article(markdown.text, hints, warnings, reader_names.MARKDOWN)
    if suffix in _HTML_SUFFIXES or looks_like_html(text):
        from factcheck_app.ingest.html_reader import read_html  # html.parser and logging: HTML only

        page = read_html(text)
        meta = page.metadata
        hints = Hints(meta.title, meta.outlet, meta.author, meta.url, meta.published)
        if not page.text.strip() and not meta.title:
            raise IngestError("Nothing readable was found in this web page.")
        return assemble_article(page.text, hints, warnings + page.warnings, page.reader)
    return assemble_article(text, Hints(), warnings, reader_names.PLAIN_TEXT)


def read_article(data: bytes | str, filename: str | None = None) -> ExtractedArticle:
    """Return the article's cleaned body (title as first line) and metadata, with no claims yet.

    ``data`` is the file's bytes or already-decoded text; ``filename`` (only its suffix is
    used) picks the reader: .html/.htm, .md/.markdown, anything else is sniffed for HTML
    and otherwise read as plain text. Raises IngestError, and nothing else, when the input
    is empty, binary, larger than MAX_ARTICLE_BYTES, or has nothing readable left.
    """
    with reading_errors():
        return _read(data, filename)
