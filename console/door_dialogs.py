"""Undo and override at the door: a reason, and a supervisor where one is needed.

Door staff may not annul or override on their own: a supervisor (an operator
or an admin) types a login and a PIN or password into the same small dialog.
Operators and admins annul alone. An override always names a supervisor,
who may be the operator at the desk. The service checks all of it again;
the dialog only asks for what the service will want.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from memberdesk.console import door_words, words
from memberdesk.console.forms import FormDialog, refusal_words, secret_field
from memberdesk.services.checkin import Door, DoorActionRefused, SupervisorSignIn
from memberdesk.services.permissions import Action, Actor, allowed
from memberdesk.services.staff import SignInFailed

log = logging.getLogger(__name__)

ANNUL = "annul"
OVERRIDE = "override"


@dataclass(frozen=True)
class ScanToCorrect:
    """The check-in a dialog corrects, as the door shows it."""

    checkin_id: str
    member_name: str
    reason_words: str


def needs_supervisor(actor: Actor | None, mode: str) -> bool:
    """Whether the dialog must ask for a supervisor's sign-in."""
    if mode == OVERRIDE or actor is None:
        return True
    return not allowed(actor.role, Action.ANNUL_CHECKIN)


class DoorActionDialog(FormDialog):
    """Annul a check-in, or admit over a refusal; `succeeded` carries the
    service's Annulment or Verdict."""

    def __init__(
        self,
        door: Door,
        actor: Actor | None,
        scan: ScanToCorrect,
        mode: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        if mode == ANNUL:
            self.setWindowTitle(self.tr("Undo a check-in"))
            self.ok_button.setText(self.tr("&Undo"))
        else:
            self.setWindowTitle(self.tr("Admit over a refusal"))
            self.ok_button.setText(self.tr("&Admit"))
        self.setObjectName("doorActionDialog")
        self._door, self._actor, self._scan, self.mode = door, actor, scan, mode
        who = scan.member_name or self.tr("unknown member")
        self.set_intro(
            (
                self.tr("Undo %1's check-in (%2). The row stays, marked undone.")
                if mode == ANNUL
                else self.tr(
                    "Admit %1 over the refusal “%2”. The refusal stays on record."
                )
            )
            .replace("%1", who)
            .replace("%2", scan.reason_words)
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("actionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(200)
        self.add_row(self.tr("&Reason"), self.reason)

        self.with_supervisor = needs_supervisor(actor, mode)
        self.login = QLineEdit(self)
        self.login.setObjectName("supervisorLogin")
        self.login.setAccessibleName(self.tr("Supervisor login"))
        self.how = QComboBox(self)
        self.how.setAccessibleName(self.tr("Supervisor signs with"))
        self.how.addItem(self.tr("PIN"), True)
        self.how.addItem(self.tr("Password"), False)
        self.secret = secret_field(self, self.tr("Supervisor PIN or password"))
        self.secret.setObjectName("supervisorSecret")
        if self.with_supervisor:
            self.add_row(self.tr("&Supervisor"), self.login)
            self.add_row(self.tr("Signs &with"), self.how)
            self.add_row(self.tr("PIN or &password"), self.secret)
            self.add_rules(
                self.tr(
                    "A supervisor (an operator or an admin) signs for this "
                    "with a PIN or password."
                )
            )
            if actor is not None and allowed(actor.role, Action.OVERRIDE_REFUSAL):
                self.login.setText(actor.login)
        else:
            self.login.hide()
            self.how.hide()
            self.secret.hide()
        self.reason.setFocus()

    def uses_pin(self) -> bool:
        return bool(self.how.currentData())

    def problem(self) -> str | None:
        if not self.reason.text().strip():
            return self.tr("Say why, in a few words.")
        if self.with_supervisor:
            if not self.login.text().strip():
                return self.tr("Enter the supervisor's login.")
            if not self.secret.text():
                return (
                    self.tr("Enter the supervisor's PIN.")
                    if self.uses_pin()
                    else self.tr("Enter the supervisor's password.")
                )
        return None

    def call(self) -> Callable[[], object]:
        door, actor, checkin_id = self._door, self._actor, self._scan.checkin_id
        reason = self.reason.text()
        supervisor = None
        if self.with_supervisor:
            supervisor = SupervisorSignIn(
                self.login.text().strip(), self.secret.text(), pin=self.uses_pin()
            )
        if self.mode == ANNUL:
            return lambda: door.annul(checkin_id, reason, actor, supervisor)
        return lambda: door.override(checkin_id, reason, actor, supervisor)

    def refusal(self, exc: BaseException) -> str:
        if isinstance(exc, DoorActionRefused):
            return door_words.door_action_refused_words(exc.reason)
        if isinstance(exc, SignInFailed):
            text = words.sign_in_refused_words(exc.reason, pin=self.uses_pin())
            if exc.wait is not None:
                seconds = int(exc.wait.total_seconds())
                text = words.sentences(text, words.try_again_words(seconds))
            return text
        return refusal_words(exc)

    def on_refused(self, exc: BaseException) -> None:
        self.secret.clear()
        if isinstance(exc, SignInFailed):
            self.secret.setFocus()
