"""The JSON export: the full report structure, loading back into an equal structure."""
from __future__ import annotations

import json

import pytest

from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.json_export import load_report, render_json, write_json
from factcheck_app.reports.model import build_report
from factcheck_app.reports.selection import Selection


def test_json_round_trips_to_the_same_structure(report_db, tmp_path):
    report = build_report(report_db, Selection(include_unchecked=True))
    path = write_json(report, tmp_path / "r.json")
    loaded = load_report(path.read_text(encoding="utf-8"))
    assert loaded == report
    assert loaded["format"] == "factcheck-desk-report" and loaded["version"] == 1


def test_json_keys_are_stable(report_db):
    data = json.loads(render_json(build_report(report_db)))
    assert list(data) == ["format", "version", "generated_at", "title", "organisation", "selection",
                          "methodology", "summary", "articles"]
    claim = data["articles"][0]["claims"][0]
    assert list(claim) == ["id", "position", "text", "context_before", "context_after", "start", "end",
                           "status", "origin", "facets", "verdict", "sources", "corrections", "publishing"]
    assert claim["verdict"]["published_at"][:4].isdigit() and "T" in claim["verdict"]["published_at"]
    assert claim["corrections"][0]["from"] == "True"


def test_load_report_refuses_other_json():
    with pytest.raises(ReportError, match="Not a Factcheck Desk"):
        load_report('{"hello": 1}')
    with pytest.raises(ReportError, match="version 99"):
        load_report('{"format": "factcheck-desk-report", "version": 99}')


def test_json_sample_library(sample_db, tmp_path):
    report = build_report(sample_db)
    assert load_report(write_json(report, tmp_path / "s.json").read_text(encoding="utf-8")) == report
    assert report["summary"]["claims"] == 4
