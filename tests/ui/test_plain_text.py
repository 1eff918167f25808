"""Stored text is shown as plain text everywhere (issue 15, part 6).

An article, a source, evidence or a checker's name that holds markup must show the markup's
characters, never bold, huge red text or a local image: the words a checker rates cannot be
hidden or faked. The test loads hostile text into every kind of row, shows it, and walks the
window's widgets (labels, tooltips, item-view cells and tooltips, text boxes, message boxes).
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import Qt as QtText
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QPlainTextEdit, QTextEdit, QWidget

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.store import open_library
from factcheck_app.store.articles import import_article
from factcheck_app.store.claims import set_status
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.sources import add_source
from verdict_support import set_verdict
from factcheck_app.ui.dialogs import prompts

HOSTILE = '<b>BOLD</b> <font color=red size=7>RED</font> <img src="file:///tmp/local.png">'
MARK = "<b>BOLD</b>"


def hostile_library(path) -> tuple[str, str, str]:
    """Build a library whose every stored text holds markup; return (article, rated claim, dismissed claim)."""
    body = f"{HOSTILE}\n\nThe council said {HOSTILE} on 59 buses. Others said {HOSTILE} too."
    first = body.index("The council")
    first_end = body.index(" Others")
    second = body.index("Others")
    number = body.index("59")
    claims = [
        ExtractedClaim(first, first_end, body[first:first_end], 0.9,
                       [Facet("quantity", number, number + 2, "59", value=59, unit=HOSTILE),
                        Facet("quote", first + 17, first + 17 + len(HOSTILE), HOSTILE, value=HOSTILE,
                              speaker=HOSTILE)]),
        ExtractedClaim(second, len(body), body[second:], 0.5),
    ]
    article = ExtractedArticle(body=body, title=HOSTILE, outlet=HOSTILE, author=HOSTILE,
                               published="2024-03-14", claims=claims)
    with open_library(path) as lib:
        db = lib.db
        result = import_article(db, article, source_name=HOSTILE)
        rated, dismissed = result.claim_ids
        source = add_source(db, HOSTILE, publisher=HOSTILE, author=HOSTILE, notes=HOSTILE)
        add_evidence(db, rated, source, "refutes", excerpt=HOSTILE, locator=HOSTILE, note=HOSTILE,
                     added_by=HOSTILE)
        set_verdict(db, rated, "False", rationale=HOSTILE, checker=HOSTILE, why=HOSTILE)
        set_status(db, dismissed, "dismissed", HOSTILE)
    return result.article_id, rated, dismissed


def shows_rich(text: str, text_format: Qt.TextFormat) -> bool:
    """True when Qt would render ``text`` as rich text in a widget with ``text_format``."""
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and QtText.mightBeRichText(text)


def tooltip_problem(tip: str | None) -> bool:
    """True when a tooltip (always auto-detected by Qt) would render the hostile markup."""
    return bool(tip) and QtText.mightBeRichText(tip) and MARK in tip


def rich_renderings(root: QWidget) -> list[str]:
    """Return a line for every place under ``root`` that renders the hostile text as rich text."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if tooltip_problem(widget.toolTip()):
            found.append(f"tooltip of {name}")
        if isinstance(widget, QLabel) and "BOLD" in widget.text() and shows_rich(widget.text(), widget.textFormat()):
            found.append(f"label {name}")
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            shown = widget.toPlainText()
            if "BOLD" in shown and MARK not in shown:
                found.append(f"text box {name} rendered the markup")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:
                columns = 1  # a list model (a combo box's popup): PySide keeps its columnCount private
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(columns):
                    index = model.index(row, column, QModelIndex())
                    if tooltip_problem(model.data(index, Qt.ItemDataRole.ToolTipRole)):
                        found.append(f"cell tooltip ({row}, {column}) of {name}")
    return found


@pytest.fixture
def hostile_window(make_window, tmp_path):
    path = tmp_path / "hostile.sqlite"
    article_id, rated, dismissed = hostile_library(path)
    window = make_window(path)
    window.library_pane.select_article(article_id)
    window.select_claim(rated)
    return window, article_id, rated, dismissed


def test_the_window_shows_hostile_text_as_plain_text(hostile_window):
    window, _article_id, rated, _dismissed = hostile_window
    assert window.claim_panel.claim_id == rated
    # The hostile text is on screen: the check below is not vacuous.
    assert window.article_view.title.text() == HOSTILE
    assert HOSTILE in window.claim_panel.claim_label.text()
    assert rich_renderings(window) == []


def test_the_whole_library_list_and_the_dismissed_claim_show_plain_text(hostile_window):
    window, _article_id, _rated, dismissed = hostile_window
    window.acts.act_whole_library.trigger()
    window.select_claim(dismissed)
    assert window.claim_panel.claim_id == dismissed
    assert HOSTILE in window.claim_panel.dismissed_label.text()
    assert rich_renderings(window) == []


def test_article_hover_tooltips_are_plain_text(hostile_window):
    window, *_ = hostile_window
    view = window.article_view
    body = view.article["body"]
    for offset in (body.index("59"), body.index("The council") + 20, body.index("The council") + 2):
        tip = view.tooltip_at(offset)
        assert tip and not tooltip_problem(tip), tip


def test_dialogs_show_hostile_text_as_plain_text(hostile_window, qtbot):
    from factcheck_app.ui.dialogs.evidence_dialog import EvidenceDialog
    from factcheck_app.ui.dialogs.source_dialog import SourceDialog

    window, *_ = hostile_window
    panel = window.claim_panel
    row = panel.evidence_model.evidence_row(0)
    evidence = EvidenceDialog(row, window)
    qtbot.addWidget(evidence)
    assert rich_renderings(evidence) == []
    source = SourceDialog(window.runner, row["source_id"], parent=window)
    qtbot.addWidget(source)
    assert rich_renderings(source) == []


def test_the_export_dialog_and_its_preview_show_hostile_text_as_text(hostile_window, qtbot):
    from factcheck_app.ui.dialogs.export_dialog import ExportDialog

    window, article_id, *_ = hostile_window
    dialog = ExportDialog(window.library, window, article_ids=[article_id])
    qtbot.addWidget(dialog)
    dialog.refresh_preview()
    assert "BOLD" in dialog.preview.toPlainText()  # the preview shows the article's words…
    assert rich_renderings(dialog) == []  # …as the characters they are
    dialog.close()  # before the window's library closes: no preview may be left due


def test_message_boxes_show_their_text_as_plain_text(qtbot):
    box, _ = prompts.message_box(None, "info", "Import", f"Imported {HOSTILE}.", detail=HOSTILE)
    qtbot.addWidget(box)
    assert rich_renderings(box) == []
    assert any(label.text() == f"Imported {HOSTILE}." for label in box.findChildren(QLabel))


def test_the_check_finds_rich_text(qtbot):
    # The walk above must fail on a label or tooltip that renders markup.
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel(HOSTILE, widget)
    widget.setToolTip(HOSTILE)
    assert len(rich_renderings(widget)) == 2
    label.setTextFormat(Qt.TextFormat.PlainText)
    widget.setToolTip(QtText.convertFromPlainText(HOSTILE))
    assert rich_renderings(widget) == []
    assert QGuiApplication.instance() is QApplication.instance()
