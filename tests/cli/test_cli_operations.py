"""The command line reaches every operation the app has, with the same sign-off rules."""
from __future__ import annotations

import json

from cli_support import assert_refused
from reliability_support import sha256


def _claims(cli, store):
    return json.loads(cli("claims", "--format", "json", "--store", store).out)


def test_the_sign_off_cannot_be_bypassed_from_the_command_line(cli, populated):
    store, claim = populated.path, populated.claim_ids[0]
    assert cli("verdict", "set", claim, "True", "--by", "A", "--store", store).status == 0
    assert cli("verdict", "review", claim, "--reviewer", "B", "--store", store).status == 0
    # The reviewer then re-rates it: back to draft, and nobody can publish an unreviewed verdict.
    changed = cli("verdict", "set", claim, "True", "--checker", "B", "--store", store)
    assert changed.status == 0 and "draft" in changed.out and "reviewed by" not in changed.out
    before = sha256(store)
    assert_refused(cli("verdict", "publish", claim, "--by", "B", "--store", store), "reviewed")
    assert_refused(cli("verdict", "review", claim, "--by", "B", "--store", store), "second checker")
    assert sha256(store) == before
    assert cli("verdict", "review", claim, "--by", "A", "--store", store).status == 0
    published = cli("verdict", "publish", claim, "--by", "Editor", "--store", store)
    assert published.status == 0 and "published" in published.out and "reviewed by A" in published.out
    cleared = cli("verdict", "clear", claim, "--by", "B", "--why", "wrong claim", "--store", store)
    assert cleared.status == 0 and "removed" in cleared.out
    history = json.loads(cli("verdict", "history", claim, "--format", "json", "--store", store).out)
    assert [h["action"] for h in history] == ["set", "review", "set", "review", "publish", "clear"]
    assert history[-1]["correction"] == 1


def test_claim_add_split_merge_dismiss_restore(cli, populated):
    store = populated.path
    first = _claims(cli, store)[0]
    words = first["text"].split()
    added = cli("claim", "add", populated.article_id[:8], "--text", " ".join(words[:3]), "--store", store)
    assert added.status == 0, added.err
    new_id = added.out.strip()
    split = cli("claim", "split", first["id"][:8], "--before", words[2], "--store", store)
    assert split.status == 0, split.err
    rows = {c["id"]: c for c in _claims(cli, store)}
    assert rows[first["id"]]["text"] == " ".join(words[:2])
    assert rows[split.out.strip()]["text"].startswith(words[2])
    merged = cli("claim", "merge", first["id"][:8], split.out.strip()[:8], "--store", store)
    assert merged.status == 0 and merged.out.strip() == first["id"]
    assert cli("claim", "dismiss", new_id[:8], "--reason", "duplicate", "--store", store).status == 0
    assert {c["id"]: c for c in _claims(cli, store)}[new_id]["status"] == "dismissed"
    assert cli("claim", "restore", new_id[:8], "--store", store).status == 0
    assert {c["id"]: c for c in _claims(cli, store)}[new_id]["status"] == "open"
    assert_refused(cli("claim", "add", populated.article_id, "--text", "words that are not there", "--store", store),
                   "not in the article")


def test_article_edit_and_delete(cli, populated):
    store, article = populated.path, populated.article_id
    edited = cli("article", "edit", article[:8], "--url", "https://news.example/a", "--author", "Jo Reporter",
                 "--store", store)
    assert edited.status == 0, edited.err
    row = next(a for a in json.loads(cli("articles", "--format", "json", "--store", store).out) if a["id"] == article)
    assert row["url"] == "https://news.example/a"
    assert_refused(cli("article", "edit", article, "--url", "javascript:alert(1)", "--store", store), "web address")
    assert_refused(cli("article", "delete", article, "--store", store), "--yes")
    assert cli("article", "delete", article, "--yes", "--store", store).status == 0
    assert json.loads(cli("articles", "--format", "json", "--store", store).out) == []


def test_evidence_and_source_edit_merge_remove(cli, populated):
    store, claim = populated.path, populated.claim_ids[0]
    keep = cli("source", "add", "--title", "Register", "--store", store).out.strip()
    dup = cli("source", "add", "--title", "Register (copy)", "--publisher", "Transport Office", "--store", store).out.strip()
    evidence = cli("evidence", "add", claim, dup, "--stance", "supports", "--by", "Ana", "--store", store).out.strip()
    assert cli("evidence", "edit", evidence, "--stance", "refutes", "--excerpt", "61 buses", "--store", store).status == 0
    shown = cli("show", claim, "--store", store).out
    assert "refutes" in shown and "61 buses" in shown
    assert_refused(cli("source", "remove", dup, "--store", store), "cited")
    assert cli("source", "edit", keep, "--url", "https://transport.example/register", "--store", store).status == 0
    merged = cli("source", "merge", keep, dup, "--store", store)
    assert merged.status == 0, merged.err
    sources = json.loads(cli("source", "list", "--format", "json", "--store", store).out)
    [kept] = [s for s in sources if s["id"] == keep]
    assert kept["publisher"] == "Transport Office" and kept["uses"] == 1 and dup not in {s["id"] for s in sources}
    assert cli("evidence", "remove", evidence, "--store", store).status == 0
    assert cli("source", "remove", keep, "--store", store).status == 0


def test_settings_and_scales(cli, populated, tmp_path):
    store = populated.path
    assert cli("settings", "set", "organisation", "Harbour Desk", "--store", store).status == 0
    assert cli("settings", "get", "organisation", "--store", store).out.strip() == "Harbour Desk"
    assert_refused(cli("settings", "set", "organisation-url", "not an address", "--store", store), "web address")
    assert cli("settings", "set", "user", "Ana Lima").status == 0
    listing = cli("settings", "get", "--store", store).out
    assert "Harbour Desk" in listing and "Ana Lima" in listing and "methodology" in listing
    scale = tmp_path / "desk.json"
    scale.write_text(json.dumps({"name": "desk", "title": "Desk scale", "steps": [
        {"label": "Right", "value": 1, "colour": "#1a7f37"}, {"label": "Wrong", "value": 0, "colour": "#cf222e"}]}))
    assert cli("scale", "add", scale, "--store", store).status == 0
    assert "Desk scale" in cli("scale", "list", "--store", store).out
    set_ = cli("verdict", "set", populated.claim_ids[0], "wrong", "--scale", "desk", "--store", store)
    assert set_.status == 0 and "Wrong (desk, draft) by Ana Lima" in set_.out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert_refused(cli("scale", "add", bad, "--store", store), "not a JSON")
