"""The Export dialog: controls, preview, export in a worker, overwrite question, errors, cancelling."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from factcheck_app.reports.exporter import ExportRequest
from factcheck_app.reports.selection import Selection
from factcheck_app.store.library import open_library
from factcheck_app.ui import workers
from factcheck_app.ui.dialogs import export_dialog
from factcheck_app.ui.dialogs.export_dialog import ExportDialog, export_job


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    from factcheck_app.sample_library import build_sample_library

    path = tmp_path_factory.mktemp("sample") / "s.sqlite"
    build_sample_library(path)
    return path


@pytest.fixture
def sample(sample_file, tmp_path):
    copy = tmp_path / "lib" / "s.sqlite"
    copy.parent.mkdir()
    shutil.copy(sample_file, copy)
    lib = open_library(copy)
    yield lib
    lib.close()


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(export_dialog, "show_error", lambda parent, title, text: shown.append(text))
    return shown


def drought_id(lib) -> str:
    return lib.db.execute("SELECT id FROM articles WHERE title LIKE 'Drought%'").fetchone()[0]


def make(qtbot, lib, **kwargs) -> ExportDialog:
    dialog = ExportDialog(lib, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_every_control_has_an_accessible_name(qtbot, sample):
    dialog = make(qtbot, sample)
    for widget in (dialog.format_box, dialog.this_article, dialog.all_articles, dialog.status_box,
                   dialog.verdict_list, dialog.paper_box, dialog.target_edit, dialog.choose_button,
                   dialog.preview, dialog.export_button, dialog.unchecked_box, dialog.allow_incomplete, dialog.include_drafts):
        assert widget.accessibleName(), widget
    assert not dialog.this_article.isEnabled() and dialog.all_articles.isChecked()


def test_paper_only_for_pdf_and_extension_follows_format(qtbot, sample):
    dialog = make(qtbot, sample, article_ids=[drought_id(sample)])
    assert dialog.this_article.isChecked()
    assert dialog.target_edit.text().endswith("fact-check-drought-cut-wheat-harvest-by-a-third-ministry-report-says.html")
    assert not dialog.paper_box.isEnabled()
    dialog.set_format("pdf")
    assert dialog.paper_box.isEnabled() and dialog.target_edit.text().endswith(".pdf")
    dialog.set_format("claimreview")
    assert not dialog.paper_box.isEnabled() and dialog.allow_incomplete.isEnabled()
    assert dialog.target_edit.text().endswith(".jsonld")


def test_preview_follows_the_choices(qtbot, sample):
    dialog = make(qtbot, sample, article_ids=[drought_id(sample)])
    dialog.refresh_preview()
    text = dialog.preview.toPlainText()
    assert "Drought cut wheat harvest" in text and "Harvest report 2023" in text
    assert "Council meeting minutes" not in text
    dialog.all_articles.setChecked(True)
    dialog.set_format("md")
    dialog.refresh_preview()
    assert "Council meeting minutes, 12 March 2024" in dialog.preview.toPlainText()
    item = dialog.verdict_list.findItems("Mostly false", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)
    dialog.refresh_preview()
    assert "### Claim 1: Mostly false" in dialog.preview.toPlainText()
    assert "Harvest report 2023" not in dialog.preview.toPlainText()
    dialog.status_box.setCurrentIndex(dialog.status_box.findData("published"))
    dialog.refresh_preview()
    assert "Nothing to export" in dialog.preview.toPlainText()


def test_export_runs_in_a_worker_and_writes_the_file(qtbot, sample, tmp_path, errors):
    dialog = make(qtbot, sample)
    target = tmp_path / "report.html"
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        dialog.export_button.click()
    assert blocker.args[0].paths == [target]
    html = target.read_text(encoding="utf-8")
    assert "Council meeting minutes, 12 March 2024" in html and "<svg" in html
    assert "Exported 4 claims" in dialog.status_label.text() and errors == []
    qtbot.waitUntil(lambda: not workers.running_jobs())


def test_pdf_export_letter(qtbot, sample, tmp_path, errors):
    from pypdf import PdfReader

    dialog = make(qtbot, sample)
    dialog.set_format("pdf")
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
    target = tmp_path / "report.pdf"
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    reader = PdfReader(str(target))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Page 1 of" in " ".join(reader.pages[0].extract_text().split())
    qtbot.waitUntil(lambda: not workers.running_jobs())


def test_asks_before_overwriting(qtbot, sample, tmp_path, monkeypatch, errors):
    target = tmp_path / "report.md"
    target.write_text("keep")
    asked = []
    monkeypatch.setattr(export_dialog, "ask_overwrite", lambda parent, paths: asked.append(paths) or False)
    dialog = make(qtbot, sample)
    dialog.set_format("md")
    dialog.target_edit.setText(str(target))
    dialog.export_button.click()
    assert asked == [[target]] and target.read_text() == "keep"
    assert dialog.job is None and "kept" in dialog.status_label.text()

    monkeypatch.setattr(export_dialog, "ask_overwrite", lambda parent, paths: True)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert target.read_text(encoding="utf-8").startswith("# Fact-check report")
    qtbot.waitUntil(lambda: not workers.running_jobs())


def test_errors_are_shown_in_a_message(qtbot, sample, tmp_path, errors):
    dialog = make(qtbot, sample)
    dialog.set_format("claimreview")
    target = tmp_path / "cr.jsonld"
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.export_failed, timeout=20_000):
        dialog.export_button.click()
    assert len(errors) == 1 and "ClaimReview is incomplete" in errors[0]
    assert not target.exists() and dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not workers.running_jobs())

    dialog.target_edit.setText("")
    dialog.export_button.click()
    assert errors[-1] == "Choose a file to export to."


def test_cancelled_export_leaves_no_file(qtbot, sample, tmp_path):
    target = tmp_path / "big.pdf"
    request = ExportRequest(fmt="pdf", path=target, selection=Selection(include_unchecked=True))
    job = workers.Job(export_job, (sample.path, request), {})
    job.cancel()
    with qtbot.waitSignal(job.signals.cancelled, timeout=20_000):
        job._run()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []



def test_a_registered_format_shows_in_the_dialog_and_the_command_line(qtbot, sample, tmp_path, errors):
    from factcheck_app.cli.parser import build_parser
    from factcheck_app.reports.formats import ExportFormat, Preview, register, unregister

    def render(report, path, options, progress=None):
        path.write_text("\n".join(c["text"] for a in report["articles"] for c in a["claims"]), encoding="utf-8")
        return [path]

    register(ExportFormat("toy", "Toy list of claims", ".toy", "Toy (*.toy)", render,
                          lambda report, options: Preview("text", "toy preview")))
    try:
        export = next(a for a in build_parser()._subparsers._group_actions[0].choices["export"]._actions
                      if "--format" in a.option_strings)
        assert "toy" in export.choices
        dialog = make(qtbot, sample)
        assert "Toy list of claims" in [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())]
        dialog.set_format("toy")
        assert dialog.target_edit.text().endswith(".toy")
        dialog.refresh_preview()
        assert dialog.preview.toPlainText() == "toy preview"
        target = tmp_path / "claims.toy"
        dialog.target_edit.setText(str(target))
        with qtbot.waitSignal(dialog.exported, timeout=20_000):
            dialog.export_button.click()
        assert "Council meeting minutes" not in target.read_text(encoding="utf-8")
        assert target.read_text(encoding="utf-8").count("\n") == 3
        qtbot.waitUntil(lambda: not workers.running_jobs())
    finally:
        unregister("toy")


def test_claimreview_lists_missing_items_as_fields_and_filling_them_completes_it(qtbot, sample, tmp_path, errors):
    from factcheck_app.store.settings import ORGANISATION_URL, set_setting

    set_setting(sample.db, ORGANISATION_URL, None)
    dialog = make(qtbot, sample)
    dialog.set_format("claimreview")
    dialog.refresh_preview()
    assert "Draft verdicts are left out" in dialog.preview_note.text()
    dialog.include_drafts.setChecked(True)
    dialog.refresh_preview()
    assert "Draft verdicts are left out" not in dialog.preview_note.text()
    form = dialog.missing_form
    assert not form.isHidden()
    fields = {(item.claim_id, item.field): edit for item, edit in form.fields}
    assert (None, "organisation-url") in fields
    review_fields = [(cid, edit) for (cid, field), edit in fields.items() if field == "review_url"]
    assert len(review_fields) == 4
    fields[(None, "organisation-url")].setText("https://factcheck.example.org")
    fields[(None, "organisation-url")].editingFinished.emit()
    for n, (cid, _) in enumerate(review_fields):
        # The form is rebuilt after each save: find the claim's field again.
        edit = next(e for i, e in form.fields if (i.claim_id, i.field) == (cid, "review_url"))
        edit.setText(f"https://factcheck.example.org/checks/{n}")
        edit.editingFinished.emit()
    assert errors == []
    assert form.isHidden(), [i.message for i, _ in form.fields]
    target = tmp_path / "cr.jsonld"
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert target.exists()
    qtbot.waitUntil(lambda: not workers.running_jobs())


def test_the_cited_sources_export_as_a_bibliography(qtbot, sample, tmp_path, errors):
    dialog = make(qtbot, sample)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("sources-ris"))
    assert dialog.target_edit.text().endswith(".ris")
    dialog.refresh_preview()
    assert dialog.preview.toPlainText().startswith("TY  - ") and "Council meeting minutes" in dialog.preview.toPlainText()
    target = tmp_path / "sources.bib"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("sources-bibtex"))
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    text = target.read_text(encoding="utf-8")
    assert text.count("@") >= 3 and "Council meeting minutes, 12 March 2024" in text and errors == []
    qtbot.waitUntil(lambda: not workers.running_jobs())
