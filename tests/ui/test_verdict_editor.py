"""The verdict editor in the panel: rating by number and by button, rationale saving, review, warning, history."""
from __future__ import annotations

import pytest

from factcheck_app import user_profile
from factcheck_app.core.rating_scales import NOT_YET_CHECKED
from factcheck_app.ops import evidence as evidence_ops
from factcheck_app.store.errors import StoreBusyError
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.verdicts import get_verdict, verdict_history
from verdict_support import set_verdict
from factcheck_app.ui.panes.verdict_editor import VerdictHistoryModel
from tests.ui.claim_helpers import PanelHarness


@pytest.fixture
def harness(qtbot, library, monkeypatch):
    h = PanelHarness(qtbot, library, monkeypatch)
    h.panel.set_claim(h.claims[0])
    yield h
    h.stack.clear()


def verdict_of(harness, library):
    row = get_verdict(library.db, harness.panel.claim_id)
    return row and (row["rating"], row["scale"], row["checker"], row["status"])


def test_rate_by_number_uses_the_shown_scale(harness, library):
    editor = harness.panel.verdict_editor
    assert editor.current_scale_name() == "truth"
    harness.panel.rate(2)
    assert verdict_of(harness, library) == ("Mostly true", "truth", "ana", "draft")
    assert editor.summary_label.text() == "Verdict: Mostly true (draft)"
    assert [b.isChecked() for b in editor.rating_buttons()][:3] == [False, True, False]
    harness.panel.rate(7)
    assert verdict_of(harness, library)[0] == "Unverifiable"


def test_rate_out_of_range_does_nothing(harness, library):
    harness.panel.rate(0)
    harness.panel.rate(8)
    assert get_verdict(library.db, harness.panel.claim_id) is None
    assert harness.stack.count() == 0 and harness.errors == []


def test_rate_with_the_editor_on_another_scale(harness, library, qtbot):
    editor = harness.panel.verdict_editor
    editor.scale_combo.setCurrentIndex(editor.scale_combo.findData("pinocchio"))
    buttons = editor.rating_buttons()
    assert [b.text() for b in buttons][:2] == ["Geppetto checkmark", "One Pinocchio"]
    assert all(not b.icon().isNull() for b in buttons)  # colour swatch beside the label text
    buttons[3].click()
    assert verdict_of(harness, library) == ("Three Pinocchios", "pinocchio", "ana", "draft")
    assert buttons[3].isChecked()


def test_no_verdict_is_not_yet_checked_and_unverifiable_is_a_verdict(harness, library):
    editor = harness.panel.verdict_editor
    assert editor.summary_label.text() == f"Verdict: {NOT_YET_CHECKED}"
    assert not editor.rationale_edit.isEnabled() and not editor.clear_button.isEnabled()
    harness.panel.rate(7)
    assert editor.summary_label.text() == "Verdict: Unverifiable (draft)"
    editor.clear_button.click()
    assert get_verdict(library.db, harness.panel.claim_id) is None
    assert editor.summary_label.text() == f"Verdict: {NOT_YET_CHECKED}"


def test_rationale_is_saved_after_a_pause_in_typing(harness, library, qtbot):
    editor = harness.panel.verdict_editor
    harness.panel.rate(1)
    editor.rationale_edit.setFocus()
    qtbot.keyClicks(editor.rationale_edit, "Two agencies confirm it.")
    assert get_verdict(library.db, harness.panel.claim_id)["rationale"] is None
    qtbot.waitUntil(lambda: get_verdict(library.db, harness.panel.claim_id)["rationale"] == "Two agencies confirm it.")
    assert not editor.idle_timer.isActive()
    assert harness.stack.count() == 2


def test_rationale_typed_then_claim_switched_is_saved(harness, library, qtbot):
    panel = harness.panel
    first, second = harness.claims
    panel.rate(4)
    qtbot.keyClicks(panel.verdict_editor.rationale_edit, "Typed, then switched away")
    panel.set_claim(second)
    assert get_verdict(library.db, first)["rationale"] == "Typed, then switched away"
    assert panel.verdict_editor.rationale_edit.toPlainText() == ""
    assert not panel.verdict_editor.idle_timer.isActive()
    panel.set_claim(first)
    assert panel.verdict_editor.rationale_edit.toPlainText() == "Typed, then switched away"


def test_rationale_undo_restores_text_in_the_editor(harness, library, qtbot):
    panel = harness.panel
    panel.rate(1)
    qtbot.keyClicks(panel.verdict_editor.rationale_edit, "abc")
    panel.verdict_editor.flush()
    harness.stack.undo()
    assert get_verdict(library.db, panel.claim_id)["rationale"] is None
    assert panel.verdict_editor.rationale_edit.toPlainText() == ""
    harness.stack.redo()
    assert panel.verdict_editor.rationale_edit.toPlainText() == "abc"


def test_rationale_the_store_refuses_is_kept_and_put_back(harness, library, qtbot, monkeypatch):
    panel = harness.panel
    first, second = harness.claims
    panel.rate(1)

    def busy(*args, **kwargs):
        raise StoreBusyError("busy")

    from factcheck_app.ops.verdicts import store as verdict_store

    real = verdict_store.put_verdict
    monkeypatch.setattr(verdict_store, "put_verdict", busy)
    qtbot.keyClicks(panel.verdict_editor.rationale_edit, "Not lost")
    panel.set_claim(second)
    assert harness.errors == ["busy"]
    monkeypatch.setattr(verdict_store, "put_verdict", real)
    panel.set_claim(first)
    assert panel.verdict_editor.rationale_edit.toPlainText() == "Not lost"
    panel.verdict_editor.flush()
    assert get_verdict(library.db, first)["rationale"] == "Not lost"


