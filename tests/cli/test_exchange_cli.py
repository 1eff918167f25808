"""`factcheck library export-changes|merge|conflicts`: two checkers exchange by hand and end with one library."""
from __future__ import annotations

import json
import shutil

import pytest
from cli_support import assert_refused


@pytest.fixture
def two(populated, tmp_path):
    """Return (ann's library, bob's library, claim ids): two copies of one library."""
    ann, bob = tmp_path / "ann.sqlite", tmp_path / "bob.sqlite"
    shutil.copy(populated.path, ann)
    shutil.copy(populated.path, bob)
    return ann, bob, populated.claim_ids


def _dump(cli, store):
    return json.loads(cli("claims", "--store", store, "--format", "json").out)


def test_two_checkers_exchange_by_hand_and_end_with_one_library(cli, two, tmp_path):
    ann, bob, claims = two
    assert cli("verdict", "set", claims[0], "True", "--checker", "Ann", "--store", ann).status == 0
    assert cli("verdict", "set", claims[1], "False", "--checker", "Bob", "--store", bob).status == 0
    assert cli("verdict", "set", claims[2], "True", "--checker", "Ann", "--store", ann).status == 0
    assert cli("verdict", "set", claims[2], "False", "--checker", "Bob", "--store", bob).status == 0

    sent = cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a.fcchanges", "--store", ann, "--by", "Ann")
    assert sent.status == 0 and "everything in the library for Bob" in sent.out
    merged = cli("library", "merge", tmp_path / "a.fcchanges", "--store", bob, "--by", "Bob")
    assert merged.status == 0 and "1 conflicting verdict(s) to decide" in merged.out
    back = cli("library", "export-changes", "--for", "Ann", "-o", tmp_path / "b.fcchanges", "--store", bob, "--by", "Bob")
    assert back.status == 0
    assert cli("library", "merge", tmp_path / "b.fcchanges", "--store", ann, "--by", "Ann").status == 0
    assert _dump(cli, ann) == _dump(cli, bob)

    listed = cli("library", "conflicts", "--store", ann, "--format", "json")
    (conflict,) = json.loads(listed.out)
    assert conflict["claim_id"] == claims[2]
    assert {(v["to_rating"], v["checker"]) for v in conflict["versions"]} == {("True", "Ann"), ("False", "Bob")}

    # Ann decides; the next exchange carries the decision and Bob's conflict goes too.
    bobs = next(v["id"] for v in conflict["versions"] if v["checker"] == "Bob")
    decided = cli("library", "decide", claims[2], bobs[:8], "--by", "Ann", "--store", ann)
    assert decided.status == 0 and "decided: False by Bob" in decided.out
    again = cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a2.fcchanges", "--store", ann, "--by", "Ann")
    assert "the changes since the last exchange" in again.out
    assert cli("library", "merge", tmp_path / "a2.fcchanges", "--store", bob, "--by", "Bob").status == 0
    assert "No verdict waits" in cli("library", "conflicts", "--store", bob).out
    assert _dump(cli, ann) == _dump(cli, bob)


def test_dry_run_writes_nothing(cli, two, tmp_path):
    ann, bob, claims = two
    cli("verdict", "set", claims[0], "True", "--checker", "Ann", "--store", ann)
    cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a.fcchanges", "--store", ann, "--by", "Ann")
    before = _dump(cli, bob)
    result = cli("library", "merge", tmp_path / "a.fcchanges", "--store", bob, "--by", "Bob", "--dry-run",
                 "--format", "json")
    assert json.loads(result.out)["verdict_changes"] == 1
    assert _dump(cli, bob) == before


def test_a_whole_library_merges(cli, two):
    ann, bob, claims = two
    cli("verdict", "set", claims[3], "Half true", "--checker", "Ann", "--store", ann)
    assert "1 verdict change(s)" in cli("library", "merge", ann, "--store", bob, "--by", "Bob").out


def test_a_truncated_change_file_is_refused_and_changes_nothing(cli, two, tmp_path):
    ann, bob, claims = two
    cli("verdict", "set", claims[0], "True", "--checker", "Ann", "--store", ann)
    path = tmp_path / "a.fcchanges"
    cli("library", "export-changes", "--for", "Bob", "-o", path, "--store", ann, "--by", "Ann")
    path.write_bytes(path.read_bytes()[:-20])
    before = _dump(cli, bob)
    assert_refused(cli("library", "merge", path, "--store", bob, "--by", "Bob"), "damaged or incomplete")
    assert _dump(cli, bob) == before


def test_merging_needs_a_name(cli, two, tmp_path):
    ann, bob, _ = two
    cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a.fcchanges", "--store", ann)
    assert_refused(cli("library", "merge", tmp_path / "a.fcchanges", "--store", bob), "no checker named")


