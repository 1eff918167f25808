"""The shortcuts taken for speed agree with the plain regexes they stand in for."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.extract import checkworthiness, gazetteer, table_cache
from factcheck_app.extract.cue_words import ATTRIBUTION, HEDGE, NUMBER_WORDS, OPINION, WORD_NUMBER_RE
from factcheck_app.extract.quotes import _SINGLE_OPEN

_WORDS = st.sampled_from([
    *NUMBER_WORDS, *(w.upper() for w in NUMBER_WORDS), *(w.title() for w in NUMBER_WORDS),
    "5th", "21ST", "3rd", "th", "x", "_", "é", "٣", "Ⅻ", "“", " ", "  ", "\n", "-", "'", "1", "22",
    "the", "these", "THOSE", "bathe", "both", "Both", "said", "was", "is", "to", "sources", "according", "may", "be", "most", "far", "from", "were", "believed",
])
_TEXT = st.lists(_WORDS, max_size=14).map("".join)


def _tokens(text: str) -> tuple[set[str], bool]:
    exotic = checkworthiness._EXOTIC.search(text) is not None
    source = text.translate(checkworthiness._FOLD) if exotic else text
    folded = {w.lower() for w in checkworthiness._WORD.findall(source)}
    return folded, exotic


@settings(max_examples=400)
@given(_TEXT)
def test_number_words_found_with_find_match_the_regex(text: str) -> None:
    folded, exotic = _tokens(text)
    if exotic:
        return
    has_digit = re.search(r"\d", text) is not None
    expected = sorted(m.start() for m in WORD_NUMBER_RE.finditer(text))
    assert sorted(checkworthiness._word_number_starts(text, text.lower(), folded, has_digit)) == expected


@pytest.mark.parametrize("regex, words", [
    ("_COUNT_ANAPHORIC_BEFORE", "_COUNT_BACK"),  # "the", "these", "those"
    ("_ANAPHORIC_BEFORE", "_POINTING_BACK"),  # and "both"
])
@settings(max_examples=400)
@given(text=_TEXT)
def test_counts_pointing_back_found_without_a_regex_match_it(regex: str, words: str, text: str) -> None:
    if checkworthiness._EXOTIC.search(text):
        return
    pattern, back = getattr(checkworthiness, regex), getattr(checkworthiness, words)
    lowered = text.lower()
    for at in range(len(text) + 1):
        expected = pattern.search(text[max(0, at - 8):at]) is not None
        assert checkworthiness._follows_word(lowered, at, back) == expected


@settings(max_examples=400)
@given(_TEXT)
def test_a_cue_that_matches_always_fires(text: str) -> None:
    folded, _ = _tokens(text)
    for cue in (ATTRIBUTION, HEDGE, OPINION):
        if cue.regex.search(text):
            assert cue.fires(folded)


def test_a_trigger_alone_does_not_fire_a_phrase_cue() -> None:
    assert not HEDGE.fires({"he", "said", "it", "rained"})
    assert HEDGE.fires({"he", "was", "said", "to", "hide"})


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["‘", "a", " ", "(", "[", "—", "-", "x", "\n", "’", "1", "."]), max_size=10)
       .map("".join))
def test_single_open_quote_scan_matches_the_look_behind_form(text: str) -> None:
    plain = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")
    assert [m.span() for m in _SINGLE_OPEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_place_table_cache_round_trip(tmp_path) -> None:
    table = {"Paris": gazetteer.PlaceName("Paris", "city", 2_100_000),
             "U.K.": gazetteer.PlaceName("United Kingdom", "country")}
    tables = (table, gazetteer._group_by_first_word(table))
    path = tmp_path / "places.marshal"
    table_cache.save(path, "stamp-1", gazetteer._plain(tables))
    assert gazetteer._from_plain(table_cache.load(path, "stamp-1")) == tables
    assert table_cache.load(path, "stamp-2") is None  # another build: rebuilt, not trusted
    path.write_bytes(b"\x00garbage")
    assert table_cache.load(path, "stamp-1") is None


def test_first_names_come_from_the_cache_when_it_is_current(tmp_path, monkeypatch) -> None:
    from factcheck_app.extract import entity_names

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    entity_names.first_names.cache_clear()
    built = entity_names.first_names()
    assert "Steve" in built and "Georgia" not in built
    (saved,) = tmp_path.glob("first-names-*.marshal")
    calls = []
    monkeypatch.setattr(entity_names, "_census_first_names", lambda: calls.append(1) or ())
    entity_names.first_names.cache_clear()
    assert entity_names.first_names() == built and not calls  # read back, not parsed again
    entity_names.first_names.cache_clear()


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["Kibar", "Air", "AIR", "air", "Force", "nuclear", "site", "Site", "te\u017ft", "Base",
                                 "base", "port", "Transport", "plant", "The", " ", "  ", "\n", "\n\n", "-", ".",
                                 "Syrian", "military", "airfield", "airport", "Air Force", ",", "\u201c", "(", "\u2019s",
                                 "'", "\u2003", "\x1c", "Camp"]),
                max_size=14).map("".join))
def test_site_scan_of_the_stretches_with_a_head_matches_the_whole_body_scan(text: str) -> None:
    from factcheck_app.extract.places import _site_matches
    from factcheck_app.extract.site_phrases import SITE_RE

    assert [m.span() for m in _site_matches(text)] == [m.span() for m in SITE_RE.finditer(text)]



@settings(max_examples=400)
@given(st.lists(st.sampled_from(["Lake", "Victoria", "Gulf", "of", "Mexico", "Sea", "Atlantic", "Ocean", "Mt.", "Bay",
                                 "Isle", "The", "Mount", "River", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "-", ".",
                                 ",", "\u201c", "(", "\u2019s", "\u2003"]),
                max_size=14).map("".join))
def test_feature_scan_of_the_stretches_with_a_head_matches_the_whole_body_scan(text: str) -> None:
    from factcheck_app.extract.places import _feature_matches
    from factcheck_app.extract.site_phrases import FEATURE_RE

    assert [m.span() for m in _feature_matches(text)] == [m.span() for m in FEATURE_RE.finditer(text)]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["air", "Air", "test", "force", "repair", "Gulf", "x", " ", "\t", "\u00a0", "\x1c",
                                 "\n", "\n\n", "\r"]), max_size=10).map("".join))
def test_a_word_ending_a_line_is_found_as_the_regex_finds_it(text: str) -> None:
    from factcheck_app.extract.site_phrases import ends_a_line

    for words in (("air", "test", "force"), ("Gulf",)):
        expected = re.search(rf"(?:{'|'.join(words)})[^\S\n]*\n", text) is not None
        assert ends_a_line(text, words) == expected


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["dec", "DEC", "Dec", "decade", "DECade", "December", "mOnday", "Monday", "MONTHS",
                                 "month", "years", "Year", "st", "St", "mid", "MIDDLE", "x", "a", "1", "$", ".", " ",
                                 "\n", "-", "_", "é", "Ⅻ"]), max_size=12).map("".join))
def test_key_words_found_in_the_lower_cased_body_are_those_of_the_cased_scan(text: str) -> None:
    from factcheck_app.extract import dates

    assert list(dates._keyword_hits(text)) == list(dates._cased_keyword_hits(text))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["launched", "need", "needed", "bed", "Closed", "fed", "ed", "red", "x", "é", "_",
                                 "2", "-", " ", "’", "abcedf", "ted"]), max_size=10).map("".join))
def test_past_tense_verbs_counted_from_their_endings_as_the_regex_counts_them(text: str) -> None:
    from factcheck_app.extract.cue_words import NOT_PAST_EVENT, PAST_EVENT_RE, past_event_count

    assert past_event_count(text) == sum(1 for w in PAST_EVENT_RE.findall(text) if w not in NOT_PAST_EVENT)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["the", "don", "’", "t", "“", "”", "—", "…", "€", "5", "_", "café", "é", "\t", "\n",
                                 " ", "-", "x1", "«", "»", "٣", "\x1c", "'", ".", ","]), max_size=16).map("".join))
def test_word_tokens_by_split_are_the_regex_words(text: str) -> None:
    assert checkworthiness._word_tokens(text) == re.findall(r"\w+", text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["1990", "0s", "0's", "0’s", "’9", "'9", "’", "'", "17", "/", "4", "11", "2017", "s",
                                 "x", " ", "\n", "1", "2"]), max_size=14).map("".join))
def test_rules_tried_where_a_match_can_start_find_what_the_scan_finds(text: str) -> None:
    from factcheck_app.extract import dates

    for core, _prefix, _handler, where in dates._SCAN_RULES:
        if where is not None:
            assert [m.span() for m in dates._matches_at(core, text, where(text))] == \
                [m.span() for m in core.finditer(text)], core.pattern


# Digit strings as the quantity pattern gives them (no exponent: "9e9999999" would have Decimal
# build a number of ten million digits), with other digits and spaces mixed in.
@settings(max_examples=500)
@given(st.lists(st.sampled_from(["0", "1", "5", "9", ".", "00", "٣", "²", " "]), min_size=1, max_size=12).map("".join))
def test_plain_digits_read_as_the_decimal_reading_reads_them(digits: str) -> None:
    from decimal import Decimal, InvalidOperation

    from factcheck_app.extract.number_words import decimal_value

    try:
        d = Decimal(digits)
        expected = int(d) if d == d.to_integral_value() else float(d)
    except (InvalidOperation, ValueError, OverflowError):
        expected = None
    assert decimal_value(digits) == expected and type(decimal_value(digits)) is type(expected)


@settings(max_examples=400)
@given(st.lists(st.sampled_from([".", "..", "!", "?", "\u2026", "\"", "'", "\u201d", "\u2019", "\u00bb", ")", "]",
                                 " ", "\n", "\n\n", "\t", "\u00a0", "a", "Word", "U.S", "3"]), max_size=16).map("".join))
def test_sentence_candidates_are_those_of_the_pattern_as_read(text: str) -> None:
    import re

    from factcheck_app.extract.sentences import _CANDIDATE, CANDIDATE_AS_READ

    assert [m.span() for m in _CANDIDATE.finditer(text)] == [m.span() for m in re.finditer(CANDIDATE_AS_READ, text)]
