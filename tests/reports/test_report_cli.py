"""`factcheck export` end to end: every format, id prefixes, refusals with exit 2 and nothing written."""
from __future__ import annotations

import json

import pytest

from factcheck_app.cli import main
from factcheck_app.store import open_library, settings


def export(store, *args):
    return main(["export", "--store", str(store), *args])


@pytest.mark.parametrize("fmt, name", [("html", "r.html"), ("md", "r.md"), ("json", "r.json"), ("csv", "r.csv")])
def test_export_formats_from_the_cli(report_lib, tmp_path, capsys, fmt, name):
    out = tmp_path / name
    assert export(report_lib.path, "--format", fmt, "--all", "-o", str(out)) == 0
    printed = capsys.readouterr().out.split()
    assert str(out) in printed
    text = out.read_text(encoding="utf-8-sig")
    assert "Ferry statistics 2023" in text and "Mostly true" in text
    if fmt == "csv":
        assert (tmp_path / "r.columns.md").exists() and str(tmp_path / "r.columns.md") in printed


def test_export_pdf_from_the_cli(qapp, report_lib, tmp_path, capsys):
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    assert export(report_lib.path, "--format", "pdf", "--article", report_lib.article_b[:6], "--paper", "letter",
                  "-o", str(out)) == 0
    reader = PdfReader(str(out))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Wheat harvest down by a third" in " ".join(reader.pages[0].extract_text().split())


def test_selection_options(report_lib, tmp_path):
    out = tmp_path / "r.json"
    assert export(report_lib.path, "--format", "json", "--all", "--verdict", "false", "unverifiable",
                  "-o", str(out)) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    ids = [c["id"] for a in data["articles"] for c in a["claims"]]
    assert ids == [report_lib.cost, report_lib.leaflet]
    assert export(report_lib.path, "--format", "json", "--all", "--status", "published", "-o", str(out),
                  "--force") == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["id"] for a in data["articles"] for c in a["claims"]] == [report_lib.crossings]


@pytest.mark.parametrize("args, message", [
    (["--format", "html", "-o", "{out}"], "--article ID ... or --all"),
    (["--format", "html", "--article", "ffffffff", "-o", "{out}"], "No article has an id starting with"),
    (["--format", "html", "--all", "--verdict", "Brilliant", "-o", "{out}"], "'Brilliant' is not a rating"),
    (["--format", "html", "--all", "--status", "published", "--verdict", "False", "-o", "{out}"], "Nothing to export"),
    (["--format", "html", "--all", "-o", "{tmp}/missing/r.html"], "does not exist"),
    (["--format", "claimreview", "--all", "--review-url", "nourl", "-o", "{out}"], "CLAIM=URL"),
    (["--format", "html", "--all", "--review-url", "a=https://x.example", "-o", "{out}"], "--review-url is for"),
])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(report_lib, tmp_path, capsys, args, message):
    out = tmp_path / "out" / "r.html"
    out.parent.mkdir()
    args = [a.format(out=out, tmp=tmp_path) for a in args]
    assert export(report_lib.path, *args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factcheck: ") and message in err, err
    assert list(out.parent.iterdir()) == []


def test_output_folder_names_the_file_after_the_title(report_lib, tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    assert export(report_lib.path, "--format", "html", "--article", report_lib.article_b, "-o", str(folder)) == 0
    assert [p.name for p in folder.iterdir()] == ["fact-check-wheat-harvest-down-by-a-third.html"]
    assert export(report_lib.path, "--format", "md", "--article", report_lib.article_a, "-o", str(folder)) == 0
    # The title holds "<script>": the name keeps letters and digits only.
    assert (folder / "fact-check-ferry-numbers-fall-script-alert-x-script.md").exists()
    assert export(report_lib.path, "--format", "md", "--article", report_lib.article_a, "-o", str(folder)) == 2
    assert "already exists" in capsys.readouterr().err


def test_never_overwrites_without_force(report_lib, tmp_path, capsys):
    out = tmp_path / "r.md"
    out.write_text("keep")
    assert export(report_lib.path, "--format", "md", "--all", "-o", str(out)) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text() == "keep"
    assert export(report_lib.path, "--format", "md", "--all", "-o", str(out), "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("# Fact-check report")


def test_claimreview_with_review_urls(report_lib, tmp_path, capsys):
    out = tmp_path / "cr.jsonld"
    args = ["--format", "claimreview", "--all", "-o", str(out), "--include-drafts"]
    for n, cid in enumerate([report_lib.crossings, report_lib.cost, report_lib.leaflet, report_lib.harvest]):
        args += ["--review-url", f"{cid[:8]}=https://checkers.example.org/c/{n}"]
    # The harvest article has no date and no address: listed per claim with the command that fills it.
    assert export(report_lib.path, *args) == 2
    err = capsys.readouterr().err
    assert not out.exists() and "Nothing was written" in err
    assert f"factcheck publishing set {report_lib.harvest[:8]} --claim-date YYYY-MM-DD" in err
    assert f"factcheck publishing set {report_lib.harvest[:8]} --appearance https://" in err
    assert main(["publishing", "set", report_lib.harvest[:8], "--store", str(report_lib.path),
                 "--claim-date", "2024-02-01", "--appearance", "https://agri.example.org/news"]) == 0
    assert export(report_lib.path, *args) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["url"] for r in reviews] == [f"https://checkers.example.org/c/{n}" for n in range(4)]
    with open_library(report_lib.path) as lib:
        from factcheck_app.ops.publishing import claim_publishing

        assert claim_publishing(lib, report_lib.cost).review_url == "https://checkers.example.org/c/1"


def test_claimreview_drafts_are_left_out_by_default(report_lib, tmp_path, capsys):
    out = tmp_path / "cr.html"
    assert export(report_lib.path, "--format", "claimreview-html", "--all", "--allow-incomplete",
                  "-o", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<script type="application/ld+json"') == 2  # the published and the reviewed check
    err = capsys.readouterr().err
    assert "warning: missing" in err and "review's address" in err


def test_corrections_log_and_statistics_from_the_cli(report_lib, tmp_path):
    for fmt, name in (("corrections-html", "c.html"), ("corrections-md", "c.md"), ("corrections-csv", "c.csv"),
                      ("statistics-csv", "s.csv"), ("statistics-html", "s.html")):
        assert export(report_lib.path, "--format", fmt, "--all", "-o", str(tmp_path / name)) == 0
    assert "True → Mostly true" in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "The authority revised its figure." in (tmp_path / "c.md").read_text(encoding="utf-8")
    assert (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("date,claim_id")
    assert "rating,Mostly true,1,1" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert "<svg" in (tmp_path / "s.html").read_text(encoding="utf-8")


def test_export_help_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for option in ("--format", "--article", "--all", "--status", "--verdict", "--force", "--paper",
                   "--review-url", "--allow-incomplete", "--include-drafts", "--store", "-o"):
        assert option in out
