"""The one undo command type: an operation runs, its inverse undoes it, the inverse's inverse redoes it."""
from __future__ import annotations

from functools import partial

from factcheck_app import user_profile
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.store.errors import ValidationError
from factcheck_app.ui.commands.op_runner import PERSON, OpRunner
from factcheck_app.ui.dialogs import prompts


class Box:
    """A stand-in for a library row: operations below change its value and say so."""

    def __init__(self) -> None:
        self.value = "first"
        self.by: list[str | None] = []
        self.refuse_undo = False

    def set_value(self, _library, value: str, *, by: str | None = None) -> OpResult:
        if value == "bad":
            raise ValidationError("That value is not allowed.")
        if self.refuse_undo and value == "first":
            raise ValidationError("The row is gone.")
        before, self.value = self.value, value
        self.by.append(by)
        return OpResult(changes=Changes.of(claims=[f"claim-{value}"]), value=value,
                        undo=partial(self.set_value, value=before, by=by), label=f"Set {value}")


def walk(runner: OpRunner, box: Box, moves: str) -> list[str]:
    """Press undo (u) and redo (r) in turn; return the value after each press."""
    seen = []
    for move in moves:
        (runner.undo_stack.undo if move == "u" else runner.undo_stack.redo)()
        seen.append(box.value)
    return seen


def test_run_undo_redo_each_emit_what_changed(qtbot, runner):
    box = Box()
    seen: list[Changes] = []
    runner.changed.connect(seen.append)
    result = runner.run(box.set_value, "second")
    assert result.value == "second" and box.value == "second"
    assert runner.undo_stack.count() == 1 and runner.undo_stack.undoText() == "Set second"
    assert walk(runner, box, "uru") == ["first", "second", "first"]
    assert [sorted(c.claim_ids) for c in seen] == [["claim-second"], ["claim-first"], ["claim-second"], ["claim-first"]]


def test_a_refused_operation_says_why_and_is_not_pushed(qtbot, runner, dialog_log):
    box = Box()
    seen = []
    runner.changed.connect(seen.append)
    assert runner.run(box.set_value, "bad", refused="Cannot set it") is None
    assert runner.undo_stack.count() == 0 and seen == [] and box.value == "first"
    assert dialog_log.calls[-1]["title"] == "Cannot set it"
    assert dialog_log.calls[-1]["text"] == "That value is not allowed."


def test_an_undo_that_fails_is_dropped_with_a_message(qtbot, runner, dialog_log):
    box = Box()
    runner.run(box.set_value, "second")
    box.refuse_undo = True
    runner.undo_stack.undo()
    assert box.value == "second"
    assert runner.undo_stack.count() == 0  # obsolete: QUndoStack dropped the step
    assert "cannot be undone" in dialog_log.texts() and "The row is gone." in dialog_log.texts()


def test_steps_with_one_merge_key_undo_together_and_redo_to_the_last(qtbot, runner):
    box = Box()
    for text in ("a", "ab", "abc"):
        runner.run(box.set_value, text, merge_key=("rationale", "claim-1"))
    runner.run(box.set_value, "other")
    assert runner.undo_stack.count() == 2
    assert walk(runner, box, "uur") == ["abc", "first", "abc"]


def test_the_checker_is_asked_once_and_remembered_for_the_command_line_too(qtbot, runner, monkeypatch):
    box = Box()
    asked = []
    monkeypatch.setattr(prompts, "ask_text", lambda *a: asked.append(a) or "  Ada   Lovelace ")
    runner.run(box.set_value, "second", by=PERSON)
    runner.run(box.set_value, "third", by=PERSON)
    assert box.by == ["Ada Lovelace", "Ada Lovelace"]
    assert len(asked) == 1
    assert user_profile.get_user_name() == "Ada Lovelace"


def test_no_name_given_means_nothing_is_written(qtbot, runner, monkeypatch, dialog_log):
    box = Box()
    monkeypatch.setattr(prompts, "ask_text", lambda *a: None)
    assert runner.run(box.set_value, "second", by=PERSON) is None
    assert box.value == "first" and runner.undo_stack.count() == 0
    assert "give your name" in dialog_log.texts()
    # The operating-system account never stands in for the checker.
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "   ")
    assert runner.run(box.set_value, "second", by=PERSON) is None
    assert box.by == [] and user_profile.get_user_name() == ""


def test_an_operation_that_requires_a_person_refuses_a_missing_one(qtbot, runner, dialog_log):
    def sign(_library, *, by):
        require_person(by, "signing")
        return OpResult(changes=Changes())

    assert runner.run(sign, by=None) is None
    assert "No checker named" in dialog_log.texts()


def test_without_a_library_nothing_runs(qtbot):
    runner = OpRunner()
    box = Box()
    assert runner.run(box.set_value, "second") is None and box.value == "first"
    assert not runner.writable


def test_a_refusal_can_go_to_the_form_that_asked(qtbot, runner, dialog_log):
    box = Box()
    said = []
    assert runner.run(box.set_value, "bad", on_refusal=said.append) is None
    assert said == ["That value is not allowed."] and dialog_log.calls == []
