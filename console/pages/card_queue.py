"""Diamond members without a card, as rows for the card room's tables."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.members import MemberRow, diamond_members_without_card
from memberdesk.widgets.member_table import MemberQuery

log = logging.getLogger(__name__)


class CardQueue:
    """Diamond members without a card, filtered by name or id on the station.

    The queue is at most a few hundred members, so the filter runs on the
    rows already loaded.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._rows: list[MemberRow] = []

    def reload(self) -> None:
        with self._sessions() as s:
            self._rows = diamond_members_without_card(s)

    def _matching(self, query: MemberQuery) -> list[MemberRow]:
        text = query.text.strip().lstrip("#").lower()
        if not text:
            return self._rows
        return [
            r
            for r in self._rows
            if text in r.name.lower()
            or text == str(r.id)
            or r.phone_masked.endswith(text)
        ]

    def fetch(self, query: MemberQuery, limit: int, offset: int) -> Sequence[MemberRow]:
        return self._matching(query)[offset : offset + limit]

    def count(self, query: MemberQuery) -> int:
        return len(self._matching(query))
