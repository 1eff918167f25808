"""Hostile articles: binary, empty, huge, deeply nested, scripted, badly encoded. Never a crash, never a fetch."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from factcheck_app.cli import main
from factcheck_app.extract.pipeline import analyse
from factcheck_app.ingest import MAX_ARTICLE_BYTES, IngestError, read_article

from reliability_support import sha256

TWO_HUNDRED_MB = 200 * 1024 * 1024
STORY = (
    "The council approved 59 new buses in 2017, the mayor said on Tuesday. "
    "The plan will cost $1.2 billion over ten years, according to the city budget office."
)


def _check_offsets(article) -> None:
    """The offsets contract: every claim and facet points at its own text in the stored body."""
    for claim in article.claims:
        assert article.body[claim.start:claim.end] == claim.text
        for facet in claim.facets:
            assert claim.start <= facet.start < facet.end <= claim.end
            assert article.body[facet.start:facet.end] == facet.text


def _import_refused(capsys, store: Path, file: Path) -> str:
    """`factcheck import FILE` exits 2 with one line and leaves the library (if any) unchanged."""
    before = sha256(store) if store.exists() else None
    capsys.readouterr()
    assert main(["import", str(file), "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("factcheck: "), err
    assert (sha256(store) if store.exists() else None) == before
    return err


@pytest.fixture
def existing_store(store_path):
    main(["source", "add", "--title", "A source already there", "--store", str(store_path)])
    return store_path


def test_a_binary_file_is_refused(tmp_path, capsys, existing_store):
    file = tmp_path / "photo.txt"
    file.write_bytes(bytes(range(256)) * 64)
    assert "binary" in _import_refused(capsys, existing_store, file)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", "\ufeff".encode("utf-8")], ids=["empty", "blank", "bom-only"])
def test_an_empty_file_is_refused(tmp_path, capsys, existing_store, content):
    file = tmp_path / "empty.html"
    file.write_bytes(content)
    assert "empty" in _import_refused(capsys, existing_store, file).lower()


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path, capsys, existing_store):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(TWO_HUNDRED_MB)  # sparse: no disk space used
    tracemalloc.start()
    try:
        err = _import_refused(capsys, existing_store, huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "too large" in err
    assert peak < 20 * 1024 * 1024, f"{peak / 1e6:.0f} MB allocated to refuse a file it should not read"
    capsys.readouterr()
    assert main(["extract", str(huge)]) == 2
    assert "too large" in capsys.readouterr().err


def test_just_over_the_limit_is_refused_by_the_reader_too():
    with pytest.raises(IngestError, match="too large"):
        read_article(b"a" * (MAX_ARTICLE_BYTES + 1), "big.txt")


def test_a_missing_file_and_a_folder_are_refused(tmp_path, capsys, existing_store):
    assert "no such file" in _import_refused(capsys, existing_store, tmp_path / "nowhere.txt")
    _import_refused(capsys, existing_store, tmp_path)


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path, capsys, existing_store):
    good = tmp_path / "good.txt"
    good.write_text("Buses\n\n" + STORY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    before = sha256(existing_store)
    assert main(["import", str(good), str(bad), "--store", str(existing_store)]) == 2
    assert sha256(existing_store) == before


SCRIPTED_PAGE = """<!doctype html><html><head><title>Council buys buses</title>
<meta http-equiv="refresh" content="0; url=http://evil.example/steal">
<link rel="stylesheet" href="https://cdn.example/site.css">
<script src="https://tracker.example/t.js"></script>
<script>document.write('INJECTED-SCRIPT-TEXT'); fetch('http://evil.example/x');</script>
<style>body { background: url(http://evil.example/bg.png) } .x:after { content: 'STYLE-TEXT' }</style>
</head><body>
<iframe src="https://ads.example/frame.html">IFRAME-FALLBACK-TEXT</iframe>
<article><h1>Council buys buses</h1>
<p>%s</p>
<p><img src="https://images.example/bus.jpg" onerror="alert('ONERROR-TEXT')" alt="A bus"></p>
<p>The vote was 9 to 4 on Tuesday, 14 March 2024, after a long debate in the chamber.</p>
<object data="http://evil.example/flash.swf"></object><embed src="http://evil.example/e.swf">
<noscript><img src="http://tracker.example/pixel.gif"></noscript>
<a href="javascript:alert('HREF-TEXT')">a link</a>
</article>
<script>var x = "ANOTHER-SCRIPT-TEXT";</script>
</body></html>""" % STORY


def test_scripts_frames_remote_resources_and_refresh_are_neither_run_nor_fetched():
    # The autouse no_network fixture fails this test on any connection or name lookup.
    article = analyse(SCRIPTED_PAGE.encode("utf-8"), filename="page.html")
    for planted in ("INJECTED-SCRIPT-TEXT", "ANOTHER-SCRIPT-TEXT", "STYLE-TEXT", "ONERROR-TEXT", "document.write",
                    "fetch(", "evil.example", "tracker.example"):
        assert planted not in article.body
    assert "59 new buses" in article.body
    _check_offsets(article)


def test_deeply_nested_html_is_read_or_refused_cleanly():
    depth = 50_000
    page = "<html><body>" + "<div><span>" * depth + STORY + "</span></div>" * depth + "</body></html>"
    try:
        article = analyse(page, filename="deep.html")
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert "59 new buses" in article.body
        _check_offsets(article)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>" + STORY + "<p><b><i>unclosed <div></span></td></tr><table><p>" * 200,
        "<<<>>><p " + STORY + " </p </html",
        "<html><body><p>" + STORY + "</p><!-- a comment that never ends " + "x" * 5000,
        "<![CDATA[" + STORY + "]]><?xml version='1.0'?><p>" + STORY,
        "<p>" + STORY + "</p>" + "&#xFFFFFF;&#0;&bogus;&amp" * 300,
    ],
    ids=["unclosed", "broken-brackets", "open-comment", "cdata", "bad-entities"],
)
def test_malformed_html(page):
    try:
        article = analyse(page.encode("utf-8"), filename="broken.html")
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        _check_offsets(article)
        assert "\x00" not in article.body


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (("Café budget\n\n" + STORY).encode("cp1252"), "59 new buses"),
        (("Café budget\n\n" + STORY).encode("utf-16"), "Café budget"),
        # A UTF-8 article with one stray Windows-1252 quote pasted in, and a heavier mix.
        (("Café budget, naïve déjà vu\n\n" + STORY).encode("utf-8") + b" \x93quoted\x94", "Café budget"),
        (("Café budget\n\n" + STORY).encode("utf-8") + "naïve déjà".encode("latin-1") + b"\xff\xfe\xc3",
         "59 new buses"),
        (b"\xef\xbb\xbf" + ("Budget \u00e9t\u00e9\n\n" + STORY).encode("utf-8"), "Budget été"),
        (("Budget\n\n" + STORY).encode("utf-8") + b" \xe2\x82", "59 new buses"),  # cut inside a character
        (b'<meta charset="koi8-r"><p>' + "Бюджет города".encode("koi8-r") + b"</p><p>" + STORY.encode() + b"</p>",
         "59 new buses"),
    ],
    ids=["cp1252", "utf16", "stray-byte", "mixed", "bom", "truncated-char", "koi8r"],
)
@pytest.mark.parametrize("filename", ["a.txt", "a.html", "a.md"])
def test_mixed_and_broken_encodings(data, expected, filename):
    article = analyse(data, filename=filename)
    assert expected in article.body
    assert "\x00" not in article.body
    _check_offsets(article)


def test_zero_width_and_right_to_left_characters_keep_offsets():
    text = ("Budget\u200b vote\n\n\u202eThe council\u200d approved 59\u200c new buses in 2017.\u202c "
            "\u05d4\u05de\u05d5\u05e2\u05e6\u05d4 \u0627\u0644\u0645\u062c\u0644\u0633 \u2067said\u2069 the mayor. "
            + STORY)
    for filename in ("a.txt", "a.html", "a.md"):
        article = analyse(text.encode("utf-8"), filename=filename)
        _check_offsets(article)
        assert article.claims


@pytest.mark.parametrize(
    "filename", ["a.txt", pytest.param("a.html", marks=pytest.mark.stress), pytest.param("a.md", marks=pytest.mark.stress)]
)
def test_a_one_megabyte_line(filename):
    line = ("word " * 210_000).strip() + " " + STORY
    assert len(line) > 1_000_000
    try:
        article = analyse(line.encode("utf-8"), filename=filename)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        _check_offsets(article)
        assert "59 new buses" in article.body
