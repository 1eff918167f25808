"""The article details dialog: title, outlet, author, web address and published date of one article.

The body is never edited (claims and facets point into it). Saving goes through the function the
window gives, which runs the operation; a refusal is shown under the form and the dialog stays open.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QWidget

from factcheck_app.ui.dialogs.form_layout import lay_out_form

#: (field, label, placeholder) of every editable detail, in the order shown.
FIELDS = (
    ("title", "&Title", "The headline"),
    ("outlet", "&Outlet", "Who published it, e.g. The Northern Ledger"),
    ("author", "&Author", "Who wrote it"),
    ("url", "Web &address", "https://…"),
    ("published", "&Published", "YYYY-MM-DD (or YYYY-MM, YYYY)"),
)

#: Saves changed fields; returns None when saved, else the reason it was refused (one line).
SaveDetails = Callable[[dict], "str | None"]


class ArticleDialog(QDialog):
    """Edits an article's details; ``changes()`` says which fields differ from the article as it was."""

    def __init__(self, article: dict, save: SaveDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self._save = save
        self.setWindowTitle("Article details")
        self.setAccessibleName("Article details")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, label, placeholder in FIELDS:
            edit = QLineEdit(article.get(key) or "")
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.error_box, self.buttons = lay_out_form(self, form, "Problem with the details", 520)
        self.fields["title"].setFocus()

    def changes(self) -> dict[str, str | None]:
        """Return {field: new value} for the fields changed (an emptied field is None)."""
        out = {}
        for key, edit in self.fields.items():
            value = " ".join(edit.text().split()) or None
            if value != (self.article.get(key) or None):
                out[key] = value
        return out

    def accept(self) -> None:
        """Save the changed details; stay open with the reason when they are refused."""
        changes = self.changes()
        if changes:
            problem = self._save(changes)
            if problem:
                self.error_box.show_message(problem)
                for key in ("url", "published", "title", "outlet", "author"):
                    if key in changes and (key in problem.lower() or (key == "url" and "address" in problem.lower())):
                        self.fields[key].setFocus()
                        self.fields[key].selectAll()
                        break
                return
        self.error_box.clear()
        super().accept()


def run_article_dialog(article: dict, save: SaveDetails, parent: QWidget) -> bool:
    """Show the details dialog for ``article``; return True when changes were saved."""
    dialog = ArticleDialog(article, save, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.changes())
    finally:
        dialog.deleteLater()
