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
    assert found.get("Korean Central News Agency") == "org"
    assert found.get("KCNA") == "org"
    assert found.get("NATO") == "org"
    assert found.get("Foreign Ministry") == "org"


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
