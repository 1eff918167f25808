"""Using a match: attach the published check as evidence, copy its rating as a draft verdict."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_app.core.rating_scales import parse_scale
from factcheck_app.ops.checked_before import attach_check, copy_rating, rating_on_scale
from factcheck_app.ops.checks import import_check_files
from factcheck_app.ops.people import MissingPersonError
from factcheck_app.store import published_checks
from factcheck_app.store.articles import import_article
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.evidence import list_evidence
from factcheck_app.store.scales import get_scale
from factcheck_app.store.sources import list_sources
from factcheck_app.store.verdicts import get_verdict, verdict_history

DATA = Path(__file__).resolve().parents[1] / "data" / "claimreview"


@pytest.fixture
def claim_and_checks(library):
    from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim

    text = "The Harbour Bridge repairs cost 40 million dollars last year."
    article = ExtractedArticle(body="News\n\n" + text, title="News", claims=[ExtractedClaim(6, 6 + len(text), text, 0.9, [])])
    claim_id = import_article(library.db, article, source_name="n.txt").claim_ids[0]
    import_check_files(library, [DATA / "single.json", DATA / "page.html"])
    checks = {c["organisation"]: c["id"] for c in published_checks.list_checks(library.db)}
    return claim_id, checks


def test_rating_on_scale_by_label_then_by_number(library):
    truth = get_scale(library.db, "truth")
    assert rating_on_scale({"rating": "mostly FALSE!"}, truth) == "Mostly false"
    # 3 on 1..6 is 40 % of the way up the published range.
    assert rating_on_scale({"rating": "Half-baked", "rating_value": 3, "best_rating": 6, "worst_rating": 1}, truth)
    assert rating_on_scale({"rating": "Odd"}, truth) is None
    two = parse_scale({"name": "two", "title": "Two", "steps": [{"label": "Good", "value": 2, "colour": "#00aa00"},
                                                               {"label": "Bad", "value": 1, "colour": "#aa0000"}]})
    assert rating_on_scale({"rating_value": 1, "best_rating": 5, "worst_rating": 1}, two) == "Bad"
    assert rating_on_scale({"rating_value": 5, "best_rating": 5, "worst_rating": 1}, two) == "Good"


def test_copy_rating_makes_a_draft_verdict_with_its_origin(library, claim_and_checks):
    claim_id, checks = claim_and_checks
    result = copy_rating(library, claim_id, checks["Example Checks"], by="Ada")
    verdict = get_verdict(library.db, claim_id)
    assert (verdict["rating"], verdict["status"], verdict["checker"]) == ("Mostly false", "draft", "Ada")
    assert "Example Checks" in verdict["rationale"] and "harbour-bridge-cost" in verdict["rationale"]
    assert verdict_history(library.db, claim_id)[-1]["why"].startswith("copied from a published check")
    result.undo(library)
    assert get_verdict(library.db, claim_id) is None


def test_copy_rating_needs_a_person_and_a_usable_rating(library, claim_and_checks, tmp_path):
    claim_id, checks = claim_and_checks
    with pytest.raises(MissingPersonError):
        copy_rating(library, claim_id, checks["Example Checks"], by=None)
    odd = tmp_path / "odd.json"
    odd.write_text('{"@type": "ClaimReview", "url": "https://o.example/1", "claimReviewed": "The Harbour Bridge x.",'
                   ' "author": {"name": "Odd"}, "reviewRating": {"alternateName": "Spicy"}}')
    import_check_files(library, [odd])
    odd_id = [c["id"] for c in published_checks.list_checks(library.db) if c["organisation"] == "Odd"][0]
    with pytest.raises(ValidationError, match="rate the claim yourself"):
        copy_rating(library, claim_id, odd_id, by="Ada")
    assert get_verdict(library.db, claim_id) is None


def test_attach_check_makes_one_source_and_undo_removes_both(library, claim_and_checks):
    claim_id, checks = claim_and_checks
    result = attach_check(library, claim_id, checks["Example Checks"], "refutes", by="Ada")
    [evidence] = list_evidence(library.db, claim_id)
    assert evidence["stance"] == "refutes" and "Mostly false" in evidence["excerpt"]
    [source] = list_sources(library.db)
    assert source["url"] == "https://factcheck.example.org/2024/harbour-bridge-cost"
    assert source["publisher"] == "Example Checks" and result.changes.sources
    # The same check attached again (another stance) reuses the source.
    attach_check(library, claim_id, checks["Example Checks"], "context", by="Ada")
    assert len(list_sources(library.db)) == 1 and len(list_evidence(library.db, claim_id)) == 2
    with pytest.raises(MissingPersonError):
        attach_check(library, claim_id, checks["Page Checkers"], "context", by="")
    with pytest.raises(ValidationError):
        attach_check(library, claim_id, checks["Page Checkers"], "maybe", by="Ada")
    assert len(list_sources(library.db)) == 1


def test_undo_of_a_first_attach_removes_the_source_it_made(library, claim_and_checks):
    claim_id, checks = claim_and_checks
    result = attach_check(library, claim_id, checks["Page Checkers"], "supports", by="Ada")
    redo = result.undo(library)
    assert list_evidence(library.db, claim_id) == [] and list_sources(library.db) == []
    redo.undo(library)
    assert len(list_evidence(library.db, claim_id)) == 1
