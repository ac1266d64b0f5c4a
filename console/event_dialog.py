"""The event form: create or edit an event with its door rules.

The service validates: a refused draft comes back with a problem per field,
and each problem is written in words under its field. Times are typed in
the station's time zone and stored in UTC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console import door_words
from memberdesk.console.forms import FormDialog, refusal_words
from memberdesk.services.catalogue import TIER_ORDER
from memberdesk.services.event_admin import (
    KINDS,
    MAX_CAPACITY,
    MAX_NAME,
    EventChangeRefused,
    EventDraft,
    EventInvalid,
    EventService,
)
from memberdesk.services.permissions import Actor
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

TIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(value: dt.datetime, zone: dt.tzinfo) -> QDateTime:
    local = value.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
    )


def from_edit(edit: QDateTimeEdit, zone: dt.tzinfo) -> dt.datetime:
    """The edit's wall-clock time, read in the station's zone."""
    value = edit.dateTime()
    day, time = value.date(), value.time()
    return dt.datetime(
        day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=zone
    )


def time_edit(parent: QWidget, name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def limit_box(parent: QWidget, name: str, none_text: str) -> QSpinBox:
    """A number from 1 up, where 0 reads as `none_text` (no limit)."""
    box = QSpinBox(parent)
    box.setRange(0, MAX_CAPACITY)
    box.setSpecialValueText(none_text)
    box.setAccessibleName(name)
    return box


def default_draft(now: dt.datetime, zone: dt.tzinfo) -> EventDraft:
    """Tomorrow afternoon, doors open half an hour before: a starting point."""
    day = (now.astimezone(zone) + dt.timedelta(days=1)).date()

    def at(hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)

    return EventDraft(
        name="",
        kind="vip_salon",
        starts_at=at(14),
        ends_at=at(17),
        doors_open_at=at(13, 30),
        doors_close_at=at(17),
        capacity=60,
        eligible_tiers=("diamond",),
    )


class EventDialog(FormDialog):
    """New event, or an existing one's changes; `succeeded` carries the EventRow."""

    def __init__(
        self,
        service: EventService,
        actor: Actor | None,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo,
        draft: EventDraft,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.setObjectName("eventDialog")
        self._service, self._actor, self._zone = service, actor, zone
        self.event_id = event_id
        if event_id is None:
            self.setWindowTitle(self.tr("New event"))
            self.ok_button.setText(self.tr("&Create"))
        else:
            self.setWindowTitle(self.tr("Edit event"))
            self.ok_button.setText(self.tr("&Save"))
        self.problem_labels: dict[str, QLabel] = {}

        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME + 20)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(door_words.kind_name(kind), kind)
        self.venue = QLineEdit(self)
        self.starts_at = time_edit(self, self.tr("Starts"))
        self.ends_at = time_edit(self, self.tr("Ends"))
        self.has_window = QCheckBox(self.tr("Set the door opening hours"), self)
        self.doors_open_at = time_edit(self, self.tr("Doors open"))
        self.doors_close_at = time_edit(self, self.tr("Doors close"))
        self.has_window.toggled.connect(self.doors_open_at.setEnabled)
        self.has_window.toggled.connect(self.doors_close_at.setEnabled)
        self.capacity = limit_box(self, self.tr("Capacity"), self.tr("no limit"))
        self.tier_boxes: dict[str, QCheckBox] = {}
        tier_row = QWidget(self)
        tier_layout = QHBoxLayout(tier_row)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        for code in [c for c in TIER_ORDER if c in tiers] or list(tiers):
            box = QCheckBox(tiers[code].label, tier_row)
            self.tier_boxes[code] = box
            tier_layout.addWidget(box)
        tier_layout.addStretch(1)
        self.registration = QCheckBox(self.tr("Only registered members"), self)
        self.reentry = QCheckBox(self.tr("Members may leave and come back in"), self)
        self.member_cap = limit_box(self, self.tr("Yearly cap per member"), "—")
        self.kind_cap = limit_box(self, self.tr("Yearly places for the kind"), "—")

        self._row("name", self.tr("&Name"), self.name)
        self._row("kind", self.tr("&Kind"), self.kind)
        self._row("venue", self.tr("&Venue"), self.venue)
        self._row("starts_at", self.tr("&Starts"), self.starts_at)
        self._row("ends_at", self.tr("&Ends"), self.ends_at)
        self._row("window", self.tr("Door hours"), self.has_window)
        self._row("doors_open_at", self.tr("Doors &open"), self.doors_open_at)
        self._row("doors_close_at", self.tr("Doors &close"), self.doors_close_at)
        self._row("capacity", self.tr("Ca&pacity"), self.capacity)
        self._row("eligible_tiers", self.tr("Eligible &tiers"), tier_row)
        self._row("registration_required", self.tr("Registration"), self.registration)
        self._row("reentry_allowed", self.tr("Re-entry"), self.reentry)
        self._row("member_yearly_cap", self.tr("Per member a &year"), self.member_cap)
        self._row("kind_yearly_cap", self.tr("Places a ye&ar"), self.kind_cap)
        self.add_rules(
            self.tr(
                "The yearly caps count every event of this kind in the "
                "programme year: per member (2 VIP salons for a diamond "
                "member), and in total (100 headquarters places)."
            )
        )
        self.set_draft(draft)
        self.name.setFocus()

    def _row(self, field: str, caption: str, widget: QWidget) -> None:
        """The field, with its problem written under it when there is one."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        problem = QLabel(box)
        problem.setObjectName("fieldProblem")
        problem.setWordWrap(True)
        problem.hide()
        layout.addWidget(problem)
        self.problem_labels[field] = problem
        widget.setAccessibleName(widget.accessibleName() or caption.replace("&", ""))
        self.add_row(caption, box)

    def set_draft(self, draft: EventDraft) -> None:
        self.name.setText(draft.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.venue.setText(draft.venue)
        self.starts_at.setDateTime(to_qdatetime(draft.starts_at, self._zone))
        self.ends_at.setDateTime(to_qdatetime(draft.ends_at, self._zone))
        has_window = draft.doors_open_at is not None
        self.has_window.setChecked(has_window)
        opens = draft.doors_open_at or draft.starts_at
        closes = draft.doors_close_at or draft.ends_at
        self.doors_open_at.setDateTime(to_qdatetime(opens, self._zone))
        self.doors_close_at.setDateTime(to_qdatetime(closes, self._zone))
        self.doors_open_at.setEnabled(has_window)
        self.doors_close_at.setEnabled(has_window)
        self.capacity.setValue(draft.capacity or 0)
        for code, box in self.tier_boxes.items():
            box.setChecked(code in draft.eligible_tiers)
        self.registration.setChecked(draft.registration_required)
        self.reentry.setChecked(draft.reentry_allowed)
        self.member_cap.setValue(draft.member_yearly_cap or 0)
        self.kind_cap.setValue(draft.kind_yearly_cap or 0)

    def draft(self) -> EventDraft:
        window = self.has_window.isChecked()
        return EventDraft(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            starts_at=from_edit(self.starts_at, self._zone),
            ends_at=from_edit(self.ends_at, self._zone),
            venue=self.venue.text(),
            doors_open_at=from_edit(self.doors_open_at, self._zone) if window else None,
            doors_close_at=(
                from_edit(self.doors_close_at, self._zone) if window else None
            ),
            capacity=self.capacity.value() or None,
            eligible_tiers=tuple(
                c for c, b in self.tier_boxes.items() if b.isChecked()
            ),
            registration_required=self.registration.isChecked(),
            reentry_allowed=self.reentry.isChecked(),
            member_yearly_cap=self.member_cap.value() or None,
            kind_yearly_cap=self.kind_cap.value() or None,
        )

    def problem(self) -> str | None:
        # The service is the one judge of a draft; a new try starts clean.
        for label in self.problem_labels.values():
            label.hide()
        return None

    def call(self) -> Callable[[], object]:
        service, actor, event_id, draft = (
            self._service,
            self._actor,
            self.event_id,
            self.draft(),
        )
        if event_id is None:
            return lambda: service.create(actor, draft)
        changes = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}
        return lambda: service.edit(actor, event_id, **changes)

    def refusal(self, exc: BaseException) -> str:
        if isinstance(exc, EventInvalid):
            unplaced = []
            for field, message in exc.problems.items():
                text = door_words.event_problem_words(field, message)
                label = self.problem_labels.get(field)
                if label is None:
                    unplaced.append(text)
                    continue
                label.setText(text)
                label.show()
            if unplaced:
                return " ".join(unplaced)
            return self.tr("Some fields need attention: see the notes under them.")
        if isinstance(exc, EventChangeRefused):
            return door_words.event_change_refused_words(str(exc))
        return refusal_words(exc)


class CopyEventDialog(FormDialog):
    """Copy an event's rules; `succeeded` carries the new EventRow.

    A copy never keeps a stale door window: moved to a new start, its times
    and window move with it; kept on its dates, it has no window until one
    is set, and the door refuses until then.
    """

    def __init__(
        self,
        service: EventService,
        actor: Actor | None,
        zone: dt.tzinfo,
        source: EventDraft,
        event_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.setObjectName("copyEventDialog")
        self.setWindowTitle(self.tr("Copy event"))
        self.ok_button.setText(self.tr("&Copy"))
        self._service, self._actor, self._zone = service, actor, zone
        self.event_id = event_id
        self.set_intro(
            self.tr(
                "The copy keeps the rules of “%1”: tiers, capacity, registration, "
                "re-entry and the yearly caps."
            ).replace("%1", source.name)
        )
        self.name = QLineEdit(source.name, self)
        self.name.setAccessibleName(self.tr("Name"))
        self.move_dates = QCheckBox(self.tr("Move it to a new start"), self)
        self.starts_at = time_edit(self, self.tr("New start"))
        self.starts_at.setDateTime(
            to_qdatetime(source.starts_at + dt.timedelta(days=7), zone)
        )
        self.move_dates.setChecked(True)
        self.move_dates.toggled.connect(self.starts_at.setEnabled)
        self.add_row(self.tr("&Name"), self.name)
        self.add_row(self.tr("Dates"), self.move_dates)
        self.add_row(self.tr("New &start"), self.starts_at)
        self.add_rules(
            self.tr(
                "Moved, its door opening hours move with it. Not moved, it keeps "
                "the dates and has no door opening hours until they are set."
            )
        )

    def call(self) -> Callable[[], object]:
        service, actor, event_id = self._service, self._actor, self.event_id
        name = self.name.text()
        start = (
            from_edit(self.starts_at, self._zone)
            if self.move_dates.isChecked()
            else None
        )
        return lambda: service.copy(actor, event_id, starts_at=start, name=name)

    def refusal(self, exc: BaseException) -> str:
        if isinstance(exc, EventInvalid):
            return " ".join(
                door_words.event_problem_words(field, message)
                for field, message in exc.problems.items()
            )
        if isinstance(exc, EventChangeRefused):
            return door_words.event_change_refused_words(str(exc))
        return refusal_words(exc)


class CancelEventDialog(FormDialog):
    """Cancel an event, with the reason; `succeeded` carries the EventRow."""

    def __init__(
        self,
        service: EventService,
        actor: Actor | None,
        name: str,
        event_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.setObjectName("cancelEventDialog")
        self.setWindowTitle(self.tr("Cancel event"))
        self.ok_button.setText(self.tr("Cancel the &event"))
        self.cancel_button.setText(self.tr("&Keep it"))
        self._service, self._actor, self.event_id = service, actor, event_id
        self.set_intro(
            self.tr(
                "Cancel “%1”? The door refuses every scan for it from then on. "
                "Its check-ins stay on record."
            ).replace("%1", name)
        )
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(200)
        self.add_row(self.tr("&Reason"), self.reason)
        self.reason.setFocus()

    def problem(self) -> str | None:
        if not self.reason.text().strip():
            return door_words.event_problem_words("reason", "say why")
        return None

    def call(self) -> Callable[[], object]:
        service, actor, event_id = self._service, self._actor, self.event_id
        reason = self.reason.text()
        return lambda: service.cancel(actor, event_id, reason)

    def refusal(self, exc: BaseException) -> str:
        if isinstance(exc, EventInvalid):
            return " ".join(
                door_words.event_problem_words(f, m) for f, m in exc.problems.items()
            )
        if isinstance(exc, EventChangeRefused):
            return door_words.event_change_refused_words(str(exc))
        return refusal_words(exc)
