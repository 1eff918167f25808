"""`factcheck checks import|list|search|remove-collection` and `factcheck match` (CLAIM, --text, --batch)."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from reliability_support import sha256

DATA = Path(__file__).resolve().parents[1] / "data" / "claimreview"


def test_checks_import_list_search_remove(cli, store_path):
    result = cli("checks", "import", DATA / "feed.json", DATA / "single.json", "--store", store_path)
    assert result.status == 0, result.err
    assert "3 checks added, 0 updated, 3 items skipped" in result.out
    assert "skipped feed.json: dataFeedElement 2: no claimReviewed text" in result.err
    again = cli("checks", "import", DATA / "feed.json", "--store", store_path)
    assert "0 checks added, 2 updated" in again.out

    listed = json.loads(cli("checks", "list", "--format", "json", "--store", store_path).out)
    assert {(c["name"], c["checks"]) for c in listed} == {("feed", 2), ("single", 1)}
    checks = cli("checks", "list", "--collection", "feed", "--store", store_path)
    assert "Mostly true" in checks.out and "Feed Fact Check" in checks.out

    found = json.loads(cli("checks", "search", "tram passengers", "--format", "json", "--store", store_path).out)
    assert [r["review_url"] for r in found] == ["https://feed.example.org/tram-line"]

    removed = cli("checks", "remove-collection", "feed", "--store", store_path)
    assert removed.status == 0 and "2 checks removed" in removed.out
    assert cli("checks", "remove-collection", "feed", "--store", store_path).status == 2


def test_checks_import_refuses_unreadable_files_and_writes_nothing(cli, store_path):
    assert cli("checks", "import", DATA / "single.json", "--store", store_path).status == 0
    before = sha256(store_path)
    bad = cli("checks", "import", DATA / "list.json", DATA / "broken.json", "--store", store_path)
    assert bad.status == 2 and bad.err.startswith("factcheck: ") and "not valid JSON" in bad.err
    assert "Traceback" not in bad.err and sha256(store_path) == before
    nothing = cli("checks", "import", DATA / "not-claimreview.json", "--store", store_path)
    assert nothing.status == 2 and "no ClaimReview item" in nothing.err
    assert cli("checks", "import", DATA / "missing.json", "--store", store_path).status == 2


def test_match_a_claim_and_a_text(cli, populated):
    from factcheck_app.store import open_library
    from factcheck_app.store.claims import get_claim

    with open_library(populated.path) as lib:
        claim_text = get_claim(lib.db, populated.claim_ids[0])["text"]
    store = str(populated.path)
    review = {"@type": "ClaimReview", "url": "https://made.example.org/1", "claimReviewed": claim_text,
              "author": {"name": "Made Checks"}, "reviewRating": {"alternateName": "False"}, "datePublished": "2024-01-02"}
    path = Path(store).with_name("made.json")
    path.write_text(json.dumps([review]))
    assert cli("checks", "import", path, "--store", store).status == 0

    shown = cli("match", populated.claim_ids[0][:8], "--store", store)
    assert shown.status == 0 and "1. [strong 100%] False — Made Checks, 2024-01-02" in shown.out
    assert "why: shared words:" in shown.out
    data = json.loads(cli("match", "--text", claim_text, "--format", "json", "--store", store).out)
    assert data["matches"][0]["kind"] == "check" and data["matches"][0]["organisation"] == "Made Checks"
    none = cli("match", "--text", "entirely unrelated zebra xylophone", "--store", store)
    assert none.status == 0 and "No earlier check matches." in none.out


def test_match_refuses_bad_arguments(cli, populated):
    store = str(populated.path)
    assert cli("match", "--store", store).status == 2
    assert cli("match", populated.claim_ids[0], "--text", "x", "--store", store).status == 2
    assert cli("match", "--text", "  ", "--store", store).status == 2
    assert cli("match", "ffffffff", "--store", store).status == 2
    assert cli("match", "--text", "x", "--limit", "0", "--store", store).status == 2


def _batch(cli, monkeypatch, payload):
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload if isinstance(payload, str) else json.dumps(payload)))
    return cli("match", "--batch")


def test_match_batch_contract(cli, monkeypatch):
    payload = {
        "verified_claims": [
            {"id": "v1", "claim": "Ferry fares in Norvik have doubled since 2019.", "title": "Did ferry fares double?"},
            {"id": 2, "claim": "The Harbour Bridge repairs cost 40 million dollars.", "title": "Bridge repair costs"},
            {"id": "v3", "claim": "A tram line carried 3 million passengers.", "title": "Tram passengers"},
        ],
        "queries": [
            {"id": "q1", "text": "Wow, #NorvikFerry fares have DOUBLED since 2019! https://t.co/x — Sam (@sam) May 2, 2020"},
            {"id": 7, "text": "bridge repairs cost how much? 40 million"},
            {"id": "q3", "text": "nothing in common here"},
        ],
    }
    result = _batch(cli, monkeypatch, payload)
    assert result.status == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [line["query_id"] for line in lines] == ["q1", 7, "q3"]
    assert lines[0]["ranked"][0] == "v1" and lines[1]["ranked"][0] == "2" and lines[2]["ranked"] == []
    assert all(len(line["ranked"]) <= 20 for line in lines)


def test_match_batch_refuses_bad_input(cli, monkeypatch):
    for payload in ("not json", [], {"verified_claims": [], "queries": "x"}, {"queries": [{"text": "no id"}]},
                    {"verified_claims": [{"claim": "no id"}], "queries": []}):
        result = _batch(cli, monkeypatch, payload)
        assert result.status == 2 and result.out == "" and result.err.startswith("factcheck: "), payload


def test_match_attach_and_copy_rating(cli, populated):
    from factcheck_app.store import open_library
    from factcheck_app.store.claims import get_claim
    from factcheck_app.store.evidence import list_evidence

    store = str(populated.path)
    with open_library(populated.path) as lib:
        claim_text = get_claim(lib.db, populated.claim_ids[0])["text"]
    path = Path(store).with_name("made.json")
    path.write_text(json.dumps({"@type": "ClaimReview", "url": "https://made.example.org/2", "claimReviewed": claim_text,
                                "author": {"name": "Made Checks"}, "reviewRating": {"alternateName": "Half true"}}))
    assert cli("checks", "import", path, "--store", store).status == 0
    check_id = json.loads(cli("match", populated.claim_ids[0], "--format", "json", "--store", store).out)["matches"][0]["id"]
    assert cli("match", populated.claim_ids[0], "--attach", check_id[:8], "--store", store, "--by", "Ada").status == 2
    attached = cli("match", populated.claim_ids[0], "--attach", check_id[:8], "--stance", "refutes", "--by", "Ada",
                   "--store", store)
    assert attached.status == 0, attached.err
    with open_library(populated.path) as lib:
        assert [e["stance"] for e in list_evidence(lib.db, populated.claim_ids[0])] == ["refutes"]
    copied = cli("match", populated.claim_ids[0], "--copy-rating", check_id, "--by", "Ada", "--store", store)
    assert copied.status == 0 and copied.out.startswith("Half true (truth scale), draft, by Ada")
    nobody = cli("match", populated.claim_ids[1], "--copy-rating", check_id, "--store", store)
    assert nobody.status == 2 and "name" in nobody.err.lower()
    assert cli("match", "--text", "x", "--copy-rating", check_id, "--store", store).status == 2
