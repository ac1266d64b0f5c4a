"""Creating, changing, copying and cancelling events, with their door rules.

Every call checks MANAGE_EVENTS and writes the change and its audit entry in
one transaction. A draft that does not hold together is refused with every
problem named, field by field, so a form can mark each one.

Yearly caps count across all events of a kind in the programme year, so an
event that has admitted anyone keeps its kind and its year: moving it would
leave its entries counted against the wrong tally.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.checkin_rules import programme_year
from memberdesk.services.events import EventRow, require_event, to_row
from memberdesk.services.models import Event, Tier, utcnow
from memberdesk.services.permissions import Action, Actor, require

log = logging.getLogger(__name__)

KINDS = ("vip_salon", "popup", "hq_visit", "member_day", "workshop")
MAX_CAPACITY = 100_000
MAX_NAME = 120


@dataclass(frozen=True)
class EventDraft:
    """An event as a form fills it in; every time aware."""

    name: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str = ""
    doors_open_at: dt.datetime | None = None
    doors_close_at: dt.datetime | None = None
    capacity: int | None = None
    eligible_tiers: tuple[str, ...] = ("diamond",)
    registration_required: bool = False
    reentry_allowed: bool = True
    member_yearly_cap: int | None = None
    kind_yearly_cap: int | None = None


_FIELDS = tuple(f.name for f in dataclasses.fields(EventDraft))


class EventInvalid(ValueError):
    """A draft refused; `problems` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


class EventChangeRefused(Exception):
    """A change that the event's state forbids (cancelled, already admitting)."""


def draft_of(event: Event) -> EventDraft:
    return EventDraft(
        name=event.name,
        kind=event.kind,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue=event.venue,
        doors_open_at=event.doors_open_at,
        doors_close_at=event.doors_close_at,
        capacity=event.capacity,
        eligible_tiers=tuple(event.eligible_tiers.split()),
        registration_required=event.registration_required,
        reentry_allowed=event.reentry_allowed,
        member_yearly_cap=event.member_yearly_cap,
        kind_yearly_cap=event.kind_yearly_cap,
    )


def _tiers(value: str | Iterable[str]) -> tuple[str, ...]:
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    return tuple(dict.fromkeys(t.strip().lower() for t in items if t.strip()))


def validate(draft: EventDraft, tier_codes: Iterable[str]) -> EventDraft:
    """The draft, tidied; EventInvalid naming every problem otherwise."""
    known = tuple(tier_codes)
    draft = dataclasses.replace(
        draft,
        name=" ".join(draft.name.split()),
        venue=" ".join(draft.venue.split()),
        kind=draft.kind.strip().lower(),
        eligible_tiers=_tiers(draft.eligible_tiers),
    )
    problems: dict[str, str] = {}
    if not draft.name:
        problems["name"] = "the event needs a name"
    elif len(draft.name) > MAX_NAME:
        problems["name"] = f"the name is longer than {MAX_NAME} characters"
    if len(draft.venue) > 120:
        problems["venue"] = "the venue is longer than 120 characters"
    if draft.kind not in KINDS:
        problems["kind"] = f"the kind is one of {', '.join(KINDS)}"
    for name in ("starts_at", "ends_at", "doors_open_at", "doors_close_at"):
        value = getattr(draft, name)
        if value is not None and value.tzinfo is None:
            problems[name] = f"{_words(name)} has no time zone"
    if not problems.keys() & {"starts_at", "ends_at"}:
        if draft.ends_at <= draft.starts_at:
            problems["ends_at"] = "the event must end after it starts"
    _check_window(draft, problems)
    if draft.capacity is not None and not 1 <= draft.capacity <= MAX_CAPACITY:
        problems["capacity"] = f"capacity is from 1 to {MAX_CAPACITY}, or none"
    if not draft.eligible_tiers:
        problems["eligible_tiers"] = "at least one tier must be eligible"
    else:
        unknown = [t for t in draft.eligible_tiers if t not in known]
        if unknown:
            problems["eligible_tiers"] = (
                f"no tier {', '.join(unknown)}; the tiers are {', '.join(known)}"
            )
    for name in ("member_yearly_cap", "kind_yearly_cap"):
        value = getattr(draft, name)
        if value is not None and not 1 <= value <= MAX_CAPACITY:
            problems[name] = f"{_words(name)} is from 1 to {MAX_CAPACITY}, or none"
    if problems:
        raise EventInvalid(problems)
    return draft


def _check_window(draft: EventDraft, problems: dict[str, str]) -> None:
    opens, closes = draft.doors_open_at, draft.doors_close_at
    if (opens is None) != (closes is None):
        problems["doors_close_at" if closes is None else "doors_open_at"] = (
            "the door window needs both an opening and a closing time"
        )
        return
    if opens is None or problems.keys() & {"doors_open_at", "doors_close_at"}:
        return
    if closes <= opens:
        problems["doors_close_at"] = "the doors must close after they open"
    elif not problems.keys() & {"starts_at", "ends_at"} and (
        opens >= draft.ends_at or closes <= draft.starts_at
    ):
        problems["doors_open_at"] = "the door window must overlap the event"


def _words(field: str) -> str:
    return {
        "starts_at": "the start",
        "ends_at": "the end",
        "doors_open_at": "the door opening",
        "doors_close_at": "the door closing",
        "member_yearly_cap": "the yearly cap per member",
        "kind_yearly_cap": "the yearly cap for the kind",
    }.get(field, field)


def _record(event: Event) -> dict:
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in dataclasses.asdict(draft_of(event)).items()
    } | {"cancelled": event.cancelled}


def _apply(event: Event, draft: EventDraft) -> None:
    for name in _FIELDS:
        value = getattr(draft, name)
        if name == "eligible_tiers":
            value = " ".join(value)
        setattr(event, name, value)


