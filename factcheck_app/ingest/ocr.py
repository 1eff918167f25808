"""Optional character recognition for scans and pictures, where a local engine is installed.

Nothing here is required: without the ``tesserocr`` package (Tesseract's maintained Python
binding, which needs Pillow and Tesseract's language data) every function returns None and
a scan is kept as having no searchable text. Recognition never leaves the machine.
"""
from __future__ import annotations

import io
import logging

log = logging.getLogger(__name__)

#: Render scale for recognition: 300 dpi (PDF pages are laid out at 72 points to the inch).
_OCR_SCALE = 300 / 72


def _engine():
    """Return tesserocr's module when it and its language data are usable, else None."""
    try:
        import tesserocr
    except ImportError:
        return None
    try:
        if not tesserocr.get_languages()[1]:
            return None
    except Exception:  # a broken installation counts as none
        return None
    return tesserocr


def engine_available() -> bool:
    """Return True when a local character-recognition engine is installed."""
    return _engine() is not None


def recognise_image(data: bytes) -> str | None:
    """Return the text read from an image file's bytes, or None when no engine is installed."""
    engine = _engine()
    if engine is None:
        return None
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            return engine.image_to_text(image)
    except Exception as exc:  # recognition is a bonus: the document is kept without it
        log.warning("Character recognition failed: %s", type(exc).__name__)
        return None


def recognise_pdf(data: bytes) -> list[str] | None:
    """Return the text read from each page image of a PDF, or None when no engine is installed."""
    engine = _engine()
    if engine is None:
        return None
    from factcheck_app.ingest.pdf_text import open_pdf

    pages: list[str] = []
    try:
        with open_pdf(data) as pdf:
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    pages.append(engine.image_to_text(page.render(scale=_OCR_SCALE).to_pil()).strip())
                finally:
                    page.close()
    except Exception as exc:
        log.warning("Character recognition failed: %s", type(exc).__name__)
        return None
    return pages
