"""Bad input on the command line: one clear line on stderr, exit 2, and the library left byte-for-byte as it was."""
from __future__ import annotations

import sqlite3

import pytest

from cli_support import SAMPLES, assert_refused
from reliability_support import sha256

TXT = SAMPLES / "harbour-bridge.txt"


@pytest.fixture
def ambiguous(populated):
    """Add two sources whose ids share the prefix 'abc' (written directly, as another tool might)."""
    conn = sqlite3.connect(populated.path)
    conn.execute("INSERT INTO sources (id, title, created_at, updated_at) VALUES "
                 "('abc00000-0000-4000-8000-000000000001', 'One', 'n', 'n'), "
                 "('abc00000-0000-4000-8000-000000000002', 'Two', 'n', 'n')")
    conn.commit()
    conn.close()
    return populated


def _unchanged(cli, path, argv, *words):
    before = sha256(path)
    assert_refused(cli(*argv, "--store", path), *words)
    assert sha256(path) == before


BAD_CLAIM_COMMANDS = [
    ["show", "{claim}"],
    ["verdict", "set", "{claim}", "True"],
    ["verdict", "review", "{claim}", "--reviewer", "Ben"],
    ["verdict", "history", "{claim}"],
    ["evidence", "add", "{claim}", "{source}", "--stance", "supports"],
    ["claims", "--article", "{claim}"],
]


@pytest.mark.parametrize("argv", BAD_CLAIM_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("bad_id,words", [("not-an-id!", ("not a",)), ("ffffffff", ("no ",)), ("' OR 1=1 --", ("not a",))])
def test_bad_ids(cli, populated, argv, bad_id, words):
    filled = [a.format(claim=bad_id, source=populated.source_id) for a in argv]
    _unchanged(cli, populated.path, filled, *words)


def test_a_bad_source_id_for_evidence(cli, populated):
    _unchanged(cli, populated.path, ["evidence", "add", populated.claim_ids[0], "ffff", "--stance", "supports"],
               "no source")


def test_an_ambiguous_prefix(cli, ambiguous):
    _unchanged(cli, ambiguous.path, ["evidence", "add", ambiguous.claim_ids[0], "abc0", "--stance", "supports",
                                     "--by", "Ana"], "more than one", "type more", "abc00000-0000 One", "Two")


def test_a_prefix_shorter_than_four_characters_is_refused(cli, populated):
    # `evidence add 9 …` once took "9" as a prefix and attached evidence to the wrong claim.
    claim = populated.claim_ids[0]
    _unchanged(cli, populated.path, ["evidence", "add", claim[:3], "abcd", "--stance", "supports", "--by", "Ana"],
               "too short", "at least its first 4")


def test_an_unknown_rating_and_scale(cli, populated):
    claim = populated.claim_ids[0][:8]
    _unchanged(cli, populated.path, ["verdict", "set", claim, "Sort of", "--by", "Ana"], "sort of", "choose one of")
    _unchanged(cli, populated.path, ["verdict", "set", claim, "True", "--scale", "stars", "--by", "Ana"], "stars")


def test_a_write_that_records_a_person_needs_a_name(cli, populated, monkeypatch):
    claim = populated.claim_ids[0]
    _unchanged(cli, populated.path, ["verdict", "set", claim, "True"], "no checker named", "--by NAME",
               "FACTCHECK_USER", "settings set user")
    monkeypatch.setenv("FACTCHECK_USER", "Env Checker")
    assert "by Env Checker" in cli("verdict", "set", claim, "True", "--store", populated.path).out
    monkeypatch.delenv("FACTCHECK_USER")
    assert cli("settings", "set", "user", "Profile Checker").status == 0
    assert "by Profile Checker" in cli("verdict", "set", claim, "False", "--store", populated.path).out


def test_review_refusals(cli, populated):
    claim = populated.claim_ids[0]
    _unchanged(cli, populated.path, ["verdict", "review", claim, "--reviewer", "Ben"], "no verdict")
    cli("verdict", "set", claim, "True", "--checker", "Ana", "--store", populated.path)
    _unchanged(cli, populated.path, ["verdict", "review", claim, "--reviewer", "ana"], "second checker")


@pytest.mark.parametrize("field,value", [("--published", "yesterday"), ("--url", "javascript:alert(1)"),
                                         ("--title", "   ")])
def test_bad_source_fields(cli, populated, field, value):
    argv = ["source", "add", "--title", "T", field, value]
    _unchanged(cli, populated.path, argv)


def test_missing_files(cli, populated, tmp_path):
    _unchanged(cli, populated.path, ["import", tmp_path / "missing.txt"], "no such file")
    _unchanged(cli, populated.path, ["import", TXT, tmp_path / "missing.txt"], "no such file")
    assert_refused(cli("store", "restore", tmp_path / "missing.sqlite", "--store", populated.path), "no backup")


def test_a_bad_published_date_on_import(cli, populated):
    _unchanged(cli, populated.path, ["import", TXT, "--published", "2024-02-30"], "date")


@pytest.mark.parametrize("content", [b"plain notes, not a library\n" * 20, b"SQLite format 3\x00" + b"\x07" * 2000],
                         ids=["text", "fake-header"])
@pytest.mark.parametrize("argv", [["articles"], ["claims"], ["show", "abcd"], ["source", "add", "--title", "T"],
                                  ["source", "list"], ["search", "x"], ["evidence", "add", "abcd", "bcde", "--stance",
                                  "supports"], ["verdict", "set", "abcd", "True"], ["verdict", "history", "abcd"],
                                  ["verdict", "scales"], ["store", "info"], ["store", "check"],
                                  ["store", "backup", "{tmp}/copy.sqlite"], ["import", str(TXT)],
                                  ["export", "--format", "md", "--all", "-o", "{tmp}/r.md"]],
                         ids=lambda a: " ".join(a[:2]))
def test_a_path_that_is_not_a_store(cli, tmp_path, content, argv):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    filled = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    _unchanged(cli, path, filled)
    assert not (tmp_path / "copy.sqlite").exists() and not (tmp_path / "r.md").exists()


def test_a_folder_given_as_the_store(cli, tmp_path):
    assert_refused(cli("articles", "--store", tmp_path), "folder")


@pytest.mark.parametrize("argv", [["source", "add", "--title", "bad \udcff byte"], ["articles", "--search", "\udcff"],
                                  ["search", "x\udcff"], ["verdict", "set", "{claim}", "True", "--why", "\udcfe"]],
                         ids=["source-add", "articles-search", "search", "verdict-why"])
def test_arguments_with_bytes_that_are_not_utf8(cli, populated, argv):
    # A shell passes undecodable bytes through; Python turns them into lone surrogates.
    filled = [a.format(claim=populated.claim_ids[0]) for a in argv]
    before = sha256(populated.path)
    result = cli(*filled, "--store", populated.path)
    assert result.status in (0, 2)
    if result.status == 2:
        assert_refused(result)
    assert sha256(populated.path) == before


def test_undecodable_bytes_in_a_real_command_line(tmp_path):
    import os
    import subprocess

    from cli_support import FACTCHECK

    store = tmp_path / "bytes.sqlite"
    done = subprocess.run([os.fsencode(FACTCHECK), b"source", b"add", b"--title", b"caf\xe9 au lait", b"--store",
                           os.fsencode(store)], capture_output=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr
