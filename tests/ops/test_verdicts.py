"""ops.verdicts: named checkers, the second-person review, draft after any change, history and corrections."""
from __future__ import annotations

import pytest

from factcheck_app.ops import verdicts
from factcheck_app.ops.people import MissingPersonError
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.verdicts import corrections, get_verdict, verdict_history


@pytest.mark.parametrize("nobody", [None, "", "   "])
def test_a_rating_without_a_named_person_is_refused_and_nothing_is_written(lib, claim_ids, nobody):
    with pytest.raises(MissingPersonError, match="--by NAME"):
        verdicts.set_rating(lib, claim_ids[0], "True", by=nobody)
    assert get_verdict(lib.db, claim_ids[0]) is None
    assert verdict_history(lib.db, claim_ids[0]) == []


def test_the_rating_names_the_person_who_gave_it(lib, claim_ids):
    result = verdicts.set_rating(lib, claim_ids[0], "mostly true", by="  Ana  Lima ")
    assert (result.value["rating"], result.value["checker"], result.value["status"]) == ("Mostly true", "Ana Lima", "draft")
    assert claim_ids[0] in result.changes.claim_ids and result.changes.article_ids
    [entry] = verdict_history(lib.db, claim_ids[0])
    assert (entry["action"], entry["changed_by"], entry["to_rating"]) == ("set", "Ana Lima", "Mostly true")


def test_whoever_wrote_the_rationale_cannot_review(lib, claim_ids):
    # The app's bypass: a rating by Ana, the rationale by Ben, then "Mark reviewed" by Ben.
    claim = claim_ids[0]
    verdicts.set_rating(lib, claim, "False", by="Ana")
    verdicts.set_rationale(lib, claim, "The office's own table says otherwise.", by="Ben")
    with pytest.raises(ValidationError, match="second checker"):
        verdicts.review_verdict(lib, claim, by="ben")
    with pytest.raises(ValidationError, match="second checker"):
        verdicts.review_verdict(lib, claim, by="Ana")
    assert get_verdict(lib.db, claim)["status"] == "draft"
    assert verdicts.review_verdict(lib, claim, by="Cleo").value["reviewer"] == "Cleo"


def test_a_change_after_review_returns_to_draft_and_cannot_be_published_by_its_author(lib, claim_ids):
    # The command line's bypass: reviewed by B, then B sets the rating and asks for publication.
    claim = claim_ids[0]
    verdicts.set_rating(lib, claim, "True", by="A")
    verdicts.review_verdict(lib, claim, by="B")
    after = verdicts.set_rating(lib, claim, "True", by="B").value
    assert (after["status"], after["reviewer"], after["checker"]) == ("draft", None, "B")
    with pytest.raises(ValidationError, match="reviewed"):
        verdicts.publish_verdict(lib, claim, by="B")
    with pytest.raises(ValidationError, match="second checker"):
        verdicts.review_verdict(lib, claim, by="B")
    verdicts.review_verdict(lib, claim, by="A")
    assert verdicts.publish_verdict(lib, claim, by="Editor").value["status"] == "published"


def test_only_a_reviewed_verdict_is_published(lib, claim_ids):
    claim = claim_ids[0]
    with pytest.raises(ValidationError, match="no verdict"):
        verdicts.publish_verdict(lib, claim, by="Editor")
    verdicts.set_rating(lib, claim, "False", by="Ana")
    with pytest.raises(ValidationError, match="reviewed"):
        verdicts.publish_verdict(lib, claim, by="Editor")


def test_rationale_edits_are_history_and_after_publication_corrections(lib, claim_ids):
    claim = claim_ids[0]
    verdicts.set_rating(lib, claim, "False", by="Ana")
    verdicts.set_rationale(lib, claim, "First reasoning.", by="Ana")
    verdicts.review_verdict(lib, claim, by="Ben")
    first = verdicts.publish_verdict(lib, claim, by="Ben").value
    assert corrections(lib.db, claim) == []
    verdicts.set_rationale(lib, claim, "Corrected reasoning.", by="Ana", why="a figure was misread")
    verdicts.set_rating(lib, claim, "Half true", by="Ana", why="new table")
    fixes = corrections(lib.db, claim)
    assert [(f["action"], f["from_rationale"], f["to_rationale"], f["why"]) for f in fixes][0] == (
        "rationale", "First reasoning.", "Corrected reasoning.", "a figure was misread")
    assert [(f["from_rating"], f["to_rating"]) for f in fixes][1] == ("False", "Half true")
    now = get_verdict(lib.db, claim)
    assert now["status"] == "draft" and now["published_at"] == first["published_at"]


def test_rationale_needs_a_rating_first(lib, claim_ids):
    with pytest.raises(ValidationError, match="Rate the claim"):
        verdicts.set_rationale(lib, claim_ids[0], "Why", by="Ana")


def test_an_unchanged_verdict_writes_nothing(lib, claim_ids):
    verdicts.set_rating(lib, claim_ids[0], "True", by="Ana")
    result = verdicts.set_rating(lib, claim_ids[0], "True", by="Ana")
    assert not result.changes and result.undo is None
    assert len(verdict_history(lib.db, claim_ids[0])) == 1


def test_undo_and_redo_restore_the_verdict_exactly(lib, claim_ids):
    claim = claim_ids[0]
    verdicts.set_rating(lib, claim, "False", by="Ana")
    reviewed = verdicts.review_verdict(lib, claim, by="Ben")
    change = verdicts.set_rating(lib, claim, "True", by="Ana")
    assert get_verdict(lib.db, claim)["status"] == "draft"
    redo = change.undo(lib)
    assert get_verdict(lib.db, claim) == {**reviewed.value, "updated_at": get_verdict(lib.db, claim)["updated_at"]}
    redo.undo(lib)
    assert get_verdict(lib.db, claim)["rating"] == "True"
    first = verdicts.clear_verdict(lib, claim, by="Ana")
    assert get_verdict(lib.db, claim) is None and get_claim(lib.db, claim)["status"] == "in_progress"
    first.undo(lib)
    assert get_verdict(lib.db, claim)["rating"] == "True"


def test_undoing_the_first_rating_leaves_no_verdict(lib, claim_ids):
    claim = claim_ids[0]
    result = verdicts.set_rating(lib, claim, "True", by="Ana")
    result.undo(lib)
    assert get_verdict(lib.db, claim) is None
    assert get_claim(lib.db, claim)["status"] == "open"


def test_unknown_rating_or_scale_is_refused(lib, claim_ids):
    with pytest.raises(ValidationError):
        verdicts.set_rating(lib, claim_ids[0], "Sort of", by="Ana")
    with pytest.raises(Exception, match="scale"):
        verdicts.set_rating(lib, claim_ids[0], "True", scale="nonexistent", by="Ana")
    assert get_verdict(lib.db, claim_ids[0]) is None
