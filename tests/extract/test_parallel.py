"""Extraction on two cores gives what one process gives, and falls back to one process on any failure."""
from __future__ import annotations

import concurrent.futures
import os
import signal
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

import pytest

from factcheck_app.extract import parallel
from factcheck_app.extract.facet_kinds import FacetKind, facet_kind, facet_kinds, registered
from factcheck_app.extract.pipeline import extract_claims

# Team-written news (fictional), long enough to hold every kind, quotes after named people,
# dates and the numbers beside them, places and speakers over several paragraphs.
PARAGRAPHS = [
    "Port of Velmora Cuts 1,200 Jobs",
    "The port authority of Velmora said on Tuesday that it would cut 1,200 jobs by the end of the year, "
    "blaming a 14 percent drop in container traffic since 2019.",
    "Dr. Amara Okafor, who has led the authority since March 2016, told reporters the cuts would save "
    "about $45 million a year. \u201cWe have no other choice,\u201d she said.",
    "Rainfall near Lake Oranmo reached 312 mm in the first quarter of 2023, according to the Meteorological "
    "Office. More than 40,000 residents of Harbour City were moved to shelters last week.",
    "Shares of Norland Shipping Inc. fell 8.5% on Monday. Analysts had expected a profit of between "
    "\u00a33 million and \u00a35 million, said Peter Lang of Calder Securities.",
    "The treaty, signed in 1967 in Paris and revised in 1994, allows each side to inspect up to 25 sites "
    "a year at the Kibar research site.",
]
TEXT = "\n\n".join(PARAGRAPHS * 6)


