"""The document viewer: a source's PDF, saved page, text or picture, searchable, quotable as evidence.

PDF pages are drawn by PDFium beside the page's text; saved pages, text and Markdown are
shown as plain text, paragraph by paragraph; pictures as they are. Find (Ctrl+F) steps
through every page that holds the words. Selecting words of a page (or paragraph) and
pressing "Add as evidence" (Ctrl+Return) asks for evidence for the current claim with the
selection as excerpt, the page as locator and the stance chosen beside the button
(``evidenceRequested``); ``open_at`` shows a
page with a passage highlighted, as an evidence row asks.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.core.passages import find_passage
from factcheck_app.core.vocabulary import STANCES
from factcheck_app.ingest.document_types import DOCUMENT_TYPES
from factcheck_app.store import Library
from factcheck_app.store.documents import get_document, locator_for, pages_of, stored_relative_path
from factcheck_app.store.files import files_dir

HIGHLIGHT = QColor(255, 214, 0)
_PARAGRAPH_GAP = "\n\n"


def describe(document: dict) -> str:
    """Return one line about a document: name, type, size, pages and SHA-256."""
    kind = DOCUMENT_TYPES[document["media_type"]].label if document["media_type"] in DOCUMENT_TYPES else document["media_type"]
    noun = {"page": "pages", "paragraph": "paragraphs"}.get(document["part_kind"])
    parts = f", {document['parts']} {noun}" if noun else ""
    return f"{document['file_name']} — {kind}, {document['size']:,} bytes{parts}, SHA-256 {document['sha256']}"


class DocumentViewer(QDialog):
    """Shows one document; ``evidenceRequested(document_id, page, excerpt, stance)`` when the checker quotes it."""

    evidenceRequested = Signal(str, int, str, str)

    def __init__(self, library: Library, document_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.document = get_document(library.db, document_id)
        self.pages = pages_of(library.db, document_id)
        self.part_kind = self.document["part_kind"]
        self.path = files_dir(library.path) / stored_relative_path(self.document)
        self._pdf = None
        self._claim_id: str | None = None
        self._hits: list[tuple[int, str]] = []
        self._hit = -1
        self._passage: str | None = None
        self._offsets: list[int] = []  # where each paragraph starts in the joined text

        self.setWindowTitle(f"{self.document['file_name']} — document")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.info_label = QLabel(describe(self.document))
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self.note_label.hide()

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in document…")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName("Find in document")
        self.find_edit.returnPressed.connect(self.next_hit)
        self.find_edit.textChanged.connect(self._search)
        self.prev_button = QPushButton("&Previous")
        self.next_button = QPushButton("Ne&xt")
        self.prev_button.clicked.connect(self.previous_hit)
        self.next_button.clicked.connect(self.next_hit)
        self.hits_label = QLabel()
        self.page_spin = QSpinBox()
        self.page_spin.setAccessibleName("Page")
        self.page_spin.setPrefix("Page ")
        self.page_spin.setRange(1, max(1, len(self.pages)))
        self.page_spin.valueChanged.connect(lambda n: self.show_page(n))
        self.page_count_label = QLabel(f"of {len(self.pages)}")

        top = QHBoxLayout()
        top.addWidget(self.find_edit, 1)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addWidget(self.hits_label)
        top.addStretch(0)
        top.addWidget(self.page_spin)
        top.addWidget(self.page_count_label)

        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName("Document text")
        self.text_view.selectionChanged.connect(self._update_quote_button)
        self.page_image = QLabel()
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_image.setAccessibleName("Page image")
        self.image_scroll = image_scroll = QScrollArea()
        image_scroll.setWidget(self.page_image)
        image_scroll.setWidgetResizable(True)
        self.stack = QStackedWidget()
        if self.part_kind == "page":
            split = QSplitter()
            split.addWidget(image_scroll)
            split.addWidget(self.text_view)
            split.setSizes([600, 400])
            self.stack.addWidget(split)
        elif self.part_kind == "image":
            self.stack.addWidget(image_scroll)
        else:
            self.stack.addWidget(self.text_view)

        self.quote_button = QPushButton("&Add selection as evidence")
        self.quote_button.setToolTip("Quote the selected words as evidence for the current claim (Ctrl+Return)")
        self.quote_button.clicked.connect(self.quote_selection)
        self.claim_label = QLabel("No claim chosen: choose a claim to quote this document as its evidence.")
        self.claim_label.setTextFormat(Qt.TextFormat.PlainText)
        self.claim_label.setWordWrap(True)
        self.stance_combo = QComboBox()
        for stance in STANCES:
            self.stance_combo.addItem(stance.capitalize(), stance)
        self.stance_combo.setAccessibleName("Stance of the quoted passage")
        stance_label = QLabel("St&ance:")
        stance_label.setBuddy(self.stance_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.claim_label, 1)
        bottom.addWidget(stance_label)
        bottom.addWidget(self.stance_combo)
        bottom.addWidget(self.quote_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.note_label)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_edit.setFocus)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.quote_selection)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.page_spin.stepBy(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.page_spin.stepBy(-1))
        # A page is drawn again to the new width once the window stops changing size.
        self._redraw = QTimer(self, singleShot=True, interval=200)
        self._redraw.timeout.connect(self._draw_page)
        self.resize(1000, 760)
        self._load()

    # --- showing ---------------------------------------------------------------------------

    def _load(self) -> None:
        paged = self.part_kind == "page"
        for widget in (self.page_spin, self.page_count_label):
            widget.setVisible(paged)
        searchable = bool(self.document["has_text"])
        for widget in (self.find_edit, self.prev_button, self.next_button, self.hits_label):
            widget.setEnabled(searchable)
        if not self.path.is_file():
            self._note(f"The document's file is missing ({self.path}); run `factcheck store check`.")
        elif self.part_kind == "image":
            pixmap = QPixmap(str(self.path))
            if pixmap.isNull():
                self._note("This picture cannot be shown.")
            self.page_image.setPixmap(pixmap)
            self._note("A picture has no searchable text.")
        elif paged:
            try:
                from factcheck_app.ui.dialogs.pdf_pages import PdfPages

                self._pdf = PdfPages(self.path)
            except Exception as exc:  # a file changed on disk since it was attached
                self._pdf = None
                self._note(f"The PDF cannot be drawn ({type(exc).__name__}); its text is shown.")
            if not searchable:
                self._note("This PDF has no text layer (a scan?): its text cannot be searched or quoted.")
            self.show_page(1)
        else:
            self._offsets = []
            at = 0
            for text in self.pages:
                self._offsets.append(at)
                at += len(text) + len(_PARAGRAPH_GAP)
            self.text_view.setPlainText(_PARAGRAPH_GAP.join(self.pages))
        self._update_quote_button()

    def _note(self, text: str) -> None:
        self.note_label.setText(" ".join(filter(None, (self.note_label.text(), text))))
        self.note_label.show()

    def current_page(self) -> int:
        """Return the page shown (PDF), or the paragraph holding the cursor (text)."""
        if self.part_kind == "page":
            return self.page_spin.value()
        if self.part_kind == "paragraph":
            return self._paragraph_at(self.text_view.textCursor().selectionStart())
        return 1

    def show_page(self, page: int, passage: str | None = None) -> None:
        """Show page ``page`` of a PDF (image and text), ``passage`` highlighted in both."""
        if self.part_kind != "page" or not self.pages:
            return
        page = max(1, min(page, len(self.pages)))
        self._passage = passage
        if self.page_spin.value() != page:
            self.page_spin.blockSignals(True)
            self.page_spin.setValue(page)
            self.page_spin.blockSignals(False)
        self._draw_page()
        self.text_view.setPlainText(self.pages[page - 1])
        self._highlight(0, passage)

    def _draw_page(self) -> None:
        """Draw the current PDF page to the pane's width (the text pane beside it holds the words to select)."""
        if self._pdf is None:
            return
        width = max(self.image_scroll.viewport().width() - 24, 300)
        image = self._pdf.render(self.page_spin.value(), passage=self._passage, fit_width=width)
        self.page_image.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._pdf is not None:
            self._redraw.start()

    def open_at(self, page: int | None, passage: str | None) -> None:
        """Show ``page`` (or paragraph) with ``passage`` highlighted; the whole document when page is None."""
        if self.part_kind == "page":
            self.show_page(page or 1, passage)
        elif self.part_kind == "paragraph" and self.pages:
            index = max(1, min(page or 1, len(self.pages))) - 1
            self._highlight(self._offsets[index], passage, within=self.pages[index])

    def _highlight(self, base: int, passage: str | None, within: str | None = None) -> None:
        """Mark ``passage`` (found in ``within``, which starts at ``base`` in the view) and scroll to it."""
        selections = []
        text = within if within is not None else self.text_view.toPlainText()
        found = find_passage(text, passage) if passage else None
        if found is not None:
            cursor = self.text_view.textCursor()
            cursor.setPosition(base + found.start)
            cursor.setPosition(base + found.end, QTextCursor.MoveMode.KeepAnchor)
            extra = QTextEdit.ExtraSelection()
            extra.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            extra.format = fmt
            selections.append(extra)
            self.text_view.setTextCursor(cursor)
            self.text_view.centerCursor()
        elif base:
            cursor = self.text_view.textCursor()
            cursor.setPosition(base)
            self.text_view.setTextCursor(cursor)
            self.text_view.centerCursor()
        self.text_view.setExtraSelections(selections)

    def highlighted_text(self) -> str:
        """Return the highlighted passage as shown ('' when none)."""
        marks = self.text_view.extraSelections()
        return marks[0].cursor.selectedText().replace("\u2029", "\n") if marks else ""

    # --- find in the document -------------------------------------------------------------

    def _search(self, text: str) -> None:
        self._hits = []
        self._hit = -1
        if text.strip():
            for number, page in enumerate(self.pages, start=1):
                found = find_passage(page, text)
                if found is not None:
                    self._hits.append((number, found.text))
        self._show_hit_count()

    def _show_hit_count(self) -> None:
        if not self.find_edit.text().strip():
            self.hits_label.setText("")
        elif not self._hits:
            self.hits_label.setText("Not found")
        else:
            noun = "p." if self.part_kind == "page" else "para."
            where = f" ({noun} {self._hits[self._hit][0]})" if self._hit >= 0 else ""
            self.hits_label.setText(f"{max(self._hit + 1, 0)} of {len(self._hits)}{where}")

    def next_hit(self) -> None:
        """Go to the next page (or paragraph) holding the words searched for."""
        self._step(1)

    def previous_hit(self) -> None:
        """Go to the previous page (or paragraph) holding the words searched for."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._hits:
            return
        self._hit = (self._hit + delta) % len(self._hits)
        page, passage = self._hits[self._hit]
        self.open_at(page, passage)
        self._show_hit_count()

    # --- quoting as evidence ---------------------------------------------------------------

    def set_claim(self, claim_id: str | None, claim_text: str | None = None) -> None:
        """Say which claim a quote becomes evidence for (None: no claim chosen)."""
        self._claim_id = claim_id
        if claim_id:
            self.claim_label.setText(f"Evidence for: {' '.join((claim_text or claim_id).split())[:160]}")
        else:
            self.claim_label.setText("No claim chosen: choose a claim to quote this document as its evidence.")
        self._update_quote_button()

    def selection(self) -> tuple[int, str] | None:
        """Return (page or paragraph, selected words) when words of one page are selected, else None."""
        cursor = self.text_view.textCursor()
        if not cursor.hasSelection() or self.part_kind == "image" or not self.document["has_text"]:
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.text_view.toPlainText()
        if self.part_kind == "paragraph":
            page = self._paragraph_at(start)
            # A selection running into the next paragraph is cut at its own paragraph's end.
            end = min(end, self._offsets[page - 1] + len(self.pages[page - 1]))
        else:
            page = self.page_spin.value()
        words = " ".join(text[start:end].split())
        return (page, words) if words else None

    def _paragraph_at(self, position: int) -> int:
        page = 1
        for number, offset in enumerate(self._offsets, start=1):
            if offset <= position:
                page = number
        return page

    def _update_quote_button(self) -> None:
        self.quote_button.setEnabled(bool(self._claim_id) and self.selection() is not None)

    def quote_selection(self) -> None:
        """Ask for the selected words to become evidence for the current claim."""
        chosen = self.selection()
        if chosen is None or not self._claim_id:
            return
        page, words = chosen
        self.evidenceRequested.emit(self.document["id"], page, words, self.stance_combo.currentData())

    def locator(self, page: int) -> str:
        """Return how a page (or paragraph) of this document is cited: "p. 12", "para. 4"."""
        return locator_for(self.part_kind, page)

    def done(self, result: int) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        super().done(result)
