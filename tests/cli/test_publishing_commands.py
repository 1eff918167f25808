"""`factcheck publishing show|set|check`: details with where they came from, edits, refusals with nothing written."""
from __future__ import annotations

import json

import pytest

from cli_support import assert_refused


def _publishing_rows(path):
    from factcheck_app.store import open_library

    with open_library(path) as lib:
        return lib.db.execute("SELECT count(*) FROM claim_publishing").fetchone()[0]


def test_show_and_set(cli, populated):
    claim = populated.claim_ids[0][:8]
    shown = cli("publishing", "show", claim, "--store", populated.path)
    assert shown.status == 0 and "claimant" in shown.out and "claim as reviewed" in shown.out
    done = cli("publishing", "set", claim, "--claimant", "Jo Minister", "--claim-date", "2024-03-01",
               "--claim-reviewed", "Bridge will cost $1.2bn", "--by", "Ana", "--store", populated.path)
    assert done.status == 0, done.err
    data = json.loads(cli("publishing", "show", claim, "--store", populated.path, "--format", "json").out)
    assert (data["claimant"], data["claimant_type"], data["claimant_from"]) == ("Jo Minister", "Person",
                                                                                "set by a checker")
    assert data["claim_date"] == "2024-03-01" and data["claim_reviewed"] == "Bridge will cost $1.2bn"
    assert cli("publishing", "set", claim, "--reset", "claimant", "--store", populated.path).status == 0
    data = json.loads(cli("publishing", "show", claim, "--store", populated.path, "--format", "json").out)
    assert data["claimant_from"] != "set by a checker"


@pytest.mark.parametrize("args, words", [
    (["--review-url", "javascript:alert(1)"], ("not a web address",)),
    (["--claim-reviewed", "x" * 76], ("75",)),
    (["--claim-date", "2024-13-01"], ("not a real date",)),
    (["--appearance", "https://a.example", "--first-appearance", "https://b.example"], ("first appearance",)),
    ([], ("say what to change",)),
    (["--reset", "claimant", "--claimant", "X"], ("contradict",)),
])
def test_bad_input_is_refused_and_nothing_is_written(cli, populated, args, words):
    result = cli("publishing", "set", populated.claim_ids[0][:8], *args, "--store", populated.path)
    assert_refused(result, *words)
    assert _publishing_rows(populated.path) == 0


def test_an_unknown_claim_is_refused(cli, populated):
    assert_refused(cli("publishing", "set", "ffffffff", "--review-url", "https://a.example", "--store",
                       populated.path), "ffffffff")
