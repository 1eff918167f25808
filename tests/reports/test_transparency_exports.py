"""The corrections log and statistics exports, and what every report carries (IFCN / EFCSN transparency)."""
from __future__ import annotations

import csv
import io

from factcheck_app.reports import corrections_log, statistics
from factcheck_app.reports.exporter import ExportRequest, read_report, run_export
from factcheck_app.reports.html import render_html
from factcheck_app.reports.markdown import render_markdown
from factcheck_app.reports.model import build_report


def test_the_corrections_log_lists_every_change_to_a_published_verdict(report_db, report_lib, tmp_path):
    report = read_report(report_db, ExportRequest("corrections-csv", None))
    rows = list(csv.DictReader(io.StringIO(corrections_log.render_csv(report))))
    assert [(r["from"], r["to"], r["why"], r["claim_id"]) for r in rows] == [
        ("True", "Mostly true", "The authority revised its figure.", report_lib.crossings)]
    html = corrections_log.render_html(report)
    assert "<h1>Corrections</h1>" in html and "True → Mostly true" in html and "Harbour Checkers" in html
    assert "<script" not in html  # the claim text's <script> is escaped
    md = corrections_log.render_markdown(report)
    assert "True → Mostly true" in md and "Why: The authority revised its figure." in md
    for fmt, name in (("corrections-html", "c.html"), ("corrections-md", "c.md"), ("corrections-csv", "c.csv")):
        assert run_export(report_db, ExportRequest(fmt, tmp_path / name)).paths == [tmp_path / name]


def test_a_withdrawn_published_verdict_is_in_the_corrections_log(report_lib):
    from factcheck_app.ops.verdicts import clear_verdict
    from factcheck_app.store.library import open_library

    with open_library(report_lib.path) as lib:
        clear_verdict(lib, report_lib.crossings, by="B. Editor", why="Source withdrawn")
        report = read_report(lib.db, ExportRequest("corrections-md", None))
    entries = corrections_log.log_entries(report)
    assert entries[-1]["to"] is None and entries[-1]["why"] == "Source withdrawn"
    assert "verdict withdrawn" in corrections_log.render_markdown(report)


def test_statistics_count_checks_by_period_claimant_rating_and_scale(report_db, report_lib):
    report = build_report(report_db)
    data = statistics.compute(report)
    assert data["all"][0]["checks"] == 4 and data["all"][0]["published"] == 1
    assert data["all"][0]["median_days"] is not None and data["all"][0]["median_days"] >= 0
    assert {r["item"]: r["checks"] for r in data["claimant"]} == {"Jo Writer": 3, "Priya Natarajan": 1}
    assert [r["item"] for r in data["rating"]][:2] == ["True", "Mostly true"]
    assert {r["item"] for r in data["scale"]} == {"Six-step truth scale", "Label scale"}
    assert sum(r["checks"] for r in data["week"]) == 4 and sum(r["checks"] for r in data["month"]) == 4
    rows = list(csv.reader(io.StringIO(statistics.render_csv(report))))
    assert rows[0] == ["section", "item", "checks", "published", "median_days_to_publication"]
    assert {r[0] for r in rows[1:]} == {"all", "week", "month", "claimant", "rating", "scale"}
    html = statistics.render_html(report)
    assert html.count("<svg") == 5 and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert len(set(__import__("re").findall(r'id="(chart-[a-z]+)-title"', html))) == 5


def test_every_report_carries_the_organisation_methodology_and_archived_sources(report_db):
    report = build_report(report_db)
    for text in (render_html(report), render_markdown(report)):
        assert "Harbour Checkers" in text and "How we checked" in text
        assert "https://archive.example.org/ferry.csv" in text


def test_without_an_organisation_headings_are_neutral_and_no_placeholder_shows(report_db):
    from factcheck_app.store import settings

    settings.set_setting(report_db, settings.ORGANISATION_NAME, None)
    report = build_report(report_db)
    html, md = render_html(report), render_markdown(report)
    for text in (html, md, corrections_log.render_html(report), statistics.render_html(report)):
        assert "This desk" not in text and "named at the top" not in text
    assert "Fact-check report" in html
    assert "T0" not in html.split("Report generated", 1)[1][:40]  # a date for people, not a raw timestamp


def test_a_rationale_revised_after_publication_is_a_correction(report_lib):
    from factcheck_app.ops.verdicts import publish_verdict, review_verdict, set_rationale
    from factcheck_app.store.library import open_library

    with open_library(report_lib.path) as lib:
        review_verdict(lib, report_lib.harvest, by="B. Editor")  # already reviewed: a second look is harmless
        publish_verdict(lib, report_lib.harvest, by="B. Editor")
        set_rationale(lib, report_lib.harvest, "The report says 33.4%, rounded down to a third.", by="C. Checker",
                      why="Rounding explained.")
        report = read_report(lib.db, ExportRequest("corrections-csv", None))
    rows = list(csv.DictReader(io.StringIO(corrections_log.render_csv(report))))
    revised = [r for r in rows if r["claim_id"] == report_lib.harvest]
    assert [(r["change"], r["by"], r["why"]) for r in revised] == [
        ("True: rationale revised", "C. Checker", "Rounding explained.")]
