"""ops.articles, ops.settings, ops.scales and ops.importing."""
from __future__ import annotations

import os

import pytest

from factcheck_app import user_profile
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops import articles, importing, scales, settings
from factcheck_app.store.articles import get_article, list_articles
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.scales import get_scale

ARTICLE = "Dam report\n\nThe reservoir held 59 million cubic metres last week, the ministry said on Tuesday.\n"


def test_article_details_edit_with_undo(lib, article_id):
    result = articles.edit_article(lib, article_id, url="https://news.example/dam", author=" Jo  Reporter ")
    assert (result.value["url"], result.value["author"]) == ("https://news.example/dam", "Jo Reporter")
    result.undo(lib)
    assert get_article(lib.db, article_id)["url"] is None


@pytest.mark.parametrize("fields", [{"url": "javascript:alert(1)"}, {"published": "2024-02-30"}, {"body": "x"}])
def test_bad_article_details_are_refused(lib, article_id, fields):
    before = get_article(lib.db, article_id)
    with pytest.raises(ValidationError):
        articles.edit_article(lib, article_id, **fields)
    assert get_article(lib.db, article_id) == before


def test_delete_article(lib, article_id):
    result = articles.delete_article(lib, article_id)
    assert article_id in result.changes.article_ids and result.undo is None
    with pytest.raises(NotFoundError):
        get_article(lib.db, article_id)


def test_settings_in_the_library_and_the_user_in_the_profile(lib):
    settings.set_setting(lib, "organisation", "  Desk   Nine ")
    assert settings.get_setting(lib, "organisation") == "Desk Nine"
    with pytest.raises(ValidationError, match="web address"):
        settings.set_setting(lib, "organisation-url", "ftp://x")
    with pytest.raises(ValidationError, match="No setting"):
        settings.set_setting(lib, "colour", "red")
    result = settings.set_setting(None, "user", "Ana Lima")
    assert user_profile.get_user_name() == "Ana Lima"
    result.undo(None)
    assert user_profile.get_user_name() == ""


def test_scales_save_and_delete_with_undo(lib):
    data = {"name": "desk", "title": "Desk scale", "steps": [
        {"label": "Right", "value": 1, "colour": "#00aa00"}, {"label": "Wrong", "value": 0, "colour": "#aa0000"}]}
    result = scales.save_scale(lib, data)
    assert get_scale(lib.db, "desk").title == "Desk scale"
    result.undo(lib)
    with pytest.raises(NotFoundError):
        get_scale(lib.db, "desk")


def test_import_stores_once_and_undo_removes(library, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    first = importing.import_file(library, path, published="2024-03-14")
    assert first.value.created and first.value.claim_ids
    again = importing.import_file(library, path)
    assert not again.value.created and again.value.article_id == first.value.article_id
    first.undo(library)
    assert list_articles(library.db) == []


def test_import_refuses_folders_and_non_regular_files(library, tmp_path):
    with pytest.raises(IngestError, match="is a folder"):
        importing.import_file(library, tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError, match="not a regular file"):
        importing.import_file(library, fifo)
    with pytest.raises(IngestError, match="no such file"):
        importing.import_file(library, tmp_path / "missing.txt")
