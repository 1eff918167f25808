"""The team's set of saved news pages (tests/ingest/news_pages): title, outlet, author and
date read from each, against what a checker reading the page would write down.

The pages are written for these tests (fictional stories), modelled on how news sites mark
up their metadata: JSON-LD (single nodes, @graph with @id links, ClaimReview), OpenGraph,
itemprop microdata, Dublin Core, bylines and datelines. Run with ``-s`` to see the figures.
"""
from __future__ import annotations

import json
from pathlib import Path

from factcheck_app.ingest import read_article

PAGES = Path(__file__).parent / "news_pages"
FLOORS = {"title": 1.00, "date": 0.95, "outlet": 0.95, "author": 0.90}


def _read_all() -> tuple[dict[str, float], list[str]]:
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    right = dict.fromkeys(FLOORS, 0)
    misses = []
    for name, want in sorted(expected.items()):
        article = read_article((PAGES / name).read_bytes(), name)
        got = {"title": article.title, "date": article.published, "outlet": article.outlet, "author": article.author}
        for field in FLOORS:
            if got[field] == want[field]:
                right[field] += 1
            else:
                misses.append(f"{name}: {field} {got[field]!r}, want {want[field]!r}")
    return {field: right[field] / len(expected) for field in FLOORS}, misses


def test_the_set_is_large_enough_and_every_page_is_listed():
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    assert len(expected) >= 40
    assert set(expected) == {path.name for path in PAGES.glob("*.html")}


def test_metadata_floors_on_the_team_set():
    accuracy, misses = _read_all()
    print("\nnews page metadata: " + ", ".join(f"{field} {value:.1%}" for field, value in accuracy.items()))
    for miss in misses:
        print("  " + miss)
    assert all(accuracy[field] >= floor for field, floor in FLOORS.items()), misses
