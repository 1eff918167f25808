"""The main-text reader loads, and when it cannot (or cannot tell the story apart), the
fallback says so, names itself, and keeps what sits inside a <form>."""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from factcheck_app.ingest import read_article, reader_names
from factcheck_app.ingest.html_reader import load_main_text_reader
from factcheck_app.ingest.html_text import html_to_text

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

STORY = "".join(
    f"<p>Paragraph {n} of the report says the reservoir at Lake Orvin held {n * 7} million cubic metres "
    f"in the week the council met, according to the water board's own figures.</p>"
    for n in range(1, 7)
)
# A page wrapped in one <form>, as ASP.NET sites publish them.
FORM_PAGE = f"""<html><head><title>Reservoir levels fall again</title></head><body>
<form id="aspnetForm" method="post" action="/news">
<nav><a href="/">Home</a><a href="/news">News</a></nav>
<h1>Reservoir levels fall again</h1>
<article>{STORY}</article>
<button>Search</button><input type="text" name="q">
</form></body></html>"""


def test_the_main_text_reader_loads():
    # Fails in an environment where trafilatura cannot be imported (lxml_html_clean missing).
    assert callable(load_main_text_reader())
    article = read_article(FORM_PAGE.encode(), "page.html")
    assert article.reader == reader_names.HTML_MAIN_TEXT
    assert not [w for w in article.warnings if "main" in w.lower()]
    assert "Home" not in article.body


def test_lxml_html_clean_is_declared_directly():
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    assert any(d.lower().replace("-", "_").startswith("lxml_html_clean") for d in dependencies)


def test_a_reader_that_cannot_load_gives_a_loud_fallback(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura -> ImportError
    article = read_article(FORM_PAGE.encode(), "page.html")
    assert article.reader == reader_names.HTML_FALLBACK
    assert any("could not be loaded" in w and "clutter" in w for w in article.warnings)
    assert "Paragraph 6 of the report" in article.body  # the story inside the form is kept


def test_the_fallback_keeps_text_inside_forms_but_not_controls():
    text = html_to_text('<form><p>Officials said 40 homes flooded.</p><button>Go</button>'
                        '<select><option>Choose</option></select><textarea>typed</textarea></form>')
    assert text == "Officials said 40 homes flooded."


def test_plain_text_and_markdown_name_their_reader():
    assert read_article("A plain headline\n\nSome text of the story.", "a.txt").reader == reader_names.PLAIN_TEXT
    assert read_article("# A headline\n\nSome text of the story.", "a.md").reader == reader_names.MARKDOWN
