"""The claim as reviewed: at most 75 characters, never ending inside a word or a quotation."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck_app.core.claim_wording import (
    MAX_CLAIM_REVIEWED,
    check_claim_reviewed,
    default_claim_reviewed,
    quotation_spans,
)


def test_a_short_claim_is_kept_whole_on_one_line():
    assert default_claim_reviewed("The bridge cost\n $1.2 billion.") == "The bridge cost $1.2 billion."


def test_a_long_claim_is_cut_between_words_with_an_ellipsis():
    text = ("The city council voted 9 to 4 on Tuesday to approve a $1.2 billion bridge across the harbour, "
            "ending a debate that began in 2019.")
    wording = default_claim_reviewed(text)
    assert wording == "The city council voted 9 to 4 on Tuesday to approve a $1.2 billion bridge…"
    assert len(wording) <= MAX_CLAIM_REVIEWED
    assert text.startswith(wording[:-1])


def test_the_cut_never_falls_inside_a_quotation():
    text = ("Mayor Elena Ruiz said the crossing would carry “more than 60,000 vehicles a day within five years” "
            "and cut the average commute by 25 minutes.")
    wording = default_claim_reviewed(text)
    assert wording == "Mayor Elena Ruiz said the crossing would carry…"
    assert "“" not in wording


def test_a_quotation_that_fits_is_kept_whole():
    text = "The minister said it will “solve the crisis” within two years, and that 300,000 homes will follow soon."
    wording = default_claim_reviewed(text)
    assert "“solve the crisis”" in wording and len(wording) <= MAX_CLAIM_REVIEWED


def test_no_default_when_the_first_quotation_is_too_long():
    text = ("“The numbers in the council's business case have never been checked by anyone outside the project "
            "team,” said Daniel Okafor.")
    assert default_claim_reviewed(text) is None


def test_quote_facet_spans_are_kept_whole_even_without_marks():
    text = "He said that the bridge will carry more than sixty thousand vehicles every single day within five years."
    start = text.index("the bridge")
    wording = default_claim_reviewed(text, [(start, len(text) - 1)])
    assert wording == "He said that…"


def test_quotation_spans_pair_curly_and_straight_marks():
    assert quotation_spans('a “b” c "d" e') == [(2, 5), (8, 11)]
    assert quotation_spans("a “b c") == [(2, 6)]


def test_a_checker_wording_is_checked():
    assert check_claim_reviewed("  Bridge  costs $1.2bn ") == "Bridge costs $1.2bn"
    with pytest.raises(ValueError):
        check_claim_reviewed("x" * 76)
    with pytest.raises(ValueError):
        check_claim_reviewed("   ")


words = st.text(alphabet=st.sampled_from("abcdefgh"), min_size=1, max_size=12)


@given(st.lists(st.one_of(words, words.map(lambda w: f"“{w} {w}”")), min_size=1, max_size=40))
def test_property_the_default_is_a_whole_word_prefix_outside_quotations(parts):
    text = " ".join(parts)
    wording = default_claim_reviewed(text)
    if wording is None:
        assert len(text) > MAX_CLAIM_REVIEWED
        return
    assert len(wording) <= MAX_CLAIM_REVIEWED
    body = wording.removesuffix("…")
    assert text.startswith(body)
    if body != text:
        assert text[len(body)] == " "  # ends between two words
        assert body.count("“") == body.count("”")  # no quotation left open
