"""The Publishing fields and the missing-items form: defaults shown as placeholders, edits emitted, never rich text."""
from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_app.core.publishing import Appearance, ClaimContext, StoredPublishing, effective_publishing
from factcheck_app.ops.publishing import UNCHANGED
from factcheck_app.reports.claimreview import MissingItem
from factcheck_app.ui.dialogs.missing_items import MissingItemsForm
from factcheck_app.ui.panes.publishing_fields import PublishingFields

CONTEXT = ClaimContext("“It is big,” said Elena Ruiz.", quotations=((1, 10, "Elena Ruiz"),),
                       article_outlet="The Ledger", article_url="https://ledger.example/a",
                       article_published="2024-03-14")


def _fields(qtbot, stored=None):
    fields = PublishingFields()
    qtbot.addWidget(fields)
    fields.show_publishing("c1", effective_publishing(stored, CONTEXT), stored)
    return fields


def test_defaults_are_placeholders_with_where_they_came_from(qtbot):
    fields = _fields(qtbot)
    assert fields.claimant_edit.text() == ""
    assert fields.claimant_edit.placeholderText() == "Elena Ruiz (the quotation's speaker)"
    assert fields.date_edit.placeholderText() == "2024-03-14 (the article's date)"
    assert fields.appearances_edit.placeholderText() == "https://ledger.example/a (the article's address)"
    assert fields.reviewed_edit.placeholderText() == "“It is big,” said Elena Ruiz."
    assert fields.first_box.currentText() == "https://ledger.example/a"
    assert "Default: Elena Ruiz (the quotation's speaker)" in fields.claimant_edit.toolTip()


def test_a_finished_edit_is_emitted_and_an_unchanged_one_is_not(qtbot):
    fields = _fields(qtbot)
    edits = []
    fields.editRequested.connect(lambda cid, edit: edits.append((cid, edit)))
    fields.review_url_edit.setText("https://desk.example/c1")
    fields.review_url_edit.editingFinished.emit()
    fields.date_edit.editingFinished.emit()  # still empty: nothing changed
    fields.claimant_edit.setText("City  council")
    fields.claimant_type.setCurrentIndex(fields.claimant_type.findData("Organization"))
    fields.claimant_edit.editingFinished.emit()
    assert [(cid, e.review_url, e.claimant, e.claimant_type) for cid, e in edits] == [
        ("c1", "https://desk.example/c1", UNCHANGED, UNCHANGED), ("c1", UNCHANGED, "City council", "Organization")]


def test_a_set_value_shows_in_the_field_and_clearing_it_restores_the_default(qtbot):
    stored = StoredPublishing(claim_date="2024-03-01", appearances=(Appearance("https://a.example", False),
                                                                   Appearance("https://b.example", True)))
    fields = _fields(qtbot, stored)
    assert fields.date_edit.text() == "2024-03-01" and fields.first_box.currentText() == "https://b.example"
    assert fields.appearance_lines() == ["https://a.example", "https://b.example"]
    edits = []
    fields.editRequested.connect(lambda cid, edit: edits.append(edit))
    fields.date_edit.clear()
    fields.date_edit.editingFinished.emit()
    assert edits[-1].claim_date is None


def test_missing_items_become_fields_and_claim_text_stays_plain(qtbot):
    form = MissingItemsForm()
    qtbot.addWidget(form)
    items = [MissingItem(None, "organisation-url", "the checking organisation's web address"),
             MissingItem("c1", "review_url", "claim c1 (“<b>bold</b>”): the published review's address")]
    form.set_items(items)
    assert not form.isHidden() and len(form.fields) == 2
    label = form.form.labelForField(form.fields[1][1])
    assert label.textFormat() == Qt.TextFormat.PlainText and "<b>bold</b>" in label.text()
    filled = []
    form.fillRequested.connect(lambda item, text: filled.append((item.field, text)))
    form.fields[1][1].setText(" https://desk.example/c1 ")
    form.fields[1][1].editingFinished.emit()
    assert filled == [("review_url", "https://desk.example/c1")]
    form.set_items([])
    assert form.isHidden()


def test_the_claim_panel_saves_publishing_fields_as_undoable_operations(qtbot, library, monkeypatch):
    from factcheck_app.ops.publishing import claim_publishing
    from tests.ui.claim_helpers import PanelHarness

    harness = PanelHarness(qtbot, library, monkeypatch)
    panel = harness.panel
    claim_id = harness.claims[0]
    panel.set_claim(claim_id)
    fields = panel.publishing_fields
    fields.review_url_edit.setText("https://desk.example/checks/1")
    fields.review_url_edit.editingFinished.emit()
    assert claim_publishing(library, claim_id).review_url == "https://desk.example/checks/1"
    assert claim_id in harness.changed
    harness.stack.undo()
    assert claim_publishing(library, claim_id).review_url is None
    assert fields.review_url_edit.text() == ""
    harness.stack.redo()
    assert fields.review_url_edit.text() == "https://desk.example/checks/1"

    fields.review_url_edit.setText("javascript:alert(1)")
    fields.review_url_edit.editingFinished.emit()
    assert harness.errors and "not a web address" in harness.errors[-1]
    assert fields.review_url_edit.text() == "https://desk.example/checks/1"  # the saved value shows again
    assert harness.stack.count() == 1


def test_a_long_list_of_missing_items_shows_the_first_ones(qtbot):
    from factcheck_app.ui.dialogs.missing_items import MAX_FIELDS

    form = MissingItemsForm()
    qtbot.addWidget(form)
    form.set_items([MissingItem(f"c{n}", "review_url", f"claim c{n}: the published review's address")
                    for n in range(MAX_FIELDS + 5)])
    assert len(form.fields) == MAX_FIELDS
    assert f"({MAX_FIELDS + 5})" in form.heading.text() and "next ones" in form.heading.text()
