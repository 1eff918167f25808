"""Date facets: absolute and relative expressions, TIMEX3 values, and the traps."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck_app.extract.dates import find_dates

PUB = dt.date(2017, 4, 11)  # a Tuesday


def dates(text: str, published: dt.date | None = PUB) -> list[tuple[str, str | None]]:
    found = find_dates(text, published)
    for f in found:
        assert f.kind == "date" and text[f.start:f.end] == f.text
    return [(f.text, f.value) for f in found]


@pytest.mark.parametrize("text, expected", [
    ("The photo was taken on Tuesday, April 11, 2017, in the harbour.", [("Tuesday, April 11, 2017", "2017-04-11")]),
    ("The plant opened in March 2017 after delays.", [("March 2017", "2017-03")]),
    ("The governor, who took office in 1994, resigned.", [("1994", "1994")]),
    ("Troops fought in the 1967 and 1973 wars.", [("1967", "1967"), ("1973", "1973")]),
    ("The filing is dated 2008-03-01.", [("2008-03-01", "2008-03-01")]),
    ("Prices doubled in the 1990s.", [("the 1990s", "199")]),
    ("Cities grew in the 21st century.", [("the 21st century", "20")]),
    ("Sales slumped in the fourth quarter of 2008.", [("the fourth quarter of 2008", "2008-Q4")]),
    ("The drought of summer 2008 hit farmers.", [("summer 2008", "2008-SU")]),
    ("She was born on 11 April 1947 in a village.", [("11 April 1947", "1947-04-11")]),
    ("The shares have risen since Jan. 5, 2016.", [("Jan. 5, 2016", "2016-01-05")]),
    ("Polls closed on 7/8/07 at dusk.", [("7/8/07", "2007-07-08")]),
    ("The party has governed since 1994.", [("1994", "1994")]),
    ("Turnout in the 2008 election was high.", [("2008", "2008")]),
])
def test_absolute_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministry said Tuesday that talks had failed.", [("Tuesday", "2017-04-11")]),
    ("Protesters gathered on Sunday outside the court.", [("Sunday", "2017-04-09")]),
    ("The minister will visit the region on Friday.", [("Friday", "2017-04-14")]),
    ("The museum stays closed until Thursday.", [("Thursday", "2017-04-13")]),
    ("Talks collapsed last week.", [("last week", "2017-W14")]),
    ("A second round is planned this week.", [("this week", "2017-W15")]),
    ("Last month, the board resigned.", [("Last month", "2017-03")]),
    ("The bill passed yesterday.", [("yesterday", "2017-04-10")]),
    ("The court ruled today.", [("today", "2017-04-11")]),
    ("Exports fell earlier this year.", [("earlier this year", "2017")]),
    ("Elections are due next month.", [("next month", "2017-05")]),
    ("Profits fell last year.", [("last year", "2016")]),
    ("The dam burst two years ago.", [("two years ago", "2015")]),
    ("The strike began in March and spread.", [("March", "2017-03")]),
    ("Orders rose in February.", [("February", "2017-02")]),
    ("Results for the third quarter of last year were revised.", [("the third quarter of last year", "2016-Q3")]),
])
def test_relative_dates_resolve_against_published(text, expected):
    assert dates(text) == expected


def test_relative_dates_re_resolve_when_published_changes():
    text = "The ministry said Tuesday that exports fell last month."
    assert dates(text, dt.date(2020, 1, 2)) == [("Tuesday", "2019-12-31"), ("last month", "2019-12")]


def test_relative_dates_without_published_have_no_value():
    assert dates("The vote was held last week.", None) == [("last week", None)]


@pytest.mark.parametrize("text", [
    "Both countries are now facing renewed tension.",
    "In the era of cheap flights, airports grew.",
    "The company is currently reviewing its options.",
    "Officials said 2,000 troops were deployed.",
    "The charity raised $2017 from the auction.",
    "The index gained 1500 points over the decade.",
    "The plan may change, and critics march on.",
])
def test_not_dates(text):
    assert dates(text) == []


def test_anniversaries_carry_the_origin_year():
    text = "The party marked the 70th anniversary of its founding and the fifth anniversary of the reform."
    assert dates(text) == [("70th anniversary", "1947"), ("fifth anniversary", "2012")]


def test_times_of_day_take_their_day():
    text = "The jet landed on Tuesday at 18:00 UTC. A second flight left at 9 a.m. Monday."
    assert dates(text) == [("Tuesday", "2017-04-11"), ("18:00 UTC", "2017-04-11"),
                           ("9 a.m. Monday", "2017-04-10")]


def test_dates_do_not_run_across_lines():
    text = "Markets stay closed until Friday\n\nApril 11, 2017"
    assert dates(text) == [("Friday", "2017-04-14"), ("April 11, 2017", "2017-04-11")]


def test_a_weekday_after_from_is_in_the_past():
    assert dates("The death toll from Sunday's earthquake rose.", dt.date(2016, 10, 4)) == [
        ("Sunday's", "2016-10-02")]


def test_future_context_moves_a_bare_date_to_next_year():
    assert dates("The stadium will host the final on July 14.", dt.date(2016, 10, 4)) == [
        ("July 14", "2017-07-14")]


def test_year_parts_and_halves():
    text = "Jobs will go by early next year; profits rose in the second half of 2019 and in mid-2011."
    assert dates(text) == [("early next year", "2018"), ("the second half of 2019", "2019-H2"),
                           ("mid-2011", "2011")]


def test_datelines_and_abbreviated_months():
    assert dates("LONDON, Oct 3 (Reuters) - The vote is scheduled for Nov. 8.", dt.date(2016, 10, 4)) == [
        ("Oct 3", "2016-10-03"), ("Nov. 8", "2016-11-08")]


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_relative_dates_at_the_ends_of_the_calendar_do_not_raise(published):
    text = "Last week, two years ago, on Tuesday and next month: the 70th anniversary, this weekend, yesterday."
    for f in find_dates(text, published):
        assert text[f.start:f.end] == f.text


def test_parts_of_months():
    assert dates("Talks end at the end of the month and resume at the start of next month.") == [
        ("the end of the month", "2017-04"), ("the start of next month", "2017-05")]


# Unseen-text cases, after the TIMEX3 guidelines: sentences written for these tests.
THU = dt.date(2019, 11, 14)  # a Thursday


@pytest.mark.parametrize("text, expected", [
    # A present tense of a scheduled event points ahead; a past tense points back.
    ("The ferry museum opens to the public on Friday.", [("Friday", "2019-11-15")]),
    ("The ferry museum opened to the public on Friday.", [("Friday", "2019-11-08")]),
    ("The striker will be allowed to play on Sunday.", [("Sunday", "2019-11-17")]),
    ("The new tram pass goes on sale in late January.", [("late January", "2020-01")]),
    ("The harbour lease is set to expire in February.", [("February", "2020-02")]),
    ("The harbour lease expired in February.", [("February", "2019-02")]),
    ("The treaty will be signed on July 25.", [("July 25", "2020-07-25")]),
])
def test_weekday_and_month_direction_from_tense(text, expected):
    assert dates(text, THU) == expected


def test_an_explicit_date_wins_over_its_weekday():
    assert dates("The vote was held on Saturday, May 18.", THU) == [("Saturday, May 18", "2019-05-18")]
    assert dates("The vote was held Saturday (May 18).", THU) == [("Saturday", "2019-05-18"), ("May 18", "2019-05-18")]
    # The weekday picks the year in which the day falls on it.
    assert dates("Voting opens on Saturday, May 16.", THU) == [("Saturday, May 16", "2020-05-16")]


def test_one_date_one_year_within_an_article():
    text = ("The ferry sank on July 25. An inquiry opened on July 25, 2018, a year after the first one. "
            "Divers returned to the wreck on July 25.")
    assert {v for _t, v in dates(text, THU)} == {"2018-07-25"}


def test_a_newspaper_title_in_capitals_is_not_today():
    assert dates("USA TODAY counted the votes; today the count is final.", THU) == [("today", "2019-11-14")]
    assert dates("VOTE TODAY", THU) == [("TODAY", "2019-11-14")]


@pytest.mark.parametrize("published, expected", [
    (dt.date(2019, 12, 30), [("this week", "2020-W01"), ("last week", "2019-W52")]),
    (dt.date(2021, 1, 3), [("this week", "2020-W53"), ("last week", "2020-W52")]),
])
def test_weeks_follow_iso_years_at_the_year_boundary(published, expected):
    assert dates("Ferry traffic rose this week after a fall last week.", published) == expected


def test_quarters_and_fiscal_periods():
    text = ("Tolls rose in the fourth quarter and fell in the first quarter of fiscal 2020; "
            "the authority expects a surplus in fiscal year 2021 and later this year.")
    assert dates(text, THU) == [("the fourth quarter", "2019-Q4"), ("the first quarter of fiscal 2020", "FY2020-Q1"),
                                ("fiscal year 2021", "FY2021"), ("later this year", "2019")]


@pytest.mark.parametrize("text, expected", [
    ("The ferry will not run on Thanksgiving.", [("Thanksgiving", "2019-11-28")]),
    ("The ferry did not run on Thanksgiving.", [("Thanksgiving", "2018-11-22")]),
    ("Shops close on Christmas Day.", [("Christmas Day", "2019-12-25")]),
    ("Crowds gathered on Memorial Day.", [("Memorial Day", "2019-05-27")]),
    ("The market fell sharply last Good Friday.", [("last Good Friday", "2019-04-19")]),
    ("Fares were frozen over Easter.", [("Easter", "2019-04-21")]),
    ("A good friday for the port.", []),
])
def test_named_days(text, expected):
    assert dates(text, THU) == expected


# --- the shortcuts taken for speed agree with the plain computations they stand in for ---

import re  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factcheck_app.extract import dates as _dates  # noqa: E402
from factcheck_app.extract.number_words import word_alternation  # noqa: E402

_PIECES = ["1", "2", "0", "9", "12", "31", "2017", "1990", "01", "03", "-", ":", "30", "/", "'", "’", "s", "am", "pm",
           "a.m.", "p.m.", "m", "of", "OF", "st", "th", "March", "MAY", "May", "Jan", "Sept.", "December", "Decade",
           "DECade", "decision", "market", "year", "years", "Year", "last", "LAST", "the", "past", "so far this",
           "twenty", "five", "a", "week", "weeks", "ago", "first", "quarter", "mid", "mid-", "Tuesday", "Tuesday,",
           "weekend", "weekends", "century", "21st", "said", "fell", "flooded", "on", "ON", "ed", "fy", "FY2020",
           "Christmas", "é", "_", "$", ".", ",", "x", " ", " ", "  ", "\t", "\u00a0", "\n", "İ", "ſaid", "KILLED", "\u212aILLED", "5ed", "won", "had", "did", "DID", "opens", ". ", "! ", "? ", "hadn't", "not", "will be", "opens", "is on"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@settings(max_examples=600)
@given(_TEXT)
def test_rules_tried_where_a_match_can_start_find_what_their_scan_finds(text: str) -> None:
    for core, _prefix, _handler, where in _dates._SCAN_RULES:
        if callable(where):
            assert [m.span() for m in _dates._matches_at(core, text, where(text))] == \
                [m.span() for m in core.finditer(text)], core.pattern


@settings(max_examples=600)
@given(_TEXT)
@example("On 3rd  of\tMarch, 12 Sept. and 2 MAY, 1 May")
def test_days_before_months_tried_at_the_month_key_words_find_what_their_scan_finds(text: str) -> None:
    core = next(rule[0] for rule in _dates._RULES if rule[3] is _dates._before_month_names)
    months = [pos for pos, word in _dates._keyword_hits(text) if word in _dates.MONTHS]
    assert [m.span() for m in _dates._matches_at(core, text, _dates._before_month_names(text, months))] == \
        [m.span() for m in core.finditer(text)]


def test_a_character_the_key_word_scan_admits_before_a_word_never_glues_it() -> None:
    separator = re.compile(_dates._KEY_WORD_SEPARATOR)
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) == 1:
            admitted = separator.fullmatch(low) is not None and (low.isascii() or not low.isalnum())
            assert admitted != (char.isalnum() or char in _dates._GLUED_BEFORE), hex(code)


_OLD_KEYWORD_SCAN = re.compile(r"(?<![\w$£€¥.,])" + word_alternation(_dates._KEYWORD_RULES))


def _rule_matches(text: str, hits) -> set[tuple[int, str, tuple[int, int]]]:
    """(position, rule, span) of every keyword rule's core that matches at a hit."""
    return {(pos, core.pattern, m.span()) for pos, word in hits for core, _p, _h, _w in _dates._KEYWORD_RULES[word]
            if (m := core.match(text, pos)) is not None}


