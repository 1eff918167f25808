"""store.views: claim rows, article summaries and counts, in one reading order."""
from __future__ import annotations

import pytest
from reliability_support import make_article

from factcheck_app.store import views
from factcheck_app.store.articles import import_article
from factcheck_app.store.claims import add_claim, list_claims, set_status
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.sources import add_source
from verdict_support import set_verdict


def test_claim_rows_are_tuples_in_reading_order_with_their_summary(db, claim_ids, article_id):
    source_id = add_source(db, "S", publisher="P")
    add_evidence(db, claim_ids[1], source_id, "refutes")
    set_verdict(db, claim_ids[1], "False")
    rows = views.claim_rows(db, article_id)
    assert [r[views.ID] for r in rows] == claim_ids
    second = dict(zip(views.CLAIM_ROW_FIELDS, rows[1]))
    assert second["verdict"] == "False" and second["verdict_scale"] == "truth"
    assert second["sources"] == 1 and second["kinds"] == "quantity"
    assert second["article_title"] == "Test article" and second["article_id"] == article_id
    assert views.claim_rows(db, "no-such-article") == []
    assert views.claim_row(db, claim_ids[1]) == rows[1]
    assert views.claim_row(db, "missing") is None


def test_a_claim_added_by_hand_takes_its_place_by_start_offset(db, claim_ids, article_id):
    body = db.execute("SELECT body FROM articles").fetchone()[0]
    first = views.claim_rows(db, article_id)[0]
    # A hand-made claim over the title line starts before every automatic claim.
    added = add_claim(db, article_id, 0, body.index("\n"))
    ordered = [r[views.ID] for r in views.claim_rows(db, article_id)]
    assert ordered[0] == added and ordered[1] == first[views.ID]
    # The command line's listing and the whole-library rows use the same order.
    assert [r["id"] for r in list_claims(db, article_id)] == ordered
    assert [r[views.ID] for r in views.claim_rows(db)] == ordered


def test_whole_library_rows_follow_articles_in_import_order(db, claim_ids, article_id):
    second = import_article(db, make_article("Second", ["Then 12 more came.", "And 40 left."]), "b.txt")
    everything = [r[views.ID] for r in views.claim_rows(db)]
    assert everything == claim_ids + second.claim_ids
    assert views.claim_count(db) == len(everything)
    assert views.article_of_claim(db, second.claim_ids[0]) == second.article_id
    assert views.article_of_claim(db, "missing") is None


def test_claim_rows_from_file_reads_through_its_own_connection(seeded, claim_ids):
    library, _ = seeded
    assert [r[views.ID] for r in views.claim_rows_from_file(library.path)] == claim_ids


def test_kinds_are_in_the_canonical_kind_order():
    assert views.order_kinds("quote,date,quantity") == "date, quantity, quote"
    assert views.order_kinds(None) == ""
    assert views.order_kinds("zeta,date") == "date, zeta"


def test_article_ids_search_and_sort(db, article_id):
    other = import_article(db, make_article("Another 100% take", ["Only 3 people came."]), "c.txt").article_id
    assert views.article_ids(db, sort="title", descending=False) == [other, article_id]
    assert views.article_ids(db, sort="claims", descending=True) == [article_id, other]
    # LIKE's wildcards are plain text in a search.
    assert views.article_ids(db, search="100%") == [other]
    assert views.article_ids(db, search="_") == []
    assert set(views.article_ids(db, search="test outlet")) == {article_id, other}
    with pytest.raises(ValueError):
        views.article_ids(db, sort="title; DROP TABLE articles")


def test_article_summaries_and_title(db, claim_ids, article_id):
    set_verdict(db, claim_ids[0], "True")
    set_status(db, claim_ids[2], "dismissed", "not a claim")
    summary = views.article_summaries(db, [article_id, "missing"])
    assert set(summary) == {article_id}
    row = summary[article_id]
    assert row["title"] == "Test article" and row["outlet"] == "Test Outlet" and row["published"] == "2024-03-14"
    assert row["claims"] == len(claim_ids) - 1 and row["checked"] == 1
    assert views.article_title(db, article_id) == "Test article"
    assert views.article_title(db, "missing") is None


def test_library_counts(db, claim_ids):
    add_source(db, "S")
    set_verdict(db, claim_ids[0], "True")
    set_status(db, claim_ids[1], "dismissed", "not a claim")
    assert views.library_counts(db) == {"articles": 1, "claims": len(claim_ids) - 1, "checked": 1, "sources": 1}


def test_article_page_holds_what_the_article_pane_shows(db, claim_ids, article_id):
    article, claims, facets = views.article_page(db, article_id)
    assert article["body"].startswith("Test article")
    assert [c["id"] for c in claims] == claim_ids
    assert [f["claim_id"] for f in facets] == claim_ids
    assert views.article_page(db, "missing") is None
