"""From a fresh library to published output, in the app alone.

A checker imports an article, checks two claims (one a quotation by a named person), a
second person reviews them, the review addresses go in (one in the claim panel, the rest in
the export dialog's missing-item fields, with the organisation), and the export dialog
writes ClaimReview, the HTML report, the corrections log and the statistics. File and name
choosers are the only replaced dialogs.
"""
from __future__ import annotations

import json
from importlib import resources

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from factcheck_app.ops.publishing import claim_publishing
from factcheck_app.ui import workers
from factcheck_app.ui.dialogs import prompts

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _claim_with(window, words: str) -> str:
    model = window.claims_view.model
    texts = model.folded_texts()
    return next(model.claim_id(row) for row in range(model.rowCount()) if words.casefold() in texts[row])


def _rate(qtbot, window, claim_id: str, rating_key, rationale: str) -> None:
    window.select_claim(claim_id)
    assert window.claim_panel.claim_id == claim_id
    window.claims_view.table.setFocus()
    qtbot.keyClick(window.claims_view.table, rating_key)
    editor = window.claim_panel.verdict_editor
    editor.rationale_edit.setPlainText(rationale)
    window.claim_panel.flush_pending()


def _drive_export_dialog(qtbot, tmp_path, results: dict) -> None:
    """With the export dialog up: fill what ClaimReview lacks, then export four formats; close it."""
    dialog = QApplication.activeModalWidget()
    if dialog is None or not hasattr(dialog, "missing_form"):
        QTimer.singleShot(20, lambda: _drive_export_dialog(qtbot, tmp_path, results))
        return
    try:
        dialog.all_articles.setChecked(True)
        dialog.set_format("claimreview")
        dialog.refresh_preview()
        results["missing"] = sorted({item.field for item, _ in dialog.missing_form.fields})
        values = {"organisation": "Harbour Checkers", "organisation-url": "https://checkers.example.org",
                  "review_url": "https://checkers.example.org/checks/traffic",
                  "appearances": "https://ledger.example.org/bridge"}
        while dialog.missing_form.fields:
            item, edit = dialog.missing_form.fields[0]
            edit.setText(values[item.field])
            edit.editingFinished.emit()  # the form is rebuilt with what is still missing
            QApplication.processEvents()
        for fmt, name in (("claimreview", "claims.jsonld"), ("html", "report.html"),
                          ("corrections-html", "corrections.html"), ("statistics-html", "statistics.html")):
            dialog.set_format(fmt)
            dialog.target_edit.setText(str(tmp_path / name))
            with qtbot.waitSignal(dialog.exported, timeout=30_000):
                dialog.export_button.click()
            qtbot.waitUntil(lambda: not workers.running_jobs())
            results.setdefault("written", []).append(name)
    finally:
        dialog.reject()


def test_import_check_review_and_publish_in_the_app(make_window, tmp_path, qtbot, monkeypatch, dialog_log):
    article_file = tmp_path / "harbour-bridge.txt"
    article_file.write_bytes((resources.files("factcheck_app.resources") / "samples" / "harbour-bridge.txt").read_bytes())
    names = ["Ana Checker", "Ben Editor"]
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a: [str(article_file)])
    monkeypatch.setattr(prompts, "ask_text", lambda *a: names.pop(0))
    window = make_window(tmp_path / "fresh.sqlite")

    qtbot.keyClick(window, Qt.Key.Key_U, CTRL | SHIFT)  # who am I
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)  # import
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 1)
    vote = _claim_with(window, "voted 9 to 4")
    quote = _claim_with(window, "Mayor Elena Ruiz said")

    _rate(qtbot, window, vote, Qt.Key.Key_1, "The council's minutes record the vote.")
    _rate(qtbot, window, quote, Qt.Key.Key_4, "The transport authority forecasts 41,000 a day.")

    # The quotation's claimant is its speaker, shown in the claim panel's Publishing fields.
    fields = window.claim_panel.publishing_fields
    speaker = fields.claimant_edit.placeholderText().removesuffix(" (the quotation's speaker)")
    assert speaker.endswith("Elena Ruiz") and speaker != fields.claimant_edit.placeholderText()
    # One review address typed in the claim panel; the other is filled in the export dialog.
    window.select_claim(vote)
    fields.review_url_edit.setText("https://checkers.example.org/checks/vote")
    fields.review_url_edit.editingFinished.emit()
    fields.appearances_edit.setPlainText("https://ledger.example.org/bridge")
    fields.appearances_edit.setFocus()
    fields.review_url_edit.setFocus()  # leaving the field saves it

    qtbot.keyClick(window, Qt.Key.Key_U, CTRL | SHIFT)  # a second person takes over
    assert window.claim_panel.checker_name == "Ben Editor"
    for claim_id in (vote, quote):
        window.select_claim(claim_id)
        window.claim_panel.verdict_editor.review_button.click()
    assert [w for w in dialog_log.calls if w["level"] in ("warning", "error")] == []

    results: dict = {}
    QTimer.singleShot(0, lambda: _drive_export_dialog(qtbot, tmp_path, results))
    window.export()
    assert results["missing"] == ["appearances", "organisation", "organisation-url", "review_url"]
    assert results["written"] == ["claims.jsonld", "report.html", "corrections.html", "statistics.html"]

    reviews = json.loads((tmp_path / "claims.jsonld").read_text(encoding="utf-8"))
    assert {r["url"] for r in reviews} == {"https://checkers.example.org/checks/vote",
                                           "https://checkers.example.org/checks/traffic"}
    mayor = next(r for r in reviews if r["url"].endswith("traffic"))
    assert mayor["itemReviewed"]["author"] == {"@type": "Person", "name": speaker}
    assert all(len(r["claimReviewed"]) <= 75 for r in reviews)
    assert claim_publishing(window.library, vote).review_url == "https://checkers.example.org/checks/vote"
    assert "Harbour Checkers" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<h1>Corrections</h1>" in (tmp_path / "corrections.html").read_text(encoding="utf-8")
    assert speaker in (tmp_path / "statistics.html").read_text(encoding="utf-8")
