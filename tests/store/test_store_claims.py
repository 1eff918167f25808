"""store.claims: listing, facets, hand-made claims, status, split and merge."""
from __future__ import annotations

import pytest

from factcheck_app.core.extraction import Facet
from factcheck_app.store.claims import (
    add_claim,
    article_facets,
    get_claim,
    get_facets,
    list_claims,
    merge_claims,
    set_status,
    split_claim,
)
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence, list_evidence
from factcheck_app.store.sources import add_source
from factcheck_app.store.verdicts import get_verdict, verdict_history
from verdict_support import set_verdict


def test_list_claims_in_reading_order_with_summaries(db, claim_ids, article_id):
    source_id = add_source(db, "S", publisher="P")
    add_evidence(db, claim_ids[1], source_id, "refutes")
    set_verdict(db, claim_ids[1], "False")
    rows = list_claims(db, article_id)
    assert [r["id"] for r in rows] == claim_ids
    assert rows[1]["verdict"] == "False" and rows[1]["sources"] == 1 and rows[1]["kinds"] == "quantity"
    assert rows[1]["verdict_status"] == "draft" and rows[0]["verdict"] is None
    assert [r["id"] for r in list_claims(db, status="checked")] == [claim_ids[1]]
    assert list_claims(db, "no-such-article") == []
    with pytest.raises(ValidationError):
        list_claims(db, status="maybe")


def test_get_claim_and_facets(db, claim_ids, article_id):
    claim = get_claim(db, claim_ids[0])
    assert claim["article_title"] == "Test article" and len(claim["facets"]) == 1
    assert get_facets(db, claim_ids[0]) == claim["facets"]
    facets = article_facets(db, article_id)
    assert [f["claim_id"] for f in facets] == claim_ids
    with pytest.raises(NotFoundError):
        get_claim(db, "missing")


def test_add_claim_by_hand_trims_and_keeps_inner_facets(db, article_id):
    body = db.execute("SELECT body FROM articles").fetchone()[0]
    start = body.index("The council")
    end = start + len("The council approved 59 new buses")
    inside = Facet("quantity", start + 21, start + 23, "59", value=59)
    outside = Facet("date", 0, 4, "Test")
    claim_id = add_claim(db, article_id, start - 1, end + 1, [inside, outside])
    claim = get_claim(db, claim_id)
    assert claim["text"] == body[claim["start_offset"]:claim["end_offset"]]
    assert claim["origin"] == "manual"
    assert [f["text"] for f in claim["facets"]] == ["59"]


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 10**6)])
def test_add_claim_outside_the_text_is_refused(db, article_id, start, end):
    with pytest.raises(ValidationError):
        add_claim(db, article_id, start, end)


def test_add_claim_over_whitespace_only_and_unknown_article(db, article_id):
    body = db.execute("SELECT body FROM articles").fetchone()[0]
    gap = body.index("\n\n")
    with pytest.raises(ValidationError):
        add_claim(db, article_id, gap, gap + 2)
    with pytest.raises(NotFoundError):
        add_claim(db, "missing", 0, 3)


def test_set_status_and_dismiss_reason(db, claim_ids):
    set_status(db, claim_ids[0], "dismissed", "opinion, not a claim")
    assert get_claim(db, claim_ids[0])["dismiss_reason"] == "opinion, not a claim"
    set_status(db, claim_ids[0], "open", "ignored when not dismissing")
    claim = get_claim(db, claim_ids[0])
    assert claim["status"] == "open" and claim["dismiss_reason"] is None
    with pytest.raises(ValidationError):
        set_status(db, claim_ids[0], "done")
    with pytest.raises(NotFoundError):
        set_status(db, "missing", "open")


def test_split_claim_keeps_evidence_and_verdict_on_the_first_part(db, claim_ids):
    source_id = add_source(db, "S")
    add_evidence(db, claim_ids[0], source_id, "supports")
    set_verdict(db, claim_ids[0], "True")
    claim = get_claim(db, claim_ids[0])
    at = claim["start_offset"] + claim["text"].index(" in 2017")
    new_id = split_claim(db, claim_ids[0], at)
    first, second = get_claim(db, claim_ids[0]), get_claim(db, new_id)
    assert first["text"] + second["text"] == claim["text"]
    assert first["verdict"] == "True" and second["verdict"] is None
    assert len(list_evidence(db, claim_ids[0])) == 1 and list_evidence(db, new_id) == []
    assert sum(len(c["facets"]) for c in (first, second)) == 1
    with pytest.raises(ValidationError):
        split_claim(db, claim_ids[1], 0)


def test_merge_claims_moves_evidence_verdict_and_history(db, claim_ids):
    source_id = add_source(db, "S")
    add_evidence(db, claim_ids[1], source_id, "supports")
    set_verdict(db, claim_ids[1], "Half true")
    kept = merge_claims(db, [claim_ids[1], claim_ids[0]])
    assert kept == claim_ids[0]
    merged = get_claim(db, kept)
    assert merged["text"].startswith(SENTENCE_0) and merged["text"].endswith("billion.")
    assert len(merged["facets"]) == 2
    assert get_verdict(db, kept)["rating"] == "Half true"
    assert len(verdict_history(db, kept)) == 1
    assert len(list_evidence(db, kept)) == 1
    with pytest.raises(NotFoundError):
        get_claim(db, claim_ids[1])


SENTENCE_0 = "The council approved 59 new buses in 2017."


def test_merge_refusals(db, claim_ids):
    with pytest.raises(ValidationError):
        merge_claims(db, [claim_ids[0], claim_ids[0]])
    set_verdict(db, claim_ids[0], "True")
    set_verdict(db, claim_ids[1], "False")
    with pytest.raises(ValidationError, match="verdict"):
        merge_claims(db, claim_ids[:2])
    assert len(list_claims(db)) == 6


def test_merge_across_articles_is_refused(db, claim_ids):
    from factcheck_app.store.articles import import_article

    from reliability_support import make_article

    other = import_article(db, make_article("Other", ["A different 77 sentence entirely."]))
    with pytest.raises(ValidationError, match="same article"):
        merge_claims(db, [claim_ids[0], other.claim_ids[0]])
