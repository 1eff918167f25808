"""Importing published fact-checks, matching the library's claims against them, removing a collection."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_app.ingest import IngestError
from factcheck_app.ops.checks import import_check_files, read_files, remove_collection
from factcheck_app.ops.matching import Matcher, match_claims
from factcheck_app.store import claim_matches, published_checks
from factcheck_app.store.articles import import_article
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError

DATA = Path(__file__).resolve().parents[1] / "data" / "claimreview"


def _article(lib, sentences):
    from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim

    body, claims = "Local news\n\n", []
    for text in sentences:
        claims.append(ExtractedClaim(len(body), len(body) + len(text), text, 0.8, []))
        body += text + " "
    article = ExtractedArticle(body=body.rstrip(), title="Local news", outlet="Test", published="2024-03-14",
                               claims=claims)
    return import_article(lib.db, article, source_name="news.txt").claim_ids


def test_import_three_formats_into_collections(library):
    result = import_check_files(library, [DATA / "single.json", DATA / "feed.json", DATA / "page.html"])
    summary = result.value
    assert (summary.added, summary.updated) == (4, 0)
    assert summary.collections == ["single", "feed", "page"]
    assert "feed.json: dataFeedElement 3: not a JSON object" in summary.skipped
    assert any(s.startswith("page.html: script block 2") for s in summary.skipped)
    assert result.changes.checks
    collections = {c["name"]: c["checks"] for c in published_checks.list_collections(library.db)}
    assert collections == {"single": 1, "feed": 2, "page": 1}
    [row] = published_checks.list_checks(library.db, published_checks.resolve_collection(library.db, "single")["id"])
    assert row["claimant"] == "Mayor Ada Lindqvist" and row["appearances"][0] == "https://news.example.com/bridge-speech"
    assert row["rating"] == "Mostly false" and row["best_rating"] == 5 and row["collection"] == "single"


def test_reimport_updates_instead_of_duplicating(library, tmp_path):
    import_check_files(library, [DATA / "list.json"])
    ids = {r["id"] for r in published_checks.list_checks(library.db)}
    changed = tmp_path / "list.json"
    changed.write_text((DATA / "list.json").read_text().replace('"alternateName": "True"', '"alternateName": "Mostly true"'))
    again = import_check_files(library, [changed]).value
    assert (again.added, again.updated) == (0, 2)
    rows = published_checks.list_checks(library.db)
    assert {r["id"] for r in rows} == ids and "Mostly true" in {r["rating"] for r in rows}
    assert len(published_checks.list_collections(library.db)) == 1


def test_a_file_that_cannot_be_read_stops_before_anything_is_written(library):
    with pytest.raises(IngestError):
        read_files([DATA / "single.json", DATA / "broken.json"])
    assert published_checks.check_count(library.db) == 0


def test_claims_are_matched_at_import_and_on_demand(library):
    ids = _article(library, ["The Harbour Bridge repairs cost 40 million dollars last year.",
                             "The council met on Tuesday to discuss parking."])
    summary = import_check_files(library, [DATA / "single.json", DATA / "list.json"]).value
    assert summary.matched_claims == 1
    [best] = claim_matches.stored_matches(library.db, ids[0])[:1]
    assert best["kind"] == "check" and best["rating"] == "Mostly false" and best["organisation"] == "Example Checks"
    assert "Harbour" in best["reasons"]["shared_words"] and best["label"] in ("strong", "likely")
    assert claim_matches.stored_matches(library.db, ids[1]) == []
    assert claim_matches.matched_claim_ids(library.db) == {ids[0]}
    # On demand again: same result, not duplicated.
    match_claims(library, [ids[0]])
    assert len(claim_matches.stored_matches(library.db, ids[0])) == 1


def test_earlier_claims_with_a_verdict_match_too(library):
    from verdict_support import set_verdict

    first, _ = _article(library, ["Ferry fares in Norvik have doubled since 2019.", "Other news."])
    set_verdict(library.db, first, "False", checker="Ada")
    from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim

    text = "Norvik ferry fares doubled since 2019, a councillor said."
    later = import_article(library.db, ExtractedArticle(body="Later\n\n" + text, title="Later", claims=[
        ExtractedClaim(7, 7 + len(text), text, 0.9, [])]), source_name="later.txt").claim_ids[0]
    found = Matcher(library).find(text, exclude_article=get_claim(library.db, later)["article_id"])
    assert found and found[0].kind == "claim" and found[0].target_id == first
    match_claims(library, [later])
    [row] = claim_matches.stored_matches(library.db, later)
    assert row["matched_claim_id"] == first and row["rating"] == "False" and row["organisation"] == "this library"


def test_remove_collection_takes_its_checks_and_matches(library):
    ids = _article(library, ["The Harbour Bridge repairs cost 40 million dollars last year."])
    import_check_files(library, [DATA / "single.json"])
    assert claim_matches.stored_matches(library.db, ids[0])
    assert remove_collection(library, "SINGLE").value == 1
    assert published_checks.check_count(library.db) == 0
    assert claim_matches.stored_matches(library.db, ids[0]) == []
    with pytest.raises(NotFoundError):
        remove_collection(library, "single")


def test_search_checks_folds_word_forms(library):
    from factcheck_app.extract.match_text import terms

    import_check_files(library, [DATA / "feed.json"])
    [row] = published_checks.search_checks(library.db, terms("vaccine microchip"))
    assert row["review_url"] == "https://feed.example.org/vaccine-chips"
    assert published_checks.search_checks(library.db, terms("vaccine ferry")) == []


def test_an_imported_article_is_matched_at_import(library):
    from factcheck_app.ops.importing import import_article as import_op

    import_check_files(library, [DATA / "single.json"])
    imported = import_op(library, "Bridge story\n\nThe Harbour Bridge repairs cost the city 40 million dollars in 2023, "
                                  "the mayor said.", name="story.txt").value
    matched = [c for c in imported.claim_ids if claim_matches.stored_matches(library.db, c)]
    assert matched and claim_matches.stored_matches(library.db, matched[0])[0]["organisation"] == "Example Checks"


def test_a_few_new_checks_rematch_only_the_claims_they_may_match(library, monkeypatch):
    import factcheck_app.ops.checks as checks_op

    ids = _article(library, ["The city spent 40 million dollars on the Harbour Bridge repairs.",
                             "Parking fees rose in the old town.", "The council met on Tuesday.",
                             "School meals are free in Eastmoor."])
    asked = []
    real = checks_op.match_claims
    monkeypatch.setattr(checks_op, "match_claims", lambda lib, claim_ids=None, **kw: asked.append(claim_ids)
                        or real(lib, claim_ids, **kw))
    summary = import_check_files(library, [DATA / "single.json"]).value
    # One check, four claims: only the claims sharing its rarer words ("citi" finds "city") are matched again.
    assert asked and asked[0] is not None and ids[0] in asked[0] and ids[3] not in asked[0]
    assert summary.matched_claims == 1 and claim_matches.stored_matches(library.db, ids[0])
