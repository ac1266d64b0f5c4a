"""Undo and Override at the door, from the last scans or the amber verdict.

The buttons act on the selected scan, or on the newest one when none is
selected, and are enabled only where the rules allow: Undo for an admission
or exit not yet undone, Override for a refusal a supervisor may admit over.
The dialogs run the service call off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from memberdesk.console import words
from memberdesk.console.door_dialogs import (
    ANNUL,
    OVERRIDE,
    DoorActionDialog,
    ScanToCorrect,
)
from memberdesk.console.pages.door_scans import LastScansTable
from memberdesk.services.checkin import Door
from memberdesk.services.door_state import ScanRow
from memberdesk.services.permissions import Actor
from memberdesk.services.reasons import Reason

log = logging.getLogger(__name__)


class DoorCorrections(QObject):
    """Owns the Undo and Override buttons of the last scans."""

    #: An undo or override went through; carries the Annulment or Verdict.
    corrected = Signal(object)
    #: A dialog opened; carries it.
    dialog_opened = Signal(object)

    def __init__(
        self,
        page: QWidget,
        door: Door,
        actor: Callable[[], Actor | None],
        scans: LastScansTable,
    ) -> None:
        super().__init__(page)
        self._page, self._door, self._actor, self._scans = page, door, actor, scans
        self.dialog: DoorActionDialog | None = None
        self.undo_button = QPushButton(self.tr("&Undo… (Ctrl+Z)"), page)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_selected)
        self.override_button = QPushButton(self.tr("&Override…"), page)
        self.override_button.setObjectName("overrideButton")
        self.override_button.clicked.connect(self.override_selected)
        scans.itemSelectionChanged.connect(self.update_buttons)
        self.update_buttons()

    def target(self) -> ScanRow | None:
        return self._scans.selected_scan() or self._scans.scan_at(0)

    def update_buttons(self) -> None:
        target = self.target()
        self.undo_button.setEnabled(target is not None and target.can_undo)
        self.override_button.setEnabled(target is not None and target.can_override)

    def undo_selected(self) -> DoorActionDialog | None:
        target = self.target()
        if target is None or not target.can_undo:
            return None
        return self.open(target.checkin_id, target.member_name, target.reason, ANNUL)

    def override_selected(self) -> DoorActionDialog | None:
        target = self.target()
        if target is None or not target.can_override:
            return None
        return self.open(target.checkin_id, target.member_name, target.reason, OVERRIDE)

    def open(
        self, checkin_id: str, name: str, reason: Reason | str, mode: str
    ) -> DoorActionDialog:
        """The undo (ANNUL) or override dialog for one check-in."""
        scan = ScanToCorrect(checkin_id, name, words.reason_words(reason))
        dialog = DoorActionDialog(self._door, self._actor(), scan, mode, self._page)
        dialog.succeeded.connect(self.corrected)
        self.dialog = dialog
        dialog.open()
        log.debug("%s dialog opened for check-in %s", mode, checkin_id)
        self.dialog_opened.emit(dialog)
        return dialog
