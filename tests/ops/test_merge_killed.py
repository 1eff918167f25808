"""A merge killed with SIGKILL at any point leaves the library exactly as it was (one transaction)."""
from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_support import article, claim_ids, content, copies

from factcheck_app.ops.exchange import export_changes
from factcheck_app.ops import verdicts as vops
from factcheck_app.store import verdicts
from factcheck_app.store.articles import import_article
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.info import check_library
from factcheck_app.store.library import open_library
from factcheck_app.store.sources import add_source

RUNNER = Path(__file__).with_name("merge_runner.py")


def _big_change_file(base: Path, folder: Path) -> Path:
    """Return a change file with a few hundred rows: articles, claims, sources, evidence and verdicts."""
    (ann,) = copies(base, folder, ["sender"]).values()
    with ann:
        for n in range(12):
            result = import_article(ann.db, article(f"Story {n}", [f"It cost {n + 10} million.", f"It took {n + 2} years."]))
            source = add_source(ann.db, f"Record {n}", url=f"https://records.example.org/{n}")
            add_evidence(ann.db, result.claim_ids[0], source, "supports", excerpt=f"cost {n}", added_by="Ann")
            vops.set_verdict(ann, result.claim_ids[1], "True", by="Ann")
        vops.set_verdict(ann, claim_ids(ann)[0], "False", by="Ann")
        path = folder / "big.fcchanges"
        export_changes(ann, "Bob", path, by="Ann")
    return path


def _kill_during_merge(library: Path, changes: Path, after_lines: int) -> bool:
    """Run the merge and SIGKILL it after ``after_lines`` progress lines; return True when it was killed in time."""
    proc = subprocess.Popen([sys.executable, str(RUNNER), str(library), str(changes)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    seen = 0
    try:
        for line in proc.stdout:
            if line.startswith("done"):
                return False
            seen += 1
            if seen >= after_lines:
                proc.send_signal(signal.SIGKILL)  # the merge waits on stdin: it is inside its transaction
                return True
            proc.stdin.write("\n")
            proc.stdin.flush()
        return False
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stdin.close()


def _run(base_library: Path, tmp_path: Path, kills: int, seed: int) -> None:
    changes = _big_change_file(base_library, tmp_path)
    rng = random.Random(seed)
    killed = 0
    for attempt in range(kills):
        target = tmp_path / f"bob{attempt}.sqlite"
        shutil.copy(base_library, target)
        with open_library(target) as lib:
            before = content(lib)
        if _kill_during_merge(target, changes, rng.randint(1, 6)):
            killed += 1
            with open_library(target) as lib:
                assert content(lib) == before
                assert check_library(lib) == []
    assert killed, "no merge was killed before it finished; the test proved nothing"


def test_a_merge_killed_midway_leaves_the_library_as_it_was(base_library, tmp_path):
    _run(base_library, tmp_path, kills=3, seed=20261130)


@pytest.mark.stress
def test_merges_killed_many_times(base_library, tmp_path):
    _run(base_library, tmp_path, kills=40, seed=random.randrange(10**9))
