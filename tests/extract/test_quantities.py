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


# --- the shortcuts taken for speed agree with the plain computations they stand in for ---

import re  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factcheck_app.extract import quantities as q  # noqa: E402

_PIECE_LIST = [
    "about", "About", "some", "over", "just", "more", "than", "fewer", "up", "to", "close", "of", "upwards",
    "excess", "in", "at", "least", "an", "estimated", "as", "many", "additional", "called", "dial", "text",
    "No", "No.", "nos", "#", "page", "Boeing", "FTSE", "Ford's", "iPhone", "the", "The", "a", "A", "one", "One",
    "half", "Half", "third", "quarter", "fifth", "tenth", "dozens", "Thousands", "millions", "tens", "hundreds",
    "scores", "s", "and", "or", "$", "US$", "USD", "GBP", "EUR", "Rs", "Rs.", "£", "€", "dollars", "US", "U.S.",
    "American", "(USD)", "cents", "pounds", "yen", "5", "12", "300", "1,200", "3.5", "07", "+44", "555", "(20)",
    " ", " ", " ", "  ", "\t", "\n", "\xa0", "\u2009", "-", ".", ",", ":", "/", "(", ")", "'", "°", "x", "ſ", "K",
    "İ", "é", "_", "km", "th", "country's", "Jones'", "x'page", "O'Neill", "'",
    # whole phrases, which random pieces rarely spell
    "in excess of ", "upwards of ", "one third of ", "One quarter of", "a fifth of", "more than ", "at least ",
    "just over ", "as many as ", "an estimated ", "dozens of ", "tens of thousands of ", "half a million", "half of",
    "fewer than ", "less than ", "close to ", "up to ", "at most ", "an additional ", "as little as ",
    "called ", "No. ", "USD ", "Rs. ", " US dollars", " (USD)", " of the", " and a half",
]
_PIECES = st.sampled_from(_PIECE_LIST)
_TEXT = st.lists(_PIECES, max_size=16).map("".join)
# Every piece once before a number, so each is tried whatever the random draws.
_ALL_PIECES = "".join(f"{p}5 {p} 5 " for p in _PIECE_LIST)


def _approx_reference(body: str, pos: int):
    cut = body.rfind(" ", max(0, pos - 16), pos - 1)
    if body[cut + 1:pos].strip().lower() not in q._APPROX_LAST:
        return None
    return q._APPROX_BEFORE.search(body, max(0, pos - 30), pos)


def _span(m):
    return (m.span(), m.group()) if m else None


@settings(max_examples=400)
@given(_TEXT)
@example(_ALL_PIECES)
def test_words_before_a_number_read_without_the_regexes_match_them(body: str) -> None:
    for pos in range(len(body) + 1):
        word = q._plain_word_before(body, pos)
        before = body[max(0, pos - 12):pos]
        assert q._rank_before(body, pos, word) == bool(q._RANK_BEFORE.search(before))
        name = q._NAME_BEFORE.search(before)
        assert q._name_before(body, pos, word) == (name.group(1) if name else None)
        assert q._dialled_before(body, pos, word) == bool(q._DIALLED_BEFORE.search(body, max(0, pos - 12), pos))
        assert _span(q._approx_before(body, pos)) == _span(_approx_reference(body, pos))
        if word is not None and word.lower() not in q._APPROX_LAST:  # the shortcut taken for such words
            assert _approx_reference(body, pos) is None
        if word is not None and word.islower() and q._word_end(word) not in q._RANK_OR_DIAL_WORDS:
            assert not (q._RANK_BEFORE.search(before) or q._NAME_BEFORE.search(before)
                        or q._DIALLED_BEFORE.search(body, max(0, pos - 12), pos))


