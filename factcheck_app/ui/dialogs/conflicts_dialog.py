"""Verdicts to decide: two versions of a verdict, changed apart by two checkers, shown side by side.

The list on the left holds every claim waiting for a decision; for the one chosen, each
version shows its rating, checker, when it was made and its rationale, above the claim's
evidence (who added what). "Keep this version" decides through ops/decisions.py; a new
verdict set in the claim panel decides too.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.ops.changes import Changes
from factcheck_app.ops.decisions import decide_verdict
from factcheck_app.store.errors import StoreError
from factcheck_app.store.claims import get_claim
from factcheck_app.store.evidence import list_evidence
from factcheck_app.store.library import Library
from factcheck_app.store.verdict_lineage import conflict_versions, conflicts
from factcheck_app.ui.plain_text import plain_label


def _plain(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class VersionCard(QGroupBox):
    """One version of a verdict: rating, checker, when, rationale, and the button that keeps it."""

    keep = Signal(str)

    def __init__(self, version: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version_id = version["id"]
        who = version["checker"] or version["changed_by"] or "unknown"
        self.setTitle(f"Version by {who}")
        layout = QVBoxLayout(self)
        self.rating = _plain(f"{version['to_rating'] or 'No verdict (removed)'}"
                             f"{' — ' + version['scale'] if version['scale'] else ''}")
        font = self.rating.font()
        font.setBold(True)
        self.rating.setFont(font)
        layout.addWidget(self.rating)
        layout.addWidget(_plain(f"{who}, {version['changed_at']}"
                                + (f" — why: {version['why']}" if version.get("why") else "")))
        self.rationale = QPlainTextEdit(version["to_rationale"] or "")
        self.rationale.setReadOnly(True)
        self.rationale.setAccessibleName(f"Rationale by {who}")
        self.rationale.setPlaceholderText("No rationale written")
        layout.addWidget(self.rationale, 1)
        self.keep_button = QPushButton("Keep this version")
        self.keep_button.setAccessibleName(f"Keep the version by {who}")
        self.keep_button.clicked.connect(lambda: self.keep.emit(self.version_id))
        layout.addWidget(self.keep_button)


class ConflictsDialog(QDialog):
    """Every claim whose verdict waits for a decision, with its two versions side by side and its evidence."""

    #: What a decision changed (the window refreshes its panes from it).
    changed = Signal(object)

    def __init__(self, library: Library, checker: str | None, parent: QWidget | None = None,
                 claim_id: str | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.checker = checker
        self.setWindowTitle("Verdicts to Decide")
        self.resize(980, 620)
        self.claims = QListWidget()
        self.claims.setAccessibleName("Claims waiting for a decision")
        self.claim_text = _plain("")
        self.versions_box = QWidget()
        self.versions = QHBoxLayout(self.versions_box)
        self.versions.setContentsMargins(0, 0, 0, 0)
        self.evidence = QTreeWidget()
        self.evidence.setHeaderLabels(["Source", "Stance", "Excerpt", "Added by"])
        self.evidence.setRootIsDecorated(False)
        self.evidence.setAccessibleName("Evidence on this claim")
        self.message = _plain("")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.claim_text)
        right_layout.addWidget(self.versions_box, 2)
        right_layout.addWidget(_plain("Evidence on this claim (both versions were made with it):"))
        right_layout.addWidget(self.evidence, 1)
        right_layout.addWidget(self.message)
        split = QSplitter()
        split.addWidget(self.claims)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.claims.currentItemChanged.connect(self._show_current)
        self.cards: list[VersionCard] = []
        self.reload(claim_id)

    def reload(self, select: str | None = None) -> None:
        """Fill the list of claims waiting for a decision and show ``select`` (else the first)."""
        self.claims.clear()
        for row in conflicts(self.library.db):
            item = QListWidgetItem(f"{row['text']}\n— {row['article_title'] or 'Untitled'}")
            item.setData(Qt.ItemDataRole.UserRole, row["claim_id"])
            self.claims.addItem(item)
            if row["claim_id"] == select:
                self.claims.setCurrentItem(item)
        if self.claims.count() and self.claims.currentItem() is None:
            self.claims.setCurrentRow(0)
        if not self.claims.count():
            self._show_claim(None)

    def current_claim(self) -> str | None:
        """Return the claim shown, or None when none waits for a decision."""
        item = self.claims.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @Slot()
    def _show_current(self) -> None:
        self._show_claim(self.current_claim())

    def _show_claim(self, claim_id: str | None) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.evidence.clear()
        if claim_id is None:
            self.claim_text.setText("No verdict waits for a decision.")
            return
        try:
            self.claim_text.setText(get_claim(self.library.db, claim_id)["text"])
        except StoreError:
            self.claim_text.setText("")
        for version in conflict_versions(self.library.db, claim_id):
            card = VersionCard(version)
            card.keep.connect(self._keep)
            card.keep_button.setEnabled(not self.library.readonly)
            self.versions.addWidget(card, 1)
            self.cards.append(card)
        for e in list_evidence(self.library.db, claim_id):
            QTreeWidgetItem(self.evidence, [e["source_title"] or "", e["stance"] or "", e["excerpt"] or "",
                                            e["added_by"] or ""])

    @Slot(str)
    def _keep(self, version_id: str) -> None:
        claim_id = self.current_claim()
        if claim_id is None:
            return
        try:
            result = decide_verdict(self.library, claim_id, version_id, by=self.checker)
        except StoreError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("Decided. The verdict is a draft until a second checker reviews it.")
        self.changed.emit(result.changes or Changes.of(claims=[claim_id]))
        self.reload()
