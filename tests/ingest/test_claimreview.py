"""Reading published fact-checks from ClaimReview JSON-LD, DataFeed files and saved HTML pages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.ingest import IngestError
from factcheck_app.ingest.claimreview import read_checks

DATA = Path(__file__).resolve().parents[1] / "data" / "claimreview"


def read(name: str):
    return read_checks((DATA / name).read_bytes(), name)


def test_one_object_keeps_every_field():
    result = read("single.json")
    assert result.skipped == []
    [check] = result.checks
    assert check.claim == "The Harbour Bridge repairs cost the city 40 million dollars in 2023."
    assert check.title == "Did the Harbour Bridge repairs cost 40 million?"
    assert (check.rating, check.rating_value, check.best_rating, check.worst_rating) == ("Mostly false", 2, 5, 1)
    assert check.claimant == "Mayor Ada Lindqvist"
    assert check.claim_date == "2024-02-20"
    assert check.appearances == ["https://news.example.com/bridge-speech", "https://radio.example.com/interview"]
    assert (check.organisation, check.organisation_url) == ("Example Checks", "https://factcheck.example.org")
    assert (check.review_url, check.review_date) == ("https://factcheck.example.org/2024/harbour-bridge-cost", "2024-03-02")


def test_a_list_with_string_numbers_and_a_timestamp():
    result = read("list.json")
    assert [c.rating for c in result.checks] == ["True", "False"]
    assert result.checks[0].review_date == "2023-08-15"
    assert (result.checks[1].rating_value, result.checks[1].best_rating) == (1.0, 5.0)


def test_a_graph_skips_other_types_with_their_position():
    result = read("graph.jsonld")
    assert [c.organisation for c in result.checks] == ["Graph Checkers"]
    assert [str(s) for s in result.skipped] == ["@graph item 1: not a ClaimReview (WebPage)"]


def test_a_data_feed_reads_items_and_reports_malformed_ones():
    result = read("feed.json")
    assert [c.review_url for c in result.checks] == [
        "https://feed.example.org/vaccine-chips", "https://feed.example.org/tram-line"]
    assert result.checks[0].claimant == "A viral post" and result.checks[0].claim_date == "2021-04-28"
    assert [str(s) for s in result.skipped] == [
        "dataFeedElement 2: no claimReviewed text",
        "dataFeedElement 3: not a JSON object",
        "dataFeedElement 5: no reviewRating (neither a rating name nor a value)",
    ]


def test_an_html_page_reads_its_ld_json_blocks_only():
    result = read("page.html")
    [check] = result.checks
    assert check.rating == "Half true" and check.rating_value == 3
    [skipped] = result.skipped
    assert skipped.position == "script block 2" and "not valid JSON" in skipped.reason


@pytest.mark.parametrize("name, message", [
    ("broken.json", "not valid JSON"),
])
def test_a_file_that_is_not_json_at_all_raises(name, message):
    with pytest.raises(IngestError, match=message):
        read(name)


def test_no_claimreview_is_all_skipped_not_an_error():
    result = read("not-claimreview.json")
    assert result.checks == [] and [s.position for s in result.skipped] == ["item 1"]


@pytest.mark.parametrize("data", [b"", b"   ", b"plain words, no markup", b"<html><body>no blocks</body></html>"])
def test_empty_or_unrelated_files_raise(data):
    with pytest.raises(IngestError):
        read_checks(data, "x")


def test_the_same_check_has_the_same_key_whatever_the_spacing():
    from factcheck_app.core.published_checks import check_key

    assert check_key("https://a.example/x", "Ferry  fares doubled.") == check_key(" https://a.example/x ", "ferry fares doubled.")
    assert check_key("https://a.example/x", "Ferry fares doubled.") != check_key("https://a.example/y", "Ferry fares doubled.")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "item", "dataFeedElement", "claimReviewed", "reviewRating", "author",
                         "itemReviewed", "url", "name", "alternateName", "ratingValue", "bestRating", "appearance",
                         "datePublished", "text", "x"]), children, max_size=6),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES, as_page=st.booleans())
def test_any_json_reads_or_says_why(value, as_page):
    text = json.dumps(value)
    data = (f"<html><script type='application/ld+json'>{text}</script></html>" if as_page else text).encode()
    try:
        result = read_checks(data, "fuzz.json")
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for check in result.checks:
        assert check.claim.strip() and (check.rating or check.rating_value is not None)
    assert all(s.position and s.reason for s in result.skipped)


def test_deep_nesting_is_refused_cleanly():
    with pytest.raises(IngestError, match="nests too deeply"):
        read_checks(b"[" * 100_000 + b"]" * 100_000, "deep.json")
    shallow_but_walked = ("[" * 900 + "{}" + "]" * 900).encode()
    read_checks(shallow_but_walked, "lists.json")
