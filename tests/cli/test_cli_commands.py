"""Every `factcheck` command and sub-action, end to end through factcheck_app.cli.main."""
from __future__ import annotations

import io
import json
import sys

from cli_support import SAMPLES
from reliability_support import sha256

TXT = SAMPLES / "harbour-bridge.txt"
HTML = SAMPLES / "drought-report.html"


def test_import_lists_and_shows(cli, store_path):
    result = cli("import", TXT, HTML, "--store", store_path)
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 2
    article_id = lines[0].split()[0]
    assert "claims" in result.err
    again = cli("import", TXT, "--store", store_path)
    assert again.status == 0 and "(already in the library)" in again.out and again.out.split()[0] == article_id

    articles = cli("articles", "--store", store_path, "--format", "json")
    rows = json.loads(articles.out)
    assert {r["id"] for r in rows} == {lines[0].split()[0], lines[1].split()[0]}
    table = cli("articles", "--store", store_path)
    assert table.out.startswith("ID") and len(table.out.splitlines()) == 3
    assert len(json.loads(cli("articles", "--search", "zzzz-nothing", "--format", "json", "--store", store_path).out)) == 0

    claims = json.loads(cli("claims", "--article", article_id[:8], "--format", "json", "--store", store_path).out)
    assert claims and all(c["article_id"] == article_id for c in claims)
    assert cli("claims", "--status", "checked", "--store", store_path).out.strip().endswith("(none)")

    shown = cli("show", claims[0]["id"][:8], "--store", store_path)
    assert shown.status == 0 and "facets:" in shown.out and "Not yet checked" in shown.out
    as_json = json.loads(cli("show", claims[0]["id"], "--format", "json", "--store", store_path).out)
    assert as_json["id"] == claims[0]["id"] and as_json["history"] == []


def test_import_with_a_published_date(cli, store_path):
    result = cli("import", TXT, "--published", "2024-03-15", "--store", store_path)
    assert result.status == 0
    [row] = json.loads(cli("articles", "--format", "json", "--store", store_path).out)
    assert row["published"] == "2024-03-15"


def test_extract_a_file_as_text_and_json(cli):
    text = cli("extract", TXT)
    assert text.status == 0 and "published:" in text.out and "[" in text.out
    data = json.loads(cli("extract", HTML, "--format", "json", "--published", "2020-01-02").out)
    assert data["published"] == "2020-01-02" and data["claims"]
    for claim in data["claims"]:
        assert data["body"][claim["start"]:claim["end"]] == claim["text"]


