"""Property tests: extraction never raises and always keeps the offsets contract."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_app.extract.pipeline import extract_claims
from factcheck_app.extract.sentences import split_sentences

# News-like fragments mixed with awkward characters, so the rules actually fire.
_FRAGMENTS = st.sampled_from([
    "Tuesday", "April 11, 2017", "last week", "in 1994", "the 1990s", "$40 billion", "12.5%", "59 cruise missiles",
    "Mr.", "U.S.", " ", "\n", "\n\n", ".", "“", "”", "\"", "'", "between 50 and 60", "the 70th anniversary of",
    "\u200b", "\u200f", "\u202e", "\ufeff", "İ", "ß", "٣", "Ⅻ", "\r\n", "\t", "—", "summer 2008", "3:30 p.m.",
    "two years ago", "No. 5", "dozens of", "2,000 troops", "the fourth quarter of 2008", "Q3",
])
_NEWSY_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


def _check(body: str, published) -> None:
    for claim in extract_claims(body, published):
        assert 0 <= claim.start < claim.end <= len(body)
        assert claim.text == body[claim.start:claim.end]
        assert 0.0 <= claim.score <= 1.0
        for f in claim.facets:
            assert claim.start <= f.start < f.end <= claim.end
            assert f.text == body[f.start:f.end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), _PUBLISHED)
def test_any_unicode_text(body, published):
    _check(body, published)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWSY_TEXT, _PUBLISHED)
def test_news_like_text(body, published):
    _check(body, published)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=20), st.integers(min_value=500, max_value=4000))
def test_very_long_lines(chunk, times):
    _check((chunk + " 59 missiles on Tuesday ") * (times // len(chunk) + 1), "2017-04-11")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentences_are_ordered_trimmed_and_inside(body):
    last = 0
    for s, e in split_sentences(body):
        assert last <= s < e <= len(body)
        assert not body[s].isspace() and not body[e - 1].isspace()
        last = e
