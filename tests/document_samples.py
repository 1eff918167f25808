"""Documents made on the spot for tests and benchmarks: PDFs with text per page, a scan without a
text layer, a password-protected PDF, a tiny PNG. Nothing here is copied from anywhere."""
from __future__ import annotations

import struct
import zlib


def make_pdf(pages: list[str], fast: bool = False) -> bytes:
    """Return a PDF with one page per string, each string laid out as wrapped text.

    ``fast`` wraps lines by character count and places each one (fpdf2's own line breaking is
    the slow part when a benchmark makes thousands of pages).
    """
    import textwrap

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if fast:
            for n, line in enumerate(textwrap.wrap(text, 95)[:52]):
                pdf.text(12, 15 + 5 * n, line)
        else:
            pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def make_scanned_pdf(pages: int = 2) -> bytes:
    """Return a PDF whose pages hold only drawn shapes (as a scan holds only pictures): no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(40, 40, 40)
        pdf.rect(20, 20, 150, 10, style="F")
        pdf.rect(20, 40, 120, 10, style="F")
    return bytes(pdf.output())


def make_encrypted_pdf(text: str = "Secret figures") -> bytes:
    """Return a PDF that needs a password to open."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-pw", user_password="user-pw")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def make_png(width: int = 4, height: int = 3) -> bytes:
    """Return a small valid grey PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([128]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
