"""The first run: a database without staff asks for its first admin.

Nothing else opens before this account exists; the admin it creates is
signed in straight away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from memberdesk.console import words
from memberdesk.console.forms import FormDialog, secret_field
from memberdesk.services.permissions import Actor
from memberdesk.services.staff import MIN_PASSWORD, StaffService

log = logging.getLogger(__name__)


class FirstAdminDialog(FormDialog):
    """Login, name and password (twice) of the database's first admin.

    `succeeded` carries the new admin's Actor, signed in.
    """

    def __init__(self, service: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set up memberdesk"), self.tr("Create admin"), parent)
        self.setObjectName("firstAdminDialog")
        self._service = service
        self.set_intro(
            self.tr(
                "This database has no staff yet. Create the first admin: "
                "this account then adds everyone else."
            )
        )
        self.login = QLineEdit(self)
        self.login.setObjectName("firstLogin")
        self.login.setAccessibleName(self.tr("Login"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.password = secret_field(self, self.tr("Password"))
        self.repeat = secret_field(self, self.tr("Password again"))
        self.add_row(self.tr("&Login"), self.login)
        self.add_row(self.tr("&Name"), self.name)
        self.add_row(self.tr("&Password"), self.password)
        self.add_row(self.tr("&Again"), self.repeat)
        self.add_rules(
            words.login_rule_words(), words.password_rule_words(MIN_PASSWORD)
        )
        self.cancel_button.setText(self.tr("Quit"))
        self.login.setFocus()

    @property
    def actor(self) -> Actor | None:
        return self.result_value  # type: ignore[return-value]

    def problem(self) -> str | None:
        if not self.login.text().strip():
            return self.tr("Enter a login.")
        if not self.name.text().strip():
            return self.tr("Enter the admin's name.")
        if len(self.password.text()) < MIN_PASSWORD:
            return words.password_rule_words(MIN_PASSWORD)
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return None

    def call(self) -> Callable[[], object]:
        service = self._service
        login, name = self.login.text(), self.name.text()
        password = self.password.text()
        return lambda: service.create_first_admin(login, name, password)
