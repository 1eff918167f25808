"""PDF pages drawn for the document viewer with PDFium (pypdfium2), as QImages, passages boxed in colour.

PySide6-Essentials carries no QtPdf, so pages are rendered by PDFium, the same engine that
reads their text. The document stays open while the viewer shows it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from factcheck_app.ingest.pdf_text import passage_boxes

HIGHLIGHT = QColor(255, 214, 0, 110)


class PdfPages:
    """An open PDF file whose pages can be drawn; ``close()`` when done."""

    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium

        self.path = Path(path)
        self._data = self.path.read_bytes()
        self._pdf = pdfium.PdfDocument(self._data)

    def __len__(self) -> int:
        return len(self._pdf)

    def close(self) -> None:
        """Close the document (the viewer is done with it)."""
        self._pdf.close()

    def render(self, page_number: int, scale: float = 1.5, passage: str | None = None,
               fit_width: int | None = None) -> QImage:
        """Return page ``page_number`` (1-based) drawn at ``scale`` (1 = 72 dpi), or to ``fit_width`` pixels
        wide (never below half size), with ``passage`` boxed."""
        page = self._pdf[page_number - 1]
        if fit_width:
            scale = max(0.5, fit_width / page.get_width())
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            fmt = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
        finally:
            page.close()
        if passage:
            boxes = passage_boxes(self._data, page_number, passage)
            if boxes:
                painter = QPainter(image)
                for left, top, right, bottom in boxes:
                    painter.fillRect(QRectF(left * scale, top * scale, (right - left) * scale, (bottom - top) * scale),
                                     HIGHLIGHT)
                painter.end()
        return image