def _hits_by_the_plain_scan(text: str):
    """Every key word not glued to what precedes it, longest first, or the longest shorter key word
    written in one of the three spellings (the scan before words followed by a letter were skipped)."""
    keys = set(_dates._KEYWORD_RULES)
    for hit in _OLD_KEYWORD_SCAN.finditer(text.lower()):
        pos, word = hit.start(), hit.group()
        while word:
            written = text[pos:pos + len(word)]
            if word in keys and written in (word, word.upper(), word[:1].upper() + word[1:]):
                yield pos, word
                break
            word = word[:-1]


@settings(max_examples=600)
@given(_TEXT)
@example("in FY2020 and fy20, the DECade, Decades, marchers and mid-2011")
def test_key_word_hits_give_every_rule_match_the_plain_scan_gives(text: str) -> None:
    if "\u0130" in text:
        return  # the plain scan of the lower-cased text would misplace what follows
    assert _rule_matches(text, _dates._keyword_hits(text)) == _rule_matches(text, _hits_by_the_plain_scan(text))


_PREFIXES = {id(rule[1]): rule[1] for rule in _dates._RULES if rule[1] is not None}.values()


@settings(max_examples=400)
@given(_TEXT)
@example("so far  this year, the first-quarter, Tuesday,\tthe 5th, twenty five years ago, mid- March")
def test_prefixes_searched_from_their_last_words_find_what_the_whole_window_search_finds(text: str) -> None:
    for hi in range(len(text) + 1):
        lo = max(0, hi - 36)
        for prefix in _PREFIXES:
            got = prefix.search(text, lo, hi)
            expected = prefix.regex.search(text, lo, hi) if prefix.admits(_dates._last_word(text, hi)) else None
            assert (got and (got.span(), got.groupdict())) == (expected and (expected.span(), expected.groupdict()))


