"""The claim panel: empty state, showing a claim, dismissing, errors, keyboard and accessibility."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.store import evidence as evidence_store
from factcheck_app.store import open_library
from factcheck_app.store.articles import delete_article
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import StoreBusyError
from factcheck_app.store.evidence import add_evidence, list_evidence
from factcheck_app.store.verdicts import get_verdict
from verdict_support import set_verdict
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.panes import claim_panel
from tests.ui.claim_helpers import CLAIMS, PanelHarness, add_sources, import_claims


@pytest.fixture
def harness(qtbot, library, monkeypatch):
    h = PanelHarness(qtbot, library, monkeypatch)
    yield h
    h.stack.clear()


def test_empty_state_until_a_claim_is_set(harness):
    panel = harness.panel
    assert panel.pages.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "Select a claim"
    panel.set_claim(harness.claims[0])
    assert panel.pages.currentWidget() is panel.scroll
    assert panel.claim_label.text() == CLAIMS[0]
    assert "Open" in panel.meta_label.text() and "0 sources" in panel.meta_label.text()
    assert panel.verdict_editor.summary_label.text() == "Verdict: Not yet checked"
    panel.set_claim(None)
    assert panel.pages.currentWidget() is panel.empty_label


def test_an_unknown_claim_id_is_reported_and_shows_the_empty_state(harness):
    harness.panel.set_claim("no-such-claim")
    assert harness.errors == ["No claim with id no-such-claim."]
    assert harness.panel.claim_id is None


def test_dismiss_asks_for_a_reason_and_undo_restores(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)
    monkeypatch.setattr(claim_panel, "ask_dismiss_reason", lambda parent: "Prediction about the future")
    panel.dismiss()
    row = get_claim(library.db, claim)
    assert (row["status"], row["dismiss_reason"]) == ("dismissed", "Prediction about the future")
    assert panel.dismissed_label.text() == "Not check-worthy: Prediction about the future"
    assert not panel.dismissed_label.isHidden() and panel.dismiss_button.isHidden()
    assert harness.changed == [claim]
    harness.stack.undo()
    row = get_claim(library.db, claim)
    assert (row["status"], row["dismiss_reason"]) == ("open", None)
    assert panel.dismissed_label.isHidden() and not panel.dismiss_button.isHidden()
    assert harness.changed == [claim, claim]


def test_dismiss_cancelled_or_without_reason_changes_nothing(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)
    monkeypatch.setattr(claim_panel, "ask_dismiss_reason", lambda parent: None)
    panel.dismiss()
    monkeypatch.setattr(claim_panel, "ask_dismiss_reason", lambda parent: "  ")
    panel.dismiss()
    assert get_claim(library.db, claim)["status"] == "open"
    assert harness.errors == ["Say why the claim is not worth checking."]
    assert harness.stack.count() == 0


def test_reopen_a_dismissed_claim(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)
    monkeypatch.setattr(claim_panel, "ask_dismiss_reason", lambda parent: "Opinion")
    panel.dismiss()
    panel.reopen_button.click()
    assert get_claim(library.db, claim)["status"] == "open"
    assert harness.stack.count() == 2


def test_a_store_error_is_shown_and_the_panel_keeps_working(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)

    def busy(*args, **kwargs):
        raise StoreBusyError("Another program kept the library busy too long; try the change again.")

    real_add = evidence_store.add_evidence
    monkeypatch.setattr("factcheck_app.ops.evidence.store.add_evidence", busy)
    panel.source_search.attachRequested.emit(harness.sources["pentagon"], "supports")
    assert harness.errors == ["Another program kept the library busy too long; try the change again."]
    assert list_evidence(library.db, claim) == [] and harness.stack.count() == 0
    monkeypatch.setattr("factcheck_app.ops.evidence.store.add_evidence", real_add)
    panel.source_search.attachRequested.emit(harness.sources["pentagon"], "supports")
    assert len(list_evidence(library.db, claim)) == 1
    assert panel.evidence_model.rowCount() == 1


def test_claim_changed_is_emitted_for_undo_and_redo(harness):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)
    panel.rate(1)
    harness.stack.undo()
    harness.stack.redo()
    assert harness.changed == [claim, claim, claim]


def test_undo_of_another_claims_change_reports_that_claim(harness, library):
    panel, first, second = harness.panel, *harness.claims
    panel.set_claim(first)
    panel.rate(2)
    panel.set_claim(second)
    harness.stack.undo()
    assert get_verdict(library.db, first) is None
    assert harness.changed[-1] == first
    assert panel.claim_id == second


def test_focus_source_search(harness, qtbot):
    panel = harness.panel
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.set_claim(harness.claims[0])
    panel.focus_source_search()
    qtbot.waitUntil(lambda: panel.source_search.search_edit.hasFocus())


def _focusable(panel: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)
    found = [w for w in panel.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(panel)]
    return found + [panel.evidence_view, panel.verdict_editor.history_view]


def test_every_control_has_an_accessible_name(harness, library):
    panel = harness.panel
    add_evidence(library.db, harness.claims[0], harness.sources["pentagon"], "supports")
    panel.set_claim(harness.claims[0])
    panel.rate(1)
    unnamed = [w for w in _focusable(panel) if not w.accessibleName()]
    assert unnamed == []


def test_tab_reaches_every_control(harness, library, qtbot):
    panel = harness.panel
    add_evidence(library.db, harness.claims[0], harness.sources["pentagon"], "supports")
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.set_claim(harness.claims[0])
    panel.rate(1)
    panel.evidence_view.selectRow(0)
    wanted = {w for w in _focusable(panel) if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    panel.dismiss_button.setFocus()
    qtbot.waitUntil(lambda: panel.dismiss_button.hasFocus())
    seen = set()
    for _ in range(len(wanted) * 3):
        widget = QApplication.focusWidget()
        seen.add(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    missing = {w.accessibleName() for w in wanted - seen}
    assert missing == set()


def test_closing_the_window_saves_typed_rationale(harness, library, qtbot):
    panel, claim = harness.panel, harness.claims[0]
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(panel)
    window.show()
    panel.set_claim(claim)
    panel.rate(3)
    qtbot.keyClicks(panel.verdict_editor.rationale_edit, "Typed just before closing")
    assert panel.verdict_editor.idle_timer.isActive()
    window.close()
    assert get_verdict(library.db, claim)["rationale"] == "Typed just before closing"
    assert not panel.verdict_editor.idle_timer.isActive()
    panel.setParent(None)  # qtbot closes the window and the panel separately


def test_a_claim_deleted_elsewhere_leaves_the_empty_state(harness, library):
    panel, claim = harness.panel, harness.claims[0]
    panel.set_claim(claim)
    delete_article(library.db, get_claim(library.db, claim)["article_id"])
    panel.set_claim(claim)
    assert panel.claim_id is None and panel.pages.currentWidget() is panel.empty_label


def test_showing_the_same_claim_again_keeps_a_half_typed_search(harness, qtbot):
    panel = harness.panel
    panel.set_claim(harness.claims[0])
    qtbot.keyClicks(panel.source_search.search_edit, "penta")
    panel.set_claim(harness.claims[0])
    assert panel.source_search.search_edit.text() == "penta"
    panel.set_claim(harness.claims[1])
    assert panel.source_search.search_edit.text() == ""


def test_a_read_only_library_shows_but_does_not_edit(qtbot, library, store_path, monkeypatch):
    claim = import_claims(library.db)[0]
    source = add_sources(library.db)["pentagon"]
    add_evidence(library.db, claim, source, "supports")
    set_verdict(library.db, claim, "True", scale="truth", rationale="Confirmed.", checker="ana")
    library.close()
    errors = []
    monkeypatch.setattr(claim_panel, "show_error", lambda parent, message: errors.append(message))
    with open_library(store_path, readonly=True) as readonly:
        runner = OpRunner()
        runner.set_library(readonly)
        panel = claim_panel.ClaimPanel(runner)
        qtbot.addWidget(panel)
        panel.set_claim(claim)
        editor = panel.verdict_editor
        assert panel.read_only_label.isVisibleTo(panel)
        assert editor.rationale_edit.toPlainText() == "Confirmed." and editor.rationale_edit.isReadOnly()
        assert not any(b.isEnabled() for b in editor.rating_buttons())
        assert not panel.source_search.isEnabled() and not panel.dismiss_button.isEnabled()
        panel.evidence_view.selectRow(0)
        assert not panel.detach_button.isEnabled()
        panel.rate(2)
        panel.dismiss()
        assert get_verdict(readonly.db, claim)["rating"] == "True"
        assert errors == []
