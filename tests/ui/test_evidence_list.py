"""The evidence table model and view, and editing or detaching evidence from the panel."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from factcheck_app.ops import sources as source_ops
from factcheck_app.store.evidence import add_evidence, get_evidence, list_evidence
from factcheck_app.ui.dialogs import evidence_dialog, source_dialog
from factcheck_app.ui.dialogs.evidence_dialog import EvidenceDialog
from factcheck_app.ui.panes.evidence_list import EVIDENCE_ID_ROLE, EvidenceTableModel, EvidenceTableView
from tests.ui.claim_helpers import PanelHarness, add_sources, import_claims, strip_times


@pytest.fixture
def filled(library):
    claim = import_claims(library.db)[0]
    sources = add_sources(library.db)
    ids = [
        add_evidence(library.db, claim, sources["pentagon"], "supports", excerpt="  59 Tomahawk\n missiles  ",
                     locator="para 2", note="Official count"),
        add_evidence(library.db, claim, sources["imagery"], "refutes", excerpt="x" * 300),
        add_evidence(library.db, claim, sources["briefing"], "context"),
    ]
    return claim, ids


def test_model_passes_qtmodeltester(qapp, library, filled, qtmodeltester):
    model = EvidenceTableModel(library)
    model.load(filled[0])
    qtmodeltester.check(model)
    model.load(None)
    qtmodeltester.check(model)


def test_model_shows_stance_as_text_and_colour(qapp, library, filled):
    model = EvidenceTableModel(library)
    model.load(filled[0])
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Stance", "Source", "Publisher", "Excerpt", "Locator"]
    rows = [model.row_of(evidence_id) for evidence_id in filled[1]]
    first = [model.index(rows[0], c).data() for c in range(5)]
    assert first == ["Supports", "Pentagon statement on the Shayrat strike", "US Department of Defense",
                     "59 Tomahawk missiles", "para 2"]
    assert [model.index(r, 0).data() for r in rows] == ["Supports", "Refutes", "Context"]
    colours = [model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in rows]
    assert all(isinstance(c, QColor) for c in colours) and len({c.name() for c in colours}) == 3
    assert model.index(rows[1], 3).data().endswith("…") and len(model.index(rows[1], 3).data()) == 120
    assert "Note: Official count" in model.index(rows[0], 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(rows[2], 0).data(EVIDENCE_ID_ROLE) == filled[1][2]
    assert model.index(rows[2], 4).data(Qt.ItemDataRole.AccessibleTextRole) == "Locator: none"


def test_view_keys_ask_to_edit_and_detach(qtbot, library, filled):
    model = EvidenceTableModel(library)
    model.load(filled[0])
    view = EvidenceTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    assert view.current_evidence_id() is None
    view.select_evidence(filled[1][1])
    assert view.current_evidence_id() == filled[1][1]
    with qtbot.waitSignal(view.editRequested) as edit:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert edit.args == [filled[1][1]]
    with qtbot.waitSignal(view.detachRequested) as detach:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert detach.args == [filled[1][1]]


def test_evidence_dialog_returns_only_changes(qtbot, library, filled):
    row = EvidenceTableModel(library)
    row.load(filled[0])
    dialog = EvidenceDialog(row.evidence_row(row.row_of(filled[1][0])))
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    assert dialog.excerpt_edit.toPlainText() == "  59 Tomahawk\n missiles  "
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("refutes"))
    dialog.locator_edit.setText("  ")
    assert dialog.changes() == {"stance": "refutes", "locator": None}


@pytest.fixture
def harness(qtbot, library, monkeypatch):
    h = PanelHarness(qtbot, library, monkeypatch)
    yield h
    h.stack.clear()


def test_edit_from_the_panel_and_undo(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    evidence_id = add_evidence(library.db, claim, harness.sources["pentagon"], "supports", excerpt="old")
    before = get_evidence(library.db, evidence_id)
    panel.set_claim(claim)
    seen = []

    def fake_dialog(row, parent):
        seen.append(row["excerpt"])
        return {"excerpt": "new words", "locator": "p. 4"}

    monkeypatch.setattr(evidence_dialog, "run_evidence_dialog", fake_dialog)
    panel.evidence_view.selectRow(0)
    panel.edit_evidence_button.click()
    assert seen == ["old"]
    assert panel.evidence_model.index(0, 3).data() == "new words"
    assert get_evidence(library.db, evidence_id)["locator"] == "p. 4"
    harness.stack.undo()
    assert strip_times(get_evidence(library.db, evidence_id)) == strip_times(before)
    assert panel.evidence_model.index(0, 3).data() == "old"


def test_cancelled_edit_changes_nothing(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    add_evidence(library.db, claim, harness.sources["pentagon"], "supports")
    panel.set_claim(claim)
    monkeypatch.setattr(evidence_dialog, "run_evidence_dialog", lambda row, parent: None)
    panel.evidence_view.selectRow(0)
    panel.edit_evidence_button.click()
    assert harness.stack.count() == 0


def test_detach_from_the_panel_and_undo(harness, library):
    panel, claim = harness.panel, harness.claims[0]
    keep = add_evidence(library.db, claim, harness.sources["pentagon"], "supports")
    gone = add_evidence(library.db, claim, harness.sources["imagery"], "refutes", excerpt="e", added_by="x")
    rows = [strip_times(r) for r in list_evidence(library.db, claim)]
    panel.set_claim(claim)
    assert not panel.detach_button.isEnabled()
    panel.evidence_view.select_evidence(gone)
    assert panel.detach_button.isEnabled()
    panel.detach_button.click()
    assert [r["id"] for r in list_evidence(library.db, claim)] == [keep]
    assert panel.evidence_model.rowCount() == 1
    assert "1 source" in panel.meta_label.text()
    harness.stack.undo()
    assert [strip_times(r) for r in list_evidence(library.db, claim)] == rows
    assert panel.evidence_model.rowCount() == 2


def test_edit_source_from_the_panel(harness, library, monkeypatch):
    panel, claim = harness.panel, harness.claims[0]
    add_evidence(library.db, claim, harness.sources["pentagon"], "supports")
    panel.set_claim(claim)

    def fake(library_, parent, source_id=None, initial_title="", open_document=None):
        library_.run(source_ops.edit_source, source_id, publisher="DoD")
        return source_id

    monkeypatch.setattr(source_dialog, "run_source_dialog", fake)
    panel.evidence_view.selectRow(0)
    panel.edit_source_button.click()
    assert panel.evidence_model.index(0, 2).data() == "DoD"
    assert harness.changed == [claim]


def test_right_click_menu_offers_the_evidence_operations(qapp, qtbot, library, filled):
    model = EvidenceTableModel(library)
    model.load(filled[0])
    view = EvidenceTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    asked = []
    view.editRequested.connect(lambda e: asked.append(("edit", e)))
    view.sourceEditRequested.connect(lambda e: asked.append(("source", e)))
    view.detachRequested.connect(lambda e: asked.append(("detach", e)))
    menu = view.context_menu(model.index(1, 2))
    second = model.evidence_id(1)
    assert view.current_evidence_id() == second
    assert [a.text() for a in menu.actions()] == ["&Edit Evidence…", "Edit &Source…", "&Detach from Claim",
                                                  "&Open Document at Passage"]
    assert not menu.actions()[3].isEnabled()  # this evidence quotes no document
    for action in menu.actions()[:3]:
        action.trigger()
    assert asked == [("edit", second), ("source", second), ("detach", second)]
    assert not any(a.isEnabled() for a in view.context_menu(model.index(-1, 0)).actions())
