"""Check-worthiness: specific, attributed and hedged claims outrank opinion and scene-setting."""
from __future__ import annotations

import math
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck_app.core.extraction import Facet
from factcheck_app.extract import checkworthiness
from factcheck_app.extract.checkworthiness import (
    _ANAPHORIC_BEFORE,
    _COUNT_ANAPHORIC_BEFORE,
    _CUES,
    _QUOTE_MARKS,
    _SITE_WEIGHT,
    W,
    _harmonic_sum,
    length_term,
    score_sentence,
)
from factcheck_app.extract.cue_words import (
    _CAPTION_AGENCY_RE,
    _CAPTION_CREDIT,
    _CAPTION_START_RE,
    ATTRIBUTION,
    COMPARISON,
    DIGIT_NUMBER_RE,
    HEDGE,
    NOT_PAST_EVENT,
    OPINION,
    PAST_EVENT_RE,
    past_event_count,
    RECORD,
    WORD_NUMBER_RE,
    YEAR_RE,
    is_caption,
)
from factcheck_app.extract.facet_kinds import kind_weight


def _facet(kind: str, text: str, subtype: str | None = None, value: object = None) -> Facet:
    return Facet(kind=kind, start=0, end=len(text), text=text, subtype=subtype, value=value)


def test_specific_numbers_dates_and_sites_rank_above_opinion() -> None:
    claim = "Last year the army fired 40 rockets at the Tartus naval base, officials said."
    opinion = "The two rivals might be the most stubborn leaders in the world."
    claim_score = score_sentence(claim, [_facet("quantity", "40 rockets"),
                                         _facet("date", "Last year", value="2016"),
                                         _facet("place", "Tartus naval base", "site")])
    assert claim_score > score_sentence(opinion, [])


def test_hedges_rank_above_opinion() -> None:
    hedged = "The minister is believed to have received payments from the contractor, according to unconfirmed reports."
    opinion = "It seems the minister could be in for a difficult week, perhaps the worst of his career."
    assert score_sentence(hedged, []) > score_sentence(opinion, [])


def test_questions_and_captions_rank_low() -> None:
    statement = "The factory closed in 2019 after losing 300 jobs."
    question = "Will the factory ever reopen after losing 300 jobs?"
    caption = "In this photo taken in 2019, workers leave the factory. (AP)"
    s = score_sentence(statement, [_facet("date", "2019", value="2019"), _facet("quantity", "300 jobs")])
    assert s > score_sentence(question, [_facet("quantity", "300 jobs")])
    assert s > score_sentence(caption, [_facet("date", "2019", value="2019")])


def test_quoted_rhetoric_ranks_below_a_plain_factual_claim() -> None:
    quoted = "“History will judge those who stood aside and did nothing at all,” the spokesman said."
    factual = "The ministry said 12 people died when the bridge collapsed on Friday."
    assert score_sentence(factual, [_facet("quantity", "12 people")]) > score_sentence(quoted, [_facet("quote", "History")])


@settings(max_examples=200, deadline=None)
@given(st.text(), st.lists(st.sampled_from(["date", "quantity", "place", "quote", "entity", "other"]), max_size=12))
def test_score_is_always_in_unit_interval(text: str, kinds: list[str]) -> None:
    score = score_sentence(text, [_facet(k, "x") for k in kinds])
    assert 0.0 <= score <= 1.0


def test_comparisons_records_and_causes_outrank_promises_and_courtesies() -> None:
    comparison = "Bus fares in the valley rose faster than wages for the third year running."
    record = "The harbour handled more cargo last spring than in any month in its history."
    cause = "The bridge closed because of cracks the inspectors found in its main span."
    promise = "We are going to make this valley a place people want to come back to."
    courtesy = "Thank you all so much for coming out tonight, it is wonderful to be here."
    for claim in (comparison, record, cause):
        assert score_sentence(claim, []) > score_sentence(promise, []), claim
        assert score_sentence(claim, []) > score_sentence(courtesy, []), claim


