"""Entity finder: people and organisations by the shape of their names."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.extract.entities import find_entities


def _entities(body: str) -> dict[str, str]:
    return {f.text: f.subtype for f in find_entities(body)}


def test_titled_people_and_surnames() -> None:
    body = "Syrian President Bashar al-Assad met envoys on Monday. Later, Assad left Damascus."
    found = _entities(body)
    assert found.get("Bashar al-Assad") == "person"
    assert found.get("Assad") == "person"


def test_organisations_by_suffix_and_acronym() -> None:
    body = ("The Korean Central News Agency (KCNA) said the Foreign Ministry and NATO "
            "had been told; Acme Widgets Inc. declined to comment.")
    found = _entities(body)
    assert found.get("Korean Central News Agency") == "organization"
    assert found.get("KCNA") == "organization"
    assert found.get("NATO") == "organization"
    assert found.get("Foreign Ministry") == "organization"


def test_places_and_sentence_openers_are_not_entities() -> None:
    found = _entities("The United States and France agreed. However, Tuesday was quiet.")
    assert "United States" not in found
    assert "However" not in found and "Tuesday" not in found


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_inside_the_body(body: str) -> None:
    for f in find_entities(body):
        assert 0 <= f.start < f.end <= len(body)
        assert body[f.start:f.end] == f.text


def _found(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.value, f.subtype) for f in find_entities(body)]


def test_countries_and_nationality_adjectives_are_not_entities() -> None:
    body = ("North Korea warned of war. The North Korean envoy watched U.S.-South Korean drills, "
            "and the Japanese government said nothing.")
    assert find_entities(body) == []


def test_a_newspaper_after_a_possessive_country_is_an_organisation_named_as_written() -> None:
    body = "North Korea’s Rodong Sinmun praised the launch. Rodong Sinmun said it was a triumph."
    assert _found(body) == [("Rodong Sinmun", "Rodong Sinmun", "organization"),
                            ("Rodong Sinmun", "Rodong Sinmun", "organization")]


def test_one_word_companies_take_the_class_of_their_full_name_or_descriptor() -> None:
    body = ("Harlow Widgets Inc. posted a loss. Harlow said sales fell. The carmaker Velmora cut jobs, "
            "and Velmora later hired staff. Quenby’s shares rose 4%.")
    found = _found(body)
    assert ("Harlow", "Harlow Widgets Inc.", "organization") in found
    assert [f[2] for f in found if f[0] == "Velmora"] == ["organization", "organization"]
    assert ("Quenby", "Quenby", "organization") in found


def test_people_by_given_name_title_and_surname() -> None:
    body = ("Mining group chief executive Tomas Brandvik resigned. Brandvik, 58, said Senator Alma Reyes "
            "had called. Mr Oduya declined to comment.")
    found = _found(body)
    assert ("Tomas Brandvik", "Tomas Brandvik", "person") in found
    assert ("Brandvik", "Tomas Brandvik", "person") in found
    assert ("Alma Reyes", "Alma Reyes", "person") in found
    assert ("Oduya", "Oduya", "person") in found


def test_clubs_awards_events_objects_and_laws_are_never_people() -> None:
    body = ("Fans of Real Madrid and West Ham watched the American Music Awards. The Black Death reached "
            "Inner Mongolia; the Hubble Space Telescope and the Affordable Care Act were named. "
            "The label Big Machine signed her.")
    for text, _value, subtype in _found(body):
        assert subtype != "person", text
    names = [f[0] for f in _found(body)]
    assert not {"American Music Awards", "Black Death", "Inner Mongolia", "Hubble Space Telescope",
                "Affordable Care Act"} & set(names)
    assert ("Big Machine", "Big Machine", "organization") in _found(body)


def test_full_names_with_particles_and_accents() -> None:
    assert _found("The speech by Richard von Weizsäcker in 1985 is still quoted.") == [
        ("Richard von Weizsäcker", "Richard von Weizsäcker", "person")]


def test_headline_words_are_not_swept_into_names() -> None:
    body = "Republicans Are Following Trump\n\nWelcome Jose\n\nMoving In Israel\n\nHitler's Germany fell in 1945."
    names = {f[0] for f in _found(body)}
    assert not names & {"Republicans Are Following Trump", "Welcome Jose", "Moving In Israel", "Hitler's Germany"}


def test_an_unsure_name_keeps_an_empty_subtype() -> None:
    found = _found("Shares rose after talks between Corvane Halbrook and the regulator ended on Friday.")
    assert found == [("Corvane Halbrook", "Corvane Halbrook", None)]


def test_a_description_after_the_name_and_a_holding_say_what_it_is() -> None:
    body = ("“We won what we came for,” said Niek Stam, the union's chief negotiator. Velbrook, a shipping "
            "company, declined to comment. Shares in Royal Dutch Shell rose 2%. The yard sold Corvane Halbrook, "
            "a regional official said.")
    found = _found(body)
    assert ("Niek Stam", "Niek Stam", "person") in found
    assert ("Velbrook", "Velbrook", "organization") in found
    assert ("Royal Dutch Shell", "Royal Dutch Shell", "organization") in found
    assert ("Corvane Halbrook", "Corvane Halbrook", None) in found  # the clause after it describes someone else


def test_a_short_form_takes_the_full_name_but_a_generic_first_word_does_not() -> None:
    body = ("Harrowgate Shipping Lines bid for the route. Harrowgate said it would hire 200 crew. "
            "The National Ferry Office agreed. National pride was at stake.")
    found = _found(body)
    assert ("Harrowgate", "Harrowgate Shipping Lines", "organization") in found
    assert not any(text == "National" for text, _value, _subtype in found)
