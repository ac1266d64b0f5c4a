"""The audit log as a dense table, newest first, loaded page by page.

Paging goes by sequence number (entries older than the last one loaded), so
entries appended while the table is open never shift a page. Filtering is the
source's business, done in SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from memberdesk.services.audit import AuditView

log = logging.getLogger(__name__)

PAGE_SIZE = 200
SEQ, TIME, STAFF, STATION, ACTION, ENTITY, ENTITY_ID, CHANGE = range(8)
SEQ_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AuditQuery:
    """The filter bar's state; None means any."""

    action: str | None = None
    entity: str | None = None
    staff_id: int | None = None
    since: dt.datetime | None = None  # UTC, inclusive
    until: dt.datetime | None = None  # UTC, exclusive


# (query, entries older than this seq or None for the newest, how many).
Fetch = Callable[[AuditQuery, int | None, int], Sequence[AuditView]]


def _short(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def change_summary(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> str:
    """Changed fields as "disabled: false → true"; a new record as "→ k=v"."""
    if before and after:
        keys = [k for k in after if before.get(k) != after.get(k)]
        keys += [k for k in before if k not in after]
        return ", ".join(
            f"{k}: {_short(before.get(k, '—'))} → {_short(after.get(k, '—'))}"
            for k in keys
        )
    if after:
        return "→ " + ", ".join(f"{k}={_short(v)}" for k, v in after.items())
    if before:
        return ", ".join(f"{k}={_short(v)}" for k, v in before.items()) + " →"
    return ""


class AuditTableModel(QAbstractTableModel):
    """AuditView rows from `fetch`, newest first, more on fetchMore()."""

    #: A query was run afresh; carries how many rows its first page holds.
    query_loaded = Signal(int)

    def __init__(
        self,
        fetch: Fetch,
        headers: Callable[[], list[str]],
        label: Callable[[int, str], str] = lambda _column, text: text,
        zone: dt.tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._headers = headers
        self._label = label
        self._zone = zone
        self._query = AuditQuery()
        self._rows: list[AuditView] = []
        self._more = False

    @property
    def query(self) -> AuditQuery:
        return self._query

    def set_query(self, query: AuditQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._rows = list(self._fetch(query, None, PAGE_SIZE))
        self._more = len(self._rows) == PAGE_SIZE
        self.endResetModel()
        self.query_loaded.emit(len(self._rows))

    def reload(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> AuditView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def has_more(self) -> bool:
        return self._more

    # Qt's model protocol.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._rows:
            return
        more = list(self._fetch(self._query, self._rows[-1].seq, PAGE_SIZE))
        self._more = len(more) == PAGE_SIZE
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
        ):
            names = self._headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: Index, role: int = 0) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(row, column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if column in (CHANGE, ACTION) else None
            return text
        if role == SEQ_ROLE:
            return row.seq
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: AuditView, column: int) -> str:
        if column == SEQ:
            return str(row.seq)
        if column == TIME:
            at = row.at.astimezone(self._zone) if self._zone else row.at
            return at.strftime("%Y-%m-%d %H:%M:%S")
        if column == STAFF:
            return row.staff_login or "—"
        if column == STATION:
            return row.station
        if column == ACTION:
            return self._label(ACTION, row.action)
        if column == ENTITY:
            return self._label(ENTITY, row.entity)
        if column == ENTITY_ID:
            return row.entity_id
        if column == CHANGE:
            return change_summary(row.before, row.after)
        return ""
