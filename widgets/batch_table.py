"""The items of a card batch: who, in what state, why, on which chip, how fast.

The table knows no business rules: it is handed the batch's items and the
words for their states and reasons, and keeps the selection by item id
across reloads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.services.batch import BatchItem

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 5
POSITION, MEMBER, STATE, REASON, CHIP, TIME = range(6)
# Soft backgrounds that go with the words in the state column.
STATE_COLOURS = {
    "done": "#E3F1E6",
    "failed": "#FBE4E2",
    "skipped": "#EEF0F3",
    "resumable": "#FFF3D6",
    "working": "#DDEBF8",
}
REVIEW_COLOUR = "#FFF3D6"

Words = Callable[[str], str]


class BatchTable(QTableWidget):
    """One row per batch item, in queue order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("batchItems")
        self.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Member"),
                self.tr("State"),
                self.tr("Reason"),
                self.tr("Chip UID"),
                self.tr("Time"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        widths = ((POSITION, 36), (MEMBER, 100), (STATE, 66), (CHIP, 118), (TIME, 58))
        for column, width in widths:
            self.setColumnWidth(column, width)

    def set_items(
        self,
        items: Sequence[BatchItem],
        state_words: Words,
        reason_words: Words,
        review_words: Words,
        time_words: Callable[[int | None], str] = str,
    ) -> None:
        """Show `items`; the selected item stays selected."""
        keep = self.selected_item()
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            reason = (
                review_words(item.review)
                if item.review
                else reason_words(item.reason or "")
            )
            seconds = time_words(item.millis) if item.millis is not None else ""
            cells = (
                str(item.position + 1),
                f"{item.member_name} (#{item.member_id})",
                state_words(item.state),
                reason,
                item.uid or "",
                seconds,
            )
            colour = REVIEW_COLOUR if item.review else STATE_COLOURS.get(item.state)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ITEM_ROLE, item)
                if column == REASON and item.detail:
                    # The detail comes from the card layer in English.
                    cell.setToolTip(item.detail)
                if colour:
                    cell.setBackground(QBrush(QColor(colour)))
                self.setItem(row, column, cell)
            if keep is not None and item.id == keep.id:
                self.selectRow(row)

    def selected_item(self) -> BatchItem | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.item(rows[0].row(), POSITION)
        return cell.data(ITEM_ROLE) if cell is not None else None

    def select_member(self, member_id: int) -> bool:
        for row in range(self.rowCount()):
            item = self.item(row, POSITION).data(ITEM_ROLE)
            if item.member_id == member_id:
                self.selectRow(row)
                return True
        return False
