"""The members page: search, tier filter and a dense, lazily loaded table."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.catalogue import TIER_ORDER
from memberdesk.services.members import MemberRow, count_members, search_members
from memberdesk.services.models import Member
from memberdesk.services.permissions import Action, Actor, allowed
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

# Long enough to let a name be typed, short enough to feel immediate.
SEARCH_DELAY_MS = 250


class MemberSource:
    """The table's rows from services.members, one short session a call.

    Rows come with the phone masked; for a role that may see full numbers,
    the page's own rows get theirs, and no more than those.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        self._sessions = sessions
        self._actor = actor

    def fetch(self, query: MemberQuery, limit: int, offset: int) -> Sequence[MemberRow]:
        with self._sessions() as s:
            rows = search_members(s, query.text, query.tier, limit, offset)
            actor = self._actor()
            if not rows or actor is None:
                return rows
            if not allowed(actor.role, Action.VIEW_FULL_PHONE):
                return rows
            ids = [r.id for r in rows]
            found = s.execute(select(Member.id, Member.phone).where(Member.id.in_(ids)))
            phones = {member_id: phone for member_id, phone in found}
        return [replace(r, phone_masked=phones.get(r.id, r.phone_masked)) for r in rows]

    def count(self, query: MemberQuery) -> int:
        with self._sessions() as s:
            return count_members(s, query.text, query.tier)


class MembersPage(QWidget):
    """Find members by name, phone tail, card number or #id."""

    #: The search ran; carries how many members match.
    searched = Signal(int)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        tiers: Mapping[str, TierLook],
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("membersPage")
        source = MemberSource(sessions, actor)
        # FIXME: services.members sorts by tier and name only; header sorting
        # stays off until search_members takes a sort key, so that it is done
        # in SQL and never on a loaded page.
        self.model = MemberTableModel(
            source.fetch, source.count, tiers, zone=zone, parent=self
        )
        self.model.query_loaded.connect(self._show_count)

        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(
            self.tr("Search: name, phone tail, card number or #id")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search members"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.run_search)

        self.tier = QComboBox(self)
        self.tier.setAccessibleName(self.tr("Tier filter"))
        self.tier.addItem(self.tr("All tiers"), None)
        for code in reversed(TIER_ORDER):
            look = tiers.get(code)
            self.tier.addItem(look.label if look else code, code)
        self.tier.currentIndexChanged.connect(lambda _i: self.run_search())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("memberCount")

        self.table = member_table.member_view(self.model, "memberTable", self)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(False)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.tier)
        bar.addWidget(self.count_label)

        title = QLabel(self.tr("Members"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.search)
        self._widths: list[int] = []
        self._fit_columns()
        # A model reset resets the header too; keep the widths people chose.
        self.model.modelAboutToBeReset.connect(self._keep_widths)
        self.model.modelReset.connect(self._restore_widths)

    def page_title(self) -> str:
        return self.tr("Members")

    def page_shown(self) -> None:
        if self.model.rowCount() == 0:
            self.run_search()

    def page_hidden(self) -> None:
        pass

    def run_search(self) -> None:
        """Query now with the box and the filter (the debounce calls this)."""
        self._debounce.stop()
        query = MemberQuery(self.search.text().strip(), self.tier.currentData())
        self.model.set_query(query)

    def refresh(self) -> None:
        """Reload the current query: a card was issued, a member changed."""
        self.model.reload()

    def _fit_columns(self) -> None:
        widths = {
            member_table.ID: 64,
            member_table.NAME: 110,
            member_table.TIER: 104,
            member_table.PHONE: 116,
            member_table.CARD: 110,
            member_table.JOINED: 110,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    def _keep_widths(self) -> None:
        header = self.table.horizontalHeader()
        self._widths = [header.sectionSize(i) for i in range(header.count())]

    def _restore_widths(self) -> None:
        for column, width in enumerate(self._widths):
            self.table.setColumnWidth(column, width)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n member(s)", "", total))
        self.searched.emit(total)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down from the search box goes straight to the results.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            return
        super().keyPressEvent(event)
