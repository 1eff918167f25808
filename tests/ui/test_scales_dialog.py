"""Preferences > Rating scales (built-in read-only, custom editable) and Preferences > Organisation."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from factcheck_app.store.scales import get_scale, list_scales
from factcheck_app.store.settings import METHODOLOGY, ORGANISATION_NAME, ORGANISATION_URL, get_setting
from factcheck_app.store.verdicts import get_verdict
from verdict_support import clear_verdict, set_verdict
from factcheck_app.ui.dialogs import scales_dialog
from factcheck_app.ui.dialogs.organisation_dialog import OrganisationDialog
from factcheck_app.ui.dialogs.scales_dialog import ScaleListModel, ScalesDialog, StepsTableModel
from tests.ui.claim_helpers import PanelHarness, import_claims


@pytest.fixture
def dialog(qtbot, runner):
    widget = ScalesDialog(runner)
    qtbot.addWidget(widget)
    return widget


def set_cell(model, row, column, value, role=Qt.ItemDataRole.EditRole):
    assert model.setData(model.index(row, column), value, role)


def test_models_pass_qtmodeltester(dialog, qtmodeltester):
    qtmodeltester.check(dialog.list_model)
    qtmodeltester.check(dialog.steps_model)
    dialog.new_scale()
    qtmodeltester.check(dialog.steps_model)
    empty_list, empty_steps = ScaleListModel(), StepsTableModel()
    qtmodeltester.check(empty_list)
    qtmodeltester.check(empty_steps)


def test_built_in_scales_are_listed_and_read_only(dialog):
    names = [dialog.list_model.index(r).data() for r in range(dialog.list_model.rowCount())]
    assert names == ["Label scale (built-in)", "Pinocchio scale (built-in)", "Six-step truth scale (built-in)"]
    assert dialog.read_only_label.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled() and not dialog.delete_button.isEnabled()
    model = dialog.steps_model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0), "Changed")
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole).name() == "#1b7837"


def test_create_a_custom_scale_that_set_verdict_accepts(dialog, library, monkeypatch):
    dialog.new_scale()
    assert dialog.dirty and dialog.steps_model.rowCount() == 1
    dialog.name_edit.setText("desk")
    dialog.title_edit.setText("Desk scale")
    model = dialog.steps_model
    set_cell(model, 0, 0, "Correct")
    set_cell(model, 0, 2, 3)
    monkeypatch.setattr(scales_dialog, "pick_colour", lambda parent, initial: "#00AA00")
    dialog.choose_colour(0)
    dialog.add_step_button.click()
    set_cell(model, 1, 0, "Wrong")
    set_cell(model, 1, 2, 1)
    dialog.add_step_button.click()
    set_cell(model, 2, 0, "Cannot tell")
    set_cell(model, 2, 3, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    set_cell(model, 2, 4, "Not enough evidence either way")
    assert dialog.save()
    assert not dialog.dirty
    scale = get_scale(library.db, "desk")
    assert [(s.label, s.value, s.colour, s.off_scale) for s in scale.steps] == [
        ("Correct", 3, "#00aa00", False), ("Wrong", 1, "#808080", False), ("Cannot tell", 0, "#808080", True)]
    assert dialog.list_view.currentIndex().data() == "Desk scale (custom)"
    claim = import_claims(library.db)[0]
    set_verdict(library.db, claim, "Cannot tell", scale="desk")
    assert get_verdict(library.db, claim)["rating"] == "Cannot tell"


def test_invalid_scale_shows_the_store_message_and_saves_nothing(dialog, library):
    dialog.new_scale()
    dialog.name_edit.setText("Bad Name")
    assert not dialog.save()
    assert dialog.error_box.text() == "A scale name is 1-64 lower-case letters, digits, '-' or '_'."
    dialog.name_edit.setText("desk")
    set_cell(dialog.steps_model, 0, 3, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.save()
    assert dialog.error_box.text() == "Scale 'desk' needs at least one step on the scale."
    assert [s.name for s in list_scales(library.db)] == ["labels", "pinocchio", "truth"]


def test_new_scale_cannot_replace_an_existing_one(dialog):
    dialog.new_scale()
    dialog.name_edit.setText("pinocchio")
    assert not dialog.save()
    assert "exists already" in dialog.error_box.text()


def test_duplicate_a_built_in_then_edit_and_reorder(dialog, library):
    dialog.list_view.setCurrentIndex(dialog.list_model.index(2))  # truth
    dialog.duplicate_scale()
    assert dialog.name_edit.text() == "truth-copy" and dialog.title_edit.text() == "Six-step truth scale (copy)"
    assert dialog.steps_model.rowCount() == 7 and not dialog.name_edit.isReadOnly()
    dialog.steps_view.setCurrentIndex(dialog.steps_model.index(6, 0))
    dialog.up_button.click()
    assert dialog.steps_model.index(5, 0).data() == "Unverifiable"
    dialog.remove_step_button.click()
    assert dialog.steps_model.rowCount() == 6
    assert dialog.save()
    labels = [s.label for s in get_scale(library.db, "truth-copy").steps]
    assert labels == ["True", "Mostly true", "Half true", "Mostly false", "False", "Pants on fire"]
    assert len(get_scale(library.db, "truth").steps) == 7  # the built-in is untouched


def test_delete_custom_scale_refused_while_used(dialog, library):
    dialog.new_scale()
    dialog.name_edit.setText("desk")
    set_cell(dialog.steps_model, 0, 0, "Right")
    assert dialog.save()
    claim = import_claims(library.db)[0]
    set_verdict(library.db, claim, "Right", scale="desk")
    dialog.delete_button.click()
    assert dialog.error_box.text() == "'desk' is used by 1 verdict(s); change them first."
    clear_verdict(library.db, claim)
    dialog.delete_button.click()
    assert "desk" not in [s.name for s in list_scales(library.db)]


def test_closing_with_unsaved_changes_asks(dialog, library, dialog_log):
    dialog.new_scale()
    dialog.name_edit.setText("kept")
    dialog_log.answers.append("Cancel")
    dialog.reject()
    assert dialog.dirty
    dialog_log.answers.append("Save")
    dialog.reject()
    assert "kept" in [s.name for s in list_scales(library.db)]
    assert [c["buttons"] for c in dialog_log.calls] == [("Save", "Discard", "Cancel")] * 2


def test_panel_rates_with_a_saved_custom_scale(qtbot, library, monkeypatch, dialog):
    dialog.new_scale()
    dialog.name_edit.setText("desk")
    set_cell(dialog.steps_model, 0, 0, "Right")
    assert dialog.save()
    harness = PanelHarness(qtbot, library, monkeypatch)
    panel = harness.panel
    panel.set_claim(harness.claims[0])
    editor = panel.verdict_editor
    editor.scale_combo.setCurrentIndex(editor.scale_combo.findData("desk"))
    assert editor.scale_combo.currentText() == "New scale (custom)"
    panel.rate(1)
    assert get_verdict(library.db, harness.claims[0])["scale"] == "desk"
    harness.stack.clear()


def test_organisation_dialog_saves_settings(qtbot, library, runner):
    dialog = OrganisationDialog(runner)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Harbour Fact Desk")
    dialog.url_edit.setText("harbour.example")
    dialog.accept()
    assert "not a web address" in dialog.error_box.text()
    assert get_setting(library.db, ORGANISATION_NAME) is None
    dialog.url_edit.setText("https://harbour.example")
    dialog.methodology_edit.setPlainText("Two sources per verdict.")
    dialog.accept()
    assert (get_setting(library.db, ORGANISATION_NAME), get_setting(library.db, ORGANISATION_URL),
            get_setting(library.db, METHODOLOGY)) == ("Harbour Fact Desk", "https://harbour.example",
                                                      "Two sources per verdict.")
    assert runner.undo_stack.count() == 1  # the three details are one undo step
    again = OrganisationDialog(runner)
    qtbot.addWidget(again)
    assert again.name_edit.text() == "Harbour Fact Desk"


def test_dialog_controls_have_accessible_names(qtbot, runner):
    def inside_a_compound(widget, dialog):
        parent = widget.parentWidget()
        while parent is not None and parent is not dialog:
            if isinstance(parent, (QComboBox, QAbstractItemView, QDialogButtonBox)):
                return True
            parent = parent.parentWidget()
        return False

    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView)
    for dialog in (ScalesDialog(runner), OrganisationDialog(runner)):
        qtbot.addWidget(dialog)
        controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds) and not inside_a_compound(w, dialog)]
        unnamed = [type(w).__name__ for w in controls if not w.accessibleName()]
        assert len(controls) >= 3 and unnamed == [], dialog.windowTitle()
