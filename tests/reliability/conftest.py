"""Reliability tests: hypothesis profiles, and the figures the stress run reports at the end."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# pytest imports test modules without putting their folder on sys.path; the helpers live here.
sys.path.insert(0, str(Path(__file__).parent))

# The default suite stays quick; `make stress` sets FACTCHECK_HYPOTHESIS_PROFILE=stress.
settings.register_profile(
    "reliability",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "stress",
    max_examples=2_600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["FACTCHECK_HYPOTHESIS_PROFILE"])

FIGURES: Counter = Counter()
FIGURE_NAMES = ("kills survived", "writes checked", "fuzz cases run", "bad stores tried", "concurrent writes checked",
                "full-disk runs", "stray WALs tried", "exports killed")


@pytest.fixture
def figures() -> Counter:
    """Return the session's tally of what the reliability tests did (printed at the end of the run)."""
    return FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the figures (and write them to $FACTCHECK_STRESS_REPORT when set)."""
    if not any(FIGURES.values()):
        return
    line = ", ".join(f"{name}: {FIGURES[name]}" for name in FIGURE_NAMES)
    terminalreporter.write_sep("-", "reliability figures")
    terminalreporter.write_line(line)
    report = os.environ.get("FACTCHECK_STRESS_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as fh:
            json.dump({name: FIGURES[name] for name in FIGURE_NAMES}, fh, indent=2)
