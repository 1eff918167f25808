"""From a fresh library to published output, from the command line alone.

A checker imports an article, checks two claims (one a quotation by a named person), has a
second person review them, fills in what ClaimReview lacks, and exports ClaimReview, the
HTML report, the corrections log and the statistics.
"""
from __future__ import annotations

import csv
import io
import json
import shutil

from cli_support import SAMPLES


def _claim(cli, store, article, words) -> str:
    claims = json.loads(cli("claims", "--article", article, "--store", store, "--format", "json").out)
    return next(c["id"] for c in claims if words in c["text"])


def test_import_check_review_and_publish_from_the_command_line(cli, tmp_path):
    store = tmp_path / "fresh.sqlite"
    article_file = tmp_path / "harbour-bridge.txt"
    shutil.copy(SAMPLES / "harbour-bridge.txt", article_file)
    imported = cli("import", article_file, "--store", store)
    assert imported.status == 0, imported.err
    article = imported.out.split()[0]
    vote = _claim(cli, store, article, "voted 9 to 4")
    quote = _claim(cli, store, article, "Mayor Elena Ruiz said")

    minutes = cli("source", "add", "--title", "Council minutes, 12 March 2024", "--publisher", "City council",
                  "--url", "https://council.example.org/minutes", "--archive-url",
                  "https://archive.example.org/minutes", "--kind", "official record", "--store", store).out.strip()
    forecast = cli("source", "add", "--title", "Traffic forecast appendix", "--publisher", "Transport authority",
                   "--url", "https://transport.example.org/forecast", "--kind", "dataset", "--store", store).out.strip()
    for claim, source, stance in ((vote, minutes, "supports"), (quote, forecast, "refutes")):
        assert cli("evidence", "add", claim, source, "--stance", stance, "--by", "Ana Checker",
                   "--store", store).status == 0
    assert cli("verdict", "set", vote, "True", "--scale", "truth", "--rationale", "The minutes record it.",
               "--checker", "Ana Checker", "--store", store).status == 0
    assert cli("verdict", "set", quote, "Mostly false", "--scale", "truth", "--rationale",
               "The forecast is 41,000 a day.", "--checker", "Ana Checker", "--store", store).status == 0
    for claim in (vote, quote):
        assert cli("verdict", "review", claim, "--reviewer", "Ben Editor", "--store", store).status == 0

    shown = json.loads(cli("publishing", "show", quote, "--store", store, "--format", "json").out)
    assert shown["claimant"].endswith("Elena Ruiz") and shown["claimant_type"] == "Person"

    out = tmp_path / "claimreview.jsonld"
    refused = cli("export", "--format", "claimreview", "--all", "-o", out, "--store", store)
    assert refused.status == 2 and not out.exists()
    assert "factcheck settings set organisation " in refused.err
    assert f"factcheck publishing set {quote[:8]} --review-url" in refused.err

    assert cli("settings", "set", "organisation", "Harbour Checkers", "--store", store).status == 0
    assert cli("settings", "set", "organisation-url", "https://checkers.example.org", "--store", store).status == 0
    for claim, slug in ((vote, "vote"), (quote, "traffic")):
        done = cli("publishing", "set", claim, "--review-url", f"https://checkers.example.org/checks/{slug}",
                   "--appearance", "https://ledger.example.org/bridge", "--store", store)
        assert done.status == 0, done.err
    assert cli("publishing", "check", "--all", "--store", store).status == 0

    assert cli("export", "--format", "claimreview", "--all", "-o", out, "--store", store).status == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 2
    by_url = {r["url"]: r for r in reviews}
    mayor = by_url["https://checkers.example.org/checks/traffic"]
    assert mayor["itemReviewed"]["author"] == {"@type": "Person", "name": shown["claimant"]}
    assert mayor["reviewRating"]["alternateName"] == "Mostly false"
    assert mayor["author"] == {"@type": "Organization", "name": "Harbour Checkers",
                               "url": "https://checkers.example.org"}
    for review in reviews:
        text = review["claimReviewed"]
        assert len(text) <= 75 and text.count("“") == text.count("”")

    # Published, then corrected: the change goes into the corrections log.
    for claim in (vote, quote):
        assert cli("verdict", "publish", claim, "--by", "Ben Editor", "--store", store).status == 0
    assert cli("verdict", "set", quote, "False", "--checker", "Ana Checker", "--why",
               "The authority withdrew the higher forecast.", "--store", store).status == 0

    files = {fmt: tmp_path / name for fmt, name in (
        ("html", "report.html"), ("corrections-html", "corrections.html"), ("corrections-csv", "corrections.csv"),
        ("statistics-csv", "statistics.csv"), ("statistics-html", "statistics.html"))}
    for fmt, path in files.items():
        done = cli("export", "--format", fmt, "--all", "-o", path, "--store", store)
        assert done.status == 0 and str(path) in done.out, done.err
    html = files["html"].read_text(encoding="utf-8")
    assert "Harbour Checkers" in html and "https://archive.example.org/minutes" in html and "How we checked" in html
    corrections = files["corrections-html"].read_text(encoding="utf-8")
    assert "Mostly false → False" in corrections and "The authority withdrew the higher forecast." in corrections
    assert "Mostly false,False" in files["corrections-csv"].read_text(encoding="utf-8-sig")
    stats = list(csv.DictReader(io.StringIO(files["statistics-csv"].read_text(encoding="utf-8-sig"))))
    claimants = {r["item"]: r["checks"] for r in stats if r["section"] == "claimant"}
    assert claimants[shown["claimant"]] == "1"