@pytest.fixture
def two_processes(monkeypatch):
    """Every body goes through the second process, however short; the worker is stopped after."""
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")
    monkeypatch.delenv("FACTCHECK_EXTRACT_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "_broken", False)
    yield
    parallel.shutdown()


def _claims(text: str, published: str | None = "2017-04-11") -> list[dict]:
    return [c.to_dict() for c in extract_claims(text, published)]


def _one_process(text: str, published: str | None = "2017-04-11") -> list[dict]:
    before = os.environ.get("FACTCHECK_EXTRACT_WORKERS")
    os.environ["FACTCHECK_EXTRACT_WORKERS"] = "1"
    try:
        return _claims(text, published)
    finally:
        if before is None:
            del os.environ["FACTCHECK_EXTRACT_WORKERS"]
        else:
            os.environ["FACTCHECK_EXTRACT_WORKERS"] = before


def test_the_built_in_kinds_split_into_dates_with_quantities_and_the_rest():
    away, home = parallel.lanes(facet_kinds())
    assert [k.name for k in away] == ["date", "quantity"]
    assert [k.name for k in home] == ["place", "entity", "quote"]


def _kind(name: str, needs, finder="factcheck_app.extract.places:place_facets") -> FacetKind:
    return FacetKind(name, name, "#112233", "solid", 0.1, finder, needs=needs)


def test_a_kind_that_does_not_say_what_it_reads_joins_every_kind_before_it():
    kinds = [_kind("a", ()), _kind("b", ()), _kind("c", None), _kind("d", ())]
    away, home = parallel.lanes(kinds)
    assert [k.name for k in away] == ["a", "b", "c"] and [k.name for k in home] == ["d"]
    assert parallel.lanes([_kind("a", ()), _kind("b", None)]) == ([], [_kind("a", ()), _kind("b", None)])


def test_a_lane_with_a_finder_that_cannot_be_sent_by_name_stays_home():
    kinds = [_kind("a", (), finder=lambda body, context: []), _kind("b", ())]
    assert parallel.lanes(kinds) == ([], kinds)


def test_only_a_long_body_is_shared_out_and_the_setting_keeps_all_in_one_process(monkeypatch):
    monkeypatch.delenv("FACTCHECK_PARALLEL_MIN_CHARS", raising=False)
    monkeypatch.delenv("FACTCHECK_EXTRACT_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "_broken", False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert not parallel.worth_it("x" * (parallel.PARALLEL_MIN_CHARS - 1))
    assert parallel.worth_it("x" * parallel.PARALLEL_MIN_CHARS)
    monkeypatch.setenv("FACTCHECK_EXTRACT_WORKERS", "1")
    assert not parallel.worth_it("x" * parallel.PARALLEL_MIN_CHARS)
    monkeypatch.delenv("FACTCHECK_EXTRACT_WORKERS")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not parallel.worth_it("x" * parallel.PARALLEL_MIN_CHARS)


def test_two_processes_give_exactly_the_claims_of_one(two_processes):
    alone = _one_process(TEXT)
    assert alone and {f["kind"] for c in alone for f in c["facets"]} == {"date", "quantity", "place", "entity",
                                                                           "quote"}
    assert _claims(TEXT) == alone
    assert parallel._executor is not None  # the worker did the work, not the fallback
    # Again on the running worker, and with no published date (relative dates stay unresolved).
    assert _claims(TEXT, None) == _one_process(TEXT, None)


def test_a_worker_killed_between_articles_is_replaced(two_processes):
    alone = _one_process(TEXT)
    assert _claims(TEXT) == alone
    killed = set(parallel._executor._processes)
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    # Whether the death is seen on sending the next article or on waiting for it, the
    # article's claims are whole; the next one has a worker again.
    assert _claims(TEXT) == alone
    assert _claims(TEXT) == alone
    assert not parallel._broken and parallel._executor is not None
    assert not killed & set(parallel._executor._processes)


def test_a_worker_that_fails_mid_article_leaves_its_share_to_this_process(two_processes, monkeypatch, capsys):
    alone = _one_process(TEXT)

    def broken_pool(fn, *args):
        future = Future()
        future.set_exception(BrokenProcessPool("worker died"))
        return future

    monkeypatch.setattr(parallel, "_submit", broken_pool)
    assert _claims(TEXT) == alone
    assert "the extraction worker failed" in capsys.readouterr().err


def test_no_second_process_means_one_process_does_it_all(two_processes, monkeypatch, capsys):
    alone = _one_process(TEXT)

    class Refused:
        def __init__(self, *args, **kwargs):
            raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Refused)
    assert _claims(TEXT) == alone
    assert "no second process for extraction" in capsys.readouterr().err
    assert not parallel.worth_it(TEXT)  # not tried again for every article


def test_a_finder_failing_in_the_worker_is_skipped_as_in_one_process(two_processes, capsys):
    failing = replace(facet_kind("quantity"), finder="factcheck_app.extract.dates:no_such_finder")
    with registered(failing):
        shared = _claims(TEXT)
        alone = _one_process(TEXT)
    assert shared == alone
    assert not any(f["kind"] == "quantity" for c in shared for f in c["facets"])
    assert "the quantity finder failed" in capsys.readouterr().err


def test_the_worker_ends_when_the_app_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    script = tmp_path / "app.py"
    script.write_text(
        "import os, sys, time\n"
        "from factcheck_app.extract import parallel\n"
        "from factcheck_app.extract.pipeline import extract_claims\n"
        "if __name__ == '__main__':\n"
        "    extract_claims('On Tuesday 1,200 people left Velmora.', '2017-04-11')\n"
        "    print(*parallel._executor._processes, flush=True)\n"
        "    time.sleep(60)\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_PARALLEL_MIN_CHARS": "0"}
    env.pop("FACTCHECK_EXTRACT_WORKERS", None)
    app = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           env=env, text=True)
    try:
        worker = int(app.stdout.readline())
    finally:
        app.kill()
        app.wait()
    for _ in range(200):  # waiting for the system to end it, not timing it
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the extraction worker outlived the killed app")


def test_a_worker_that_read_a_very_long_article_is_let_go_and_the_next_gets_a_fresh_one(two_processes, monkeypatch):
    alone = _one_process(TEXT)
    monkeypatch.setattr(parallel, "RECYCLE_AFTER_CHARS", len(TEXT))
    assert _claims(TEXT[:-1]) == _one_process(TEXT[:-1])
    kept = parallel._executor
    assert kept is not None  # a shorter article leaves the worker running
    assert _claims(TEXT) == alone
    assert parallel._executor is None  # let go: its memory returns to the system
    assert _claims(TEXT[:-1]) == _one_process(TEXT[:-1])
    assert parallel._executor is not None and parallel._executor is not kept