@settings(max_examples=400)
@given(_TEXT)
@example(_ALL_PIECES)
def test_currency_and_unit_shortcuts_match_the_patterns(body: str) -> None:
    for pos in range(len(body) + 1):
        expected = (q._CUR_BEFORE.search(body, max(0, pos - 5), pos)
                    if pos and body[pos - 1] in "$£€¥₹ ." else None)
        assert _span(q._currency_before(body, pos)) == _span(expected)
        assert _span(q._currency_after(body, pos)) == _span(q._CURRENCY_TAIL.match(body, pos))
        if q._cannot_start(body, pos, q._OF_FIRST):
            assert q._OF_DET.match(body, pos) is None
        if q._cannot_start(body, pos, q._AND_FIRST):
            assert q._AND_A_HALF.match(body, pos) is None
        assert (body[pos:pos + 1] in q._GLUED_UNIT_FIRST) >= bool(q._GLUED_UNIT.match(body, pos))
        assert (body[pos:pos + 1] in q._ASCII_LETTERS) == bool(q._GLUED.match(body, pos))


def _phone_reference(body: str, start: int, end: int) -> bool:
    if body[end:end + 1] == ":" and body[end + 1:end + 2].isdigit():
        return True
    left, right = start, end
    while left > 0 and body[left - 1] in q._PHONE_CHARS:
        left -= 1
    while right < len(body) and body[right] in q._PHONE_CHARS:
        right += 1
    run = body[left:right].strip(" .-")
    return run != body[start:end] and bool(q._PHONE.fullmatch(run))


@settings(max_examples=400)
@given(_TEXT)
@example(_ALL_PIECES)
@example("Call 555-123-4567 or +44 20 7946 0958 at 16:08, (20) 7946 or 5.-3 5 -3 7- 8 9 .(1 2-(")
def test_phone_numbers_found_without_walking_the_text_match_the_walk(body: str) -> None:
    for m in re.finditer(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?", body):
        assert q._phone_or_clock(body, *m.span()) == _phone_reference(body, *m.span())
        num = m.group()
        assert q._digits_value(num) == number_value(num)


@settings(max_examples=300)
@given(_TEXT)
@example(_ALL_PIECES)
def test_multiples_fractions_and_halves_found_from_their_words_match_a_full_scan(body: str) -> None:
    for pattern, starts in ((q._VAGUE, q._multiple_starts(body)), (q._A_FRACTION, q._fraction_starts(body)),
                            (q._HALF, [m.start() for w in q._HALF_WORDS for m in w.finditer(body)])):
        assert [m.span() for m in q._matches_at(pattern, body, starts)] == [m.span() for m in pattern.finditer(body)]


_SPANS = st.lists(st.tuples(st.integers(0, 400), st.integers(1, 200)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=300)
@given(_SPANS, st.integers(0, 600), st.integers(1, 60))
def test_the_blocked_mask_agrees_with_the_blocked_spans(spans, start, length) -> None:
    blocked = sorted(spans)
    covered = q._covered(blocked, 700)
    for pos in range(700):
        inside = any(s <= pos < e and s > pos - q._MAX_BLOCK for s, e in blocked)
        assert bool(covered[pos]) == inside
    body = "x" * 700
    facet = q.Facet("quantity", start, start + length, body[start:start + length])
    if covered.find(1, start - 1 if start else 0, start + length) < 0:  # then trimming leaves it as it is
        assert q._trim_to_free(body, blocked, facet) is facet and facet.end == start + length


def test_bare_scale_after_digits_never_has_an_article() -> None:
    body = "It cost 45 million and a million and an  million."
    for m in q._WORD_QUANTITY.finditer(body):
        s = m.start()
        if body[s - 1:s] == " " and body[s - 2:s - 1] in q._DIGIT_CHARS:
            assert q._A_BEFORE.search(body, max(0, s - 4), s) is None


@settings(max_examples=300)
@given(st.one_of(st.integers(-10**15, 10**15), st.floats(0, 1e6, allow_nan=False)),
       st.sampled_from(sorted(set(q.SCALES.values()))))
def test_scaling_an_int_directly_matches_the_decimal_route(value, scale) -> None:
    from decimal import Decimal
    d = Decimal(str(value)) * scale
    assert q.scaled(value, scale) == (int(d) if d == d.to_integral_value() else float(d))


@pytest.mark.parametrize("text, expected", [("12", [("12", 12, None)]), ("Votes\n\n 40", [("40", 40, None)])])
def test_a_number_ending_the_text_is_read(text, expected):
    assert quantities(text) == expected
