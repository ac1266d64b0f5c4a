"""What the door station shows beside the verdict, and the upload queue.

Counters (inside, admitted, capacity, not yet uploaded) and the last scans
are read here, in plain rows safe to hand to another thread.
`pending_uploads` counts the check-ins the sync has still to upload.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.services.events import require_event
from memberdesk.services.models import CheckIn, Member
from memberdesk.services.reasons import NEVER_OVERRIDDEN, SUCCEEDING, Reason

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DoorCounters:
    event_id: int
    inside: int
    admitted: int
    capacity: int | None
    pending_uploads: int  # this station's check-ins the server has not got

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.admitted)


@dataclass(frozen=True)
class ScanRow:
    """One line of the door's last scans."""

    checkin_id: str
    seq: int | None
    at: dt.datetime
    reason: Reason
    direction: str
    source: str
    member_id: int | None
    member_name: str
    tier_code: str
    annulled: bool
    override_of: str | None
    # A second entry the server (or a replay) flagged: kept, not counted.
    flagged: bool = False

    @property
    def ok(self) -> bool:
        return self.reason in SUCCEEDING

    @property
    def can_undo(self) -> bool:
        """An admission or exit that an annulment would take back."""
        return self.ok and not self.annulled

    @property
    def can_override(self) -> bool:
        return (
            not self.ok
            and not self.annulled
            and not self.flagged
            and self.member_id is not None
            and self.direction == "in"
            and self.reason not in NEVER_OVERRIDDEN
        )


def counters(
    session: Session, event_id: int, station: str | None = None
) -> DoorCounters:
    """The event's counters; pending uploads of `station`, or of all if None."""
    event = require_event(session, event_id)
    return DoorCounters(
        event.id,
        event.inside,
        event.admitted,
        event.capacity,
        pending_uploads(session, station),
    )


def last_scans(
    session: Session, event_id: int, station: str | None = None, limit: int = 10
) -> list[ScanRow]:
    """The newest scans at an event, newest first, in the station's own order.

    With a station, its sequence orders them, so a clock set back does not
    shuffle the list; across stations the scan time does.
    """
    query = (
        select(CheckIn, Member.name, Member.tier_code)
        .outerjoin(Member, Member.id == CheckIn.member_id)
        .where(CheckIn.event_id == event_id)
        .limit(max(1, limit))
    )
    if station is not None:
        query = query.where(CheckIn.station == station).order_by(
            CheckIn.seq.desc(), CheckIn.at.desc()
        )
    else:
        query = query.order_by(CheckIn.at.desc(), CheckIn.seq.desc())
    return [
        ScanRow(
            row.id,
            row.seq,
            row.at,
            _reason(row.verdict),
            row.direction,
            row.source,
            row.member_id,
            name or "",
            tier or "",
            row.annulled,
            row.override_of,
            row.flagged,
        )
        for row, name, tier in session.execute(query)
    ]


def _reason(code: str) -> Reason | str:
    try:
        return Reason(code)
    except ValueError:
        return code  # written by a newer station


def pending_uploads(session: Session, station: str | None = None) -> int:
    """How many check-ins wait for upload (this station's, or all)."""
    query = select(func.count()).select_from(CheckIn).where(CheckIn.uploaded.is_(False))
    if station is not None:
        query = query.where(CheckIn.station == station)
    return session.scalar(query) or 0
