"""Staff, audit and keys for the security tests: one signed-in actor a role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.anchors import MemoryAnchor
from memberdesk.services.audit import AuditLog
from memberdesk.services.permissions import Actor, Role
from memberdesk.services.staff import StaffService

T0 = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)
PASSWORDS = {
    Role.ADMIN: "admin-Pa55word",
    Role.OPERATOR: "operator-Pa55word",
    Role.ISSUER: "issuer-Pa55word",
    Role.DOOR: "door-Pa55word",
}


def cheap_hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(CHEAPEST)


class Clock:
    """A clock the test moves by hand: throttling without sleeping."""

    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class Kit:
    sessions: sessionmaker[Session]
    service: StaffService
    audit: AuditLog
    anchor: MemoryAnchor
    clock: Clock
    actors: dict[Role, Actor] = field(default_factory=dict)


def make_kit(sessions: sessionmaker[Session], station: str = "desk-1") -> Kit:
    """A database with one admin and one staff member of every other role."""
    clock = Clock()
    anchor = MemoryAnchor()
    audit = AuditLog(station, anchor, clock=clock)
    service = StaffService(sessions, cheap_hasher(), audit, clock=clock)
    kit = Kit(sessions, service, audit, anchor, clock)
    admin = service.create_first_admin("admin", "管理员", PASSWORDS[Role.ADMIN])
    kit.actors[Role.ADMIN] = admin
    for role in (Role.OPERATOR, Role.ISSUER, Role.DOOR):
        service.create_staff(
            admin, role.value, f"{role.value} 1", role, PASSWORDS[role]
        )
        kit.actors[role] = service.sign_in(role.value, PASSWORDS[role], station)
    return kit
