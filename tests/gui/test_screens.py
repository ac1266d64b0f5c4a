"""Screenshots of every page in both languages, for people to look at.

They are written to tests/screens/ (or $MEMBERDESK_SCREENS), which is not
kept in the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from guikit import TIMEOUT_MS, blank_card, copy_onto_other_chip, encode_card, tap
from PySide6.QtWidgets import QApplication

from memberdesk.nfc.sim.faults import Faults
from memberdesk.services.reasons import Reason

pytestmark = pytest.mark.gui

COPY_UID = bytes.fromhex("04C0FFEE123456")


def screens_dir() -> Path:
    folder = os.environ.get("MEMBERDESK_SCREENS")
    path = Path(folder) if folder else Path(__file__).resolve().parents[1] / "screens"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _grab(window: object, lang: str, name: str) -> Path:
    path = screens_dir() / f"{lang}-{name}.png"
    # Let pending layout requests run, as the event loop would before a paint.
    QApplication.processEvents()
    assert window.grab().save(str(path)), f"could not save {path}"
    return path


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_screens(qtbot, window, seeded, tmp_path, language):
    _station, summary = seeded
    sim = window.bridge.sim
    tray = window.side_panels["card_tray"]
    card = blank_card(tmp_path / "cards", "blank-1")
    tray.refresh()

    window.show_page("members")
    assert _grab(window, language, "members").stat().st_size > 0

    window.show_page("issuance")
    issuance = window.page("issuance")
    member = issuance.model.row_at(0)
    issuance.select_member(member.id)
    _grab(window, language, "issuance-chosen")
    encode_card(qtbot, window, member.id, card)
    tray.set_placed(card)
    _grab(window, language, "issuance-done")
    sim.remove()
    tray.set_placed(None)

    window.show_page("door")
    window.page("door").choose_event(summary.salon_id)
    _grab(window, language, "door-waiting")
    assert tap(qtbot, window, card).reason == Reason.ADMITTED
    _grab(window, language, "door-admitted")
    sim.remove()

    copy = copy_onto_other_chip(card, tmp_path / "cards" / "copy.json", COPY_UID)
    assert tap(qtbot, window, copy).reason == Reason.UID_MISMATCH
    _grab(window, language, "door-refused")
    sim.remove()

    # An interrupted card, with the resume hint.
    window.show_page("issuance")
    issuance.select_member(issuance.model.row_at(0).id)
    with qtbot.waitSignal(issuance.waiting_for_card, timeout=TIMEOUT_MS):
        issuance.encode_button.click()
    second = blank_card(tmp_path / "cards", "blank-2")
    with qtbot.waitSignal(issuance.encode_failed, timeout=TIMEOUT_MS):
        sim.place(second, faults=Faults(pull_after=14))
    _grab(window, language, "issuance-interrupted")
    sim.remove()
