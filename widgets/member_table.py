"""A member table model that loads rows page by page as the view scrolls.

The model never holds a whole programme: it asks its source how many rows a
query has and fetches one page at a time through Qt's fetchMore protocol.
Filtering and sorting are the source's business, which does them in SQL.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from memberdesk.services.members import MemberRow
from memberdesk.widgets.tier_badge import TIER_ROLE, TierBadgeDelegate, TierLook

log = logging.getLogger(__name__)

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200

ID, NAME, TIER, PHONE, CARD, JOINED, SPEND = range(7)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MemberQuery:
    """What the table shows: search text, tier filter and SQL sort key."""

    text: str = ""
    tier: str | None = None
    sort: str | None = None  # None: the source's own order
    descending: bool = False


Fetch = Callable[[MemberQuery, int, int], Sequence[MemberRow]]
Count = Callable[[MemberQuery], int]


class MemberTableModel(QAbstractTableModel):
    """Rows of MemberRow, fetched lazily from `fetch(query, limit, offset)`."""

    #: The query changed and the first page is loaded; carries the total.
    query_loaded = Signal(int)

    def __init__(
        self,
        fetch: Fetch,
        count: Count,
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo | None = None,
        sortable: Mapping[int, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._count = count
        self._tiers = dict(tiers)
        self._zone = zone
        self._sortable = dict(sortable or {})
        self._query = MemberQuery()
        self._rows: list[MemberRow] = []
        self._total = 0

    @property
    def query(self) -> MemberQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def headers(self) -> list[str]:
        return [
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Tier"),
            self.tr("Phone"),
            self.tr("Card number"),
            self.tr("Joined"),
            self.tr("Spend"),
        ]

    def set_query(self, query: MemberQuery) -> None:
        """Run `query` afresh: count it and load its first page."""
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._total = self._count(query)
        self._rows = list(self._fetch(query, PAGE_SIZE, 0))
        self.endResetModel()
        log.debug("member query %r: %d rows", query, self._total)
        self.query_loaded.emit(self._total)

    def reload(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, member_id: int) -> int:
        """The loaded row of a member, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == member_id), -1)

    # Qt's model protocol.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = list(self._fetch(self._query, PAGE_SIZE, len(self._rows)))
        if not more:
            # The table shrank under us; stop asking.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: Index, role: int = 0) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == MEMBER_ID_ROLE:
            return row.id
        if role == TIER_ROLE and column == TIER:
            return self._tiers.get(row.tier_code)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ID, SPEND):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(
        self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        key = self._sortable.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=key, descending=descending))

    def _display(self, row: MemberRow, column: int) -> str:
        if column == ID:
            return str(row.id)
        if column == NAME:
            return row.name
        if column == TIER:
            look = self._tiers.get(row.tier_code)
            return look.label if look else row.tier_code
        if column == PHONE:
            return row.phone_masked
        if column == CARD:
            return row.card_number or ""
        if column == JOINED:
            joined = row.joined_at
            if self._zone is not None and joined.tzinfo is not None:
                joined = joined.astimezone(self._zone)
            return joined.strftime("%Y-%m-%d")
        if column == SPEND:
            return f"¥{row.spend_fen / 100:,.2f}"
        return ""


def member_view(
    model: MemberTableModel,
    name: str,
    parent: QWidget | None = None,
    several: bool = False,
) -> QTableView:
    """A dense member table: whole rows selected, tier badges, Tab leaves it."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegateForColumn(TIER, TierBadgeDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    # Tab moves to the next control, not to the next cell.
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view
