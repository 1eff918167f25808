"""The report structure: selection, reading order, context, verdicts, sources, summary, corrections."""
from __future__ import annotations

import pytest

from factcheck_app.reports.errors import NothingToExportError, SelectionError
from factcheck_app.reports.model import (
    REPORT_FORMAT, build_report, corrections_log, default_methodology, iter_claims, sentence_context,
)
from factcheck_app.reports.selection import Selection, check_verdict_labels, resolve_articles
from factcheck_app.store import settings


def claims_of(report):
    return [c for _, c in iter_claims(report)]


def test_default_selection_is_claims_with_a_verdict_in_reading_order(report_db, report_lib):
    report = build_report(report_db)
    assert report["format"] == REPORT_FORMAT and report["version"] == 1
    ids = [c["id"] for c in claims_of(report)]
    assert ids == [report_lib.crossings, report_lib.cost, report_lib.leaflet, report_lib.harvest]
    first = report["articles"][0]
    assert [c["position"] for c in first["claims"]] == [1, 2, 3]
    assert first["outlet"] == "The Harbour Gazette" and first["published"] == "2024-03-14"
    assert first["url"] == "https://gazette.example.org/ferry"


def test_include_unchecked_adds_claims_without_verdict(report_db, report_lib):
    report = build_report(report_db, Selection(include_unchecked=True))
    unchecked = [c for c in claims_of(report) if c["verdict"] is None]
    assert [c["id"] for c in unchecked] == [report_lib.cleaned]
    assert report["summary"]["by_verdict"][-1] == {"rating": "Not yet checked", "colour": "#9e9e9e", "count": 1}


def test_verdict_carries_scale_colour_numbers_and_people(report_db, report_lib):
    by_id = {c["id"]: c for c in claims_of(build_report(report_db))}
    v = by_id[report_lib.crossings]["verdict"]
    assert (v["rating"], v["scale"], v["colour"], v["value"], v["best"], v["worst"]) == (
        "Mostly true", "truth", "#5aae61", 5, 6, 1)
    assert v["checker"] == "A. Checker" and v["reviewer"] == "B. Editor" and v["status"] == "published"
    assert v["published_at"] and v["rationale"] == "Matches, rounded up."
    off = by_id[report_lib.leaflet]["verdict"]
    assert off["off_scale"] is True and off["value"] is None and off["colour"] == "#6b6b6b"


def test_sources_facets_and_context(report_db, report_lib):
    by_id = {c["id"]: c for c in claims_of(build_report(report_db))}
    crossings = by_id[report_lib.crossings]
    assert [s["stance"] for s in crossings["sources"]] == ["supports", "context"]
    stats = crossings["sources"][0]
    assert stats["title"] == "Ferry statistics 2023" and stats["locator"] == "sheet 2"
    assert stats["archive_url"] == "https://archive.example.org/ferry.csv" and stats["published"] == "2024-01-30"
    assert [(f["kind"], f["value"], f["unit"]) for f in crossings["facets"]] == [
        ("quantity", "18000", "people"), ("date", "2023", None)]
    assert crossings["context_before"] == "Ferry numbers fall as bridge opens "
    assert crossings["context_after"].startswith(" Officials claimed the bridge cost")
    assert by_id[report_lib.leaflet]["sources"] == []


def test_summary_counts_by_verdict_best_first(report_db):
    summary = build_report(report_db)["summary"]
    assert [(r["rating"], r["count"]) for r in summary["by_verdict"]] == [
        ("True", 1), ("Mostly true", 1), ("False", 1), ("Unverifiable", 1)]
    assert summary["claims"] == 4 and summary["articles"] == 2 and summary["sources"] == 3
    assert summary["by_status"] == {"draft": 2, "reviewed": 1, "published": 1}


def test_corrections_log_lists_changes_after_publication(report_db, report_lib):
    report = build_report(report_db)
    log = corrections_log(report)
    assert len(log) == 1
    fix = log[0]
    assert (fix["from"], fix["to"], fix["why"], fix["claim_id"]) == (
        "True", "Mostly true", "The authority revised its figure.", report_lib.crossings)


def test_selection_filters(report_db, report_lib):
    published = build_report(report_db, Selection(status="published"))
    assert [c["id"] for c in claims_of(published)] == [report_lib.crossings]
    reviewed = build_report(report_db, Selection(status="reviewed"))
    assert {c["id"] for c in claims_of(reviewed)} == {report_lib.crossings, report_lib.harvest}
    rated = build_report(report_db, Selection(verdicts=["false", "UNVERIFIABLE"]))
    assert [c["id"] for c in claims_of(rated)] == [report_lib.cost, report_lib.leaflet]
    one = build_report(report_db, Selection(article_ids=[report_lib.article_b]))
    assert one["title"] == "Fact-check: Wheat harvest down by a third"
    assert [c["id"] for c in claims_of(one)] == [report_lib.harvest]


def test_articles_in_the_order_asked(report_db, report_lib):
    ids = resolve_articles(report_db, [report_lib.article_b[:8], report_lib.article_a[:8]])
    report = build_report(report_db, Selection(article_ids=ids))
    assert [a["id"] for a in report["articles"]] == [report_lib.article_b, report_lib.article_a]


def test_unknown_rating_and_empty_selection_are_refused(report_db, report_lib):
    with pytest.raises(SelectionError, match="'Brilliant' is not a rating"):
        check_verdict_labels(report_db, ["Brilliant"])
    assert check_verdict_labels(report_db, ["mostly TRUE"]) == ["Mostly true"]
    with pytest.raises(NothingToExportError, match="published"):
        build_report(report_db, Selection(article_ids=[report_lib.article_b], status="published"))


def test_methodology_from_setting_or_default(report_db):
    assert build_report(report_db)["methodology"] == default_methodology("Harbour Checkers")
    assert "corrections log" in default_methodology()
    assert default_methodology("Harbour Checkers").endswith("contact Harbour Checkers.")
    assert "named at the top" not in default_methodology() and "{contact}" not in default_methodology()
    settings.set_setting(report_db, settings.METHODOLOGY, "We phone everyone twice.")
    assert build_report(report_db)["methodology"] == "We phone everyone twice."


def test_sentence_context_keeps_to_neighbouring_sentences():
    body = "First one. Second here. The claim is this. Third follows. Fourth."
    start = body.index("The claim")
    end = start + len("The claim is this.")
    assert sentence_context(body, start, end) == ("Second here. ", " Third follows.")
    long_body = "word " * 100 + "CLAIM" + " more" * 100
    before, after = sentence_context(long_body, 500, 505, reach=30)
    assert before.startswith("…") and after.endswith("…") and len(before) <= 31
