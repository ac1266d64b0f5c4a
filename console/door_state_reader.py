"""Reads the door's counters and last scans on the thread pool.

Reads are numbered: when a newer read has been asked for, an older one that
arrives late is dropped, so the screen never steps back to older numbers.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console.work import run_job
from memberdesk.services import door_state

log = logging.getLogger(__name__)


class DoorStateReader(QObject):
    """One event's counters and this station's last scans, read off the GUI."""

    #: A read finished: (DoorCounters, list of ScanRow).
    read_done = Signal(object, object)
    #: A read failed; carries the exception.
    read_failed = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        station: str,
        limit: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions, self._station, self._limit = sessions, station, limit
        self._generation = 0

    def read(self, event_id: int) -> None:
        self._generation += 1
        generation = self._generation
        sessions, station, limit = self._sessions, self._station, self._limit

        def fetch() -> tuple[int, object, object]:
            with sessions() as s:
                counts = door_state.counters(s, event_id, station)
                rows = door_state.last_scans(s, event_id, station, limit)
            return generation, counts, rows

        job = run_job("door_state", fetch)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)

    def drop_pending(self) -> None:
        """Whatever is still being read is no longer wanted."""
        self._generation += 1

    def _done(self, result: object) -> None:
        generation, counts, rows = result  # type: ignore[misc]
        if generation != self._generation:
            return  # an older read, overtaken by a newer one
        self.read_done.emit(counts, rows)

    def _failed(self, exc: object) -> None:
        log.error("door counters could not be read: %r", exc)
        self.read_failed.emit(exc)
