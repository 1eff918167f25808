"""ops.bibliography: importing sources with matching by DOI, address, then title and date; round trips
through CSL-JSON, RIS and BibTeX; broken entries reported, the rest imported; undo."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_app.ingest.bibliography import read_bibliography
from factcheck_app.ops.bibliography import import_sources
from factcheck_app.reports.bibliography_export import SOURCE_FORMATS, export_sources
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.info import counts
from factcheck_app.store.sources import add_source, get_source, list_sources

HERE = Path(__file__).parents[1] / "ingest" / "bibliographies"
ROUND_TRIP_FIELDS = ("title", "author", "published", "accessed", "url", "doi", "publisher", "archive_url", "notes",
                     "tags", "kind")


def test_import_creates_sources_and_reports_broken_entries_by_position(library):
    result = import_sources(library, [HERE / "zotero.json"])
    report = result.value
    assert len(report.created) == 3 and report.updated == [] and report.skipped == []
    assert report.problems == [
        "zotero.json, item 3: it is not an object",
        "zotero.json, item 4 (id K4): it has no title",
        "zotero.json, item 5 (id K5): The url 'javascript:alert(1)' is not a web address (http:// or https://).",
    ]
    news = next(s for s in list_sources(library.db) if s["kind"] == "news report")
    assert (news["author"], news["publisher"], news["tags"], news["archive_url"]) == (
        "Okafor, Amaka; Gazette staff", "The Harbour Gazette", "strikes, airbases", "https://archive.example/web/2017/shayrat")
    report_row = next(s for s in list_sources(library.db) if s["kind"] == "official record")
    assert report_row["doi"] == "10.5555/MOD.2017.1"
    assert report.summary() == "3 created, 0 updated, 0 skipped, 3 not imported"


def test_a_reimport_updates_rather_than_duplicates(library):
    import_sources(library, [HERE / "zotero.json"])
    again = import_sources(library, [HERE / "zotero.json"]).value
    assert again.created == [] and again.updated == [] and len(again.skipped) == 3
    # RIS: the same article by address, with a new note and tag; the BibTeX report by title and date.
    ris = import_sources(library, [HERE / "endnote.ris"]).value
    assert len(ris.updated) == 1 and len(ris.created) == 1  # the rainfall dataset is new
    news = get_source(library.db, ris.updated[0])
    assert news["notes"] == "Seen in print too." and news["tags"] == "strikes, airbases"
    bib = import_sources(library, [HERE / "refs.bib"]).value
    assert len(bib.created) == 1 and len(bib.updated) == 1
    mod = get_source(library.db, bib.updated[0])
    assert mod["title"] == "Annual defence report 2017" and mod["url"] == "https://mod.example/report-2017.pdf"
    assert counts(library.db)["sources"] == 5


def test_matching_by_doi_comes_first(library):
    doi_source = add_source(library.db, "A different title", doi="10.5555/jfs.2015.7")
    report = import_sources(library, [HERE / "refs.bib"]).value
    assert doi_source in report.updated
    assert get_source(library.db, doi_source)["title"].startswith("Wheat yields")


def test_undo_removes_created_and_restores_updated(library):
    kept = add_source(library.db, "Annual defence report 2017", published="2017-12", notes="Our own note")
    result = import_sources(library, [HERE / "refs.bib"])
    assert kept in result.value.updated and get_source(library.db, kept)["notes"] != "Our own note"
    result.undo(library)
    assert [s["id"] for s in list_sources(library.db)] == [kept]
    assert get_source(library.db, kept)["notes"] == "Our own note"


def test_a_file_that_is_no_bibliography_stops_the_import_before_anything_is_written(library, tmp_path):
    add_source(library.db, "Existing")
    junk = tmp_path / "notes.txt"
    junk.write_text("Just words.")
    with pytest.raises(ValidationError, match="notes.txt"):
        import_sources(library, [HERE / "zotero.json", junk])
    with pytest.raises(ValidationError, match="no such file"):
        import_sources(library, [tmp_path / "absent.ris"])
    assert [s["title"] for s in list_sources(library.db)] == ["Existing"]


@pytest.mark.parametrize("fmt", list(SOURCE_FORMATS))
def test_sources_round_trip_with_their_fields(library, tmp_path, fmt):
    made = [
        add_source(library.db, "Café prices & a 50% rise {braced}", kind="news report", author="Smith, John; Reuters",
                   published="2017-04-11", accessed="2020-01-02", url="https://x.example/a_b%20c?q=1&r=2",
                   doi="10.1234/abc", publisher="The Paper", archive_url="https://archive.example/x",
                   notes="Line one.\n\nLine two.", tags=["economy", "prices"]),
        add_source(library.db, "Statement on the bridge", kind="press release", publisher="City Council",
                   published="2019-03"),
        add_source(library.db, "Survey of harbour users", kind="dataset", published="2016"),
        add_source(library.db, "Ministry report", kind="official record", author="Ministry of Defence"),
        add_source(library.db, "Interview with the mayor", kind="interview"),
        add_source(library.db, "Post by the council", kind="social post", publisher="Social site"),
        add_source(library.db, "Wheat study", kind="academic paper", publisher="Journal of Field Studies"),
        add_source(library.db, "Hydrologist's view", kind="expert"),
        add_source(library.db, "Leaflet", kind="other"),
    ]
    rows = [get_source(library.db, s) for s in made]
    path = export_sources(rows, fmt, tmp_path / f"sources{SOURCE_FORMATS[fmt].suffix}")
    bib = read_bibliography(path.read_bytes())
    assert bib.format == fmt and bib.problems == []
    for row, entry in zip(rows, bib.entries):
        expected = {k: row[k] for k in ROUND_TRIP_FIELDS if row.get(k)}
        expected["tags"] = [t.strip() for t in row["tags"].split(",")] if row["tags"] else None
        got = dict(entry.fields)
        if "notes" in expected and fmt == "bibtex":  # BibTeX folds a field's line breaks
            expected["notes"] = " ".join(expected["notes"].split())
            got["notes"] = " ".join(got["notes"].split())
        assert {k: v for k, v in got.items()} == {k: v for k, v in expected.items() if v}, row["title"]
    # Importing the export back into the same library changes nothing.
    report = import_sources(library, [path]).value
    assert report.created == [] and report.updated == [] and len(report.skipped) == len(made)
