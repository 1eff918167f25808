"""`factcheck source attach|files`, search inside documents, and `store check|backup` with documents."""
from __future__ import annotations

import json
import os

from cli_support import assert_refused

from factcheck_app.store.files import files_dir
from tests.document_samples import make_encrypted_pdf, make_pdf, make_scanned_pdf


def _source(cli, store_path, title="Defence ministry report"):
    result = cli("source", "add", "--title", title, "--store", store_path)
    assert result.status == 0, result.err
    return result.out.strip()


def test_attach_list_search_and_check(cli, store_path, tmp_path):
    report = tmp_path / "report.pdf"
    report.write_bytes(make_pdf(["Cover.", "The navy fired 59 cruise missiles at the Shayrat airfield."]))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_scanned_pdf())
    source = _source(cli, store_path)
    attached = cli("source", "attach", source[:8], report, scan, "--store", store_path)
    assert attached.status == 0, attached.err
    lines = attached.out.splitlines()
    assert len(lines) == 2 and "application/pdf" in lines[0] and "report.pdf" in lines[0]
    assert "no text layer" in attached.err and "scan.pdf" in attached.err
    again = cli("source", "attach", source, report, "--store", store_path)
    assert "(already attached)" in again.out and again.out.split()[0] == lines[0].split()[0]

    listed = json.loads(cli("source", "files", source, "--format", "json", "--store", store_path).out)
    assert [(d["attached_name"], d["parts"], d["has_text"]) for d in listed] == [("report.pdf", 2, 1), ("scan.pdf", 2, 0)]
    assert all(len(d["sha256"]) == 64 and d["size"] > 0 and d["attached_at"] for d in listed)
    table = cli("source", "files", source, "--store", store_path).out
    assert "SHA-256" in table and listed[0]["sha256"] in table and "no text" in table

    found = json.loads(cli("search", "cruise missiles", "--format", "json", "--store", store_path).out)
    assert found[0]["kind"] == "document" and found[0]["detail"] == "report.pdf, p. 2" and found[0]["page"] == 2
    assert "report.pdf, p. 2" in cli("search", "shayrat", "--store", store_path).out

    assert cli("store", "check", "--store", store_path).status == 0
    stored = files_dir(store_path) / listed[0]["sha256"][:2] / f"{listed[0]['sha256']}.pdf"
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"\n% changed")
    checked = cli("store", "check", "--store", store_path)
    assert checked.status == 1 and "report.pdf" in checked.out and "changed" in checked.out

    backup = tmp_path / "copy.sqlite"
    assert cli("store", "backup", backup, "--store", store_path).status == 0
    assert (files_dir(backup) / listed[1]["sha256"][:2] / f"{listed[1]['sha256']}.pdf").is_file()

    detached = cli("source", "detach", source, listed[1]["id"][:8], "--store", store_path)
    assert detached.status == 0 and detached.out.strip() == f"detached {listed[1]['id']}"
    left = json.loads(cli("source", "files", source, "--format", "json", "--store", store_path).out)
    assert [d["attached_name"] for d in left] == ["report.pdf"]
    assert_refused(cli("source", "detach", source, listed[1]["id"], "--store", store_path), "document")


def test_bad_attachments_are_refused_and_write_nothing(cli, store_path, tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(make_pdf(["Fine."]))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_encrypted_pdf())
    liar = tmp_path / "photo.png"
    liar.write_bytes(make_pdf(["Not a picture."]))
    source = _source(cli, store_path)
    assert_refused(cli("source", "attach", source, good, locked, "--store", store_path), "locked.pdf", "password")
    assert_refused(cli("source", "attach", source, liar, "--store", store_path), "photo.png", "PNG")
    assert_refused(cli("source", "attach", source, tmp_path / "absent.pdf", "--store", store_path), "no such file")
    assert_refused(cli("source", "attach", "ffffffff", good, "--store", store_path), "source")
    assert json.loads(cli("source", "files", source, "--format", "json", "--store", store_path).out) == []
    assert not files_dir(store_path).exists() or not any(p.is_file() for p in files_dir(store_path).rglob("*"))


def test_evidence_from_a_document_page(cli, store_path, tmp_path):
    from pathlib import Path

    article = cli("import", Path(__file__).parents[2] / "resources" / "samples" / "harbour-bridge.txt",
                  "--store", store_path).out.split()[0]
    claim = json.loads(cli("claims", "--article", article, "--format", "json", "--store", store_path).out)[0]["id"]
    report = tmp_path / "report.pdf"
    report.write_bytes(make_pdf(["Cover.", "The council counted 18,000 crossings\na day in 2023."]))
    source = _source(cli, store_path)
    document = cli("source", "attach", source, report, "--store", store_path).out.split()[0]
    added = cli("evidence", "add", claim, "--stance", "supports", "--from-document", document[:8], "--page", "2",
                "--excerpt", "counted 18,000 crossings a day", "--by", "Ana", "--store", store_path)
    assert added.status == 0, added.err
    shown = json.loads(cli("show", claim, "--format", "json", "--store", store_path).out)
    (evidence,) = shown["evidence"]
    assert (evidence["id"], evidence["document_id"], evidence["page"], evidence["locator"], evidence["excerpt"]) == (
        added.out.strip(), document, 2, "p. 2", "counted 18,000 crossings a day")

    common = ("evidence", "add", claim, "--stance", "supports", "--by", "Ana", "--store", store_path)
    assert_refused(cli(*common, "--from-document", document, "--page", "1", "--excerpt", "18,000 crossings"),
                   "does not occur on p. 1")
    assert_refused(cli(*common, "--from-document", document, "--page", "7", "--excerpt", "18,000"), "2 pages")
    assert_refused(cli(*common, "--from-document", document, "--page", "2"), "--excerpt")
    assert_refused(cli(*common, "--from-document", "ffffffff", "--page", "2", "--excerpt", "x"), "document")
    assert_refused(cli(*common), "SOURCE")
    assert len(json.loads(cli("show", claim, "--format", "json", "--store", store_path).out)["evidence"]) == 1
