"""Who is signed in at this window, and when the window locks itself.

StaffSession is the one place the console keeps the signed-in staff member;
the station's `actor` follows it and the pages read it from there. IdleWatch
counts time without keyboard or mouse input, application-wide; card taps are
not input, so a busy door still locks when nobody touches the desk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.cards import station_setting
from memberdesk.services.models import Setting, Staff
from memberdesk.services.permissions import Action, Actor, require

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 5
MAX_IDLE_MINUTES = 240

# What counts as someone at the desk. Mouse moves count: reading a long table
# without clicking is still work.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class StaffSession(QObject):
    """The signed-in staff member and whether the window is locked."""

    #: Someone signed in (or a new Actor replaced the old); carries the Actor.
    signed_in = Signal(object)
    #: Nobody is signed in any more.
    signed_out = Signal()
    #: The window locked; the actor stays signed in behind the lock.
    locked = Signal()
    #: The signed-in staff member unlocked the window.
    unlocked = Signal()

    def __init__(self, actor: Actor | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._actor = actor
        self._locked = actor is None

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def is_locked(self) -> bool:
        return self._locked

    def sign_in(self, actor: Actor) -> None:
        self._actor = actor
        self._locked = False
        log.info("staff %s signed in at the console", actor.staff_id)
        self.signed_in.emit(actor)

    def sign_out(self) -> None:
        if self._actor is not None:
            log.info("staff %s signed out", self._actor.staff_id)
        self._actor = None
        self._locked = True
        self.signed_out.emit()

    def lock(self) -> None:
        if self._locked or self._actor is None:
            return
        self._locked = True
        log.info("console locked")
        self.locked.emit()

    def unlock(self, actor: Actor) -> None:
        """Unlock for `actor`, as the unlock check returned it (its role may
        have changed since the sign-in)."""
        if self._actor is None or actor.staff_id != self._actor.staff_id:
            raise ValueError("only the signed-in staff member can unlock")
        changed = actor != self._actor
        self._actor = actor
        self._locked = False
        log.info("console unlocked")
        if changed:
            self.signed_in.emit(actor)
        self.unlocked.emit()


class IdleWatch(QObject):
    """Emits `idle` after a stretch without keyboard or mouse input."""

    #: Nobody touched keyboard or mouse for the idle time.
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """The idle time in milliseconds; tests use a few."""
        self.timer.setInterval(ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


def _idle_key(station: str) -> str:
    return f"idle_lock_minutes@{station}"[:80]


def idle_minutes(sessions: sessionmaker[Session], station: str) -> int:
    """This station's idle time before the lock, in minutes."""
    raw = station_setting(sessions, _idle_key(station), str(DEFAULT_IDLE_MINUTES))
    try:
        return min(max(1, int(raw)), MAX_IDLE_MINUTES)
    except ValueError:
        log.warning("idle lock setting %r is not a number", raw)
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(
    sessions: sessionmaker[Session],
    audit: AuditLog,
    actor: Actor,
    station: str,
    minutes: int,
) -> int:
    """Store `station`'s idle time; an admin's change, audited."""
    require(actor, Action.MANAGE_STAFF)
    minutes = min(max(1, int(minutes)), MAX_IDLE_MINUTES)
    key = _idle_key(station)
    with writing(sessions) as s:
        row = s.get(Setting, key)
        before = None if row is None else {"value": row.value}
        if row is None:
            row = Setting(key=key, value=str(minutes))
            s.add(row)
        else:
            row.value = str(minutes)
        after = {"value": str(minutes)}
        audit.append(s, actor, "setting_changed", "setting", key, before, after)
    log.info("idle lock at %s set to %d min", station, minutes)
    return minutes


def has_pin(sessions: sessionmaker[Session], staff_id: int) -> bool:
    """Whether the staff member can unlock with a PIN."""
    with sessions() as s:
        stored = s.scalar(select(Staff.pin_hash).where(Staff.id == staff_id))
    return bool(stored)
