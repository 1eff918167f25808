"""ops.claims: selections and splits snap to whole words; dismiss, restore and undo."""
from __future__ import annotations

import pytest

from factcheck_app.ops import claims
from factcheck_app.store.articles import get_article
from factcheck_app.store.claims import get_claim, list_claims
from factcheck_app.store.errors import ValidationError


def _body(lib, article_id):
    return get_article(lib.db, article_id)["body"]


def test_a_selection_inside_words_takes_the_whole_words(lib, article_id):
    body = _body(lib, article_id)
    first = list_claims(lib.db, article_id)[0]
    start, end = first["start_offset"] + 2, first["end_offset"] - 2   # cuts into the first and last words
    new_id = claims.add_claim(lib, article_id, start, end).value
    claim = get_claim(lib.db, new_id)
    assert claim["text"] == body[first["start_offset"]:first["end_offset"]].rstrip(".")
    assert claim["origin"] == "manual"


def test_undo_of_an_added_claim_deletes_it_and_redo_puts_it_back_under_its_id(lib, article_id):
    body = _body(lib, article_id)
    result = claims.add_claim(lib, article_id, 0, body.index("\n"))
    before = len(list_claims(lib.db, article_id))
    redo = result.undo(lib)
    assert len(list_claims(lib.db, article_id)) == before - 1
    redo.undo(lib)
    assert get_claim(lib.db, result.value)["start_offset"] == 0


def test_split_snaps_to_the_nearest_word_boundary(lib, claim_ids):
    claim = get_claim(lib.db, claim_ids[0])
    text = claim["text"]
    space = text.index(" ", 5)
    at = claim["start_offset"] + space + 2  # two letters into the next word
    second = claims.split_claim(lib, claim["id"], at).value
    a, b = get_claim(lib.db, claim["id"]), get_claim(lib.db, second)
    assert a["text"] == text[:space]
    assert b["text"] == text[space + 1:]
    assert not a["text"][-1].isspace() and not b["text"][0].isspace()


def test_split_outside_the_claim_is_refused(lib, claim_ids):
    claim = get_claim(lib.db, claim_ids[0])
    with pytest.raises(ValidationError, match="between two words"):
        claims.split_claim(lib, claim["id"], claim["end_offset"] + 5)


def test_split_then_undo_gives_the_claim_back_whole(lib, claim_ids):
    claim = get_claim(lib.db, claim_ids[0])
    result = claims.split_claim(lib, claim["id"], claim["start_offset"] + claim["text"].index(" ", 5))
    result.undo(lib)
    assert get_claim(lib.db, claim["id"])["text"] == claim["text"]


def test_dismiss_and_restore_with_undo(lib, claim_ids):
    result = claims.dismiss_claims(lib, claim_ids[:2], "Opinion")
    assert {get_claim(lib.db, c)["status"] for c in claim_ids[:2]} == {"dismissed"}
    assert get_claim(lib.db, claim_ids[0])["dismiss_reason"] == "Opinion"
    result.undo(lib)
    assert {get_claim(lib.db, c)["status"] for c in claim_ids[:2]} == {"open"}
    claims.dismiss_claims(lib, claim_ids[:1])
    claims.restore_claims(lib, claim_ids[:1])
    assert get_claim(lib.db, claim_ids[0])["status"] == "open"


def test_merge_two_claims_and_undo(lib, claim_ids):
    a, b = get_claim(lib.db, claim_ids[0]), get_claim(lib.db, claim_ids[1])
    result = claims.merge_claims(lib, [b["id"], a["id"]])
    assert result.value == a["id"]
    result.undo(lib)
    assert get_claim(lib.db, a["id"])["text"] == a["text"]
    assert len(list_claims(lib.db)) == len(claim_ids)
