"""Fuzzing every reader and the extractor: nothing but IngestError escapes, offsets hold, memory stays bounded.

The default run tries ~150 cases per test; `make stress` (FACTCHECK_HYPOTHESIS_PROFILE=stress)
runs the stress variants with thousands each.
"""
from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.extract.pipeline import analyse, extract_claims
from factcheck_app.ingest import IngestError, read_article

FILENAMES = st.sampled_from(["a.txt", "a.html", "a.htm", "a.md", "a.markdown", None, "noext", "a.pdf"])
TAGS = ["p", "div", "span", "script", "style", "iframe", "article", "h1", "br", "img", "table", "td", "a", "meta",
        "title", "noscript", "svg", "template", "pre", "!--", "![CDATA["]
FRAGMENTS = ["59 cruise missiles", "in 2007", "last week", "on 14 March 2024", "the Kibar site", '"We won," she said.',
             "$1.2 billion", "\u200b", "\u202e", "\u05e9\u05dc\u05d5\u05dd", "&amp;", "&#0;", "\r\n", "\x00", "\ufeff",
             "<", ">", "&", "\n\n", "  ", "Published March 5, 2019", "By Maria Gonzalez", "\ud7ff"]


@st.composite
def html_pages(draw) -> str:
    """Tag soup: random tags, attributes and text fragments, often unbalanced."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(["", ' src="http://x.example/a"', " onload=alert(1)", ' charset="utf-16"',
                                         ' http-equiv="refresh" content="0;url=http://x.example"', " class='a\"b'"]))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(FRAGMENTS)))
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


def _profile(stress: bool) -> settings:
    return settings(settings.get_profile("stress" if stress else "reliability"))


def _check_article(article) -> None:
    assert isinstance(article.body, str) and article.body.strip()
    for claim in article.claims:
        assert article.body[claim.start:claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        for facet in claim.facets:
            assert claim.start <= facet.start < facet.end <= claim.end
            assert article.body[facet.start:facet.end] == facet.text


def _read(data, filename) -> None:
    try:
        article = read_article(data, filename)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(article.body, str) and article.body.strip()
    assert "\x00" not in article.body


def _analyse(data, filename, published=None) -> None:
    try:
        article = analyse(data, filename, published)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check_article(article)


def fuzz_readers_with_bytes(figures, stress: bool) -> None:
    @_profile(stress)
    @given(st.binary(max_size=3000), FILENAMES)
    def run(data, filename):
        figures["fuzz cases run"] += 1
        _read(data, filename)

    run()


def fuzz_readers_with_text(figures, stress: bool) -> None:
    @_profile(stress)
    @given(st.one_of(st.text(max_size=2000), html_pages()), FILENAMES, st.booleans())
    def run(text, filename, as_bytes):
        figures["fuzz cases run"] += 1
        _read(text.encode("utf-8", "surrogatepass") if as_bytes else text, filename)

    run()


PUBLISHED = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["", "2024-02-30", "yesterday", "0000-00-00",
                                                                        "2017-04-11T10:00:00Z", "９９９９-01-01"]))


def fuzz_extractor(figures, stress: bool) -> None:
    words = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map(" ".join)

    @_profile(stress)
    @given(st.one_of(st.text(max_size=2000), words), PUBLISHED)
    def run(body, published):
        figures["fuzz cases run"] += 1
        claims = extract_claims(body, published)
        for claim in claims:
            assert body[claim.start:claim.end] == claim.text
            for facet in claim.facets:
                assert claim.start <= facet.start < facet.end <= claim.end
                assert body[facet.start:facet.end] == facet.text

    run()


def fuzz_analyse(figures, stress: bool) -> None:
    @_profile(stress)
    @given(st.one_of(html_pages(), st.binary(max_size=2000), st.text(max_size=1500)), FILENAMES, PUBLISHED)
    def run(data, filename, published):
        figures["fuzz cases run"] += 1
        _analyse(data, filename, published)

    run()


def _read_quietly(reader, data, *args) -> None:
    try:
        reader(data, *args)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)


DOCUMENT_NAMES = st.sampled_from(["a.pdf", "a.png", "a.jpg", "a.webp", "a.txt", "a.md", "a.html", None, "a.docx"])


def fuzz_documents(figures, stress: bool) -> None:
    """Damaged PDFs (a real one with bytes flipped, cut or spliced) and random bytes under document names."""
    from factcheck_app.ingest.documents import read_document
    from tests.document_samples import make_pdf

    pdf = make_pdf(["The navy fired 59 cruise missiles.", "Page two of the report."])

    @st.composite
    def damaged(draw) -> bytes:
        data = bytearray(pdf)
        for _ in range(draw(st.integers(1, 12))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        cut = draw(st.integers(16, len(data)))
        return bytes(data[:cut]) + draw(st.binary(max_size=40))

    @_profile(stress)
    @given(st.one_of(damaged(), st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b)), DOCUMENT_NAMES)
    def run(data, filename):
        figures["fuzz cases run"] += 1
        _read_quietly(read_document, data, filename)

    run()


BIB_FRAGMENTS = ["TY  - JOUR\n", "TI  - Title\n", "ER  - \n", "AU  - Smith, J\n", "PY  - 2017/13/45/\n", "@article{k,",
                 "title = {x}", "}", "{", "author = {A and {B}}", "\\'e", "%", '[{"title": "x", "issued": ',
                 '{"date-parts": [["x"]]}', "]", ",", "\n", "year = 20x", "@string{a = b}", "\x00"]


def fuzz_bibliographies(figures, stress: bool) -> None:
    """Broken CSL-JSON, RIS and BibTeX: entries reported, never a crash."""
    from factcheck_app.ingest.bibliography import read_bibliography

    @_profile(stress)
    @given(st.lists(st.one_of(st.sampled_from(BIB_FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join))
    def run(text):
        figures["fuzz cases run"] += 1
        _read_quietly(read_bibliography, text.encode("utf-8", "surrogatepass"))

    run()


FUZZERS = [fuzz_readers_with_bytes, fuzz_readers_with_text, fuzz_extractor, fuzz_analyse, fuzz_documents,
           fuzz_bibliographies]


@pytest.mark.parametrize("fuzzer", FUZZERS, ids=lambda f: f.__name__)
def test_fuzz(fuzzer, figures):
    fuzzer(figures, stress=False)


@pytest.mark.stress
@pytest.mark.parametrize("fuzzer", FUZZERS, ids=lambda f: f.__name__)
def test_fuzz_stress(fuzzer, figures):
    fuzzer(figures, stress=True)


FIVE_MB = 5 * 1024 * 1024
PARAGRAPH = ("The council approved {n} new buses in 2017 at a cost of ${n}.2 billion, the mayor said on "
             "Tuesday; critics said on 14 March 2024 that \"the Kibar site\" was ignored. ")


def _five_mb_article(kind: str) -> bytes:
    parts, size, n = [], 0, 0
    while size < FIVE_MB:
        text = PARAGRAPH.format(n=n) * 3
        parts.append(f"<p>{text}</p>\n" if kind == "html" else text + "\n\n")
        size += len(parts[-1])
        n += 1
    body = "".join(parts)
    if kind == "html":
        body = f"<html><head><title>Buses</title></head><body><article>{body}</article></body></html>"
    return body.encode("utf-8")[:FIVE_MB]


def _peak_bytes(func, data: bytes, filename: str) -> int:
    """Return the peak memory ``func(data, filename)`` allocates, after a warm-up call.

    The warm-up loads the gazetteers and lazy imports once, so what is measured is what
    grows with the input.
    """
    func(data[:20_000], filename)
    tracemalloc.start()
    try:
        func(data, filename)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# Generous bounds: a reader or extractor that keeps copies per sentence or per match would blow them.
READER_BYTES_PER_INPUT_BYTE = 30
ANALYSE_BYTES_PER_INPUT_BYTE = 60


@pytest.mark.parametrize("kind", ["txt", pytest.param("html", marks=pytest.mark.stress),
                                  pytest.param("md", marks=pytest.mark.stress)])
def test_reader_memory_stays_bounded_for_a_5_mb_article(kind):
    data = _five_mb_article(kind)
    peak = _peak_bytes(read_article, data, f"big.{kind}")
    assert peak < READER_BYTES_PER_INPUT_BYTE * len(data), f"peak {peak / 1e6:.0f} MB for {len(data) / 1e6:.0f} MB"


def test_extractor_memory_stays_bounded_for_half_a_megabyte():
    data = _five_mb_article("txt")[: 512 * 1024]
    peak = _peak_bytes(analyse, data, "big.txt")
    assert peak < ANALYSE_BYTES_PER_INPUT_BYTE * len(data), f"peak {peak / 1e6:.0f} MB for {len(data) / 1e6:.1f} MB"


@pytest.mark.stress
def test_extractor_memory_stays_bounded_for_a_5_mb_article():
    data = _five_mb_article("txt")
    peak = _peak_bytes(analyse, data, "big.txt")
    assert peak < ANALYSE_BYTES_PER_INPUT_BYTE * len(data), f"peak {peak / 1e6:.0f} MB for {len(data) / 1e6:.0f} MB"
