"""The HTML report: self-contained, escaped, with every required piece of content."""
from __future__ import annotations

from html.parser import HTMLParser

from factcheck_app.reports.html import render_html, write_html
from factcheck_app.reports.model import build_report
from factcheck_app.reports.selection import Selection


class TagCollector(HTMLParser):
    """Collect every start tag with its attributes, and the visible text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector


def test_html_is_self_contained_and_scriptless(report_db):
    html = render_html(build_report(report_db))
    doc = parse(html)
    names = [t for t, _ in doc.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names and "img" not in names
    for tag, attrs in doc.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        assert "src" not in attrs
        if "href" in attrs:
            assert tag == "a"
            assert attrs["href"].startswith(("https://", "http://", "#")), attrs["href"]
    assert "@import" not in html and "url(" not in html


def test_hostile_text_is_inert(report_db):
    html = render_html(build_report(report_db))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in [a.get("href", "") for _, a in parse(html).tags]
    assert "[click](javascript:alert(1))" in html  # shown as text, never a link
    # The hostile source's file:// address is shown as text, not linked.
    assert 'href="file:' not in html and "file:///etc/passwd" in html


def test_html_content(report_db, report_lib):
    html = render_html(build_report(report_db))
    text = " ".join(parse(html).text)
    for expected in ("The Harbour Gazette", "14 March 2024", "Jo Writer", "Mostly true", "Six-step truth scale",
                     "Matches, rounded up.", "A. Checker", "B. Editor", "Ferry statistics 2023",
                     "Average daily crossings: 17,850.", "sheet 2", "Transport Authority", "30 January 2024",
                     "How we checked", "Corrections log", "The authority revised its figure.",
                     "Ferry numbers fall as bridge opens", "quantity", "$1.2 billion → 1,200,000,000 USD"):
        assert expected in text, expected
    assert 'href="https://gazette.example.org/ferry"' in html
    assert 'href="https://transport.example.org/ferry.csv"' in html
    assert 'href="https://archive.example.org/ferry.csv"' in html
    assert "background:#5aae61" in html  # the Mostly true badge in its colour
    assert "<svg" in html and 'fill="#c51b1b"' in html  # the chart, with the False bar's colour
    assert "@media print" in html and "@media (max-width" in html and 'name="viewport"' in html
    # The claim is marked inside its context sentence.
    assert "<mark>The council said 18,000 people crossed each day in 2023.</mark>" in html


def test_html_file_for_one_article(report_db, report_lib, tmp_path):
    path = write_html(build_report(report_db, Selection(article_ids=[report_lib.article_b])), tmp_path / "r.html")
    html = path.read_text(encoding="utf-8")
    assert "Wheat harvest down by a third" in html and "Ferry statistics" not in html
    assert "Label scale" in html and "Outlet unknown" in html


def test_html_sample_library(sample_db, tmp_path):
    path = write_html(build_report(sample_db), tmp_path / "sample.html")
    html = path.read_text(encoding="utf-8")
    for expected in ("Factcheck Desk Sample Team", "Council meeting minutes, 12 March 2024", "Mostly false",
                     "Plainsview Herald", "Harvest report 2023", "archived copy", "Label scale"):
        assert expected in html, expected
    assert "<script" not in html
