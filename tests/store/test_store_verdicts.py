"""store.verdicts: verdict rows and history rows, read and written with no rules (those are ops/verdicts.py's)."""
from __future__ import annotations

import pytest

from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError
from factcheck_app.store.transaction import write
from factcheck_app.store.verdicts import (
    authors_since_review,
    corrections,
    delete_verdict,
    get_verdict,
    put_verdict,
    record_change,
    verdict_history,
    was_published,
)


def _put(db, claim, who, action, correction=False, **row):
    with write(db):
        before = get_verdict(db, claim)
        after = put_verdict(db, claim, row)
        record_change(db, claim, before, after, action=action, who=who, why=action, correction=correction)
    return after


def test_put_creates_then_updates_the_row_and_checks_the_claim(db, claim_ids):
    claim = claim_ids[0]
    first = _put(db, claim, "Ana", "set", rating="True", scale="truth", checker="Ana")
    assert (first["status"], first["checker"]) == ("draft", "Ana") and first["created_at"]
    assert get_claim(db, claim)["status"] == "checked"
    second = _put(db, claim, "Ana", "rationale", rationale="Because.")
    assert second["id"] == first["id"] and second["rating"] == "True" and second["rationale"] == "Because."
    [a, b] = verdict_history(db, claim)
    assert (a["action"], a["to_rating"], b["action"], b["from_rationale"], b["to_rationale"]) == (
        "set", "True", "rationale", None, "Because.")


def test_authors_since_the_last_review(db, claim_ids):
    claim = claim_ids[0]
    _put(db, claim, "Ana", "set", rating="True", scale="truth", checker="Ana")
    _put(db, claim, "Ben", "rationale", rationale="r")
    assert authors_since_review(db, claim) == ["Ana", "Ben"]
    _put(db, claim, "Cleo", "review", reviewer="Cleo", status="reviewed")
    assert authors_since_review(db, claim) == []
    _put(db, claim, "Dee", "set", rating="False", checker="Dee", status="draft")
    assert authors_since_review(db, claim) == ["Dee"]


def test_published_verdicts_and_their_corrections(db, claim_ids):
    claim = claim_ids[0]
    _put(db, claim, "Ana", "set", rating="True", scale="truth", checker="Ana")
    assert not was_published(db, claim)
    _put(db, claim, "Ed", "publish", status="published")
    assert was_published(db, claim) and corrections(db, claim) == []
    _put(db, claim, "Ana", "rationale", correction=True, rationale="Fixed a figure.")
    assert [c["to_rationale"] for c in corrections(db, claim)] == ["Fixed a figure."]


def test_delete_verdict_reopens_the_claim(db, claim_ids):
    claim = claim_ids[0]
    assert delete_verdict(db, claim) is None
    _put(db, claim, "Ana", "set", rating="True", scale="truth", checker="Ana")
    with write(db):
        removed = delete_verdict(db, claim)
    assert removed["rating"] == "True" and get_verdict(db, claim) is None
    assert get_claim(db, claim)["status"] == "in_progress"


def test_history_of_an_unknown_claim(db):
    with pytest.raises(NotFoundError):
        verdict_history(db, "missing")
