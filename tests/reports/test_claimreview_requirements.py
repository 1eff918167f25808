"""ClaimReview checked against Google's documented fact-check structured-data requirements.

From "Fact check (ClaimReview) structured data" (developers.google.com/search/docs/appearance/
structured-data/factcheck): ClaimReview requires ``claimReviewed`` (Text), ``reviewRating``
(Rating) and ``url`` (URL), and recommends ``author`` (Organization or Person, with ``name``
and ``url``), ``datePublished`` (Date) and ``itemReviewed`` (Claim). The Claim recommends
``author`` (Organization or Person), ``datePublished`` (Date), ``appearance`` and
``firstAppearance`` (URL or CreativeWork). The Rating requires ``alternateName`` (Text) and
recommends ``ratingValue``, ``bestRating`` and ``worstRating`` (Numbers: bestRating greater
than worstRating, worstRating at least 1, ratingValue between them). claimReviewed is kept
under 75 characters so it does not wrap on a phone.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from factcheck_app.core.claim_wording import MAX_CLAIM_REVIEWED
from factcheck_app.ops.publishing import PublishingEdit, edit_publishing
from factcheck_app.reports import claimreview
from factcheck_app.reports.errors import ClaimReviewIncompleteError
from factcheck_app.reports.exporter import ExportRequest, read_report, run_export
from factcheck_app.reports.model import build_report
from factcheck_app.store import settings
from factcheck_app.store.library import open_library

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL = re.compile(r"^https?://\S+$")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _party_ok(party: dict, types: tuple[str, ...]) -> None:
    assert party["@type"] in types
    assert isinstance(party["name"], str) and party["name"].strip()


def _work_or_url_ok(value) -> None:
    for item in value if isinstance(value, list) else [value]:
        url = item if isinstance(item, str) else item["url"]
        if not isinstance(item, str):
            assert item["@type"] == "CreativeWork"
        assert URL.match(url)


def validate(review: dict) -> None:
    """Assert one ClaimReview meets every documented requirement, with the documented types."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and 0 < len(review["claimReviewed"]) <= MAX_CLAIM_REVIEWED
    assert URL.match(review["url"])
    _party_ok(review["author"], ("Organization", "Person"))
    assert URL.match(review["author"]["url"])
    assert ISO_DATE.match(review["datePublished"]) and date.fromisoformat(review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    _party_ok(item["author"], ("Organization", "Person"))
    assert ISO_DATE.match(item["datePublished"])
    _work_or_url_ok(item["appearance"])
    _work_or_url_ok(item["firstAppearance"])
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str) and rating["alternateName"]
    numbers = [k for k in ("ratingValue", "bestRating", "worstRating") if k in rating]
    assert numbers in ([], ["ratingValue", "bestRating", "worstRating"])
    if numbers:
        assert all(_is_number(rating[k]) for k in numbers)
        assert 1 <= rating["worstRating"] < rating["bestRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def complete(path, *claim_ids) -> None:
    """Give claims every publishing detail the fixture library lacks (review addresses, a date, an appearance)."""
    with open_library(path) as lib:
        for n, cid in enumerate(claim_ids):
            edit_publishing(lib, cid, PublishingEdit(
                review_url=f"https://checkers.example.org/checks/{n}", claim_date="2024-03-10",
                appearances=["https://gazette.example.org/ferry", "https://radio.example.org/clip"],
                first_appearance="https://radio.example.org/clip"))


def test_reviewed_and_published_checks_meet_every_requirement(report_lib, report_db):
    complete(report_lib.path, report_lib.crossings, report_lib.harvest)
    reviews = claimreview.claim_reviews(read_report(report_db, ExportRequest("claimreview", None)))
    assert len(reviews) == 2  # drafts (cost, leaflet) are left out by default
    for review in reviews:
        validate(review)
        assert "creativeWorkStatus" not in review
    first = reviews[0]
    assert first["author"] == {"@type": "Organization", "name": "Harbour Checkers",
                               "url": "https://checkers.example.org"}
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Jo Writer"}
    assert first["itemReviewed"]["firstAppearance"] == {"@type": "CreativeWork",
                                                        "url": "https://radio.example.org/clip"}
    assert first["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly true", "name": "Mostly true",
                                     "ratingValue": 5, "bestRating": 6, "worstRating": 1}


def test_drafts_only_when_asked_and_marked(report_lib, report_db):
    complete(report_lib.path, report_lib.crossings, report_lib.cost, report_lib.leaflet, report_lib.harvest)
    report = read_report(report_db, ExportRequest("claimreview", None, include_drafts=True))
    reviews = claimreview.claim_reviews(report)
    assert [r.get("creativeWorkStatus") for r in reviews] == [None, "Draft", "Draft", None]
    for review in reviews:
        validate(review)
    html = claimreview.render_claimreview_html(report)
    assert html.count("DRAFT: this verdict has not been reviewed") == 2


def test_unverifiable_has_a_label_and_no_number(report_lib, report_db):
    complete(report_lib.path, report_lib.leaflet)
    report = read_report(report_db, ExportRequest("claimreview", None, include_drafts=True))
    leaflet = next(c for a in report["articles"] for c in a["claims"] if c["id"] == report_lib.leaflet)
    assert claimreview.claim_review(report, leaflet)["reviewRating"] == {
        "@type": "Rating", "alternateName": "Unverifiable", "name": "Unverifiable"}


@pytest.mark.parametrize("scale, label, value, best", [
    ("pinocchio", "Geppetto checkmark", 5, 5),
    ("pinocchio", "One Pinocchio", 4, 5),
    ("pinocchio", "Four Pinocchios", 1, 5),
    ("truth", "True", 6, 6),
    ("truth", "Pants on fire", 1, 6),
    ("labels", "Partly false", 3, 5),
    ("labels", "False", 1, 5),
])
def test_each_scale_maps_its_steps_to_numbers_best_highest(report_lib, scale, label, value, best):
    from factcheck_app.ops.verdicts import review_verdict, set_verdict

    complete(report_lib.path, report_lib.cost)
    with open_library(report_lib.path) as lib:
        set_verdict(lib, report_lib.cost, label, scale=scale, rationale="Because.", by="A. Checker")
        review_verdict(lib, report_lib.cost, by="B. Editor")
        report = read_report(lib.db, ExportRequest("claimreview", None))
    cost = next(c for a in report["articles"] for c in a["claims"] if c["id"] == report_lib.cost)
    rating = claimreview.claim_review(report, cost)["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (value, best, 1)


def test_a_scale_starting_at_zero_is_shifted_so_the_worst_is_one():
    verdict = {"rating": "Bad", "value": 0, "best": 3, "worst": 0, "off_scale": False}
    assert claimreview.rating(verdict) == {"@type": "Rating", "alternateName": "Bad", "name": "Bad",
                                           "ratingValue": 1, "bestRating": 4, "worstRating": 1}


def test_missing_items_are_listed_per_claim_and_nothing_is_written(report_lib, report_db, tmp_path):
    settings.set_setting(report_db, settings.ORGANISATION_URL, None)
    out = tmp_path / "cr.jsonld"
    with pytest.raises(ClaimReviewIncompleteError) as info:
        run_export(report_db, ExportRequest("claimreview", out))
    assert not out.exists()
    fields = {(i.claim_id, i.field) for i in info.value.items}
    assert (None, "organisation-url") in fields
    assert (report_lib.crossings, "review_url") in fields and (report_lib.harvest, "review_url") in fields
    # The harvest article has no date and no address: the claim lacks both.
    assert (report_lib.harvest, "claim_date") in fields and (report_lib.harvest, "appearances") in fields
    assert (report_lib.crossings, "claim_date") not in fields
    result = run_export(report_db, ExportRequest("claimreview", out, allow_incomplete=True))
    assert out.exists() and any("review's address" in w for w in result.warnings)


def test_the_quotation_speaker_is_the_claimant_and_the_wording_keeps_quotes_whole(library):
    from importlib import resources

    from factcheck_app.extract.pipeline import analyse
    from factcheck_app.store.articles import import_article
    from factcheck_app.ops.verdicts import review_verdict, set_verdict

    data = (resources.files("factcheck_app.resources") / "samples" / "harbour-bridge.txt").read_bytes()
    result = import_article(library.db, analyse(data, filename="harbour-bridge.txt"))
    settings.set_setting(library.db, settings.ORGANISATION_NAME, "Harbour Checkers")
    settings.set_setting(library.db, settings.ORGANISATION_URL, "https://checkers.example.org")
    for cid in result.claim_ids:
        set_verdict(library, cid, "True", scale="truth", rationale="Checked.", by="A. Checker")
        review_verdict(library, cid, by="B. Editor")
    report = build_report(library.db)
    reviews = claimreview.claim_reviews(report, allow_incomplete=True)
    # Okafor's quotation alone is longer than 75 characters: no default, the checker is asked for a wording.
    okafor = next(c["id"] for _, c in claimreview.iter_claims(report) if "Okafor" in c["text"])
    assert (okafor, "claim_reviewed") in {(i.claim_id, i.field) for i in claimreview.missing_items(report)}
    reviews = [r for r in reviews if "claimReviewed" in r]
    assert len(reviews) == len(result.claim_ids) - 1
    by_text = {r["claimReviewed"]: r for r in reviews}
    mayor = next(r for t, r in by_text.items() if t.startswith("Mayor Elena Ruiz said"))
    author = mayor["itemReviewed"]["author"]
    assert author["@type"] == "Person" and author["name"].endswith("Elena Ruiz")
    for review in reviews:
        text = review["claimReviewed"]
        assert len(text) <= MAX_CLAIM_REVIEWED
        assert text.count("“") == text.count("”"), text
        body = text.removesuffix("…")
        claim_words = " ".join(data.decode().split())
        assert claim_words.find(body) >= 0
        after = claim_words[claim_words.find(body) + len(body):][:1]
        assert not after.isalnum(), f"{text!r} ends inside a word"


def test_html_snippet_one_block_per_claim_page_and_closing_tags_escaped(report_lib, report_db):
    report = read_report(report_db, ExportRequest("claimreview-html", None, include_drafts=True))
    html = claimreview.render_claimreview_html(report, allow_incomplete=True)
    blocks = re.findall(r'<script type="application/ld\+json" data-claim-id="([^"]+)">\n(.*?)\n</script>', html, re.S)
    assert [cid for cid, _ in blocks] == [report_lib.crossings, report_lib.cost, report_lib.leaflet,
                                          report_lib.harvest]
    cost = json.loads(blocks[1][1])
    assert "<" not in blocks[1][1] and "<script>" in cost["claimReviewed"]
    assert claimreview.script_safe_json({"a": "</script><!--"}) == '{\n  "a": "\\u003c/script>\\u003c!--"\n}'


def test_the_review_address_must_be_on_the_organisation_site(report_lib, report_db):
    complete(report_lib.path, report_lib.crossings, report_lib.harvest)
    assert claimreview.same_site("https://factcheck.checkers.example.org/a", "https://www.checkers.example.org")
    assert not claimreview.same_site("https://elsewhere.example.net/a", "https://checkers.example.org")
    with open_library(report_lib.path) as lib:
        edit_publishing(lib, report_lib.harvest, PublishingEdit(review_url="https://elsewhere.example.net/c"))
    report = read_report(report_db, ExportRequest("claimreview", None))
    assert [(i.claim_id, i.field) for i in claimreview.missing_items(report)] == [(report_lib.harvest, "review_url")]
