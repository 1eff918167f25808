"""Edit > Preferences: rating scales, organisation and the checker's name, from the menu and the keyboard."""
from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from factcheck_app.ops.changes import Changes
from factcheck_app import user_profile
from factcheck_app.ops import scales as scale_ops
from factcheck_app.store import open_library
from factcheck_app.store import scales as scales_store
from factcheck_app.store import verdicts as verdicts_store
from factcheck_app.ui import window_actions
from factcheck_app.ui.dialogs import organisation_dialog, prompts, scales_dialog
from factcheck_app.ui.models.claims_model import ID, VERDICT

import verdict_support

# Captured when the module is imported, before the autouse fixture replaces it for every test.
REAL_ASK_TEXT = prompts.ask_text


def close_next_dialog(accept: bool, fill=None):
    """Answer the next modal dialog (optionally filling it first) once it is up."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        if fill:
            fill(dialog)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)


def test_the_preferences_submenu_holds_three_named_actions(main_window):
    edit = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&Edit")
    menu = main_window.acts.preferences_menu
    assert menu.menuAction() in edit.actions()
    assert [a.text() for a in menu.actions()] == ["&Rating Scales…", "&Organisation…", "Your &Name…"]
    for action in menu.actions():
        assert action.menuRole() == QAction.MenuRole.NoRole
        assert action.statusTip()
        assert action in main_window.actions()  # shortcuts work without the menu bar
    assert main_window.acts.act_your_name.shortcut() == QKeySequence("Ctrl+Shift+U")


def test_rating_scales_reload_the_panel_and_the_verdict_column(main_window, monkeypatch):
    db = main_window.library.db
    main_window.library_pane.select_first()
    truth = scales_store.get_scale(db, scales_store.DEFAULT_SCALE)
    steps = [asdict(step) for step in truth.steps]
    custom = scales_store.save_scale(db, {"name": "desk", "title": "Desk scale", "steps": steps})
    main_window.claim_panel.reload_scales()
    model = main_window.claims_view.model
    claim_id = next(r[ID] for r in model.rows if r[VERDICT] is None)
    label = custom.steps[0].label
    verdict_support.set_verdict(db, claim_id, label, "desk")
    main_window.runner.announce(Changes.of(articles=[main_window.article_id], claims=[claim_id]))
    main_window.select_claim(claim_id)

    calls = []

    def edit_scale(runner, parent):
        calls.append(parent)
        steps[0]["colour"] = "#123456"
        runner.run(scale_ops.save_scale, {"name": "desk", "title": "Desk scale, revised", "steps": steps})
        return True

    monkeypatch.setattr(scales_dialog, "run_scales_dialog", edit_scale)
    main_window.acts.act_scales.trigger()
    assert calls == [main_window]
    combo = main_window.claim_panel.verdict_editor.scale_combo
    assert combo.itemText(combo.findData("desk")).startswith("Desk scale, revised")
    index = model.index(model.row_of(claim_id), 4)
    swatch = index.data(Qt.ItemDataRole.DecorationRole).pixmap(12, 12).toImage().pixelColor(6, 6)
    assert swatch.name() == "#123456"


def test_unchanged_scales_reload_nothing(main_window, monkeypatch):
    reloaded = []
    monkeypatch.setattr(main_window.claim_panel, "reload_scales", lambda: reloaded.append(1))
    monkeypatch.setattr(scales_dialog, "run_scales_dialog", lambda runner, parent: False)
    main_window.edit_scales()
    assert reloaded == []


def test_the_real_scales_dialog_opens_and_closes(main_window):
    close_next_dialog(accept=False)
    main_window.acts.act_scales.trigger()
    assert QApplication.activeModalWidget() is None


def test_organisation_dialog_saves_to_the_library(main_window):
    from factcheck_app.store.settings import ORGANISATION_NAME, get_setting

    def fill(dialog):
        dialog.name_edit.setText("Harbour Desk")

    close_next_dialog(accept=True, fill=fill)
    main_window.acts.act_organisation.trigger()
    assert get_setting(main_window.library.db, ORGANISATION_NAME) == "Harbour Desk"
    assert "Organisation details saved" in main_window.statusBar().currentMessage()


def test_your_name_is_asked_kept_and_given_to_every_panel(make_window, sample_library, monkeypatch):
    window = make_window(sample_library)
    asked = []
    answers = ["  Bea   Reviewer ", None, ""]
    monkeypatch.setattr(prompts, "ask_text", lambda *a: asked.append(a) or answers.pop(0))

    window.acts.act_your_name.trigger()
    assert window.claim_panel.checker_name == "Bea Reviewer"
    # Kept where the command line reads it.
    assert user_profile.get_user_name() == "Bea Reviewer"
    window.acts.act_your_name.trigger()  # cancelled: nothing changes
    assert asked[-1][3] == "Bea Reviewer"
    assert window.claim_panel.checker_name == "Bea Reviewer"
    window.close()

    again = make_window(sample_library)
    assert again.claim_panel.checker_name == "Bea Reviewer"
    again.acts.act_your_name.trigger()  # emptied: no name (never the system's user name)
    assert again.claim_panel.checker_name == ""
    assert user_profile.get_user_name() == ""


def test_a_name_change_saves_the_rationale_under_the_previous_name(main_window, monkeypatch):
    db = main_window.library.db
    main_window.library_pane.select_first()
    claim_id = next(r[ID] for r in main_window.claims_view.model.rows if r[VERDICT] is None)
    main_window.select_claim(claim_id)
    panel = main_window.claim_panel
    user_profile.set_user_name("Ann First")
    main_window.rate(1)
    panel.verdict_editor.rationale_edit.setPlainText("Typed by Ann.")
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "Bea Second")
    main_window.edit_checker_name()
    assert verdicts_store.get_verdict(db, claim_id)["rationale"] == "Typed by Ann."
    assert verdicts_store.verdict_history(db, claim_id)[-1]["changed_by"] == "Ann First"


def test_preferences_follow_the_library(make_window, sample_library):
    window = make_window()
    assert not window.acts.act_scales.isEnabled() and not window.acts.act_organisation.isEnabled()
    assert window.acts.act_your_name.isEnabled()
    window.set_library(open_library(sample_library, create=False, readonly=True))
    assert not window.acts.act_scales.isEnabled() and not window.acts.act_organisation.isEnabled()
    assert window.acts.act_your_name.isEnabled()
    window.set_library(open_library(sample_library, create=False))
    assert window.acts.act_scales.isEnabled() and window.acts.act_organisation.isEnabled()


def test_macos_gets_preferences_in_the_application_menu(make_window, monkeypatch):
    monkeypatch.setattr(window_actions, "on_macos", lambda: True)
    window = make_window()
    assert window.acts.act_preferences.menuRole() == QAction.MenuRole.PreferencesRole
    assert window.acts.act_preferences.shortcut() == QKeySequence(QKeySequence.StandardKey.Preferences)
    window.show_preferences_menu()
    assert window.acts.preferences_menu.isVisible()
    window.acts.preferences_menu.close()
    monkeypatch.setattr(window_actions, "on_macos", lambda: False)
    assert make_window().acts.act_preferences is None


def test_ask_text_returns_the_words_or_none(qtbot):
    def fill(dialog):
        dialog.setTextValue("  Cleo  ")

    close_next_dialog(accept=True, fill=fill)
    assert REAL_ASK_TEXT(None, "Your name", "Name:", "x") == "Cleo"
    close_next_dialog(accept=False)
    assert REAL_ASK_TEXT(None, "Your name", "Name:", "x") is None
