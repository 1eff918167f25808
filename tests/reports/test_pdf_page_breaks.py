"""No heading is left alone at the foot of a PDF page: every heading has room for what follows it."""
from __future__ import annotations

import copy

from factcheck_app.reports.model import build_report
from factcheck_app.reports.pdf import KEEP_WITH_NEXT_PX, keep_headings_with_next, pdf_html


def _long_report(report_db) -> dict:
    from factcheck_app.reports.selection import Selection

    report = build_report(report_db, Selection(include_unchecked=True))
    article = report["articles"][0]
    claims = []
    for n in range(40):  # claims of varied height: the headings land at every height on the pages
        claim = copy.deepcopy(article["claims"][n % len(article["claims"])])
        claim["position"] = n + 1
        claims.append(claim)
    article["claims"] = claims
    return report


def _headings_with_too_little_room(doc, page_h):
    from PySide6.QtGui import QTextCursor

    layout, root = doc.documentLayout(), doc.rootFrame()
    lonely = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and QTextCursor(block).currentFrame() == root:
            rect = layout.blockBoundingRect(block)
            offset = rect.top() % page_h
            if offset > 1 and offset + rect.height() + KEEP_WITH_NEXT_PX > page_h:
                lonely.append(block.text())
        block = block.next()
    return lonely


def test_headings_keep_with_what_follows(qapp, report_db):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument

    page_h = 980.0
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(QFont("DejaVu Serif", 10))
    doc.setHtml(pdf_html(_long_report(report_db)))
    doc.setPageSize(QSizeF(680, page_h))
    before = _headings_with_too_little_room(doc, page_h)
    moved = keep_headings_with_next(doc, page_h)
    assert moved >= len(before) > 0  # the long report had lonely headings, and they were moved
    assert _headings_with_too_little_room(doc, page_h) == []
