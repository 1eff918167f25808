"""The facet-kind registry: adding a kind is one finder plus one entry, and it reaches the extractor,
the check-worthiness score and the reports."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from factcheck_app.core.extraction import ExtractedArticle, Facet
from factcheck_app.extract.facet_kinds import (
    FacetKind,
    FindContext,
    facet_kind,
    facet_kinds,
    kind_label,
    kind_weight,
    registered,
)
from factcheck_app.extract.pipeline import extract_claims
from factcheck_app.reports.markdown import render_markdown
from factcheck_app.reports.model import build_report
from factcheck_app.reports.selection import Selection
from factcheck_app.store import articles
from factcheck_app.store.library import open_library

_HASHTAG = re.compile(r"#\w+")


def find_hashtags(body: str, context: FindContext) -> list[Facet]:
    """A toy kind's finder: hashtags, as a newsroom might want them checked."""
    return [Facet("hashtag", m.start(), m.end(), m.group(), value=m.group()[1:]) for m in _HASHTAG.finditer(body)]


HASHTAG = FacetKind("hashtag", "hashtag", "#0b7285", "wavy", 0.3, find_hashtags)
BODY = "Ferry fares\n\nThe campaign #SaveTheFerry drew 4,000 signatures in 2023, the council said.\n"


def test_the_five_kinds_are_registered_as_plain_data_in_pipeline_order() -> None:
    assert [k.name for k in facet_kinds()][:5] == ["date", "quantity", "place", "entity", "quote"]
    for kind in facet_kinds():
        assert re.fullmatch(r"#[0-9a-f]{6}", kind.colour) and kind.line_style and kind.weight > 0


def test_bad_colours_and_line_styles_are_refused() -> None:
    with pytest.raises(ValueError):
        FacetKind("x", "x", "teal", "solid", 0.1, find_hashtags)
    with pytest.raises(ValueError):
        FacetKind("x", "x", "#112233", "zigzag", 0.1, find_hashtags)


def test_a_registered_toy_kind_is_extracted_weighed_and_labelled() -> None:
    with registered(HASHTAG):
        claims = extract_claims(BODY, "2024-01-10")
        facets = [f for c in claims for f in c.facets if f.kind == "hashtag"]
        assert [(f.text, f.value) for f in facets] == [("#SaveTheFerry", "SaveTheFerry")]
        assert kind_weight("hashtag") == 0.3 and kind_label("hashtag") == "hashtag"
    assert facet_kind("hashtag") is None
    assert not any(f.kind == "hashtag" for c in extract_claims(BODY, "2024-01-10") for f in c.facets)


def test_a_registered_toy_kind_reaches_the_report(tmp_path) -> None:
    with registered(replace(HASHTAG, label="campaign tag")):
        claims = extract_claims(BODY, "2024-01-10")
        with open_library(tmp_path / "lib.sqlite") as lib:
            articles.import_article(lib.db, ExtractedArticle(body=BODY, title="Ferry fares", claims=claims),
                                    source_name="ferry.txt")
            report = build_report(lib.db, Selection(include_unchecked=True))
        markdown = render_markdown(report)
    # A hashtag is no heading: the Markdown shows it as typed, with no escape a reader would see.
    assert "- campaign tag: #SaveTheFerry → SaveTheFerry" in markdown


def test_the_stores_kind_order_names_the_registered_built_in_kinds() -> None:
    from factcheck_app.core.extraction import FACET_KINDS

    assert set(FACET_KINDS) == {k.name for k in facet_kinds()}
