"""The Events page: the programme's events, their door rules and registrations.

Create, edit, copy and cancel go through EventService with the signed-in
actor, which checks MANAGE_EVENTS again; the page is only hidden from roles
without it. Each change runs in its dialog off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import door_words
from memberdesk.console.event_dialog import (
    CancelEventDialog,
    CopyEventDialog,
    EventDialog,
    default_draft,
)
from memberdesk.console.forms import set_tone
from memberdesk.console.registration_import_dialog import RegistrationImportDialog
from memberdesk.services.event_admin import EventService
from memberdesk.services.events import EventRow, list_events
from memberdesk.services.models import utcnow
from memberdesk.services.permissions import Actor
from memberdesk.services.registrations import RegistrationService
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

NAME, KIND, STARTS, DOORS, STATUS, CAPACITY, TIERS, RULES = range(8)
ROW_ROLE = Qt.ItemDataRole.UserRole + 12


class EventsPage(QWidget):
    """List events; create, edit, copy, cancel; import registration lists."""

    #: The list was reloaded; carries how many events it shows.
    listed = Signal(int)
    #: A change went through: (what, the EventRow); what is created, changed,
    #: copied or cancelled.
    changed = Signal(str, object)
    #: A dialog opened; carries it.
    dialog_opened = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        service: EventService,
        registrations: RegistrationService,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPage")
        self._sessions = sessions
        self._service = service
        self._registrations = registrations
        self._tiers = dict(tiers)
        self._zone = zone
        self._actor = actor
        self._clock = clock
        self.dialog: QDialog | None = None

        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("eventsTable")
        self.table.setAccessibleName(self.tr("Events"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Time"),
                self.tr("Door hours"),
                self.tr("Status"),
                self.tr("Admitted / capacity"),
                self.tr("Tiers"),
                self.tr("Rules"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_event())

        self.new_button = QPushButton(self.tr("&New event…"), self)
        self.new_button.clicked.connect(self.new_event)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(self.edit_event)
        self.copy_button = QPushButton(self.tr("C&opy…"), self)
        self.copy_button.clicked.connect(self.copy_event)
        self.cancel_button = QPushButton(self.tr("&Cancel event…"), self)
        self.cancel_button.clicked.connect(self.cancel_event)
        self.import_button = QPushButton(self.tr("&Import registrations…"), self)
        self.import_button.clicked.connect(self.import_registrations)
        self.show_cancelled = QCheckBox(self.tr("&Show cancelled events"), self)
        self.show_cancelled.toggled.connect(lambda _on: self.refresh())
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.copy_button,
            self.cancel_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_cancelled)

        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        title = QLabel(self.tr("Events"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        self.refresh()

    def page_title(self) -> str:
        return self.tr("Events")

    def page_shown(self) -> None:
        self.refresh()

    def page_hidden(self) -> None:
        pass

    def refresh(self) -> None:
        chosen = self.selected_event()
        with self._sessions() as s:
            rows = list_events(s, include_cancelled=self.show_cancelled.isChecked())
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            self._fill(n, row)
        if chosen is not None:
            self.select_event(chosen.id)
        self._update_buttons()
        self.listed.emit(len(rows))

    def _when(self, value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return "—" if value is None else value.astimezone(self._zone).strftime(fmt)

    def _door_hours(self, row: EventRow) -> str:
        """Opening to closing; a date is written only where the day changes."""
        opens, closes = row.doors_open_at, row.doors_close_at
        if opens is None or closes is None:
            return "—"
        start_day = row.starts_at.astimezone(self._zone).date()
        text = []
        for value in (opens, closes):
            local = value.astimezone(self._zone)
            same = local.date() == start_day
            text.append(local.strftime("%H:%M" if same else "%m-%d %H:%M"))
        return "–".join(text)

    def _fill(self, n: int, row: EventRow) -> None:
        tiers = [
            self._tiers[t].label if t in self._tiers else t for t in row.eligible_tiers
        ]
        rules = []
        if row.registration_required:
            rules.append(self.tr("registration"))
        rules.append(
            self.tr("re-entry") if row.reentry_allowed else self.tr("no re-entry")
        )
        if row.member_yearly_cap:
            rules.append(
                self.tr("%1 a year per member").replace(
                    "%1", str(row.member_yearly_cap)
                )
            )
        if row.kind_yearly_cap:
            rules.append(
                self.tr("%1 places a year").replace("%1", str(row.kind_yearly_cap))
            )
        if row.cancelled:
            status = self.tr("Cancelled")
        elif row.doors_open_at is None:
            status = self.tr("Door hours not set")
        else:
            status = self.tr("Scheduled")
        capacity = "∞" if row.capacity is None else str(row.capacity)
        cells = {
            NAME: row.name,
            KIND: door_words.kind_name(row.kind),
            STARTS: f"{self._when(row.starts_at)}–{self._when(row.ends_at, '%H:%M')}",
            DOORS: self._door_hours(row),
            CAPACITY: f"{row.admitted} / {capacity}",
            TIERS: " ".join(tiers),
            RULES: " · ".join(rules),
            STATUS: status,
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setData(ROW_ROLE, row)
            if column == NAME:
                item.setToolTip(row.venue)
            self.table.setItem(n, column, item)

    def selected_event(self) -> EventRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), NAME).data(ROW_ROLE)

    def select_event(self, event_id: int) -> bool:
        for n in range(self.table.rowCount()):
            if self.table.item(n, NAME).data(ROW_ROLE).id == event_id:
                self.table.selectRow(n)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_event()
        live = row is not None and not row.cancelled
        self.edit_button.setEnabled(live)
        self.copy_button.setEnabled(row is not None)
        self.cancel_button.setEnabled(live)
        self.import_button.setEnabled(live)

    def new_event(self) -> EventDialog:
        draft = default_draft(self._clock(), self._zone)
        dialog = EventDialog(
            self._service, self._actor(), self._tiers, self._zone, draft, None, self
        )
        return self._open(dialog, "created")

    def edit_event(self) -> EventDialog | None:
        row = self.selected_event()
        if row is None or row.cancelled:
            return None
        draft = self._service.draft(row.id)
        dialog = EventDialog(
            self._service, self._actor(), self._tiers, self._zone, draft, row.id, self
        )
        return self._open(dialog, "changed")

    def copy_event(self) -> CopyEventDialog | None:
        row = self.selected_event()
        if row is None:
            return None
        draft = self._service.draft(row.id)
        dialog = CopyEventDialog(
            self._service, self._actor(), self._zone, draft, row.id, self
        )
        return self._open(dialog, "copied")

    def cancel_event(self) -> CancelEventDialog | None:
        row = self.selected_event()
        if row is None or row.cancelled:
            return None
        dialog = CancelEventDialog(self._service, self._actor(), row.name, row.id, self)
        return self._open(dialog, "cancelled")

    def import_registrations(self) -> RegistrationImportDialog | None:
        row = self.selected_event()
        if row is None or row.cancelled:
            return None
        dialog = RegistrationImportDialog(
            self._registrations, self._actor(), row.id, row.name, self
        )
        dialog.committed.connect(lambda _result: self.refresh())
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _open(self, dialog: QDialog, what: str) -> QDialog:
        dialog.succeeded.connect(lambda result, w=what: self._done(w, result))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _done(self, what: str, row: object) -> None:
        texts = {
            "created": self.tr("Event created: %1"),
            "changed": self.tr("Event saved: %1"),
            "copied": self.tr("Event copied: %1"),
            "cancelled": self.tr("Event cancelled: %1"),
        }
        name = getattr(row, "name", "")
        self.message.setText(texts[what].replace("%1", name))
        set_tone(self.message, "ok")
        self.message.show()
        self.refresh()
        if isinstance(row, EventRow):
            self.select_event(row.id)
        self.changed.emit(what, row)
