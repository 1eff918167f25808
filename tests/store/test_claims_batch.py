"""Storing an article's claims in batches keeps every claim and facet as one at a time would."""
from __future__ import annotations

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.store import open_library
from factcheck_app.store.articles import import_article


def test_a_new_articles_claims_and_facets_are_all_stored(tmp_path):
    body = "Rates rose 5 percent in 2019.\n\n" * 300
    claims = [ExtractedClaim(start=i * 31, end=i * 31 + 29, text=body[i * 31:i * 31 + 29], score=0.7,
                             facets=[Facet("quantity", i * 31 + 11, i * 31 + 20, "5 percent", 5, "percent"),
                                     Facet("date", i * 31 + 24, i * 31 + 28, "2019", "2019")]) for i in range(300)]
    with open_library(tmp_path / "lib.sqlite") as lib:
        result = import_article(lib.db, ExtractedArticle(body=body, title="Rates", claims=claims))
        assert len(result.claim_ids) == len(set(result.claim_ids)) == 300
        rows = lib.db.execute("SELECT id, start_offset, end_offset, text FROM claims ORDER BY start_offset").fetchall()
        assert [(r[1], r[2], r[3]) for r in rows] == [(c.start, c.end, c.text) for c in claims]
        assert lib.db.execute("SELECT count(*) FROM facets").fetchone()[0] == 600
        assert lib.db.execute("SELECT count(DISTINCT claim_id) FROM facets").fetchone()[0] == 300
