"""The card room's batch through the real main window, one virtual card a tap."""

from __future__ import annotations

import pytest
from guikit import TIMEOUT_MS, blank_card, foreign_card
from PySide6.QtWidgets import QMessageBox

from memberdesk.console.pages import card_words
from memberdesk.nfc.sim.faults import Faults

pytestmark = pytest.mark.gui

# Past identification and the first page writes: the card leaves mid-message.
PULL_AFTER = 14


def open_batch(window, size: int) -> tuple[object, list[int]]:
    window.show_page("issuance")
    window.page("issuance").show_panel("batch")
    batch = window.card_room.batch
    ids = [batch.model.row_at(n).id for n in range(size)]
    assert batch.create_batch(ids) is not None
    return batch, ids


def tap_card(qtbot, window, batch, card, faults=None):
    """Place a card for the batch, wait until it is worked, take it off."""
    with qtbot.waitSignal(batch.progressed, timeout=TIMEOUT_MS) as worked:
        window.bridge.sim.place(card, faults=faults)
    window.bridge.sim.remove()
    return worked.args[0]


def states(batch) -> list[str]:
    return [i.state for i in batch._queue.items(batch.batch_id)]


def test_batch_with_a_card_pulled_away_and_a_foreign_card(qtbot, window, tmp_path):
    cards = tmp_path / "cards"
    batch, ids = open_batch(window, 3)
    batch.start()
    assert window.bridge.handler_owner() is batch
    assert batch.start_button.text() == batch.tr("Pause")

    progress = tap_card(qtbot, window, batch, blank_card(cards, "b1"))
    assert (progress.done, progress.left) == (1, 2)
    assert states(batch) == ["done", "waiting", "waiting"]

    # Pulled away mid-message: the same card resumes on the next tap.
    second = blank_card(cards, "b2")
    tap_card(qtbot, window, batch, second, Faults(pull_after=PULL_AFTER))
    assert states(batch)[1] == "resumable"
    assert batch.message.text().startswith(card_words.item_reason_words("card_removed"))
    tap_card(qtbot, window, batch, second)
    assert states(batch)[:2] == ["done", "done"]

    # A foreign card: the question is refused, the member keeps waiting.
    foreign = foreign_card(cards)
    with qtbot.waitSignal(window.bridge.confirm_requested, timeout=TIMEOUT_MS):
        window.bridge.sim.place(foreign)
    box = batch.findChild(QMessageBox, "overwriteQuestion")
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(batch.progressed, timeout=TIMEOUT_MS):
        box.button(QMessageBox.StandardButton.No).click()
    window.bridge.sim.remove()
    third = batch._queue.items(batch.batch_id)[2]
    assert (third.state, third.reason) == ("waiting", "foreign_card")
    assert batch.items.item(2, 3).text() == card_words.item_reason_words("foreign_card")

    tap_card(qtbot, window, batch, blank_card(cards, "b3"))
    progress = batch.progress()
    assert (progress.status, progress.done, progress.failed) == ("done", 3, 0)
    assert window.bridge.handler_owner() is None
    assert batch.done_member_ids() == ids


def test_skip_and_retry(qtbot, window, tmp_path):
    batch, ids = open_batch(window, 2)
    batch.items.selectRow(0)
    assert batch.skip_button.isEnabled()
    batch.skip_button.click()
    assert states(batch) == ["skipped", "waiting"]
    assert batch.retry_button.isEnabled()

    batch.start()
    tap_card(qtbot, window, batch, blank_card(tmp_path / "cards", "b1"))
    assert states(batch) == ["skipped", "done"]
    assert batch.progress().skipped == 1

    batch.items.selectRow(0)
    batch.retry_button.click()
    assert states(batch) == ["waiting", "done"]
    batch.start()
    tap_card(qtbot, window, batch, blank_card(tmp_path / "cards", "b2"))
    assert states(batch) == ["done", "done"]
    assert batch.progress().status == "done"


def test_pause_takes_no_taps(qtbot, window, tmp_path):
    batch, _ids = open_batch(window, 2)
    batch.start()
    batch.pause()
    assert window.bridge.handler_owner() is None
    assert batch.progress().status == "paused"
    with qtbot.waitSignal(window.bridge.tap_unhandled, timeout=TIMEOUT_MS):
        window.bridge.sim.place(blank_card(tmp_path / "cards", "b1"))
    window.bridge.sim.remove()
    assert states(batch) == ["waiting", "waiting"]

    # Another tab takes the reader from a running batch, and gives it back.
    batch.start()
    issuance = window.page("issuance")
    issuance.show_panel("faces")
    assert window.bridge.handler_owner() is None
    issuance.show_panel("batch")
    assert window.bridge.handler_owner() is batch


def test_import_preview_names_bad_lines(window, seeded):
    from memberdesk.console.card_import_dialog import preview_member_list

    station, _summary = seeded
    batch = window.card_room.batch
    window.show_page("issuance")
    window.page("issuance").show_panel("batch")
    good = batch.model.row_at(0).id
    text = f"{good}\nabc\n999999\n#{good}\n"
    lines = preview_member_list(station.sessions, text)
    assert [(x.line, x.problem) for x in lines] == [
        (1, ""),
        (2, "bad_line"),
        (3, "unknown_member"),
        (4, "twice"),
    ]
    csv = f"member_id,name\n{good},x\nnope,y\n"
    lines = preview_member_list(station.sessions, csv)
    assert [(x.line, x.problem) for x in lines] == [(2, ""), (3, "bad_line")]
