"""Small helpers for forms: naming a field for screen readers and tooltips, and a label that focuses its field."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def name_field(widget: QWidget, name: str, description: str = "") -> None:
    """Give ``widget`` an accessible name, and a description shown as its tooltip too."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """Return a label whose mnemonic (the letter after '&') puts the focus in ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
