"""A small programme for door tests: tiers, members, an event, signed cards."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from actors import add_actor
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.nfc.cardmessage import decoder, encode_message
from memberdesk.services import cardformat, keys, memberqr
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.checkin import Door, SupervisorSignIn, Verdict
from memberdesk.services.journal import journal_at
from memberdesk.services.models import Card, Event, Member, Registration
from memberdesk.services.permissions import Actor

NOW = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)


@dataclass
class Kit:
    sessions: sessionmaker[Session]
    issuer: keys.IssuerKeys
    event_id: int
    actor: Actor
    next_number: int = 10_000_001
    next_serial: int = 1
    journal_dir: Path | None = None
    staff: object | None = None

    def door(
        self,
        now: dt.datetime | None = None,
        station: str = "desk-1",
        clock=None,  # noqa: ANN001
    ) -> DeskDoor:
        at = now or NOW
        journal = (
            "auto"
            if self.journal_dir is None
            else journal_at(self.journal_dir / f"{station}.checkins.jsonl")
        )
        door = Door(
            self.sessions,
            station,
            clock=clock or (lambda: at),
            journal=journal,
            staff=self.staff,
            decode=decoder(),
        )
        return DeskDoor(door, self.actor)

    def qr(
        self,
        member_id: int,
        expires: dt.datetime | None = None,
        card_number: int = 0,
        issue: int = 0,
        serial: int | None = None,
    ) -> str:
        """A member code signed with the kit's key (not recorded as issued)."""
        if serial is None:
            serial, self.next_serial = self.next_serial, self.next_serial + 1
        payload = memberqr.QrPayload(
            key_id=self.issuer.signing_key_id,
            member_id=member_id,
            serial=serial,
            expires_at=expires or NOW + dt.timedelta(days=30),
            card_number=card_number,
            issue_number=issue,
        )
        return memberqr.encode_member_qr(payload, self.issuer.signing_key)

    def member(self, tier: str = "diamond", name: str = "王芳") -> int:
        with self.sessions.begin() as s:
            m = Member(
                name=name,
                phone="13800138000",
                phone_tail="8000",
                tier_code=tier,
                joined_at=NOW - dt.timedelta(days=400),
            )
            s.add(m)
            s.flush()
            return m.id

    def card(
        self,
        member_id: int,
        uid: bytes | None = None,
        issue: int = 1,
        status: str = "active",
        number: int | None = None,
    ) -> tuple[bytes, bytes]:
        """(uid, NDEF message) of a card issued and recorded for the member."""
        uid = uid or b"\x04" + os.urandom(6)
        if number is None:
            number = self.next_number
            self.next_number += 1
        payload = cardformat.CardPayload(
            self.issuer.signing_key_id, number, member_id, issue, NOW.date()
        )
        signed = cardformat.sign(payload, uid, self.issuer.signing_key)
        with self.sessions.begin() as s:
            s.add(
                Card(
                    card_number=number,
                    issue_number=issue,
                    member_id=member_id,
                    status=status,
                    uid=uid.hex().upper(),
                    chip="NTAG215",
                    key_id=self.issuer.signing_key_id,
                )
            )
        return uid, encode_message(signed)

    def register(self, member_id: int) -> None:
        with self.sessions.begin() as s:
            s.add(Registration(event_id=self.event_id, member_id=member_id))


@dataclass
class DeskDoor:
    """A door with its signed-in door staff member."""

    door: Door
    actor: Actor

    def decide_card(
        self, event_id: int, uid: bytes, message: bytes, direction: str = "in"
    ) -> Verdict:
        return self.door.decide_card(
            event_id, uid, message, self.actor, direction=direction
        )

    def decide_qr(self, event_id: int, text: str, direction: str = "in") -> Verdict:
        return self.door.decide_qr(event_id, text, self.actor, direction=direction)

    def annul(  # noqa: ANN201
        self, checkin_id: str, reason: str = "wrong member", **kw: object
    ):
        return self.door.annul(checkin_id, reason, self.actor, **kw)

    def override(  # noqa: ANN201
        self, checkin_id: str, supervisor: SupervisorSignIn, reason: str = "ok"
    ):
        return self.door.override(checkin_id, reason, self.actor, supervisor)


def make_kit(
    sessions: sessionmaker[Session],
    store,
    capacity: int | None = None,
    tiers: str = "diamond",
    registration: bool = False,
    kind: str = "vip_salon",
    reentry: bool = True,
    member_cap: int | None = None,
    kind_cap: int | None = None,
    journal_dir: Path | None = None,
) -> Kit:
    with sessions.begin() as s:
        install_catalogue(s)
        issuer = keys.create_keys(s, store)
        event = Event(
            name="VIP salon",
            kind=kind,
            venue="HQ",
            starts_at=NOW - dt.timedelta(hours=1),
            ends_at=NOW + dt.timedelta(hours=3),
            doors_open_at=NOW - dt.timedelta(hours=2),
            doors_close_at=NOW + dt.timedelta(hours=3),
            capacity=capacity,
            eligible_tiers=tiers,
            registration_required=registration,
            reentry_allowed=reentry,
            member_yearly_cap=member_cap,
            kind_yearly_cap=kind_cap,
        )
        s.add(event)
        s.flush()
        event_id = event.id
    return Kit(
        sessions, issuer, event_id, add_actor(sessions, "door"), journal_dir=journal_dir
    )


def add_event(kit: Kit, **values) -> int:  # noqa: ANN003
    """Another event at the kit's venue, open now unless told otherwise."""
    fields = dict(
        name="another",
        kind="vip_salon",
        venue="HQ",
        starts_at=NOW - dt.timedelta(hours=1),
        ends_at=NOW + dt.timedelta(hours=3),
        doors_open_at=NOW - dt.timedelta(hours=2),
        doors_close_at=NOW + dt.timedelta(hours=3),
        eligible_tiers="diamond",
    )
    fields.update(values)
    with kit.sessions.begin() as s:
        event = Event(**fields)
        s.add(event)
        s.flush()
        return event.id
