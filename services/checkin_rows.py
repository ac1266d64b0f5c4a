"""Check-in rows as the door writes them: numbered, journalled, then committed.

Every row gets the station's next sequence number, so the station's order of
scans survives a clock that is set back. Its journal line is made durable
before the transaction commits; if the commit then fails, a void line says so,
and a replay skips it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.services.events import UnknownEvent
from memberdesk.services.journal import CheckinJournal
from memberdesk.services.models import CheckIn, Event

log = logging.getLogger(__name__)

# A clock that jumps back by more than this is worth a word on screen.
CLOCK_TOLERANCE = dt.timedelta(seconds=2)

# The columns a journal line carries, in the order they are written.
RECORD_FIELDS = (
    "id",
    "seq",
    "station",
    "event_id",
    "member_id",
    "card_id",
    "staff_id",
    "source",
    "direction",
    "verdict",
    "admitted",
    "first_entry",
    "uid",
    "qr_serial",
    "override_of",
    "override_reason",
    "at",
)


class Recorder:
    """Numbers, journals and commits the rows of one station."""

    def __init__(
        self,
        station: str,
        journal: CheckinJournal | None,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.station = station
        self.journal = journal
        self._clock = clock
        self._lock = threading.Lock()
        self._last_seq = 0
        self._synced = False
        self._last_now: dt.datetime | None = None
        self.clock_set_back: dt.timedelta | None = None

    def now(self) -> dt.datetime:
        """The injected clock, watched: a clock set back is logged and kept."""
        now = self._clock()
        with self._lock:
            last = self._last_now
            if last is not None and now < last - CLOCK_TOLERANCE:
                self.clock_set_back = last - now
                log.warning(
                    "station clock went back by %s; scans stay in station order",
                    self.clock_set_back,
                )
            if last is None or now > last:
                self._last_now = now
        return now

    def next_seq(self, session: Session) -> int:
        # The database's highest once, then counted here. Another process of
        # the same station may get ahead: the unique index then fails the
        # insert, `resync` is called, and the scan is decided again.
        with self._lock:
            synced = self._synced
        if not synced:
            stored = session.scalar(
                select(func.max(CheckIn.seq)).where(CheckIn.station == self.station)
            )
            with self._lock:
                self._last_seq = max(self._last_seq, stored or 0)
                self._synced = True
        with self._lock:
            self._last_seq += 1
            return self._last_seq

    def resync(self) -> None:
        with self._lock:
            self._synced = False

    def add(self, session: Session, **fields: Any) -> CheckIn:
        row = CheckIn(
            id=str(uuid.uuid4()),
            station=self.station,
            seq=self.next_seq(session),
            uploaded=False,
            annulled=False,
            flagged=False,
            **fields,
        )
        session.add(row)
        session.flush()
        return row

    def journal_row(self, row: CheckIn) -> None:
        if self.journal is not None:
            self.journal.append(to_record(row))

    def journal_annul(self, row: CheckIn) -> None:
        if self.journal is not None:
            self.journal.append(
                {
                    "op": "annul",
                    "id": row.id,
                    "at": row.annulled_at,
                    "reason": row.annul_reason,
                    "station": self.station,
                }
            )

    def commit(self, session: Session, journalled: list[str]) -> None:
        """Commit; a failed commit voids the journal lines already written."""
        try:
            session.commit()
        except BaseException:
            if self.journal is not None:
                for checkin_id in journalled:
                    self.journal.void(checkin_id)
            raise

    def commit_annul(self, session: Session, checkin_id: str) -> None:
        try:
            session.commit()
        except BaseException:
            if self.journal is not None:
                self.journal.append({"op": "annul_void", "id": checkin_id})
            raise


def begin_locked(session: Session) -> None:
    """Start the transaction so that it serialises writers on SQLite too."""
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


def lock_event(session: Session, event_id: int) -> Event:
    """The event row, locked until the transaction ends; UnknownEvent if none.

    Every writer at the door takes this lock first, then any tally rows.
    """
    event = session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if event is None:
        raise UnknownEvent(event_id)
    return event


def to_record(row: CheckIn) -> dict[str, Any]:
    record: dict[str, Any] = {"op": "checkin"}
    for name in RECORD_FIELDS:
        record[name] = getattr(row, name)
    return record


def from_record(record: dict[str, Any]) -> CheckIn:
    """A CheckIn row from a journal line, as it was when journalled."""
    values = {name: record.get(name) for name in RECORD_FIELDS}
    values["at"] = dt.datetime.fromisoformat(record["at"])
    return CheckIn(
        **values,
        annulled=False,
        flagged=False,
        uploaded=False,
    )
