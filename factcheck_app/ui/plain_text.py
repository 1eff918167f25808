"""Showing stored text as text: labels and tooltips that never render an article's, a source's or a
checker's words as markup (an article could otherwise hide or fake the words a checker rates)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtText
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Return a QLabel that shows ``text`` (and any text set later) as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str | None) -> str | None:
    """Return ``text`` as a tooltip that shows it literally.

    Qt guesses whether a tooltip is markup; text it would take for markup is escaped into a
    paragraph of its own, anything else is returned as it is.
    """
    if text and QtText.mightBeRichText(text):
        return QtText.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text
