"""The door page: choose the event, then every tap gets a large verdict.

The card read and the decision both run on the reader thread inside the tap
handler; the Verdict comes back as a queued signal and is only shown here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.nfc.cardread import read_message
from memberdesk.services.checkin import Door, Verdict
from memberdesk.services.events import EventRow, list_events
from memberdesk.services.permissions import Actor
from memberdesk.services.reasons import Reason
from memberdesk.widgets import verdict as panel
from memberdesk.widgets.tier_badge import TierLook
from memberdesk.widgets.verdict import VerdictPanel

log = logging.getLogger(__name__)

RECENT_SCANS = 10


@dataclass(frozen=True)
class NoEventChosen:
    """A card was tapped before an event was chosen: nothing was recorded."""

    uid: bytes


class DoorPage(QWidget):
    """Check members in at one event by card tap."""

    #: A verdict is on screen: the services Verdict, or NoEventChosen.
    verdict_shown = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        door: Door,
        bridge: ReaderBridge,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorPage")
        self._sessions = sessions
        self._door = door
        self._actor = actor
        self._bridge = bridge
        self._tiers = dict(tiers)
        self._zone = zone
        self._events: dict[int, EventRow] = {}
        self._shown = False

        self.event = QComboBox(self)
        self.event.setObjectName("doorEvent")
        self.event.setAccessibleName(self.tr("Event"))
        self.event.setMinimumContentsLength(28)
        self.event.currentIndexChanged.connect(lambda _i: self._event_changed())

        self.verdict = VerdictPanel(self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentScans")
        self.recent.setAccessibleName(self.tr("Last scans"))
        self.recent.setMaximumHeight(170)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Event"), self)
        label.setBuddy(self.event)
        top.addWidget(label)
        top.addWidget(self.event, 1)
        title = QLabel(self.tr("Door"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.verdict, 1)
        layout.addWidget(QLabel(self.tr("Last scans"), self))
        layout.addWidget(self.recent)
        self.setFocusProxy(self.event)

        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        self.reload_events()
        self._show_waiting()

    def page_title(self) -> str:
        return self.tr("Door")

    def page_shown(self) -> None:
        self._shown = True
        self.reload_events()
        self._install_handler()

    def page_hidden(self) -> None:
        self._shown = False
        self._bridge.clear_handler(self)

    def reload_events(self) -> None:
        chosen = self.event_id()
        with self._sessions() as s:
            rows = list_events(s)
        self._events = {e.id: e for e in rows}
        self.event.blockSignals(True)
        self.event.clear()
        self.event.addItem(self.tr("Choose an event…"), None)
        for row in rows:
            self.event.addItem(self._event_label(row), row.id)
        index = self.event.findData(chosen) if chosen is not None else 0
        self.event.setCurrentIndex(max(index, 0))
        self.event.blockSignals(False)

    def event_id(self) -> int | None:
        data = self.event.currentData()
        return int(data) if data is not None else None

    def choose_event(self, event_id: int) -> bool:
        index = self.event.findData(event_id)
        if index < 0:
            return False
        self.event.setCurrentIndex(index)
        return True

    def show_verdict(self, verdict: Verdict) -> None:
        """Put a decided scan on screen and at the top of the last scans."""
        look = self._tiers.get(verdict.tier_code) if verdict.tier_code else None
        reason = words.reason_words(verdict.reason)
        if verdict.admitted:
            self.verdict.show_verdict(
                panel.ADMIT, self.tr("ADMIT"), reason, verdict.member_name, look
            )
        elif verdict.reason == Reason.READ_FAILED:
            self.verdict.show_verdict(panel.WAIT, self.tr("TAP AGAIN"), reason)
        else:
            self.verdict.show_verdict(
                panel.REFUSE, self.tr("DO NOT ADMIT"), reason, verdict.member_name, look
            )
        self._remember(verdict.admitted, reason, verdict.member_name)
        self.verdict_shown.emit(verdict)

    def _event_changed(self) -> None:
        self._install_handler()
        self._show_waiting()

    def _install_handler(self) -> None:
        if not self._shown:
            return
        event_id, door, actor = self.event_id(), self._door, self._actor()

        def decide(tag: object) -> Verdict | NoEventChosen:
            read = read_message(tag)
            if event_id is None:
                return NoEventChosen(read.uid)
            return door.decide_card(event_id, read.uid, read.message or b"", actor)

        self._bridge.set_handler(self, decide)

    def _on_handled(self, owner: object, result: object) -> None:
        if owner is not self:
            return
        if isinstance(result, NoEventChosen):
            self.verdict.show_verdict(
                panel.WAIT,
                self.tr("Choose an event first"),
                self.tr(
                    "This card was not checked in. Choose the event above, "
                    "then tap the card again."
                ),
            )
            self.verdict_shown.emit(result)
            return
        if isinstance(result, Verdict):
            self.show_verdict(result)

    def _on_failed(self, owner: object, exc: object) -> None:
        if owner is not self:
            return
        log.info("door tap failed: %s", exc)
        self.show_verdict(
            Verdict(Reason.READ_FAILED, self.event_id() or 0, detail=str(exc))
        )

    def _show_waiting(self) -> None:
        if self.event_id() is None:
            self.verdict.show_verdict(
                panel.IDLE,
                self.tr("Choose an event"),
                self.tr("Taps are checked in once an event is chosen."),
            )
        else:
            self.verdict.show_verdict(
                panel.IDLE,
                self.tr("Tap a card"),
                self.tr("Members tap their card on the reader."),
            )

    def _remember(self, admitted: bool, reason: str, name: str) -> None:
        now = dt.datetime.now(self._zone).strftime("%H:%M:%S")
        mark = "✔" if admitted else "✘"
        text = f"{now}  {mark}  {reason}" + (f"  ·  {name}" if name else "")
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        self.recent.insertItem(0, item)
        while self.recent.count() > RECENT_SCANS:
            self.recent.takeItem(self.recent.count() - 1)

    def _event_label(self, row: EventRow) -> str:
        start = row.starts_at.astimezone(self._zone) if self._zone else row.starts_at
        end = row.ends_at.astimezone(self._zone) if self._zone else row.ends_at
        return f"{row.name} · {row.venue} · {start:%Y-%m-%d %H:%M}–{end:%H:%M}"