# Verbs read from the end of the text before a date, and the regex searches they stand in for.
_VERB_ENDINGS = [
    (_dates._past_verb_ends, lambda before: _dates._PAST_VERB_BEFORE.search(before, max(0, len(before) - 30))),
    (lambda before: _dates._past_auxiliary_ends(before, before.lower()), _dates._PAST_AUXILIARY_BEFORE.search),
]


@settings(max_examples=600)
@given(_TEXT)
@example("he said on  Friday it flooded ON")
@example("it had  not flooded, DID it? hadn’t")
def test_verbs_read_from_the_end_are_those_the_regexes_find(text: str) -> None:
    for cut in range(len(text) + 1):
        before = text[:cut]
        for fast, plain in _VERB_ENDINGS:
            assert fast(before) == (plain(before) is not None), before


@settings(max_examples=400)
@given(_TEXT)
@example("The museum reopened. It opens on")
def test_the_clause_has_no_word_the_whole_window_lacks(text: str) -> None:
    # ``_looks_future`` skips the scheduled-verb test when the window has none of its words.
    low = text.lower()
    assert set(_dates._LOWER_WORD.findall(_dates._clause(low))) <= set(_dates._LOWER_WORD.findall(low))


def test_date_facets_carry_their_value_and_subtype_in_their_own_fields() -> None:
    (facet,) = find_dates("The party marked the 70th anniversary of its founding.", PUB)
    assert (facet.kind, facet.text, facet.value, facet.unit, facet.speaker, facet.subtype, facet.vague) == \
        ("date", "70th anniversary", "1947", None, None, "anniversary", False)


@settings(max_examples=300)
@given(_TEXT)
def test_a_rule_that_needs_its_prefix_refuses_a_hit_without_one(text: str) -> None:
    for core, prefix, handler, _keys in _dates._RULES:
        if prefix is None or not prefix.required:
            continue
        prefix.regex  # compiled, so the hit knows the prefix's group names
        for at in range(len(text)):
            m = core.match(text, at)
            if m is not None:
                try:
                    assert handler(_dates._Hit(m, None, prefix), text, PUB) is None
                except (OverflowError, ValueError):
                    pass


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["a", "b", None]),
                          st.sampled_from(["date", "time"])), max_size=30))
def test_candidates_sorted_by_two_stable_sorts_as_by_start_then_length(cands) -> None:
    expected = sorted(cands, key=lambda c: (c[0], -(c[1] - c[0])))
    kept = []
    for c in expected:  # the sweep of ``_longest_first`` over the plainly sorted list
        if kept and c[0] < kept[-1][1]:
            if c[1] - c[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = c
            continue
        kept.append(c)
    assert _dates._longest_first(list(cands)) == kept
