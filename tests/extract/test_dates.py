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
