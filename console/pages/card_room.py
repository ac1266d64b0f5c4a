"""Wiring the card room: its tabs on the issuance page, and its ways in.

The batch, lost-and-returned, faces and readers tabs join the single card on
the issuance page. A member's card opens from the members page (context menu
or Ctrl+K) as from the card room, and the status bar's reader entry leads to
the readers tab.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent

from memberdesk.console.card_life_dialog import attach_card_menu
from memberdesk.console.main_window import MainWindow
from memberdesk.console.pages.card_batch import BatchPanel
from memberdesk.console.pages.card_faces import FacePanel
from memberdesk.console.pages.card_life import LifePanel
from memberdesk.console.pages.card_readers import ReaderPanel
from memberdesk.services.batch import BatchQueue
from memberdesk.services.cardlife import CardLife
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


@dataclass
class CardRoom:
    batch: BatchPanel
    life: LifePanel
    faces: FacePanel
    readers: ReaderPanel


class _Clicks(QObject):
    """Calls `action` when the watched widget is clicked."""

    def __init__(self, parent: QObject, action: Callable[[], None]) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self._action()
            return True
        return False


def build_card_room(
    station: Any, window: MainWindow, tiers: dict[str, TierLook]
) -> CardRoom:
    """Add the card room's tabs to the window's issuance page and wire them."""
    issuance = window.page("issuance")
    members = window.page("members")
    bridge = window.bridge

    def actor() -> Any:
        return station.actor

    queue = BatchQueue(station.sessions, station.audit)
    life = CardLife(station.sessions, station.audit)
    batch = BatchPanel(
        station.sessions, station.desk, queue, life, bridge, tiers, actor
    )
    lost = LifePanel(
        station.sessions, station.desk, life, bridge, tiers, actor, station.zone
    )
    faces = FacePanel(
        station.sessions,
        station.store,
        station.audit,
        tiers,
        actor,
        batch_members=batch.done_member_ids,
    )
    readers = ReaderPanel(bridge)
    issuance.add_panel("batch", translate("CardRoom", "Batch"), batch)
    issuance.add_panel("life", translate("CardRoom", "Lost and returned"), lost)
    issuance.add_panel("faces", translate("CardRoom", "Card faces"), faces)
    issuance.add_panel("readers", translate("CardRoom", "Readers"), readers)

    def encode_now(member_id: int) -> None:
        # The reissued card waits in the single-card queue: encode it now.
        window.show_page("issuance")
        issuance.show_panel("single")
        issuance.reload_queue()
        if issuance.select_member(member_id):
            issuance.start_encoding()

    def card_changed(_member_id: int) -> None:
        members.refresh()
        issuance.reload_queue()

    def open_card(member_id: int) -> None:
        lost.open_card(member_id)

    def member_at(row: int) -> int | None:
        member = members.model.row_at(row)
        return member.id if member is not None else None

    def show_readers() -> None:
        if "issuance" in window.visible_keys() and not window.is_locked():
            window.show_page("issuance")
            issuance.show_panel("readers")

    lost.encode_member.connect(encode_now)
    lost.card_changed.connect(card_changed)
    batch.progressed.connect(lambda _progress: members.refresh())
    attach_card_menu(members.table, member_at, open_card)
    window.reader_label.installEventFilter(_Clicks(window, show_readers))
    window.reader_label.setCursor(Qt.CursorShape.PointingHandCursor)
    return CardRoom(batch, lost, faces, readers)
