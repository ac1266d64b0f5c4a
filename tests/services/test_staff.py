"""Staff accounts: first admin, sign-in, throttling kept in the database, PINs."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from argon2 import PasswordHasher
from securitykit import PASSWORDS, Clock, cheap_hasher, make_kit
from sqlalchemy import select

from memberdesk.services.anchors import MemoryAnchor
from memberdesk.services.audit import AuditLog, verify
from memberdesk.services.db import open_database
from memberdesk.services.models import AuditEntry, Staff
from memberdesk.services.permissions import Role
from memberdesk.services.staff import (
    SignInFailed,
    StaffError,
    StaffService,
    wait_after,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kit(request):
    if request.param == "sqlite":
        return make_kit(request.getfixturevalue("sessions"))
    engine, sessions = open_database(request.getfixturevalue("pg_url"))
    request.addfinalizer(engine.dispose)
    return make_kit(sessions)


def _actions(sessions) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_first_admin_once(sessions):
    service = StaffService(sessions, cheap_hasher(), AuditLog("desk-1"))
    assert service.needs_first_admin()
    admin = service.create_first_admin(" Root ", "管理员", "long enough")
    assert (admin.login, admin.role) == ("root", Role.ADMIN)
    assert not service.needs_first_admin()
    with pytest.raises(StaffError, match="already has staff"):
        service.create_first_admin("other", "Other", "long enough")
    assert _actions(sessions) == ["first_admin"]


@pytest.mark.parametrize(
    ("login", "password", "message"),
    [
        ("root", "short", "at least 8 characters"),
        ("a", "long enough", "a login is 2 to 40"),
        ("has space", "long enough", "a login is"),
    ],
)
def test_bad_first_admin_is_refused(sessions, login, password, message):
    service = StaffService(sessions, cheap_hasher(), AuditLog("desk-1"))
    with pytest.raises(StaffError, match=message):
        service.create_first_admin(login, "Name", password)
    assert service.needs_first_admin()


def test_passwords_are_stored_as_argon2_hashes(kit):
    with kit.sessions() as s:
        row = s.scalar(select(Staff).where(Staff.login == "admin"))
    assert row.password_hash.startswith("$argon2id$")
    assert PASSWORDS[Role.ADMIN] not in row.password_hash


def test_sign_in_and_wrong_password(kit):
    actor = kit.service.sign_in("Door", PASSWORDS[Role.DOOR], "gate-2")
    assert (actor.role, actor.station) == (Role.DOOR, "gate-2")
    with pytest.raises(SignInFailed, match="wrong login or password") as err:
        kit.service.sign_in("door", "not the password")
    assert err.value.reason == "wrong_password"
    # An unknown login reads the same, so the message does not confirm logins.
    with pytest.raises(SignInFailed, match="^wrong login or password$"):
        kit.service.sign_in("nobody", "whatever1")
    assert _actions(kit.sessions)[-2:] == ["sign_in", "sign_in_failed"]


def test_disabled_account(kit):
    door = kit.actors[Role.DOOR]
    kit.service.disable(kit.actors[Role.ADMIN], door.staff_id)
    with pytest.raises(SignInFailed, match="disabled; ask an admin") as err:
        kit.service.sign_in("door", PASSWORDS[Role.DOOR])
    assert err.value.reason == "disabled"
    kit.service.enable(kit.actors[Role.ADMIN], door.staff_id)
    assert kit.service.sign_in("door", PASSWORDS[Role.DOOR]).staff_id == door.staff_id


def test_an_actor_disabled_since_sign_in_is_refused(kit):
    admin = kit.actors[Role.ADMIN]
    second = kit.service.create_staff(admin, "admin2", "二号", "admin", "pa55word!")
    other = kit.service.sign_in("admin2", "pa55word!")
    kit.service.disable(admin, second.id)
    with pytest.raises(PermissionError, match="sign in again"):
        kit.service.create_staff(other, "x1", "X", "door", "pa55word!")


def test_admins_cannot_lock_themselves_out(kit):
    admin = kit.actors[Role.ADMIN]
    with pytest.raises(StaffError, match="your own account"):
        kit.service.disable(admin, admin.staff_id)
    second = kit.service.create_staff(admin, "admin2", "二号", "admin", "pa55word!")
    other = kit.service.sign_in("admin2", "pa55word!")
    kit.service.disable(other, admin.staff_id)
    kit.service.enable(other, admin.staff_id)
    kit.service.disable(admin, second.id)
    with pytest.raises(StaffError, match="taken"):
        kit.service.create_staff(admin, "ADMIN2", "重名", "door", "pa55word!")


def test_throttling_grows_and_a_success_resets(kit):
    for attempt in range(1, 5):
        with pytest.raises(SignInFailed) as err:
            kit.service.sign_in("door", "wrong guess")
        assert err.value.wait is None, attempt
    with pytest.raises(SignInFailed, match="waits 30 s") as err:
        kit.service.sign_in("door", "wrong guess")
    assert err.value.wait == dt.timedelta(seconds=30)

    # Even the right password waits, and the wait says how long is left.
    kit.clock.advance(seconds=20)
    with pytest.raises(SignInFailed, match="try again in 10 s") as err:
        kit.service.sign_in("door", PASSWORDS[Role.DOOR])
    assert err.value.reason == "throttled"

    kit.clock.advance(seconds=10)
    with pytest.raises(SignInFailed, match="waits 60 s"):
        kit.service.sign_in("door", "wrong guess")
    kit.clock.advance(seconds=60)
    with pytest.raises(SignInFailed, match="waits 2 min"):
        kit.service.sign_in("door", "wrong guess")
    kit.clock.advance(minutes=2)
    kit.service.sign_in("door", PASSWORDS[Role.DOOR])
    for _ in range(4):
        with pytest.raises(SignInFailed) as err:
            kit.service.sign_in("door", "wrong guess")
        assert err.value.wait is None
    assert wait_after(40) == dt.timedelta(minutes=30)


def test_throttling_survives_a_restart(sqlite_url):
    engine, sessions = open_database(sqlite_url)
    kit = make_kit(sessions)
    for _ in range(5):
        with pytest.raises(SignInFailed):
            kit.service.sign_in("issuer", "wrong guess")
    engine.dispose()

    engine, sessions = open_database(sqlite_url)
    clock = Clock(kit.clock.now + dt.timedelta(seconds=5))
    again = StaffService(sessions, cheap_hasher(), AuditLog("desk-1"), clock=clock)
    with pytest.raises(SignInFailed, match="try again in 25 s"):
        again.sign_in("issuer", PASSWORDS[Role.ISSUER])
    clock.advance(seconds=25)
    assert again.sign_in("issuer", PASSWORDS[Role.ISSUER]).role == Role.ISSUER
    engine.dispose()


def test_reset_password_lifts_the_wait(kit):
    for _ in range(5):
        with pytest.raises(SignInFailed):
            kit.service.sign_in("operator", "wrong guess")
    operator = kit.actors[Role.OPERATOR]
    kit.service.reset_password(
        kit.actors[Role.ADMIN], operator.staff_id, "fresh pass 1"
    )
    assert kit.service.sign_in("operator", "fresh pass 1") == operator
    with pytest.raises(SignInFailed):
        kit.service.sign_in("operator", PASSWORDS[Role.OPERATOR])
    with pytest.raises(StaffError, match="at least 8"):
        kit.service.reset_password(kit.actors[Role.ADMIN], operator.staff_id, "1234567")


def test_pin_unlock(kit):
    door = kit.actors[Role.DOOR]
    with pytest.raises(SignInFailed, match="has no PIN") as err:
        kit.service.unlock_with_pin("door", "1234")
    assert err.value.reason == "no_pin"
    for bad in ("123", "123456789", "12a4", ""):
        with pytest.raises(StaffError, match="4 to 8 digits"):
            kit.service.set_pin(door, door.staff_id, bad)
    kit.service.set_pin(door, door.staff_id, "482916")
    assert kit.service.unlock_with_pin("door", "482916", "gate-1").station == "gate-1"

    # Wrong PINs share the password's throttle.
    for _ in range(4):
        with pytest.raises(SignInFailed, match="wrong PIN"):
            kit.service.unlock_with_pin("door", "000000")
    with pytest.raises(SignInFailed, match="wrong PIN; the account waits 30 s"):
        kit.service.unlock_with_pin("door", "000000")
    with pytest.raises(SignInFailed) as err:
        kit.service.sign_in("door", PASSWORDS[Role.DOOR])
    assert err.value.reason == "throttled"

    kit.clock.advance(seconds=30)
    kit.service.set_pin(kit.actors[Role.ADMIN], door.staff_id, None)
    with pytest.raises(SignInFailed, match="has no PIN"):
        kit.service.unlock_with_pin("door", "482916")


def test_list_staff(kit):
    rows = kit.service.list_staff(kit.actors[Role.ADMIN])
    assert [(r.login, r.role) for r in rows] == [
        ("admin", Role.ADMIN),
        ("door", Role.DOOR),
        ("issuer", Role.ISSUER),
        ("operator", Role.OPERATOR),
    ]
    assert rows[1].last_sign_in_at == kit.clock.now


def test_weaker_old_hashes_are_upgraded_at_sign_in(sessions):
    audit = AuditLog("desk-1", MemoryAnchor())
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    StaffService(sessions, weak, audit).create_first_admin("root", "R", "long enough")
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    StaffService(sessions, stronger, audit).sign_in("root", "long enough")
    with sessions() as s:
        stored = s.scalar(select(Staff.password_hash))
    assert "m=16,t=2" in stored


def test_every_change_is_audited_and_the_chain_holds(kit):
    admin = kit.actors[Role.ADMIN]
    door = kit.actors[Role.DOOR]
    kit.service.set_pin(admin, door.staff_id, "1234")
    kit.service.reset_password(admin, door.staff_id, "new door pass")
    kit.service.disable(admin, door.staff_id)
    actions = _actions(kit.sessions)
    assert actions[0] == "first_admin"
    assert actions.count("staff_created") == 3
    assert actions[-3:] == ["pin_set", "password_reset", "staff_disabled"]
    with kit.sessions() as s:
        report = verify(s, kit.anchor)
        text = " ".join(e.before + e.after for e in s.scalars(select(AuditEntry)))
    assert report.ok and report.anchor_seq == len(actions)
    assert "1234" not in text and "new door pass" not in text


@pytest.mark.postgres
def test_failures_at_four_desks_at_once_all_count(pg_url):
    engine, sessions = open_database(pg_url)
    make_kit(sessions)
    start = threading.Barrier(4)
    errors = []

    def desk(n: int) -> None:
        own = StaffService(sessions, cheap_hasher(), AuditLog(f"desk-{n}"))
        start.wait()
        try:
            own.sign_in("door", "wrong guess", f"desk-{n}")
        except SignInFailed:
            pass
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with sessions() as s:
        assert s.scalar(select(Staff.failed_attempts).where(Staff.login == "door")) == 4
        assert verify(s).ok
    engine.dispose()
