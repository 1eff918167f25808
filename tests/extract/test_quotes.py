"""Quote finder: quotation marks of every kind and who said the words."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.extract.quotes import find_quotes


def _speakers(body: str) -> list[tuple[str, str | None]]:
    return [(f.value, f.speaker) for f in find_quotes(body)]


def test_speaker_after_the_quote() -> None:
    body = "“We will not back down from our plans,” the mayor said on Monday."
    assert _speakers(body) == [("We will not back down from our plans,", "the mayor")]


def test_inverted_attribution_and_straight_marks() -> None:
    body = '"The budget is balanced for the first time," said Finance Minister Anna Berg.'
    assert _speakers(body)[0][1] == "Finance Minister Anna Berg"


def test_speaker_before_the_quote_with_words_between() -> None:
    body = "Trump tweeted Tuesday that the United States will “solve the problem” of North Korea."
    assert _speakers(body) == [("solve the problem", "Trump")]


def test_pronoun_resolves_to_the_previous_speaker() -> None:
    body = ("“Prices will rise again next year,” the central bank said in a statement. "
            "“Inflation remains too high for comfort in most regions,” it added.")
    assert [s for _, s in _speakers(body)] == ["the central bank", "the central bank"]


def test_reported_speech_keeps_the_outer_reporter() -> None:
    body = ("The letter said the two governments were “committed to a lasting peace in the "
            "region and beyond,” the agency reported.")
    assert _speakers(body)[0][1] == "the agency"


def test_coordinated_verb_takes_the_sentence_subject() -> None:
    body = ("Last month, Japan's Foreign Ministry issued a protest and reiterated Japan's "
            "“firm opposition to any unilateral change of the status quo.”")
    assert _speakers(body)[0][1] == "Japan's Foreign Ministry"


def test_according_to() -> None:
    body = "According to the report, the plant was “operating well beyond its design limits.”"
    assert _speakers(body)[0][1] == "the report"


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    body = "“They told us ‘wait here’ and then they left us for hours,” said Maria Lopez."
    found = find_quotes(body)
    assert len(found) == 1
    assert "‘wait here’" in found[0].value
    assert found[0].speaker == "Maria Lopez"


def test_quote_across_sentences_is_one_facet() -> None:
    body = "“We tried. We failed. We will try again next season,” the coach said."
    found = find_quotes(body)
    assert len(found) == 1
    assert found[0].value.startswith("We tried. We failed.")


def test_guillemets() -> None:
    body = "« Nous ne céderons pas aux menaces », a déclaré le ministre, Reuters reported."
    assert len(find_quotes(body)) == 1


def test_scare_quotes_without_a_speaker_are_skipped() -> None:
    body = "The so-called “peace plan” was shelved, and critics mocked its ‘road map’."
    assert find_quotes(body) == []


def test_multi_paragraph_quote() -> None:
    body = ("“The first part of the statement runs on for a while,\n\n"
            "“and the second paragraph finishes it,” the minister said.")
    found = find_quotes(body)
    assert len(found) == 2
    assert all(f.speaker == "the minister" for f in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”‘’\"«».,\nSaid he")), max_size=200))
def test_never_raises_and_spans_are_inside_the_body(body: str) -> None:
    for f in find_quotes(body):
        assert 0 <= f.start < f.end <= len(body)
        assert body[f.start:f.end] == f.text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(body: str) -> None:
    for f in find_quotes(body):
        assert body[f.start:f.end] == f.text


def _pipeline_speakers(body: str) -> list[str | None]:
    from factcheck_app.extract.pipeline import extract_claims

    return [f.speaker for c in extract_claims(body, "2019-11-14") for f in c.facets if f.kind == "quote"]


def test_an_opening_phrase_is_not_a_speaker() -> None:
    body = ("In her first Instagram post after the long summer break at the lake, "
            "“I am leaving the band for good,” the singer wrote.")
    assert _pipeline_speakers(body) == ["the singer"]


def test_a_pronoun_names_the_one_person_named_before_it_or_no_one() -> None:
    one = "Harbour master Lena Holt inspected the quay on Monday. “The wall will hold all winter,” she said."
    assert _pipeline_speakers(one) == ["Lena Holt"]
    two = ("Mayor Tomas Brandvik met Gen. Ada Okafor at the quay. "
           "“The troops are ready for anything the storm brings,” she said.")
    assert _pipeline_speakers(two) == [None]


def test_an_earlier_speaker_does_not_carry_over_when_someone_else_is_named() -> None:
    body = ("“We will rebuild the pier by the spring,” Mayor Tomas Brandvik said. "
            "Gen. Ada Okafor, who leads the relief effort, toured the site. "
            "“The troops are ready for anything the storm brings.”")
    assert _pipeline_speakers(body) == ["Mayor Tomas Brandvik", None]
    same = ("“We will rebuild the pier by the spring,” Mayor Tomas Brandvik said. Brandvik toured the site. "
            "“The work starts on Monday.”")
    assert _pipeline_speakers(same) == ["Mayor Tomas Brandvik", "Mayor Tomas Brandvik"]


def test_a_coachs_words_are_the_coachs() -> None:
    body = ("The coach praised his striker Leon Marsh. “He has been the best player in the league this season,” "
            "coach Tom Hale said.")
    assert _pipeline_speakers(body) == ["Tom Hale"]


def test_possessives_party_tags_and_clauses_are_not_speakers() -> None:
    assert _pipeline_speakers("According to Brandvik’s, “the pier was never inspected at all.”") == [None]
    assert _pipeline_speakers("Sen. Ada Reyes, R-Neb., said: “We will vote against the ferry bill.”") == [
        "Sen. Ada Reyes"]
    assert _pipeline_speakers("“The update fixes the flaw for every ferry,” the software as the company said.") == [
        None]
