"""Helpers for the document viewer's tests: selecting words in its text as a checker's mouse would."""
from __future__ import annotations

from PySide6.QtGui import QTextCursor


def select_words(viewer, words: str) -> None:
    """Select the first occurrence of ``words`` in the viewer's text pane."""
    text = viewer.text_view.toPlainText()
    start = text.index(words)
    cursor = viewer.text_view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    viewer.text_view.setTextCursor(cursor)
