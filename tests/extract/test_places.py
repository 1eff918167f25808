"""Place finder: gazetteer names, sites, and the traps that are not places."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.extract.places import find_places


def _places(body: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.value, f.subtype) for f in find_places(body)}


def test_countries_cities_and_aliases_get_canonical_names() -> None:
    body = "Officials in Damascus said the U.S. and the UK had warned Syria, as Paris and Tokyo watched."
    found = _places(body)
    assert found["U.S."] == ("United States", "country")
    assert found["UK"] == ("United Kingdom", "country")
    assert found["Syria"] == ("Syria", "country")
    assert found["Damascus"][1] == "city"
    assert found["Tokyo"][1] == "city"


def test_regions_states_and_continents() -> None:
    found = _places("Tensions rose across the Middle East and in Europe, while Texas and Ontario stayed calm.")
    assert found["Middle East"][1] == "region"
    assert found["Europe"][1] == "region"
    assert found["Texas"][1] == "region"
    assert found["Ontario"][1] == "region"


def test_facility_phrases_are_sites_without_their_determiner() -> None:
    body = ("Jets struck a Syrian military airfield near Homs; the secret Kibar nuclear site was "
            "bombed, and flights left Changi International Airport.")
    found = _places(body)
    assert found["Syrian military airfield"][1] == "site"
    assert found["Kibar nuclear site"][1] == "site"
    assert found["Changi International Airport"][1] == "site"


def test_nationality_adjectives_are_not_places() -> None:
    found = _places("American and Syrian officials met a British envoy and Japanese diplomats.")
    assert found == {}


def test_common_word_city_names_need_a_locative_cue() -> None:
    assert _places("Reading the report, officials found nothing new.") == {}
    assert _places("Mobile phone sales fell.") == {}
    assert "Reading" in _places("The band played in Reading last night.")
    assert "Mobile" in _places("The plant in Mobile, Alabama will assemble jets.")


def test_names_inside_other_names_are_not_places() -> None:
    body = ("Singapore Airlines flew to Paris. The Washington Post and Air France reported that "
            "Fritz Henderson spoke; Henderson said GM would recover.")
    found = _places(body)
    assert "Paris" in found
    assert not {"Singapore", "Washington", "France", "Henderson"} & set(found)


def test_currency_forms_are_not_places() -> None:
    assert _places("Ford paid US$78 million for the stake.") == {}


def test_offsets_point_into_the_body() -> None:
    body = "Pyongyang is believed to have helped build the Kibar nuclear site in Syria."
    for f in find_places(body):
        assert body[f.start:f.end] == f.text
        assert f.kind == "place"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_inside_the_body(body: str) -> None:
    for f in find_places(body):
        assert 0 <= f.start < f.end <= len(body)
        assert body[f.start:f.end] == f.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Syria", "the U.S.", "Reading", "air base", "Kibar", "nuclear",
                                 "site", ",", ".", "\n", " ", "in", "Mobile", "Air", "France",
                                 "‘", "’", "St.", "Louis", "-based"]), max_size=30))
def test_never_raises_on_place_like_word_salad(words: list[str]) -> None:
    body = " ".join(words)
    for f in find_places(body):
        assert body[f.start:f.end] == f.text


def test_the_place_table_builds_where_the_module_source_cannot_be_read(monkeypatch, tmp_path):
    # A PyInstaller bundle ships bytecode only: the cache stamp must not need gazetteer.py's text.
    from pathlib import Path

    from factcheck_app.extract import gazetteer

    real_read_text = Path.read_text

    def no_source(self, *args, **kwargs):
        if self.name == "gazetteer.py":
            raise FileNotFoundError(self)
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", no_source)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    gazetteer._cache_stamp.cache_clear()
    gazetteer._tables.cache_clear()
    try:
        from factcheck_app import __version__

        assert gazetteer._cache_stamp().split("|")[-2] == f"factcheck {__version__}"
        table, _ = gazetteer._tables()
        assert table["France"].subtype == "country"
    finally:
        gazetteer._cache_stamp.cache_clear()
        gazetteer._tables.cache_clear()
