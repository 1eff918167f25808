"""Search ranks every match: the best one wins even when it is the oldest row of a busy table."""
from __future__ import annotations

from factcheck_app.store.documents import add_document, link_document
from factcheck_app.store.search import search, search_sources
from factcheck_app.store.sources import add_source
from factcheck_app.store.transaction import write

FILLER = "budget council harbour traffic election survey wheat drought pension school teacher university " * 3


def test_the_best_source_is_found_when_it_is_the_oldest_of_many_matches(library):
    db = library.db
    best = add_source(db, "Kibar reactor: satellite images of the Kibar reactor site", publisher="Kibar archive")
    with write(db):
        for i in range(300):  # newer, weaker matches: the word once, in long notes
            add_source(db, f"Regional bulletin {i}", notes=f"{FILLER} kibar {FILLER}")
    hits = search(db, "kibar reactor", ("source",), limit=5)
    assert hits[0]["id"] == best
    assert search(db, "kibar", ("source",), limit=5)[0]["id"] == best
    assert search_sources(db, "kibar", limit=3)[0]["id"] == best


def test_the_best_document_page_is_found_when_it_is_the_oldest(library):
    db = library.db
    source = add_source(db, "Ministry archive")
    best_page = "Shayrat airfield damage: 59 cruise missiles struck Shayrat airfield, the Shayrat report says."
    first, _ = add_document(db, sha256="a" * 64, size=10, media_type="application/pdf", file_name="old.pdf",
                            part_kind="page", parts=["Cover page.", best_page], text_origin="layer")
    link_document(db, source, first, "old.pdf")
    with write(db):
        for i in range(150):
            doc, _ = add_document(db, sha256=f"{i:064x}", size=10, media_type="text/plain", file_name=f"n{i}.txt",
                                  part_kind="paragraph", parts=[f"{FILLER} shayrat {FILLER}"], text_origin="layer")
            link_document(db, source, doc, f"n{i}.txt")
    (hit,) = search(db, "shayrat airfield", ("document",), limit=1)
    assert (hit["id"], hit["page"], hit["detail"]) == (first, 2, "old.pdf, p. 2")
    assert search(db, "shayrat", limit=1)[0]["id"] == first


def test_whole_words_and_the_typed_prefix(library):
    db = library.db
    add_source(db, "Shayrat airbase strike")
    assert [h["title"] for h in search(db, "shay", ("source",))] == ["Shayrat airbase strike"]
    assert search(db, '"shayrat" (air', ("source",))[0]["title"] == "Shayrat airbase strike"
