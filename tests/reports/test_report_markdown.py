"""The Markdown report: readable text, working links to http(s) only, hostile text escaped."""
from __future__ import annotations

import re

from factcheck_app.reports.markdown import render_markdown, write_markdown
from factcheck_app.reports.model import build_report
from factcheck_app.reports.templating import markdown_escape


def test_markdown_content(report_db):
    md = render_markdown(build_report(report_db))
    assert md.startswith("# Fact-check report: 2 articles\n")
    assert "## Summary" in md and "| Mostly true | 1 |" in md
    assert "### Claim 1: Mostly true" in md
    assert "[Ferry statistics 2023](<https://transport.example.org/ferry.csv>)" in md
    assert "[archived copy](<https://archive.example.org/ferry.csv>)" in md
    assert "> Average daily crossings: 17,850." in md
    assert "**Why:** Matches, rounded up." in md
    assert "## How we checked" in md and "## Corrections log" in md
    assert "The authority revised its figure." in md


def test_markdown_makes_only_http_links(report_db):
    md = render_markdown(build_report(report_db))
    targets = re.findall(r"(?<!\\)\]\(<?([^)>]*)", md)
    assert targets and all(t.startswith(("https://", "http://")) for t in targets), targets
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # the link syntax is broken by the escaped ]
    assert "\\[click\\](javascript:alert(1))" in md


def test_markdown_escapes_html_and_syntax(report_db):
    md = render_markdown(build_report(report_db))
    assert not re.search(r"(?<!\\)<(script|img)", md)  # every < of stored text is backslash-escaped
    assert "\\<script>" in md and "\\<img src=x onerror=alert(1)>" in md
    assert markdown_escape("# not a heading") == "\\# not a heading"
    assert markdown_escape("- not a list") == "\\- not a list"
    assert markdown_escape("*bold* _x_ `code` | pipe") == "\\*bold\\* \\_x\\_ \\`code\\` \\| pipe"
    assert markdown_escape("line\n# two") == "line # two"  # folded onto one line: no heading


def test_markdown_shows_prose_without_escapes_a_reader_sees():
    assert markdown_escape("It opened in 2011 (at twice its budget), said AT&T!") == \
        "It opened in 2011 (at twice its budget), said AT&T!"
    assert markdown_escape("2011. A year") == "2011\\. A year"
    assert markdown_escape("&amp; stays text") == "\\&amp; stays text"


def test_markdown_sample_library(sample_db, tmp_path):
    md = write_markdown(build_report(sample_db), tmp_path / "s.md").read_text(encoding="utf-8")
    assert "Council meeting minutes, 12 March 2024" in md and "Mostly false" in md
    assert "[Harvest report 2023](<https://agriculture.example.org/harvest-2023>)" in md
