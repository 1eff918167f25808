"""Undo commands over store operations: redo and undo restore the store rows exactly."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from factcheck_app.store.claims import get_claim, set_status
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.evidence import add_evidence, get_evidence, list_evidence, remove_evidence
from factcheck_app.store.verdicts import get_verdict, review_verdict, set_verdict, verdict_history
from factcheck_app.ui.commands.undo_commands import (
    AttachEvidenceCommand,
    ClearVerdictCommand,
    CommandEvents,
    DetachEvidenceCommand,
    EditEvidenceCommand,
    SetVerdictCommand,
    dismiss_command,
)
from tests.ui.claim_helpers import add_sources, import_claims, strip_times


@pytest.fixture
def env(qapp, library):
    events = CommandEvents()
    changed: list[str] = []
    failed: list[str] = []
    events.changed.connect(changed.append)
    events.failed.connect(failed.append)
    stack = QUndoStack()
    claim_id = import_claims(library.db)[0]
    yield {"events": events, "stack": stack, "claim": claim_id, "changed": changed, "failed": failed,
           "sources": add_sources(library.db)}
    stack.clear()


def claim_state(db, claim_id):
    claim = get_claim(db, claim_id)
    return claim["status"], claim["dismiss_reason"]


def test_first_verdict_undo_clears_it_and_restores_claim_status(library, env):
    db, claim = library.db, env["claim"]
    env["stack"].push(SetVerdictCommand(env["events"], library, claim, {"rating": "False", "scale": "truth"}, who="ana"))
    made = get_verdict(db, claim)
    assert (made["rating"], made["scale"], made["checker"], made["status"]) == ("False", "truth", "ana", "draft")
    assert claim_state(db, claim) == ("checked", None)
    env["stack"].undo()
    assert get_verdict(db, claim) is None
    assert claim_state(db, claim) == ("open", None)
    env["stack"].redo()
    again = get_verdict(db, claim)
    assert strip_times(again) == strip_times(made)
    assert env["changed"] == [claim, claim, claim]


def test_changing_a_verdict_undo_restores_the_row_exactly(library, env):
    db, claim = library.db, env["claim"]
    set_verdict(db, claim, "Half true", scale="truth", checker="ana")
    before = get_verdict(db, claim)
    assert before["rationale"] is None
    changes = {"rating": "Mostly false", "rationale": "The count was 59.", "checker": "ben", "status": "draft"}
    env["stack"].push(SetVerdictCommand(env["events"], library, claim, changes))
    after = get_verdict(db, claim)
    assert (after["rating"], after["rationale"], after["checker"]) == ("Mostly false", "The count was 59.", "ben")
    env["stack"].undo()
    assert strip_times(get_verdict(db, claim)) == strip_times(before)
    env["stack"].redo()
    assert strip_times(get_verdict(db, claim)) == strip_times(after)
    # Every change, undo included, is in the history.
    assert [h["to_rating"] for h in verdict_history(db, claim)] == ["Half true", "Mostly false", "Half true", "Mostly false"]


def test_undo_restores_reviewer_kept_by_a_rating_change(library, env):
    db, claim = library.db, env["claim"]
    set_verdict(db, claim, "True", scale="truth", checker="ana")
    review_verdict(db, claim, "ben")
    before = get_verdict(db, claim)
    env["stack"].push(SetVerdictCommand(env["events"], library, claim, {"rating": "Mostly true"}))
    env["stack"].undo()
    assert strip_times(get_verdict(db, claim)) == strip_times(before)
    assert get_verdict(db, claim)["reviewer"] == "ben"


def test_rationale_edits_merge_into_one_undo_step(library, env):
    db, claim = library.db, env["claim"]
    set_verdict(db, claim, "True", scale="truth", checker="ana")
    before = get_verdict(db, claim)
    for text in ("The", "The count", "The count was 59."):
        env["stack"].push(SetVerdictCommand(env["events"], library, claim, {"rationale": text}))
    assert env["stack"].count() == 1
    assert get_verdict(db, claim)["rationale"] == "The count was 59."
    env["stack"].undo()
    assert strip_times(get_verdict(db, claim)) == strip_times(before)
    env["stack"].redo()
    assert get_verdict(db, claim)["rationale"] == "The count was 59."


def test_clear_verdict_and_undo(library, env):
    db, claim = library.db, env["claim"]
    set_verdict(db, claim, "Pants on fire", scale="truth", rationale="No.", checker="ana")
    before, state = get_verdict(db, claim), claim_state(db, claim)
    env["stack"].push(ClearVerdictCommand(env["events"], library, claim, who="ana"))
    assert get_verdict(db, claim) is None
    env["stack"].undo()
    assert strip_times(get_verdict(db, claim)) == strip_times(before)
    assert claim_state(db, claim) == state


def test_attach_undo_redo_keeps_the_evidence_id(library, env):
    db, claim = library.db, env["claim"]
    command = AttachEvidenceCommand(env["events"], library, claim, env["sources"]["pentagon"], "supports",
                                    excerpt="59 Tomahawk missiles", added_by="ana")
    env["stack"].push(command)
    row = get_evidence(db, command.evidence_id)
    assert (row["stance"], row["excerpt"], row["added_by"]) == ("supports", "59 Tomahawk missiles", "ana")
    assert claim_state(db, claim) == ("in_progress", None)
    env["stack"].undo()
    assert list_evidence(db, claim) == []
    assert claim_state(db, claim) == ("open", None)
    env["stack"].redo()
    assert strip_times(get_evidence(db, row["id"])) == strip_times(row)
    assert claim_state(db, claim) == ("in_progress", None)


def test_edit_evidence_undo(library, env):
    db, claim = library.db, env["claim"]
    evidence_id = add_evidence(db, claim, env["sources"]["imagery"], "context", excerpt="Shelters hit", locator="fig 1")
    before = get_evidence(db, evidence_id)
    env["stack"].push(EditEvidenceCommand(env["events"], library, evidence_id,
                                          {"stance": "supports", "excerpt": None, "note": "Seen by two analysts"}))
    after = get_evidence(db, evidence_id)
    assert (after["stance"], after["excerpt"], after["note"], after["locator"]) == (
        "supports", None, "Seen by two analysts", "fig 1")
    env["stack"].undo()
    assert strip_times(get_evidence(db, evidence_id)) == strip_times(before)
    env["stack"].redo()
    assert strip_times(get_evidence(db, evidence_id)) == strip_times(after)


def test_detach_undo_puts_the_same_row_back_in_its_place(library, env):
    db, claim = library.db, env["claim"]
    first = add_evidence(db, claim, env["sources"]["pentagon"], "supports", excerpt="59", added_by="ana")
    second = add_evidence(db, claim, env["sources"]["imagery"], "refutes", note="n")
    set_status(db, claim, "open")  # a checker set it back by hand; undo must not move it on
    rows = [strip_times(r) for r in list_evidence(db, claim)]
    env["stack"].push(DetachEvidenceCommand(env["events"], library, first))
    assert [r["id"] for r in list_evidence(db, claim)] == [second]
    env["stack"].undo()
    assert [strip_times(r) for r in list_evidence(db, claim)] == rows
    assert claim_state(db, claim) == ("open", None)
    env["stack"].redo()
    assert [r["id"] for r in list_evidence(db, claim)] == [second]


def test_dismiss_undo_restores_status_and_reason(library, env):
    db, claim = library.db, env["claim"]
    add_evidence(db, claim, env["sources"]["pentagon"], "supports")
    assert claim_state(db, claim) == ("in_progress", None)
    env["stack"].push(dismiss_command(env["events"], library, claim, "  Opinion, not a fact "))
    assert claim_state(db, claim) == ("dismissed", "Opinion, not a fact")
    env["stack"].undo()
    assert claim_state(db, claim) == ("in_progress", None)
    env["stack"].redo()
    assert claim_state(db, claim) == ("dismissed", "Opinion, not a fact")


def test_dismiss_needs_a_reason(library, env):
    with pytest.raises(ValidationError):
        dismiss_command(env["events"], library, env["claim"], "   ")


def test_a_refused_change_is_reported_and_not_kept_on_the_stack(library, env):
    db, claim = library.db, env["claim"]
    env["stack"].push(SetVerdictCommand(env["events"], library, claim, {"rating": "Two Pinocchios", "scale": "truth"}))
    assert env["stack"].count() == 0
    assert "not a rating on the Six-step truth scale" in env["failed"][0]
    assert get_verdict(db, claim) is None and env["changed"] == []


def test_an_undo_the_store_refuses_is_reported_and_dropped(library, env):
    db, claim = library.db, env["claim"]
    evidence_id = add_evidence(db, claim, env["sources"]["pentagon"], "supports")
    env["stack"].push(EditEvidenceCommand(env["events"], library, evidence_id, {"locator": "p. 2"}))
    remove_evidence(db, evidence_id)  # someone else detached it meanwhile
    env["stack"].undo()
    assert env["failed"] == [f"No evidence with id {evidence_id}."]
    assert env["stack"].count() == 0


def test_a_verdict_needs_a_rating(library, env):
    with pytest.raises(ValidationError):
        SetVerdictCommand(env["events"], library, env["claim"], {"rationale": "typed first"})
