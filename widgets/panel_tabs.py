"""Tabs whose shown panel is told when it is shown and when it is hidden.

A panel is a widget with panel_shown() and panel_hidden(). The tabs as a
whole are active or not (their page is shown or not); only the current panel
of active tabs counts as shown, so only it may hold a shared resource such
as the reader.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QTabWidget, QWidget

log = logging.getLogger(__name__)


class PanelTabs(QTabWidget):
    """A QTabWidget that keeps exactly one panel shown while it is active."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._active = False
        self._shown: QWidget | None = None
        self.currentChanged.connect(lambda _index: self._update())

    def set_active(self, active: bool) -> None:
        self._active = active
        self._update()

    def shown_panel(self) -> QWidget | None:
        return self._shown

    def _update(self) -> None:
        current = self.currentWidget() if self._active else None
        if self._shown is current:
            return
        if self._shown is not None:
            self._shown.panel_hidden()
        self._shown = current
        if current is not None:
            log.debug("panel %s shown", current.objectName())
            current.panel_shown()
