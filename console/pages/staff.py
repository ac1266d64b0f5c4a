"""The Staff page: the station's staff, and an admin's changes to them.

Every change goes through StaffService with the signed-in actor, which
checks the role again; the page only hides itself from roles that cannot
manage staff. Password and PIN changes hash, so their dialogs run the call
off the GUI thread. The station's idle lock time is set here too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.forms import refusal_words, set_tone
from memberdesk.console.session import MAX_IDLE_MINUTES, idle_minutes, set_idle_minutes
from memberdesk.console.staff_dialogs import AddStaffDialog, PasswordDialog, PinDialog
from memberdesk.services.audit import AuditLog
from memberdesk.services.permissions import Actor
from memberdesk.services.staff import StaffError, StaffService, StaffView

log = logging.getLogger(__name__)

LOGIN, NAME, ROLE, STATUS, PIN, LAST = range(6)
VIEW_ROLE = Qt.ItemDataRole.UserRole + 7


class StaffPage(QWidget):
    """List, add, disable and enable staff; reset passwords and set PINs."""

    #: The list was reloaded; carries how many staff it shows.
    listed = Signal(int)
    #: A change went through; carries what changed ("added", "disabled", ...).
    changed = Signal(str)
    #: A change was refused; carries the words shown.
    refused = Signal(str)
    #: The station's idle lock time was saved; carries the minutes.
    idle_minutes_changed = Signal(int)

    def __init__(
        self,
        service: StaffService,
        sessions: sessionmaker[Session],
        audit: AuditLog,
        station: str,
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffPage")
        self._service = service
        self._sessions = sessions
        self._audit = audit
        self._station = station
        self._zone = zone
        self._actor = actor
        self.dialog: QDialog | None = None

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("staffTable")
        self.table.setAccessibleName(self.tr("Staff"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Login"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("PIN"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(72)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Add staff…"), self)
        self.add_button.clicked.connect(self.add_staff)
        self.toggle_button = QPushButton(self.tr("&Disable"), self)
        self.toggle_button.clicked.connect(self.toggle_disabled)
        self.password_button = QPushButton(self.tr("&Reset password…"), self)
        self.password_button.clicked.connect(self.reset_password)
        self.pin_button = QPushButton(self.tr("Set P&IN…"), self)
        self.pin_button.clicked.connect(self.set_pin)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.toggle_button,
            self.password_button,
            self.pin_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock after minutes without input"))
        self.idle_button = QPushButton(self.tr("Sa&ve"), self)
        self.idle_button.clicked.connect(self.save_idle_minutes)
        station_box = QGroupBox(self.tr("This station"), self)
        row = QHBoxLayout(station_box)
        label = QLabel(self.tr("&Lock after this long without input:"), station_box)
        label.setBuddy(self.idle)
        row.addWidget(label)
        row.addWidget(self.idle)
        row.addWidget(self.idle_button)
        row.addStretch(1)

        title = QLabel(self.tr("Staff"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(station_box)
        self.setFocusProxy(self.table)
        self._update_buttons()

    def page_title(self) -> str:
        return self.tr("Staff")

    def page_shown(self) -> None:
        self.refresh()
        self.idle.setValue(idle_minutes(self._sessions, self._station))

    def page_hidden(self) -> None:
        pass

    def refresh(self) -> None:
        """Reload the list, keeping the selected staff member selected."""
        chosen = self.selected()
        actor = self._actor()
        try:
            rows = self._service.list_staff(actor) if actor else []
        except PermissionError as exc:
            self._show(words.permission_words(exc), "error")
            rows = []
        self.table.setRowCount(len(rows))
        for number, view in enumerate(rows):
            self._fill(number, view)
            if chosen is not None and view.id == chosen.id:
                self.table.selectRow(number)
        self._update_buttons()
        self.listed.emit(len(rows))

    def selected(self) -> StaffView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), LOGIN).data(VIEW_ROLE)

    def select_login(self, login: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, LOGIN).text() == login:
                self.table.selectRow(row)
                return True
        return False

    def add_staff(self) -> None:
        actor = self._actor()
        if actor is not None:
            self._open(AddStaffDialog(self._service, actor, self), "added")

    def reset_password(self) -> None:
        actor, view = self._actor(), self.selected()
        if actor is not None and view is not None:
            self._open(PasswordDialog(self._service, actor, view, self), "password")

    def set_pin(self) -> None:
        actor, view = self._actor(), self.selected()
        if actor is not None and view is not None:
            self._open(PinDialog(self._service, actor, view, self), "pin")

    def toggle_disabled(self) -> None:
        """Disable the selected staff member, or enable a disabled one."""
        actor, view = self._actor(), self.selected()
        if actor is None or view is None:
            return
        # No hashing here: a short write, fine on the GUI thread.
        try:
            if view.disabled:
                self._service.enable(actor, view.id)
                what, text = "enabled", self.tr("%1 can sign in again.")
            else:
                self._service.disable(actor, view.id)
                what, text = "disabled", self.tr("%1 can no longer sign in.")
        except (PermissionError, StaffError) as exc:
            self._refuse(refusal_words(exc))
            return
        self._show(text.replace("%1", view.display_name), "ok")
        self.refresh()
        self.changed.emit(what)

    def save_idle_minutes(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        try:
            minutes = set_idle_minutes(
                self._sessions, self._audit, actor, self._station, self.idle.value()
            )
        except PermissionError as exc:
            self._refuse(words.permission_words(exc))
            return
        self._show(
            self.tr("This station now locks after %1 without input.").replace(
                "%1", words.wait_words(minutes * 60)
            ),
            "ok",
        )
        self.idle_minutes_changed.emit(minutes)

    def _open(self, dialog: QDialog, what: str) -> None:
        self.dialog = dialog
        dialog.succeeded.connect(lambda _result: self._dialog_done(what))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _dialog_done(self, what: str) -> None:
        texts = {
            "added": self.tr("Staff member added."),
            "password": self.tr(
                "Password reset; any wait before signing in is lifted."
            ),
            "pin": self.tr("PIN saved."),
        }
        self._show(texts[what], "ok")
        self.refresh()
        self.changed.emit(what)

    def _fill(self, row: int, view: StaffView) -> None:
        last = view.last_sign_in_at
        if last is not None and self._zone is not None:
            last = last.astimezone(self._zone)
        cells = [
            view.login,
            view.display_name,
            words.role_name(view.role),
            self.tr("Disabled") if view.disabled else self.tr("Active"),
            self.tr("Yes") if view.has_pin else self.tr("No"),
            last.strftime("%Y-%m-%d %H:%M") if last else self.tr("Never"),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == LOGIN:
                item.setData(VIEW_ROLE, view)
            self.table.setItem(row, column, item)

    def _update_buttons(self) -> None:
        view = self.selected()
        for button in (self.toggle_button, self.password_button, self.pin_button):
            button.setEnabled(view is not None)
        self.toggle_button.setText(
            self.tr("&Enable")
            if view is not None and view.disabled
            else self.tr("&Disable")
        )

    def _refuse(self, text: str) -> None:
        self._show(text, "error")
        self.refused.emit(text)

    def _show(self, text: str, tone: str) -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self.message.setVisible(bool(text))
