"""PDF text per page with PDFium (pypdfium2), and where a passage sits on a page.

Page numbers are 1-based, as printed in a viewer's page box. Password-protected, damaged
and oversized files raise IngestError with one line a checker can act on.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from factcheck_app.ingest.errors import IngestError

#: The most pages a PDF may have to be kept and indexed (a long report is a few hundred).
MAX_PDF_PAGES = 5000

# PDFium marks a hyphen it found at a line end with U+FFFE (or a soft hyphen) and emits NULs and
# other control characters for glyphs without Unicode; neither belongs in searchable text.
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\ufeff]")
_PDFIUM_PASSWORD_ERROR = 4


@contextmanager
def open_pdf(data: bytes) -> Iterator[object]:
    """Yield a pypdfium2 PdfDocument for ``data``; raise IngestError when PDFium cannot open it."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise IngestError("The PDF is password-protected; save an unprotected copy and attach that.") from exc
        raise IngestError("The PDF is damaged and cannot be read.") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _JUNK.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def pdf_pages(data: bytes) -> list[str]:
    """Return the text of each page of the PDF in ``data`` ('' for a page with no text layer)."""
    with open_pdf(data) as pdf:
        count = len(pdf)
        if count == 0:
            raise IngestError("The PDF has no pages; it is damaged or empty.")
        if count > MAX_PDF_PAGES:
            raise IngestError(f"The PDF has {count:,} pages; the limit is {MAX_PDF_PAGES:,}.")
        pages = []
        for index in range(count):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_clean(textpage.get_text_range()))
                finally:
                    textpage.close()
            finally:
                page.close()
        return pages


def pdf_page_count(data: bytes) -> int:
    """Return how many pages the PDF in ``data`` has."""
    with open_pdf(data) as pdf:
        return len(pdf)


def passage_boxes(data: bytes, page_number: int, passage: str) -> list[tuple[float, float, float, float]]:
    """Return the boxes (left, top, right, bottom in PDF points from the page's top-left) of the
    first place ``passage`` occurs on page ``page_number``; [] when it is not found there.

    The page's line breaks and the passage's spaces need not agree (see core.passages).
    """
    words = passage.split()
    if not words:
        return []
    with open_pdf(data) as pdf:
        if not 1 <= page_number <= len(pdf):
            return []
        page = pdf[page_number - 1]
        textpage = page.get_textpage()
        try:
            height = page.get_height()
            span = _find_span(textpage, words)
            if span is None:
                return []
            start, count = span
            boxes = []
            for i in range(textpage.count_rects(start, count)):
                left, bottom, right, top = textpage.get_rect(i)
                boxes.append((left, height - top, right, height - bottom))
            return boxes
        finally:
            textpage.close()
            page.close()


def _find_span(textpage, words: list[str]) -> tuple[int, int] | None:
    """Return (first char index, char count) of the passage made of ``words``, or None."""
    from factcheck_app.core.passages import find_passage

    text = textpage.get_text_range()
    found = find_passage(text, " ".join(words))
    if found is None:
        return None
    # PDFium counts the line breaks it generates as characters, so text offsets are char indexes.
    return found.start, found.end - found.start
