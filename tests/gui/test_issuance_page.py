"""Card issuance: questions from the reader thread, and resuming a torn card."""

from __future__ import annotations

import pytest
from guikit import TIMEOUT_MS, blank_card, encode_card
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from memberdesk.console import words
from memberdesk.nfc.sim.faults import Faults
from memberdesk.services.models import Card, CardJournal

pytestmark = pytest.mark.gui


def test_another_members_card_is_not_overwritten_without_asking(
    qtbot, window, tmp_path
):
    card = blank_card(tmp_path / "cards", "blank-1")
    issuance = window.page("issuance")
    window.show_page("issuance")
    first, second = issuance.model.row_at(0), issuance.model.row_at(1)
    encode_card(qtbot, window, first.id, card)
    window.bridge.sim.remove()

    assert issuance.select_member(second.id)
    issuance.encode_button.click()
    with qtbot.waitSignal(window.bridge.confirm_requested, timeout=TIMEOUT_MS) as ask:
        window.bridge.sim.place(card)
    assert ask.args[1] == "card_of_other_member"

    box = issuance.findChild(QMessageBox, "overwriteQuestion")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(issuance.encode_failed, timeout=TIMEOUT_MS) as failed:
        box.button(QMessageBox.StandardButton.No).click()
    assert failed.args == ["card_of_other_member"]
    assert issuance.message.text().startswith(
        words.encode_refused_words("card_of_other_member")
    )
    window.bridge.sim.remove()


def test_card_pulled_away_resumes_on_the_next_tap(qtbot, window, seeded, tmp_path):
    station, _summary = seeded
    card = blank_card(tmp_path / "cards", "blank-1")
    issuance = window.page("issuance")
    window.show_page("issuance")
    member = issuance.model.row_at(0)
    assert issuance.select_member(member.id)
    with qtbot.waitSignal(issuance.waiting_for_card, timeout=TIMEOUT_MS):
        issuance.encode_button.click()

    with qtbot.waitSignal(issuance.encode_failed, timeout=TIMEOUT_MS) as failed:
        window.bridge.sim.place(card, faults=Faults(pull_after=PULL_AFTER))
    assert failed.args == ["card_removed"]
    assert issuance.message.text().endswith(
        issuance.tr("Tap the same card again to resume.")
    )
    with station.sessions() as s:
        steps = s.scalars(select(CardJournal.step).order_by(CardJournal.id)).all()
    assert steps[-2:] == ["writing", "interrupted"]
    window.bridge.sim.remove()

    with qtbot.waitSignal(issuance.card_encoded, timeout=TIMEOUT_MS) as done:
        window.bridge.sim.place(card)
    with station.sessions() as s:
        row = s.scalars(select(Card).where(Card.member_id == member.id)).one()
    assert row.status == "active"
    assert row.uid == done.args[0].uid.hex().upper()
    window.bridge.sim.remove()


# Past identification and the first page writes: the card leaves mid-message.
PULL_AFTER = 14
