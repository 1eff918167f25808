"""No heading is left alone at the foot of a PDF page: every heading has room for what follows it."""
from __future__ import annotations

import copy

from factcheck_app.reports.model import build_report
from factcheck_app.reports.pdf import KEEP_WITH_NEXT_PX, page_starts, pdf_html


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


def test_pages_never_cut_a_line_nor_leave_a_heading_at_the_foot(qapp, report_db):
    from PySide6.QtGui import QFont, QTextDocument

    from factcheck_app.reports.pdf import _line_spans

    page_h = 980.0
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(QFont("DejaVu Serif", 10))
    doc.setHtml(pdf_html(_long_report(report_db)))
    doc.setTextWidth(680)
    starts = page_starts(doc, page_h)
    lines, headings = _line_spans(doc)
    assert len(starts) > 5 and headings
    ends = starts[1:] + [doc.size().height()]
    for start, end in zip(starts, ends):
        assert 0 < end - start <= page_h
        assert not [(t, b) for t, b in lines if t < end < b], "a line is cut by a page end"
        lonely = [(t, b) for t, b in headings if start + 1 < t < end and b + KEEP_WITH_NEXT_PX > end and end < ends[-1]]
        assert lonely == [], "a heading is left at the foot of a page"
    # Without the rule, some heading would have been left at a page's foot: the test can fail.
    naive = [n * page_h for n in range(len(starts))]
    assert any(n * page_h < t < (n + 1) * page_h < b + KEEP_WITH_NEXT_PX for t, b in headings for n in range(len(naive)))
