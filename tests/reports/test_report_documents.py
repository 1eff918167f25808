"""Reports list each cited source's documents with their SHA-256 (HTML, Markdown, JSON, PDF text)."""
from __future__ import annotations

import json

import pytest

from factcheck_app.ops.documents import attach_documents
from factcheck_app.reports.exporter import ExportRequest, run_export
from factcheck_app.reports.selection import Selection
from factcheck_app.store.library import open_library
from tests.document_samples import make_pdf


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv"])
def test_a_cited_source_lists_its_document_and_hash(report_lib, tmp_path, fmt):
    pdf = tmp_path / "harvest-figures.pdf"
    pdf.write_bytes(make_pdf(["The harvest fell 33 percent in 2023."]))
    with open_library(report_lib.path) as lib:
        source_id = lib.db.execute("SELECT source_id FROM evidence WHERE claim_id = ?", [report_lib.harvest]).fetchone()[0]
        (attached,) = attach_documents(lib, source_id, [pdf]).value
        result = run_export(lib.db, ExportRequest(fmt, tmp_path / f"report.{fmt}",
                                                  Selection(article_ids=[report_lib.article_b])))
    text = result.paths[0].read_text(encoding="utf-8")
    assert attached.sha256 in text and "harvest-figures.pdf" in text
    if fmt == "json":
        (claim,) = json.loads(text)["articles"][0]["claims"]
        assert claim["sources"][0]["documents"] == [{"name": "harvest-figures.pdf", "sha256": attached.sha256,
                                                     "media_type": "application/pdf", "size": pdf.stat().st_size}]


@pytest.mark.parametrize(("fmt", "start"), [("sources-csl-json", "["), ("sources-ris", "TY  - "),
                                            ("sources-bibtex", "@")])
def test_a_reports_sources_export_as_a_bibliography(report_lib, tmp_path, fmt, start):
    from factcheck_app.ingest.bibliography import read_bibliography

    with open_library(report_lib.path) as lib:
        cited = {r[0] for r in lib.db.execute(
            "SELECT DISTINCT s.title FROM evidence e JOIN sources s ON s.id = e.source_id "
            "JOIN claims c ON c.id = e.claim_id WHERE c.article_id = ?", [report_lib.article_b])}
        result = run_export(lib.db, ExportRequest(fmt, tmp_path / "sources", Selection(article_ids=[report_lib.article_b])))
    (path,) = result.paths
    assert path.read_text(encoding="utf-8").startswith(start)
    assert {e.fields["title"] for e in read_bibliography(path.read_bytes()).entries} == cited
