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
    from PySide6.QtCore import QMarginsF, QRectF, Qt
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
    doc.setTextWidth(page_w)  # laid out as one long page; page_starts chooses where pages break
    starts = page_starts(doc, body_h)
    ends = starts[1:] + [doc.size().height()]
    pages = len(starts)

    footer_font = QFont("DejaVu Sans")
    footer_font.setPixelSize(10)  # layout pixels: the painter scales it with the page
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"Cannot write the PDF to {path}.")
    try:
        painter.scale(scale, scale)
        for page, (top, bottom) in enumerate(zip(starts, ends)):
            if progress:
                progress(page, pages)
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, page_w, bottom - top))
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


def _line_spans(doc) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Return every text line's (top, bottom) in document order, and every heading's (top, bottom).

    Headings are heading blocks (h1-h6) and small tables (an article's heading box). Block
    rectangles are in document coordinates, also for blocks inside table cells.
    """
    from PySide6.QtGui import QTextTable

    layout = doc.documentLayout()
    lines: list[tuple[float, float]] = []
    headings: list[tuple[float, float]] = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            lines.append((rect.top() + line.y(), rect.top() + line.y() + line.height()))
        if block.blockFormat().headingLevel():
            headings.append((rect.top(), rect.bottom()))
        block = block.next()
    for frame in doc.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        if isinstance(frame, QTextTable) and rect.height() < SMALL_TABLE_PX:
            headings.append((rect.top(), rect.bottom()))
    lines.sort()
    headings.sort()
    return lines, headings


def page_starts(doc, page_h: float) -> list[float]:
    """Return where each page begins in an unpaginated document laid out to the page width.

    A page ends before the line it would cut, and before a heading that would be left at its
    foot without room for what follows (QTextDocument's own pagination knows no "keep with
    next"). One layout, then one walk over the lines: no relayout.
    """
    import bisect

    lines, headings = _line_spans(doc)
    line_tops = [top for top, _ in lines]
    heading_tops = [top for top, _ in headings]
    total = doc.size().height()
    starts = [0.0]
    while starts[-1] + page_h < total:
        start = starts[-1]
        end = start + page_h
        # The last line that would cross the page's end starts the next page.
        i = bisect.bisect_left(line_tops, end) - 1
        while i >= 0 and lines[i][1] > end and lines[i][0] > start:
            end = lines[i][0]
            i -= 1
        # A heading too near the foot goes over too, with what follows it.
        j = bisect.bisect_left(heading_tops, end) - 1
        while j >= 0 and headings[j][0] > start + 1:
            top, bottom = headings[j]
            if bottom + KEEP_WITH_NEXT_PX <= end:
                break
            end = top
            j -= 1
        if end <= start + 1:  # nothing fits (a line taller than a page): cut where the page ends
            end = start + page_h
        starts.append(end)
    return starts


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
