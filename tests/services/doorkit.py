"""A small programme for door tests: tiers, members, an event, signed cards."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from actors import add_actor
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import cardformat, keys
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.checkin import Door, Verdict
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

    def door(self, now: dt.datetime = NOW, station: str = "desk-1") -> DeskDoor:
        return DeskDoor(Door(self.sessions, station, clock=lambda: now), self.actor)

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
        return uid, cardformat.encode_message(signed)

    def register(self, member_id: int) -> None:
        with self.sessions.begin() as s:
            s.add(Registration(event_id=self.event_id, member_id=member_id))


@dataclass
class DeskDoor:
    """A door with its signed-in door staff member."""

    door: Door
    actor: Actor

    def decide_card(self, event_id: int, uid: bytes, message: bytes) -> Verdict:
        return self.door.decide_card(event_id, uid, message, self.actor)


def make_kit(
    sessions: sessionmaker[Session],
    store,
    capacity: int | None = None,
    tiers: str = "diamond",
    registration: bool = False,
) -> Kit:
    with sessions.begin() as s:
        install_catalogue(s)
        issuer = keys.create_keys(s, store)
        event = Event(
            name="VIP salon",
            kind="vip_salon",
            venue="HQ",
            starts_at=NOW - dt.timedelta(hours=1),
            ends_at=NOW + dt.timedelta(hours=3),
            doors_open_at=NOW - dt.timedelta(hours=2),
            doors_close_at=NOW + dt.timedelta(hours=3),
            capacity=capacity,
            eligible_tiers=tiers,
            registration_required=registration,
        )
        s.add(event)
        s.flush()
        event_id = event.id
    return Kit(sessions, issuer, event_id, add_actor(sessions, "door"))
