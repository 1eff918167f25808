"""Publishing details through the operation: defaults from the claim, edits checked, undo and redo exact."""
from __future__ import annotations

import pytest

from factcheck_app.ops.publishing import PublishingEdit, claim_publishing, edit_publishing
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.settings import set_setting



@pytest.fixture
def bridge(library):
    """Return (library, article id, claim rows in reading order) for the harbour-bridge sample article."""
    from importlib import resources

    from factcheck_app.extract.pipeline import analyse
    from factcheck_app.store.articles import import_article
    from factcheck_app.store.claims import list_claims

    data = (resources.files("factcheck_app.resources") / "samples" / "harbour-bridge.txt").read_bytes()
    result = import_article(library.db, analyse(data, filename="harbour-bridge.txt"), source_name="harbour-bridge.txt")
    return library, result.article_id, list_claims(library.db, article_id=result.article_id)


def claim_with(claims: list[dict], words: str) -> dict:
    """Return the first claim whose text holds ``words``."""
    return next(c for c in claims if words in c["text"])


def _table(lib, name):
    return lib.db.execute(f"SELECT * FROM {name}").fetchall()


def test_the_quotation_speaker_is_the_default_claimant(bridge):
    lib, _, claims = bridge
    quoted = claim_with(claims, "biggest investment")
    info = claim_publishing(lib, quoted["id"])
    assert info.claimant.endswith("Elena Ruiz") and info.claimant_type == "Person"  # "Mayor Elena Ruiz" too
    plain = claim_with(claims, "council voted 9 to 4")
    info = claim_publishing(lib, plain["id"])
    assert (info.claimant, info.claimant_type) == ("The Northern Ledger", "Organization")
    assert info.claim_date == "2024-03-14"


def test_an_edit_sets_every_field_and_undo_and_redo_are_exact(bridge):
    lib, _, claims = bridge
    cid = claim_with(claims, "council voted 9 to 4")["id"]
    result = edit_publishing(lib, cid, PublishingEdit(
        claimant="City council", claimant_type="organisation",
        appearances=["https://ledger.example/bridge", "https://tv.example/clip"],
        first_appearance="https://tv.example/clip", claim_date="2024-03-12",
        claim_reviewed="The council approved a $1.2bn bridge by 9 votes to 4",
        review_url="https://desk.example/checks/bridge"), by="Ana")
    info = result.value
    assert (info.claimant, info.claimant_type) == ("City council", "Organization")
    assert [(a.url, a.first) for a in info.appearances] == [("https://ledger.example/bridge", False),
                                                            ("https://tv.example/clip", True)]
    assert info.claim_date == "2024-03-12" and info.review_url == "https://desk.example/checks/bridge"
    assert cid in result.changes.claim_ids
    redo = result.undo(lib)
    assert _table(lib, "claim_publishing") == [] and _table(lib, "claim_appearances") == []
    assert claim_publishing(lib, cid).claimant == "The Northern Ledger"
    again = redo.undo(lib)
    assert again.value == info


def test_none_puts_a_default_back_and_add_appearance_keeps_the_article_first(bridge):
    lib, _, claims = bridge
    cid = claim_with(claims, "council voted 9 to 4")["id"]
    lib.db["articles"].update(claims[0]["article_id"], {"url": "https://ledger.example/bridge"})
    info = edit_publishing(lib, cid, PublishingEdit(add_appearances=["https://tv.example/clip"])).value
    assert [(a.url, a.first) for a in info.appearances] == [("https://ledger.example/bridge", True),
                                                            ("https://tv.example/clip", False)]
    edit_publishing(lib, cid, PublishingEdit(claimant="Someone"))
    info = edit_publishing(lib, cid, PublishingEdit(claimant=None, appearances=None)).value
    assert info.claimant == "The Northern Ledger"
    assert [a.url for a in info.appearances] == ["https://ledger.example/bridge"]


@pytest.mark.parametrize("edit", [
    PublishingEdit(review_url="javascript:alert(1)"),
    PublishingEdit(review_url="ftp://x.example/a"),
    PublishingEdit(appearances=["not a url"]),
    PublishingEdit(claim_date="2024-02-30"),
    PublishingEdit(claim_reviewed="x" * 76),
    PublishingEdit(claimant_type="robot", claimant="X"),
    PublishingEdit(claimant_type="person"),
    PublishingEdit(appearances=["https://a.example"], first_appearance="https://b.example"),
])
def test_bad_values_are_refused_and_nothing_is_written(bridge, edit):
    lib, _, claims = bridge
    cid = claims[0]["id"]
    with pytest.raises(ValidationError):
        edit_publishing(lib, cid, edit)
    assert _table(lib, "claim_publishing") == []


def test_the_old_review_url_settings_move_into_the_table(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from factcheck_app.store import open_library, schema
    from factcheck_app.store.library import APPLICATION_ID

    path = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(path)
    db = Database(conn)
    schema.MIGRATIONS[0](db)
    schema.MIGRATIONS[1](db)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    now = "2024-01-01T00:00:00+00:00"
    db["articles"].insert({"id": "a1", "title": "T", "body": "T\n\nBody text.", "content_hash": "h",
                           "imported_at": now})
    db["claims"].insert({"id": "c1", "article_id": "a1", "start_offset": 3, "end_offset": 13, "text": "Body text.",
                         "created_at": now, "updated_at": now})
    set_setting(db, "claimreview.url.c1", "https://desk.example/c1")
    set_setting(db, "claimreview.url.gone", "https://desk.example/gone")
    conn.commit()
    conn.close()
    with open_library(path) as lib:
        assert claim_publishing(lib, "c1").review_url == "https://desk.example/c1"
        assert lib.db.execute("SELECT count(*) FROM library_settings WHERE key LIKE 'claimreview.url.%'"
                              ).fetchone()[0] == 0
