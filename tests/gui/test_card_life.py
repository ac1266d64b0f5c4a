"""A member's card after encoding: reissue, revoke, recycle, through the window."""

from __future__ import annotations

import pytest
from guikit import TIMEOUT_MS, blank_card, encode_card, tap
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from memberdesk.console.card_life_dialog import CardLifeDialog
from memberdesk.console.pages import card_words
from memberdesk.console.pages.card_contents import card_contents
from memberdesk.services.models import Card
from memberdesk.services.reasons import Reason

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def first_in_queue(window) -> object:
    window.show_page("issuance")
    issuance = window.page("issuance")
    issuance.show_panel("single")
    return issuance.model.row_at(0)


def open_card(qtbot, window, member_id: int) -> CardLifeDialog:
    life = window.card_room.life
    with qtbot.waitSignal(life.dialog_opened, timeout=TIMEOUT_MS) as opened:
        life.open_card(member_id)
    return opened.args[0]


def test_reissue_refuses_the_old_card_and_admits_the_new(
    qtbot, window, seeded, tmp_path
):
    station, summary = seeded
    cards = tmp_path / "cards"
    member = first_in_queue(window)
    old = blank_card(cards, "old")
    encode_card(qtbot, window, member.id, old)
    window.bridge.sim.remove()

    dialog = open_card(qtbot, window, member.id)
    assert dialog.statuses() == ["active"]
    dialog.reason.setCurrentIndex(dialog.reason.findData("lost"))
    dialog.reissue_button.click()
    assert dialog.statuses() == ["revoked", "encoding"]
    assert dialog.encode_button.isVisible()
    steps = [dialog.cards.topLevelItem(0).child(i).text(0) for i in range(1)]
    assert steps == [card_words.journal_step_words("opened")]

    # "Encode the new card" goes to the single card, waiting for a tap.
    issuance = window.page("issuance")
    with qtbot.waitSignal(issuance.waiting_for_card, timeout=TIMEOUT_MS) as waiting:
        dialog.encode_button.click()
    assert waiting.args[0].issue_number == 2
    new = blank_card(cards, "new")
    with qtbot.waitSignal(issuance.card_encoded, timeout=TIMEOUT_MS):
        window.bridge.sim.place(new)
    window.bridge.sim.remove()

    window.show_page("door")
    assert window.page("door").choose_event(summary.salon_id)
    refused = tap(qtbot, window, old)
    window.bridge.sim.remove()
    assert refused.reason in (Reason.REVOKED_CARD, Reason.SUPERSEDED_ISSUE)
    admitted = tap(qtbot, window, new)
    window.bridge.sim.remove()
    assert admitted.reason == Reason.ADMITTED

    with station.sessions() as s:
        rows = s.scalars(select(Card).where(Card.member_id == member.id)).all()
    assert sorted((c.issue_number, c.status) for c in rows) == [
        (1, "revoked"),
        (2, "active"),
    ]


def test_revoke_asks_then_recycle_blanks_the_chip(qtbot, window, seeded, tmp_path):
    station, _summary = seeded
    member = first_in_queue(window)
    card = blank_card(tmp_path / "cards", "handed-back")
    encode_card(qtbot, window, member.id, card)
    window.bridge.sim.remove()
    assert member.name in card_contents(card, station.desk, station.sessions)

    dialog = open_card(qtbot, window, member.id)
    dialog.reason.setCurrentIndex(dialog.reason.findData("left_programme"))
    dialog.revoke_button.click()
    box = dialog.findChild(QMessageBox, "revokeQuestion")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.statuses() == ["revoked"]
    assert dialog.found_button.isEnabled()
    audit = [dialog.audit.item(r, 2).text() for r in range(dialog.audit.rowCount())]
    assert card_words.audit_action_words("card_revoked") in audit
    dialog.reject()

    window.show_page("issuance")
    window.page("issuance").show_panel("life")
    life = window.card_room.life
    life.start_recycling()
    assert window.bridge.handler_owner() is life
    with qtbot.waitSignal(life.recycled, timeout=TIMEOUT_MS) as done:
        window.bridge.sim.place(card)
    window.bridge.sim.remove()
    assert done.args[0].card_number is not None
    assert window.bridge.handler_owner() is None
    assert card_contents(card, station.desk, station.sessions) == "blank"


def test_members_page_opens_a_members_card(qtbot, window):
    member = first_in_queue(window)
    window.show_page("members")
    members = window.page("members")
    members.search.setText(f"#{member.id}")
    members.run_search()
    members.table.selectRow(0)
    members.table.setFocus()
    life = window.card_room.life
    with qtbot.waitSignal(life.dialog_opened, timeout=TIMEOUT_MS) as opened:
        qtbot.keyClick(members.table, Qt.Key.Key_K, CTRL)
    dialog = opened.args[0]
    assert dialog.member_id == member.id
    assert dialog.statuses() == []
    assert not dialog.reissue_button.isEnabled()
    dialog.reject()

    # The same entry is on the table's context menu (not popped up here: the
    # offscreen platform warns about a popup's keyboard grab).
    assert members.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert members.table.actions()[0].shortcut().toString() == "Ctrl+K"
