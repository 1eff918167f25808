"""The PDF report: the PDF variant of the HTML template, laid out by Qt's QTextDocument and printed
page by page to a QPdfWriter, with page numbers painted on each page. Everything happens locally.

This is the one module outside ui/ that imports Qt (QtGui, plus QtCore geometry types).
"""
from __future__ import annotations

import atexit
import os
from pathlib import Path

from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.model import Progress, corrections_log
from factcheck_app.reports.safe_write import atomic_path
from factcheck_app.reports.templating import html_environment

TEMPLATE = "report_pdf.html.j2"
PAPER_SIZES = ("a4", "letter")
MARGIN_MM = 16
FOOTER_PX = 26  # room under the text for the page number, in layout pixels (1/96 inch)
LAYOUT_DPI = 96  # the document is laid out as on a 96-dpi screen, then scaled to the writer's resolution
#: Room a heading needs below it on its page (about three lines of text), in layout pixels.
KEEP_WITH_NEXT_PX = 48
#: Tables shorter than this (an article's heading box) are kept with what follows; longer ones may split.
SMALL_TABLE_PX = 160
MAX_KEEP_PASSES = 6
STANCE_COLOURS = {"supports": "#1b5e2b", "refutes": "#8a1c1c", "context": "#5f6368"}

_app = None  # a QGuiApplication made here (none existed) is kept for the life of the process


def pdf_html(report: dict) -> str:
    """Return the HTML that the PDF is printed from (QTextDocument's subset of HTML and CSS)."""
    by_verdict = report["summary"]["by_verdict"]
    most = max((r["count"] for r in by_verdict), default=0) or 1
    bars = [{**r, "percent": max(1, min(99, round(90 * r["count"] / most)))} for r in by_verdict]
    return html_environment().get_template(TEMPLATE).render(
        report=report, bars=bars, corrections=corrections_log(report), stance_colours=STANCE_COLOURS
    )


def ensure_gui_application() -> None:
    """Make sure a QGuiApplication exists (QTextDocument needs fonts); headless: the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    global _app
    if QGuiApplication.instance() is not None:
        if not isinstance(QGuiApplication.instance(), QGuiApplication):
            raise ReportError("PDF export needs a graphical Qt application, and a console one is running.")
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["factcheck"])
    atexit.register(_shut_down_application)


def _shut_down_application() -> None:
    """Close the application made here before the interpreter tears Qt's wrappers down (avoids a crash at exit)."""
    global _app
    if _app is not None:
        _app.shutdown()
        _app = None


def _page_size(paper: str):
    from PySide6.QtGui import QPageSize

    sizes = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
    try:
        return QPageSize(sizes[paper.lower()])
    except KeyError:
        raise ReportError(f"Unknown paper size '{paper}' (choose a4 or letter).") from None


def print_html_to_pdf(html: str, path: Path, *, paper: str = "a4", title: str = "",
                      progress: Progress | None = None) -> int:
    """Lay out ``html`` and print it to the PDF file ``path``; return the number of pages.

    ``progress(page, pages)`` is called before each page; it may raise (e.g. ExportCancelled)
    to stop, in which case the painter is closed and the exception propagates.
    """
    ensure_gui_application()
    return _print(html, path, paper, title, progress)


def _print(html: str, path: Path, paper: str, title: str, progress: Progress | None) -> int:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setCreator("Factcheck Desk")
    writer.setTitle(title)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(_page_size(paper), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM - 4),
                                     QPageLayout.Unit.Millimeter))
    scale = writer.resolution() / LAYOUT_DPI
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    page_w, page_h = paint.width() / scale, paint.height() / scale
    body_h = page_h - FOOTER_PX

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(QFont("DejaVu Serif", 10))
    doc.setHtml(html)
    doc.setPageSize(QSizeF(page_w, body_h))
    keep_headings_with_next(doc, body_h)
    pages = doc.pageCount()

    footer_font = QFont("DejaVu Sans")
    footer_font.setPixelSize(10)  # layout pixels: the painter scales it with the page
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"Cannot write the PDF to {path}.")
    try:
        painter.scale(scale, scale)
        for page in range(pages):
            if progress:
                progress(page, pages)
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body_h)
            doc.drawContents(painter, QRectF(0, page * body_h, page_w, body_h))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawLine(0, int(body_h + 6), int(page_w), int(body_h + 6))
            footer = QRectF(0, body_h + 8, page_w, FOOTER_PX - 8)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"Page {page + 1} of {pages}")
    finally:
        painter.end()
    if progress:
        progress(pages, pages)
    return pages


def _needs_break(top: float, height: float, page_h: float) -> bool:
    """Return True when something starting at ``top`` would leave too little room after it on its page."""
    offset = top % page_h
    return offset > 1 and offset + height + KEEP_WITH_NEXT_PX > page_h


def keep_headings_with_next(doc, page_h: float) -> int:
    """Move every heading (and every small table, such as an article's heading box) that would sit at the
    foot of a page, without room for what follows it, to the next page; return how many were moved.

    QTextDocument knows page breaks but not "keep with next", so the laid-out document is
    measured and a break is set before each such block; later blocks move, so it runs to a fixed point.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat, QTextTable

    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    layout = doc.documentLayout()
    moved = 0
    for _ in range(MAX_KEEP_PASSES):
        changed = False
        root = doc.rootFrame()
        for frame in root.childFrames():
            fmt = frame.frameFormat()
            rect = layout.frameBoundingRect(frame)
            if (isinstance(frame, QTextTable) and rect.height() < SMALL_TABLE_PX
                    and not fmt.pageBreakPolicy() & always_before and _needs_break(rect.top(), rect.height(), page_h)):
                fmt.setPageBreakPolicy(always_before)
                frame.setFrameFormat(fmt)
                changed = True
                moved += 1
        block = doc.begin()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.headingLevel() and not fmt.pageBreakPolicy() & always_before:
                cursor = QTextCursor(block)
                rect = layout.blockBoundingRect(block)
                if cursor.currentFrame() == root and _needs_break(rect.top(), rect.height(), page_h):
                    fmt.setPageBreakPolicy(always_before)
                    cursor.setBlockFormat(fmt)
                    changed = True
                    moved += 1
            block = block.next()
        if not changed:
            break
    return moved


def write_pdf(report: dict, path: str | os.PathLike, *, paper: str = "a4", force: bool = False,
              progress: Progress | None = None) -> Path:
    """Print the report to ``path`` as a PDF (A4 or Letter) atomically; return the path."""
    _page_size(paper)  # a bad paper size is refused before anything is written
    html = pdf_html(report)
    with atomic_path(path, force=force) as tmp:
        print_html_to_pdf(html, tmp, paper=paper, title=report["title"], progress=progress)
    return Path(path)


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``pdf``."""
    return [write_pdf(report, path, paper=options.paper, force=options.force, progress=progress)]


def preview(report: dict, options):
    """The registry's preview for ``html`` and ``pdf``: the PDF's HTML (QTextBrowser reads the same subset)."""
    from factcheck_app.reports.formats import Preview

    return Preview("html", pdf_html(report))
