"""store.sources and store.evidence: validation, listing, use counts, undo of a detach, independent sources."""
from __future__ import annotations

import pytest

from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import (
    add_evidence,
    get_evidence,
    independent_source_count,
    list_evidence,
    remove_evidence,
    update_evidence,
)
from factcheck_app.store.sources import (
    add_source,
    delete_source,
    get_source,
    list_sources,
    normalise_tags,
    update_source,
)


def test_add_source_with_every_field(library):
    source_id = add_source(
        library.db, "  Budget 2024  ", url="https://city.example/budget", publisher="City", author="Treasurer",
        published="2024-02", accessed="2024-03-14", kind="official record", reliability="high",
        archive_url="https://archive.example/x", local_file="/tmp/b.pdf", notes="page 4", tags="money, city, money",
    )
    row = get_source(library.db, source_id)
    assert row["title"] == "Budget 2024" and row["published"] == "2024-02" and row["kind"] == "official record"
    assert row["tags"] == "money, city"
    assert row["created_at"] == row["updated_at"]


def test_defaults_and_empty_strings(library):
    row = get_source(library.db, add_source(library.db, "Plain", publisher="", tags=None))
    assert (row["kind"], row["reliability"], row["tags"], row["publisher"]) == ("other", "unknown", "", None)


@pytest.mark.parametrize(
    "fields",
    [{"title": "  "}, {"kind": "rumour"}, {"reliability": "total"}, {"published": "14/03/2024"},
     {"published": "2024-02-30"}, {"url": "javascript:alert(1)"}, {"archive_url": "data:text/html,x"},
     {"colour": "red"}],
)
def test_invalid_source_fields_are_refused(library, fields):
    title = fields.pop("title", "A title")
    with pytest.raises(ValidationError):
        add_source(library.db, title, **fields)
    assert list_sources(library.db) == []


def test_normalise_tags():
    assert normalise_tags(" a, b ,a,, c ") == "a, b, c"
    assert normalise_tags(["x", " y ", "x", ""]) == "x, y"
    assert normalise_tags(None) == ""


def test_update_list_and_delete_source(db, claim_ids):
    a = add_source(db, "b second")
    b = add_source(db, "A first", tags=["t"])
    row = update_source(db, a, title="B second", reliability="low")
    assert row["title"] == "B second" and row["reliability"] == "low"
    with pytest.raises(ValidationError):
        update_source(db, a, title="")
    with pytest.raises(NotFoundError):
        update_source(db, "missing", title="x")
    evidence_id = add_evidence(db, claim_ids[0], a, "supports")
    assert [(s["title"], s["uses"]) for s in list_sources(db)] == [("A first", 0), ("B second", 1)]
    assert len(list_sources(db, limit=1)) == 1
    with pytest.raises(ValidationError, match="cited"):
        delete_source(db, a)
    remove_evidence(db, evidence_id)
    delete_source(db, a)
    delete_source(db, b)
    assert list_sources(db) == []
    with pytest.raises(NotFoundError):
        get_source(db, a)


def test_add_evidence_moves_an_open_claim_to_in_progress(db, claim_ids):
    source_id = add_source(db, "S", publisher="P", url="https://p.example")
    evidence_id = add_evidence(db, claim_ids[0], source_id, "refutes", "the words", "p. 4", "note", "Ana")
    row = get_evidence(db, evidence_id)
    assert (row["stance"], row["excerpt"], row["locator"], row["note"], row["added_by"]) == (
        "refutes", "the words", "p. 4", "note", "Ana")
    assert get_claim(db, claim_ids[0])["status"] == "in_progress"
    [listed] = list_evidence(db, claim_ids[0])
    assert listed["source_title"] == "S" and listed["publisher"] == "P" and listed["url"] == "https://p.example"


@pytest.mark.parametrize("claim,source,stance", [("missing", "ok", "supports"), ("ok", "missing", "supports"),
                                                 ("ok", "ok", "agrees")])
def test_add_evidence_refusals(db, claim_ids, claim, source, stance):
    source_id = add_source(db, "S")
    with pytest.raises((NotFoundError, ValidationError)):
        add_evidence(db, claim_ids[0] if claim == "ok" else claim, source_id if source == "ok" else source, stance)
    assert list_evidence(db, claim_ids[0]) == []
    assert get_claim(db, claim_ids[0])["status"] == "open"


def test_update_evidence(db, claim_ids):
    s1, s2 = add_source(db, "S1"), add_source(db, "S2")
    evidence_id = add_evidence(db, claim_ids[0], s1, "supports")
    row = update_evidence(db, evidence_id, stance="context", excerpt="new", source_id=s2)
    assert (row["stance"], row["excerpt"], row["source_id"]) == ("context", "new", s2)
    with pytest.raises(ValidationError):
        update_evidence(db, evidence_id, stance="nope")
    with pytest.raises(ValidationError):
        update_evidence(db, evidence_id, claim_id=claim_ids[1])
    with pytest.raises(NotFoundError):
        update_evidence(db, evidence_id, source_id="missing")
    with pytest.raises(NotFoundError):
        update_evidence(db, "missing", note="x")


def test_remove_evidence_returns_the_row_for_undo(db, claim_ids):
    source_id = add_source(db, "S")
    evidence_id = add_evidence(db, claim_ids[0], source_id, "supports", excerpt="kept for undo")
    removed = remove_evidence(db, evidence_id)
    assert removed["excerpt"] == "kept for undo"
    assert list_evidence(db, claim_ids[0]) == []
    again = add_evidence(db, removed["claim_id"], removed["source_id"], removed["stance"], removed["excerpt"],
                         evidence_id=removed["id"])
    assert again == evidence_id and get_evidence(db, evidence_id)["excerpt"] == "kept for undo"
    with pytest.raises(NotFoundError):
        remove_evidence(db, "missing")


def test_independent_sources_are_distinct_publishers_not_counting_context(db, claim_ids):
    claim = claim_ids[0]
    for title, publisher, stance in [("A", "Reuters", "supports"), ("B", " reuters ", "refutes"),
                                     ("C", None, "supports"), ("D", "", "supports"), ("E", "AP", "context")]:
        add_evidence(db, claim, add_source(db, title, publisher=publisher), stance)
    assert independent_source_count(db, claim) == 3  # reuters, C, D
    assert independent_source_count(db, claim_ids[1]) == 0