def test_a_short_statement_outranks_a_short_exclamation() -> None:
    assert score_sentence("Wages in the valley are falling.", []) > score_sentence("Not so fast.", [])


# The score as first written, with every cue, number and verb found by its plain regex: the
# shortcuts score_sentence takes (word sets, bits, token counts, looks only after "the") must
# give the same float, to the last digit, for any text and facets.
def _reference_score(text: str, facets: list[Facet]) -> float:
    if not text or text.isspace():
        return 0.0
    n_words = len(text.split())
    x = -1.6
    x += _reference_facet_evidence(text, facets)
    starts = [m.start() for m in DIGIT_NUMBER_RE.finditer(text)] + [m.start() for m in WORD_NUMBER_RE.finditer(text)]
    numbers = sum(1 for s in starts
                  if not (s and text[s - 1].isspace() and _COUNT_ANAPHORIC_BEFORE.search(text[max(0, s - 8):s])))
    x += W["number"] * min(numbers, 3)
    if re.search(r"\d", text):
        x += W["year"] * min(len(YEAR_RE.findall(text)), 2)
    if ATTRIBUTION.regex.search(text):
        x += W["attribution"]
    if hedges := len(HEDGE.regex.findall(text)):
        x += W["hedge"] * min(hedges, 2)
    past = sum(1 for m in PAST_EVENT_RE.finditer(text) if m.group() not in NOT_PAST_EVENT)
    x += W["past_event"] * min(past, 3)
    record = False
    for cue, weight in _CUES:
        if cue.regex.search(text):
            x += weight
            record = record or cue is RECORD
    if opinions := len(OPINION.regex.findall(text)):
        x -= (0.35 if record else 0.7) * min(opinions, 3)
    if text.rstrip().endswith("?"):
        x -= W["question"]
    if (_CAPTION_START_RE.match(text) or _CAPTION_AGENCY_RE.search(text)
            or _CAPTION_CREDIT.regex.search(text)):
        x -= 2.0
    quoted = sum(len(m.group()) for m in _QUOTE_MARKS.finditer(text))
    x -= 1.6 * (quoted / max(len(text), 1)) ** 1.5
    x += length_term(n_words)
    return 1.0 / (1.0 + math.exp(-x))


def _reference_facet_evidence(text: str, facets: list[Facet]) -> float:
    counts: dict[str, int] = {}
    sites = 0
    specific_dates = 0
    for f in facets:
        if f.kind == "quantity":
            at = text.find(f.text)
            if at > 0 and text[at - 1].isspace() and _ANAPHORIC_BEFORE.search(text[max(0, at - 8):at]):
                continue
        counts[f.kind] = counts.get(f.kind, 0) + 1
        if f.kind == "place" and f.subtype == "site":
            sites += 1
        if f.kind == "date" and f.value and re.match(r"\d{4}", str(f.value)):
            specific_dates += 1
    score = sum(kind_weight(kind) * _harmonic_sum(n) for kind, n in counts.items())
    score += _SITE_WEIGHT * _harmonic_sum(sites)
    score += 0.2 * min(specific_dates, 2)
    return score


# Spaces and marks, numbers, the words before a count, and the cue words, drawn about equally.
_PIECES = st.one_of(
    st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u00a0", ".", ",", "?", "-", "'", "(", ")", "\"", "“", "”", "‘",
                     "’", "«", "»", "—", "£", "$", ":", "_", "é", "x", "\u0130", "\u0131", "\u212a", "\u017f"]),
    st.sampled_from(["1", "22", "1,200", "3.5", "2019", "1990s", "5th", "21ST", "1.5th", "٣", "Ⅻ", "one", "Two", "THREE",
                     "dozens", "million", "first", "tenth", "oneself"]),
    st.sampled_from(["the", "The", "these", "those", "both", "bathe", "fifth"]),
    st.sampled_from([
        "said", "says", "according", "to", "was", "is", "believed", "reportedly", "sources", "claim", "that",
        "might", "most", "famous", "biggest", "ever", "record", "in", "history", "time", "for", "rose", "more",
        "than", "percent", "voted", "law", "because", "of", "thank", "you", "will", "going", "launched", "Launched",
        "need", "speed", "red", "fired", "photo", "Photo", "by", "this", "image", "AP", "Reuters", "via", "good",
        "great"]),
)
_SENTENCE = st.lists(_PIECES, max_size=30).map("".join)


