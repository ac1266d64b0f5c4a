"""The one rules engine that decides a scan at the door, online or offline.

Every scan becomes a check-in row with a stable reason code, admitted or not.
The guarantees that matter under concurrency come from the database: the
partial unique index on live first entries, and the event's admitted counter
taken under a row lock (SELECT ... FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE
on SQLite).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import cardformat, keys
from memberdesk.services.audit import AuditLog
from memberdesk.services.models import (
    Card,
    CheckIn,
    Event,
    Member,
    Registration,
    utcnow,
)
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.reasons import ADMITTING, Reason

log = logging.getLogger(__name__)


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

    @property
    def admitted(self) -> bool:
        return self.reason in ADMITTING


class _Refused(Exception):
    def __init__(self, reason: Reason, detail: str = "", **facts: object) -> None:
        super().__init__(detail or reason.value)
        self.reason = reason
        self.detail = detail
        self.facts = facts


class Door:
    """Decides scans for one station. Public keys are loaded once."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        station: str,
        clock: Callable[[], dt.datetime] = utcnow,
        domain: str = cardformat.DEFAULT_DOMAIN,
        audit: AuditLog | None = None,
    ) -> None:
        self._sessions = sessions
        self.station = station
        self._clock = clock
        self._domain = domain
        self._audit = audit or AuditLog(station)
        self._public_keys: dict | None = None

    def reload_keys(self) -> None:
        self._public_keys = None

    def _keys(self, session: Session) -> dict:
        if self._public_keys is None:
            self._public_keys = keys.public_keys(session)
        return self._public_keys

    def decide_card(
        self, event_id: int, uid: bytes, message: bytes, actor: Actor
    ) -> Verdict:
        """Decide a card tap: `message` is the NDEF message read off chip `uid`.

        The verdict, its check-in row and its audit entry commit together.
        """
        require(actor, Action.CHECK_IN)
        staff_id = actor.staff_id
        now = self._clock()
        with self._sessions() as session:
            _begin_locked(session)
            try:
                verdict = self._decide(session, event_id, uid, message, now, staff_id)
                self._log(session, actor, verdict)
                session.commit()
            except IntegrityError:
                # Another desk admitted this member between our check and our
                # insert: the unique index decided, and it is a duplicate.
                session.rollback()
                _begin_locked(session)
                verdict = self._record_refusal(
                    session,
                    event_id,
                    _Refused(Reason.DUPLICATE),
                    uid,
                    now,
                    staff_id,
                    facts=self._facts_for(session, message),
                )
                self._log(session, actor, verdict)
                session.commit()
        log.info("scan at event %s: %s", event_id, verdict.reason.value)
        return verdict

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
            },
        )

    def _facts_for(self, session: Session, message: bytes) -> dict:
        card = cardformat.decode_message(message, self._domain)
        member = session.get(Member, card.payload.member_id)
        return {
            "member_id": card.payload.member_id,
            "member_name": member.name if member else "",
            "tier_code": member.tier_code if member else "",
            "card_number": card.payload.card_number,
        }

    def _decide(
        self,
        session: Session,
        event_id: int,
        uid: bytes,
        message: bytes,
        now: dt.datetime,
        staff_id: int | None,
    ) -> Verdict:
        event = session.scalar(
            select(Event).where(Event.id == event_id).with_for_update()
        )
        if event is None:
            raise LookupError(f"no event with id {event_id}")
        try:
            card, member = self._check_card(session, uid, message, now)
            self._check_member(session, event, member, now)
            if self._has_live_entry(session, event.id, member.id):
                raise _Refused(Reason.DUPLICATE)
            if event.capacity is not None and event.admitted >= event.capacity:
                raise _Refused(Reason.CAPACITY_REACHED)
        except _Refused as refusal:
            return self._record_refusal(session, event_id, refusal, uid, now, staff_id)

        row = CheckIn(
            id=str(uuid.uuid4()),
            event_id=event.id,
            member_id=member.id,
            card_id=card.id,
            station=self.station,
            staff_id=staff_id,
            source="card",
            verdict=Reason.ADMITTED.value,
            admitted=True,
            first_entry=True,
            uid=uid.hex().upper(),
            at=now,
        )
        session.add(row)
        event.admitted += 1
        session.flush()
        return Verdict(
            Reason.ADMITTED,
            event.id,
            member.id,
            member.name,
            member.tier_code,
            card.card_number,
            row.id,
        )

    def _check_card(
        self, session: Session, uid: bytes, message: bytes, now: dt.datetime
    ) -> tuple[Card, Member]:
        try:
            signed = cardformat.decode_message(message, self._domain)
        except cardformat.CardFormatError as exc:
            raise _Refused(Reason(exc.reason), str(exc)) from exc
        payload = signed.payload
        facts = {"member_id": payload.member_id, "card_number": payload.card_number}

        known = self._keys(session).get(payload.key_id)
        if known is None:
            raise _Refused(Reason.UNKNOWN_KEY, f"key {payload.key_id}", **facts)
        public_key, retired_at = known
        if retired_at is not None and now >= retired_at:
            raise _Refused(Reason.KEY_RETIRED, f"key {payload.key_id}", **facts)

        cards = session.scalars(
            select(Card).where(Card.card_number == payload.card_number)
        ).all()
        card = next((c for c in cards if c.issue_number == payload.issue_number), None)

        if not cardformat.verify(signed, uid, public_key):
            # Distinguish a copy (valid for the chip it was issued on) from a
            # forgery, so the door can say which.
            issued_uid = bytes.fromhex(card.uid) if card and card.uid else None
            if issued_uid and cardformat.verify(signed, issued_uid, public_key):
                raise _Refused(Reason.UID_MISMATCH, **facts)
            raise _Refused(Reason.BAD_SIGNATURE, **facts)

        newest = max(
            (c.issue_number for c in cards if c.status != "failed"), default=None
        )
        if newest is not None and payload.issue_number < newest:
            raise _Refused(Reason.SUPERSEDED_ISSUE, **facts)
        if card is None:
            raise _Refused(Reason.UNKNOWN_CARD, **facts)
        if card.status in ("revoked", "lost"):
            raise _Refused(Reason.REVOKED_CARD, **facts)
        if card.uid and card.uid != uid.hex().upper():
            raise _Refused(Reason.UID_MISMATCH, **facts)
        if card.member_id != payload.member_id:
            raise _Refused(Reason.BAD_SIGNATURE, "member does not match", **facts)

        member = session.get(Member, payload.member_id)
        if member is None:
            raise _Refused(Reason.UNKNOWN_MEMBER, **facts)
        return card, member

    def _check_member(
        self, session: Session, event: Event, member: Member, now: dt.datetime
    ) -> None:
        facts = {
            "member_id": member.id,
            "member_name": member.name,
            "tier_code": member.tier_code,
        }
        if event.cancelled:
            raise _Refused(Reason.EVENT_CANCELLED, **facts)
        if member.tier_code not in event.eligible_tiers.split():
            raise _Refused(Reason.TIER_NOT_ELIGIBLE, **facts)
        if not event.doors_open_at <= now <= event.doors_close_at:
            raise _Refused(Reason.OUTSIDE_WINDOW, **facts)
        if (
            event.registration_required
            and session.get(Registration, (event.id, member.id)) is None
        ):
            raise _Refused(Reason.NOT_REGISTERED, **facts)

    def _has_live_entry(self, session: Session, event_id: int, member_id: int) -> bool:
        return (
            session.scalar(
                select(CheckIn.id).where(
                    CheckIn.event_id == event_id,
                    CheckIn.member_id == member_id,
                    CheckIn.first_entry.is_(True),
                    CheckIn.annulled.is_(False),
                )
            )
            is not None
        )

    def _record_refusal(
        self,
        session: Session,
        event_id: int,
        refusal: _Refused,
        uid: bytes,
        now: dt.datetime,
        staff_id: int | None,
        facts: dict | None = None,
    ) -> Verdict:
        facts = {**refusal.facts, **(facts or {})}
        member_id = facts.get("member_id")
        if member_id is not None and session.get(Member, member_id) is None:
            member_id = None
        if member_id is not None and "member_name" not in facts:
            member = session.get(Member, member_id)
            facts["member_name"] = member.name
            facts["tier_code"] = member.tier_code
        row = CheckIn(
            id=str(uuid.uuid4()),
            event_id=event_id,
            member_id=member_id,
            station=self.station,
            staff_id=staff_id,
            source="card",
            verdict=refusal.reason.value,
            admitted=False,
            uid=uid.hex().upper() if uid else None,
            at=now,
        )
        session.add(row)
        session.flush()
        return Verdict(
            refusal.reason,
            event_id,
            member_id,
            str(facts.get("member_name", "")),
            str(facts.get("tier_code", "")),
            facts.get("card_number"),  # type: ignore[arg-type]
            row.id,
            refusal.detail,
        )


def _begin_locked(session: Session) -> None:
    """Start the transaction so that it serialises writers on SQLite too."""
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