def test_second_checker_marks_reviewed_and_same_checker_is_refused(harness, library):
    panel, editor = harness.panel, harness.panel.verdict_editor
    panel.rate(1)
    assert editor.review_button.isEnabled()
    editor.review_button.click()
    assert harness.errors == ["ana set the rating or wrote the rationale of this verdict; a second checker must review it."]
    assert get_verdict(library.db, panel.claim_id)["status"] == "draft"
    user_profile.set_user_name("ben")
    editor.review_button.click()
    row = get_verdict(library.db, panel.claim_id)
    assert (row["status"], row["reviewer"], row["checker"]) == ("reviewed", "ben", "ana")
    assert editor.summary_label.text() == "Verdict: True (reviewed by ben)"
    assert not editor.review_button.isEnabled()
    assert harness.changed[-1] == panel.claim_id


def test_status_choices_follow_the_review_rule(harness, library):
    panel, editor = harness.panel, harness.panel.verdict_editor
    panel.rate(1)
    model = editor.status_combo.model()
    assert [model.item(i).isEnabled() for i in range(3)] == [True, False, False]
    user_profile.set_user_name("ben")
    editor.review_button.click()
    # Back to draft only by changing the verdict; reviewed can go on to published.
    assert [model.item(i).isEnabled() for i in range(3)] == [False, True, True]
    editor.status_combo.setCurrentIndex(2)
    editor.status_combo.activated.emit(2)
    assert get_verdict(library.db, panel.claim_id)["status"] == "published"
    harness.stack.undo()
    assert get_verdict(library.db, panel.claim_id)["status"] == "reviewed"


def test_the_checker_is_who_set_the_rating_never_typed_over(harness, library, qtbot):
    panel, editor = harness.panel, harness.panel.verdict_editor
    panel.rate(1)
    assert editor.checker_edit.text() == "ana" and editor.checker_edit.isReadOnly()
    user_profile.set_user_name("carla")
    panel.rate(2)
    assert get_verdict(library.db, panel.claim_id)["checker"] == "carla"
    assert editor.checker_edit.text() == "carla"


def test_two_source_warning_appears_and_disappears(harness, library):
    panel, editor = harness.panel, harness.panel.verdict_editor
    claim = panel.claim_id
    assert editor.warning_box.isHidden()  # no verdict yet
    panel.rate(1)
    assert not editor.warning_box.isHidden()
    assert "no independent source" in editor.warning_box.text()
    panel.source_search.attachRequested.emit(harness.sources["pentagon"], "supports")
    assert not editor.warning_box.isHidden() and "1 independent source;" in editor.warning_box.text()
    panel.source_search.attachRequested.emit(harness.sources["briefing"], "supports")  # same publisher
    assert not editor.warning_box.isHidden()
    panel.source_search.attachRequested.emit(harness.sources["imagery"], "context")  # context does not count
    assert not editor.warning_box.isHidden()
    evidence_id = panel.evidence_view.current_evidence_id()
    harness.runner.run(evidence_ops.edit_evidence, evidence_id, stance="supports")
    assert editor.warning_box.isHidden()
    harness.stack.undo()
    assert not editor.warning_box.isHidden()
    assert claim == panel.claim_id


def test_history_lists_changes_newest_first(harness, library, qtmodeltester):
    panel, editor = harness.panel, harness.panel.verdict_editor
    panel.rate(5)
    panel.rate(6)
    model = editor.history_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    first_line = model.index(0).data()
    assert "ana: False → Pants on fire" in first_line
    assert "ana: Not yet checked → False (draft)" in model.index(1).data()


def test_history_model_describes_removal(qtmodeltester):
    model = VerdictHistoryModel()
    model.set_rows([{"changed_at": "2026-01-02T03:04:05+00:00", "changed_by": None, "from_rating": "True",
                     "to_rating": None, "from_status": "draft", "to_status": None, "why": "verdict removed"}])
    qtmodeltester.check(model)
    assert model.index(0).data() == "2026-01-02 03:04  someone: True → Not yet checked · verdict removed"


def test_verdict_on_a_scale_not_shown_keeps_its_scale_in_the_summary(harness, library):
    set_verdict(library.db, harness.claims[1], "Four Pinocchios", scale="pinocchio", checker="x")
    harness.panel.set_claim(harness.claims[1])
    editor = harness.panel.verdict_editor
    assert editor.current_scale_name() == "pinocchio"
    assert editor.summary_label.text() == "Verdict: Four Pinocchios (draft)"
    editor.scale_combo.setCurrentIndex(editor.scale_combo.findData("labels"))
    assert not any(b.isChecked() for b in editor.rating_buttons())
    assert editor.summary_label.text() == "Verdict: Four Pinocchios (draft, Pinocchio scale)"
    editor.refresh()  # a refresh keeps the scale the checker is looking at
    assert editor.current_scale_name() == "labels"
    assert len(verdict_history(library.db, harness.claims[1])) == 1


def test_evidence_for_the_warning_counts_independent_publishers(harness, library):
    claim = harness.panel.claim_id
    add_evidence(library.db, claim, harness.sources["pentagon"], "supports")
    add_evidence(library.db, claim, harness.sources["imagery"], "refutes")
    harness.panel.set_claim(claim)
    harness.panel.rate(3)
    assert harness.panel.verdict_editor.warning_box.isHidden()
