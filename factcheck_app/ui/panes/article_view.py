"""The article pane: title, outlet and a correctable published date above the body, with claims and facets
highlighted; hovering a facet shows its value, clicking a claim selects it."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QHelpEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.library import Library
from factcheck_app.ui.models.claims_model import STATUS_TEXT
from factcheck_app.ui.panes.facet_text import facet_tooltip
from factcheck_app.ui.panes.highlight import build_selections, claim_format, legend_kinds, style_for
from factcheck_app.ui.panes.text_offsets import OffsetMap
from factcheck_app.ui.plain_text import plain_label, plain_tooltip

NO_DATE = QDate(1000, 1, 1)
DATE_SETTLE_MS = 700


def _qdate(published: str | None) -> QDate:
    if not published:
        return NO_DATE
    try:
        day = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return NO_DATE
    return QDate(day.year, day.month, day.day)


class KindLegend(QWidget):
    """A row of labels, one per facet kind, each underlined in that kind's colour and style."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        caption = QLabel("Highlights:")
        caption.setEnabled(False)
        layout.addWidget(caption)
        for kind in legend_kinds():
            style = style_for(kind)
            label = QLabel(style.label)
            label.setObjectName(f"legend-{kind}")
            label.setAccessibleName(f"Legend: {style.label} ({style.css_border} {style.label} underline)")
            label.setToolTip(f"{style.label}: underlined {style.css_border.replace('-', ' ')}")
            label.setStyleSheet(f"QLabel {{ border-bottom: 2px {style.css_border} {style.colour}; padding: 0 1px 1px 1px; }}")
            layout.addWidget(label)
        self.claim_chip = QLabel("claim")
        self.claim_chip.setAccessibleName("Legend: claim (shaded background)")
        self.claim_chip.setToolTip("claim: shaded background; the selected claim is shaded darker")
        self.restyle()
        layout.addWidget(self.claim_chip)
        layout.addStretch(1)

    def restyle(self) -> None:
        """Tint the claim sample like a claim in the article, from the current palette (light or dark)."""
        tint = claim_format(self.palette(), current=False).background().color()
        tint.setAlpha(min(255, tint.alpha() * 3))
        self.claim_chip.setStyleSheet(f"QLabel {{ background: rgba({tint.red()}, {tint.green()}, {tint.blue()}, "
                                      f"{tint.alpha()}); padding: 0 4px; border-radius: 3px; }}")


