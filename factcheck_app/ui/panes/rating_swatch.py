"""Colour swatches for rating steps, drawn at the screen's pixel ratio so they stay sharp on high-DPI displays."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget


def swatch_pixmap(colour: str, size: int, widget: QWidget | None = None) -> QPixmap:
    """Return a rounded square of ``colour``, ``size`` device-independent pixels wide, outlined in the palette's text colour."""
    ratio = widget.devicePixelRatioF() if widget is not None else 1.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = (widget.palette() if widget is not None else QPalette()).color(QPalette.ColorRole.WindowText)
    outline.setAlphaF(0.45)
    painter.setPen(outline)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 5, size / 5)
    painter.end()
    return pixmap


def swatch_icon(colour: str, size: int, widget: QWidget | None = None) -> QIcon:
    """Return ``swatch_pixmap`` as an icon."""
    return QIcon(swatch_pixmap(colour, size, widget))
