import json
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.ingest import MAX_ARTICLE_BYTES, SUPPORTED_SUFFIXES, IngestError, read_article

SEED = pathlib.Path("/work/shared/seed")


def test_public_api():
    assert issubclass(IngestError, ValueError)
    assert MAX_ARTICLE_BYTES == 20 * 1024 * 1024
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".html", ".htm", ".md", ".markdown"}
    article = read_article("Plain headline here\n\nBody text.")
    assert isinstance(article, ExtractedArticle) and article.claims == []


@pytest.mark.parametrize("data", [b"", "", b"   \n\t ", "\n\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_input(data):
    with pytest.raises(IngestError, match="empty"):
        read_article(data, "a.txt")


def test_only_furniture_leaves_nothing_readable():
    with pytest.raises(IngestError, match="Nothing readable"):
        read_article("Advertisement\nShare\nSign in\n", "a.txt")


def test_oversize_input_is_refused():
    with pytest.raises(IngestError, match="too large"):
        read_article(b"a" * (MAX_ARTICLE_BYTES + 1), "big.txt")
    with pytest.raises(IngestError, match="too large"):
        read_article("é" * (MAX_ARTICLE_BYTES // 2 + 1))


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(IngestError) as caught:
        read_article(path.read_bytes(), path.name)
    assert "PDF" in str(caught.value) and "\n" not in str(caught.value)


def test_unexpected_input_type():
    with pytest.raises(IngestError):
        read_article(12345)  # type: ignore[arg-type]


def test_plain_text_does_not_import_trafilatura():
    import subprocess
    import sys

    code = ("import sys; from factcheck_app.ingest import read_article; read_article('Headline here\\n\\nBody.');"
            "print('trafilatura' in sys.modules, 'markdown_it' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.skipif(not (SEED / "article.txt").exists(), reason="seed article not available")
def test_seed_article_matches_gold(connection_attempts):
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    article = read_article((SEED / "article.txt").read_bytes(), "article.txt")
    folded = " ".join(article.body.split())
    for boilerplate in gold["boilerplate"]:
        assert " ".join(boilerplate.split()) not in folded
    assert article.title == gold["title"]
    assert article.body.startswith(gold["title"])
    assert article.published == gold["published"] == "2017-04-11"
    assert article.outlet == "The Washington Post"
    assert len(article.captions) == 1


_FILENAMES = st.sampled_from([None, "a.txt", "a.html", "a.htm", "a.md", "a.markdown", "a.pdf", "noext"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), filename=_FILENAMES)
def test_arbitrary_text_only_ever_raises_ingest_error(text, filename):
    try:
        article = read_article(text, filename)
    except IngestError:
        return
    assert article.body.strip()
    for start, end in article.captions:
        assert 0 <= start < end <= len(article.body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), filename=_FILENAMES)
def test_arbitrary_bytes_only_ever_raise_ingest_error(data, filename):
    try:
        read_article(data, filename)
    except IngestError:
        pass


# connection_attempts is a monkeypatch that holds for every example, so sharing it is intended.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<b>", "<!--",
                                       "-->", "<iframe src='https://x.example'>", "<meta http-equiv='refresh'>",
                                       "&amp;", "&#x0;", "text ", "Advertisement\n", "<html>", "<?xml ?>"]), max_size=60))
def test_arbitrary_markup_only_ever_raises_ingest_error(parts, connection_attempts):
    try:
        read_article("".join(parts), "page.html")
    except IngestError:
        pass


def test_a_body_longer_than_any_article_is_cut_with_a_warning():
    from factcheck_app.ingest.assemble import MAX_BODY_CHARS

    paragraph = "The council approved a budget of $4 million for the harbour on Tuesday, officials said.\n\n"
    article = read_article("Harbour budget record\n\n" + paragraph * (MAX_BODY_CHARS // len(paragraph) + 50), "a.txt")
    assert len(article.body) <= MAX_BODY_CHARS + 100 and article.body.endswith("officials said.")
    assert any("only the first" in warning for warning in article.warnings)


def test_a_large_page_is_read_without_its_scripts_styles_and_data_pictures():
    from factcheck_app.ingest.html_reader import slim_html

    page = ('<html><head><style>p{color:red}</style><script>var secret = "x";</script></head><body><!-- note -->'
            '<img src="data:image/png;base64,' + "A" * 500 + '"><svg><text>drawn</text></svg><p>Story text.</p></body></html>')
    slim = slim_html(page)
    assert "Story text." in slim and "<img" in slim
    for gone in ("color:red", "secret", "note", "AAAA", "drawn"):
        assert gone not in slim
