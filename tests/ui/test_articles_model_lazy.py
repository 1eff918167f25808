"""The article list reads only its first rows when a library opens; the rest come when the view scrolls
to them or an article further down is looked up, in the same order a full read gives."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factcheck_app import user_profile
from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim
from factcheck_app.ops import articles as article_ops
from factcheck_app.store import views
from factcheck_app.store.articles import import_article
from factcheck_app.ui.models import articles_model
from factcheck_app.ui.models.articles_model import SORT_KEYS, ArticlesModel
from factcheck_app.ui.panes.library_pane import LibraryPane
from tests.ui.claim_helpers import runner_on

ARTICLES = 30
FIRST = 7
OUTLETS = ("Harbour Times", "Daily Record", "Evening Post")


@pytest.fixture
def many(library):
    """A library of ARTICLES articles, with repeated titles and dates so that the order's ties matter."""
    for number in range(ARTICLES):
        title = f"Council story {number % 9}"
        sentence = f"The council approved {number + 1} new buses in 2017."
        body = f"{title}\n{sentence} " + "More words. " * (number % 4)
        claims = [ExtractedClaim(len(title) + 1, len(title) + 1 + len(sentence), sentence, 0.5)] if number % 3 else []
        import_article(library.db, ExtractedArticle(body=body, title=title, outlet=OUTLETS[number % 3],
                                                     published=f"2024-03-{number % 5 + 1:02d}", claims=claims),
                       source_name=f"{number}.txt")
    return library


def read_all(model: ArticlesModel) -> list[str]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.article_id(row) for row in range(model.rowCount())]


def test_opening_reads_only_the_first_rows_and_the_rest_arrive_as_inserted_rows(many):
    model = ArticlesModel(first_rows=FIRST)
    model.set_library(many)
    assert model.rowCount() == FIRST and model.canFetchMore()
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    assert read_all(model) == views.article_ids(many.db)
    assert inserted == [(FIRST, ARTICLES - 1)] and resets == []
    assert not model.canFetchMore()


@pytest.mark.parametrize("column", range(len(SORT_KEYS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_sort_and_search_lists_what_a_full_read_lists(many, column, order):
    model = ArticlesModel(first_rows=FIRST)
    model.set_library(many)
    model.sort(column, order)
    descending = order == Qt.SortOrder.DescendingOrder
    assert read_all(model) == views.article_ids(many.db, sort=SORT_KEYS[column], descending=descending)
    model.set_search("story 3")
    assert read_all(model) == views.article_ids(many.db, "story 3", SORT_KEYS[column], descending)
    model.set_search("")
    assert model.rowCount() == FIRST  # a new search or sort starts from the first rows again


@pytest.mark.parametrize("column, order", [(2, Qt.SortOrder.DescendingOrder), (3, Qt.SortOrder.AscendingOrder)])
def test_a_lazy_list_passes_the_model_tester(qtmodeltester, many, column, order):
    # A model per order: Qt's tester runs its checks on modelReset before it marks the reset as
    # over, so a fetch it makes then would be reported as rows inserted during a reset.
    model = ArticlesModel(first_rows=FIRST)
    model.set_library(many)
    model.sort(column, order)
    assert model.canFetchMore()
    qtmodeltester.check(model)  # the tester fetches the rest itself and checks the inserted rows
    assert model.rowCount() == ARTICLES and not model.canFetchMore()


def test_looking_up_an_article_further_down_reads_the_rest(many):
    model = ArticlesModel(first_rows=FIRST)
    model.set_library(many)
    last = views.article_ids(many.db)[-1]
    assert model.row_of(last) == ARTICLES - 1
    assert model.row_of("no such article") is None


def test_the_table_fetches_the_rest_when_scrolled_to_the_end(qtbot, many, monkeypatch):
    monkeypatch.setattr(articles_model, "FIRST_ROWS", FIRST)
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.resize(400, 900)
    pane.show()
    pane.set_library(many)
    assert pane.model.rowCount() == FIRST
    bar = pane.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: pane.model.rowCount() == ARTICLES)


def test_an_article_further_down_stays_selected_through_a_change(qtbot, many, monkeypatch):
    monkeypatch.setattr(articles_model, "FIRST_ROWS", FIRST)
    user_profile.set_user_name("Ann Checker")
    runner = runner_on(many)
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_library(many)
    runner.changed.connect(pane.on_changed)
    last = views.article_ids(many.db)[-1]
    assert pane.select_article(last) and pane.current_article_id() == last
    runner.run(article_ops.edit_article, last, outlet="A New Outlet")
    assert pane.current_article_id() == last
    assert pane.model.article(pane.model.row_of(last))["outlet"] == "A New Outlet"
