"""Check-worthiness: specific, attributed and hedged claims outrank opinion and scene-setting."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.checkworthiness import score_sentence


def _facet(kind: str, text: str, subtype: str | None = None, value: object = None) -> Facet:
    return Facet(kind=kind, start=0, end=len(text), text=text, subtype=subtype, value=value)


def test_specific_numbers_dates_and_sites_rank_above_opinion() -> None:
    claim = "Last year the army fired 40 rockets at the Tartus naval base, officials said."
    opinion = "The two rivals might be the most stubborn leaders in the world."
    claim_score = score_sentence(claim, [_facet("quantity", "40 rockets"),
                                         _facet("date", "Last year", value="2016"),
                                         _facet("place", "Tartus naval base", "site")])
    assert claim_score > score_sentence(opinion, [])


def test_hedges_rank_above_opinion() -> None:
    hedged = "The minister is believed to have received payments from the contractor, according to unconfirmed reports."
    opinion = "It seems the minister could be in for a difficult week, perhaps the worst of his career."
    assert score_sentence(hedged, []) > score_sentence(opinion, [])


def test_questions_and_captions_rank_low() -> None:
    statement = "The factory closed in 2019 after losing 300 jobs."
    question = "Will the factory ever reopen after losing 300 jobs?"
    caption = "In this photo taken in 2019, workers leave the factory. (AP)"
    s = score_sentence(statement, [_facet("date", "2019", value="2019"), _facet("quantity", "300 jobs")])
    assert s > score_sentence(question, [_facet("quantity", "300 jobs")])
    assert s > score_sentence(caption, [_facet("date", "2019", value="2019")])


def test_quoted_rhetoric_ranks_below_a_plain_factual_claim() -> None:
    quoted = "“History will judge those who stood aside and did nothing at all,” the spokesman said."
    factual = "The ministry said 12 people died when the bridge collapsed on Friday."
    assert score_sentence(factual, [_facet("quantity", "12 people")]) > score_sentence(quoted, [_facet("quote", "History")])


@settings(max_examples=200, deadline=None)
@given(st.text(), st.lists(st.sampled_from(["date", "quantity", "place", "quote", "entity", "other"]), max_size=12))
def test_score_is_always_in_unit_interval(text: str, kinds: list[str]) -> None:
    score = score_sentence(text, [_facet(k, "x") for k in kinds])
    assert 0.0 <= score <= 1.0


def test_comparisons_records_and_causes_outrank_promises_and_courtesies() -> None:
    comparison = "Bus fares in the valley rose faster than wages for the third year running."
    record = "The harbour handled more cargo last spring than in any month in its history."
    cause = "The bridge closed because of cracks the inspectors found in its main span."
    promise = "We are going to make this valley a place people want to come back to."
    courtesy = "Thank you all so much for coming out tonight, it is wonderful to be here."
    for claim in (comparison, record, cause):
        assert score_sentence(claim, []) > score_sentence(promise, []), claim
        assert score_sentence(claim, []) > score_sentence(courtesy, []), claim


def test_a_short_statement_outranks_a_short_exclamation() -> None:
    assert score_sentence("Wages in the valley are falling.", []) > score_sentence("Not so fast.", [])
