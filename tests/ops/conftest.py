"""Operations tests: a library holding one hand-made article, and helpers to run an op and its undo."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))

from reliability_support import make_article  # noqa: E402


@pytest.fixture
def seeded(library):
    """Return (library, Imported) for a library holding one article with six claims, stored through ops."""
    from factcheck_app.ops.importing import store_article

    return library, store_article(library, make_article(), source_name="test.txt").value


@pytest.fixture
def lib(seeded):
    return seeded[0]


@pytest.fixture
def claim_ids(seeded):
    return seeded[1].claim_ids


@pytest.fixture
def article_id(seeded):
    return seeded[1].article_id


@pytest.fixture
def source_id(lib):
    from factcheck_app.ops.sources import add_source

    return add_source(lib, "Statistics office bulletin", publisher="Statistics Office", url="https://stats.example/b").value
