"""ingest.documents: the kind from the content, text per page or paragraph, and every refusal."""
from __future__ import annotations

import pytest

from factcheck_app.core.passages import find_passage
from factcheck_app.ingest.documents import MAX_DOCUMENT_BYTES, read_document, size_problem
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ingest.pdf_text import passage_boxes
from tests.document_samples import make_encrypted_pdf, make_pdf, make_png, make_scanned_pdf


def test_pdf_text_is_kept_per_page_with_its_page_numbers():
    data = make_pdf(["A first page on the harbour.", "The ministry counted 59 cruise missiles.", "Annex."])
    doc = read_document(data, "report.pdf")
    assert doc.doc_type.media_type == "application/pdf" and doc.doc_type.part_kind == "page"
    assert len(doc.parts) == 3 and "59 cruise missiles" in doc.parts[1] and "59" not in doc.parts[0]
    assert doc.has_text and doc.text_origin == "layer"


def test_a_passage_across_a_line_break_is_found_and_boxed_on_its_page():
    sentence = ("The ministry reported that 59 cruise missiles were fired at the airfield on Tuesday night, "
                "according to the annual defence report published by the department.")
    data = make_pdf(["Cover.", sentence])
    page = read_document(data, "r.pdf").parts[1]
    assert "\n" in page  # the layout broke the line
    assert find_passage(page, "the annual   defence REPORT published").text == "the annual defence report published"
    boxes = passage_boxes(data, 2, "fired at the airfield on Tuesday night, according to the annual")
    assert len(boxes) == 2 and all(left < right and top < bottom for left, top, right, bottom in boxes)
    assert passage_boxes(data, 1, "cruise missiles") == [] and passage_boxes(data, 9, "Cover") == []


def test_a_scan_without_a_text_layer_is_kept_and_flagged():
    doc = read_document(make_scanned_pdf(3), "scan.pdf")
    assert len(doc.parts) == 3 and not doc.has_text and doc.text_origin is None
    assert any("no text layer" in w for w in doc.warnings)


def test_pictures_have_no_text_and_text_files_are_read_by_paragraph():
    png = read_document(make_png(), "post.png")
    assert png.doc_type.part_kind == "image" and png.parts == [] and not png.has_text
    text = read_document(b"First paragraph.\r\n\r\nSecond\nparagraph here.\n\n\n", "notes.txt")
    assert text.parts == ["First paragraph.", "Second\nparagraph here."]
    md = read_document("# Title\n\nSome *Markdown* text.".encode(), "notes.md")
    assert md.doc_type.media_type == "text/markdown" and md.parts == ["# Title", "Some *Markdown* text."]


def test_a_saved_page_goes_through_the_html_reader():
    html = ("<html><head><title>Budget statement</title><script>alert(1)</script></head><body>"
            "<article><p>The council approved a budget of 12 million euros for the harbour.</p>"
            "<p>Work starts in spring.</p></article></body></html>").encode()
    doc = read_document(html, "page.html")
    assert doc.doc_type.media_type == "text/html"
    joined = "\n".join(doc.parts)
    assert "12 million euros" in joined and "alert" not in joined and "<p>" not in joined


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (make_encrypted_pdf(), "locked.pdf", "password"),
        (b"%PDF-1.7\n1 0 obj garbage", "broken.pdf", "damaged"),
        (make_png(), "report.pdf", "named as a PDF"),
        (make_pdf(["x"]), "note.txt", "named as plain text"),
        (b"PK\x03\x04zipzip", "file.txt", "ZIP"),
        (b"anything", "file.docx", "cannot be kept"),
        (b"   \n ", "empty.txt", "empty"),
    ],
)
def test_bad_documents_are_refused_with_one_line(data, name, words):
    with pytest.raises(IngestError) as caught:
        read_document(data, name)
    message = str(caught.value)
    assert words.lower() in message.lower() and "\n" not in message


def test_size_limits():
    assert size_problem(1000) is None
    assert "too large" in size_problem(MAX_DOCUMENT_BYTES + 1)


def test_scans_are_recognised_where_a_local_engine_is_installed(monkeypatch):
    import sys
    import types

    from factcheck_app.ingest import ocr

    seen = []
    fake = types.ModuleType("tesserocr")
    fake.get_languages = lambda: ("/usr/share/tessdata", ["eng"])

    def image_to_text(image):
        seen.append(image.size)
        return f"Recognised page {len(seen)}: 59 cruise missiles\n"

    fake.image_to_text = image_to_text
    monkeypatch.setitem(sys.modules, "tesserocr", fake)
    assert ocr.engine_available()
    doc = read_document(make_scanned_pdf(2), "scan.pdf")
    assert doc.text_origin == "ocr" and doc.parts == ["Recognised page 1: 59 cruise missiles",
                                                      "Recognised page 2: 59 cruise missiles"]
    assert all(width > 2000 for width, _ in seen)  # pages are drawn at 300 dpi for recognition
    picture = read_document(make_png(), "post.png")
    assert picture.text_origin == "ocr" and picture.has_text
    # With no language data the engine counts as absent, and a scan is kept without text.
    fake.get_languages = lambda: ("/nowhere", [])
    assert read_document(make_scanned_pdf(1), "scan.pdf").text_origin is None
