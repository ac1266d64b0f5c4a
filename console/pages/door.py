"""The door station: one event, a large verdict for every tap or scan.

A card tap is read and decided on the reader thread inside the tap handler;
a keyboard-wedge QR scan is decided on the thread pool (run_job). Either way
the Verdict comes back as a queued signal and is only shown here: green
admits, red refuses, amber where a supervisor may admit over the refusal,
always with the reason written out. The counters and the last scans are
read on the pool after every verdict and every correction.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import door_verdicts as shown
from memberdesk.console import door_words
from memberdesk.console.door_corrections import DoorCorrections
from memberdesk.console.door_dialogs import OVERRIDE, DoorActionDialog
from memberdesk.console.door_scanner import WedgeScanner
from memberdesk.console.door_sounds import ADMIT, REFUSE, DoorSounds
from memberdesk.console.door_state_reader import DoorStateReader
from memberdesk.console.forms import set_tone
from memberdesk.console.pages.door_scans import LastScansTable, scan_row
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.console.work import run_job
from memberdesk.nfc.cardread import read_message
from memberdesk.services.checkin import Door, Verdict
from memberdesk.services.door_actions import Annulment
from memberdesk.services.events import EventRow, list_events
from memberdesk.services.permissions import Actor
from memberdesk.services.reasons import Reason
from memberdesk.widgets.door_counters import DoorCountersBar
from memberdesk.widgets.tier_badge import TierLook
from memberdesk.widgets.verdict import VerdictPanel

log = logging.getLogger(__name__)

RECENT_SCANS = 10


@dataclass(frozen=True)
class NoEventChosen:
    """A tap or scan came before an event was chosen: nothing was recorded."""

    uid: bytes = b""
    source: str = "card"


class DoorPage(QWidget):
    """Check members in, or out, at one event by card tap or QR scan."""

    #: A verdict is on screen: the services Verdict, NoEventChosen, or the
    #: exception that kept a scan from being decided (nothing recorded).
    verdict_shown = Signal(object)
    #: Counters and last scans were read again; carries the DoorCounters, or
    #: None with no event chosen.
    refreshed = Signal(object)
    #: An undo or an override went through; carries the Annulment or Verdict.
    corrected = Signal(object)
    #: An undo or override dialog opened; carries the dialog.
    dialog_opened = Signal(object)
    #: The person asks for full screen, or to leave it (button or F11).
    full_screen_requested = Signal()
    #: Entry or exit mode; carries "in" or "out".
    direction_changed = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        door: Door,
        bridge: ReaderBridge,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
        sounds: DoorSounds | None = None,
        scan_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorPage")
        self._sessions = sessions
        self._door = door
        self._actor = actor
        self._bridge = bridge
        self._tiers = dict(tiers)
        self._zone = zone
        self._shown = False
        self._direction = "in"
        self._last: Verdict | None = None
        self.sounds = sounds or DoorSounds(self)
        self.scanner = WedgeScanner(self, clock=scan_clock)
        self.scanner.scanned.connect(self.decide_scan)
        self.scanner.half_typed.connect(self.decide_scan)

        self.event = QComboBox(self)
        self.event.setObjectName("doorEvent")
        self.event.setAccessibleName(self.tr("Event"))
        self.event.setMinimumContentsLength(28)
        self.event.currentIndexChanged.connect(lambda _i: self._event_changed())
        self.exit_button = QPushButton(self.tr("E&xit mode (F8)"), self)
        self.exit_button.setObjectName("exitModeButton")
        self.exit_button.setCheckable(True)
        self.exit_button.toggled.connect(self.set_exit_mode)
        self.full_button = QPushButton(self.tr("&Full screen (F11)"), self)
        self.full_button.setObjectName("fullScreenButton")
        self.full_button.clicked.connect(self.full_screen_requested)

        self.clock_warning = QLabel(self)
        self.clock_warning.setObjectName("pageMessage")
        self.clock_warning.setWordWrap(True)
        set_tone(self.clock_warning, "warn")
        self.clock_warning.hide()
        self.exit_banner = QLabel(
            self.tr("EXIT MODE: every tap or scan records a member leaving."), self
        )
        self.exit_banner.setObjectName("exitBanner")
        self.exit_banner.hide()

        self.verdict = VerdictPanel(self)
        self.override_button = QPushButton(self.tr("Admit over this refusal… (F9)"))
        self.override_button.setObjectName("overrideLastButton")
        self.override_button.clicked.connect(self.override_last)
        self.override_button.hide()
        self.counters = DoorCountersBar(self)
        # Check-ins the server flagged as second entries, as last seen.
        self._flagged_seen: int | None = None
        self.scans = LastScansTable(self._tiers, zone, self)
        self.scans.setMinimumHeight(150)
        self.recent = self.scans  # the name the end-to-end tests know
        self.corrections = DoorCorrections(self, door, actor, self.scans)
        self.corrections.corrected.connect(self._corrected)
        self.corrections.dialog_opened.connect(self.dialog_opened)
        self.undo_button = self.corrections.undo_button
        self.override_scan_button = self.corrections.override_button
        self.reader = DoorStateReader(sessions, door.station, RECENT_SCANS, self)
        self.reader.read_done.connect(self._refreshed)
        self.reader.read_failed.connect(self._refresh_failed)
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.title = QLabel(self.tr("Door"), self)
        self.title.setObjectName("pageTitle")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.exit_button)
        head.addWidget(self.full_button)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Event"), self)
        label.setBuddy(self.event)
        top.addWidget(label)
        top.addWidget(self.event, 1)
        scans_head = QHBoxLayout()
        scans_head.addWidget(QLabel(self.tr("Last scans"), self))
        scans_head.addStretch(1)
        scans_head.addWidget(self.undo_button)
        scans_head.addWidget(self.override_scan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addWidget(self.clock_warning)
        layout.addWidget(self.exit_banner)
        layout.addWidget(self.verdict, 3)
        layout.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.counters)
        layout.addLayout(scans_head)
        layout.addWidget(self.scans, 2)
        layout.addWidget(self.message)
        self.setFocusProxy(self.event)
        self._shortcuts()

        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        self.reload_events()
        self._show_waiting()

    def _shortcuts(self) -> None:
        here = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("F8", self.exit_button.toggle),
            ("F9", self.override_last),
            ("Ctrl+Z", self.corrections.undo_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(here)
            shortcut.activated.connect(slot)

    def page_title(self) -> str:
        return self.tr("Door")

    def page_shown(self) -> None:
        self._shown = True
        self.reload_events()
        self._install_handler()
        self.scanner.set_active(True)
        self.refresh()

    def page_hidden(self) -> None:
        self._shown = False
        self.scanner.set_active(False)
        self._bridge.clear_handler(self)

    def set_station_mode(self, full: bool) -> None:
        """Full screen or not: only the button's words change here."""
        self.full_button.setText(
            self.tr("Leave full screen (Esc)")
            if full
            else self.tr("&Full screen (F11)")
        )

    def set_sync_state(self, state: object) -> None:
        """Online or offline, under the count of check-ins not yet uploaded.

        Offline the door decides as ever, from this station's copy; the
        words say so, so nobody at the desk waits for the network.
        """
        offline = state.status in ("offline", "needs_attention")
        if state.status == "online":
            note = self.tr("Online: uploaded as they happen")
        elif state.status == "offline":
            note = self.tr("Offline: deciding from this station's copy")
        elif state.status == "needs_attention":
            note = self.tr("Sync stopped: deciding from this station's copy")
        elif state.status == "connecting":
            note = self.tr("Connecting…")
        else:
            note = self.tr("No sync set up on this station")
        self.counters.set_upload_state(note, offline, state.waiting)
        if state.status == "not_configured":
            return
        self._note_flagged(state.flagged)
        # A round may have uploaded check-ins, brought other desks' down or
        # had one flagged: count again.
        if self.isVisible() and self.event_id() is not None:
            self.refresh()

    def _note_flagged(self, flagged: int) -> None:
        """Say so when the server flags one of this desk's entries."""
        if self._flagged_seen is not None and flagged > self._flagged_seen:
            self.show_message(
                self.tr(
                    "Flagged on upload: a member let in here had already come in "
                    "at another desk (%1 so far). Check the member's card; the "
                    "audit log names both check-ins."
                ).replace("%1", str(flagged)),
                "warn",
            )
        self._flagged_seen = max(self._flagged_seen or 0, flagged)

    def reload_events(self) -> None:
        chosen = self.event_id()
        with self._sessions() as s:
            rows = list_events(s)
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

    def direction(self) -> str:
        return self._direction

    def set_exit_mode(self, on: bool) -> None:
        """Exit mode: taps and scans record members leaving."""
        self._direction = "out" if on else "in"
        if self.exit_button.isChecked() != on:
            self.exit_button.setChecked(on)
        self.exit_banner.setVisible(on)
        self._install_handler()
        self._show_waiting()
        self.direction_changed.emit(self._direction)

    # Deciding.

    def decide_scan(self, text: str) -> None:
        """Decide a scanner's burst off the GUI thread, as a tap would be."""
        event_id = self.event_id()
        if event_id is None:
            self._show_no_event(NoEventChosen(source="qr"))
            return
        door, actor, direction = self._door, self._actor(), self._direction
        job = run_job(
            "door_qr",
            lambda: door.decide_qr(event_id, text, actor, direction=direction),
        )
        job.succeeded.connect(self._on_decided)
        job.failed.connect(self._on_qr_failed)

    def show_verdict(self, verdict: Verdict) -> None:
        """Put a decided scan on screen, sound it, and read the counters again."""
        look = self._tiers.get(verdict.tier_code) if verdict.tier_code else None
        shown.show_decided(self.verdict, verdict, look)
        amber = shown.asks_supervisor(verdict)
        self.override_button.setVisible(amber)
        self._last = verdict
        if verdict.checkin_id is not None and verdict.at is not None:
            self.scans.add_first(scan_row(verdict), RECENT_SCANS)
            self.corrections.update_buttons()
        self.sounds.play(ADMIT if verdict.ok else REFUSE)
        self.verdict_shown.emit(verdict)
        self.refresh()

    def _on_decided(self, result: object) -> None:
        if isinstance(result, Verdict):
            self.show_message("")
            self.show_verdict(result)

    def _on_qr_failed(self, exc: object) -> None:
        self._show_not_decided(exc)

    def _install_handler(self) -> None:
        if not self._shown:
            return
        event_id, door, actor_of = self.event_id(), self._door, self._actor
        direction = self._direction

        def decide(tag: object) -> Verdict | NoEventChosen:
            read = read_message(tag)
            if event_id is None:
                return NoEventChosen(read.uid)
            message = read.message or b""
            # Asked at the tap: whoever is signed in now answers for it.
            actor = actor_of()
            return door.decide_card(
                event_id, read.uid, message, actor, direction=direction
            )

        self._bridge.set_handler(self, decide)

    def _on_handled(self, owner: object, result: object) -> None:
        if owner is not self:
            return
        if isinstance(result, NoEventChosen):
            self._show_no_event(result)
        elif isinstance(result, Verdict):
            self.show_message("")
            self.show_verdict(result)

    def _on_failed(self, owner: object, exc: object) -> None:
        if owner is not self:
            return
        if isinstance(exc, PermissionError):
            self._show_not_decided(exc)
            return
        log.info("door tap failed: %s", exc)
        self.show_verdict(
            Verdict(Reason.READ_FAILED, self.event_id() or 0, detail=str(exc))
        )

    def _show_not_decided(self, exc: object) -> None:
        self.override_button.hide()
        shown.show_not_decided(self.verdict, exc)
        self.verdict_shown.emit(exc)

    def _show_no_event(self, result: NoEventChosen) -> None:
        self.override_button.hide()
        shown.show_no_event(self.verdict, result.source)
        self.verdict_shown.emit(result)

    def _event_changed(self) -> None:
        self._install_handler()
        self._last = None
        self.override_button.hide()
        self._show_waiting()
        self.refresh()

    def _show_waiting(self) -> None:
        shown.show_waiting(self.verdict, self.event_id() is not None, self._direction)

    # Counters and last scans.

    def refresh(self) -> None:
        """Read the counters and the last scans again, off the GUI thread."""
        event_id = self.event_id()
        self._show_clock_warning()
        if event_id is None:
            self.reader.drop_pending()
            self.counters.clear()
            self.scans.set_rows([])
            self.corrections.update_buttons()
            self.refreshed.emit(None)
            return
        self.reader.read(event_id)

    def _refreshed(self, counts: object, rows: object) -> None:
        self.counters.set_counts(
            counts.inside,
            counts.admitted,
            counts.capacity,
            counts.places_left,
            counts.pending_uploads,
        )
        self.scans.set_rows(rows)
        self.corrections.update_buttons()
        self.refreshed.emit(counts)

    def _refresh_failed(self, _exc: object) -> None:
        self.show_message(self.tr("The counters could not be read."), "error")

    def _show_clock_warning(self) -> None:
        back = self._door.clock_set_back
        if back is None:
            self.clock_warning.hide()
            return
        seconds = int(back.total_seconds())
        self.clock_warning.setText(door_words.clock_set_back_words(seconds))
        self.clock_warning.show()

    def show_message(self, text: str, tone: str = "") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self.message.setVisible(bool(text))

    # Undo and override.

    def override_last(self) -> DoorActionDialog | None:
        """Admit over the amber verdict on screen (F9)."""
        last = self._last
        if last is None or not shown.asks_supervisor(last) or last.checkin_id is None:
            return None
        return self.corrections.open(
            last.checkin_id, last.member_name, last.reason, OVERRIDE
        )

    def _corrected(self, result: object) -> None:
        if isinstance(result, Annulment):
            name = result.member_name or self.tr("unknown member")
            self.show_message(
                self.tr("%1's check-in was undone.").replace("%1", name), "ok"
            )
            self.refresh()
        elif isinstance(result, Verdict):
            self.show_message(
                self.tr("%1 was admitted by a supervisor.").replace(
                    "%1", result.member_name
                ),
                "ok",
            )
            self.show_verdict(result)
        self.corrected.emit(result)

    def _event_label(self, row: EventRow) -> str:
        start = row.starts_at.astimezone(self._zone) if self._zone else row.starts_at
        end = row.ends_at.astimezone(self._zone) if self._zone else row.ends_at
        return f"{row.name} · {row.venue} · {start:%Y-%m-%d %H:%M}–{end:%H:%M}"
