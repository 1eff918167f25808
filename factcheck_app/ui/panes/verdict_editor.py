"""The verdict half of the claim panel: scale, rating, rationale, checker, status, review, history.

The editor reads the store and shows; it never writes. Every change a checker makes
is emitted as a request (``ratingChosen``, ``rationaleEdited``...) that the panel runs as
an operation. The rationale is emitted after a short pause in typing,
when the box loses focus, and on ``flush()``, so nothing typed waits for a Save button.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.core.rating_scales import NOT_YET_CHECKED, RatingScale
from factcheck_app.store import Library
from factcheck_app.store.evidence import independent_source_count
from factcheck_app.store.scales import DEFAULT_SCALE, list_scales
from factcheck_app.store.schema import VERDICT_STATUSES
from factcheck_app.store.verdicts import get_verdict, verdict_history
from factcheck_app.ui.panes.inline_warning import InlineWarning
from factcheck_app.ui.plain_text import plain_label, plain_tooltip
from factcheck_app.ui.panes.rating_swatch import swatch_icon, swatch_pixmap

RATIONALE_IDLE_MS = 800
MIN_INDEPENDENT_SOURCES = 2
STATUS_LABELS = {"draft": "Draft", "reviewed": "Reviewed", "published": "Published"}


def _when(stamp: str | None) -> str:
    return (stamp or "").replace("T", " ")[:16]


class VerdictHistoryModel(QAbstractListModel):
    """A claim's verdict changes, newest first, one line each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        """Show ``rows`` (verdict_history rows, oldest first)."""
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.describe(row))
        return None

    @staticmethod
    def describe(row: dict) -> str:
        """Return one history row as a sentence: when, who, from what to what, why."""
        before = row["from_rating"] or NOT_YET_CHECKED
        after = row["to_rating"] or NOT_YET_CHECKED
        change = f"{before} → {after}" if before != after else after
        status = row["to_status"] or ""
        if status and status != row["from_status"]:
            change += f" ({STATUS_LABELS.get(status, status).lower()})"
        who = row["changed_by"] or "someone"
        why = f" · {row['why']}" if row["why"] else ""
        return f"{_when(row['changed_at'])}  {who}: {change}{why}"


