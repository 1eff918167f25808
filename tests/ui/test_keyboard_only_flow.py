"""The issue's promise: a new user takes the built-in sample from import to a reviewed verdict with sources
using only the keyboard. Every step below is a key event; file and name choosers are the only replaced dialogs."""
from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from factcheck_app.store import claims as claims_store
from factcheck_app.store import evidence as evidence_store
from factcheck_app.store import verdicts as verdicts_store
from factcheck_app.store.scales import DEFAULT_SCALE, get_scale
from factcheck_app.ui.dialogs import prompts

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TARGET_WORDS = "60,000 vehicles"


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key where the keyboard is, as a user would."""
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifier)


def type_text(qtbot, window, text):
    qtbot.keyClicks(QApplication.focusWidget() or window, text)


def fill_new_source_dialog(qtbot, publisher: str, seen: list[str]):
    """When the New source dialog is up: Tab to Publisher, type it, Enter to save (all keys)."""

    def fill():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog.windowTitle())
        field = dialog.focusWidget()
        for _ in range(2):  # title, web address, publisher
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            field = dialog.focusWidget()
        qtbot.keyClicks(field, publisher)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def back_from_dialog(qtbot, window):
    """A closed modal dialog hands the focus back to the window (the window manager's part, done by hand offscreen)."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def test_sample_article_to_reviewed_verdict_with_sources_by_keyboard_only(make_window, tmp_path, qtbot, monkeypatch):
    article_file = tmp_path / "harbour-bridge.txt"
    article_file.write_bytes((resources.files("factcheck_app.resources") / "samples" / "harbour-bridge.txt").read_bytes())
    asked_files, names = [], ["Ann First", "Bea Second"]
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a: asked_files.append(a) or [str(article_file)])
    monkeypatch.setattr(prompts, "ask_text", lambda *a: names.pop(0))
    window = make_window(tmp_path / "desk.sqlite")
    db = window.library.db

    # Who am I: Ctrl+Shift+U (Edit > Preferences > Your Name…).
    key(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    assert window.claim_panel.checker_name == "Ann First"

    # Import: Ctrl+O, the file chooser answers with the sample article.
    key(qtbot, window, Qt.Key.Key_O, CTRL)
    assert len(asked_files) == 1
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 1)
    assert window.article_id is not None
    claims = claims_store.list_claims(db, window.article_id)
    target = next(c for c in claims if TARGET_WORDS in c["text"])

    # Ctrl+Down through the claims to the one about traffic.
    for _ in range(len(claims)):
        if window.claim_id == target["id"]:
            break
        key(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert window.claim_id == target["id"]
    assert window.article_view.current_claim == target["id"]

    # Ctrl+E, type a source's name, Enter: no such source yet, so Enter opens New source, filled by keys.
    panel = window.claim_panel
    dialog_titles: list[str] = []
    for title, publisher in (("Harbour crossing business case", "City Council"),
                             ("Regional traffic count 2023", "Regional Transport Authority")):
        key(qtbot, window, Qt.Key.Key_E, CTRL)
        assert QApplication.focusWidget() is panel.source_search.search_edit
        type_text(qtbot, window, title)
        fill_new_source_dialog(qtbot, publisher, dialog_titles)
        key(qtbot, window, Qt.Key.Key_Return)
        back_from_dialog(qtbot, window)
    assert dialog_titles == ["New source", "New source"]
    assert claims_store.get_claim(db, target["id"])["sources"] == 2

    # An existing source: type part of its name and Enter attaches it (to a second claim, Ctrl+Down away).
    first_claim = target["id"]
    key(qtbot, window, Qt.Key.Key_Escape)  # leaves the empty search for the claims table
    assert QApplication.focusWidget() is window.claims_view.table
    key(qtbot, window, Qt.Key.Key_J)
    second_claim = window.claim_id
    assert second_claim not in (None, first_claim)
    key(qtbot, window, Qt.Key.Key_E, CTRL)
    type_text(qtbot, window, "business case")
    key(qtbot, window, Qt.Key.Key_Return)
    business_case = db.execute("SELECT id FROM sources WHERE title = 'Harbour crossing business case'").fetchone()[0]
    assert [e["source_id"] for e in evidence_store.list_evidence(db, second_claim)] == [business_case]
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 2  # attached, not created again
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, Qt.Key.Key_K)
    assert window.claim_id == first_claim

    # A number key rates; Ctrl+R goes to the rationale, where the checker types why.
    key(qtbot, window, Qt.Key.Key_4)
    mostly = get_scale(db, DEFAULT_SCALE).steps[3].label
    assert verdicts_store.get_verdict(db, first_claim)["rating"] == mostly
    key(qtbot, window, Qt.Key.Key_R, CTRL)
    assert QApplication.focusWidget() is panel.verdict_editor.rationale_edit
    why = "The business case forecasts 41,000 to 63,000 vehicles; today's ferry carries 18,000."
    type_text(qtbot, window, why)

    # A second checker takes the keyboard: Ctrl+Shift+U, then Tab along to Mark reviewed and press Space.
    key(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    assert panel.checker_name == "Bea Second"
    for _ in range(6):
        if QApplication.focusWidget() is panel.verdict_editor.review_button:
            break
        key(qtbot, window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.verdict_editor.review_button
    key(qtbot, window, Qt.Key.Key_Space)

    verdict = verdicts_store.get_verdict(db, first_claim)
    assert (verdict["rating"], verdict["rationale"], verdict["checker"], verdict["reviewer"], verdict["status"]) == (
        mostly, why, "Ann First", "Bea Second", "reviewed")
    evidence = evidence_store.list_evidence(db, first_claim)
    assert len(evidence) == 2 and {e["added_by"] for e in evidence} == {"Ann First"}
    assert evidence_store.independent_source_count(db, first_claim) == 2
    assert claims_store.get_claim(db, first_claim)["status"] == "checked"
    row = window.claims_view.model.row_of(first_claim)
    assert window.claims_view.model.index(row, 4).data() == mostly
