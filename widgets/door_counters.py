"""The door's counters: inside, admitted, capacity, not yet uploaded.

Four tiles with a caption and a large number. Nothing here knows the rules:
the page hands in the numbers, None where there is nothing to count yet.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

NO_VALUE = "—"


class CounterTile(QFrame):
    """One counter: a caption over a number, and an optional line under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterTile")
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("counterCaption")
        self.value = QLabel(NO_VALUE, self)
        self.value.setObjectName("counterValue")
        self.note = QLabel(self)
        self.note.setObjectName("counterNote")
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        for label in (self.caption, self.value, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(label)
        # Numbers line up across tiles whether or not a note sits under one.
        layout.addStretch(1)

    def set_value(self, value: str, note: str = "", tone: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.setProperty("tone", tone)
        for widget in (self, self.value):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.setAccessibleName(f"{self.caption.text()}: {value} {note}".strip())


class DoorCountersBar(QWidget):
    """The four door counters in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorCounters")
        self.inside = CounterTile(self.tr("Inside now"), self)
        self.admitted = CounterTile(self.tr("Admitted"), self)
        self.capacity = CounterTile(self.tr("Capacity"), self)
        self.pending = CounterTile(self.tr("Not yet uploaded"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for tile in (self.inside, self.admitted, self.capacity, self.pending):
            layout.addWidget(tile, 1)
        self._pending: int | None = None
        self._upload_note = ""
        self._offline = False

    def clear(self) -> None:
        for tile in (self.inside, self.admitted, self.capacity):
            tile.set_value(NO_VALUE)
        self._pending = None
        self._show_pending()

    def set_counts(
        self,
        inside: int,
        admitted: int,
        capacity: int | None,
        places_left: int | None,
        pending: int,
    ) -> None:
        """The event's numbers; a None capacity is an event without a limit."""
        self.inside.set_value(str(inside))
        self.admitted.set_value(str(admitted))
        if capacity is None:
            self.capacity.set_value(self.tr("no limit"))
        else:
            left = places_left if places_left is not None else 0
            self.capacity.set_value(
                str(capacity),
                self.tr("%1 places left").replace("%1", str(left)),
                "full" if left == 0 else "",
            )
        self._pending = pending
        self._show_pending()

    def set_upload_state(
        self, note: str, offline: bool, waiting: int | None = None
    ) -> None:
        """Whether check-ins go up as they happen, written under the count;
        with `waiting`, the count as the sync has just seen it."""
        self._upload_note = note
        self._offline = offline
        if waiting is not None and self._pending is not None:
            self._pending = waiting
        self._show_pending()

    def _show_pending(self) -> None:
        if self._pending is None:
            self.pending.set_value(NO_VALUE, self._upload_note, self._tone())
            return
        self.pending.set_value(str(self._pending), self._upload_note, self._tone())

    def _tone(self) -> str:
        if self._offline:
            return "offline"
        return "waiting" if self._pending else ""
