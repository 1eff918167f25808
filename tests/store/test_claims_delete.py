"""store.claims.delete_claim and re-creating a claim under its old id (exact undo/redo of a hand-made claim)."""
from __future__ import annotations

import pytest

from factcheck_app.core.extraction import Facet
from factcheck_app.store.claims import (
    add_claim,
    delete_claim,
    facet_from_row,
    get_claim,
    list_claims,
)
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence, remove_evidence
from factcheck_app.store.search import search
from factcheck_app.store.sources import add_source
from factcheck_app.store.verdicts import verdict_history
from verdict_support import clear_verdict, publish_verdict, review_verdict, set_verdict


def _facets_of(claim: dict) -> list[tuple]:
    return [(f["kind"], f["start_offset"], f["end_offset"], f["text"], f["value"], f["unit"]) for f in claim["facets"]]


@pytest.fixture
def manual(db, article_id):
    """Return the id of a hand-made claim over the article's first words, with one facet inside it."""
    body = db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    end = body.index(" ", 12)
    facet = Facet(kind="quantity", start=0, end=4, text=body[0:4], value=12.5, unit="km")
    return add_claim(db, article_id, 0, end, [facet])


def test_delete_returns_the_row_and_facets_and_removes_everything(db, article_id, manual):
    before = get_claim(db, manual)
    count = len(list_claims(db, article_id))
    deleted = delete_claim(db, manual)
    assert deleted["id"] == manual
    assert (deleted["start_offset"], deleted["end_offset"], deleted["text"]) == (
        before["start_offset"], before["end_offset"], before["text"])
    assert deleted["origin"] == "manual" and deleted["status"] == "open"
    assert _facets_of(deleted) == _facets_of(before)
    assert len(list_claims(db, article_id)) == count - 1
    assert db.execute("SELECT count(*) FROM facets WHERE claim_id = ?", [manual]).fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        get_claim(db, manual)


def test_a_deleted_claim_comes_back_under_the_same_id(db, article_id, manual):
    before = get_claim(db, manual)
    deleted = delete_claim(db, manual)
    facets = [facet_from_row(f) for f in deleted["facets"]]
    again = add_claim(db, article_id, deleted["start_offset"], deleted["end_offset"], facets, claim_id=manual)
    assert again == manual
    after = get_claim(db, manual)
    assert (after["text"], after["start_offset"], after["end_offset"], after["origin"], after["status"]) == (
        before["text"], before["start_offset"], before["end_offset"], before["origin"], before["status"])
    assert _facets_of(after) == _facets_of(before)
    # The full-text index follows the claim out and back in.
    word = before["text"].split()[0]
    assert manual in {r["id"] for r in search(db, word, ("claim",), 50)}


def test_an_id_in_use_is_refused(db, article_id, manual, claim_ids):
    count = len(list_claims(db, article_id))
    with pytest.raises(ValidationError, match="already exists"):
        add_claim(db, article_id, 0, 10, claim_id=claim_ids[0])
    assert len(list_claims(db, article_id)) == count


def test_existing_callers_still_get_new_ids(db, article_id, manual):
    other = add_claim(db, article_id, 0, 10)
    assert other != manual and get_claim(db, other)["origin"] == "manual"


def test_delete_refused_while_evidence_hangs_on_the_claim(db, manual):
    source_id = add_source(db, "Survey", publisher="Office")
    evidence_id = add_evidence(db, manual, source_id, "supports", "a line")
    with pytest.raises(ValidationError, match="evidence"):
        delete_claim(db, manual)
    assert get_claim(db, manual)["sources"] == 1
    remove_evidence(db, evidence_id)
    delete_claim(db, manual)
    with pytest.raises(NotFoundError):
        get_claim(db, manual)


def test_delete_refused_while_the_claim_has_a_verdict(db, manual):
    set_verdict(db, manual, "False", rationale="The figure is 9 km.")
    with pytest.raises(ValidationError, match="verdict"):
        delete_claim(db, manual)
    assert get_claim(db, manual)["verdict"] == "False"
    # Once the verdict is cleared (its draft history only), the claim can go.
    clear_verdict(db, manual)
    delete_claim(db, manual)
    assert db.execute("SELECT count(*) FROM verdict_history WHERE claim_id = ?", [manual]).fetchone()[0] == 0


def test_delete_refused_when_a_published_verdict_was_on_record(db, manual):
    set_verdict(db, manual, "False", checker="ann")
    review_verdict(db, manual, "bob")
    publish_verdict(db, manual)
    clear_verdict(db, manual)
    with pytest.raises(ValidationError, match="published"):
        delete_claim(db, manual)
    assert get_claim(db, manual)["id"] == manual
    assert verdict_history(db, manual)


def test_delete_of_an_unknown_claim(db):
    with pytest.raises(NotFoundError):
        delete_claim(db, "no-such-claim")
