"""The pipeline: claims from sentences with facets, offsets, scores, and re-resolution."""
from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck_app.core.extraction import Facet
from factcheck_app.extract import pipeline
from factcheck_app.extract.facet_kinds import facet_kind, registered
from factcheck_app.extract.pipeline import analyse, extract_claims, parse_published

ARTICLE = (
    "Harbour City Lays Off Dock Workers\n\n"
    "The port authority said Tuesday that it would cut 1,200 jobs by the end of the year. "
    "It was a grey morning. "
    "The harbour, built in 1931, handled 40 million tonnes last year.\n"
)


def test_claims_are_sentences_with_facets_and_offsets_into_the_body():
    claims = extract_claims(ARTICLE, "2017-04-11")
    assert [c.text for c in claims] == [
        "The port authority said Tuesday that it would cut 1,200 jobs by the end of the year.",
        "The harbour, built in 1931, handled 40 million tonnes last year.",
    ]
    for c in claims:
        assert ARTICLE[c.start:c.end] == c.text
        assert 0.0 <= c.score <= 1.0
        for f in c.facets:
            assert c.start <= f.start < f.end <= c.end and ARTICLE[f.start:f.end] == f.text
    kinds = {(f.kind, f.text) for f in claims[0].facets}
    assert ("date", "Tuesday") in kinds and ("quantity", "1,200 jobs") in kinds


def test_correcting_the_published_date_re_resolves_relative_dates():
    first = extract_claims(ARTICLE, "2017-04-11")
    later = extract_claims(ARTICLE, "2018-01-05")
    value = lambda claims, text: next(f.value for c in claims for f in c.facets if f.text == text)  # noqa: E731
    assert value(first, "Tuesday") == "2017-04-11" and value(later, "Tuesday") == "2018-01-02"
    assert value(first, "last year") == "2016" and value(later, "last year") == "2017"


def test_a_facet_crossing_sentences_joins_them():
    body = "He said: “We will stay. We will fight.” Then he left for 3 weeks."
    start = body.index("“")
    end = body.index("”") + 1

    def fake_quotes(text, context):
        return [Facet("quote", start, end, text[start:end], value=text[start + 1:end - 1], speaker="He")]

    with registered(replace(facet_kind("quote"), finder=fake_quotes)):
        claims = extract_claims(body, None)
    quote_claim = next(c for c in claims if any(f.kind == "quote" for f in c.facets))
    assert quote_claim.start <= start and quote_claim.end >= end
    assert body[quote_claim.start:quote_claim.end] == quote_claim.text


def test_a_failing_facet_finder_does_not_lose_the_other_facets(capsys):
    def broken(text, context):
        raise RuntimeError("boom")

    with registered(replace(facet_kind("place"), finder=broken)):
        claims = extract_claims("Exports fell 5 percent in 2016.", None)
    assert sorted(f.kind for f in claims[0].facets) == ["date", "quantity"]
    # One plain line for the user; the traceback goes to the log file only.
    err = capsys.readouterr().err
    assert "the place finder failed" in err and "Traceback" not in err


@pytest.mark.parametrize("part", ["read_sentence", "score_read"])
def test_scores_fall_back_when_the_checkworthiness_score_fails(monkeypatch, capsys, part):
    def broken(*args):
        raise ValueError("bad sentence")

    monkeypatch.setattr(pipeline.checkworthiness, part, broken)
    (claim,) = extract_claims("The army fired 59 missiles in 2017.", None)
    # The facet count stands in: a date and a quantity, half their weights each.
    assert claim.score == pytest.approx(1 - (1 - 0.35) * (1 - 0.45))
    assert f"checkworthiness.{part} failed" in capsys.readouterr().err


def test_analyse_reads_the_article_and_published_overrides():
    article = analyse(ARTICLE.encode("utf-8"), "port.txt", published="2017-04-11")
    assert article.published == "2017-04-11"
    assert article.body.startswith("Harbour City")
    assert any(f.value == "2017-04-11" for c in article.claims for f in c.facets)


def test_parse_published():
    assert str(parse_published("2017-04-11T08:00:00Z")) == "2017-04-11"
    assert parse_published("not a date") is None and parse_published(None) is None


def test_empty_and_blank_bodies():
    assert extract_claims("", None) == [] and extract_claims(" \n\n ", "2017-01-01") == []


def test_a_place_that_is_a_persons_or_companys_name_is_not_a_place():
    body = ("Senator Elizabeth Warren met Toyota executives in Washington. "
            "Toyota said it would build 3,000 cars a year in Kentucky.")
    facets = [f for c in extract_claims(body, "2019-11-14") for f in c.facets]
    places = {f.text for f in facets if f.kind == "place"}
    assert "Elizabeth" not in places and "Toyota" not in places
    assert {"Washington", "Kentucky"} <= places
    entities = {(f.text, f.subtype) for f in facets if f.kind == "entity"}
    assert ("Elizabeth Warren", "person") in entities and ("Toyota", "organization") in entities
