"""The CSV export: one row per claim-source pair, BOM, header, neutralised cells, README beside it."""
from __future__ import annotations

import csv
import io

import pytest

from factcheck_app.reports.csv_export import HEADER, neutralise, write_csv
from factcheck_app.reports.errors import TargetExistsError
from factcheck_app.reports.model import build_report


def read_rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_rows_per_claim_source_pair(report_db, report_lib, tmp_path):
    data, readme = write_csv(build_report(report_db), tmp_path / "export.csv")
    assert readme.name == "export.columns.md"
    rows = read_rows(data)
    assert list(rows[0].keys()) == HEADER
    per_claim = {}
    for row in rows:
        per_claim.setdefault(row["claim_id"], []).append(row)
    assert len(per_claim[report_lib.crossings]) == 2
    assert len(per_claim[report_lib.leaflet]) == 1 and per_claim[report_lib.leaflet][0]["source_id"] == ""
    first = per_claim[report_lib.crossings][0]
    assert first["verdict_rating"] == "Mostly true" and first["verdict_value"] == "5"
    assert first["source_title"] == "Ferry statistics 2023" and first["stance"] == "supports"
    assert first["article_outlet"] == "The Harbour Gazette" and first["reviewer"] == "B. Editor"
    assert "True -> Mostly true (The authority revised its figure.)" in first["corrections"]
    assert len(rows) == 5


def test_formula_cells_are_neutralised(report_db, report_lib, tmp_path):
    data, _ = write_csv(build_report(report_db), tmp_path / "export.csv")
    cost = [r for r in read_rows(data) if r["claim_id"] == report_lib.cost][0]
    assert cost["excerpt"] == "'=HYPERLINK(\"http://evil.example\")"
    assert cost["locator"] == "'-p. 4" and cost["evidence_note"] == "'+1 more"
    assert cost["source_publisher"] == "'@Council"
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(value) == "'" + value
    assert neutralise("safe = fine") == "safe = fine" and neutralise(None) == ""


def test_readme_documents_every_column(report_db, tmp_path):
    _, readme = write_csv(build_report(report_db), tmp_path / "export.csv")
    text = readme.read_text(encoding="utf-8")
    for name in HEADER:
        assert f"`{name}`" in text
    assert "single quote" in text


def test_existing_readme_blocks_the_whole_export(report_db, tmp_path):
    (tmp_path / "export.columns.md").write_text("mine")
    with pytest.raises(TargetExistsError):
        write_csv(build_report(report_db), tmp_path / "export.csv")
    assert not (tmp_path / "export.csv").exists()
    assert (tmp_path / "export.columns.md").read_text() == "mine"


def test_csv_sample_library(sample_db, tmp_path):
    data, _ = write_csv(build_report(sample_db), tmp_path / "s.csv")
    rows = read_rows(data)
    assert len(rows) == 6  # 4 verdicts: 1 + 2 + 2 + 1 sources
    assert {r["verdict_rating"] for r in rows} == {"True", "Mostly false"}
