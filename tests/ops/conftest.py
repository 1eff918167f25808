"""Operations tests: a library holding one hand-made article, helpers to run an op and its undo, and the
exchange tests' shared library and hypothesis profiles (short in the suite, long in `make stress`)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))
# pytest imports test modules without putting their folder on sys.path; the exchange helpers live here.
sys.path.insert(0, str(Path(__file__).parent))

from reliability_support import make_article  # noqa: E402

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
# The suite's run generates and reports; shrinking a failure is left to `make stress` (it can take minutes).
# It is derandomized so that CI runs the same examples every time; `make stress` explores at random.
settings.register_profile("exchange", max_examples=12, deadline=None, suppress_health_check=_QUIET,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate], derandomize=True)
settings.register_profile("exchange-stress", max_examples=400, deadline=None, suppress_health_check=_QUIET)


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


@pytest.fixture(scope="session")
def base_library(tmp_path_factory) -> Path:
    """Return the path of a small library every exchange test copies (colleagues starting from one library)."""
    from exchange_support import make_base

    return make_base(tmp_path_factory.mktemp("exchange-base") / "base.sqlite")


@pytest.fixture
def pair(base_library, tmp_path):
    """Return two open copies of the base library, Ann's and Bob's (closed after the test)."""
    from exchange_support import copies

    libs = copies(base_library, tmp_path, ["ann", "bob"])
    yield libs
    for lib in libs.values():
        lib.close()
