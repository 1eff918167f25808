"""The claim panel's Publishing fields: claimant, where and when the claim appeared, the claim as reviewed,
and the published review's address.

A field the checker has not set is empty and shows its default (and where it came from) as
placeholder text; typing a value sets it, clearing the field puts the default back. Each
finished edit is emitted as a ``PublishingEdit`` for the owner to run as an undoable
operation; the widget itself never writes the library.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from factcheck_app.core.claim_wording import MAX_CLAIM_REVIEWED
from factcheck_app.core.publishing import ORGANIZATION, PERSON, Publishing, StoredPublishing
from factcheck_app.ops.publishing import PublishingEdit
from factcheck_app.ui.form_fields import buddy_label, name_field
from factcheck_app.ui.plain_text import plain_tooltip

CLAIMANT_TYPES = ((PERSON, "Person"), (ORGANIZATION, "Organisation"))


def _default_note(value: str | None, origin: str | None) -> str:
    return f"{value} ({origin})" if value and origin else "none"


class PublishingFields(QGroupBox):
    """The editable publishing details of one claim."""

    #: (claim id, PublishingEdit): a finished edit for the owner to run.
    editRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Publishing", parent)
        self.setAccessibleName("Publishing details")
        self.claim_id: str | None = None
        self._stored = StoredPublishing()
        self._default_wording: str | None = None
        self._loading = False
        form = QFormLayout(self)

        self.claimant_edit = QLineEdit()
        self.claimant_type = QComboBox()
        for key, label in CLAIMANT_TYPES:
            self.claimant_type.addItem(label, key)
        name_field(self.claimant_edit, "Claimant", "Who made the claim; empty: the default shown")
        name_field(self.claimant_type, "Claimant is a", "A person or an organisation")
        row = QHBoxLayout()
        row.addWidget(self.claimant_edit, 1)
        row.addWidget(self.claimant_type)
        form.addRow(buddy_label("Claima&nt:", self.claimant_edit), row)

        self.date_edit = QLineEdit()
        self.date_edit.setInputMask("")
        name_field(self.date_edit, "Claim made on", "When the claim was made, as YYYY-MM-DD; empty: the article's date")
        form.addRow(buddy_label("Made o&n:", self.date_edit), self.date_edit)

        self.appearances_edit = QPlainTextEdit()
        self.appearances_edit.setTabChangesFocus(True)
        self.appearances_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        name_field(self.appearances_edit, "Appeared at",
                   "Where the claim appeared, one web address a line; empty: the article's address")
        self.appearances_edit.installEventFilter(self)
        form.addRow(buddy_label("Appeared &at:", self.appearances_edit), self.appearances_edit)
        self.first_box = QComboBox()
        name_field(self.first_box, "First appearance", "Which address the claim appeared at first")
        form.addRow(buddy_label("Fi&rst appeared:", self.first_box), self.first_box)

        self.reviewed_edit = QLineEdit()
        self.reviewed_edit.setMaxLength(MAX_CLAIM_REVIEWED)
        name_field(self.reviewed_edit, "Claim as reviewed",
                   f"A short wording of the claim for ClaimReview, at most {MAX_CLAIM_REVIEWED} characters")
        self.reviewed_count = QLabel()
        self.reviewed_count.setAccessibleName("Characters used")
        row = QHBoxLayout()
        row.addWidget(self.reviewed_edit, 1)
        row.addWidget(self.reviewed_count)
        form.addRow(buddy_label("As re&viewed:", self.reviewed_edit), row)

        self.review_url_edit = QLineEdit()
        name_field(self.review_url_edit, "Review address", "The web address where the fact-check is published")
        form.addRow(buddy_label("Review a&ddress:", self.review_url_edit), self.review_url_edit)

        self.claimant_edit.editingFinished.connect(self._claimant_finished)
        self.claimant_type.activated.connect(self._claimant_finished)
        self.date_edit.editingFinished.connect(lambda: self._finished("claim_date", self.date_edit.text()))
        self.reviewed_edit.editingFinished.connect(
            lambda: self._finished("claim_reviewed", self.reviewed_edit.text()))
        self.reviewed_edit.textChanged.connect(self._count)
        self.review_url_edit.editingFinished.connect(
            lambda: self._finished("review_url", self.review_url_edit.text()))
        self.first_box.activated.connect(self._first_chosen)

    def tab_chain(self) -> list[QWidget]:
        """Return the fields in the order Tab visits them."""
        return [self.claimant_edit, self.claimant_type, self.date_edit, self.appearances_edit, self.first_box,
                self.reviewed_edit, self.review_url_edit]

    # --- showing ----------------------------------------------------------------------------------

    def show_publishing(self, claim_id: str | None, info: Publishing | None, stored: StoredPublishing | None,
                        read_only: bool = False) -> None:
        """Show a claim's details: what a checker set in the fields, the defaults as placeholders."""
        self._loading = True
        try:
            self.claim_id = claim_id
            self._stored = stored or StoredPublishing()
            s = self._stored
            self.claimant_edit.setText(s.claimant or "")
            default_claimant = info and info.claimant if not s.claimant else None
            self.claimant_edit.setPlaceholderText(
                _default_note(default_claimant, info.claimant_from if info else None) if not s.claimant else "")
            self.claimant_type.setCurrentIndex(max(0, self.claimant_type.findData(
                (info.claimant_type if info else None) or PERSON)))
            self.date_edit.setText(s.claim_date or "")
            self.date_edit.setPlaceholderText(
                _default_note(info.claim_date, info.claim_date_from) if info and not s.claim_date else "YYYY-MM-DD")
            urls = [a.url for a in s.appearances] if s.appearances is not None else []
            self.appearances_edit.setPlainText("\n".join(urls))
            shown = list(info.appearances) if info else []
            self.appearances_edit.setPlaceholderText(
                _default_note(shown[0].url if shown else None, info.appearances_from if info else None)
                if s.appearances is None else "")
            self.first_box.clear()
            for a in shown:
                self.first_box.addItem(a.url, a.url)
                if a.first:
                    self.first_box.setCurrentIndex(self.first_box.count() - 1)
            self.reviewed_edit.setText(s.claim_reviewed or "")
            default_wording = self._default_wording = info.defaults.get("claim_reviewed") if info else None
            self.reviewed_edit.setPlaceholderText(
                (default_wording or "write a short wording: the claim cannot be shortened without cutting a quotation")
                if not s.claim_reviewed else "")
            self.review_url_edit.setText(s.review_url or "")
            self.review_url_edit.setPlaceholderText("https://… where the fact-check is published")
            self._count()
            # A narrow panel cuts a long default short: the tooltip shows it whole, as plain text.
            for widget in (self.claimant_edit, self.date_edit, self.appearances_edit, self.reviewed_edit):
                default = widget.placeholderText()
                tip = widget.accessibleDescription() + (f"\nDefault: {default}" if default else "")
                widget.setToolTip(plain_tooltip(tip))
            for widget in (self.claimant_edit, self.date_edit, self.reviewed_edit, self.review_url_edit):
                widget.setReadOnly(read_only or claim_id is None)
            self.appearances_edit.setReadOnly(read_only or claim_id is None)
            self.claimant_type.setEnabled(not read_only and claim_id is not None)
            self.first_box.setEnabled(not read_only and self.first_box.count() > 1)
        finally:
            self._loading = False

    def _count(self) -> None:
        # The wording that will be exported: what was typed, else the default shown as placeholder.
        used = len(self.reviewed_edit.text() or self._default_wording or "")
        self.reviewed_count.setText(f"{min(used, MAX_CLAIM_REVIEWED)}/{MAX_CLAIM_REVIEWED}")

    # --- editing ----------------------------------------------------------------------------------

    def _emit(self, edit: PublishingEdit) -> None:
        if self.claim_id and not self._loading:
            self.editRequested.emit(self.claim_id, edit)

    def _finished(self, field: str, text: str) -> None:
        value = " ".join(text.split()) or None
        if value != getattr(self._stored, field):
            self._emit(PublishingEdit(**{field: value}))

    def _claimant_finished(self, *args) -> None:
        name = " ".join(self.claimant_edit.text().split()) or None
        kind = self.claimant_type.currentData()
        if name != self._stored.claimant or (name and kind != self._stored.claimant_type):
            self._emit(PublishingEdit(claimant=name, claimant_type=kind if name else None))

    def appearance_lines(self) -> list[str]:
        """Return the addresses typed in the Appeared at field, one a line."""
        return [line.strip() for line in self.appearances_edit.toPlainText().splitlines() if line.strip()]

    def _appearances_finished(self) -> None:
        urls = self.appearance_lines()
        current = [a.url for a in self._stored.appearances] if self._stored.appearances is not None else []
        if urls != current:
            self._emit(PublishingEdit(appearances=urls or None))

    def _first_chosen(self, index: int) -> None:
        url = self.first_box.itemData(index)
        if url:
            self._emit(PublishingEdit(first_appearance=url))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Save the appearances when their field loses the keyboard focus (it has no editingFinished)."""
        if watched is self.appearances_edit and event.type() == QEvent.Type.FocusOut and not self._loading:
            self._appearances_finished()
        return super().eventFilter(watched, event)
