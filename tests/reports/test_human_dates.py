"""Dates written for people in reports; the JSON export keeps the ISO values."""
from __future__ import annotations

import json

from factcheck_app.reports.human_dates import human_date, human_day
from factcheck_app.reports.json_export import render_json
from factcheck_app.reports.model import build_report


def test_dates_for_people():
    assert human_date("2026-11-30T05:47:06+00:00") == "30 November 2026, 05:47 UTC"
    assert human_date("2026-11-30T07:47:06+02:00") == "30 November 2026, 05:47 UTC"
    assert human_day("2026-11-30T05:47:06+00:00") == "30 November 2026"
    assert human_date("2024-03-14") == "14 March 2024"
    assert human_date("2024-03") == "March 2024"
    assert human_date("2024") == "2024"
    assert human_date(None) == "" and human_date("last spring") == "last spring"


def test_json_keeps_iso_values(report_db):
    data = json.loads(render_json(build_report(report_db)))
    assert "T" in data["generated_at"] and data["articles"][0]["published"] == "2024-03-14"
