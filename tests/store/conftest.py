"""Store unit tests: a library holding one hand-made article (no extractor involved)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest imports test modules without putting folders on sys.path; the shared helpers live beside the reliability tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))

from reliability_support import make_article  # noqa: E402


@pytest.fixture
def seeded(library):
    """Return (library, ImportResult) for a library holding one article with six claims."""
    from factcheck_app.store.articles import import_article

    return library, import_article(library.db, make_article(), source_name="test.txt")


@pytest.fixture
def db(seeded):
    return seeded[0].db


@pytest.fixture
def claim_ids(seeded):
    return seeded[1].claim_ids


@pytest.fixture
def article_id(seeded):
    return seeded[1].article_id
