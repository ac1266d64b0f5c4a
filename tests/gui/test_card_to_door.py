"""End to end: encode a diamond card in the window, then tap it at the door."""

from __future__ import annotations

import pytest
from guikit import (
    blank_card,
    copy_onto_other_chip,
    encode_card,
    foreign_card,
    tap,
)
from sqlalchemy import func, select

from memberdesk.console import words
from memberdesk.console.pages.door import NoEventChosen
from memberdesk.services.cardformat import card_code
from memberdesk.services.checkin import Verdict
from memberdesk.services.models import Card, CheckIn
from memberdesk.services.reasons import Reason
from memberdesk.widgets import verdict as panel

pytestmark = pytest.mark.gui

COPY_UID = bytes.fromhex("04C0FFEE123456")


def _door_says(win: object, verdict: object, reason: Reason) -> None:
    door = win.page("door")
    assert isinstance(verdict, Verdict)
    assert verdict.reason == reason
    assert door.verdict.reason.text() == words.reason_words(reason)
    expected = panel.ADMIT if verdict.admitted else panel.REFUSE
    assert door.verdict.verdict == expected


def test_encode_then_admit_duplicate_copy_and_foreign(qtbot, window, seeded, tmp_path):
    station, summary = seeded
    sim = window.bridge.sim
    blank = blank_card(tmp_path / "cards", "blank-1")

    # Card issuance: the first diamond member in the queue gets a card.
    window.show_page("issuance")
    issuance = window.page("issuance")
    member = issuance.model.row_at(0)
    assert member is not None and member.tier_code == "diamond"
    result = encode_card(qtbot, window, member.id, blank)

    with station.sessions() as s:
        card = s.scalars(select(Card).where(Card.member_id == member.id)).one()
        assert card.status == "active"
        assert card.uid == result.uid.hex().upper()
        assert card.card_number == result.card_number
    assert issuance.result_number.text() == card_code(result.card_number)
    assert issuance.result_uid.text() == result.uid.hex(" ").upper()
    ticked = [
        issuance.checklist.item(i).checkState()
        for i in range(issuance.checklist.count())
    ]
    assert all(state.name == "Checked" for state in ticked)
    # The member left the queue, and the members page shows the card.
    assert issuance.model.row_of(member.id) == -1
    members = window.page("members")
    members.search.setText(f"#{member.id}")
    members.run_search()
    assert members.model.row_at(0).card_number == card_code(result.card_number)

    sim.remove()  # written back to the file

    # The door: the open VIP salon.
    window.show_page("door")
    door = window.page("door")
    assert door.choose_event(summary.salon_id)

    admitted = tap(qtbot, window, blank)
    _door_says(window, admitted, Reason.ADMITTED)
    assert admitted.member_name == member.name
    assert door.verdict.member.text() == member.name
    assert door.verdict.badge.text() == words.tier_name("diamond")
    sim.remove()

    _door_says(window, tap(qtbot, window, blank), Reason.DUPLICATE)
    sim.remove()

    copy = copy_onto_other_chip(blank, tmp_path / "cards" / "copy.json", COPY_UID)
    _door_says(window, tap(qtbot, window, copy), Reason.UID_MISMATCH)
    sim.remove()

    foreign = foreign_card(tmp_path / "cards")
    _door_says(window, tap(qtbot, window, foreign), Reason.NOT_MEMBER_CARD)
    sim.remove()

    assert door.recent.count() == 4
    with station.sessions() as s:
        admitted_rows = s.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.admitted.is_(True))
        )
    assert admitted_rows == 1


def test_tap_without_an_event_records_nothing(qtbot, window, seeded, tmp_path):
    station, _summary = seeded
    window.show_page("door")
    door = window.page("door")
    assert door.event_id() is None
    card = blank_card(tmp_path / "cards", "blank-2")

    shown = tap(qtbot, window, card)

    assert isinstance(shown, NoEventChosen)
    assert door.verdict.verdict == panel.WAIT
    assert door.verdict.headline.text() == door.tr("Choose an event first")
    with station.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_pages_switch_by_keyboard(qtbot, window):
    from PySide6.QtCore import Qt

    for key, page in (
        (Qt.Key.Key_3, "door"),
        (Qt.Key.Key_2, "issuance"),
        (Qt.Key.Key_1, "members"),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == page
    assert window.statusBar().isVisible()
    assert "desk-1" in window.station_label.text()