def test_extract_batch(cli, monkeypatch):
    lines = [json.dumps({"id": "a", "text": "Rates rose 5 percent in 2019, the bank said.", "published": "2020-01-01"}),
             "", "not json", json.dumps({"id": "c", "text": 42})]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("extract", "--batch")
    assert result.status == 0
    out = [json.loads(line) for line in result.out.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c"]
    assert out[0]["claims"] and "error" in out[1] and "error" in out[2]


def test_extract_refusals(cli, tmp_path):
    from cli_support import assert_refused

    assert_refused(cli("extract"), "FILE")
    assert_refused(cli("extract", TXT, "--batch"), "batch")
    assert_refused(cli("extract", tmp_path / "missing.txt"), "no such file")
    assert_refused(cli("extract", TXT, "--published", "14/03/2024"), "date")


def test_sources_evidence_verdicts_and_search(cli, populated):
    store = populated.path
    claim = populated.claim_ids[0]
    added = cli("source", "add", "--title", "Bus fleet register", "--url", "https://city.example/fleet",
                "--publisher", "Transport office", "--author", "R. Clerk", "--published", "2023-12-01",
                "--accessed", "2024-03-14", "--kind", "dataset", "--reliability", "high",
                "--archive-url", "https://archive.example/fleet", "--notes", "table 3", "--tag", "buses",
                "--tag", "fleet", "--store", store)
    assert added.status == 0
    source_id = added.out.strip()
    listed = json.loads(cli("source", "list", "--format", "json", "--store", store).out)
    row = next(r for r in listed if r["id"] == source_id)
    assert (row["kind"], row["reliability"], row["tags"], row["archive_url"]) == (
        "dataset", "high", "buses, fleet", "https://archive.example/fleet")
    assert "Bus fleet register" in cli("source", "list", "--store", store).out

    evidence = cli("evidence", "add", claim[:8], source_id[:8], "--stance", "supports", "--excerpt", "59 buses",
                   "--locator", "table 3", "--note", "n", "--by", "Ana", "--store", store)
    assert evidence.status == 0 and len(evidence.out.strip()) == 36

    set_ = cli("verdict", "set", claim[:8], "mostly true", "--rationale", "matches the register",
               "--checker", "Ana", "--why", "register checked", "--store", store)
    assert set_.status == 0 and set_.out.strip() == f"{claim[:8]}  Mostly true (truth, draft) by Ana"
    again = cli("verdict", "set", claim[:8], "One Pinocchio", "--scale", "pinocchio", "--by", "Ana", "--store", store)
    assert again.status == 0 and "pinocchio" in again.out
    reviewed = cli("verdict", "review", claim[:8], "--reviewer", "Ben", "--store", store)
    assert reviewed.status == 0 and "reviewed by Ben" in reviewed.out
    history = json.loads(cli("verdict", "history", claim[:8], "--format", "json", "--store", store).out)
    assert [h["to_rating"] for h in history] == ["Mostly true", "One Pinocchio", "One Pinocchio"]
    assert "register checked" in cli("verdict", "history", claim, "--store", store).out
    scales = cli("verdict", "scales", "--store", store)
    assert "truth:" in scales.out and "Pants on fire" in scales.out
    assert {s["name"] for s in json.loads(cli("verdict", "scales", "--format", "json", "--store", store).out)} >= {
        "truth", "labels", "pinocchio"}

    found = json.loads(cli("search", "register", "--format", "json", "--store", store).out)
    assert {(h["kind"], h["id"]) for h in found} >= {("source", source_id)}
    assert cli("search", "buses", "--limit", "1", "--store", store).out.count("\n") == 2

    shown = cli("show", claim[:8], "--store", store).out
    assert "One Pinocchio" in shown and "reviewed by Ben" in shown and "Bus fleet register" in shown


def test_export_writes_once_and_never_overwrites_without_force(cli, populated, tmp_path):
    from cli_support import assert_refused

    store = populated.path
    assert cli("verdict", "set", populated.claim_ids[0], "False", "--by", "Ana", "--store", store).status == 0
    target = tmp_path / "report.md"
    first = cli("export", "--format", "md", "--all", "-o", target, "--store", store)
    assert first.status == 0, first.err
    assert "False" in target.read_text(encoding="utf-8")
    before = sha256(target)
    assert_refused(cli("export", "--format", "md", "--all", "-o", target, "--store", store), "exists")
    assert sha256(target) == before
    assert cli("export", "--format", "md", "--all", "-o", target, "--force", "--store", store).status == 0


def test_store_info_check_backup_restore(cli, populated, tmp_path):
    from cli_support import assert_refused

    store = populated.path
    info = cli("store", "info", "--store", store)
    assert info.status == 0 and "schema version" in info.out and "claims" in info.out
    data = json.loads(cli("store", "info", "--format", "json", "--store", store).out)
    assert data["counts"]["claims"] == 6 and data["journal_mode"] == "wal"
    check = cli("store", "check", "--store", store)
    assert (check.status, check.out.strip()) == (0, "ok")

    copy = tmp_path / "copy.sqlite"
    assert cli("store", "backup", copy, "--store", store).status == 0
    assert json.loads(cli("store", "info", "--format", "json", "--store", copy).out)["counts"]["claims"] == 6
    assert_refused(cli("store", "backup", copy, "--store", store), "--force")
    assert cli("store", "backup", copy, "--force", "--store", store).status == 0
    assert_refused(cli("store", "backup", store, "--force", "--store", store), "library itself")

    cli("source", "add", "--title", "Added after the copy", "--store", store)
    restored = cli("store", "restore", copy, "--store", store)
    assert restored.status == 0 and "kept as" in restored.out
    titles = [s["title"] for s in json.loads(cli("source", "list", "--format", "json", "--store", store).out)]
    assert "Added after the copy" not in titles
    listing = cli("store", "restore", "--list", "--store", store)
    assert listing.status == 0 and "-daily-" in listing.out


def test_store_check_reports_problems_with_exit_1(cli, populated):
    import sqlite3

    conn = sqlite3.connect(populated.path)
    conn.execute("INSERT INTO facets (id, claim_id, kind, start_offset, end_offset, text) "
                 "VALUES ('f', 'no-such-claim', 'date', 0, 1, 'x')")
    conn.commit()
    conn.close()
    result = cli("store", "check", "--store", populated.path)
    assert result.status == 1 and "1 problem(s) found" in result.out


def test_store_sample(cli, tmp_path):
    from cli_support import assert_refused

    target = tmp_path / "sample.sqlite"
    made = cli("store", "sample", target)
    assert made.status == 0 and "articles" in made.out
    counts = json.loads(cli("store", "info", "--format", "json", "--store", target).out)["counts"]
    assert counts["articles"] >= 2 and counts["verdicts"] >= 1 and counts["evidence"] >= 1
    before = sha256(target)
    assert_refused(cli("store", "sample", target), "exists")
    assert sha256(target) == before


def test_the_default_library_comes_from_the_environment(cli, user_folders):
    assert cli("source", "add", "--title", "In the default library").status == 0
    assert (user_folders / "data" / "library.factcheck.sqlite").exists()
    assert "In the default library" in cli("source", "list").out


def test_read_commands_do_not_create_a_library(cli, tmp_path):
    from cli_support import assert_refused

    for argv in (["articles"], ["claims"], ["source", "list"], ["search", "x"], ["store", "info"],
                 ["store", "check"], ["verdict", "history", "abc"]):
        missing = tmp_path / "absent.sqlite"
        assert_refused(cli(*argv, "--store", missing), "no library")
        assert not missing.exists()
