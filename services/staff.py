"""Staff accounts: the first admin, sign-in with throttling, PINs, and admin.

Passwords and PINs are hashed with argon2; the hasher is injected so that
tests use the cheapest parameters. Failed attempts are counted in the staff
row, so restarting the console does not reset the wait. Every change and every
sign-in is written to the audit log in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.audit import AuditLog, serialise, writing
from memberdesk.services.models import Setting, Staff, utcnow
from memberdesk.services.permissions import Action, Actor, Role, require

log = logging.getLogger(__name__)

MIN_PASSWORD = 8
FREE_ATTEMPTS = 5
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(minutes=30)
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
_PIN = re.compile(r"^[0-9]{4,8}$")


class StaffError(Exception):
    """A staff request refused for a reason the user can fix."""


class SignInFailed(StaffError):
    """Wrong login or secret, a disabled account, or an account that waits."""

    def __init__(self, reason: str, message: str, wait: dt.timedelta | None = None):
        super().__init__(message)
        self.reason = reason  # wrong_password, disabled, throttled, no_pin
        self.wait = wait


@dataclass(frozen=True)
class StaffView:
    id: int
    login: str
    display_name: str
    role: Role
    disabled: bool
    has_pin: bool
    created_at: dt.datetime
    last_sign_in_at: dt.datetime | None


def password_hasher() -> PasswordHasher:
    """The production parameters: argon2id as RFC 9106 recommends for memory."""
    return PasswordHasher()


def wait_after(failures: int) -> dt.timedelta:
    """How long an account waits after `failures` failures in a row."""
    if failures < FREE_ATTEMPTS:
        return dt.timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"a password needs at least {MIN_PASSWORD} characters")


def check_pin(pin: str) -> None:
    if not _PIN.match(pin):
        raise StaffError("a PIN is 4 to 8 digits")


class StaffService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        hasher: PasswordHasher,
        audit: AuditLog,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._hasher = hasher
        self._audit = audit
        self._clock = clock
        self._dummy: str | None = None

    def needs_first_admin(self) -> bool:
        with self._sessions() as s:
            return not s.scalar(select(func.count()).select_from(Staff))

    def create_first_admin(self, login: str, name: str, password: str) -> Actor:
        """The first account of a new database; refused once any staff exists."""
        login = _check_login(login)
        check_password(password)
        with writing(self._sessions) as s:
            serialise(s)  # two stations setting up at once: only one wins
            if s.scalar(select(func.count()).select_from(Staff)):
                raise StaffError("this database already has staff; sign in instead")
            row = self._add(s, login, name, Role.ADMIN, password)
            actor = _actor(row, self._audit.station)
            self._audit.append(
                s, actor, "first_admin", "staff", row.id, None, _view(row)
            )
        log.info("first admin %s created", login)
        return actor

    def sign_in(self, login: str, password: str, station: str | None = None) -> Actor:
        return self._check(login, password, station, pin=False)

    def unlock_with_pin(
        self, login: str, pin: str, station: str | None = None
    ) -> Actor:
        """Unlock a locked station for the staff member who was signed in there.

        Only the console's lock screen should offer it; a PIN is not a sign-in
        of a new person. Failures share the password's throttle.
        """
        return self._check(login, pin, station, pin=True)

    def _check(self, login: str, secret: str, station: str | None, pin: bool) -> Actor:
        station = station or self._audit.station
        how = "pin_unlock" if pin else "sign_in"
        now = self._clock()
        with writing(self._sessions) as s:
            # Locked on PostgreSQL so that two desks guessing at once both count.
            row = s.scalar(
                select(Staff)
                .where(Staff.login == login.strip().lower())
                .with_for_update()
            )
            if row is None:
                # Cost what a real check costs, so timing does not tell.
                self._dummy = self._dummy or self._hasher.hash("no one's password")
                self._matches(self._dummy, secret)
                log.info("%s refused: unknown login", how)
                raise SignInFailed("wrong_password", "wrong login or password")
            staff_id = row.id
            failure = self._refusal(s, row, secret, station, pin, now)
            if failure is None:
                actor = self._succeeded(s, row, secret, station, pin, now)
        if failure is not None:
            log.info("%s refused for staff %s: %s", how, staff_id, failure.reason)
            raise failure
        log.info("staff %s: %s at %s", staff_id, how, station)
        return actor

    def _refusal(
        self,
        s: Session,
        row: Staff,
        secret: str,
        station: str,
        pin: bool,
        now: dt.datetime,
    ) -> SignInFailed | None:
        """Why this attempt fails, with the failure counted; None if it passes."""
        how = "pin_unlock" if pin else "sign_in"
        if row.disabled:
            self._audit.append(
                s, None, f"{how}_refused", "staff", row.id, None, {"why": "disabled"}
            )
            return SignInFailed(
                "disabled", f"the account {row.login} is disabled; ask an admin"
            )
        if row.locked_until is not None and now < row.locked_until:
            wait = row.locked_until - now
            return SignInFailed(
                "throttled",
                f"too many failed attempts for {row.login}; try again in "
                f"{_words(wait)}",
                wait,
            )
        if pin and row.pin_hash is None:
            return SignInFailed(
                "no_pin", f"{row.login} has no PIN; sign in with the password"
            )
        if self._matches(row.pin_hash if pin else row.password_hash, secret):
            return None
        row.failed_attempts += 1
        wait = wait_after(row.failed_attempts)
        row.locked_until = now + wait if wait else None
        self._audit.append(
            s,
            None,
            f"{how}_failed",
            "staff",
            row.id,
            None,
            {"failed_attempts": row.failed_attempts, "station": station},
        )
        message = "wrong PIN" if pin else "wrong login or password"
        if wait:
            message += f"; the account waits {_words(wait)} before the next try"
        return SignInFailed("wrong_password", message, wait or None)

    def _succeeded(
        self,
        s: Session,
        row: Staff,
        secret: str,
        station: str,
        pin: bool,
        now: dt.datetime,
    ) -> Actor:
        row.failed_attempts = 0
        row.locked_until = None
        if not pin:
            row.last_sign_in_at = now
            # The hasher's parameters changed since this hash was made: we
            # hold the password only now, so upgrade it now.
            if self._hasher.check_needs_rehash(row.password_hash or ""):
                row.password_hash = self._hasher.hash(secret)
        actor = _actor(row, station)
        how = "pin_unlock" if pin else "sign_in"
        self._audit.append(s, actor, how, "staff", row.id, None, {"station": station})
        return actor

    def _matches(self, stored: str | None, secret: str) -> bool:
        if not stored:
            return False
        try:
            return self._hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            return False

    def create_staff(
        self, actor: Actor, login: str, name: str, role: Role | str, password: str
    ) -> StaffView:
        require(actor, Action.MANAGE_STAFF)
        login = _check_login(login)
        role = _check_role(role)
        check_password(password)
        with writing(self._sessions) as s:
            self._still_allowed(s, actor)
            if s.scalar(select(Staff.id).where(Staff.login == login)) is not None:
                raise StaffError(f"the login {login} is taken")
            row = self._add(s, login, name, role, password)
            self._audit.append(
                s, actor, "staff_created", "staff", row.id, None, _view(row)
            )
            view = _staff_view(row)
        log.info("staff %s (%s) created by %s", login, role.value, actor.login)
        return view

    def disable(self, actor: Actor, staff_id: int) -> StaffView:
        return self._set_disabled(actor, staff_id, True)

    def enable(self, actor: Actor, staff_id: int) -> StaffView:
        return self._set_disabled(actor, staff_id, False)

    def _set_disabled(self, actor: Actor, staff_id: int, disabled: bool) -> StaffView:
        require(actor, Action.MANAGE_STAFF)
        with writing(self._sessions) as s:
            serialise(s)  # two admins disabling each other: one goes first
            self._still_allowed(s, actor)
            row = _get(s, staff_id)
            if disabled and row.id == actor.staff_id:
                raise StaffError("you cannot disable your own account")
            before = _view(row)
            row.disabled = disabled
            if disabled and row.role == Role.ADMIN and not _other_admins(s, row.id):
                raise StaffError("the last active admin cannot be disabled")
            action = "staff_disabled" if disabled else "staff_enabled"
            self._audit.append(s, actor, action, "staff", row.id, before, _view(row))
            view = _staff_view(row)
        log.info("staff %s %s by %s", staff_id, action, actor.login)
        return view

    def reset_password(self, actor: Actor, staff_id: int, new: str) -> None:
        """Set a new password, and lift any throttling wait."""
        require(actor, Action.MANAGE_STAFF)
        check_password(new)
        with writing(self._sessions) as s:
            self._still_allowed(s, actor)
            row = _get(s, staff_id)
            row.password_hash = self._hasher.hash(new)
            row.failed_attempts = 0
            row.locked_until = None
            self._audit.append(
                s, actor, "password_reset", "staff", row.id, None, {"login": row.login}
            )
        log.info("password of staff %s reset by %s", staff_id, actor.login)

    def set_pin(self, actor: Actor, staff_id: int, pin: str | None) -> None:
        """Set (or with None, remove) a PIN: one's own, or anyone's as admin."""
        if staff_id != actor.staff_id:
            require(actor, Action.MANAGE_STAFF)
        if pin is not None:
            check_pin(pin)
        with writing(self._sessions) as s:
            self._still_allowed(s, actor)
            row = _get(s, staff_id)
            had = row.pin_hash is not None
            row.pin_hash = None if pin is None else self._hasher.hash(pin)
            self._audit.append(
                s,
                actor,
                "pin_set" if pin is not None else "pin_removed",
                "staff",
                row.id,
                {"has_pin": had},
                {"has_pin": pin is not None},
            )
        log.info("PIN of staff %s changed by %s", staff_id, actor.login)

    def list_staff(self, actor: Actor) -> list[StaffView]:
        require(actor, Action.MANAGE_STAFF)
        with self._sessions() as s:
            return [
                _staff_view(r) for r in s.scalars(select(Staff).order_by(Staff.login))
            ]

    def _add(
        self, s: Session, login: str, name: str, role: Role, password: str
    ) -> Staff:
        name = name.strip()
        if not name:
            raise StaffError("a staff member needs a name")
        row = Staff(
            login=login,
            display_name=name[:80],
            role=role.value,
            password_hash=self._hasher.hash(password),
            disabled=False,
            created_at=self._clock(),
            failed_attempts=0,
        )
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:  # another desk took the login meanwhile
            raise StaffError(f"the login {login} is taken") from exc
        return row

    def _still_allowed(self, s: Session, actor: Actor) -> None:
        # An Actor lives as long as a console stays signed in; the account may
        # have been disabled or demoted by another admin since.
        row = s.get(Staff, actor.staff_id)
        if row is None or row.disabled or row.role != actor.role:
            raise PermissionError(
                f"the account {actor.login} is no longer allowed to do this; "
                "sign in again"
            )


def _check_login(login: str) -> str:
    login = login.strip().lower()
    if not _LOGIN.match(login):
        raise StaffError(
            "a login is 2 to 40 letters, digits, dots, dashes or underscores"
        )
    return login


def _check_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise StaffError(f"no role {role!r}; the roles are {names}") from None


def _get(s: Session, staff_id: int) -> Staff:
    row = s.get(Staff, staff_id)
    if row is None:
        raise StaffError(f"no staff member with id {staff_id}")
    return row


def _other_admins(s: Session, besides: int) -> int:
    return s.scalar(
        select(func.count())
        .select_from(Staff)
        .where(Staff.role == Role.ADMIN.value, ~Staff.disabled, Staff.id != besides)
    )


def _actor(row: Staff, station: str) -> Actor:
    return Actor(row.id, row.login, row.display_name, Role(row.role), station)


def _view(row: Staff) -> dict:
    return {
        "login": row.login,
        "display_name": row.display_name,
        "role": row.role,
        "disabled": row.disabled,
    }


def _staff_view(row: Staff) -> StaffView:
    return StaffView(
        row.id,
        row.login,
        row.display_name,
        Role(row.role),
        row.disabled,
        row.pin_hash is not None,
        row.created_at,
        row.last_sign_in_at,
    )


def _words(wait: dt.timedelta) -> str:
    seconds = max(1, int(wait.total_seconds() + 0.999))
    if seconds < 120:
        return f"{seconds} s"
    return f"{(seconds + 59) // 60} min"


DEMO_LOGIN = "demo"
DEMO_PASSWORD = "demo1234"
DEMO_PIN = "1234"


def demo_actor(sessions: sessionmaker[Session], station: str) -> Actor:
    """The demo admin of a demo database, without a password.

    Made-up data only: a database not marked as demo refuses, so a real
    station always signs in.
    """
    with sessions() as s:
        if s.get(Setting, "demo") is None:
            raise StaffError("sign in with --user LOGIN (this is not a demo database)")
        row = s.scalar(select(Staff).where(Staff.login == DEMO_LOGIN))
        if row is None or row.disabled:
            raise StaffError("this demo database has no demo admin; seed it afresh")
        return _actor(row, station)
