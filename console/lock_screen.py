"""The lock screen: it covers the whole window while the console is locked.

It names who is signed in and offers a PIN (the quick unlock of a door
station, for staff who have one) and the password. While it shows, no page
holds the reader, so card taps are not checked in; it says so, and says so
again when a card is tapped.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console import words
from memberdesk.console.forms import refusal_words, secret_field, set_tone
from memberdesk.console.work import run_job
from memberdesk.services.permissions import Actor
from memberdesk.services.staff import SignInFailed, StaffService

log = logging.getLogger(__name__)


class LockScreen(QWidget):
    """Unlock for the signed-in staff member, or hand the desk to another."""

    #: The signed-in staff member proved who they are; carries the Actor.
    unlocked = Signal(object)
    #: An unlock attempt was refused; carries the words shown.
    refused = Signal(str)
    #: "Sign in as someone else" was chosen.
    switch_requested = Signal()

    def __init__(
        self, service: StaffService, station: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._service = service
        self._station = station
        self._actor: Actor | None = None
        self._busy = False
        self._by_pin = False

        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(self)
        self.who.setObjectName("lockWho")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.taps = QLabel(
            self.tr("Card taps are not checked in while the console is locked."),
            self,
        )
        self.taps.setObjectName("lockTaps")
        self.taps.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.taps.setWordWrap(True)

        self.pin = secret_field(self, self.tr("PIN"))
        self.pin.setObjectName("lockPin")
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self.pin)
        )
        self.pin.returnPressed.connect(self.unlock_with_pin)
        self.pin_button = QPushButton(self.tr("Unlock"), self)
        self.pin_button.clicked.connect(self.unlock_with_pin)
        self.password = secret_field(self, self.tr("Password"))
        self.password.setObjectName("lockPassword")
        self.password.returnPressed.connect(self.unlock_with_password)
        self.password_button = QPushButton(self.tr("Unlock"), self)
        self.password_button.clicked.connect(self.unlock_with_password)

        self.pin_label = QLabel(self.tr("P&IN"), self)
        self.pin_label.setBuddy(self.pin)
        password_label = QLabel(self.tr("&Password"), self)
        password_label.setBuddy(self.password)
        form = QFormLayout()
        form.setLabelAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        form.addRow(self.pin_label, _row(self.pin, self.pin_button))
        form.addRow(password_label, _row(self.password, self.password_button))
        self._form = form

        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.switch_button = QPushButton(self.tr("Sign in as &someone else"), self)
        self.switch_button.setObjectName("lockSwitch")
        self.switch_button.clicked.connect(self.switch_requested)

        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setMaximumWidth(520)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        self._fields = QWidget(panel)
        self._fields.setLayout(form)
        inner.addWidget(self._fields)
        inner.addWidget(self.message)
        inner.addWidget(self.taps)
        inner.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignCenter)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(panel, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def show_locked(self, actor: Actor, has_pin: bool) -> None:
        """Locked with `actor` still signed in behind the lock."""
        self._actor = actor
        self.title.setText(self.tr("Locked"))
        self.who.setText(
            self.tr("%1 (%2) is signed in at this station.")
            .replace("%1", actor.display_name)
            .replace("%2", words.role_name(actor.role))
        )
        self._fields.show()
        self._form.setRowVisible(0, has_pin)
        self.switch_button.setText(self.tr("Sign in as &someone else"))
        self._clear()
        (self.pin if has_pin else self.password).setFocus()

    def show_signed_out(self) -> None:
        """Nobody is signed in: only the way to the sign-in dialog is left."""
        self._actor = None
        self.title.setText(self.tr("Nobody is signed in"))
        self.who.setText(self.tr("Sign in to use this station."))
        self._fields.hide()
        self.switch_button.setText(self.tr("&Sign in"))
        self._clear()
        self.switch_button.setFocus()

    def note_tap(self) -> None:
        """A card was tapped while locked: it was not checked in."""
        self._show(
            self.tr("A card was tapped and not checked in. Unlock first."), "error"
        )

    def unlock_with_pin(self) -> None:
        actor, pin = self._actor, self.pin.text()
        if actor is None or self._busy:
            return
        if not pin:
            self._show(self.tr("Enter your PIN."), "error")
            return
        service, station = self._service, self._station
        self._run(lambda: service.unlock_with_pin(actor.login, pin, station), True)

    def unlock_with_password(self) -> None:
        actor, password = self._actor, self.password.text()
        if actor is None or self._busy:
            return
        if not password:
            self._show(self.tr("Enter your password."), "error")
            return
        service, station = self._service, self._station
        self._run(lambda: service.sign_in(actor.login, password, station), False)

    def _run(self, call: object, pin: bool) -> None:
        self._busy, self._by_pin = True, pin
        self._fields.setEnabled(False)
        self._show(self.tr("Checking…"), "")
        job = run_job("unlock", call)  # type: ignore[arg-type]
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)

    def _succeeded(self, actor: object) -> None:
        self._busy = False
        self._fields.setEnabled(True)
        self._clear()
        self.unlocked.emit(actor)

    def _failed(self, exc: BaseException) -> None:
        pin = self._by_pin
        self._busy = False
        self._fields.setEnabled(True)
        if isinstance(exc, SignInFailed):
            text = words.sign_in_refused_words(exc.reason, pin=pin)
            if exc.wait:
                wait = round(exc.wait.total_seconds())
                text = words.sentences(text, words.try_again_words(wait))
        else:
            text = refusal_words(exc)
        self.pin.clear()
        self.password.clear()
        (self.pin if pin else self.password).setFocus()
        self._show(text, "error")
        self.refused.emit(text)

    def _show(self, text: str, tone: str) -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self.message.setVisible(bool(text))

    def _clear(self) -> None:
        self.pin.clear()
        self.password.clear()
        self._show("", "")


def _row(field: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return box
