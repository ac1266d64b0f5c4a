"""The main window: a navigation rail, the pages, and the status bar.

The window is handed its pages and the reader bridge; it looks nothing up.
A page is any widget with page_title(), page_shown() and page_hidden(): the
shown page is the one that may install a tap handler on the reader. While the
window is locked the lock screen covers everything and no page is shown, so
no page holds the reader.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from memberdesk.console import words
from memberdesk.console.reader_bridge import ReaderBridge

log = logging.getLogger(__name__)

# How long a passing note stays in the status bar.
NOTE_MS = 6000


@dataclass(frozen=True)
class PageEntry:
    """One navigation entry: a stable key, the page and its icon file."""

    key: str
    widget: QWidget
    icon: str


class MainWindow(QMainWindow):
    """The console's one window."""

    #: The shown page changed; carries the page's key.
    page_changed = Signal(str)
    #: Ctrl+L: the person at the desk asks to lock it now.
    lock_requested = Signal()

    def __init__(
        self,
        station_name: str,
        staff: str,
        bridge: ReaderBridge,
        pages: Sequence[PageEntry],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("memberdesk — %1").replace("%1", station_name))
        self.bridge = bridge
        self._pages = list(pages)
        self._current = -1
        self._allowed = [entry.key for entry in self._pages]
        self._locked = False
        self._navigation_locked = False
        #: Docked panels by key, such as the demo's "card_tray".
        self.side_panels: dict[str, QWidget] = {}
        #: Who is signed in and the lock: set by the composition root.
        self.guard: QObject | None = None
        #: The card room's tabs on the issuance page: set by the composition root.
        self.card_room: object | None = None
        #: The door's full screen: set by the composition root.
        self.station_mode: QObject | None = None
        #: The sync worker's bridge: set by the composition root.
        self.sync: QObject | None = None
        #: The station's time zone, for times in the status bar.
        self.zone: dt.tzinfo | None = None

        self.rail = QListWidget(self)
        self.rail.setObjectName("navRail")
        self.rail.setAccessibleName(self.tr("Pages"))
        self.rail.setIconSize(QSize(22, 22))
        self.rail.setFixedWidth(168)
        self.rail.setFrameShape(QFrame.Shape.NoFrame)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rail.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget(self)
        for entry in self._pages:
            item = QListWidgetItem(QIcon(entry.icon), entry.widget.page_title())
            self.rail.addItem(item)
            self.stack.addWidget(entry.widget)
        # Ctrl+N goes to the Nth entry the signed-in role can see.
        self._shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number - 1: self._go_to_visible(n))
            self._shortcuts.append(shortcut)
        self._update_rail()
        self.rail.currentRowChanged.connect(self._row_changed)
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.activated.connect(self.lock_requested)

        self.desk = QWidget(self)
        layout = QHBoxLayout(self.desk)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(self.stack, 1)
        # The desk, or the lock screen over the whole of it.
        self.body = QStackedWidget(self)
        self.body.addWidget(self.desk)
        self.lock_screen: QWidget | None = None
        self.setCentralWidget(self.body)

        self.station_label = QLabel(self.tr("Station: %1").replace("%1", station_name))
        self.staff_label = QLabel(self.tr("Staff: %1").replace("%1", staff))
        self.reader_label = QLabel(self)
        self.sync_label = QLabel(words.sync_words("not_configured", 0)[0])
        for label in (
            self.station_label,
            self.staff_label,
            self.reader_label,
            self.sync_label,
        ):
            label.setObjectName("statusField")
            self.statusBar().addPermanentWidget(label)
        self._show_reader_state(bridge.state, bridge.state_detail)
        bridge.state_changed.connect(self._show_reader_state)
        bridge.tap_unhandled.connect(self._note_unhandled_tap)
        self.resize(1200, 760)

    def add_side_panel(self, key: str, title: str, widget: QWidget) -> QDockWidget:
        """A docked panel on the right, such as the demo's card tray."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        self.side_panels[key] = widget
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def set_lock_screen(self, widget: QWidget) -> None:
        self.lock_screen = widget
        self.body.addWidget(widget)

    def is_locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool) -> None:
        """Cover the desk with the lock screen; the shown page lets go of
        the reader until the desk comes back."""
        if locked == self._locked:
            return
        self._locked = locked
        page = self._pages[self._current].widget if self._current >= 0 else None
        if locked:
            # A dialog left open would float above the lock screen; leaving
            # it is the safe answer (an overwrite question says no).
            for dialog in self.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.reject()
            if page is not None:
                page.page_hidden()
            if self.lock_screen is not None:
                self.body.setCurrentWidget(self.lock_screen)
            log.debug("window locked")
            return
        self.body.setCurrentWidget(self.desk)
        if page is not None:
            page.page_shown()
            page.setFocus()
        log.debug("window unlocked")

    def set_staff(self, text: str) -> None:
        """The staff member in the status bar, as words."""
        self.staff_label.setText(self.tr("Staff: %1").replace("%1", text))

    def set_allowed(self, keys: Sequence[str]) -> None:
        """Show only these pages in the rail, in the rail's own order."""
        self._allowed = [e.key for e in self._pages if e.key in set(keys)]
        self._update_rail()
        if self.current_key() not in self._allowed and self._allowed:
            self.show_page(self._allowed[0])

    def set_navigation_locked(self, locked: bool) -> None:
        """Hide the rail and ignore Ctrl+1…9: the door's full screen."""
        self._navigation_locked = locked
        self.rail.setVisible(not locked)

    def visible_keys(self) -> list[str]:
        return list(self._allowed)

    def page(self, key: str) -> QWidget:
        return next(e.widget for e in self._pages if e.key == key)

    def current_key(self) -> str | None:
        if 0 <= self._current < len(self._pages):
            return self._pages[self._current].key
        return None

    def show_page(self, key: str) -> None:
        index = next(i for i, e in enumerate(self._pages) if e.key == key)
        self.show_page_at(index)

    def show_page_at(self, index: int) -> None:
        if 0 <= index < len(self._pages) and self._pages[index].key in self._allowed:
            self.rail.setCurrentRow(index)

    def _go_to_visible(self, n: int) -> None:
        if self._navigation_locked:
            return
        if not self._locked and 0 <= n < len(self._allowed):
            self.show_page(self._allowed[n])

    def _update_rail(self) -> None:
        number = 0
        for row, entry in enumerate(self._pages):
            shown = entry.key in self._allowed
            self.rail.setRowHidden(row, not shown)
            if shown:
                number += 1
                title = entry.widget.page_title()
                hint = f"  (Ctrl+{number})" if number <= 9 else ""
                self.rail.item(row).setToolTip(title + hint)

    def note(self, text: str) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(text, NOTE_MS)

    def _row_changed(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._pages):
            return
        if 0 <= self._current < len(self._pages) and not self._locked:
            self._pages[self._current].widget.page_hidden()
        self._current = index
        entry = self._pages[index]
        self.stack.setCurrentWidget(entry.widget)
        if not self._locked:
            entry.widget.page_shown()
        log.debug("page %s shown", entry.key)
        self.page_changed.emit(entry.key)

    def _show_reader_state(self, state: str, detail: str) -> None:
        self.reader_label.setText(
            self.tr("Reader: %1").replace("%1", words.reader_state_words(state))
        )
        # The detail comes from the reader layer, in English: kept for support.
        self.reader_label.setToolTip(detail)
        self.reader_label.setProperty("tone", "error" if state == "error" else "")
        self.reader_label.style().unpolish(self.reader_label)
        self.reader_label.style().polish(self.reader_label)
        if state == "error":
            self.note(self.tr("The reader is not available: %1").replace("%1", detail))

    def show_sync_state(self, state: object) -> None:
        """The sync's state and what waits for upload, always in words."""
        text, tone = words.sync_words(state.status, state.waiting)
        self.sync_label.setText(text)
        tip = [words.sync_problem_words(state.problem)] if state.problem else []
        if state.problem == "setup" and state.detail:
            tip.append(state.detail)  # what to do, from the secret store
        if state.last_success is not None:
            tip.append(
                self.tr("Last synced: %1").replace(
                    "%1", state.last_success.astimezone(self.zone).strftime("%H:%M:%S")
                )
            )
        self.sync_label.setToolTip("\n".join(tip))
        self.sync_label.setProperty("tone", tone)
        self.sync_label.style().unpolish(self.sync_label)
        self.sync_label.style().polish(self.sync_label)

    def _note_unhandled_tap(self) -> None:
        if self._locked:
            self.note(self.tr("Locked: the card tap was not checked in."))
        else:
            self.note(self.tr("A card was tapped, but this page does not use cards."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if 0 <= self._current < len(self._pages) and not self._locked:
            self._pages[self._current].widget.page_hidden()
        self.bridge.stop()
        if self.sync is not None:
            self.sync.stop()
        super().closeEvent(event)
