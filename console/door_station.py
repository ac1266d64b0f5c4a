"""Full screen for the door: the window becomes the station, nothing else.

F11 or the door page's button enters it; the navigation rail goes away and
Ctrl+1…9 stop switching pages, so a door member of staff stays on the door.
Esc leaves only after a confirmation, except for a supervisor (a role that
may override refusals), who leaves at once. Locking and the idle lock still
work as ever: the lock screen covers the full-screen window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from memberdesk.console.main_window import MainWindow
from memberdesk.console.pages.door import DoorPage
from memberdesk.services.permissions import Action, Actor, allowed

log = logging.getLogger(__name__)


class StationMode(QObject):
    """Puts `window` in and out of full screen around its door page."""

    #: Full screen began (True) or ended (False).
    changed = Signal(bool)
    #: Esc asked to leave and a confirmation opened; carries the message box.
    leave_asked = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        page: DoorPage,
        actor: Callable[[], Actor | None],
        key: str = "door",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self._actor = actor
        self._key = key
        self._full = False
        self._before = Qt.WindowState.WindowNoState
        self.question: QMessageBox | None = None

        self._f11 = QShortcut(QKeySequence("F11"), window)
        self._f11.activated.connect(self.toggle)
        self._esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._esc.activated.connect(self.request_leave)
        self._esc.setEnabled(False)
        page.full_screen_requested.connect(self.toggle)
        window.page_changed.connect(self._page_changed)

    def is_full(self) -> bool:
        return self._full

    def toggle(self) -> None:
        if self._full:
            self.request_leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self._full or self.window.is_locked():
            return
        if self._key not in self.window.visible_keys():
            return  # a role without the door has no station to show
        if self.window.current_key() != self._key:
            self.window.show_page(self._key)
        self._before = self.window.windowState()
        self._full = True
        self.window.set_navigation_locked(True)
        self._esc.setEnabled(True)
        self.page.set_station_mode(True)
        self.window.showFullScreen()
        log.info("door station in full screen")
        self.changed.emit(True)

    def request_leave(self) -> None:
        """Esc: a supervisor leaves at once; anyone else confirms first."""
        if not self._full:
            return
        actor = self._actor()
        if actor is not None and allowed(actor.role, Action.OVERRIDE_REFUSAL):
            self.leave()
            return
        if self.question is not None and self.question.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave full screen?"),
            self.tr(
                "The door station leaves full screen and the other pages come "
                "back. Leave full screen?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("leaveFullScreen")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Leave"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Stay"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._answered)
        self.question = box
        box.open()
        self.leave_asked.emit(box)

    def _answered(self, _result: int) -> None:
        box = self.question
        if box is not None and box.clickedButton() is box.button(
            QMessageBox.StandardButton.Yes
        ):
            self.leave()

    def leave(self) -> None:
        if not self._full:
            return
        self._full = False
        self._esc.setEnabled(False)
        self.window.set_navigation_locked(False)
        self.page.set_station_mode(False)
        if self._before & Qt.WindowState.WindowMaximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()
        log.info("door station left full screen")
        self.changed.emit(False)

    def _page_changed(self, key: str) -> None:
        if self._full and key != self._key:
            self.leave()
