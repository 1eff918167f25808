"""Attaching a source by typing: results as you type, arrows to choose, Enter to attach, or create one."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck_app.store.evidence import list_evidence
from factcheck_app.store.sources import add_source
from factcheck_app.ui.dialogs import source_dialog
from factcheck_app.ui.panes.source_search import SOURCE_ID_ROLE, SourceResultsModel, SourceSearch
from tests.ui.claim_helpers import PanelHarness


@pytest.fixture
def harness(qtbot, library, monkeypatch):
    h = PanelHarness(qtbot, library, monkeypatch)
    h.panel.set_claim(h.claims[0])
    h.panel.show()
    yield h
    h.stack.clear()


def test_results_model_passes_qtmodeltester(qapp, library, qtmodeltester):
    add_source(library.db, "Pentagon statement", publisher="DoD", published="2017-04-07")
    model = SourceResultsModel()
    qtmodeltester.check(model)
    rows = list(library.db.query("SELECT * FROM sources"))
    model.set_results(rows, {rows[0]["id"]})
    qtmodeltester.check(model)
    assert model.index(0).data() == "Pentagon statement  ·  DoD, 2017-04-07  (already attached)"
    assert model.index(0).data(SOURCE_ID_ROLE) == rows[0]["id"]


def test_typing_shows_matches_and_enter_attaches_with_the_stance(harness, library, qtbot):
    search = harness.panel.source_search
    qtbot.keyClicks(search.search_edit, "satellite ima")
    assert search.results_model.rowCount() == 1
    assert search.results_view.isVisibleTo(harness.panel)
    search.stance_combo.setCurrentIndex(search.stance_combo.findData("refutes"))
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    rows = list_evidence(library.db, harness.claims[0])
    assert [(r["source_id"], r["stance"], r["added_by"]) for r in rows] == [
        (harness.sources["imagery"], "refutes", "ana")]
    assert search.search_edit.text() == "" and not search.results_view.isVisibleTo(harness.panel)
    assert harness.panel.evidence_view.current_evidence_id() == rows[0]["id"]
    harness.stack.undo()
    assert list_evidence(library.db, harness.claims[0]) == []


def test_down_arrow_chooses_another_match(harness, library, qtbot):
    search = harness.panel.source_search
    qtbot.keyClicks(search.search_edit, "pentagon")
    assert search.results_model.rowCount() == 2
    second = search.results_model.source_id(1)
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Down)  # stays on the last
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Enter)
    assert [r["source_id"] for r in list_evidence(library.db, harness.claims[0])] == [second]


def test_results_mark_sources_already_attached(harness, qtbot):
    search = harness.panel.source_search
    qtbot.keyClicks(search.search_edit, "satellite")
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(search.search_edit, "satellite")
    assert search.results_model.index(0).data().endswith("(already attached)")


def test_typed_operators_and_punctuation_never_fail(harness, qtbot):
    search = harness.panel.source_search
    qtbot.keyClicks(search.search_edit, 'NEAR("x* OR -')
    assert harness.errors == []
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Escape)
    assert search.search_edit.text() == ""


def test_enter_with_no_match_creates_a_source_and_attaches_it(harness, library, qtbot, monkeypatch):
    search = harness.panel.source_search
    asked = []

    def fake_dialog(library_, parent, source_id=None, initial_title="", open_document=None):
        asked.append(initial_title)
        return add_source(library_.library.db, initial_title, publisher="Reuters")

    monkeypatch.setattr(source_dialog, "run_source_dialog", fake_dialog)
    qtbot.keyClicks(search.search_edit, "Reuters wire report")
    assert search.results_model.rowCount() == 0
    assert search.no_match_label.isVisibleTo(harness.panel)
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    assert asked == ["Reuters wire report"]
    rows = list_evidence(library.db, harness.claims[0])
    assert [(r["source_title"], r["stance"]) for r in rows] == [("Reuters wire report", "supports")]


def test_new_source_cancelled_attaches_nothing(harness, library, monkeypatch):
    monkeypatch.setattr(source_dialog, "run_source_dialog", lambda *a, **k: None)
    harness.panel.source_search.new_button.click()
    assert list_evidence(library.db, harness.claims[0]) == [] and harness.stack.count() == 0


def test_search_widget_on_its_own(qtbot, library):
    add_source(library.db, "Kibar site report", tags="Syria, nuclear")
    widget = SourceSearch(library)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.attachRequested) as attach:
        qtbot.keyClicks(widget.search_edit, "nuclear")
        qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)
    assert attach.args[1] == "supports"


def test_a_source_found_through_its_document_says_where(qapp, library, tmp_path):
    from factcheck_app.ops.documents import attach_documents
    from tests.document_samples import make_pdf

    source = add_source(library.db, "Defence ministry annual report")
    pdf = tmp_path / "annual.pdf"
    pdf.write_bytes(make_pdf(["Contents.", "The navy fired 59 cruise missiles at the Shayrat airfield."]))
    attach_documents(library, source, [pdf])
    search = SourceSearch(library)
    search.update_results("cruise missiles")
    model = search.results_model
    assert model.rowCount() == 1 and model.index(0).data(SOURCE_ID_ROLE) == source
    assert model.index(0).data().endswith("·  in annual.pdf, p. 2")
    assert "59 cruise missiles" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    search.deleteLater()
