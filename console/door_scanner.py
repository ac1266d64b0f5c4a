"""A keyboard-wedge QR scanner, heard wherever the focus is in the window.

A scanner types its code through the keyboard in one fast burst and ends it
with Enter. An application event filter feeds every key meant for the
window to services.memberqr.BurstReader, which tells bursts from a person
typing by the time between keys; the clock is injected so tests can type at
either speed.

What is taken from the widgets, and what is not:
- in a text field every character still reaches the field, so a person's
  typing is never stolen; only when Enter ends a burst is the Enter kept
  from the field, and the burst's characters taken out of it again;
- elsewhere (the event list, a table, a button) the scanner's letters and
  digits are kept from the widget, or a scan would jump the event list to
  another event. Space, Tab, arrows and shortcuts pass as usual, so the
  page stays usable from the keyboard.

A burst that stops without its Enter (a code half read) is reported once
the keys have been quiet for STALL_MS.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from memberdesk.services.memberqr import BurstReader

log = logging.getLogger(__name__)

# Shorter bursts ending in Enter are a person (a quick "ok" and Enter).
MIN_SCAN = 4
# Quiet time after which a burst without Enter counts as a half-typed scan.
STALL_MS = 400
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NOT_TYPING = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_text_field(widget: QWidget | None) -> bool:
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


class WedgeScanner(QObject):
    """Listens for scanner bursts in `page`'s window while it is active."""

    #: A burst ended in Enter; carries the text the scanner typed.
    scanned = Signal(str)
    #: A burst stopped without Enter; carries what had been typed.
    half_typed = Signal(str)

    def __init__(
        self,
        page: QWidget,
        clock: Callable[[], float] = time.monotonic,
        gap: float = 0.08,
    ) -> None:
        super().__init__(page)
        self._page = page
        self.clock = clock
        self._gap = gap
        self._reader = BurstReader(gap)
        self._active = False
        self._last_key_at = 0.0
        self._stall = QTimer(self)
        self._stall.setSingleShot(True)
        self._stall.setInterval(STALL_MS)
        self._stall.timeout.connect(self._stalled)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_active(self, active: bool) -> None:
        """Listen (the door page is on screen) or not (any other moment)."""
        self._active = active
        self._reset()

    def is_active(self) -> bool:
        return self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._active or event.type() != QEvent.Type.KeyPress:
            return False
        target = QApplication.focusWidget() or self._page.window()
        # A key press travels up the parents when one ignores it, and the
        # filter sees each step: only the first, at the focus, is a key.
        if watched is not target or target.window() is not self._page.window():
            return False
        return self._key(target, event)  # type: ignore[arg-type]

    def _key(self, target: QWidget, event: QKeyEvent) -> bool:
        if event.modifiers() & _NOT_TYPING:
            return False
        now = self.clock()
        if event.key() in _ENTER:
            self._stall.stop()
            burst = self._reader.key("\r", now)
            if burst is None or len(burst.strip()) < MIN_SCAN:
                return False
            if is_text_field(target):
                _take_back(target, burst)
            log.debug("scanner burst of %d characters", len(burst))
            self.scanned.emit(burst)
            return True
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            return False
        self._reader.key(text, now)
        self._last_key_at = now
        self._stall.start()
        return not is_text_field(target) and not text.isspace()

    def _stalled(self) -> None:
        # The timer only polls; quiet time is measured on the scanner's own
        # clock, the one the burst was timed by.
        if self.clock() - self._last_key_at < STALL_MS / 1000:
            self._stall.start()
            return
        pending = self._reader.pending()
        if len(pending.strip()) >= MIN_SCAN and self._active:
            log.info("scanner burst of %d characters ended without Enter", len(pending))
            target = QApplication.focusWidget()
            if is_text_field(target):
                _take_back(target, pending)
            self._reset()
            self.half_typed.emit(pending)

    def _reset(self) -> None:
        self._stall.stop()
        self._reader = BurstReader(self._gap)


def _take_back(field: QWidget, burst: str) -> None:
    """Remove the scanner's characters from the end of what a field holds."""
    if not isinstance(field, QLineEdit):
        return
    text, cursor = field.text(), field.cursorPosition()
    if text[:cursor].endswith(burst):
        start = cursor - len(burst)
        field.setText(text[:start] + text[cursor:])
        field.setCursorPosition(start)
