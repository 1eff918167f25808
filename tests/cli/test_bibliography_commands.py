"""`factcheck source import|export`: bibliography files in and out, from the shell."""
from __future__ import annotations

import json
from pathlib import Path

from cli_support import assert_refused

HERE = Path(__file__).parents[1] / "ingest" / "bibliographies"


def test_import_reports_created_updated_skipped_and_broken_entries(cli, store_path):
    first = cli("source", "import", HERE / "zotero.json", HERE / "refs.bib", "--store", store_path)
    assert first.status == 0, first.err
    assert "zotero.json: csl-json" in first.out and "refs.bib: bibtex" in first.out
    assert first.out.strip().endswith("4 created, 0 updated, 0 skipped, 5 not imported")  # the report matched in-run
    assert "not imported: refs.bib, entry at line 12: it cannot be parsed as BibTeX" in first.err
    again = cli("source", "import", HERE / "zotero.json", "--store", store_path)
    assert again.out.strip().endswith("0 created, 0 updated, 3 skipped, 3 not imported")
    assert sum(line.startswith("skipped") for line in again.out.splitlines()) == 3


def test_export_all_an_article_or_a_claim(cli, store_path, tmp_path):
    cli("source", "import", HERE / "zotero.json", "--store", store_path)
    out = tmp_path / "all.json"
    done = cli("source", "export", "--format", "csl-json", "--all", "-o", out, "--store", store_path)
    assert done.status == 0, done.err and "3 source(s)" in done.out
    assert {i["type"] for i in json.loads(out.read_text())} == {"article-newspaper", "report"}
    assert_refused(cli("source", "export", "--format", "ris", "--all", "-o", out, "--store", store_path), "exists")
    assert cli("source", "export", "--format", "ris", "--all", "-o", out, "--force", "--store", store_path).status == 0
    assert out.read_text().startswith("TY  - ")

    article = cli("import", Path(__file__).parents[2] / "resources" / "samples" / "harbour-bridge.txt",
                  "--store", store_path).out.split()[0]
    claim = json.loads(cli("claims", "--article", article, "--format", "json", "--store", store_path).out)[0]["id"]
    source = json.loads(cli("source", "list", "--format", "json", "--store", store_path).out)[0]["id"]
    assert cli("evidence", "add", claim, source, "--stance", "supports", "--by", "Ana",
               "--store", store_path).status == 0
    bib = tmp_path / "claim.bib"
    assert cli("source", "export", "--format", "bibtex", "--claim", claim[:8], "-o", bib, "--store", store_path).status == 0
    assert bib.read_text().count("@") == 1
    assert cli("source", "export", "--format", "bibtex", "--article", article, "-o", tmp_path / "a.bib",
               "--store", store_path).status == 0


def test_bad_import_and_export_requests(cli, store_path, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("Nothing bibliographic here.")
    assert_refused(cli("source", "import", junk, "--store", store_path), "notes.txt", "not a bibliography")
    cli("source", "add", "--title", "Kept", "--store", store_path)
    assert_refused(cli("source", "import", HERE / "refs.bib", tmp_path / "absent.ris", "--store", store_path),
                   "no such file")
    assert [s["title"] for s in json.loads(cli("source", "list", "--format", "json", "--store", store_path).out)] == ["Kept"]
    assert_refused(cli("source", "export", "--format", "ris", "--claim", "ffffffff", "-o", tmp_path / "x.ris",
                       "--store", store_path), "claim")
    article = cli("import", Path(__file__).parents[2] / "resources" / "samples" / "harbour-bridge.txt",
                  "--store", store_path).out.split()[0]
    assert_refused(cli("source", "export", "--format", "ris", "--article", article, "-o", tmp_path / "x.ris",
                       "--store", store_path), "no sources")
    assert not (tmp_path / "x.ris").exists()
