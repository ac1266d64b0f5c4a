"""Slow calls off the GUI thread: argon2 hashing, the audit chain check.

A call runs on Qt's global thread pool; its outcome comes back as a queued
signal on a Job that lives on the GUI thread. The call itself must not touch
a widget: it gets plain values and returns plain values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# Jobs in flight, kept alive until their outcome is delivered: a Job owned by
# a dialog would die with it while its call still runs.
_RUNNING: set[Job] = set()


class Job(QObject):
    """One call on the thread pool, and the signals that report its outcome."""

    #: The call returned; carries what it returned.
    succeeded = Signal(object)
    #: The call raised; carries the exception.
    failed = Signal(object)
    #: Either way, after succeeded or failed.
    finished = Signal()
    # From the pool thread: (ok, value). Delivered queued to _deliver, so the
    # public signals are emitted on the GUI thread and reach plain callables
    # there too.
    _outcome = Signal(bool, object)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._outcome.connect(self._deliver)

    def _deliver(self, ok: bool, value: object) -> None:
        _RUNNING.discard(self)
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job, call: Callable[[], object]) -> None:
        super().__init__()
        self._job = job
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:  # noqa: BLE001 - the caller decides what it means
            log.debug("%s failed: %s", self._job.name, type(exc).__name__)
            self._job._outcome.emit(False, exc)
        else:
            self._job._outcome.emit(True, result)


def run_job(name: str, call: Callable[[], object]) -> Job:
    """Start `call` on the pool; connect to the returned Job's signals at once.

    The signals cross threads queued, so a connection made right after this
    returns never misses the outcome.
    """
    job = Job(name)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(_Runnable(job, call))
    return job


def wait_for_jobs(timeout_ms: int = 10_000) -> bool:
    """Block until the pool is idle; for shutdown and tests."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