def test_an_existing_output_needs_force(cli, two, tmp_path):
    ann, _, _ = two
    (tmp_path / "a.fcchanges").write_text("keep")
    assert_refused(cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a.fcchanges", "--store", ann),
                   "--force")
    assert (tmp_path / "a.fcchanges").read_text() == "keep"


def test_a_change_file_in_a_missing_folder_is_refused_and_nothing_is_recorded(cli, two, tmp_path):
    ann, _, _ = two
    refused = cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "nope" / "a.fcchanges", "--store", ann)
    assert_refused(refused, "does not exist")
    sent = cli("library", "export-changes", "--for", "Bob", "-o", tmp_path / "a.fcchanges", "--store", ann)
    assert "everything in the library" in sent.out  # the failed attempt did not count as sent


def test_a_missing_file_is_refused(cli, two, tmp_path):
    _, bob, _ = two
    assert_refused(cli("library", "merge", tmp_path / "nope.fcchanges", "--store", bob, "--by", "Bob"), "no such file")


STORY = """Harbour works finished early

The port authority said the new quay cost 41 million euros and opened on 3 March 2024.
Officials said 12 cranes now work the terminal, twice as many as in 2019.
"""


def test_two_checkers_from_the_sample_library_import_check_review_and_converge(cli, tmp_path):
    sample = tmp_path / "sample.sqlite"
    assert cli("store", "sample", sample).status == 0
    ann, bob = tmp_path / "ann.sqlite", tmp_path / "bob.sqlite"
    shutil.copy(sample, ann)
    shutil.copy(sample, bob)
    story = tmp_path / "harbour.txt"
    story.write_text(STORY, encoding="utf-8")
    # Both import the same article: it becomes one article in both libraries.
    for store in (ann, bob):
        assert cli("import", story, "--store", store).status == 0
    claims = {store: _dump(cli, store) for store in (ann, bob)}
    shared = claims[ann][0]["id"]
    ann_new = next(c["id"] for c in claims[ann] if "quay" in c["text"])
    bob_new = next(c["id"] for c in claims[bob] if "cranes" in c["text"])
    assert cli("verdict", "set", ann_new, "True", "--by", "Ann", "--rationale", "Port accounts.", "--store", ann).status == 0
    assert cli("verdict", "review", ann_new, "--by", "Bob", "--store", ann).status == 0
    assert cli("verdict", "set", bob_new, "Half true", "--by", "Bob", "--store", bob).status == 0
    assert cli("verdict", "set", shared, "False", "--by", "Ann", "--store", ann).status == 0
    assert cli("verdict", "set", shared, "True", "--by", "Bob", "--store", bob).status == 0

    for sender, receiver, name in ((ann, bob, "Bob"), (bob, ann, "Ann"), (ann, bob, "Bob")):
        out = tmp_path / f"{sender.stem}-for-{name}.fcchanges"
        assert cli("library", "export-changes", "--for", name, "-o", out, "--force", "--store", sender,
                   "--by", sender.stem).status == 0
        assert cli("library", "merge", out, "--store", receiver, "--by", receiver.stem).status == 0

    assert _dump(cli, ann) == _dump(cli, bob)
    for store in (ann, bob):
        (conflict,) = json.loads(cli("library", "conflicts", "--store", store, "--format", "json").out)
        assert conflict["claim_id"] == shared
        quay = next(c for c in _dump(cli, store) if "quay" in c["text"])  # the claim joined from both imports
        assert (quay["verdict"], quay["verdict_status"]) == ("True", "reviewed")
    articles = json.loads(cli("articles", "--store", bob, "--format", "json").out)
    assert [a["title"] for a in articles].count("Harbour works finished early") == 1


def test_a_document_travels_with_its_file_and_the_receiving_library_checks_sound(cli, two, tmp_path):
    ann, bob, _ = two
    source = cli("source", "add", "--title", "Harbour accounts", "--store", ann).out.strip()
    accounts = tmp_path / "accounts.txt"
    accounts.write_text("Harbour accounts.\n\nThe quay cost 41 million euros.", encoding="utf-8")
    assert cli("source", "attach", source, accounts, "--store", ann).status == 0
    out = tmp_path / "docs.fcchanges"
    assert cli("library", "export-changes", "--for", "Bob", "-o", out, "--store", ann, "--by", "Ann").status == 0
    merged = cli("library", "merge", out, "--store", bob, "--by", "Bob")
    assert merged.status == 0, merged.err
    checked = cli("store", "check", "--store", bob)
    assert checked.status == 0, checked.out + checked.err
    assert "accounts.txt" in cli("source", "files", source, "--store", bob).out

    (stored,) = [p for p in (tmp_path / "ann.sqlite.files").rglob("*") if p.is_file()]
    stored.chmod(0o644)
    stored.write_bytes(b"changed on disk")
    again = cli("library", "export-changes", "--for", "Cat", "-o", tmp_path / "cat.fcchanges", "--store", ann)
    assert again.status == 0 and "accounts.txt: its file is missing or changed" in again.err
