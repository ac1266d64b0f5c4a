"""Choosing the members of a new card batch: filter, multi-select, or import.

The picker lists diamond members without a card and asks for a batch of the
selected ones, or for an imported list; the batch tab makes the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console.pages.card_queue import CardQueue
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)


class MemberPicker(QWidget):
    """Diamond members without a card, several at a time."""

    #: A batch of these member ids is wanted, in the table's order.
    queue_requested = Signal(list)
    #: The issuer wants to import a list of ids from a file.
    import_requested = Signal()

    def __init__(
        self,
        sessions: sessionmaker[Session],
        tiers: Mapping[str, TierLook],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberPicker")
        self._members = CardQueue(sessions)
        self.model = MemberTableModel(
            self._members.fetch, self._members.count, tiers, parent=self
        )
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name, phone tail or #id"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the members to queue"))
        self.filter.textChanged.connect(
            lambda text: self.model.set_query(MemberQuery(text=text))
        )
        self.table = member_table.member_view(
            self.model, "batchCandidates", self, several=True
        )
        hidden = (
            member_table.PHONE,
            member_table.JOINED,
            member_table.SPEND,
            member_table.CARD,
        )
        for column in hidden:
            self.table.hideColumn(column)
        self.table.setColumnWidth(member_table.ID, 56)
        self.queue_button = QPushButton(self.tr("New batch of the selected"), self)
        self.queue_button.clicked.connect(
            lambda: self.queue_requested.emit(self.selected_ids())
        )
        self.import_button = QPushButton(self.tr("Import a list…"), self)
        self.import_button.clicked.connect(self.import_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Diamond members without a card"), self))
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.queue_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.filter)

    def reload(self) -> None:
        self._members.reload()
        self.model.reload()

    def selected_ids(self) -> list[int]:
        rows = sorted(r.row() for r in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row).id for row in rows]

    def set_open(self, open_: bool) -> None:
        """Batches are made only while no batch is taking cards."""
        self.queue_button.setEnabled(open_)
        self.import_button.setEnabled(open_)
