"""store.articles: import, duplicates, listing, edits, re-resolving facets, deletion."""
from __future__ import annotations

import pytest

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.store.articles import (
    content_hash,
    delete_article,
    get_article,
    import_article,
    list_articles,
    reresolve_facets,
    update_article,
)
from factcheck_app.store.claims import get_claim, get_facets, list_claims
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.info import counts
from factcheck_app.store.sources import add_source, list_sources
from verdict_support import set_verdict

from reliability_support import SENTENCES, make_article


def test_import_stores_article_claims_and_facets(seeded):
    library, result = seeded
    assert result.created and len(result.claim_ids) == len(SENTENCES)
    article = get_article(library.db, result.article_id)
    assert article["title"] == "Test article" and article["outlet"] == "Test Outlet"
    assert article["published"] == "2024-03-14" and article["source_name"] == "test.txt"
    assert article["content_hash"] == content_hash(article["body"])
    for claim_id, text in zip(result.claim_ids, SENTENCES):
        claim = get_claim(library.db, claim_id)
        assert claim["text"] == text == article["body"][claim["start_offset"]:claim["end_offset"]]
        assert claim["status"] == "open" and claim["origin"] == "automatic"
        [facet] = claim["facets"]
        assert article["body"][facet["start_offset"]:facet["end_offset"]] == facet["text"]


def test_the_same_text_is_not_imported_twice(seeded):
    library, result = seeded
    again = make_article()
    again.body = again.body.replace(" ", "  ").replace("\n\n", "\n")  # whitespace differences only
    second = import_article(library.db, again)
    assert (second.article_id, second.created, second.claim_ids) == (result.article_id, False, [])
    assert counts(library.db)["articles"] == 1


def test_an_empty_article_is_refused(library):
    with pytest.raises(ValidationError):
        import_article(library.db, ExtractedArticle(body="  \n "))
    assert counts(library.db)["articles"] == 0


def test_an_import_that_fails_half_way_leaves_nothing(library):
    bad = make_article()
    bad.claims.append(ExtractedClaim(5, 2, "backwards", 0.5, []))  # violates the offsets CHECK
    with pytest.raises(Exception):
        import_article(library.db, bad)
    assert counts(library.db)["articles"] == 0 and counts(library.db)["claims"] == 0


def test_get_article_of_unknown_id(library):
    with pytest.raises(NotFoundError):
        get_article(library.db, "nope")


def test_list_articles_counts_filters_and_limits(seeded):
    library, result = seeded
    db = library.db
    other = import_article(db, make_article("Older story", ["Only 3 claims here today."]))
    db.execute("UPDATE articles SET published = '2001-01-01' WHERE id = ?", [other.article_id])
    set_verdict(db, result.claim_ids[0], "True")
    rows = list_articles(db)
    assert [r["id"] for r in rows] == [result.article_id, other.article_id]  # newest first
    assert rows[0]["claims"] == 6 and rows[0]["checked"] == 1
    assert [r["title"] for r in list_articles(db, "older")] == ["Older story"]
    assert [r["title"] for r in list_articles(db, "test outlet")] == ["Test article", "Older story"]
    assert len(list_articles(db, limit=1)) == 1


def test_update_article_metadata_only(seeded):
    library, result = seeded
    row = update_article(library.db, result.article_id, title="New title", published="2024-03-15")
    assert row["title"] == "New title" and row["published"] == "2024-03-15"
    with pytest.raises(ValidationError, match="body"):
        update_article(library.db, result.article_id, body="changed")
    with pytest.raises(NotFoundError):
        update_article(library.db, "missing", title="x")
    assert get_article(library.db, result.article_id)["body"].startswith("Test article")


def test_reresolve_facets_replaces_facets_of_matching_automatic_claims(seeded):
    library, result = seeded
    db = library.db
    claim = get_claim(db, result.claim_ids[2])
    fresh = Facet("date", claim["start_offset"], claim["start_offset"] + 5, "Kibar", value="2007")
    changed = reresolve_facets(db, result.article_id, "2020-01-01",
                               [ExtractedClaim(claim["start_offset"], claim["end_offset"], claim["text"], 0.9, [fresh])])
    assert changed == 1
    assert get_article(db, result.article_id)["published"] == "2020-01-01"
    [facet] = get_facets(db, result.claim_ids[2])
    assert (facet["kind"], facet["value"]) == ("date", "2007")
    assert len(get_facets(db, result.claim_ids[0])) == 1  # untouched


def test_delete_article_cascades_but_keeps_sources(seeded):
    library, result = seeded
    db = library.db
    source_id = add_source(db, "A source")
    add_evidence(db, result.claim_ids[0], source_id, "supports")
    set_verdict(db, result.claim_ids[0], "False")
    delete_article(db, result.article_id)
    after = counts(db)
    assert after["articles"] == after["claims"] == after["facets"] == after["evidence"] == after["verdicts"] == 0
    assert after["verdict_history"] == 0
    assert [s["id"] for s in list_sources(db)] == [source_id]
    assert list_claims(db) == []
    with pytest.raises(NotFoundError):
        delete_article(db, result.article_id)
