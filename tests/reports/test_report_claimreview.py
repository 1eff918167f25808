"""ClaimReview JSON-LD: required and recommended properties, ratings, shortening, missing URLs, the snippet."""
from __future__ import annotations

import json
import re

import pytest

from factcheck_app.reports import claimreview
from factcheck_app.reports.errors import ClaimReviewIncompleteError, ReportError
from factcheck_app.reports.model import build_report
from factcheck_app.store import settings

REQUIRED = ("@context", "@type", "claimReviewed", "reviewRating", "url", "author")
RECOMMENDED = ("itemReviewed", "datePublished")


def set_urls(db, *claim_ids):
    for cid in claim_ids:
        claimreview.set_review_url(db, cid, f"https://checkers.example.org/checks/{cid[:8]}")


def validate(review: dict, *, with_url: bool = True) -> None:
    """Check one ClaimReview against the properties search engines require and recommend."""
    for key in REQUIRED if with_url else tuple(k for k in REQUIRED if k != "url"):
        assert review.get(key), key
    for key in RECOMMENDED:
        assert review.get(key), key
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert len(review["claimReviewed"]) < 75
    assert review["reviewRating"]["@type"] == "Rating" and review["reviewRating"]["alternateName"]
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"


def test_claimreview_properties(report_db, report_lib):
    set_urls(report_db, report_lib.crossings, report_lib.cost, report_lib.leaflet, report_lib.harvest)
    reviews = claimreview.claim_reviews(build_report(report_db))
    assert len(reviews) == 4
    for review in reviews:
        validate(review)
    first = reviews[0]
    assert first["url"] == f"https://checkers.example.org/checks/{report_lib.crossings[:8]}"
    assert first["author"] == {"@type": "Organization", "name": "Harbour Checkers",
                               "url": "https://checkers.example.org"}
    assert first["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "The Harbour Gazette"},
        "datePublished": "2024-03-14",
        "appearance": {"@type": "CreativeWork", "url": "https://gazette.example.org/ferry"},
    }
    assert first["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 5,
                                     "bestRating": 6, "worstRating": 1}
    assert first["claimReviewed"] == "The council said 18,000 people crossed each day in 2023."
    assert "Mostly true" not in first["claimReviewed"]


def test_off_scale_rating_has_only_its_label(report_db, report_lib):
    set_urls(report_db, report_lib.crossings, report_lib.cost, report_lib.leaflet, report_lib.harvest)
    reviews = claimreview.claim_reviews(build_report(report_db))
    assert reviews[2]["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claim_without_outlet_uses_the_author_as_person(report_db, report_lib):
    set_urls(report_db, report_lib.harvest)
    from factcheck_app.reports.selection import Selection

    report = build_report(report_db, Selection(article_ids=[report_lib.article_b]))
    (review,) = claimreview.claim_reviews(report)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Priya Natarajan"}
    assert "appearance" not in review["itemReviewed"]
    assert any("no publication date, no web address" in w for w in claimreview.warnings(report))


@pytest.mark.parametrize("text, expected", [
    ("Short claim.", "Short claim."),
    ("The mayor said the new harbour bridge would carry more than sixty thousand vehicles every day",
     "The mayor said the new harbour bridge would carry more than sixty…"),
    ("x" * 100, "x" * 73 + "…"),
])
def test_shorten_claim(text, expected):
    short = claimreview.shorten_claim(text)
    assert short == expected and len(short) < 75


def test_missing_urls_are_named_and_block(report_db, report_lib):
    set_urls(report_db, report_lib.crossings)
    report = build_report(report_db)
    with pytest.raises(ClaimReviewIncompleteError) as info:
        claimreview.claim_reviews(report)
    message = str(info.value)
    for cid in (report_lib.cost, report_lib.leaflet, report_lib.harvest):
        assert cid[:8] in message
    assert report_lib.crossings[:8] not in message and "--allow-missing-url" in message
    reviews = claimreview.claim_reviews(report, allow_missing_url=True)
    assert [bool(r.get("url")) for r in reviews] == [True, False, False, False]
    for review in reviews:
        validate(review, with_url=False)


def test_missing_organisation_blocks_even_when_urls_are_allowed(report_db):
    settings.set_setting(report_db, settings.ORGANISATION_NAME, None)
    with pytest.raises(ClaimReviewIncompleteError, match="organisation.name"):
        claimreview.claim_reviews(build_report(report_db), allow_missing_url=True)


def test_review_url_must_be_http(report_db, report_lib):
    with pytest.raises(ReportError, match="not a web address"):
        claimreview.set_review_url(report_db, report_lib.cost, "javascript:alert(1)")


def test_html_snippet_escapes_closing_tags(report_db, report_lib):
    report = build_report(report_db)
    html = claimreview.render_claimreview_html(report, allow_missing_url=True)
    blocks = re.findall(r'<script type="application/ld\+json" data-claim-id="([^"]+)">\n(.*?)\n</script>', html, re.S)
    assert [cid for cid, _ in blocks] == [report_lib.crossings, report_lib.cost, report_lib.leaflet,
                                          report_lib.harvest]
    assert html.count("</script>") == 4 and html.count("<script") == 4
    cost = json.loads(blocks[1][1])
    assert "<script>" in cost["claimReviewed"]  # the data survives the escaping
    assert "<" not in blocks[1][1]
    assert claimreview.script_safe_json({"a": "</script><!--"}) == '{\n  "a": "\\u003c/script>\\u003c!--"\n}'


def test_claimreview_sample_library(sample_db):
    report = build_report(sample_db)
    ids = [c["id"] for a in report["articles"] for c in a["claims"]]
    set_urls(sample_db, *ids)
    reviews = claimreview.claim_reviews(build_report(sample_db))
    assert len(reviews) == 4
    for review in reviews:
        validate(review)
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"True", "Mostly false"}
