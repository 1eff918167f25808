"""The table models and the claims filter proxy pass Qt's model tester and filter as they should."""
from __future__ import annotations

from factcheck_app.store import claims as claims_store
from factcheck_app.store.library import open_library
from factcheck_app.ui.models.articles_model import ArticlesModel
from factcheck_app.ui.models.claims_model import KINDS, STATUS, VERDICT, ClaimsModel
from factcheck_app.ui.models.claims_proxy import NO_VERDICT, NOT_DISMISSED, ClaimsFilterProxy

import verdict_support


def test_articles_model_passes_the_model_tester(qtmodeltester, sample_library):
    with open_library(sample_library) as lib:
        model = ArticlesModel()
        model.set_library(lib)
        qtmodeltester.check(model)
        assert model.rowCount() == 2
        titles = {model.index(r, 0).data() for r in range(2)}
        assert "Drought cut wheat harvest by a third, ministry report says" in titles
        model.set_search("drought")
        assert model.rowCount() == 1
        assert model.index(0, 1).data() == "Plainsview Herald"
        qtmodeltester.check(model)
        model.set_search("no such words")
        assert model.rowCount() == 0


def test_articles_model_sorts_in_sql(sample_library):
    with open_library(sample_library) as lib:
        model = ArticlesModel()
        model.set_library(lib)
        model.sort(3, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder)
        counts = [int(model.index(r, 3).data()) for r in range(model.rowCount())]
        assert counts == sorted(counts)


def test_claims_model_and_proxy_pass_the_model_tester(qtmodeltester, sample_library):
    with open_library(sample_library) as lib:
        article_id = lib.db.execute("SELECT id FROM articles ORDER BY title LIMIT 1").fetchone()[0]
        model = ClaimsModel()
        model.set_library(lib)
        model.set_article(article_id)
        qtmodeltester.check(model)
        assert model.rowCount() == len(claims_store.list_claims(lib.db, article_id))
        proxy = ClaimsFilterProxy()
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)
        proxy.set_filters(kind="quantity")
        qtmodeltester.check(proxy)
        model.set_article(None, all_claims=True)
        assert model.rowCount() == lib.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        qtmodeltester.check(proxy)


def test_proxy_filters_by_text_kind_status_and_verdict(sample_library):
    with open_library(sample_library) as lib:
        model = ClaimsModel()
        model.set_library(lib)
        model.set_article(None, all_claims=True)
        proxy = ClaimsFilterProxy()
        proxy.setSourceModel(model)
        total = proxy.rowCount()

        proxy.set_filters(text="FERRY terminal")
        shown = [model.rows[proxy.source_row(r)] for r in range(proxy.rowCount())]
        assert shown and all("ferry terminal" in r[4].lower() for r in shown)

        proxy.set_filters(text="", kind="quote")
        shown = [model.rows[proxy.source_row(r)] for r in range(proxy.rowCount())]
        assert shown and all("quote" in r[KINDS] for r in shown)

        proxy.set_filters(kind=None, status="checked")
        assert proxy.rowCount() == sum(1 for r in model.rows if r[STATUS] == "checked") > 0

        proxy.set_filters(status=None, verdict="True")
        assert proxy.rowCount() == sum(1 for r in model.rows if r[VERDICT] == "True") > 0

        proxy.set_filters(verdict=NO_VERDICT)
        assert proxy.rowCount() == sum(1 for r in model.rows if r[VERDICT] is None)

        proxy.set_filters(verdict=None, status=NOT_DISMISSED)
        assert proxy.rowCount() == sum(1 for r in model.rows if r[STATUS] != "dismissed")
        proxy.clear_filters()
        assert proxy.rowCount() == total


def test_proxy_sorts_and_maps_both_ways(sample_library):
    from PySide6.QtCore import Qt

    with open_library(sample_library) as lib:
        model = ClaimsModel()
        model.set_library(lib)
        model.set_article(None, all_claims=True)
        proxy = ClaimsFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(2, Qt.SortOrder.DescendingOrder)
        scores = [float(proxy.index(r, 2).data()) for r in range(proxy.rowCount())]
        assert scores == sorted(scores, reverse=True)
        for r in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(r, 1))
            assert proxy.mapFromSource(source).row() == r
        proxy.sort(-1)
        assert [proxy.source_row(r) for r in range(proxy.rowCount())] == list(range(model.rowCount()))


def test_refresh_claim_updates_one_row(sample_library):
    with open_library(sample_library) as lib:
        model = ClaimsModel()
        model.set_library(lib)
        article_id = lib.db.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        model.set_article(article_id)
        claim_id = next(r[0] for r in model.rows if r[VERDICT] is None)
        verdict_support.set_verdict(lib.db, claim_id, "False", "truth")
        model.refresh_claim(claim_id)
        row = model.row_of(claim_id)
        assert model.index(row, 4).data() == "False"
        assert model.index(row, 3).data() == "Checked"
