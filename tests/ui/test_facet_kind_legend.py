"""A facet kind registered once reaches the highlighter: its legend entry, underline and tooltip."""
from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QLabel

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FacetKind, registered
from factcheck_app.ui.panes.article_view import KindLegend
from factcheck_app.ui.panes.facet_text import facet_tooltip
from factcheck_app.ui.panes.highlight import facet_format


def _no_facets(body, context) -> list[Facet]:
    return []


TOY = FacetKind("hashtag", "campaign tag", "#0b7285", "wavy", 0.3, _no_facets)


def test_a_registered_kind_reaches_the_legend_the_underline_and_the_tooltip(qtbot) -> None:
    with registered(TOY):
        legend = KindLegend()
        qtbot.addWidget(legend)
        label = legend.findChild(QLabel, "legend-hashtag")
        assert label is not None and label.text() == "campaign tag"
        assert "#0b7285" in label.styleSheet()
        fmt = facet_format("hashtag")
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.underlineColor().name() == "#0b7285"
        assert facet_tooltip({"kind": "hashtag", "text": "#SaveTheFerry", "value": "SaveTheFerry"}).startswith(
            "campaign tag: “#SaveTheFerry”")
    legend = KindLegend()
    qtbot.addWidget(legend)
    assert legend.findChild(QLabel, "legend-hashtag") is None
    assert legend.findChild(QLabel, "legend-date").text() == "date"