@st.composite
def _sentence_and_facets(draw) -> tuple[str, list[Facet]]:
    text = draw(_SENTENCE)
    facets = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 12)))
        kind = draw(st.sampled_from(["date", "quantity", "place", "quote", "entity", "other"]))
        facets.append(Facet(kind=kind, start=start, end=end, text=text[start:end] or "x",
                            subtype=draw(st.sampled_from([None, "site", "city"])),
                            value=draw(st.sampled_from([None, "", "2016", "2016-04", "PXY", 2016, "٢٠١٦"]))))
    return text, facets


@settings(max_examples=1500, deadline=None)
@given(_sentence_and_facets())
def test_score_matches_the_plain_regex_computation(case: tuple[str, list[Facet]]) -> None:
    text, facets = case
    assert score_sentence(text, facets) == _reference_score(text, facets)


_ASCII_TEXT = st.one_of(st.text(st.characters(max_codepoint=127), max_size=40),
                        st.text(st.sampled_from("0123456789,.stndrhTHx _-\t"), max_size=20))


@settings(max_examples=500)
@given(_ASCII_TEXT)
def test_byte_tables_find_what_the_str_methods_and_regexes_find(text: str) -> None:
    raw = text.lower().encode("ascii")
    assert checkworthiness._ascii_split_count(raw) == len(text.split())
    assert bool(raw.translate(None, checkworthiness._NOT_DIGIT_BYTES)) == (re.search(r"\d", text) is not None)
    assert raw.translate(checkworthiness._ASCII_NOT_WORD_BYTES).decode("ascii").split() == re.findall(r"\w+", text.lower())
    assert (checkworthiness._ASCII_DIGITS_OR_ORDINAL.findall(text)
            == checkworthiness._DIGITS_OR_ORDINAL.findall(text))


@settings(max_examples=500)
@given(_SENTENCE)
def test_word_tokens_are_the_regex_words(text: str) -> None:
    lowered = text.lower()
    assert checkworthiness._word_tokens(lowered) == re.findall(r"\w+", lowered)


@settings(max_examples=1000)
@given(_SENTENCE)
def test_numbers_counted_from_the_tokens_match_the_regex_count(text: str) -> None:
    assume(checkworthiness._EXOTIC.search(text) is None)  # the tokens are those of a plain lower-casing
    lowered = text.lower()
    tokens = checkworthiness._word_tokens(lowered)
    folded = set(tokens)
    has_digit = re.search(r"\d", text) is not None
    both = [m.start() for m in DIGIT_NUMBER_RE.finditer(text)] + [
        m.start() for m in checkworthiness._DIGIT_ORDINAL.finditer(text)]
    assert len(checkworthiness._DIGITS_OR_ORDINAL.findall(text)) == len(both)
    words = checkworthiness._NUMBER_WORDS.intersection(folded)
    assert (checkworthiness._count_token_numbers(text, lowered, tokens, words, has_digit)
            == checkworthiness._count_numbers(text, folded, has_digit, lowered))


@settings(max_examples=500)
@given(_SENTENCE)
def test_a_cue_fires_exactly_where_a_phrase_has_all_its_plain_words(text: str) -> None:
    folded = set(re.findall(r"\w+", text.lower()))
    for cue in (ATTRIBUTION, HEDGE, OPINION, *(c for c, _ in _CUES)):
        expected = any(words <= folded for sets in cue._needed.values() for words in sets
                       if not cue.triggers.isdisjoint(words))
        assert cue.fires(folded) == expected


