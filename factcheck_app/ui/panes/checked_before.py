"""The claim panel's "Checked before" section: the claim's best matches among published checks and
the library's earlier verdicts, each with its rating, organisation, date, strength and reasons,
and the two actions on a match: attach it as evidence, copy its rating as a draft verdict.

The section shows what it is given and asks for changes by signal; the claim panel runs them
as operations. Every stored text is shown as plain text.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.core.vocabulary import STANCES

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY_TEXT = "No earlier check matches this claim."
STANCE_TEXT = {"supports": "Supports the claim", "refutes": "Refutes the claim", "context": "Gives context"}


def describe_match(row: dict) -> str:
    """Return a stored match as the lines the list shows: strength, rating, who and when; the
    matched claim; why it matched."""
    strength = f"{row['label']} {row['strength']:.0%}"
    who = row.get("organisation") or "unknown organisation"
    when = f", {row['review_date']}" if row.get("review_date") else ""
    rating = row.get("rating") or "no rating"
    text = " ".join(str(row.get("matched_text") or "").split())
    if len(text) > 220:
        text = text[:219] + "…"
    why = (row.get("reasons") or {}).get("text") or ""
    lines = [f"[{strength}] {rating} — {who}{when}", text]
    if why:
        lines.append(f"why: {why}")
    return "\n".join(lines)


class CheckedBefore(QGroupBox):
    """Lists a claim's stored matches and asks for the actions on the selected one."""

    attachRequested = Signal(str, str)  # published check id, stance
    copyRequested = Signal(str)  # published check id
    rematchRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Checked before", parent)
        self.setAccessibleName("Checked before")
        self.rows: list[dict] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Earlier checks of this claim")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        # Long claims wrap inside the panel's width instead of widening it.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustIgnored)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setEnabled(False)

        self.attach_button = QToolButton()
        self.attach_button.setText("Attach")
        self.attach_button.setAccessibleName("Attach the selected published check as evidence")
        self.attach_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.attach_button)
        for stance in STANCES:
            action = menu.addAction(STANCE_TEXT.get(stance, stance))
            action.triggered.connect(lambda _checked=False, s=stance: self._attach(s))
        self.attach_button.setMenu(menu)
        self.copy_button = QPushButton("Copy rating")
        self.copy_button.setAccessibleName("Copy the selected check's rating as a draft verdict")
        self.copy_button.clicked.connect(self._copy)
        self.rematch_button = QPushButton("Match again")
        self.attach_button.setToolTip("Attach the published check as evidence: it becomes a source")
        self.copy_button.setToolTip("Copy the published rating as a draft verdict for you to confirm")
        self.rematch_button.setAccessibleName("Match this claim again")
        self.rematch_button.clicked.connect(self.rematchRequested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rematch_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.set_matches([])

    def set_matches(self, rows: list[dict]) -> None:
        """Show these stored matches (best first), the first one selected."""
        self.rows = list(rows)
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(describe_match(row))
            item.setData(ROW_ROLE, row)
            item.setToolTip(row.get("review_url") or "")
            self.list.addItem(item)
        self.list.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self.setTitle(f"Checked before ({len(self.rows)})" if self.rows else "Checked before")
        if self.rows:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_match(self) -> dict | None:
        """Return the selected match's row, or None."""
        item = self.list.currentItem()
        return item.data(ROW_ROLE) if item is not None else None

    def set_writable(self, writable: bool) -> None:
        """Allow the actions only on a library that may be changed."""
        self.rematch_button.setEnabled(writable)
        self._writable = writable
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args) -> None:
        row = self.current_match()
        usable = row is not None and row.get("kind") == "check" and getattr(self, "_writable", True)
        self.attach_button.setEnabled(usable)
        self.copy_button.setEnabled(usable)

    def _attach(self, stance: str) -> None:
        row = self.current_match()
        if row is not None and row.get("check_id"):
            self.attachRequested.emit(row["check_id"], stance)

    @Slot()
    def _copy(self) -> None:
        row = self.current_match()
        if row is not None and row.get("check_id"):
            self.copyRequested.emit(row["check_id"])
