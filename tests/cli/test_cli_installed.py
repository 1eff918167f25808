"""The installed `factcheck` command as a user runs it: help, version, errors, a real round trip, batch mode."""
from __future__ import annotations

import json

from cli_support import SAMPLES, assert_refused
from reliability_support import sha256


def test_help_and_version(run_installed):
    help_ = run_installed("--help")
    assert help_.status == 0 and "commands:" in help_.out
    version = run_installed("--version")
    assert version.status == 0 and version.out.startswith("factcheck ")


def test_a_round_trip_in_real_processes(run_installed, tmp_path):
    store = tmp_path / "real.sqlite"
    imported = run_installed("import", SAMPLES / "harbour-bridge.txt", "--store", store)
    assert imported.status == 0, imported.err
    source_id = run_installed("source", "add", "--title", "Council minutes", "--store", store).out.strip()
    claims = json.loads(run_installed("claims", "--format", "json", "--store", store).out)
    claim = claims[0]["id"][:8]
    assert run_installed("evidence", "add", claim, source_id[:8], "--stance", "supports", "--by", "Ana",
                         "--store", store).status == 0
    set_ = run_installed("verdict", "set", claim, "False", "--by", "Ana", "--store", store)
    assert set_.status == 0 and "False" in set_.out
    assert run_installed("store", "check", "--store", store).out.strip() == "ok"


def test_errors_in_a_real_process_are_one_line_with_exit_2(run_installed, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a library", encoding="utf-8")
    before = sha256(bad)
    assert_refused(run_installed("articles", "--store", bad), "not")
    assert_refused(run_installed("verdict", "set", "abcd", "True", "--store", bad))
    assert sha256(bad) == before
    assert_refused(run_installed("import", tmp_path / "missing.txt", "--store", tmp_path / "new.sqlite"), "no such file")
    assert not (tmp_path / "new.sqlite").exists()


def test_batch_extraction_through_stdin(run_installed):
    lines = "\n".join(json.dumps({"id": str(i), "text": text, "published": "2021-06-01"}) for i, text in enumerate(
        ["The mayor said 40 schools closed last week.", "Nothing to check here."])) + "\n"
    result = run_installed("extract", "--batch", input=lines)
    assert result.status == 0, result.err
    out = [json.loads(line) for line in result.out.splitlines()]
    assert [o["id"] for o in out] == ["0", "1"]
    for doc in out:
        for claim in doc["claims"]:
            assert doc["body"][claim["start"]:claim["end"]] == claim["text"]


def test_the_gui_command_renders_offscreen(run_installed, tmp_path):
    shot = tmp_path / "window.png"
    result = run_installed("gui", "--sample", "--screenshot", shot)
    assert result.status == 0, result.err
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
