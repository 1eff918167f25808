"""A warning shown inside a form or panel (the style's warning icon and wrapped text), hidden when empty."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from factcheck_app.ui.plain_text import plain_label


class InlineWarning(QFrame):
    """An icon and a message; ``show_message`` shows it, ``clear`` hides it. Colours come from the palette."""

    def __init__(self, accessible_name: str, framed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if framed:
            self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.label = plain_label(parent=self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(accessible_name)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4) if framed else layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def text(self) -> str:
        """Return the message shown (or last shown)."""
        return self.label.text()

    def show_message(self, text: str) -> None:
        """Show ``text``."""
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        """Hide the warning."""
        self.hide()
