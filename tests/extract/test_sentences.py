"""Sentence splitting on news conventions: abbreviations, initials, decimals, quotes, lines."""
from __future__ import annotations

import pytest

from factcheck_app.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "Mr. Okafor met Gen. R. Alvarez of Harbour Holdings Inc. in Sept. 2012 to sign the deal.",
    "The U.S. Navy sent two ships to the strait.",
    "Dr. Lindqvist said the rate rose 3.5 percent at No. 5 Quay St. yesterday.",
    "The council approved it at 10 a.m. Tuesday after a long debate.",
])
def test_abbreviations_initials_and_decimals_do_not_split(text):
    assert sentences(text) == [text]


def test_sentences_ending_in_quotes_split_after_the_quote():
    text = ('The mayor said: "We will rebuild." Then she left. '
            'Her deputy wrote, “It is over.” Critics disagreed! Why? Nobody knew.')
    assert sentences(text) == [
        'The mayor said: "We will rebuild."', "Then she left.",
        "Her deputy wrote, “It is over.”", "Critics disagreed!", "Why?", "Nobody knew.",
    ]


def test_ambiguous_abbreviation_ends_a_sentence_before_an_opener():
    text = "The stake went to Norland Shipping Inc. The company declined to comment. He served in the U.S. Army."
    assert sentences(text) == ["The stake went to Norland Shipping Inc.", "The company declined to comment.",
                               "He served in the U.S. Army."]


def test_lines_without_final_punctuation_stand_alone():
    text = "Floods Close Coastal Road\n\nMarch 3, 2015\n\nWater rose overnight. Crews worked late.\nA caption line"
    assert sentences(text) == ["Floods Close Coastal Road", "March 3, 2015", "Water rose overnight.",
                               "Crews worked late.", "A caption line"]


def test_hard_wrapped_line_continues_its_sentence():
    text = "The bridge, built in 1931, was closed\nfor repairs on Monday. Traffic moved slowly."
    assert sentences(text) == ["The bridge, built in 1931, was closed\nfor repairs on Monday.",
                               "Traffic moved slowly."]


def test_spans_point_into_the_body_and_skip_whitespace():
    text = "  First one.   Second one.\n\n\nThird  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third"]
    assert all(s < e for s, e in spans)
    assert spans == sorted(spans)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", ".", "...", "?!"])
def test_degenerate_inputs(text):
    result = sentences(text)
    assert all(r.strip() for r in result)
