"""How claims and facets look in the article: a colour AND an underline style per kind, plus a label.

The colours are mid-tones readable on light and dark palettes; the underline style and
the legend's words carry the same information for anyone who cannot tell the colours apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from factcheck_app.extract.facet_kinds import facet_kind, facet_kinds
from factcheck_app.ui.panes.text_offsets import OffsetMap

_U = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class KindStyle:
    """The look of one facet kind: legend label, colour, underline style and the matching CSS border style."""

    label: str
    colour: str
    underline: QTextCharFormat.UnderlineStyle
    css_border: str


# The registry's line-style names as Qt underlines (the legend also uses the name as its border style).
_UNDERLINES = {"solid": _U.SingleUnderline, "dashed": _U.DashUnderline, "dotted": _U.DotLine,
               "dot-dash": _U.DashDotLine, "dot-dot-dash": _U.DashDotDotLine, "wavy": _U.WaveUnderline}
FALLBACK_STYLE = KindStyle("other", "#868e96", _U.DotLine, "dotted")


def legend_kinds() -> list[str]:
    """Return the names of the facet kinds the legend shows, in the registry's order."""
    return [kind.name for kind in facet_kinds()]


CLAIM_ALPHA = 28
CURRENT_CLAIM_ALPHA = 80
FACET_ALPHA = 46


def style_for(kind: str) -> KindStyle:
    """Return the style of a facet kind, from the facet-kind registry (a neutral dotted style for
    a kind no longer registered)."""
    registered = facet_kind(kind)
    if registered is None:
        return FALLBACK_STYLE
    return KindStyle(registered.label, registered.colour, _UNDERLINES[registered.line_style], registered.line_style)


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
