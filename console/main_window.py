"""The main window: a navigation rail, the pages, and the status bar.

The window is handed its pages and the reader bridge; it looks nothing up.
A page is any widget with page_title(), page_shown() and page_hidden(): the
shown page is the one that may install a tap handler on the reader.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
        #: Docked panels by key, such as the demo's "card_tray".
        self.side_panels: dict[str, QWidget] = {}

        self.rail = QListWidget(self)
        self.rail.setObjectName("navRail")
        self.rail.setAccessibleName(self.tr("Pages"))
        self.rail.setIconSize(QSize(22, 22))
        self.rail.setFixedWidth(168)
        self.rail.setFrameShape(QFrame.Shape.NoFrame)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rail.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget(self)
        for number, entry in enumerate(self._pages, start=1):
            item = QListWidgetItem(QIcon(entry.icon), entry.widget.page_title())
            item.setToolTip(f"{entry.widget.page_title()}  (Ctrl+{number})")
            self.rail.addItem(item)
            self.stack.addWidget(entry.widget)
            if number <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
                shortcut.activated.connect(lambda n=number - 1: self.show_page_at(n))
        self.rail.currentRowChanged.connect(self._row_changed)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.station_label = QLabel(self.tr("Station: %1").replace("%1", station_name))
        self.staff_label = QLabel(self.tr("Staff: %1").replace("%1", staff))
        self.reader_label = QLabel(self)
        self.sync_label = QLabel(self.tr("Sync: not configured"))
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
        if 0 <= index < len(self._pages):
            self.rail.setCurrentRow(index)

    def note(self, text: str) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(text, NOTE_MS)

    def _row_changed(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._pages):
            return
        if 0 <= self._current < len(self._pages):
            self._pages[self._current].widget.page_hidden()
        self._current = index
        entry = self._pages[index]
        self.stack.setCurrentWidget(entry.widget)
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

    def _note_unhandled_tap(self) -> None:
        self.note(self.tr("A card was tapped, but this page does not use cards."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if 0 <= self._current < len(self._pages):
            self._pages[self._current].widget.page_hidden()
        self.bridge.stop()
        super().closeEvent(event)
