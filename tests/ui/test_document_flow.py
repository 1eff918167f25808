"""The checker's path through a document in the app: attach a ministry PDF to a source, find a figure in it
by search, quote the sentence from the viewer as evidence with its page, reopen that place from the evidence."""
from __future__ import annotations


from factcheck_app.store.evidence import get_evidence
from factcheck_app.ui.dialogs import prompts
from tests.document_samples import make_pdf
from tests.ui.viewer_helpers import select_words

SENTENCE = "The ministry counted 17,850 crossings a day in 2023."



def test_attach_find_quote_and_reopen(main_window, qtbot, tmp_path, monkeypatch):
    window = main_window
    library = window.runner.library
    pdf = tmp_path / "ministry-annual-report.pdf"
    pdf.write_bytes(make_pdf(["Annual report of the transport ministry.", "Ferries.\n" + SENTENCE]))
    claim_id = next(r[0] for r in library.db.execute("SELECT id FROM claims WHERE text LIKE '%18,000 crossings%'"))
    window.select_claim(claim_id)
    panel = window.claim_panel
    source_id = next(r[0] for r in library.db.execute("SELECT id FROM sources WHERE title LIKE 'Ferry terminal%'"))

    # Attach from the source dialog (its Documents section).
    from factcheck_app.ui.dialogs.source_dialog import SourceDialog

    dialog = SourceDialog(window.runner, source_id, parent=window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [str(pdf)])
    dialog.documents.attach_button.click()
    assert dialog.documents.model.rowCount() == 1
    dialog.reject()

    # The app's source search finds the figure inside the document and says where.
    panel.source_search.search_edit.setText("17,850 crossings")
    model = panel.source_search.results_model
    assert model.rowCount() >= 1 and "ministry-annual-report.pdf, p. 2" in model.index(0).data()

    # Open the document, select the sentence, quote it as evidence for the claim.
    document_id = library.db.execute("SELECT id FROM documents WHERE file_name = ?", [pdf.name]).fetchone()[0]
    viewer = window.documents.open_document(document_id)
    viewer.find_edit.setText("17,850")
    viewer.next_hit()
    assert viewer.page_spin.value() == 2
    select_words(viewer, "counted 17,850 crossings a day")
    viewer.quote_button.click()
    evidence_id = panel.evidence_view.current_evidence_id()
    row = get_evidence(library.db, evidence_id)
    assert (row["document_id"], row["page"], row["locator"], row["excerpt"], row["added_by"]) == (
        document_id, 2, "p. 2", "counted 17,850 crossings a day", "A. Tester")
    viewer.close()

    # From the evidence row, one action opens the document at the passage, highlighted.
    menu = panel.evidence_view.context_menu(panel.evidence_view.currentIndex())
    action = next(a for a in menu.actions() if "Open Document" in a.text().replace("&", ""))
    assert action.isEnabled()
    action.trigger()
    reopened = window.documents.viewers[document_id]
    assert reopened.page_spin.value() == 2 and reopened.highlighted_text() == "counted 17,850 crossings a day"

    # Undo removes the evidence.
    window.undo_stack.undo()
    assert library.db.execute("SELECT count(*) FROM evidence WHERE id = ?", [evidence_id]).fetchone()[0] == 0


def test_file_import_sources_reports_what_it_did(main_window, monkeypatch, dialog_log):
    from pathlib import Path

    bibliographies = Path(__file__).parents[1] / "ingest" / "bibliographies"
    window = main_window
    action = window.acts.act_import_sources
    assert action.isEnabled() and action in window.menuBar().actions()[0].menu().actions()
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [str(bibliographies / "endnote.ris")])
    action.trigger()
    (shown,) = [c for c in dialog_log.calls if c["title"] == "Sources imported"]
    assert shown["text"] == "2 created, 0 updated, 0 skipped, 2 not imported."
    assert "endnote.ris, entry 2 (line 11): it has no title" in shown["detail"]
    window.undo_stack.undo()
    titles = [r[0] for r in window.runner.library.db.execute("SELECT title FROM sources")]
    assert "Rainfall in the drought year" not in titles
