"""Report fixtures: a small library built through the store API (with hostile text), and the sample library."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.store import articles, evidence, settings, sources
from factcheck_app.store.library import open_library

import verdict_support

SCRIPT = "<script>alert('x')</script>"
JS_LINK = "[click](javascript:alert(1))"

BODY_A = (
    "Ferry numbers fall as bridge opens\n\n"
    "The council said 18,000 people crossed each day in 2023. "
    f"Officials claimed the bridge cost {SCRIPT} $1.2 billion. "
    f"A leaflet said {JS_LINK} that 90 percent of drivers agreed. "
    "The mayor said the harbour would be cleaned by 2030."
)
BODY_B = "Wheat harvest down by a third\n\nThe harvest fell 33 percent in 2023, the ministry said."


def _claim(body: str, text: str, facets: list[Facet] | None = None) -> ExtractedClaim:
    start = body.index(text)
    return ExtractedClaim(start, start + len(text), text, 0.9, facets or [])


def _facet(body: str, kind: str, text: str, value, unit=None, speaker=None) -> Facet:
    start = body.index(text)
    return Facet(kind, start, start + len(text), text, value, unit, speaker)


@dataclass
class ReportLibrary:
    """The fixture library's path and the ids the tests look at."""

    path: object
    article_a: str
    article_b: str
    crossings: str      # True, reviewed then published, then corrected to Mostly true
    cost: str           # False, draft, text holds <script>, source with hostile title and a formula excerpt
    leaflet: str        # Unverifiable (off the scale), no sources, text holds a javascript: link
    cleaned: str        # no verdict
    harvest: str        # labels scale 'True', reviewed


def build_report_library(path) -> ReportLibrary:
    """Create the fixture library at ``path`` through the store API."""
    c1 = "The council said 18,000 people crossed each day in 2023."
    c2 = f"Officials claimed the bridge cost {SCRIPT} $1.2 billion."
    c3 = f"A leaflet said {JS_LINK} that 90 percent of drivers agreed."
    c4 = "The mayor said the harbour would be cleaned by 2030."
    with open_library(path) as lib:
        db = lib.db
        settings.set_setting(db, settings.ORGANISATION_NAME, "Harbour Checkers")
        settings.set_setting(db, settings.ORGANISATION_URL, "https://checkers.example.org")
        a = articles.import_article(db, ExtractedArticle(
            body=BODY_A, title=f"Ferry numbers fall {SCRIPT}", outlet="The Harbour Gazette", author="Jo Writer",
            url="https://gazette.example.org/ferry", published="2024-03-14",
            claims=[
                _claim(BODY_A, c1, [_facet(BODY_A, "quantity", "18,000 people", 18000, "people"),
                                    _facet(BODY_A, "date", "2023", "2023")]),
                _claim(BODY_A, c2, [_facet(BODY_A, "quantity", "$1.2 billion", 1200000000, "USD")]),
                _claim(BODY_A, c3),
                _claim(BODY_A, c4, [_facet(BODY_A, "date", "2030", "2030")]),
            ]), source_name="a.txt")
        b = articles.import_article(db, ExtractedArticle(
            body=BODY_B, title="Wheat harvest down by a third", outlet=None, author="Priya Natarajan",
            url=None, published=None,
            claims=[_claim(BODY_B, "The harvest fell 33 percent in 2023, the ministry said.")]), source_name="b.txt")
        crossings, cost, leaflet, cleaned = a.claim_ids
        (harvest,) = b.claim_ids
        stats = sources.add_source(db, "Ferry statistics 2023", publisher="Transport Authority", kind="dataset",
                                   published="2024-01-30", url="https://transport.example.org/ferry.csv",
                                   archive_url="https://archive.example.org/ferry.csv")
        hostile = sources.add_source(db, f"Budget {SCRIPT} <img src=x onerror=alert(1)>", publisher="@Council",
                                     url="file:///etc/passwd", kind="official record")
        ministry = sources.add_source(db, "Harvest report", publisher="Ministry", url="https://agri.example.org/r")
        evidence.add_evidence(db, crossings, stats, "supports", "Average daily crossings: 17,850.", "sheet 2")
        evidence.add_evidence(db, crossings, ministry, "context", "Unrelated context.", None)
        evidence.add_evidence(db, cost, hostile, "refutes", "=HYPERLINK(\"http://evil.example\")", "-p. 4",
                              note="+1 more")
        evidence.add_evidence(db, harvest, ministry, "supports", "Production fell 33.4%.", "table 1")
        verdict_support.set_verdict(db, crossings, "True", "truth", "Matches the statistics.", "A. Checker")
        verdict_support.review_verdict(db, crossings, "B. Editor")
        verdict_support.publish_verdict(db, crossings, "B. Editor")
        verdict_support.set_verdict(db, crossings, "Mostly true", rationale="Matches, rounded up.",
                                    checker="A. Checker", why="The authority revised its figure.")
        # A correction returns the verdict to draft: it is reviewed and published again.
        verdict_support.review_verdict(db, crossings, "B. Editor")
        verdict_support.publish_verdict(db, crossings, "B. Editor")
        verdict_support.set_verdict(db, cost, "False", "truth", f"No budget says so {SCRIPT}.", "A. Checker")
        verdict_support.set_verdict(db, leaflet, "Unverifiable", "truth", "No survey found.", "C. Checker")
        verdict_support.set_verdict(db, harvest, "True", "labels", "The report says 33.4%.", "C. Checker")
        verdict_support.review_verdict(db, harvest, "B. Editor")
    return ReportLibrary(path, a.article_id, b.article_id, crossings, cost, leaflet, cleaned, harvest)


@pytest.fixture
def report_lib(tmp_path) -> ReportLibrary:
    """A small library with two articles, five claims and hostile text, built through the store API."""
    return build_report_library(tmp_path / "reports.sqlite")


@pytest.fixture
def report_db(report_lib):
    """Yield the fixture library's database, open."""
    with open_library(report_lib.path) as lib:
        yield lib.db


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory):
    """Build the built-in sample library once per session; return its path (tests copy it to write)."""
    from factcheck_app.sample_library import build_sample_library

    path = tmp_path_factory.mktemp("sample") / "s.sqlite"
    build_sample_library(path)
    return path


@pytest.fixture
def sample_db(sample_path, tmp_path):
    """Yield a private copy of the sample library, open."""
    import shutil

    copy = tmp_path / "s.sqlite"
    shutil.copy(sample_path, copy)
    with open_library(copy) as lib:
        yield lib.db
