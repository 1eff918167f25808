"""The source dialog: invalid input stays in the dialog with the store's message; valid input is saved."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QPushButton

from factcheck_app.store.sources import add_source, get_source, list_sources
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.source_dialog import SourceDialog


def test_invalid_then_valid_input(qtbot, library, runner):
    dialog = SourceDialog(runner, initial_title="")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields["accessed"].text() == date.today().isoformat()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_box.text() == "A source needs a title."
    assert not dialog.error_box.isHidden()
    assert list_sources(library.db) == []

    dialog.fields["title"].setText("Pentagon statement")
    dialog.fields["published"].setText("7 April 2017")
    dialog.accept()
    assert dialog.error_box.text() == "The published '7 April 2017' is not a date as YYYY-MM-DD."
    assert dialog.focusWidget() is dialog.fields["published"]
    assert list_sources(library.db) == []

    dialog.fields["published"].setText("2017-04-07")
    dialog.fields["archive_url"].setText("javascript:alert(1)")
    dialog.accept()
    assert "archive_url" in dialog.error_box.text()
    assert dialog.focusWidget() is dialog.fields["archive_url"]
    assert dialog.fields["title"].text() == "Pentagon statement"  # nothing typed is lost

    dialog.fields["archive_url"].setText("https://web.archive.org/web/2017/x")
    dialog.fields["url"].setText("https://www.defense.gov/statement")
    dialog.fields["publisher"].setText("US Department of Defense")
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("official record"))
    dialog.fields["reliability"].setCurrentIndex(dialog.fields["reliability"].findData("high"))
    dialog.fields["tags"].setText("Syria, strike, Syria")
    dialog.fields["notes"].setPlainText("Issued the morning after.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.error_box.isHidden()
    row = get_source(library.db, dialog.source_id)
    assert (row["title"], row["published"], row["kind"], row["reliability"], row["tags"], row["notes"]) == (
        "Pentagon statement", "2017-04-07", "official record", "high", "Syria, strike", "Issued the morning after.")
    assert row["archive_url"] == "https://web.archive.org/web/2017/x" and row["author"] is None


def test_edit_an_existing_source(qtbot, library, runner):
    source_id = add_source(library.db, "Satellite imagery", publisher="DigitalGlobe", reliability="medium")
    dialog = SourceDialog(runner, source_id=source_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit source"
    assert dialog.fields["publisher"].text() == "DigitalGlobe"
    assert dialog.fields["reliability"].currentData() == "medium"
    dialog.fields["author"].setText("Analyst team")
    dialog.fields["accessed"].setText("2017-13-01")
    dialog.accept()
    assert "not a real date" in dialog.error_box.text()
    assert get_source(library.db, source_id)["author"] is None
    dialog.fields["accessed"].setText("")
    dialog.accept()
    assert get_source(library.db, source_id)["author"] == "Analyst team"


def test_browse_fills_the_local_file(qtbot, library, runner, monkeypatch, tmp_path):
    chosen = tmp_path / "statement.pdf"
    monkeypatch.setattr(prompts, "ask_open_file", lambda parent, title, folder, name_filter: str(chosen))
    dialog = SourceDialog(runner, initial_title="Statement")
    qtbot.addWidget(dialog)
    browse = [b for b in dialog.findChildren(QPushButton) if b.text() == "&Browse…"][0]
    browse.click()
    assert dialog.fields["local_file"].text() == str(chosen)
    dialog.accept()
    assert get_source(library.db, dialog.source_id)["local_file"] == str(chosen)


def test_every_field_has_an_accessible_name(qtbot, library, runner):
    dialog = SourceDialog(runner)
    qtbot.addWidget(dialog)
    assert all(widget.accessibleName() for widget in dialog.fields.values())
