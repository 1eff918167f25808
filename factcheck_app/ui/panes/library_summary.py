"""The status bar's summary of the open library: articles, claims, checked claims, sources."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.library import Library


def plural(n: int, word: str) -> str:
    """Return '1 article' / '2 articles'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class LibrarySummary(QLabel):
    """Says what the library holds, read again after every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("What the library holds")
        self.library: Library | None = None
        self.set_library(None)

    def set_library(self, library: Library | None) -> None:
        """Summarise ``library`` (None: no library open)."""
        self.library = library
        self.refresh()

    def on_changed(self, _changes: Changes) -> None:
        """Count again after a change."""
        self.refresh()

    def refresh(self) -> None:
        """Count the library's rows again."""
        if self.library is None:
            self.setText("No library open")
            return
        counts = views.library_counts(self.library.db)
        text = " · ".join([plural(counts["articles"], "article"), plural(counts["claims"], "claim"),
                           f"{counts['checked']:,} checked", plural(counts["sources"], "source")])
        if self.library.readonly:
            text += " · read-only"
        self.setText(text)
