"""What a ClaimReview export still lacks, as fields to fill: one labelled field per missing item.

The export dialog shows this under its options for ClaimReview formats. Each finished entry
is emitted as ``(item, text)`` for the dialog to save through an operation; the widget
itself never writes the library.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from factcheck_app.core.claim_wording import MAX_CLAIM_REVIEWED
from factcheck_app.ui.plain_text import plain_label

#: (placeholder, tooltip) for each kind of missing item.
FIELD_HINTS = {
    "organisation": ("Your organisation's name", "The checking organisation: ClaimReview's author"),
    "organisation-url": ("https://… your organisation's site", "The checking organisation's web address"),
    "review_url": ("https://… where this fact-check is published", "The published review's address"),
    "claim_reviewed": ("A short wording of the claim", f"At most {MAX_CLAIM_REVIEWED} characters"),
    "claimant": ("Who made the claim", "A person or an organisation"),
    "claim_date": ("YYYY-MM-DD", "When the claim was made"),
    "appearances": ("https://… where the claim appeared", "A web address where the claim appeared"),
}


#: Fields shown at once: a form of hundreds of fields helps nobody; filled ones make room for the next.
MAX_FIELDS = 20


class MissingItemsForm(QWidget):
    """One field per missing item; emits ``fillRequested(item, text)`` when one is filled in."""

    fillRequested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Missing items")
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("What is missing")
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        self.fields: list[tuple[object, QLineEdit]] = []
        self.set_items([])

    def set_items(self, items: list) -> None:
        """Show one field per missing item (none: the form is hidden)."""
        while self.form.rowCount():
            # Taken out and deleted later, not at once: the form is rebuilt from a field's own signal.
            taken = self.form.takeRow(0)
            for part in (taken.labelItem, taken.fieldItem):
                if part is not None and part.widget() is not None:
                    part.widget().hide()
                    part.widget().deleteLater()
        self.fields = []
        self.setVisible(bool(items))
        if not items:
            return
        shown = items[:MAX_FIELDS]
        more = ""
        if len(items) > MAX_FIELDS:
            more = f" The first {MAX_FIELDS} are below; the next ones show as these are filled."
        self.heading.setText(f"Missing for ClaimReview ({len(items)}): fill these in, or tick "
                             f"“Go ahead even though items are missing”.{more}")
        for item in shown:
            edit = QLineEdit()
            placeholder, tip = FIELD_HINTS.get(item.field, ("", ""))
            edit.setPlaceholderText(placeholder)
            edit.setToolTip(tip)
            edit.setAccessibleName(item.message)
            if item.field == "claim_reviewed":
                edit.setMaxLength(MAX_CLAIM_REVIEWED)
            label = plain_label(item.message)  # claim text is stored text: never rich text
            label.setWordWrap(True)
            label.setBuddy(edit)
            row: QWidget | QLineEdit = edit
            if item.field == "claimant":
                kind = QComboBox()
                kind.addItem("Person", "Person")
                kind.addItem("Organisation", "Organization")
                kind.setAccessibleName("The claimant is a")
                edit.setProperty("claimant_kind", kind)
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(edit, 1)
                box.addWidget(kind)
            edit.editingFinished.connect(lambda item=item, edit=edit: self._finished(item, edit))
            self.form.addRow(label, row)
            self.fields.append((item, edit))

    def claimant_kind(self, edit: QLineEdit) -> str:
        """Return the schema.org type chosen beside a claimant field."""
        kind = edit.property("claimant_kind")
        return kind.currentData() if kind is not None else "Person"

    def _finished(self, item, edit: QLineEdit) -> None:
        text = " ".join(edit.text().split())
        if text:
            self.fillRequested.emit(item, text)
