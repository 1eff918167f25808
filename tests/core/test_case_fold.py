import re

import pytest

from factcheck_app.core.case_fold import IgnoreCasePattern, plain_lower


@pytest.mark.parametrize("text", ["Top Stories", "TOP \u017fTORIES", "Top stor\u0130es", "top ſtories"])
def test_matches_what_a_case_insensitive_pattern_matches(text):
    pattern = IgnoreCasePattern(r"top\s+(?P<what>stories)")
    flagged = re.compile(r"top\s+(?P<what>stories)", re.IGNORECASE)
    ours, theirs = pattern.fullmatch(text), flagged.fullmatch(text)
    assert (ours is None) == (theirs is None)
    assert ours is not None and ours.span("what") == theirs.span("what")


def test_offsets_are_the_texts_own():
    match = IgnoreCasePattern(r"(?P<name>the\s+times)(?P<rest>.*)").match("The Times Of London")
    assert match is not None and match.span("rest") == (9, 19)


def test_lowering_that_would_move_offsets_is_refused():
    assert plain_lower("İstanbul") is None and plain_lower("Berlin") == "berlin"


def test_a_capital_letter_in_the_pattern_is_refused():
    with pytest.raises(ValueError):
        IgnoreCasePattern(r"Top\s+stories")
    with pytest.raises(ValueError):
        IgnoreCasePattern(r"(?-i:click)\s+here")
    IgnoreCasePattern(r"(?P<a>\S+)\s+\W")  # escapes and named groups are not letters of the text