class ArticleView(QWidget):
    """Shows one article with its highlights and reports clicks, selections and date corrections.

    It reads its article itself (``show_article``) and reads it again when a change names the
    article or one of its claims (``on_changed``).
    """

    claimActivated = Signal(str)
    publishedCorrected = Signal(object)  # the new ISO date, or None for "no date"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.article: dict | None = None
        self._claim_ids: frozenset[str] = frozenset()
        self.claims: list[dict] = []
        self.facets: list[dict] = []
        self.current_claim: str | None = None
        self._offsets = OffsetMap("")
        self._loading = False

        self.title = plain_label("No article selected")
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setAccessibleName("Article title")

        self.meta = plain_label("")
        self.meta.setAccessibleName("Article outlet and source")
        self.meta.setEnabled(False)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("No date")
        self.date_edit.setDate(NO_DATE)
        self.date_edit.setAccessibleName("Published date")
        self.date_edit.setToolTip("The date the article was published. Correct it and relative dates "
                                  "(\"last week\", \"Tuesday\") are worked out again.")
        self.date_edit.setEnabled(False)
        date_label = QLabel("&Published:")
        date_label.setBuddy(self.date_edit)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(DATE_SETTLE_MS)
        self._settle.timeout.connect(self._apply_date)
        self.date_edit.dateChanged.connect(self._date_edited)
        self.date_edit.editingFinished.connect(self._apply_date)

        meta_row = QHBoxLayout()
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(date_label)
        meta_row.addWidget(self.date_edit)

        self.legend = KindLegend()
        self.text = QTextBrowser()
        self.text.setObjectName("articleText")
        self.text.setOpenLinks(False)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Article text")
        self.text.setAccessibleDescription("The article with its claims shaded and facts underlined by kind")
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.default_points = max(round(self.text.font().pointSizeF() * 1.15), 10)
        self.set_text_points(self.default_points)
        self.text.document().setDocumentMargin(14)
        self.text.viewport().installEventFilter(self)
        self.text.viewport().setMouseTracking(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(meta_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)

    def set_text_points(self, points: int) -> int:
        """Set the article text's size in points (kept between 8 and 32); return the size used."""
        points = max(8, min(32, int(points)))
        font = self.text.font()
        font.setPointSizeF(points)
        self.text.setFont(font)
        return points

    def text_points(self) -> int:
        """Return the article text's size in points."""
        return round(self.text.font().pointSizeF())

    # --- content ---------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        """Show articles of ``library`` (None: nothing); the pane starts empty."""
        self.library = library
        self.set_read_only_date(bool(library and library.readonly))
        self.set_article(None, [], [])

    def show_article(self, article_id: str | None, current_claim: str | None = None, keep_scroll: bool = False) -> bool:
        """Read and show ``article_id`` (None: empty); return False when there is no such article."""
        page = views.article_page(self.library.db, article_id) if self.library and article_id else None
        if page is None:
            self.set_article(None, [], [])
            return article_id is None
        self.set_article(*page, current_claim=current_claim, keep_scroll=keep_scroll)
        return True

    def on_changed(self, changes: Changes) -> None:
        """Read the article again when ``changes`` touch it or its claims (keeping the reader's place)."""
        if self.article is None:
            return
        if changes.everything or self.article["id"] in changes.article_ids or self._claim_ids & changes.claim_ids:
            current = self.current_claim if self.current_claim in self._claim_ids else None
            self.show_article(self.article["id"], current, keep_scroll=True)

    def set_article(self, article: dict | None, claims: list[dict], facets: list[dict],
                    current_claim: str | None = None, keep_scroll: bool = False) -> None:
        """Show ``article`` (a store row with body) with its claims and facets; None clears the pane."""
        scroll = self.text.verticalScrollBar().value()
        same = keep_scroll and article is not None and self.article is not None and article["id"] == self.article["id"]
        previous_body = self.article["body"] if self.article else None
        self.article = article
        self._loading = True
        if article is None:
            self.title.setText("No article selected")
            self.meta.setText("Import an article (Ctrl+O) or paste one (Ctrl+Shift+V).")
            self.text.clear()
            self.date_edit.setDate(NO_DATE)
            self.date_edit.setEnabled(False)
            self._offsets = OffsetMap("")
            self.claims, self.facets = [], []
            self._claim_ids = frozenset()
        else:
            self.title.setText(article.get("title") or article.get("source_name") or "(untitled)")
            bits = [article.get("outlet") or "Outlet unknown"]
            if article.get("author"):
                bits.append(article["author"])
            if article.get("source_name"):
                bits.append(f"from {article['source_name']}")
            self.meta.setText(" · ".join(bits))
            self.date_edit.setDate(_qdate(article.get("published")))
            self.date_edit.setEnabled(True)
            # The same text again (a refresh after an edit) keeps the reader's cursor, selection and place.
            if not (same and previous_body == article["body"]):
                self.text.setPlainText(article["body"])
                self._offsets = OffsetMap(article["body"])
            self._claim_ids = frozenset(c["id"] for c in claims)
            self.claims = [c for c in claims if c.get("status") != "dismissed"]
            self.facets = [f for f in facets if f["claim_id"] in {c["id"] for c in self.claims}]
        self._loading = False
        self.current_claim = current_claim
        self._paint()
        if same:
            self.text.verticalScrollBar().setValue(scroll)

    def set_read_only_date(self, readonly: bool) -> None:
        """Disable date correction (read-only library)."""
        self.date_edit.setReadOnly(readonly)

    def set_current_claim(self, claim_id: str | None, scroll: bool = True) -> None:
        """Mark ``claim_id`` as the selected claim and bring it into view."""
        self.current_claim = claim_id
        self._paint()
        claim = self.claim(claim_id) if claim_id else None
        if claim and scroll:
            self._scroll_to(claim["start_offset"])

    def _paint(self) -> None:
        self.text.setExtraSelections(build_selections(self.text.document(), self._offsets, self.palette(),
                                                      self.claims, self.facets, self.current_claim))

    def _scroll_to(self, offset: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(offset))
        rect = self.text.cursorRect(cursor)
        bar = self.text.verticalScrollBar()
        # Put the claim a third of the way down, so the sentences before it give context.
        target = bar.value() + rect.top() - self.text.viewport().height() // 3
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    # --- lookups ---------------------------------------------------------
    def claim(self, claim_id: str | None) -> dict | None:
        """Return the shown claim with ``claim_id``."""
        return next((c for c in self.claims if c["id"] == claim_id), None)

    def claim_at(self, offset: int) -> dict | None:
        """Return the (shortest) claim covering ``offset``."""
        hits = [c for c in self.claims if c["start_offset"] <= offset < c["end_offset"]]
        return min(hits, key=lambda c: c["end_offset"] - c["start_offset"]) if hits else None

    def facet_at(self, offset: int) -> dict | None:
        """Return the (shortest) facet covering ``offset``."""
        hits = [f for f in self.facets if f["start_offset"] <= offset < f["end_offset"]]
        return min(hits, key=lambda f: f["end_offset"] - f["start_offset"]) if hits else None

    def offset_at(self, point: QPoint) -> int:
        """Return the store offset of the character under viewport point ``point``."""
        return self._offsets.from_qt(self.text.cursorForPosition(point).position())

    def selection_span(self) -> tuple[int, int] | None:
        """Return the selected text's (start, end) store offsets, or None."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd())

    def cursor_offset(self) -> int:
        """Return the store offset of the text cursor (where a split happens)."""
        return self._offsets.from_qt(self.text.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select body[start:end] in the text (used by tests and by keyboard selection helpers)."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def extra_selection_spans(self) -> list[tuple[int, int, Any]]:
        """Return (start, end, format) of every painted highlight, in store offsets."""
        return [(self._offsets.from_qt(s.cursor.selectionStart()), self._offsets.from_qt(s.cursor.selectionEnd()),
                 QTextCharFormat(s.format)) for s in self.text.extraSelections()]

    # --- events ----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        # The system switched between light and dark: the claim tints come from the palette.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._paint()
            self.legend.restyle()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.text.viewport():
            if event.type() == QEvent.Type.ToolTip:
                self._show_tooltip(event)  # type: ignore[arg-type]
                return True
            if (event.type() == QEvent.Type.MouseButtonRelease
                    and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton
                    and not self.text.textCursor().hasSelection()):
                claim = self.claim_at(self.offset_at(event.position().toPoint()))
                if claim is not None:
                    self.claimActivated.emit(claim["id"])
        return super().eventFilter(watched, event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        text = self.tooltip_at(self.offset_at(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), text, self.text.viewport())
        else:
            QToolTip.hideText()

    def tooltip_at(self, offset: int) -> str | None:
        """Return the tooltip for the character at ``offset``: its facet, else its claim."""
        facet = self.facet_at(offset)
        if facet is not None:
            return plain_tooltip(facet_tooltip(facet))
        claim = self.claim_at(offset)
        if claim is not None:
            verdict = claim.get("verdict") or "not yet checked"
            return plain_tooltip(
                f"claim ({STATUS_TEXT.get(claim.get('status'), claim.get('status'))}, {verdict}) - click to select")
        return None

    # --- date correction -------------------------------------------------
    @Slot(QDate)
    def _date_edited(self, _date: QDate) -> None:
        if not self._loading and self.article is not None and not self.date_edit.isReadOnly():
            self._settle.start()

    @Slot()
    def _apply_date(self) -> None:
        self._settle.stop()
        if self._loading or self.article is None or self.date_edit.isReadOnly():
            return
        new = self.date_value()
        old = self.article.get("published")
        if (old or None) and str(old)[:10] == new or (not old and new is None):
            return
        self.publishedCorrected.emit(new)

    def date_value(self) -> str | None:
        """Return the date in the editor as ISO text (None when it says "No date")."""
        qdate = self.date_edit.date()
        return None if qdate == NO_DATE else qdate.toString("yyyy-MM-dd")
