"""ingest.bibliography: CSL-JSON, RIS and BibTeX read from hand-written files, broken entries reported by position."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_app.ingest.bibliography import detect_format, read_bibliography
from factcheck_app.ingest.errors import IngestError

HERE = Path(__file__).parent / "bibliographies"


def _read(name: str):
    return read_bibliography((HERE / name).read_bytes())


def test_csl_json_items_keep_their_fields():
    bib = _read("zotero.json")
    assert bib.format == "csl-json"
    first, report, dataset, release = (e.fields for e in bib.entries)
    assert first == {
        "title": "Navy fires 59 cruise missiles at Shayrat airfield", "author": "Okafor, Amaka; Gazette staff",
        "published": "2017-04-07", "accessed": "2024-01-15", "url": "https://gazette.example/2017/04/07/shayrat",
        "publisher": "The Harbour Gazette", "archive_url": "https://archive.example/web/2017/shayrat",
        "notes": "Front-page report.", "tags": ["strikes", "airbases"], "kind": "news report",
    }
    assert (report["kind"], report["published"], report["doi"]) == ("official record", "2017-12", "https://doi.org/10.5555/MOD.2017.1")
    assert dataset["kind"] == "dataset" and release["kind"] == "press release"
    assert [str(p) for p in bib.problems] == ["item 3: it is not an object", "item 4 (id K4): it has no title"]


def test_ris_entries_and_an_entry_without_its_end():
    bib = _read("endnote.ris")
    assert bib.format == "ris"
    assert [e.fields["title"] for e in bib.entries] == [
        "Navy fires 59 cruise missiles at Shayrat airfield", "Rainfall in the drought year"]
    news = bib.entries[0].fields
    assert (news["kind"], news["published"], news["publisher"], news["tags"]) == (
        "news report", "2017-04-07", "The Harbour Gazette", ["strikes"])
    assert bib.entries[1].fields["kind"] == "dataset"
    assert [str(p) for p in bib.problems] == [
        "entry 2 (line 11): it has no title",
        "entry 3 (line 16): it has no end line (ER  -) before the next entry or the end",
    ]


def test_bibtex_entries_latex_decoded_and_broken_ones_reported_by_line():
    bib = _read("refs.bib")
    assert bib.format == "bibtex"
    article, report = (e.fields for e in bib.entries)
    assert article["title"] == "Wheat yields in a dry decade: Mölnlycke and beyond"
    assert article["author"] == "Lindqvist, Maja; Holm, Per"
    assert (article["published"], article["doi"], article["publisher"], article["kind"]) == (
        "2015-03", "10.5555/jfs.2015.7", "Journal of Field Studies", "academic paper")
    assert report["author"] == "Ministry of Defence" and report["kind"] == "official record"
    assert report["notes"].endswith("50% rounding.") and report["url"] == "https://mod.example/report-2017.pdf"
    assert [p.position for p in bib.problems] == ["entry at line 12", "entry notitle (line 25)"]


def test_the_format_comes_from_the_content():
    assert detect_format('  [{"title": "x"}]') == "csl-json"
    assert detect_format("TY  - GEN\nTI  - x\nER  - \n") == "ris"
    assert detect_format("% comment\n@book{k, title={x}}") == "bibtex"
    assert detect_format("Just an article.") is None


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"An ordinary paragraph of text.", "not a bibliography"),
    (b'[{"title": "unclosed"', "line 1"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
])
def test_files_that_are_no_bibliography_are_refused(data, words):
    with pytest.raises(IngestError) as caught:
        read_bibliography(data)
    assert words in str(caught.value).lower()
