"""store.verdicts: every change is in the history, with who, when, from, to and why."""
from __future__ import annotations

import pytest

from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.verdicts import (
    clear_verdict,
    corrections,
    get_verdict,
    publish_verdict,
    review_verdict,
    set_verdict,
    verdict_history,
)


def test_first_verdict_creates_the_row_and_a_history_entry(db, claim_ids):
    claim = claim_ids[0]
    assert get_verdict(db, claim) is None
    row = set_verdict(db, claim, "mostly TRUE", rationale="r", checker="Ana", why="first look")
    assert (row["rating"], row["scale"], row["status"], row["checker"]) == ("Mostly true", "truth", "draft", "Ana")
    assert get_claim(db, claim)["status"] == "checked"
    [entry] = verdict_history(db, claim)
    assert (entry["from_rating"], entry["to_rating"], entry["changed_by"], entry["why"]) == (
        None, "Mostly true", "Ana", "first look")
    assert entry["changed_at"]


def test_every_change_is_recorded_and_a_no_op_is_not(db, claim_ids):
    claim = claim_ids[0]
    set_verdict(db, claim, "True", checker="Ana")
    set_verdict(db, claim, "True")  # nothing changed
    set_verdict(db, claim, "False", why="new evidence")
    set_verdict(db, claim, "False", rationale="now with a rationale")
    set_verdict(db, claim, "Two Pinocchios", scale="pinocchio", why="desk changed scales")
    history = verdict_history(db, claim)
    assert [(h["from_rating"], h["to_rating"]) for h in history] == [
        (None, "True"), ("True", "False"), ("False", "False"), ("False", "Two Pinocchios")]
    assert history[-1]["scale"] == "pinocchio"
    assert all(h["changed_by"] == "Ana" for h in history)


@pytest.mark.parametrize("rating,scale,status", [("Sort of", None, None), ("True", "nonexistent", None),
                                                 ("True", None, "final")])
def test_bad_verdicts_are_refused_and_nothing_is_recorded(db, claim_ids, rating, scale, status):
    with pytest.raises((ValidationError, NotFoundError)):
        set_verdict(db, claim_ids[0], rating, scale=scale, status=status)
    assert get_verdict(db, claim_ids[0]) is None
    assert verdict_history(db, claim_ids[0]) == []
    assert get_claim(db, claim_ids[0])["status"] == "open"


def test_verdict_on_unknown_claim(db):
    with pytest.raises(NotFoundError):
        set_verdict(db, "missing", "True")
    with pytest.raises(NotFoundError):
        verdict_history(db, "missing")


def test_review_by_a_second_checker(db, claim_ids):
    claim = claim_ids[0]
    with pytest.raises(ValidationError, match="no verdict"):
        review_verdict(db, claim, "Ben")
    set_verdict(db, claim, "False", checker="Ana")
    with pytest.raises(ValidationError, match="second checker"):
        review_verdict(db, claim, " ana ")
    with pytest.raises(ValidationError):
        review_verdict(db, claim, "  ")
    row = review_verdict(db, claim, "Ben")
    assert (row["status"], row["reviewer"]) == ("reviewed", "Ben")
    last = verdict_history(db, claim)[-1]
    assert (last["from_status"], last["to_status"], last["changed_by"], last["why"]) == ("draft", "reviewed", "Ben", "reviewed")


def test_publish_and_the_corrections_log(db, claim_ids):
    claim = claim_ids[0]
    with pytest.raises(ValidationError):
        publish_verdict(db, claim)
    set_verdict(db, claim, "False", checker="Ana")
    set_verdict(db, claim, "Mostly false", why="before publication: not a correction")
    review_verdict(db, claim, "Ben")
    published = publish_verdict(db, claim, who="Editor")
    assert published["status"] == "published" and published["published_at"]
    assert corrections(db, claim) == []
    set_verdict(db, claim, "Half true", why="new data from the statistics office")
    fixes = corrections(db, claim)
    assert [(c["from_rating"], c["to_rating"], c["why"]) for c in fixes] == [
        ("Mostly false", "Half true", "new data from the statistics office")]
    assert get_verdict(db, claim)["published_at"] == published["published_at"]


def test_clear_verdict_is_recorded_and_reopens_the_claim(db, claim_ids):
    claim = claim_ids[0]
    assert clear_verdict(db, claim) is None
    set_verdict(db, claim, "True", checker="Ana")
    removed = clear_verdict(db, claim, who="Ana", why="wrong claim")
    assert removed["rating"] == "True"
    assert get_verdict(db, claim) is None
    assert get_claim(db, claim)["status"] == "in_progress"
    last = verdict_history(db, claim)[-1]
    assert (last["from_rating"], last["to_rating"], last["why"]) == ("True", None, "wrong claim")


def test_history_is_written_on_every_verdict_change_of_many_claims(db, claim_ids):
    changes = 0
    for round_ in range(3):
        for i, claim in enumerate(claim_ids):
            set_verdict(db, claim, ["True", "False", "Half true"][(i + round_) % 3], why=f"round {round_}")
            changes += 1
    assert db.execute("SELECT count(*) FROM verdict_history").fetchone()[0] == changes
