"""The Staff page's dialogs: add a staff member, reset a password, set a PIN.

Each runs its StaffService call itself, off the GUI thread, with the admin
who opened it as the actor; the service checks the role again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from memberdesk.console import words
from memberdesk.console.forms import FormDialog, secret_field
from memberdesk.services.permissions import Actor, Role
from memberdesk.services.staff import MIN_PASSWORD, StaffService, StaffView

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds the strings below.
translate = QCoreApplication.translate


class AddStaffDialog(FormDialog):
    """Login, name, role and a first password; `succeeded` carries the StaffView."""

    def __init__(
        self, service: StaffService, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add staff"), self.tr("Add"), parent)
        self.setObjectName("addStaffDialog")
        self._service, self._actor = service, actor
        self.login = QLineEdit(self)
        self.login.setAccessibleName(self.tr("Login"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Role"))
        for role in (Role.DOOR, Role.ISSUER, Role.OPERATOR, Role.ADMIN):
            self.role.addItem(words.role_name(role), role.value)
        self.password = secret_field(self, self.tr("Password"))
        self.repeat = secret_field(self, self.tr("Password again"))
        self.add_row(self.tr("&Login"), self.login)
        self.add_row(self.tr("&Name"), self.name)
        self.add_row(self.tr("&Role"), self.role)
        self.add_row(self.tr("&Password"), self.password)
        self.add_row(self.tr("&Again"), self.repeat)
        self.add_rules(
            words.login_rule_words(), words.password_rule_words(MIN_PASSWORD)
        )
        self.login.setFocus()

    def problem(self) -> str | None:
        if not self.login.text().strip():
            return self.tr("Enter a login.")
        if not self.name.text().strip():
            return self.tr("Enter the staff member's name.")
        return _password_problem(self.password.text(), self.repeat.text())

    def call(self) -> Callable[[], object]:
        service, actor = self._service, self._actor
        login, name = self.login.text(), self.name.text()
        role, password = self.role.currentData(), self.password.text()
        return lambda: service.create_staff(actor, login, name, role, password)


class PasswordDialog(FormDialog):
    """A new password for one staff member; any sign-in wait is lifted."""

    def __init__(
        self,
        service: StaffService,
        actor: Actor,
        staff: StaffView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Reset password"), self.tr("Reset"), parent)
        self.setObjectName("passwordDialog")
        self._service, self._actor, self._staff = service, actor, staff
        self.set_intro(
            self.tr("A new password for %1 (%2).")
            .replace("%1", staff.display_name)
            .replace("%2", staff.login)
        )
        self.password = secret_field(self, self.tr("New password"))
        self.repeat = secret_field(self, self.tr("New password again"))
        self.add_row(self.tr("&New password"), self.password)
        self.add_row(self.tr("&Again"), self.repeat)
        self.add_rules(words.password_rule_words(MIN_PASSWORD))
        self.password.setFocus()

    def problem(self) -> str | None:
        return _password_problem(self.password.text(), self.repeat.text())

    def call(self) -> Callable[[], object]:
        service, actor, staff_id = self._service, self._actor, self._staff.id
        password = self.password.text()
        return lambda: service.reset_password(actor, staff_id, password)


class PinDialog(FormDialog):
    """Set a staff member's PIN, or leave both boxes empty to remove it."""

    def __init__(
        self,
        service: StaffService,
        actor: Actor,
        staff: StaffView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Set PIN"), self.tr("Save"), parent)
        self.setObjectName("pinDialog")
        self._service, self._actor, self._staff = service, actor, staff
        self.set_intro(
            self.tr(
                "The PIN unlocks a locked station for %1. Leave both boxes "
                "empty to remove it."
            ).replace("%1", staff.display_name)
        )
        digits = QRegularExpression("[0-9]{0,8}")
        self.pin = secret_field(self, self.tr("PIN"))
        self.repeat = secret_field(self, self.tr("PIN again"))
        for box in (self.pin, self.repeat):
            box.setValidator(QRegularExpressionValidator(digits, box))
        self.add_row(self.tr("&PIN"), self.pin)
        self.add_row(self.tr("&Again"), self.repeat)
        self.add_rules(self.tr("A PIN is 4 to 8 digits."))
        self.pin.setFocus()

    def problem(self) -> str | None:
        pin = self.pin.text()
        if pin != self.repeat.text():
            return self.tr("The two PINs differ.")
        if pin and not 4 <= len(pin) <= 8:
            return self.tr("A PIN is 4 to 8 digits.")
        return None

    def call(self) -> Callable[[], object]:
        service, actor, staff_id = self._service, self._actor, self._staff.id
        pin = self.pin.text() or None
        return lambda: service.set_pin(actor, staff_id, pin)


def _password_problem(password: str, repeat: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return words.password_rule_words(MIN_PASSWORD)
    if password != repeat:
        return translate("StaffDialogs", "The two passwords differ.")
    return None
