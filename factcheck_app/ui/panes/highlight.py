"""How claims and facets look in the article: a colour AND an underline style per kind, plus a label.

The colours are mid-tones readable on light and dark palettes; the underline style and
the legend's words carry the same information for anyone who cannot tell the colours apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from factcheck_app.ui.panes.text_offsets import OffsetMap

_U = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class KindStyle:
    """The look of one facet kind: legend label, colour, underline style and the matching CSS border style."""

    label: str
    colour: str
    underline: QTextCharFormat.UnderlineStyle
    css_border: str


KIND_STYLES: dict[str, KindStyle] = {
    "date": KindStyle("date", "#3b82f6", _U.DashUnderline, "dashed"),
    "quantity": KindStyle("quantity", "#e8590c", _U.SingleUnderline, "solid"),
    "place": KindStyle("place", "#2f9e44", _U.DotLine, "dotted"),
    "quote": KindStyle("quote", "#ae3ec9", _U.DashDotLine, "dot-dash"),
    "entity": KindStyle("entity", "#868e96", _U.DashDotDotLine, "dot-dot-dash"),
}
FALLBACK_STYLE = KindStyle("other", "#868e96", _U.DotLine, "dotted")
CLAIM_ALPHA = 28
CURRENT_CLAIM_ALPHA = 80
FACET_ALPHA = 46


def style_for(kind: str) -> KindStyle:
    """Return the style of a facet kind (a neutral dotted style for kinds added later)."""
    return KIND_STYLES.get(kind, FALLBACK_STYLE)


def claim_format(palette: QPalette, current: bool) -> QTextCharFormat:
    """Return the background tint of a claim (stronger for the selected one), from the palette's highlight."""
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    colour.setAlpha(CURRENT_CLAIM_ALPHA if current else CLAIM_ALPHA)
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    return fmt


def facet_format(kind: str) -> QTextCharFormat:
    """Return a facet's format: the kind's underline style and colour over a faint tint of it."""
    style = style_for(kind)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(QColor(style.colour))
    tint = QColor(style.colour)
    tint.setAlpha(FACET_ALPHA)
    fmt.setBackground(tint)
    fmt.setToolTip(kind)
    return fmt


def build_selections(document: QTextDocument, offsets: OffsetMap, palette: QPalette, claims: list[dict],
                     facets: list[dict], current_claim: str | None) -> list[QTextEdit.ExtraSelection]:
    """Return the extra selections that paint every claim and then every facet (facets on top)."""
    selections = []

    def span(start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(document)
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)

    plain, strong = claim_format(palette, False), claim_format(palette, True)
    for claim in claims:
        span(claim["start_offset"], claim["end_offset"], strong if claim["id"] == current_claim else plain)
    for facet in facets:
        span(facet["start_offset"], facet["end_offset"], facet_format(facet["kind"]))
    return selections
