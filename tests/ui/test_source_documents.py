"""A source's documents in the source dialog: attach (bad files refused with nothing kept), open, detach."""
from __future__ import annotations

from factcheck_app.store.documents import documents_of_source
from factcheck_app.store.sources import add_source
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.source_dialog import SourceDialog
from factcheck_app.ui.models.documents_model import DocumentsModel
from tests.document_samples import make_encrypted_pdf, make_pdf, make_scanned_pdf


def test_the_documents_table_shows_hash_size_type_and_attachment(qtmodeltester, qtbot, runner, tmp_path, monkeypatch):
    library = runner.library
    source = add_source(library.db, "Defence ministry report")
    report, scan = tmp_path / "report.pdf", tmp_path / "scan.pdf"
    report.write_bytes(make_pdf(["Cover.", "59 cruise missiles."]))
    scan.write_bytes(make_scanned_pdf())
    dialog = SourceDialog(runner, source)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [str(report), str(scan)])
    dialog.documents.attach_button.click()
    model = dialog.documents.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert rows[0][:5] == ["report.pdf", "PDF document", rows[0][2], "2", "searchable"]
    assert rows[1][4] == "no text (scan?)" and len(rows[0][6]) == 64 and "UTC" in rows[0][5]
    assert "2 document(s) attached" in dialog.documents.status_label.text()
    assert "no text layer" in dialog.documents.status_label.text()

    dialog.documents.view.selectRow(0)
    with qtbot.waitSignal(dialog.openDocument) as opened:
        dialog.documents.open_button.click()
    assert opened.args == [documents_of_source(library.db, source)[0]["id"]]
    dialog.documents.detach_button.click()
    assert [d["attached_name"] for d in documents_of_source(library.db, source)] == ["scan.pdf"]
    assert model.rowCount() == 1
    runner.undo_stack.undo()  # the detach
    runner.undo_stack.undo()  # the attach
    assert documents_of_source(library.db, source) == [] and model.rowCount() == 0


def test_a_bad_file_is_refused_with_a_message_and_nothing_attached(qtbot, runner, tmp_path, dialog_log):
    library = runner.library
    source = add_source(library.db, "Ministry")
    good, locked = tmp_path / "good.pdf", tmp_path / "locked.pdf"
    good.write_bytes(make_pdf(["Fine."]))
    locked.write_bytes(make_encrypted_pdf())
    dialog = SourceDialog(runner, source)
    qtbot.addWidget(dialog)
    assert dialog.documents.attach([str(good), str(locked)]) is None
    assert "locked.pdf" in dialog_log.texts() and "password" in dialog_log.texts()
    assert DocumentsModel(library).rowCount() == 0 and documents_of_source(library.db, source) == []


def test_a_new_source_has_no_documents_section_until_saved(qtbot, runner):
    dialog = SourceDialog(runner, None, "A new source")
    qtbot.addWidget(dialog)
    assert dialog.documents is None and "doi" in dialog.fields
