"""Documents travel between libraries: their rows by SHA-256, their pages and links, and their file bytes."""
from __future__ import annotations

import gzip
import json

import pytest
from exchange_support import attach_text, claim_ids, content, send

from factcheck_app.ops.change_file import ChangeFileError, read_change_file, write_change_file
from factcheck_app.ops.documents import quote_document
from factcheck_app.ops.exchange import export_changes, read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.ops.sources import remove_source
from factcheck_app.store.documents import pages_of
from factcheck_app.store.evidence import list_evidence
from factcheck_app.store.files import files_dir
from factcheck_app.store.info import check_library
from factcheck_app.store.sources import add_source

REPORT = "The dam report.\n\nWater levels rose 3 metres in one night.\n\nTwelve villages were flooded."


def _quoted_document(lib, text: str = REPORT, name: str = "report.txt") -> tuple[str, str, str]:
    """Attach a document to a new source and quote its second paragraph; return (claim, document, evidence)."""
    claim = claim_ids(lib)[0]
    source = add_source(lib.db, "Dam report", url="https://dam.example.org/report")
    document = attach_text(lib, source, name, text)
    evidence = quote_document(lib, claim, document, 2, "rose 3 metres", "supports", by="Ann").value
    return claim, document, evidence


def _files(lib) -> list[str]:
    folder = files_dir(lib.path)
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def test_a_quoted_document_arrives_with_its_file_pages_and_link(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim, document, _ = _quoted_document(ann)

    summary = send(pair, "ann", "bob", tmp_path)

    assert summary.new["documents"] == 1 and summary.new["document_pages"] == 3
    assert summary.new["source_documents"] == 1
    assert "1 new documents" in summary.lines()
    assert [(e["document_id"], e["page"]) for e in list_evidence(bob.db, claim)] == [(document, 2)]
    assert pages_of(bob.db, document) == pages_of(ann.db, document)
    assert _files(bob) == _files(ann) and len(_files(bob)) == 1
    assert check_library(bob) == []
    hits = bob.db.execute(
        "SELECT count(*) FROM document_pages_fts WHERE document_pages_fts MATCH 'villages'").fetchone()[0]
    assert hits == 1  # the search index knows the pages that came in
    send(pair, "bob", "ann", tmp_path)
    assert content(ann) == content(bob)
    assert check_library(ann) == []


def test_merging_the_same_file_twice_changes_nothing(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    _quoted_document(ann)
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")
    merge_changes(bob, read_changes(path), by="Bob")
    before, files = content(bob), _files(bob)
    again = merge_changes(bob, read_changes(path), by="Bob").value
    assert again.nothing and content(bob) == before and _files(bob) == files


@pytest.mark.parametrize("exchanged_before", [False, True])
@pytest.mark.parametrize("first", ["ann", "bob"])
def test_the_same_file_attached_on_both_sides_is_one_document(pair, tmp_path, exchanged_before, first):
    ann, bob = pair["ann"], pair["bob"]
    if exchanged_before:  # later files then carry only what changed: a re-keyed attachment must be among it
        send(pair, "ann", "bob", tmp_path)
        send(pair, "bob", "ann", tmp_path)
    claim, ann_document, _ = _quoted_document(ann, name="from-ann.txt")
    source = add_source(bob.db, "Dam report copy", url="https://mirror.example.org/dam")
    bob_document = attach_text(bob, source, "from-bob.txt", REPORT)
    assert ann_document != bob_document

    second = "bob" if first == "ann" else "ann"
    for sender, receiver in [(first, second), (second, first), (first, second)]:
        send(pair, sender, receiver, tmp_path)

    assert content(ann) == content(bob)
    kept = min(ann_document, bob_document)
    for lib in (ann, bob):
        assert [d[0] for d in lib.db.execute("SELECT id FROM documents")] == [kept]
        assert lib.db.execute("SELECT count(*) FROM source_documents WHERE document_id = ?", [kept]).fetchone()[0] == 2
        assert [e["document_id"] for e in list_evidence(lib.db, claim)] == [kept]
        assert len(_files(lib)) == 1 and check_library(lib) == []


def test_only_documents_changed_since_the_last_exchange_carry_their_file(pair, tmp_path):
    ann = pair["ann"]
    _quoted_document(ann)
    first = tmp_path / "first.fcchanges"
    export_changes(ann, "Bob", first, by="Ann")
    assert len(read_change_file(first).files) == 1
    add_source(ann.db, "Another source", url="https://other.example.org")
    second = tmp_path / "second.fcchanges"
    export_changes(ann, "Bob", second, by="Ann")
    assert read_change_file(second).files == {}


def test_a_whole_library_merge_brings_the_files(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim, document, _ = _quoted_document(ann)
    merge_changes(bob, read_changes(ann.path), by="Bob")
    assert [e["document_id"] for e in list_evidence(bob.db, claim)] == [document]
    assert _files(bob) == _files(ann) and check_library(bob) == []


def _rewritten(path, tmp_path, change) -> object:
    """Return a change file made from ``path`` with ``change`` applied to its content (checksum made anew)."""
    changes = read_change_file(path)
    change(changes)
    target = tmp_path / "altered.fcchanges"
    write_change_file(changes, target)
    return target


@pytest.mark.parametrize("damage", ["bytes", "missing"])
def test_a_damaged_or_missing_file_refuses_the_whole_merge(pair, tmp_path, damage):
    ann, bob = pair["ann"], pair["bob"]
    _quoted_document(ann)
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")

    def spoil(changes):
        (sha,) = changes.files
        if damage == "bytes":
            changes.files[sha] = changes.files[sha][:-3] + b"???"
        else:
            del changes.files[sha]

    altered = _rewritten(path, tmp_path, spoil)
    before = content(bob)
    with pytest.raises(ChangeFileError, match="nothing was merged"):
        merge_changes(bob, read_changes(altered), by="Bob")
    assert content(bob) == before and _files(bob) == []
    assert bob.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_a_file_line_that_is_not_base64_is_damage(pair, tmp_path):
    ann = pair["ann"]
    _quoted_document(ann)
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")
    changes = read_change_file(path)
    sha = next(iter(changes.files))
    changes.files = {}
    write_change_file(changes, path)
    raw = gzip.decompress(path.read_bytes()).split(b"\n")
    raw.insert(-2, json.dumps({"file": sha, "data": "not base64!"}).encode())
    body = b"\n".join(raw[:-2]) + b"\n"
    import hashlib
    trailer = {"end": True, "lines": len(raw) - 2, "sha256": hashlib.sha256(body).hexdigest()}
    path.write_bytes(gzip.compress(body + json.dumps(trailer).encode() + b"\n"))
    with pytest.raises(ChangeFileError, match="damaged"):
        read_change_file(path)


def test_a_document_whose_file_is_gone_goes_without_it_and_is_refused_where_it_is_new(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    _quoted_document(ann)
    (stored,) = [p for p in files_dir(ann.path).rglob("*") if p.is_file()]
    stored.chmod(0o644)
    stored.unlink()
    path = tmp_path / "ann.fcchanges"
    sent = export_changes(ann, "Bob", path, by="Ann")
    assert sent.value.missing_files == ("report.txt",) and "report.txt" in sent.notes[0]
    before = content(bob)
    with pytest.raises(ChangeFileError, match="without its file"):
        merge_changes(bob, read_changes(path), by="Bob")
    assert content(bob) == before and _files(bob) == []


def test_a_document_attached_to_a_source_the_colleague_removed_brings_the_source_back(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    source = ann.db.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    remove_source(ann, source)
    attach_text(bob, source, "notes.txt", REPORT)
    for sender, receiver in [("ann", "bob"), ("bob", "ann")]:
        send(pair, sender, receiver, tmp_path)
    assert content(ann) == content(bob)
    assert ann.db.execute("SELECT count(*) FROM source_documents WHERE source_id = ?", [source]).fetchone()[0] == 1


@pytest.mark.parametrize("first", ["ann", "bob"])
def test_a_document_kept_because_evidence_quotes_it_keeps_its_pages(pair, tmp_path, first):
    ann, bob = pair["ann"], pair["bob"]
    source = add_source(ann.db, "Dam report", url="https://dam.example.org/report")
    document = attach_text(ann, source, "report.txt", REPORT)
    send(pair, "ann", "bob", tmp_path)
    pages = pages_of(ann.db, document)
    claim = claim_ids(ann)[0]
    quote_document(ann, claim, document, 2, "rose 3 metres", "supports", by="Ann")
    remove_source(bob, source)  # nothing quotes the document at Bob: its row and pages go with the source
    assert bob.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    second = "bob" if first == "ann" else "ann"
    for sender, receiver in [(first, second), (second, first), (first, second)]:
        send(pair, sender, receiver, tmp_path)
    assert content(ann) == content(bob)
    for lib in (ann, bob):
        assert pages_of(lib.db, document) == pages
        assert [e["document_id"] for e in list_evidence(lib.db, claim)] == [document]
        hits = lib.db.execute(
            "SELECT count(*) FROM document_pages_fts WHERE document_pages_fts MATCH 'villages'").fetchone()[0]
        assert hits == 1 and check_library(lib) == []


def test_new_evidence_quoting_a_document_sent_before_does_not_send_its_file_again(pair, tmp_path):
    ann = pair["ann"]
    claim, document, _ = _quoted_document(ann)
    first = tmp_path / "first.fcchanges"
    export_changes(ann, "Bob", first, by="Ann")
    assert len(read_change_file(first).files) == 1
    merge_changes(pair["bob"], read_changes(first), by="Bob")
    quote_document(ann, claim_ids(ann)[1], document, 3, "Twelve villages", "supports", by="Ann")
    second = tmp_path / "second.fcchanges"
    export_changes(ann, "Bob", second, by="Ann")
    changes = read_change_file(second)
    assert len(changes.tables["evidence"]) == 1
    assert changes.files == {}  # Bob has the file: the document has not changed since
    summary = merge_changes(pair["bob"], changes, by="Bob").value
    assert summary.new["evidence"] == 1
    assert content(ann) == content(pair["bob"])