@settings(max_examples=500)
@given(st.text(st.sampled_from("0123456789٣٢x-T "), max_size=8))
def test_a_value_led_by_a_year_is_what_the_regex_finds(value: str) -> None:
    assert checkworthiness._is_year_led(value) == (re.match(r"\d{4}", value) is not None)


# The plain words of every cue phrase, and what may sit right against them.
_PHRASE_WORDS = sorted({w for cue in (ATTRIBUTION, HEDGE, OPINION, *(c for c, _ in _CUES))
                        for sets in cue._needed.values() for words in sets for w in words})
_PHRASE_TEXT = st.lists(st.one_of(st.sampled_from(_PHRASE_WORDS), st.sampled_from([" ", " ", "x", "é", "1", "\n", "-", "."])),
                        max_size=16).map("".join)


@settings(max_examples=1500)
@given(st.one_of(_SENTENCE, _PHRASE_TEXT))
def test_a_cue_is_found_by_its_phrases_where_its_whole_regex_matches(text: str) -> None:
    exotic = checkworthiness._EXOTIC.search(text) is not None
    folded = {w.lower() for w in re.findall(r"\w+", text.translate(checkworthiness._FOLD))}
    lowered = None if exotic else text.lower()
    for cue in (ATTRIBUTION, HEDGE, OPINION, *(c for c, _ in _CUES)):
        assert cue.found(folded, text, lowered) == (cue.regex.search(text) is not None)


def test_a_phrase_found_by_itself_starts_at_a_word_boundary() -> None:
    text = "more said xmore than ever_ than"
    folded = set(re.findall(r"\w+", text))
    assert not COMPARISON.found(folded, text, text.lower())
    assert COMPARISON.regex.search(text) is None
    assert COMPARISON.found(folded | {"x"}, text + " more than", text.lower() + " more than")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["launched", "Launched", "laUnched", "fired", "need", "seed", "bed", "ed", "red", "ted",
                                 "abed", "xed", "EDed", "édited", "tested_", "_", "2", "é", "ſ", " ", "\n", "-", "’"]),
                max_size=12).map("".join))
def test_past_tense_verbs_found_in_the_reversed_text_are_those_of_the_regex(text: str) -> None:
    expected = sum(1 for w in PAST_EVENT_RE.findall(text) if w not in NOT_PAST_EVENT)
    assert past_event_count(text) == expected


@settings(max_examples=1000)
@given(st.one_of(_SENTENCE, _PHRASE_TEXT))
def test_the_tests_on_words_answer_the_same_given_only_the_words_they_look_for(text: str) -> None:
    folded = set(re.findall(r"\w+", text.lower()))
    hit = checkworthiness._VOCABULARY.intersection(folded)
    lowered = None if checkworthiness._EXOTIC.search(text) else text.lower()
    for cue in (ATTRIBUTION, HEDGE, OPINION, *(c for c, _ in _CUES)):
        assert cue.fires(hit) == cue.fires(folded)
        assert cue.found(hit, text, lowered) == cue.found(folded, text, lowered)
    assert is_caption(text, hit, lowered) == is_caption(text, folded, lowered)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([" ", "\n", "\u00a0", "In", "in", "\u0130n", "\u0131n", "this", "photo", "Photo", "image",
                                 "file", "FILE", ":", "(AP)", "by", "x", "The", "undated", "file photo", "File Photo", "in this photo",
                                 "Photo:", "image :"]), max_size=8).map("".join))
def test_a_caption_opening_is_tried_only_where_its_first_letter_is(text: str) -> None:
    lowered = None if checkworthiness._EXOTIC.search(text) else text.lower()
    folded = {w.lower() for w in re.findall(r"\w+", text.translate(checkworthiness._FOLD))}
    expected = bool(_CAPTION_START_RE.match(text) or _CAPTION_AGENCY_RE.search(text) or _CAPTION_CREDIT.regex.search(text))
    assert is_caption(text, folded, lowered) == expected
