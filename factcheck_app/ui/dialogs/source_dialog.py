"""Create or edit a source: title, addresses, publisher, dates, kind, reliability, local file, notes, tags,
and (for a saved source) the documents it keeps.

Saving runs the add or edit operation (ops.sources) through the window's runner, so it can be
undone; a refusal stays in the dialog as an inline message next to the field it names, and
nothing typed is lost.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.ops import sources as source_ops
from factcheck_app.store.schema import RELIABILITY_LEVELS, SOURCE_KINDS
from factcheck_app.store.sources import get_source
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.form_layout import lay_out_form
from factcheck_app.ui.panes.source_documents import SourceDocuments

_LINE_FIELDS = (
    ("title", "&Title", "What the source is called"),
    ("url", "&URL", "https://…"),
    ("publisher", "&Publisher", "Who published it (an outlet, agency, institution)"),
    ("author", "&Author", ""),
    ("published", "Publis&hed", "YYYY-MM-DD, YYYY-MM or YYYY"),
    ("accessed", "Acc&essed", "YYYY-MM-DD"),
    ("archive_url", "A&rchived copy", "https://web.archive.org/… or another archive"),
    ("doi", "DO&I", "10.1234/… (a paper's or dataset's DOI)"),
)


def choose_local_file(parent: QWidget, start: str = "") -> str | None:
    """Ask for a local copy of the source (a PDF, a saved page...); return its path or None."""
    return prompts.ask_open_file(parent, "Local copy of the source", start, "All files (*)")


class SourceDialog(QDialog):
    """The source form. After ``accept()`` succeeds, ``source_id`` is the saved source's id.

    ``openDocument(document_id)`` when the checker opens one of the source's documents.
    """

    openDocument = Signal(str)

    def __init__(
        self, runner: OpRunner, source_id: str | None = None, initial_title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        library = runner.library
        self.source_id = source_id
        self.setWindowTitle("Edit source" if source_id else "New source")
        self.setAccessibleName(self.windowTitle())
        self.fields: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, label, placeholder in _LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
        self.fields["kind"] = self._combo(SOURCE_KINDS, "Kind of source")
        self.fields["reliability"] = self._combo(RELIABILITY_LEVELS, "Reliability")
        self.fields["local_file"] = QLineEdit()
        self.fields["local_file"].setAccessibleName("Local file")
        self.fields["local_file"].setPlaceholderText("A saved copy on this computer")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose the local file")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.fields["local_file"], 1)
        file_row.addWidget(browse)
        notes = QPlainTextEdit()
        notes.setAccessibleName("Notes")
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        self.fields["notes"] = notes
        self.fields["tags"] = QLineEdit()
        self.fields["tags"].setAccessibleName("Tags")
        self.fields["tags"].setPlaceholderText("Comma-separated, e.g. defence, Syria")

        labels = {key: label for key, label, _ in _LINE_FIELDS}
        for key in ("title", "url", "publisher", "author", "published", "accessed"):
            form.addRow(labels[key], self.fields[key])
        form.addRow("&Kind", self.fields["kind"])
        form.addRow("Re&liability", self.fields["reliability"])
        form.addRow(labels["archive_url"], self.fields["archive_url"])
        form.addRow(labels["doi"], self.fields["doi"])
        file_label = QLabel("Local &file")
        file_label.setBuddy(self.fields["local_file"])
        form.addRow(file_label, file_row)
        form.addRow("N&otes", notes)
        form.addRow("Ta&gs", self.fields["tags"])

        self.error_box, self.buttons = lay_out_form(self, form, "Problem with the source", 480)
        self.documents: SourceDocuments | None = None
        if source_id:
            # Documents are attached to a saved source: a new one has none until it is saved.
            self.documents = SourceDocuments(runner, source_id, self)
            self.documents.openRequested.connect(self.openDocument)
            box = QGroupBox("&Documents (kept unchanged beside the library, named by SHA-256)")
            QVBoxLayout(box).addWidget(self.documents)
            self.layout().insertWidget(1, box)
            self.resize(640, self.sizeHint().height())

        if source_id:
            self._fill(get_source(library.db, source_id))
        else:
            self.fields["title"].setText(initial_title)
            self.fields["accessed"].setText(date.today().isoformat())
            self._fill_combo("kind", "other")
            self._fill_combo("reliability", "unknown")
        self.fields["title"].setFocus()

    def _combo(self, values: tuple[str, ...], name: str) -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem(value[:1].upper() + value[1:], value)
        combo.setAccessibleName(name)
        return combo

    def _fill_combo(self, key: str, value: str) -> None:
        combo = self.fields[key]
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _fill(self, row: dict) -> None:
        for key, widget in self.fields.items():
            value = row.get(key) or ""
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)

    def values(self) -> dict:
        """Return the form's values as store fields."""
        out = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.text()
        return out

    def _browse(self) -> None:
        path = choose_local_file(self, self.fields["local_file"].text())
        if path:
            self.fields["local_file"].setText(path)

    def show_error(self, message: str) -> None:
        """Show ``message`` under the form and put the cursor in the field it is about."""
        self.error_box.show_message(message)
        lowered = message.lower()
        # The store's messages name the field by its column name or its word ("title", "published").
        for key in ("archive_url", "url", "published", "accessed", "title", "kind", "reliability", "doi"):
            if key in lowered:
                self.fields[key].setFocus()
                if isinstance(self.fields[key], QLineEdit):
                    self.fields[key].selectAll()
                break

    def accept(self) -> None:
        """Save the source; stay open with the store's message when a value is not acceptable."""
        values = self.values()
        if self.source_id:
            result = self._runner.run(source_ops.edit_source, self.source_id, **values, on_refusal=self.show_error)
        else:
            title = values.pop("title")
            result = self._runner.run(source_ops.add_source, title, **values, on_refusal=self.show_error)
            if result is not None:
                self.source_id = result.value
        if result is None:
            return
        self.error_box.clear()
        super().accept()


def run_source_dialog(
    runner: OpRunner, parent: QWidget, source_id: str | None = None, initial_title: str = "", open_document=None,
) -> str | None:
    """Show the source dialog; return the saved source's id, or None when cancelled.

    ``open_document(document_id)`` shows a document the checker opens from the dialog's Documents.
    """
    dialog = SourceDialog(runner, source_id, initial_title, parent)
    if open_document is not None:
        # The viewer opens over the (modal) dialog, as its child window.
        dialog.openDocument.connect(lambda document_id: open_document(document_id, parent=dialog))
    try:
        return dialog.source_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