class RationaleEdit(QPlainTextEdit):
    """The rationale box: plain text, Tab moves on, and a preferred height of a few lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class VerdictEditor(QWidget):
    """Scale and rating buttons, the rationale, checker and status, review and the two-source warning."""

    ratingChosen = Signal(str, str)  # scale name, step label
    rationaleEdited = Signal(str, str)  # claim id, text
    statusChosen = Signal(str)
    reviewRequested = Signal()
    clearRequested = Signal()

    def __init__(self, library: Library, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._read_only = read_only
        self._claim_id: str | None = None
        self._verdict: dict | None = None
        self._scales: dict[str, RatingScale] = {}
        self._saved_rationale = ""
        self._loading = False

        self.scale_combo = QComboBox()
        self.scale_combo.setAccessibleName("Rating scale")
        self.scale_combo.currentIndexChanged.connect(self._scale_changed)
        scale_label = QLabel("S&cale:")
        scale_label.setBuddy(self.scale_combo)

        # A plain list, not a QButtonGroup: Tab reaches only one button of a group, and
        # every rating should be one Tab stop away. The editor checks the saved rating itself.
        self._rating_buttons: list[QPushButton] = []
        self.rating_grid = QGridLayout()
        self.rating_grid.setHorizontalSpacing(6)
        self.rating_grid.setVerticalSpacing(4)

        self.summary_icon = QLabel()
        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName("Current verdict")
        self.clear_button = QPushButton("Clear ratin&g")
        self.clear_button.setAccessibleName("Clear the verdict (Not yet checked)")
        self.clear_button.clicked.connect(self.clearRequested)

        self.warning_box = InlineWarning("Two-source warning", framed=True)

        self.rationale_edit = RationaleEdit()
        self.rationale_edit.setAccessibleName("Rationale")
        self.rationale_edit.textChanged.connect(self._rationale_typed)
        self.rationale_edit.installEventFilter(self)
        rationale_label = QLabel("&Rationale (saved as you type):")
        rationale_label.setBuddy(self.rationale_edit)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(RATIONALE_IDLE_MS)
        self.idle_timer.timeout.connect(self.flush)

        # Who set the rating is the checker (the sign-off rules in ops): shown, never typed over.
        self.checker_edit = QLineEdit()
        self.checker_edit.setAccessibleName("Checker")
        self.checker_edit.setReadOnly(True)
        checker_label = QLabel("Chec&ker:")
        checker_label.setBuddy(self.checker_edit)
        self.status_combo = QComboBox()
        self.status_combo.setModel(QStandardItemModel(self.status_combo))
        for status in VERDICT_STATUSES:
            self.status_combo.addItem(STATUS_LABELS[status], status)
        self.status_combo.setAccessibleName("Verdict status")
        self.status_combo.activated.connect(self._status_activated)
        status_label = QLabel("Stat&us:")
        status_label.setBuddy(self.status_combo)

        self.review_button = QPushButton("Mark revie&wed")
        self.review_button.setAccessibleName("Mark the verdict reviewed by you, a second checker")
        self.review_button.clicked.connect(self.reviewRequested)

        self.history_model = VerdictHistoryModel(self)
        self.history_view = QListView()
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName("Verdict history")
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(True)
        self.history_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        self.history_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        history_label = QLabel("Histor&y:")
        history_label.setBuddy(self.history_view)

        scale_row = QHBoxLayout()
        scale_row.addWidget(scale_label)
        scale_row.addWidget(self.scale_combo, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_icon)
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.clear_button)
        people = QGridLayout()
        people.addWidget(checker_label, 0, 0)
        people.addWidget(self.checker_edit, 0, 1, 1, 2)
        people.addWidget(status_label, 1, 0)
        people.addWidget(self.status_combo, 1, 1)
        people.addWidget(self.review_button, 1, 2)
        people.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(scale_row)
        layout.addLayout(self.rating_grid)
        layout.addLayout(summary_row)
        layout.addWidget(self.warning_box)
        layout.addWidget(rationale_label)
        layout.addWidget(self.rationale_edit, 1)
        layout.addLayout(people)
        layout.addWidget(history_label)
        layout.addWidget(self.history_view)

        self.reload_scales()
        self.show_claim(None)

    # --- what is shown ---------------------------------------------------------------------------

    def reload_scales(self) -> None:
        """Re-read the library's rating scales (after Preferences > Rating scales)."""
        current = self.current_scale_name()
        self._scales = {s.name: s for s in list_scales(self._library.db)}
        self._loading = True
        self.scale_combo.blockSignals(True)
        self.scale_combo.clear()
        for scale in self._scales.values():
            self.scale_combo.addItem(scale.title + ("" if scale.builtin else " (custom)"), scale.name)
        self.scale_combo.blockSignals(False)
        self._select_scale(current or DEFAULT_SCALE)
        self._build_rating_buttons()  # the scale's steps may have been edited
        self._loading = False

    def current_scale_name(self) -> str | None:
        """Return the name of the scale the rating buttons show."""
        return self.scale_combo.currentData()

    def current_scale(self) -> RatingScale | None:
        """Return the scale the rating buttons show."""
        return self._scales.get(self.current_scale_name())

    def _select_scale(self, name: str) -> None:
        index = self.scale_combo.findData(name)
        if index < 0:
            index = max(self.scale_combo.findData(DEFAULT_SCALE), 0)
        if index != self.scale_combo.currentIndex():
            self.scale_combo.setCurrentIndex(index)

    def show_claim(self, claim_id: str | None, default_scale: str | None = None, checker: str = "") -> None:
        """Show the verdict of ``claim_id`` (None: nothing). Pending rationale must be flushed first."""
        self.idle_timer.stop()
        self._claim_id = claim_id
        self._verdict = get_verdict(self._library.db, claim_id) if claim_id else None
        self._loading = True
        try:
            scale = self._verdict["scale"] if self._verdict else (default_scale or self.current_scale_name())
            self._select_scale(scale or DEFAULT_SCALE)
            self._show_verdict(checker, keep_typed=False)
        finally:
            self._loading = False

    def refresh(self, checker: str = "") -> None:
        """Re-read the current claim's verdict, history and sources, keeping unsaved rationale text."""
        if self._claim_id is None:
            return
        previous_scale = (self._verdict or {}).get("scale")
        self._verdict = get_verdict(self._library.db, self._claim_id)
        self._loading = True
        try:
            # Follow the verdict to a new scale, but keep a scale the checker is only looking at.
            if self._verdict and self._verdict["scale"] != previous_scale:
                self._select_scale(self._verdict["scale"])
            self._show_verdict(checker, keep_typed=True)
        finally:
            self._loading = False

    def _show_verdict(self, checker: str, keep_typed: bool) -> None:
        verdict = self._verdict
        has_claim = self._claim_id is not None
        has_verdict = verdict is not None
        writable = not self._read_only
        self.scale_combo.setEnabled(has_claim)
        for button in self._rating_buttons:
            button.setEnabled(has_claim and writable)
        self._check_rating_button()

        self._show_summary()
        self.clear_button.setEnabled(has_verdict and writable)

        text = (verdict or {}).get("rationale") or ""
        keep = keep_typed and self.rationale_dirty()
        self._saved_rationale = text
        if not keep and self.rationale_edit.toPlainText() != text:
            self.rationale_edit.setPlainText(text)
        self.rationale_edit.setEnabled(has_verdict)
        self.rationale_edit.setReadOnly(self._read_only)
        self.rationale_edit.setPlaceholderText(
            "Why this rating: what the evidence shows." if has_verdict else "Choose a rating first, then write why."
        )

        self.checker_edit.setText((verdict or {}).get("checker") or "")
        self.checker_edit.setPlaceholderText(checker)
        self.checker_edit.setEnabled(has_verdict)
        self._show_status(verdict)

        count = independent_source_count(self._library.db, self._claim_id) if has_claim else 0
        self.show_source_warning(has_verdict and count < MIN_INDEPENDENT_SOURCES, count)
        self.history_model.set_rows(verdict_history(self._library.db, self._claim_id) if has_claim else [])
        self.history_view.setEnabled(has_claim)

    def _show_summary(self) -> None:
        verdict = self._verdict
        if verdict is None:
            self.summary_label.setText(f"Verdict: {NOT_YET_CHECKED}" if self._claim_id else "")
            self.summary_icon.hide()
            return
        scale = self._scales.get(verdict["scale"])
        shown_elsewhere = verdict["scale"] != self.current_scale_name()
        scale_note = f", {scale.title if scale else verdict['scale']}" if shown_elsewhere else ""
        status = STATUS_LABELS[verdict["status"]].lower()
        if verdict["status"] == "reviewed" and verdict.get("reviewer"):
            status = f"reviewed by {verdict['reviewer']}"
        elif verdict["status"] == "published" and verdict.get("reviewer"):
            status += f", reviewed by {verdict['reviewer']}"
        self.summary_label.setText(f"Verdict: {verdict['rating']} ({status}{scale_note})")
        colour = self._step_colour(scale, verdict["rating"])
        self.summary_icon.setPixmap(swatch_pixmap(colour, self._swatch_size(), self))
        self.summary_icon.show()

    def _show_status(self, verdict: dict | None) -> None:
        status = verdict["status"] if verdict else "draft"
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))
        model: QStandardItemModel = self.status_combo.model()
        # Only a second checker makes a verdict reviewed (Mark reviewed), and only a reviewed one is published.
        allowed = {status} | ({"published"} if status == "reviewed" else set())
        for row, value in enumerate(VERDICT_STATUSES):
            model.item(row).setEnabled(value in allowed)
        self.status_combo.setEnabled(verdict is not None and not self._read_only)
        self.review_button.setEnabled(verdict is not None and status == "draft" and not self._read_only)

    def show_source_warning(self, show: bool, count: int) -> None:
        """Show or hide the two-source warning for a verdict resting on ``count`` independent sources."""
        sources = "no independent source" if count == 0 else f"{count} independent source" + ("s" if count > 1 else "")
        self.warning_box.label.setText(f"Rests on {sources}; the two-source rule asks for {MIN_INDEPENDENT_SOURCES}.")
        self.warning_box.setToolTip(
            f"A verdict should rest on at least {MIN_INDEPENDENT_SOURCES} sources from different publishers "
            "that support or refute the claim; sources giving context do not count."
        )
        self.warning_box.setVisible(show)

    def _swatch_size(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)

    @staticmethod
    def _step_colour(scale: RatingScale | None, label: str) -> str:
        for step in scale.steps if scale else ():
            if step.label.casefold() == label.casefold():
                return step.colour
        return "#808080"

    def _scale_changed(self) -> None:
        self._build_rating_buttons()
        if not self._loading:
            self._show_summary()

    def _build_rating_buttons(self) -> None:
        for button in self._rating_buttons:
            self.rating_grid.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self._rating_buttons = []
        scale = self.current_scale()
        if scale is None:
            return
        columns = 2
        for number, step in enumerate(scale.steps, start=1):
            button = QPushButton(step.label)
            button.setCheckable(True)
            button.setIcon(swatch_icon(step.colour, self._swatch_size(), self))
            button.setProperty("step_label", step.label)
            button.setAccessibleName(f"Rate {step.label}")
            key = f" (key {number})" if number <= 9 else ""
            off = " Off the true-to-false scale." if step.off_scale else ""
            button.setToolTip(plain_tooltip(f"{step.description}{off}{key}".strip()))
            button.setEnabled(self._claim_id is not None and not self._read_only)
            button.clicked.connect(partial(self._rating_clicked, step.label))
            self._rating_buttons.append(button)
            self.rating_grid.addWidget(button, (number - 1) // columns, (number - 1) % columns)
        self._check_rating_button()

    def _check_rating_button(self) -> None:
        verdict = self._verdict
        for button in self._rating_buttons:
            chosen = (
                bool(verdict)
                and verdict["scale"] == self.current_scale_name()
                and button.property("step_label").casefold() == verdict["rating"].casefold()
            )
            button.setChecked(chosen)
            # A bold label marks the saved rating in every style, not only by the sunken look.
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)

    # --- what the checker does -------------------------------------------------------------------

    def rating_buttons(self) -> list[QAbstractButton]:
        """Return the rating buttons in scale order."""
        return list(self._rating_buttons)

    def _rating_clicked(self, label: str) -> None:
        self._check_rating_button()  # the store decides; refresh shows the saved rating
        self.ratingChosen.emit(self.current_scale_name(), label)

    def rationale_dirty(self) -> bool:
        """Return True when the rationale box holds text not yet saved."""
        return self._claim_id is not None and self.rationale_edit.toPlainText() != self._saved_rationale

    def _rationale_typed(self) -> None:
        if not self._loading and self.rationale_edit.isEnabled():
            self.idle_timer.start()

    def flush(self) -> None:
        """Emit the rationale now if it holds unsaved text (before switching claim, on focus-out, on close)."""
        self.idle_timer.stop()
        if self.rationale_dirty() and self._verdict is not None:
            self.rationaleEdited.emit(self._claim_id, self.rationale_edit.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rationale_edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _status_activated(self, index: int) -> None:
        status = self.status_combo.itemData(index)
        if self._verdict is not None and status != self._verdict["status"]:
            self.statusChosen.emit(status)
