"""Keeps the window in step with who is signed in: pages, lock, status bar.

The guard owns the StaffSession, the idle watch and the lock screen of one
window. Signing in shows the pages the role may use; locking covers the
window and lets go of the reader; signing out goes back to the sign-in
dialog, and quitting that dialog closes the window.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from memberdesk.console import words
from memberdesk.console.lock_screen import LockScreen
from memberdesk.console.main_window import MainWindow
from memberdesk.console.session import IdleWatch, StaffSession, has_pin, idle_minutes
from memberdesk.console.sign_in import SignInDialog
from memberdesk.services.permissions import Action, Actor, Role, allowed

log = logging.getLogger(__name__)

# The action each page needs; None: every signed-in staff member.
PAGE_ACTIONS: dict[str, Action | None] = {
    "members": None,
    "issuance": Action.ISSUE_CARDS,
    "door": Action.CHECK_IN,
    "events": Action.MANAGE_EVENTS,
    "staff": Action.MANAGE_STAFF,
    "audit": Action.VIEW_AUDIT,
}


def pages_for(role: Role | str) -> list[str]:
    """The page keys a role sees in the navigation rail."""
    return [
        key
        for key, action in PAGE_ACTIONS.items()
        if action is None or allowed(role, action)
    ]


class StationGuard(QObject):
    """Wires a window's session, idle lock, lock screen and sign-in dialog."""

    #: The sign-in dialog opened after a sign-out; carries the dialog.
    sign_in_opened = Signal(object)

    def __init__(self, window: MainWindow, station: Any) -> None:
        super().__init__(window)
        self.window = window
        self.station = station
        self.sign_in_dialog: SignInDialog | None = None
        self.session = StaffSession(None, self)
        self.idle = IdleWatch(idle_minutes(station.sessions, station.name), self)
        self.lock_screen = LockScreen(station.staff_service, station.name, window)
        window.set_lock_screen(self.lock_screen)

        self.session.signed_in.connect(self._signed_in)
        self.session.locked.connect(self._locked)
        self.session.unlocked.connect(self._unlocked)
        self.session.signed_out.connect(self._signed_out)
        self.idle.idle.connect(self.session.lock)
        window.lock_requested.connect(self.session.lock)
        self.lock_screen.unlocked.connect(self.session.unlock)
        self.lock_screen.switch_requested.connect(self._switch)
        window.bridge.tap_unhandled.connect(self._tap_while_locked)

    def start(self, actor: Actor | None) -> None:
        """Open signed in as `actor`, or signed out with the sign-in dialog."""
        if actor is not None:
            self.session.sign_in(actor)
        else:
            self.session.sign_out()

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)

    def _signed_in(self, actor: Actor) -> None:
        self.station.actor = actor
        self.station.staff = actor.display_name
        self.window.set_allowed(pages_for(actor.role))
        self._show_staff(actor, locked=False)
        self.window.set_locked(False)
        self.idle.start()

    def _locked(self) -> None:
        actor = self.session.actor
        if actor is None:
            return
        self.idle.stop()
        self.lock_screen.show_locked(
            actor, has_pin(self.station.sessions, actor.staff_id)
        )
        self.window.set_locked(True)
        self._show_staff(actor, locked=True)

    def _unlocked(self) -> None:
        actor = self.session.actor
        if actor is not None:
            self._show_staff(actor, locked=False)
        self.window.set_locked(False)
        self.idle.start()

    def _signed_out(self) -> None:
        self.station.actor = None
        self.station.staff = "—"
        self.idle.stop()
        self.lock_screen.show_signed_out()
        self.window.set_locked(True)
        self.window.set_staff(self.tr("nobody signed in"))
        self.open_sign_in()

    def _switch(self) -> None:
        if self.session.actor is not None:
            self.session.sign_out()  # which opens the sign-in dialog
        else:
            self.open_sign_in()

    def open_sign_in(self) -> None:
        """The sign-in dialog over the locked window; quitting it closes it."""
        old = self.sign_in_dialog
        if old is not None:
            if old.isVisible():
                return
            old.deleteLater()
        dialog = SignInDialog(
            self.station.staff_service, self.station.name, self.window
        )
        dialog.succeeded.connect(self.session.sign_in)
        dialog.rejected.connect(self.window.close)
        self.sign_in_dialog = dialog
        dialog.open()
        self.sign_in_opened.emit(dialog)

    def _tap_while_locked(self) -> None:
        if self.window.is_locked():
            self.lock_screen.note_tap()

    def _show_staff(self, actor: Actor, locked: bool) -> None:
        text = f"{actor.display_name} · {words.role_name(actor.role)}"
        if locked:
            text = self.tr("%1 (locked)").replace("%1", text)
        self.window.set_staff(text)
