"""The document viewer: PDF pages drawn with the passage highlighted, text shown plain, find inside,
and a selection quoted as evidence with its page."""
from __future__ import annotations

import pytest

from factcheck_app.ops.documents import attach_documents
from factcheck_app.store.sources import add_source
from factcheck_app.ui.dialogs.document_viewer import DocumentViewer
from tests.document_samples import make_pdf, make_png, make_scanned_pdf
from tests.ui.viewer_helpers import select_words

PAGE_TWO = "On 7 April the navy fired 59 cruise missiles at the Shayrat airfield, the ministry said."


@pytest.fixture
def attach(library, tmp_path):
    """Return attach(name, data) -> document id, kept by one source of the library."""
    source = add_source(library.db, "Ministry")

    def run(name: str, data: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return attach_documents(library, source, [path]).value[0].document_id

    return run



def test_a_pdf_opens_at_its_passage_highlighted_in_image_and_text(qtbot, library, attach):
    document_id = attach("report.pdf", make_pdf(["Cover page.", PAGE_TWO]))
    viewer = DocumentViewer(library, document_id)
    qtbot.addWidget(viewer)
    assert "report.pdf" in viewer.info_label.text() and "SHA-256" in viewer.info_label.text()
    plain = viewer.page_image.pixmap().toImage()
    viewer.open_at(2, "59 cruise missiles")
    assert viewer.page_spin.value() == 2 and viewer.highlighted_text() == "59 cruise missiles"
    marked = viewer.page_image.pixmap().toImage()
    assert not marked.isNull() and marked != plain  # the boxed passage is drawn on the page
    viewer.show()
    width = viewer.page_image.pixmap().width()
    viewer.resize(viewer.width() + 400, viewer.height())
    qtbot.waitUntil(lambda: viewer.page_image.pixmap().width() > width)  # drawn again to the wider pane


def test_find_steps_through_pages_and_a_selection_becomes_evidence(qtbot, library, attach):
    document_id = attach("report.pdf", make_pdf(["The airfield was quiet.", PAGE_TWO, "Annex on the airfield."]))
    viewer = DocumentViewer(library, document_id)
    qtbot.addWidget(viewer)
    viewer.find_edit.setText("airfield")
    assert viewer.hits_label.text() == "0 of 3"
    viewer.next_hit()
    viewer.next_hit()
    assert viewer.page_spin.value() == 2 and viewer.hits_label.text() == "2 of 3 (p. 2)"
    select_words(viewer, "59 cruise missiles")
    assert not viewer.quote_button.isEnabled()  # no claim chosen yet
    viewer.set_claim("claim-1", "The navy fired 59 missiles.")
    assert viewer.quote_button.isEnabled()
    viewer.stance_combo.setCurrentIndex(viewer.stance_combo.findData("refutes"))
    with qtbot.waitSignal(viewer.evidenceRequested) as signal:
        viewer.quote_button.click()
    assert signal.args == [document_id, 2, "59 cruise missiles", "refutes"]


def test_text_documents_are_plain_text_quoted_by_paragraph(qtbot, library, attach):
    body = b"<b>First</b> paragraph about wheat.\n\nThe harvest fell by 12 percent\nin the drought year."
    document_id = attach("notes.txt", body)
    viewer = DocumentViewer(library, document_id)
    qtbot.addWidget(viewer)
    assert "<b>First</b>" in viewer.text_view.toPlainText()  # shown as text, never as markup
    viewer.set_claim("claim-1")
    select_words(viewer, "harvest fell by 12 percent")
    assert viewer.selection() == (2, "harvest fell by 12 percent")
    viewer.open_at(2, "fell by 12 percent in the")
    assert viewer.highlighted_text() == "fell by 12 percent\nin the"


def test_scans_and_pictures_say_they_have_no_text(qtbot, library, attach):
    scan = DocumentViewer(library, attach("scan.pdf", make_scanned_pdf()))
    qtbot.addWidget(scan)
    assert "no text layer" in scan.note_label.text() and not scan.find_edit.isEnabled()
    picture = DocumentViewer(library, attach("post.png", make_png()))
    qtbot.addWidget(picture)
    assert not picture.page_image.pixmap().isNull() and "no searchable text" in picture.note_label.text()
    picture.set_claim("claim-1")
    assert picture.selection() is None and not picture.quote_button.isEnabled()


def test_the_sample_librarys_quoted_minutes_open_at_their_passage(qtbot, monkeypatch, tmp_path):
    from factcheck_app.store.info import check_library
    from factcheck_app.store.library import open_library
    from factcheck_app.ui.app import sample_library_path

    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "data"))
    with open_library(sample_library_path()) as lib:
        assert check_library(lib) == []  # the sample's PDF sits beside the library under its final name
        (row,) = list(lib.db.query("SELECT document_id, page, excerpt FROM evidence WHERE document_id IS NOT NULL"))
        viewer = DocumentViewer(lib, row["document_id"])
        qtbot.addWidget(viewer)
        viewer.open_at(row["page"], row["excerpt"])
        assert viewer.page_spin.value() == 3 and viewer.highlighted_text() == "Item 7 carried, nine votes to four."
        viewer.close()
