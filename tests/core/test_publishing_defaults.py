"""Publishing defaults: claimant (speaker, else author, else outlet), appearances, date, wording."""
from __future__ import annotations

import pytest

from factcheck_app.core.publishing import (
    ORGANIZATION,
    PERSON,
    Appearance,
    ClaimContext,
    StoredPublishing,
    claimant_type,
    effective_publishing,
    order_appearances,
)

ARTICLE = dict(article_author="Jo Reporter", article_outlet="The Northern Ledger",
               article_url="https://ledger.example/bridge", article_published="2024-03-14")


def test_a_quotation_speaker_is_the_claimant():
    context = ClaimContext("“It is big,” said Elena Ruiz.", quotations=((1, 10, "Elena Ruiz"),), **ARTICLE)
    info = effective_publishing(None, context)
    assert (info.claimant, info.claimant_type) == ("Elena Ruiz", PERSON)
    assert info.claimant_from == "the quotation's speaker"


def test_else_the_author_then_the_outlet():
    info = effective_publishing(None, ClaimContext("The bridge costs $1bn.", **ARTICLE))
    assert (info.claimant, info.claimant_type) == ("Jo Reporter", PERSON)
    no_author = {**ARTICLE, "article_author": None}
    info = effective_publishing(None, ClaimContext("The bridge costs $1bn.", **no_author))
    assert (info.claimant, info.claimant_type) == ("The Northern Ledger", ORGANIZATION)
    assert effective_publishing(None, ClaimContext("x")).claimant is None


def test_the_article_address_is_the_first_appearance_and_its_date_the_claim_date():
    info = effective_publishing(None, ClaimContext("The bridge costs $1bn.", **ARTICLE))
    assert info.appearances == (Appearance("https://ledger.example/bridge", True),)
    assert info.claim_date == "2024-03-14"
    assert info.claim_reviewed == "The bridge costs $1bn."


def test_what_a_checker_set_wins():
    stored = StoredPublishing(claimant="City council", claimant_type=ORGANIZATION, claim_date="2024-03-12",
                              claim_reviewed="Bridge costs $1bn", review_url="https://desk.example/c/1",
                              appearances=(Appearance("https://a.example", False), Appearance("https://b.example", True)))
    info = effective_publishing(stored, ClaimContext("The bridge costs $1bn.", **ARTICLE))
    assert (info.claimant, info.claimant_type, info.claimant_from) == ("City council", ORGANIZATION,
                                                                       "set by a checker")
    assert [a.url for a in info.appearances if a.first] == ["https://b.example"]
    assert info.claim_reviewed == "Bridge costs $1bn" and info.defaults["claim_reviewed"] == "The bridge costs $1bn."


def test_appearances_are_ordered_without_repeats_and_the_first_is_marked():
    assert order_appearances(["https://a", "https://b", "https://a"], "https://b") == (
        Appearance("https://a", False), Appearance("https://b", True))
    with pytest.raises(ValueError):
        order_appearances(["https://a"], "https://c")


def test_claimant_types():
    assert claimant_type("person") == PERSON
    assert claimant_type("Organisation") == ORGANIZATION == claimant_type("organization")
    with pytest.raises(ValueError):
        claimant_type("robot")


def test_a_scale_error_never_says_scale_twice():
    from factcheck_app.core.rating_scales import ScaleError, parse_scale

    six = parse_scale({"name": "truth", "title": "Six-step truth scale",
                       "steps": [{"label": "True", "value": 1, "colour": "#00aa00"}]})
    stars = parse_scale({"name": "stars", "title": "Stars",
                         "steps": [{"label": "Five", "value": 5, "colour": "#00aa00"}]})
    with pytest.raises(ScaleError) as info:
        six.step("Nope")
    assert "on the Six-step truth scale (" in str(info.value) and "scale scale" not in str(info.value)
    with pytest.raises(ScaleError, match="on the Stars scale"):
        stars.step("Nope")
