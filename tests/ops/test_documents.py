"""ops.documents: attaching files to sources, reuse by hash, detaching, undo, and failed attaches."""
from __future__ import annotations

import os
import stat

import pytest

from factcheck_app.ops.documents import attach_documents, locate_excerpt
from factcheck_app.store import documents as docs
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.files import files_dir, sha256_of_file
from factcheck_app.store.info import check_library, counts
from factcheck_app.store.search import search, search_sources
from factcheck_app.store.sources import add_source, delete_source
from tests.document_samples import make_encrypted_pdf, make_pdf, make_png, make_scanned_pdf

REPORT = ["Annual report of the defence ministry.", "On 7 April the navy fired 59 cruise missiles at the Shayrat airfield."]


@pytest.fixture
def files(tmp_path):
    """Write sample documents into a folder and return their paths by name."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    made = {
        "report.pdf": make_pdf(REPORT),
        "scan.pdf": make_scanned_pdf(),
        "post.png": make_png(),
        "notes.txt": b"Wheat harvest notes.\n\nThe harvest fell by 12 percent in the drought year.",
        "locked.pdf": make_encrypted_pdf(),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in made}


def _snapshot(lib):
    return counts(lib.db), lib.db.execute("SELECT count(*) FROM source_documents").fetchone()[0]


def test_attach_keeps_the_file_unchanged_by_hash_and_indexes_its_pages(library, files):
    source = add_source(library.db, "Defence ministry report")
    result = attach_documents(library, source, [files["report.pdf"]])
    (attached,) = result.value
    assert result.changes.documents and not attached.reused and not attached.already_attached
    stored = files_dir(library.path) / attached.sha256[:2] / f"{attached.sha256}.pdf"
    assert stored.read_bytes() == files["report.pdf"].read_bytes()
    assert sha256_of_file(stored) == attached.sha256 and not os.stat(stored).st_mode & stat.S_IWUSR
    (row,) = docs.documents_of_source(library.db, source)
    assert (row["media_type"], row["parts"], row["size"], row["attached_name"]) == (
        "application/pdf", 2, files["report.pdf"].stat().st_size, "report.pdf")
    assert row["attached_at"] and row["sha256"] == attached.sha256
    (hit,) = search(library.db, "cruise missiles")
    assert (hit["kind"], hit["id"], hit["page"], hit["detail"]) == ("document", attached.document_id, 2, "report.pdf, p. 2")
    assert hit["source_id"] == source
    assert check_library(library) == []


def test_the_same_file_attached_twice_or_to_two_sources_is_kept_once(library, files):
    first, second = add_source(library.db, "Ministry"), add_source(library.db, "Wire copy")
    a = attach_documents(library, first, [files["report.pdf"]]).value[0]
    again = attach_documents(library, first, [files["report.pdf"]]).value[0]
    other = attach_documents(library, second, [files["report.pdf"]]).value[0]
    assert again.already_attached and other.reused and not other.already_attached
    assert a.document_id == again.document_id == other.document_id
    assert counts(library.db)["documents"] == 1
    assert len(list((files_dir(library.path) / a.sha256[:2]).iterdir())) == 1
    # Deleting one source never takes a document another source uses.
    delete_source(library.db, first)
    assert docs.get_document(library.db, a.document_id)["sha256"] == a.sha256
    delete_source(library.db, second)
    assert counts(library.db)["documents"] == 0
    assert (files_dir(library.path) / a.sha256[:2] / f"{a.sha256}.pdf").is_file()  # files are never deleted


def test_scans_and_pictures_are_kept_and_flagged_as_without_text(library, files):
    source = add_source(library.db, "Screenshots")
    result = attach_documents(library, source, [files["scan.pdf"], files["post.png"], files["notes.txt"]])
    scan, png, notes = result.value
    assert not scan.has_text and scan.parts == 2 and not png.has_text and png.part_kind == "image"
    assert notes.has_text and notes.part_kind == "paragraph"
    assert any("no text layer" in n for n in result.notes) and any("post.png" in n for n in result.notes)
    assert search(library.db, "harvest fell")[0]["detail"] == "notes.txt, para. 2"


def test_a_bad_file_among_good_ones_leaves_the_library_untouched(library, files, tmp_path):
    source = add_source(library.db, "Ministry")
    attach_documents(library, source, [files["notes.txt"]])
    before = _snapshot(library)
    stored_before = sorted(p.name for p in files_dir(library.path).rglob("*") if p.is_file())
    for bad in (files["locked.pdf"], tmp_path / "absent.pdf"):
        with pytest.raises(ValidationError) as caught:
            attach_documents(library, source, [files["report.pdf"], bad])
        assert bad.name in str(caught.value)
    assert _snapshot(library) == before
    assert sorted(p.name for p in files_dir(library.path).rglob("*") if p.is_file()) == stored_before


def test_undo_detaches_and_its_undo_attaches_again(library, files):
    source = add_source(library.db, "Ministry")
    result = attach_documents(library, source, [files["report.pdf"]])
    document_id = result.value[0].document_id
    undone = result.undo(library)
    assert docs.documents_of_source(library.db, source) == [] and search(library.db, "cruise") == []
    redone = undone.undo(library)
    assert [d["id"] for d in docs.documents_of_source(library.db, source)] == [document_id] == redone.value
    assert search(library.db, "cruise")[0]["id"] == document_id


def test_an_excerpt_must_occur_on_the_page_named(library, files):
    source = add_source(library.db, "Ministry")
    document_id = attach_documents(library, source, [files["report.pdf"]]).value[0].document_id
    quote = locate_excerpt(library, document_id, 2, "fired 59 cruise   missiles")
    assert (quote.locator, quote.passage.text, quote.source_id) == ("p. 2", "fired 59 cruise missiles", source)
    with pytest.raises(ValidationError, match="does not occur on p. 1"):
        locate_excerpt(library, document_id, 1, "59 cruise missiles")
    with pytest.raises(ValidationError, match="has 2 pages"):
        locate_excerpt(library, document_id, 3, "59 cruise missiles")


def test_store_check_catches_a_changed_and_a_missing_document(library, files):
    source = add_source(library.db, "Ministry")
    report, notes = attach_documents(library, source, [files["report.pdf"], files["notes.txt"]]).value
    stored = files_dir(library.path) / report.sha256[:2] / f"{report.sha256}.pdf"
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes().replace(b"59", b"95"))  # same size, other bytes
    (files_dir(library.path) / notes.sha256[:2] / f"{notes.sha256}.txt").unlink()
    problems = check_library(library)
    assert len(problems) == 2
    assert "report.pdf" in problems[0] and "SHA-256 no longer matches" in problems[0]
    assert "notes.txt" in problems[1] and "missing" in problems[1]
    # Attaching the same bytes again puts the good copy back.
    attach_documents(library, source, [files["report.pdf"], files["notes.txt"]])
    assert check_library(library) == []


def test_the_app_source_search_finds_sources_through_their_documents(library, files):
    ministry = add_source(library.db, "Defence ministry report")
    add_source(library.db, "Shayrat base profile")
    attach_documents(library, ministry, [files["report.pdf"]])
    rows = search_sources(library.db, "cruise missiles")
    assert [r["id"] for r in rows] == [ministry]
    assert rows[0]["found_in"] == "report.pdf, p. 2" and "cruise missiles" in rows[0]["passage"]


def test_evidence_quoting_a_document_keeps_its_page_and_needs_a_named_checker(library, files):
    from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim
    from factcheck_app.ops.documents import quote_document
    from factcheck_app.ops.people import MissingPersonError
    from factcheck_app.store.articles import import_article
    from factcheck_app.store.evidence import get_evidence

    body = "Strike\n\nThe navy fired 59 cruise missiles."
    claim_text = "The navy fired 59 cruise missiles."
    start = body.index(claim_text)
    article = import_article(library.db, ExtractedArticle(
        body=body, title="Strike", claims=[ExtractedClaim(start, start + len(claim_text), claim_text, 0.9, [])]))
    claim = article.claim_ids[0]
    source = add_source(library.db, "Ministry")
    document_id = attach_documents(library, source, [files["report.pdf"]]).value[0].document_id
    with pytest.raises(MissingPersonError):
        quote_document(library, claim, document_id, 2, "59 cruise missiles", "supports", by=None)
    with pytest.raises(ValidationError, match="does not occur on p. 1"):
        quote_document(library, claim, document_id, 1, "59 cruise missiles", "supports", by="Ana")
    other = add_source(library.db, "Unrelated")
    with pytest.raises(ValidationError, match="does not keep this document"):
        quote_document(library, claim, document_id, 2, "59 cruise missiles", "supports", source_id=other, by="Ana")
    result = quote_document(library, claim, document_id, 2, "fired 59 CRUISE missiles", "supports", by="Ana")
    row = get_evidence(library.db, result.value)
    assert (row["source_id"], row["document_id"], row["page"], row["locator"], row["excerpt"], row["added_by"]) == (
        source, document_id, 2, "p. 2", "fired 59 cruise missiles", "Ana")
    undone = result.undo(library)
    restored = undone.undo(library)
    assert get_evidence(library.db, restored.value)["document_id"] == document_id


def test_removing_and_merging_sources_keep_their_documents(library, files):
    from factcheck_app.ops.sources import merge_sources, remove_source

    keep, duplicate = add_source(library.db, "Ministry report"), add_source(library.db, "Ministry report (copy)")
    report = attach_documents(library, duplicate, [files["report.pdf"]]).value[0]
    merge_sources(library, keep, [duplicate])
    assert [d["id"] for d in docs.documents_of_source(library.db, keep)] == [report.document_id]
    removed = remove_source(library, keep)
    assert counts(library.db)["documents"] == 0
    removed.undo(library)
    assert [d["id"] for d in docs.documents_of_source(library.db, keep)] == [report.document_id]
    assert search(library.db, "cruise missiles")[0]["id"] == report.document_id


def test_huge_files_and_page_counts_over_the_limits_are_refused(library, files, tmp_path, monkeypatch):
    from factcheck_app.ingest import documents as reader
    from factcheck_app.ingest import pdf_text

    source = add_source(library.db, "Ministry")
    before = _snapshot(library)
    monkeypatch.setattr(reader, "MAX_DOCUMENT_BYTES", 1024)
    with pytest.raises(ValidationError, match="too large"):
        attach_documents(library, source, [files["report.pdf"]])
    monkeypatch.undo()
    monkeypatch.setattr(pdf_text, "MAX_PDF_PAGES", 1)
    with pytest.raises(ValidationError, match="2 pages; the limit is 1"):
        attach_documents(library, source, [files["report.pdf"]])
    assert _snapshot(library) == before and not files_dir(library.path).exists()
