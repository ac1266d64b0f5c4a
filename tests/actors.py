"""Staff rows and the Actor that stands for them, for tests."""

from __future__ import annotations

import itertools

from memberdesk.services.models import Staff
from memberdesk.services.permissions import Actor, Role

_numbers = itertools.count(1)


def add_actor(sessions, role: str = "admin", station: str = "desk-1") -> Actor:
    with sessions.begin() as s:
        staff = Staff(
            login=f"{role}{next(_numbers)}", display_name=f"测试{role}", role=role
        )
        s.add(staff)
        s.flush()
        return Actor(staff.id, staff.login, staff.display_name, Role(role), station)
