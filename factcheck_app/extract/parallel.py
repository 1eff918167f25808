"""Extraction of a long body on two cores: the facet finders in two lanes.

Python runs one thread's code at a time, so the second core is a second process: one worker,
started the first time a long body is extracted and kept for the next ones (starting it
costs a fifth of a second). What the two processes do together must be exactly what one
does alone, so the work is divided only where nothing is shared: ``FacetKind.needs`` ties
each kind to the kinds whose facets it reads, which makes groups; the group of the first
registered kind (dates, and quantities that must not count a date's numbers) runs in the
worker while this process runs the others (places, entities, quotes) and then what needs no
facet (sentences, what their words add to the score; see ``pipeline``). The facets are put
back in registry order, as one process lists them.

A short body is not worth the round trip and stays in one process. Whatever goes wrong
with the worker (it cannot start, it died, the system refuses a process), the work is done
here: the same result, later. ``FACTCHECK_EXTRACT_WORKERS=1`` keeps every body in one
process; ``FACTCHECK_PARALLEL_MIN_CHARS`` moves the threshold (tests, benchmarks).
"""
from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import FacetKind, FindContext, resolve_finder

if TYPE_CHECKING:  # imported when a worker is first needed: a short batch run never pays for them
    from concurrent.futures import Future, ProcessPoolExecutor

# Below this many characters the worker's round trip (sending the body, bringing facets
# back) costs more than the second core saves.
PARALLEL_MIN_CHARS = 200_000
# A worker that has read a body this long has grown (300 MiB for 20 MB of text), and Python
# keeps what it grew to: it is let go, and the next long article starts a fresh one.
RECYCLE_AFTER_CHARS = 4_000_000

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None
_broken = False  # the worker could not be started once: do not try again in this process

FacetRow = tuple  # a Facet's fields but its text (the body's slice): what crosses between the processes


def worth_it(body: str) -> bool:
    """True when ``body`` is long enough to share out and a second process is allowed."""
    if os.environ.get("FACTCHECK_EXTRACT_WORKERS", "").strip() == "1" or _broken:
        return False
    limit = os.environ.get("FACTCHECK_PARALLEL_MIN_CHARS", "").strip()
    try:
        threshold = int(limit) if limit else PARALLEL_MIN_CHARS
    except ValueError:
        threshold = PARALLEL_MIN_CHARS
    return len(body) >= threshold and (os.cpu_count() or 1) >= 2


def lanes(kinds: Sequence[FacetKind]) -> tuple[list[FacetKind], list[FacetKind]]:
    """Split the kinds into (away, home): away is the group of the first kind, when it can run
    elsewhere (every finder in it named as "module:function") and another group is left home.

    Kinds are grouped with the kinds they need; a kind that does not say (``needs`` None)
    may read every kind before it, so it joins all of them. No split: ``([], kinds)``.
    """
    group = list(range(len(kinds)))  # union-find over kind positions

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    where = {kind.name: i for i, kind in enumerate(kinds)}
    for i, kind in enumerate(kinds):
        before = range(i) if kind.needs is None else [where[n] for n in kind.needs if where.get(n, i) < i]
        for j in before:
            group[root(i)] = root(j)
    first = root(0) if kinds else None
    away = [k for i, k in enumerate(kinds) if root(i) == first]
    home = [k for i, k in enumerate(kinds) if root(i) != first]
    if not home or any(not isinstance(k.finder, str) for k in away):
        return [], list(kinds)
    return away, home


def find_away(body: str, context: FindContext, away: Sequence[FacetKind]) -> Future | None:
    """Start the away lane's finders on the worker; None when the worker is unavailable."""
    jobs = [(kind.name, kind.finder) for kind in away]
    return _submit(_find_in_worker, jobs, body, context.published)


def facets_from(future: Future | None, body: str, context: FindContext, away: Sequence[FacetKind],
                run_here: Callable[[FacetKind, str, FindContext], list[Facet]]) -> dict[str, list[Facet]]:
    """The away lane's facets by kind: the worker's, or found here when the worker failed."""
    rows = _result(future)
    if rows is not None:
        if len(body) >= RECYCLE_AFTER_CHARS:
            shutdown(wait=False)
        return {name: [_facet(body, row) for row in found] for name, found in rows}
    lane = FindContext(context.published)
    out = {}
    for kind in away:
        out[kind.name] = run_here(kind, body, lane)
        lane.found.extend(out[kind.name])
    return out


def shutdown(*, wait: bool = True) -> None:
    """Stop the worker (a new one is started when needed). With ``wait``, wait for it to exit,
    dropping jobs not yet started; without, it exits once the jobs already sent are done
    (another thread's article among them)."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=wait, cancel_futures=wait)


def _log_failure(message: str, *args: object) -> None:
    """Log the exception being handled (imported here only: logging is needed only on failure)."""
    from factcheck_app.problem_log import log_problem

    log_problem(message, *args)


def _row(f: Facet) -> FacetRow:
    # A plain tuple pickles several times faster than the dataclass, and the text is left out
    # (it is the body's slice, taken again on arrival): hundreds of thousands cross for a book.
    return (f.kind, f.start, f.end, f.value, f.unit, f.speaker, f.subtype, f.vague)


def _facet(body: str, row: FacetRow) -> Facet:
    kind, start, end, value, unit, speaker, subtype, vague = row
    return Facet(kind, start, end, body[start:end], value, unit, speaker, subtype, vague)


def _submit(fn: Callable, *args) -> Future | None:
    global _executor, _broken
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _lock:
            for attempt in range(2):
                if _executor is None:
                    import atexit
                    import multiprocessing
                    from concurrent.futures import ProcessPoolExecutor

                    # Stopped before the interpreter tears its modules down, which a worker pool
                    # still alive then complains about on stderr.
                    atexit.unregister(shutdown)
                    atexit.register(shutdown)

                    # "spawn": forking a process that runs Qt's threads can copy a lock one of them holds.
                    _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                    initializer=_exit_with_parent)
                try:
                    return _executor.submit(fn, *args)
                except BrokenProcessPool:
                    # The worker died after its last job (killed, out of memory): start a new one, once.
                    dead, _executor = _executor, None
                    dead.shutdown(wait=False, cancel_futures=True)
                    if attempt:
                        raise
    except Exception:  # noqa: BLE001 - no second process: one process does it all
        _log_failure("no second process for extraction; extracting in one process")
        _broken = True
    return None


def _result(future: Future | None):
    global _executor
    if future is None:
        return None
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - the worker died or failed: this process does its share
        _log_failure("the extraction worker failed; its share was extracted here")
        with _lock:
            broken, _executor = _executor, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        return None


def _exit_with_parent() -> None:
    """In the worker, first thing: end it when the app ends, however it ends. A worker holds
    both ends of its job queue, so a killed app would otherwise leave it waiting for ever."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _find_in_worker(jobs: list[tuple[str, str]], body: str, published) -> list[tuple[str, list[FacetRow]]]:
    """In the worker: run the lane's finders in order, each seeing the lane's facets before it."""
    collecting = gc.isenabled()
    gc.disable()  # as in extract_claims: many short-lived objects, no cycles to find
    try:
        context = FindContext(published)
        out = []
        for name, finder in jobs:
            try:
                found = resolve_finder(finder)(body, context) or []
            except Exception:  # noqa: BLE001 - as in one process: a failing kind is skipped, logged
                _log_failure("the %s finder failed; its facets are skipped", name)
                found = []
            context.found.extend(found)
            out.append((name, [_row(f) for f in found]))
        return out
    finally:
        if collecting:
            gc.enable()
