"""The article details dialog: title, outlet, author, address and date; only changed fields are saved."""
from __future__ import annotations

from factcheck_app.ui.dialogs.article_dialog import ArticleDialog

ARTICLE = {"id": "a1", "title": "Old title", "outlet": None, "author": "Ann Writer", "url": None,
           "published": "2024-03-14", "body": "Old title\n\nText."}


def test_only_changed_fields_are_saved(qtbot):
    saved = []
    dialog = ArticleDialog(ARTICLE, lambda changes: saved.append(changes))
    qtbot.addWidget(dialog)
    assert [dialog.fields[k].text() for k in ("title", "outlet", "author", "url", "published")] == [
        "Old title", "", "Ann Writer", "", "2024-03-14"]
    dialog.fields["outlet"].setText("  The   Ledger ")
    dialog.fields["author"].setText("")
    dialog.fields["url"].setText("https://example.org/a")
    dialog.accept()
    assert saved == [{"outlet": "The Ledger", "author": None, "url": "https://example.org/a"}]
    assert dialog.result() == ArticleDialog.DialogCode.Accepted


def test_a_refusal_keeps_the_dialog_open_with_the_reason(qtbot):
    dialog = ArticleDialog(ARTICLE, lambda changes: "The url 'javascript:x' is not a web address.")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["url"].setText("javascript:x")
    dialog.accept()
    assert dialog.isVisible()
    assert "not a web address" in dialog.error_box.label.text()
    assert dialog.fields["url"].hasFocus() or dialog.focusWidget() is dialog.fields["url"]


def test_nothing_changed_saves_nothing(qtbot):
    saved = []
    dialog = ArticleDialog(ARTICLE, lambda changes: saved.append(changes))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert saved == []
