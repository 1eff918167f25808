"""The PDF report: printed locally by Qt, A4 or Letter, numbered pages, text readable by pypdf."""
from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from factcheck_app.reports.errors import ExportCancelled
from factcheck_app.reports.model import build_report
from factcheck_app.reports.pdf import write_pdf

POINTS_PER_MM = 72 / 25.4


def pdf_text(path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    # NFKC turns the serif font's ligatures (the "fi" in "figure") back into letters.
    return reader, unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def test_pdf_text_and_page_numbers(qapp, report_db, tmp_path):
    path = write_pdf(build_report(report_db), tmp_path / "r.pdf")
    reader, text = pdf_text(path)
    pages = len(reader.pages)
    assert pages >= 1
    flat = " ".join(text.split())
    for expected in ("Fact-check report: 2 articles", "Mostly true", "Ferry statistics 2023",
                     "The authority revised its figure.", "How we checked", "Corrections log",
                     "Harbour Checkers", "<script>alert('x')</script>"):
        assert expected in flat, expected
    for page_no, page in enumerate(reader.pages, start=1):
        assert f"Page {page_no} of {pages}" in " ".join(page.extract_text().split())
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 210 * POINTS_PER_MM) < 2 and abs(height - 297 * POINTS_PER_MM) < 2


def test_pdf_letter_and_many_pages(qapp, sample_db, tmp_path):
    from factcheck_app.reports.selection import Selection

    report = build_report(sample_db, Selection(include_unchecked=True))
    path = write_pdf(report, tmp_path / "s.pdf", paper="letter")
    reader, text = pdf_text(path)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)
    assert len(reader.pages) >= 3  # 20 claims with context do not fit on two pages
    flat = " ".join(text.split())
    assert "Council meeting minutes, 12 March 2024" in flat and "Not yet checked" in flat
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in flat


def test_printing_does_not_drain_references_to_none(qapp, sample_db, tmp_path):
    import sys

    from factcheck_app.reports.selection import Selection

    report = build_report(sample_db, Selection(include_unchecked=True))
    before = sys.getrefcount(None)
    write_pdf(report, tmp_path / "s.pdf")
    # PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to None per void call (pinned out).
    assert sys.getrefcount(None) >= before - 5


def test_cancelled_pdf_leaves_no_file(qapp, report_db, tmp_path):
    def cancel(done, total):
        if done >= 1:  # after the first page is printed (or, for a one-page report, once it is)
            raise ExportCancelled("Export cancelled.")

    with pytest.raises(ExportCancelled):
        write_pdf(build_report(report_db), tmp_path / "r.pdf", progress=cancel)
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")] == []