class EventService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        audit: AuditLog,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._audit = audit
        self._clock = clock

    def create(self, actor: Actor, draft: EventDraft) -> EventRow:
        require(actor, Action.MANAGE_EVENTS)
        with writing(self._sessions) as s:
            draft = validate(draft, _tier_codes(s))
            event = Event(admitted=0, inside=0, cancelled=False)
            _apply(event, draft)
            s.add(event)
            s.flush()
            self._audit.append(
                s, actor, "event_created", "event", event.id, None, _record(event)
            )
            row = to_row(event)
        log.info("event %s (%s) created by %s", row.id, row.kind, actor.login)
        return row

    def edit(self, actor: Actor, event_id: int, **changes: object) -> EventRow:
        """Change some fields of a draft; the rest stay as they are."""
        require(actor, Action.MANAGE_EVENTS)
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise EventInvalid({f: f"{f} is not a field of an event" for f in unknown})
        with writing(self._sessions) as s:
            event = _locked(s, event_id)
            if event.cancelled:
                raise EventChangeRefused(
                    "a cancelled event cannot be changed; copy it instead"
                )
            before = _record(event)
            draft = validate(
                dataclasses.replace(draft_of(event), **changes), _tier_codes(s)
            )
            _check_counted(event, draft)
            _apply(event, draft)
            s.flush()
            after = _record(event)
            changed = {k for k in after if after[k] != before[k]}
            self._audit.append(
                s,
                actor,
                "event_changed",
                "event",
                event.id,
                {k: before[k] for k in changed},
                {k: after[k] for k in changed},
            )
            row = to_row(event)
        log.info("event %s changed by %s: %s", event_id, actor.login, sorted(changed))
        return row

    def copy(
        self,
        actor: Actor,
        event_id: int,
        *,
        starts_at: dt.datetime | None = None,
        name: str | None = None,
    ) -> EventRow:
        """A new event with the same rules and no stale door window.

        Given a new start, the event's times and its door window move with
        it. Without one, the copy keeps the dates and has no door window
        until one is set: the door refuses with window_not_set meanwhile.
        """
        require(actor, Action.MANAGE_EVENTS)
        with writing(self._sessions) as s:
            source = require_event(s, event_id)
            draft = draft_of(source)
            if starts_at is None:
                draft = dataclasses.replace(
                    draft, doors_open_at=None, doors_close_at=None
                )
            else:
                if starts_at.tzinfo is None:
                    raise EventInvalid({"starts_at": "the start has no time zone"})
                shift = starts_at - source.starts_at
                draft = dataclasses.replace(
                    draft,
                    starts_at=draft.starts_at + shift,
                    ends_at=draft.ends_at + shift,
                    doors_open_at=_moved(draft.doors_open_at, shift),
                    doors_close_at=_moved(draft.doors_close_at, shift),
                )
            if name is not None:
                draft = dataclasses.replace(draft, name=name)
            draft = validate(draft, _tier_codes(s))
            event = Event(admitted=0, inside=0, cancelled=False, copied_from=source.id)
            _apply(event, draft)
            s.add(event)
            s.flush()
            self._audit.append(
                s,
                actor,
                "event_copied",
                "event",
                event.id,
                {"copied_from": source.id},
                _record(event),
            )
            row = to_row(event)
        log.info("event %s copied to %s by %s", event_id, row.id, actor.login)
        return row

    def cancel(self, actor: Actor, event_id: int, reason: str) -> EventRow:
        require(actor, Action.MANAGE_EVENTS)
        reason = " ".join((reason or "").split())
        if not reason:
            raise EventInvalid({"reason": "say why the event is cancelled"})
        with writing(self._sessions) as s:
            event = _locked(s, event_id)
            if event.cancelled:
                raise EventChangeRefused("the event is cancelled already")
            event.cancelled = True
            self._audit.append(
                s,
                actor,
                "event_cancelled",
                "event",
                event.id,
                {"cancelled": False},
                {"cancelled": True, "reason": reason[:200], "admitted": event.admitted},
            )
            row = to_row(event)
        log.info("event %s cancelled by %s", event_id, actor.login)
        return row

    def draft(self, event_id: int) -> EventDraft:
        """The event as a form would show it, to edit or to copy."""
        with self._sessions() as s:
            return draft_of(require_event(s, event_id))


def _moved(value: dt.datetime | None, shift: dt.timedelta) -> dt.datetime | None:
    return None if value is None else value + shift


def _locked(s: Session, event_id: int) -> Event:
    # The door holds this lock while it counts; an edit waits its turn.
    event = s.scalar(select(Event).where(Event.id == event_id).with_for_update())
    if event is None:
        return require_event(s, event_id)
    return event


def _check_counted(event: Event, draft: EventDraft) -> None:
    if not event.admitted:
        return
    if draft.kind != event.kind:
        raise EventChangeRefused(
            f"{event.admitted} members were admitted as {event.kind}; the kind "
            "of an event that has admitted anyone cannot change"
        )
    if programme_year(_as_event(draft)) != programme_year(event):
        raise EventChangeRefused(
            "the event has admitted members and counts in its year's caps; it "
            "cannot move to another year"
        )
    if draft.capacity is not None and draft.capacity < event.admitted:
        raise EventChangeRefused(
            f"{event.admitted} members are admitted already; capacity cannot go "
            "below that"
        )


def _as_event(draft: EventDraft) -> Event:
    return Event(kind=draft.kind, starts_at=draft.starts_at)


def _tier_codes(s: Session) -> list[str]:
    return list(s.scalars(select(Tier.code).order_by(Tier.rank)))
