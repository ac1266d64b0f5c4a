"""The sign-in dialog: login and password, refusals in words, waits counted.

A throttled account says how long it waits and counts down to the next try;
the wait itself is kept by the service in the staff row, so restarting the
console does not shorten it. Enter signs in, Esc quits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from memberdesk.console import words
from memberdesk.console.first_admin import FirstAdminDialog
from memberdesk.console.forms import FormDialog, refusal_words, secret_field
from memberdesk.services.permissions import Actor
from memberdesk.services.staff import SignInFailed, StaffService

log = logging.getLogger(__name__)


class SignInDialog(FormDialog):
    """Sign a staff member in at this station; `succeeded` carries the Actor."""

    #: The wait before the next try changed; carries the seconds left.
    countdown_ticked = Signal(int)

    def __init__(
        self,
        service: StaffService,
        station: str,
        parent: QWidget | None = None,
        login: str = "",
    ) -> None:
        super().__init__(self.tr("Sign in"), self.tr("Sign in"), parent)
        self.setObjectName("signInDialog")
        self._service = service
        self._station = station
        self._deadline: float | None = None
        self._waiting_login = ""
        self.set_intro(
            self.tr("Station %1. Sign in with your staff login.").replace("%1", station)
        )
        self.login = QLineEdit(login, self)
        self.login.setObjectName("signInLogin")
        self.login.setAccessibleName(self.tr("Login"))
        self.password = secret_field(self, self.tr("Password"))
        self.password.setObjectName("signInPassword")
        self.add_row(self.tr("&Login"), self.login)
        self.add_row(self.tr("&Password"), self.password)
        self.cancel_button.setText(self.tr("Quit"))
        self.login.textChanged.connect(lambda _t: self._update_ok())

        self.countdown = QTimer(self)
        self.countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        (self.password if login else self.login).setFocus()

    @property
    def actor(self) -> Actor | None:
        return self.result_value  # type: ignore[return-value]

    def seconds_left(self) -> int:
        if self._deadline is None:
            return 0
        # Rounded, not truncated: a tick a few milliseconds early still
        # shows the second it stands for.
        return max(0, round(self._deadline - time.monotonic()))

    def problem(self) -> str | None:
        if not self.login.text().strip():
            return self.tr("Enter your login.")
        if not self.password.text():
            return self.tr("Enter your password.")
        return None

    def call(self) -> Callable[[], object]:
        service, station = self._service, self._station
        login, password = self.login.text(), self.password.text()
        return lambda: service.sign_in(login, password, station)

    def refusal(self, exc: BaseException) -> str:
        text = refusal_words(exc)
        if isinstance(exc, SignInFailed) and exc.wait:
            self._deadline = time.monotonic() + exc.wait.total_seconds()
            text = words.sentences(text, words.try_again_words(self.seconds_left()))
        return text

    def on_refused(self, exc: BaseException) -> None:
        self.password.clear()
        if isinstance(exc, SignInFailed) and exc.wait:
            self._waiting_login = self.login.text().strip().lower()
            self.countdown.start()
            self._update_ok()
        self.password.setFocus()

    def _tick(self) -> None:
        left = self.seconds_left()
        self.countdown_ticked.emit(left)
        if left <= 0:
            self.countdown.stop()
            self._deadline = None
            self.show_message(words.try_again_words(0), "")
        else:
            reason = words.sign_in_refused_words("throttled")
            self.show_message(words.sentences(reason, words.try_again_words(left)))
        self._update_ok()

    def _update_ok(self) -> None:
        # The wait belongs to one account; another login may try at once.
        waiting = (
            self.countdown.isActive()
            and self.login.text().strip().lower() == self._waiting_login
        )
        self.ok_button.setEnabled(not waiting and not self.is_busy())


def staff_dialog(
    service: StaffService, station: str, parent: QWidget | None = None
) -> QDialog:
    """The first-run dialog on a database without staff, else the sign-in.

    Either one's `succeeded` carries the signed-in Actor.
    """
    if service.needs_first_admin():
        log.info("no staff yet: asking for the first admin")
        return FirstAdminDialog(service, parent)
    return SignInDialog(service, station, parent)
