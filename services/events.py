"""Event look-ups for the events page, the door and the CLI."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.models import Event

log = logging.getLogger(__name__)


class UnknownEvent(LookupError):
    """No event has the id that was asked for."""

    def __init__(self, event_id: int) -> None:
        super().__init__(f"no event with id {event_id}")
        self.event_id = event_id


@dataclass(frozen=True)
class EventRow:
    """An event as the lists show it; plain data, safe to pass between threads."""

    id: int
    name: str
    kind: str
    venue: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    doors_open_at: dt.datetime | None  # None: no door window set yet
    doors_close_at: dt.datetime | None
    capacity: int | None
    admitted: int
    eligible_tiers: tuple[str, ...]
    registration_required: bool = False
    cancelled: bool = False
    reentry_allowed: bool = True
    member_yearly_cap: int | None = None
    kind_yearly_cap: int | None = None
    inside: int = 0
    copied_from: int | None = None


def eligible_tiers(event: Event | EventRow) -> tuple[str, ...]:
    """The tier codes an event admits, in the order they were written."""
    if isinstance(event, EventRow):
        return event.eligible_tiers
    return tuple(event.eligible_tiers.split())


def to_row(event: Event) -> EventRow:
    return EventRow(
        id=event.id,
        name=event.name,
        kind=event.kind,
        venue=event.venue,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        doors_open_at=event.doors_open_at,
        doors_close_at=event.doors_close_at,
        capacity=event.capacity,
        admitted=event.admitted,
        eligible_tiers=eligible_tiers(event),
        registration_required=event.registration_required,
        cancelled=event.cancelled,
        reentry_allowed=event.reentry_allowed,
        member_yearly_cap=event.member_yearly_cap,
        kind_yearly_cap=event.kind_yearly_cap,
        inside=event.inside or 0,
        copied_from=event.copied_from,
    )


def list_events(session: Session, include_cancelled: bool = False) -> list[EventRow]:
    """Every event, earliest start first."""
    stmt = select(Event).order_by(Event.starts_at, Event.id)
    if not include_cancelled:
        stmt = stmt.where(Event.cancelled.is_(False))
    return [to_row(e) for e in session.scalars(stmt)]


def require_event(session: Session, event_id: int) -> Event:
    """The event with `event_id`, or UnknownEvent."""
    event = session.get(Event, event_id)
    if event is None:
        raise UnknownEvent(event_id)
    return event


def event_is_open(event: Event | EventRow, now: dt.datetime) -> bool:
    """Whether the doors are open at `now`: from opening up to, not at, closing.

    A cancelled event, or one without a door window yet, is never open. `now`
    must be aware; comparing a naive time with stored UTC would silently be off
    by the station's offset.
    """
    if now.tzinfo is None:
        raise ValueError("naive datetime given; pass an aware time")
    if event.cancelled or event.doors_open_at is None or event.doors_close_at is None:
        return False
    return event.doors_open_at <= now < event.doors_close_at
