"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported saved.

Each unit of work (a source, an evidence row citing it, a verdict change) is one
transaction, so after any kill a unit is either wholly in the library or not at all.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_app.store import open_library
from factcheck_app.store.info import check_library

from reliability_support import seed_library

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]


def _start_writer(store: Path, first_unit: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(WRITER.parent)])}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(store), str(first_unit)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _kill_at_random(proc: subprocess.Popen, rng: random.Random) -> list[str]:
    """Let the writer run for a random while (sometimes not even past start-up), SIGKILL it; return its lines."""
    time.sleep(rng.uniform(0.05, 1.2))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"the writer stopped by itself: {err}"
    return out.splitlines()


def _units(db) -> dict[int, dict[str, int]]:
    """Return, per unit number found anywhere in the library, how many of its three parts are there."""
    units: dict[int, dict[str, int]] = {}

    def count(sql: str, part: str, prefix: str) -> None:
        for (text,) in db.execute(sql):
            number = int(text[len(prefix):])
            units.setdefault(number, {"source": 0, "evidence": 0, "history": 0})[part] += 1

    count("SELECT title FROM sources WHERE title LIKE 'crash unit %'", "source", "crash unit ")
    count("SELECT excerpt FROM evidence WHERE excerpt LIKE 'excerpt of unit %'", "evidence", "excerpt of unit ")
    count("SELECT why FROM verdict_history WHERE why LIKE 'unit %'", "history", "unit ")
    return units


def _verify(store: Path, reported: dict[int, tuple[str, str]]) -> int:
    """Open the library after a kill and check it; return the next unit number to write."""
    with open_library(store) as lib:
        assert check_library(lib) == []
        units = _units(lib.db)
        for number, (source_id, evidence_id) in reported.items():
            assert number in units, f"unit {number} was reported saved but is gone"
            assert lib.db.execute("SELECT count(*) FROM sources WHERE id = ?", [source_id]).fetchone()[0] == 1
            assert lib.db.execute("SELECT count(*) FROM evidence WHERE id = ?", [evidence_id]).fetchone()[0] == 1
        for number, parts in units.items():
            assert parts == {"source": 1, "evidence": 1, "history": 1}, f"unit {number} is half-written: {parts}"
        # The verdict a claim shows is the one its last history row says.
        mismatched = lib.db.execute(
            "SELECT count(*) FROM verdicts v WHERE v.rating != (SELECT h.to_rating FROM verdict_history h "
            "WHERE h.claim_id = v.claim_id ORDER BY h.rowid DESC LIMIT 1)"
        ).fetchone()[0]
        assert mismatched == 0
        return max(units, default=-1) + 1


def run_kills(tmp_path: Path, kills: int, seed: int, figures) -> None:
    """Kill a writer ``kills`` times, checking the library after each kill."""
    store = tmp_path / "crash.sqlite"
    seed_library(store)
    rng = random.Random(seed)
    reported: dict[int, tuple[str, str]] = {}
    next_unit = 0
    for _ in range(kills):
        lines = _kill_at_random(_start_writer(store, next_unit), rng)
        for line in lines:
            number, source_id, evidence_id = line.split()
            reported[int(number)] = (source_id, evidence_id)
        next_unit = _verify(store, reported)
        figures["kills survived"] += 1
    figures["writes checked"] += len(reported)
    assert reported, "the writer never got a unit written; the test proved nothing"


def test_writer_killed_at_random_keeps_every_reported_unit(tmp_path, figures):
    run_kills(tmp_path, kills=5, seed=20240314, figures=figures)


@pytest.mark.stress
def test_writer_killed_fifty_times(tmp_path, figures):
    run_kills(tmp_path, kills=60, seed=int(time.time()), figures=figures)
