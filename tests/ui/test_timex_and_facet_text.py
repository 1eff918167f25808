"""Readable values for facets: TIMEX dates in words, quantities with units, quote speakers."""
from __future__ import annotations

import pytest

from factcheck_app.core.timex_text import describe_timex
from factcheck_app.ui.panes.facet_text import facet_tooltip, facet_value_text
from factcheck_app.ui.panes.text_offsets import OffsetMap


@pytest.mark.parametrize("value, expected", [
    ("2017-W14", "week of 3 April 2017 (2017-W14)"),
    ("2017-04-11", "Tuesday 11 April 2017 (2017-04-11)"),
    ("2017-04", "April 2017 (2017-04)"),
    ("2017", "the year 2017"),
    ("197", "the 1970s (197)"),
    ("2024-SP", "spring 2024 (2024-SP)"),
    ("2017-Q2", "second quarter of 2017 (2017-Q2)"),
    ("PRESENT_REF", "now (at publication)"),
    (None, "not resolved (the article has no published date)"),
    ("2017-13", "2017-13"),
    ("XXXX-WXX", "XXXX-WXX"),
])
def test_describe_timex(value, expected):
    assert describe_timex(value) == expected


def test_facet_texts():
    assert facet_tooltip({"kind": "date", "text": "last week", "value": "2017-W14"}) == \
        "date: “last week” → week of 3 April 2017 (2017-W14)"
    assert facet_value_text({"kind": "quantity", "value": "59", "unit": "cruise missiles"}) == "59 cruise missiles"
    assert facet_value_text({"kind": "quantity", "value": "60000", "unit": "vehicles", "vague": 1}) == \
        "about 60,000 vehicles"
    assert facet_value_text({"kind": "quote", "speaker": "Elena Ruiz"}) == "said by Elena Ruiz"
    assert facet_value_text({"kind": "place", "value": "Kibar", "subtype": "site"}) == "Kibar (site)"


def test_offsets_after_astral_characters():
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_qt(offsets.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert OffsetMap("plain").to_qt(3) == 3
