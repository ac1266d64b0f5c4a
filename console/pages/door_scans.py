"""The door's last scans: newest first, with what each may still become.

A row is one check-in as services.door_state.last_scans reads it. The table
keeps the ScanRow behind each line, so the page's Undo and Override buttons
act on exactly the check-in that is selected.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.console import door_words, words
from memberdesk.services.checkin import Verdict
from memberdesk.services.door_state import ScanRow
from memberdesk.widgets.tier_badge import TIER_ROLE, TierBadgeDelegate, TierLook

log = logging.getLogger(__name__)

TIME, VERDICT, MEMBER, TIER, SOURCE, NOTE = range(6)
SCAN_ROLE = Qt.ItemDataRole.UserRole + 11


def scan_row(verdict: Verdict) -> ScanRow:
    """A verdict as a line of the last scans, before the database is read."""
    return ScanRow(
        checkin_id=verdict.checkin_id or "",
        seq=verdict.seq,
        at=verdict.at or dt.datetime.now(dt.UTC),
        reason=verdict.reason,
        direction=verdict.direction,
        source=verdict.source,
        member_id=verdict.member_id,
        member_name=verdict.member_name,
        tier_code=verdict.tier_code,
        annulled=False,
        override_of=None,
    )


class LastScansTable(QTableWidget):
    """The station's newest scans at the chosen event."""

    def __init__(
        self,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("recentScans")
        self.setAccessibleName(self.tr("Last scans"))
        self._tiers = dict(tiers)
        self._zone = zone
        self.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Verdict"),
                self.tr("Member"),
                self.tr("Tier"),
                self.tr("By"),
                self.tr("Note"),
            ]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setItemDelegateForColumn(TIER, TierBadgeDelegate(self))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VERDICT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

    def set_rows(self, rows: Sequence[ScanRow]) -> None:
        """Show `rows`, keeping the selection on the same check-in."""
        chosen = self.selected_scan()
        self.setRowCount(len(rows))
        for n, scan in enumerate(rows):
            self._fill(n, scan)
        if chosen is not None:
            self.select_checkin(chosen.checkin_id)

    def add_first(self, scan: ScanRow, keep: int) -> None:
        """Put a scan just decided on top at once; the next read confirms it."""
        self.insertRow(0)
        self._fill(0, scan)
        while self.rowCount() > keep:
            self.removeRow(self.rowCount() - 1)

    def count(self) -> int:
        """How many scans are listed."""
        return self.rowCount()

    def _fill(self, n: int, scan: ScanRow) -> None:
        at = scan.at.astimezone(self._zone) if self._zone else scan.at
        mark = "✔" if scan.ok else "✘"
        reason = words.reason_words(scan.reason)
        cells = {
            TIME: f"{at:%H:%M:%S}",
            VERDICT: f"{mark}  {reason}",
            MEMBER: scan.member_name or "—",
            TIER: "",
            SOURCE: door_words.source_words(scan.source),
            NOTE: self._note(scan),
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setData(SCAN_ROLE, scan)
            self.setItem(n, column, item)
        look = self._tiers.get(scan.tier_code) if scan.tier_code else None
        if look is not None:
            self.item(n, TIER).setData(TIER_ROLE, look)
            self.item(n, TIER).setText(look.label)
        verdict = self.item(n, VERDICT)
        verdict.setForeground(QColor("#1B5E2B" if scan.ok else "#A61B1B"))
        if scan.annulled:
            for column in range(self.columnCount()):
                font = self.item(n, column).font()
                font.setStrikeOut(column != NOTE)
                self.item(n, column).setFont(font)

    def _note(self, scan: ScanRow) -> str:
        parts = []
        if scan.direction == "out":
            parts.append(self.tr("exit"))
        if scan.annulled:
            parts.append(self.tr("undone"))
        if scan.override_of:
            parts.append(self.tr("supervisor"))
        if scan.flagged:
            parts.append(self.tr("flagged: second entry"))
        if scan.can_override:
            parts.append(self.tr("may be overridden"))
        return " · ".join(parts)

    def selected_scan(self) -> ScanRow | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), TIME)
        return item.data(SCAN_ROLE) if item is not None else None

    def scan_at(self, row: int) -> ScanRow | None:
        item = self.item(row, TIME)
        return item.data(SCAN_ROLE) if item is not None else None

    def select_checkin(self, checkin_id: str) -> bool:
        for n in range(self.rowCount()):
            scan = self.scan_at(n)
            if scan is not None and scan.checkin_id == checkin_id:
                self.selectRow(n)
                return True
        return False
