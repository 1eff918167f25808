"""Each pane refreshes itself from the runner's "changed" signal: no pane is told by another to refresh."""
from __future__ import annotations

import pytest

from factcheck_app import user_profile
from factcheck_app.ops import articles as article_ops
from factcheck_app.ops import claims as claim_ops
from factcheck_app.ops import verdicts as verdict_ops
from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.library import open_library
from tests.ui.claim_helpers import runner_on
from factcheck_app.ui.models.articles_model import ArticlesModel
from factcheck_app.ui.models.claims_model import ClaimsModel
from factcheck_app.ui.models.claims_proxy import ClaimsFilterProxy
from factcheck_app.ui.panes.article_view import ArticleView
from factcheck_app.ui.panes.library_summary import LibrarySummary


@pytest.fixture
def lib(sample_library):
    with open_library(sample_library) as library:
        user_profile.set_user_name("Ann Checker")
        yield library


@pytest.fixture
def sample_runner(qtbot, lib):
    return runner_on(lib)


def first_article(lib) -> str:
    return views.article_ids(lib.db, sort="title", descending=False)[0]


def test_claims_model_follows_changes_and_passes_the_model_tester(qtmodeltester, lib, sample_runner):
    article_id = first_article(lib)
    model = ClaimsModel()
    model.set_library(lib)
    model.set_article(article_id)
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    sample_runner.changed.connect(model.apply_changes)
    claim_id = next(r[views.ID] for r in model.rows if r[views.VERDICT] is None)
    sample_runner.run(verdict_ops.set_rating, claim_id, "False", by="Ann Checker")
    assert model.claim_row(claim_id)[views.VERDICT] == "False"
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    body = views.article_page(lib.db, article_id)[0]["body"]
    before = model.rowCount()
    added = sample_runner.run(claim_ops.add_claim, article_id, 0, body.index("\n")).value
    assert model.rowCount() == before + 1 and model.row_of(added) is not None
    spans = [(r[views.START], r[views.END]) for r in model.rows]
    assert spans == sorted(spans)  # the new claim takes its place in reading order
    sample_runner.undo_stack.undo()
    assert model.rowCount() == before and model.row_of(added) is None
    qtmodeltester.check(proxy)
    # A change to another article's claims leaves this list as it is.
    other = views.article_ids(lib.db, sort="title", descending=False)[1]
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    other_claim = views.claim_rows(lib.db, other)[0][views.ID]
    sample_runner.run(claim_ops.dismiss_claims, [other_claim], "not a claim")
    assert resets == []


def test_articles_model_follows_changes_and_passes_the_model_tester(qtmodeltester, lib, sample_runner):
    model = ArticlesModel()
    model.set_library(lib)
    sample_runner.changed.connect(model.apply_changes)
    article_id = model.article_id(0)
    sample_runner.run(article_ops.edit_article, article_id, outlet="The New Outlet")
    assert model.index(0, 1).data() == "The New Outlet"
    qtmodeltester.check(model)
    sample_runner.run(article_ops.delete_article, article_id)
    assert model.rowCount() == 1 and model.row_of(article_id) is None
    qtmodeltester.check(model)


def test_article_view_and_summary_follow_changes(qtbot, lib, sample_runner):
    view = ArticleView()
    summary = LibrarySummary()
    qtbot.addWidget(view)
    qtbot.addWidget(summary)
    view.set_library(lib)
    summary.set_library(lib)
    for pane in (view, summary):
        sample_runner.changed.connect(pane.on_changed)
    article_id = first_article(lib)
    assert view.show_article(article_id)
    claim_id = view.claims[0]["id"]
    sample_runner.run(claim_ops.dismiss_claims, [claim_id], "an opinion")
    assert claim_id not in {c["id"] for c in view.claims}  # dismissed claims are not highlighted
    counts = views.library_counts(lib.db)
    assert summary.text().startswith(f"{counts['articles']} articles · {counts['claims']} claims")
    sample_runner.run(article_ops.edit_article, article_id, title="A corrected headline")
    assert view.title.text() == "A corrected headline"
    sample_runner.run(article_ops.delete_article, article_id)
    assert view.article is None
    assert summary.text().startswith("1 article ·")
    # Changes elsewhere do not reload the pane.
    assert view.show_article(first_article(lib))
    shown = view.article
    sample_runner.announce(Changes.of(articles=["another"]))
    assert view.article is shown
