"""The one way to run slow work off the GUI thread (as in Picard's util/thread.py).

``start(fn, *args)`` runs ``fn(job, *args)`` in the global QThreadPool and returns the Job;
the work is handed to the pool when control returns to the event loop, so signals connected
right after ``start`` cannot be missed. (``Job(fn, args, kwargs)`` + ``job.start()`` submits at
once, for callers that connect first.) The function gets
the Job so it can report progress and see a cancel request; it must open its own store
connection (a sqlite connection never crosses threads) and never touch a widget. The
result or a one-line error message comes back by signal on the GUI thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from factcheck_app.ingest.errors import IngestError
from factcheck_app.store.errors import StoreError

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by ``Job.check_cancelled`` inside a worker when the checker pressed Cancel."""


class JobSignals(QObject):
    """Signals of one job; the object lives in the GUI thread, so slots run there."""

    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(object)  # the function's return value
    failed = Signal(str)  # a message fit for the checker
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled


class Job:
    """A handle on work given to the pool: its signals and a thread-safe cancel flag."""

    def __init__(self, fn: Callable[..., Any], args: tuple = (), kwargs: dict | None = None) -> None:
        self.signals = JobSignals()
        self._fn, self._args, self._kwargs = fn, tuple(args), dict(kwargs or {})
        self._cancel = threading.Event()
        self._ended = threading.Event()

    def start(self, pool: QThreadPool | None = None) -> "Job":
        """Hand the work to the pool (connect to the signals before this); return the job."""
        _jobs().add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    @property
    def is_running(self) -> bool:
        """True until the work has ended one way or another."""
        return not self._ended.is_set()

    def check_cancelled(self) -> None:
        """Raise Cancelled if the checker asked to stop (call between units of work)."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Report progress (from the worker thread)."""
        self.signals.progress.emit(done, total, text)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the work ended (tests and shutdown only); return False on time-out."""
        return self._ended.wait(None if msecs < 0 else msecs / 1000)

    def _run(self) -> None:
        outcome: tuple[Signal, tuple] | None = None
        try:
            result = self._fn(self, *self._args, **self._kwargs)
        except Cancelled:
            outcome = (self.signals.cancelled, ())
        except (StoreError, IngestError, OSError) as exc:
            outcome = (self.signals.failed, (str(exc),))
        except Exception:  # noqa: BLE001 - a worker must report, never die silently
            log.exception("A background job failed")
            outcome = (self.signals.failed, ("The job failed unexpectedly; details are in the log file.",))
        else:
            outcome = (self.signals.finished, (result,))
        finally:
            # Ended before the news goes out, so whoever receives it sees the job as finished.
            self._ended.set()
            if outcome is not None:
                outcome[0].emit(*outcome[1])
            self.signals.done.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run()


class _Registry(QObject):
    """Keeps running jobs referenced until their `done` signal reaches the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs: set[Job] = set()

    def add(self, job: Job) -> None:
        self.jobs.add(job)
        job.signals.done.connect(self._forget)

    @Slot()
    def _forget(self) -> None:
        self.jobs = {j for j in self.jobs if j.is_running}


_registry: _Registry | None = None


def _jobs() -> _Registry:
    global _registry
    if _registry is None:
        _registry = _Registry()
    return _registry


def start(fn: Callable[..., Any], *args: Any, pool: QThreadPool | None = None, **kwargs: Any) -> Job:
    """Run ``fn(job, *args, **kwargs)`` in the thread pool once the event loop runs again; return the Job."""
    job = Job(fn, args, kwargs)
    _jobs().add(job)
    # A signal emitted before anyone connected is lost; submitting from the event loop lets the
    # caller connect to job.signals first.
    QTimer.singleShot(0, lambda: (pool or QThreadPool.globalInstance()).start(_Runnable(job)))
    return job


def running_jobs() -> list[Job]:
    """Return the jobs that have not ended yet."""
    return [j for j in _jobs().jobs if j.is_running]


def cancel_all(wait_msecs: int = 5000) -> None:
    """Ask every running job to stop and wait for the pool (on window close)."""
    for job in running_jobs():
        job.cancel()
    QThreadPool.globalInstance().waitForDone(wait_msecs)
