import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.html_metadata import read_html_metadata
from factcheck_app.ingest.html_reader import looks_like_html
from factcheck_app.ingest.html_text import html_to_text

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=https://redirect.example/elsewhere">
<title>Harbor bridge reopens after repairs | The Lakeside Gazette</title>
<meta property="og:site_name" content="The Lakeside Gazette">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2021-06-03T08:15:00-05:00">
<link rel="canonical" href="https://gazette.example/news/bridge">
<link rel="stylesheet" href="https://cdn.example/site.css">
<script src="https://cdn.example/app.js"></script>
<script>window.TRACKER_SECRET = "tracker-secret-string"; fetch("https://tracker.example/x");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbor bridge reopens after repairs</h1>
<p>The Harbor Street bridge reopened to traffic on Thursday after eight months of repairs that cost the city $4.2 million, officials said.</p>
<img src="https://cdn.example/bridge.jpg" alt="remote image alt text">
<iframe src="https://ads.example/frame">iframe fallback words</iframe>
<p>About 18,000 vehicles crossed the bridge each day before it closed in October, according to the transportation department.</p>
<p>Advertisement</p>
<p>Mayor Ellen Ortiz said the work was finished two weeks ahead of schedule. "We promised the neighbourhood a safer crossing, and we kept that promise," she said at a ribbon-cutting ceremony.</p>
<p>The repairs replaced 240 steel bearings and resurfaced the deck, the department said in a statement released on Wednesday.</p>
<script>document.write("inline script body words")</script>
</article>
</body></html>
"""


def test_html_article_text_and_metadata(connection_attempts):
    article = read_article(PAGE.encode("utf-8"), "bridge.html")
    assert article.title == "Harbor bridge reopens after repairs"
    assert article.body.startswith("Harbor bridge reopens after repairs\n\n")
    assert article.outlet == "The Lakeside Gazette"
    assert article.author == "Dana Whitfield"
    assert article.published == "2021-06-03"
    assert article.url == "https://gazette.example/news/bridge"
    assert "18,000 vehicles" in article.body and "240 steel bearings" in article.body
    assert "\n\nAbout 18,000" in article.body  # paragraphs separated by blank lines
    for leftover in ("tracker-secret-string", "TRACKER_SECRET", "inline script body", "iframe fallback",
                     "remote image alt", "redirect.example", "Advertisement", "fetch("):
        assert leftover not in article.body
    assert connection_attempts == []


def test_the_connection_guard_is_armed(connection_attempts):
    import socket

    with socket.socket() as sock, pytest.raises(AssertionError):
        sock.connect(("192.0.2.1", 80))
    assert len(connection_attempts) == 1


def test_html_is_sniffed_without_a_suffix(connection_attempts):
    assert looks_like_html(PAGE)
    assert read_article(PAGE).title == "Harbor bridge reopens after repairs"


def test_json_ld_and_time_metadata():
    html = """<html><head><script type="application/ld+json">
    [{"@type": "NewsArticle", "headline": "Dam study released", "datePublished": "2018-09-14T10:00:00Z",
      "author": [{"@type": "Person", "name": "Lee Park"}], "publisher": {"name": "Valley Times"}}]
    </script></head><body><time datetime="2001-01-01">old</time></body></html>"""
    meta = read_html_metadata(html)
    assert (meta.title, meta.published, meta.author, meta.outlet) == ("Dam study released", "2018-09-14", "Lee Park", "Valley Times")


def test_time_element_gives_the_date_when_nothing_else_does():
    assert read_html_metadata('<p>x</p><time datetime="2016-02-29T09:00">Feb 29</time>').published == "2016-02-29"


@pytest.mark.parametrize("depth", [5000])
def test_deeply_nested_html_does_not_crash(depth, connection_attempts):
    html = "<html><body>" + "<div>" * depth + "<p>The deep paragraph says 12 ships sailed on Monday.</p>" + "</div>" * depth + "</body></html>"
    article = read_article(html, "deep.html")
    assert "12 ships sailed" in article.body


@pytest.mark.parametrize("html", [
    "<html><body><p>Unclosed <b>bold <div><p>second para<table><tr><td>cell",
    "<p>text</p></div></div></span><<<>>><!-- unterminated comment",
    "<html><script>never closed script words",
    "<!DOCTYPE html><html><body><p>Caf&eacute; &amp; bar &#x2014; &bogus; entities</p></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>XML declaration in a string</p></body></html>",
])
def test_malformed_html_never_raises_anything_but_ingest_error(html, connection_attempts):
    from factcheck_app.ingest import IngestError

    try:
        article = read_article(html, "bad.html")
    except IngestError:
        return
    assert "never closed script words" not in article.body


def test_fallback_text_skips_scripts_and_keeps_blocks():
    text = html_to_text("<head><title>T</title></head><p>One <b>two</b></p><script>x=1</script><div>Three<br>four</div>")
    assert text == "One two\n\nThree four"


def test_html_to_text_keeps_preformatted_lines():
    assert html_to_text("<pre>a = 1\n  b = 2</pre>") == "a = 1\n  b = 2"


def test_an_address_read_from_the_page_is_checked_like_a_typed_one():
    from factcheck_app.store.errors import ValidationError
    from factcheck_app.store.validation import check_url

    story = "<p>The Harbor Street bridge reopened to traffic on Thursday after eight months of repairs, officials said.</p>"
    page = f'<html><head><link rel="canonical" href="javascript:alert(document.cookie)"></head><body><h1>Bridge reopens</h1>{story}</body></html>'
    article = read_article(page.encode(), "page.html")
    assert article.url is None
    assert any("javascript:alert" in w and "not a web address" in w and "left empty" in w for w in article.warnings)
    with pytest.raises(ValidationError):
        check_url("javascript:alert(document.cookie)")
    fallback = page.replace("</head>", '<meta property="og:url" content="https://gazette.example/bridge"></head>')
    article = read_article(fallback.encode(), "page.html")
    assert article.url == "https://gazette.example/bridge"
    assert any("another address it gives was used" in w for w in article.warnings)
