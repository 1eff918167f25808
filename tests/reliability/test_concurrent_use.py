"""Two programs on one library: the CLI setting verdicts while the app (a stand-in process) writes.

No "database is locked" reaches the user, no update is lost, and a connection that stays
open (the app's refresh path) sees the other program's changes on its next query.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from factcheck_app.store import open_library
from factcheck_app.store.info import check_library

from reliability_support import seed_library

HERE = Path(__file__).parent
ROOT = HERE.resolve().parents[1]
FACTCHECK = Path(sys.executable).with_name("factcheck")


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
    env.pop("FACTCHECK_BUSY_TIMEOUT_MS", None)  # the real default: waiting is what makes two writers work
    return env


def _cli_loop(store: Path, claim_ids: list[str], calls: int, stop: Path, results: list, seen: list) -> None:
    """Set ``calls`` verdicts through the CLI; after each, check a separate open connection sees it."""
    try:
        with open_library(store) as reader:
            for i in range(calls):
                result = subprocess.run(
                    [str(FACTCHECK), "verdict", "set", claim_ids[i % len(claim_ids)][:8], "Mostly false",
                     "--rationale", f"cli {i}", "--why", f"cli {i}", "--checker", "cli", "--store", str(store)],
                    capture_output=True, text=True, env=_env(), timeout=120,
                )
                results.append(result)
                count = reader.db.execute("SELECT count(*) FROM verdict_history WHERE why = ?", [f"cli {i}"])
                seen.append(count.fetchone()[0])
    finally:
        stop.touch()


def run_concurrently(tmp_path: Path, cli_calls: int, figures) -> None:
    """Run ``cli_calls`` `factcheck verdict set` commands while the stand-in writes; check nothing is lost."""
    store = tmp_path / "shared.sqlite"
    claim_ids = seed_library(store)
    stop = tmp_path / "stop"
    gui = subprocess.Popen([sys.executable, str(HERE / "gui_standin.py"), str(store), str(stop)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    cli_results: list[subprocess.CompletedProcess] = []
    cli_seen: list[int] = []
    thread = threading.Thread(target=_cli_loop, args=(store, claim_ids, cli_calls, stop, cli_results, cli_seen))
    done = None
    stale_reads = []
    try:
        with open_library(store) as reader:
            for line in gui.stdout:
                if line.startswith("done"):
                    done = int(line.split()[1])
                    break
                if not thread.is_alive() and not stop.exists():
                    thread.start()  # start the CLI once the stand-in is writing
                n = int(line.split()[0])
                # The app's refresh path: the next query on an open connection sees the other process's commit.
                count = reader.db.execute("SELECT count(*) FROM evidence WHERE note LIKE 'gui %'").fetchone()[0]
                if count < n + 1:
                    stale_reads.append((n, count))
        thread.join(timeout=300)
    finally:
        stop.touch()
        _, gui_err = gui.communicate(timeout=60)
    assert gui.returncode == 0, gui_err
    assert "locked" not in gui_err.lower()
    assert stale_reads == []
    assert len(cli_results) == cli_calls
    for result in cli_results:
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert cli_seen == [1] * cli_calls
    assert done
    with open_library(store) as lib:
        db = lib.db
        assert db.execute("SELECT count(*) FROM evidence WHERE note LIKE 'gui %'").fetchone()[0] == done
        assert db.execute("SELECT count(*) FROM verdict_history WHERE why LIKE 'gui %'").fetchone()[0] == done
        assert db.execute("SELECT count(*) FROM verdict_history WHERE why LIKE 'cli %'").fetchone()[0] == cli_calls
        assert check_library(lib) == []
    figures["concurrent writes checked"] += done + cli_calls


def test_cli_and_app_write_the_same_library_at_once(tmp_path, figures):
    run_concurrently(tmp_path, cli_calls=4, figures=figures)


@pytest.mark.stress
def test_cli_and_app_write_the_same_library_for_long(tmp_path, figures):
    run_concurrently(tmp_path, cli_calls=40, figures=figures)
