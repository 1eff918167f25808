"""Quantity facets: counts, money, percentages, measurements, ranges, approximations, traps."""
from __future__ import annotations

import pytest

from factcheck_app.extract.quantities import find_quantities, number_value, ordinal_value


def quantities(text: str) -> list[tuple[str, object, str | None]]:
    found = find_quantities(text)
    for f in found:
        assert f.kind == "quantity" and text[f.start:f.end] == f.text
    return [(f.text, f.value, f.unit) for f in found]


@pytest.mark.parametrize("text, expected", [
    ("The navy fired 59 cruise missiles at the base.", [("59 cruise missiles", 59, "cruise missiles")]),
    ("Ministers from two nations met in Geneva.", [("two nations", 2, "nations")]),
    ("The plant will shed 30,000 jobs by next spring.", [("30,000 jobs", 30000, "jobs")]),
    ("The city hired three hundred teachers.", [("three hundred teachers", 300, "teachers")]),
    ("The census counted 1.2 million people.", [("1.2 million people", 1200000, "people")]),
    ("The storm destroyed twenty-five homes.", [("twenty-five homes", 25, "homes")]),
])
def test_counts_with_the_counted_noun(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, value, unit", [
    ("Congress approved $40 billion in aid.", 40_000_000_000, "USD"),
    ("The club paid £20.1 million for the striker.", 20_100_000, "GBP"),
    ("Tickets cost US$40 each.", 40, "USD"),
    ("A coffee costs €5 in the square.", 5, "EUR"),
    ("The firm earned 3.5 million dollars.", 3_500_000, "USD"),
    ("Each share paid 26 cents.", 26, "cents"),
])
def test_money(text, value, unit):
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.subtype) == (value, unit, "money")


@pytest.mark.parametrize("text, value", [("Inflation hit 12.5% in May.", 12.5),
                                         ("Unemployment rose to 12 percent.", 12),
                                         ("Turnout fell fourteen percent.", 14)])
def test_percentages(text, value):
    (found,) = find_quantities(text)
    assert (found.value, found.unit, found.subtype) == (value, "percent", "percent")


def test_measurements():
    assert quantities("The pipeline runs 300 km, or 186.4 miles, under the sea.") == [
        ("300 km", 300, "km"), ("186.4 miles", 186.4, "miles")]


def test_ranges():
    found = find_quantities("Between 50 and 60 people were hurt; officials expect 25,000 to 30,000 jobs to go.")
    assert [(f.text, f.value, f.unit, f.subtype) for f in found] == [
        ("Between 50 and 60 people", 50, "people", "range"),
        ("25,000", 25000, "jobs", "count"), ("30,000 jobs", 30000, "jobs", "count")]


@pytest.mark.parametrize("text, value", [
    ("About 60 villagers fled.", 60), ("More than 50 ships waited.", 50),
    ("Nearly 400 flights were cancelled.", 400), ("Dozens of protesters were detained.", 12),
    ("Hundreds of police lined the route.", 100), ("Thousands of residents lost power.", 1000),
])
def test_approximations_are_vague(text, value):
    (found,) = find_quantities(text)
    assert found.vague and found.value == value and found.start == 0


@pytest.mark.parametrize("text", [
    "The treaty was signed in 2007 and revised in 1994.",
    "It was the fifth summit and the 70th session.",
    "The talks started on April 11, 2017, at 3:30 p.m.",
    "Call 555-123-4567 or +44 20 7946 0958 for details.",
    "The club is No. 1 in the league table.",
    "The airline ordered the Boeing 787 and the 737 Max.",
    "No one could say whether one of them had left.",
    "She has worked there for 33 years and was jailed for six months.",
])
def test_not_quantities(text):
    assert quantities(text) == []


def test_year_like_numbers_with_a_counted_noun_are_quantities():
    assert quantities("The ministry sent 2000 troops and $2017 in cash.") == [
        ("2000 troops", 2000, "troops"), ("$2017", 2017, "USD")]


def test_number_helpers():
    assert number_value("1,100") == 1100 and number_value("twenty-five") == 25 and number_value("3.5") == 3.5
    assert ordinal_value("70th") == 70 and ordinal_value("fifth") == 5 and ordinal_value("seventy-fifth") == 75


@pytest.mark.parametrize("text", [
    "The 9/11 attacks changed air travel, and the shop is open 24/7.",
    "The court's 5-4 ruling stood after United won 3-1.",
    "The G7 met as COVID-19 spread; F-16 jets flew over Highway 1 and Interstate 95.",
    "Sales of the iPhone 7 and Windows 10 rose, and Apollo 11 was remembered.",
    "The two nations are reaffirming their friendship.",
])
def test_codes_scores_and_back_references_are_not_quantities(text):
    assert quantities(text) == []


def test_fractions_and_glued_scales():
    found = find_quantities("More than two-thirds of voters and a quarter of adults agreed; 1.2m people need aid.")
    assert [(f.text, f.value, f.subtype) for f in found] == [
        ("More than two-thirds", 0.6667, "fraction"), ("a quarter", 0.25, "fraction"),
        ("1.2m people", 1_200_000, "count")]


def test_glued_units_and_metric_shorthands():
    assert quantities("Temperatures hit 41C (106F) and the relay ran 300m.") == [
        ("41C", 41, "C"), ("106F", 106, "F"), ("300m", 300, "m")]


def test_a_number_used_as_a_name_elsewhere_is_not_a_count():
    text = "The airline flies the Boeing 737. Their 737 fleet of 42 jets is ageing."
    assert quantities(text) == [("42 jets", 42, "jets")]


def test_possessive_names_before_counts():
    assert quantities("Ford's 14 plants employ Apple's 30 engineers.") == [
        ("14 plants", 14, "plants"), ("30 engineers", 30, "engineers")]


def test_currency_words_after_the_number():
    assert [(f.text, f.value, f.unit) for f in find_quantities(
        "It paid 1.5 billion US dollars for a 10-percent stake, or Rs 500 crore.")] == [
        ("1.5 billion US dollars", 1_500_000_000, "USD"), ("10-percent", 10, "percent"),
        ("Rs 500 crore", 5_000_000_000, "INR")]


@pytest.mark.parametrize("text", [
    "The skipper served five-and-a-half years at sea before the ferry sank.",  # a duration, not 5 of anything
    "Bookings: call the harbour office on 03-7619056 before noon.",
    "A passenger called 911 when the engine stopped.",
    "The yard said the 777 program would move to the south dock.",
    "3. The ferry timetable\n\n4) The new fares",
])
def test_durations_phone_numbers_models_and_headings_are_not_counts(text):
    assert quantities(text) == []


def test_a_number_called_is_still_counted_when_it_counts_something():
    assert quantities("Volunteers called 300 voters on Sunday.") == [("300 voters", 300, "voters")]
