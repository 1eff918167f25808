"""Operations tests: hypothesis profiles for the exchange properties (short in the suite, long in `make stress`)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# pytest imports test modules without putting their folder on sys.path; the helpers live here.
sys.path.insert(0, str(Path(__file__).parent))

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile("exchange", max_examples=12, deadline=None, suppress_health_check=_QUIET, phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile("exchange-stress", max_examples=400, deadline=None, suppress_health_check=_QUIET)


@pytest.fixture(scope="session")
def base_library(tmp_path_factory) -> Path:
    """Return the path of a small library every exchange test copies (colleagues starting from one library)."""
    from exchange_support import make_base

    return make_base(tmp_path_factory.mktemp("exchange-base") / "base.sqlite")
