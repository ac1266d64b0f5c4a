"""The one rules engine that decides a scan at the door, online or offline.

Every scan, a card tap or a QR code, in or out, becomes a check-in row with a
stable reason code, admitted or not. The guarantees that matter under
concurrency come from the database: the partial unique index on live first
entries, and counters taken under row locks -- the event's row (capacity, who
is inside) and the yearly tallies -- with SELECT ... FOR UPDATE on PostgreSQL
and inside BEGIN IMMEDIATE on SQLite. Every decision locks the event row
first, the tallies after it, in one order for every desk.

Each row is also written to the station's journal before its transaction
commits, so a damaged database loses no check-in (see `recovery`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import cardformat, door_actions, keys, recovery
from memberdesk.services import checkin_rules as rules
from memberdesk.services.audit import AuditLog
from memberdesk.services.checkin_rows import Recorder, begin_locked, lock_event
from memberdesk.services.checkin_rules import Identity, Refused
from memberdesk.services.door_actions import (
    Annulment,
    DoorActionRefused,
    SupervisorSignIn,
)
from memberdesk.services.journal import CheckinJournal, journal_beside
from memberdesk.services.models import CheckIn, Event, Member, utcnow
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.reasons import (
    ADMITTING,
    NEVER_OVERRIDDEN,
    SUCCEEDING,
    Reason,
)

if TYPE_CHECKING:
    from memberdesk.services.staff import StaffService

log = logging.getLogger(__name__)

__all__ = [
    "Annulment",
    "Door",
    "DoorActionRefused",
    "SupervisorSignIn",
    "Verdict",
    "begin_locked",
    "lock_event",
]

Direction = Literal["in", "out"]
# How old the door's copy of the public keys may be, in seconds.
KEYS_FRESH = 1.0
# A unique index that fires is another desk's commit landing between our
# check and our insert; deciding again sees it. More than this is a bug.
_ATTEMPTS = 3


@dataclass(frozen=True)
class Verdict:
    reason: Reason
    event_id: int
    member_id: int | None = None
    member_name: str = ""
    tier_code: str = ""
    card_number: int | None = None
    checkin_id: str | None = None
    detail: str = ""
    source: str = "card"
    direction: str = "in"
    seq: int | None = None
    at: dt.datetime | None = None
    # The event's counters once this scan is counted.
    inside: int | None = None
    admitted_total: int | None = None
    capacity: int | None = None

    @property
    def admitted(self) -> bool:
        return self.reason in ADMITTING

    @property
    def ok(self) -> bool:
        """Green at the desk: admitted, or an exit recorded."""
        return self.reason in SUCCEEDING

    @property
    def overridable(self) -> bool:
        """Whether a supervisor may admit over this refusal."""
        return (
            not self.ok
            and self.checkin_id is not None
            and self.member_id is not None
            and self.direction == "in"
            and self.reason not in NEVER_OVERRIDDEN
        )


class Door:
    """Decides scans for one station. Public keys are loaded once.

    `journal` is the station's check-in journal; by default the file beside
    an SQLite database, or in the data folder for a server. `staff` checks a
    supervisor's PIN or password for overrides and annulments.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        station: str,
        clock: Callable[[], dt.datetime] = utcnow,
        audit: AuditLog | None = None,
        journal: CheckinJournal | None | Literal["auto"] = "auto",
        staff: StaffService | None = None,
        *,
        decode: Callable[[bytes], cardformat.SignedCard],
    ) -> None:
        self._sessions = sessions
        self.station = station
        # Reading a card's NDEF message is the NFC side's job: the composition
        # root hands its decoder in (memberdesk.nfc.cardmessage.decoder).
        self._decode = decode
        self._audit = audit or AuditLog(station)
        self._public_keys: dict | None = None
        self._keys_version: tuple | None = None
        self._keys_checked = 0.0
        self._staff = staff
        if journal == "auto":
            journal = journal_beside(sessions, station)
        self.recorder = Recorder(station, journal, clock)

    @property
    def journal(self) -> CheckinJournal | None:
        return self.recorder.journal

    @property
    def clock_set_back(self) -> dt.timedelta | None:
        """How far the station clock last jumped back, if it ever did."""
        return self.recorder.clock_set_back

    def settle_journal(self) -> list[str]:
        """Before the first scan: journalled check-ins the database lacks are
        added, flagged for review (see `recovery.settle_journal`)."""
        if self.journal is None:
            return []
        return recovery.settle_journal(self._sessions, self.journal, self._audit)

    def reload_keys(self) -> None:
        self._public_keys = None
        self._keys_checked = 0.0

    def _keys(self, session: Session) -> dict:
        # A sync or another desk may add or retire a key at any time: a
        # retired key stops admitting within KEYS_FRESH seconds, not at the
        # next start. Looking every second keeps the tap's queries few.
        now = time.monotonic()
        if self._public_keys is None or now - self._keys_checked >= KEYS_FRESH:
            version = keys.keys_version(session)
            if self._public_keys is None or version != self._keys_version:
                self._public_keys = keys.public_keys(session)
                self._keys_version = version
            self._keys_checked = now
        return self._public_keys

    def decide_card(
        self,
        event_id: int | None,
        uid: bytes,
        message: bytes,
        actor: Actor,
        *,
        direction: Direction = "in",
    ) -> Verdict:
        """Decide a card tap: `message` is the NDEF message read off chip `uid`.

        The verdict, its check-in row and its audit entry commit together;
        the journal line is on disk before that.
        """

        def identify(session: Session, now: dt.datetime) -> Identity:
            return rules.check_card(
                session, self._keys(session), self._decode, uid, message, now
            )

        return self._scan(event_id, actor, direction, "card", uid, identify)

    def decide_qr(
        self,
        event_id: int | None,
        text: str,
        actor: Actor,
        *,
        direction: Direction = "in",
    ) -> Verdict:
        """Decide a member QR code as the scanner typed it, by the same rules."""

        def identify(session: Session, now: dt.datetime) -> Identity:
            return rules.check_qr(session, self._keys(session), text, now)

        return self._scan(event_id, actor, direction, "qr", None, identify)

    def _scan(
        self,
        event_id: int | None,
        actor: Actor,
        direction: Direction,
        source: str,
        uid: bytes | None,
        identify: Callable[[Session, dt.datetime], Identity],
    ) -> Verdict:
        require(actor, Action.CHECK_IN)
        if direction not in ("in", "out"):
            raise ValueError(f"direction is 'in' or 'out', not {direction!r}")
        if event_id is None:
            log.info("%s scan with no event chosen: not recorded", source)
            return Verdict(Reason.NO_EVENT, 0, source=source, direction=direction)
        now = self.recorder.now()
        scan = _Scan(event_id, actor, direction, source, uid, identify, now)
        with self._sessions() as session:
            for attempt in range(1, _ATTEMPTS + 1):
                begin_locked(session)
                try:
                    verdict, row = self._decide(session, scan)
                    self._log(session, actor, verdict)
                    self.recorder.journal_row(row)
                except IntegrityError:
                    session.rollback()
                    self.recorder.resync()
                    if attempt == _ATTEMPTS:
                        raise
                    log.info("scan raced another desk; deciding again")
                    continue
                except BaseException:
                    session.rollback()
                    raise
                self.recorder.commit(session, [row.id])
                break
        log.info("%s scan at event %s: %s", source, event_id, verdict.reason.value)
        return verdict

    def _decide(self, session: Session, scan: _Scan) -> tuple[Verdict, CheckIn]:
        event = lock_event(session, scan.event_id)
        try:
            who = scan.identify(session, scan.now)
            if scan.direction == "out":
                return self._exit(session, event, scan, who)
            return self._enter(session, event, scan, who)
        except Refused as refusal:
            return self._refuse(session, event, scan, refusal)

    def _enter(
        self, session: Session, event: Event, scan: _Scan, who: Identity
    ) -> tuple[Verdict, CheckIn]:
        member = who.member
        rules.check_entry(session, event, member, scan.now)
        where = rules.presence(session, event.id, member.id)
        if where.inside:
            raise Refused(Reason.DUPLICATE, **rules.member_facts(member))
        if where.entered:
            if not event.reentry_allowed:
                raise Refused(Reason.REENTRY_NOT_ALLOWED, **rules.member_facts(member))
            reason, first = Reason.REENTRY, False
        else:
            if event.capacity is not None and event.admitted >= event.capacity:
                raise Refused(Reason.CAPACITY_REACHED, **rules.member_facts(member))
            tallies = rules.tallies_for(session, event, member.id)
            rules.check_caps(event, member, tallies)
            tallies.add(session, 1)
            event.admitted += 1
            reason, first = Reason.ADMITTED, True
        event.inside += 1
        row = self._row(session, scan, who, reason, admitted=True, first=first)
        return self._verdict(event, row, member, who.card_number), row

    def _exit(
        self, session: Session, event: Event, scan: _Scan, who: Identity
    ) -> tuple[Verdict, CheckIn]:
        member = who.member
        if not rules.presence(session, event.id, member.id).inside:
            raise Refused(Reason.NOT_INSIDE, **rules.member_facts(member))
        event.inside = max(0, event.inside - 1)
        row = self._row(session, scan, who, Reason.EXITED, admitted=False, first=False)
        return self._verdict(event, row, member, who.card_number), row

    def _row(
        self,
        session: Session,
        scan: _Scan,
        who: Identity,
        reason: Reason,
        admitted: bool,
        first: bool,
    ) -> CheckIn:
        return self.recorder.add(
            session,
            event_id=scan.event_id,
            member_id=who.member.id,
            card_id=who.card.id if who.card else None,
            staff_id=scan.actor.staff_id,
            source=scan.source,
            direction=scan.direction,
            verdict=reason.value,
            admitted=admitted,
            first_entry=first,
            uid=scan.uid.hex().upper() if scan.uid else None,
            qr_serial=who.qr_serial,
            at=scan.now,
        )

    def _refuse(
        self, session: Session, event: Event, scan: _Scan, refusal: Refused
    ) -> tuple[Verdict, CheckIn]:
        facts = dict(refusal.facts)
        member_id = facts.get("member_id")
        member = session.get(Member, member_id) if member_id is not None else None
        row = self.recorder.add(
            session,
            event_id=scan.event_id,
            member_id=member.id if member else None,
            staff_id=scan.actor.staff_id,
            source=scan.source,
            direction=scan.direction,
            verdict=refusal.reason.value,
            admitted=False,
            first_entry=False,
            uid=scan.uid.hex().upper() if scan.uid else None,
            at=scan.now,
        )
        verdict = self._verdict(event, row, member, facts.get("card_number"))
        return _with_detail(verdict, refusal.detail), row

    def _verdict(
        self,
        event: Event,
        row: CheckIn,
        member: Member | None,
        card_number: int | None,
    ) -> Verdict:
        return Verdict(
            Reason(row.verdict),
            event.id,
            member.id if member else None,
            member.name if member else "",
            member.tier_code if member else "",
            card_number,
            row.id,
            source=row.source,
            direction=row.direction,
            seq=row.seq,
            at=row.at,
            inside=event.inside,
            admitted_total=event.admitted,
            capacity=event.capacity,
        )

    def _log(self, session: Session, actor: Actor, verdict: Verdict) -> None:
        self._audit.append(
            session,
            actor,
            "checkin",
            "checkin",
            verdict.checkin_id,
            None,
            {
                "event_id": verdict.event_id,
                "member_id": verdict.member_id,
                "verdict": verdict.reason.value,
                "admitted": verdict.admitted,
                "source": verdict.source,
                "direction": verdict.direction,
            },
        )

    def supervisor(self, credentials: SupervisorSignIn) -> Actor:
        """The supervisor behind `credentials`; SignInFailed when they are wrong."""
        return door_actions.sign_in_supervisor(self._staff, credentials, self.station)

    def annul(
        self,
        checkin_id: str,
        reason: str,
        actor: Actor,
        supervisor: SupervisorSignIn | None = None,
    ) -> Annulment:
        """Annul a mistaken admission or exit: the place and counters come back.

        The row stays, marked annulled. Door staff need a supervisor's PIN or
        password; operators and admins annul on their own.
        """
        return door_actions.annul(self, checkin_id, reason, actor, supervisor)

    def override(
        self,
        checkin_id: str,
        reason: str,
        actor: Actor,
        supervisor: SupervisorSignIn,
    ) -> Verdict:
        """Admit over a refusal, on a supervisor's PIN or password and a reason.

        The refusal stays as it was; a new admitted row names it. Refusals of
        a card or code that is not trusted can never be overridden.
        """
        return door_actions.override(self, checkin_id, reason, actor, supervisor)


@dataclass(frozen=True)
class _Scan:
    event_id: int
    actor: Actor
    direction: Direction
    source: str
    uid: bytes | None
    identify: Callable[[Session, dt.datetime], Identity]
    now: dt.datetime


def _with_detail(verdict: Verdict, detail: str) -> Verdict:
    return replace(verdict, detail=detail) if detail else verdict
