"""The idle lock, Ctrl+L, PIN and password unlock, and taps while locked."""

from __future__ import annotations

import pytest
from guikit import (
    PASSWORD,
    PIN,
    TIMEOUT_MS,
    add_staff,
    blank_card,
    encode_card,
    sign_in_as,
    tap,
)
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.console import words
from memberdesk.services.models import CheckIn
from memberdesk.services.reasons import Reason

pytestmark = pytest.mark.gui


def _lock_when_idle(qtbot, window) -> None:
    guard = window.guard
    with qtbot.waitSignal(guard.session.locked, timeout=TIMEOUT_MS):
        guard.idle.set_interval_ms(20)
    # Long again, so that the unlock below is not locked over at once.
    guard.idle.set_minutes(5)


def test_idle_lock_and_pin_unlock(qtbot, window, seeded):
    station, summary = seeded
    add_staff(station, "door", "door1", pin=PIN)
    actor = sign_in_as(station, window, "door1")
    window.show_page("door")
    door = window.page("door")
    door.choose_event(summary.salon_id)
    assert window.bridge.handler_owner() is door

    _lock_when_idle(qtbot, window)
    lock = window.guard.lock_screen
    assert window.is_locked() and lock.isVisible()
    assert actor.display_name in lock.who.text()
    assert lock.pin.isVisible()
    assert window.bridge.handler_owner() is None  # taps are not decided
    assert "(locked)" in window.staff_label.text()

    qtbot.keyClicks(lock.pin, "1111")
    with qtbot.waitSignal(lock.refused, timeout=TIMEOUT_MS) as refused:
        qtbot.keyClick(lock.pin, Qt.Key.Key_Return)
    assert refused.args[0] == words.sign_in_refused_words("wrong_password", pin=True)
    assert window.is_locked()

    qtbot.keyClicks(lock.pin, PIN)
    with qtbot.waitSignal(window.guard.session.unlocked, timeout=TIMEOUT_MS):
        qtbot.keyClick(lock.pin, Qt.Key.Key_Return)
    assert not window.is_locked()
    assert window.current_key() == "door"
    assert window.bridge.handler_owner() is door
    assert door.event_id() == summary.salon_id


def test_locked_station_ignores_taps_until_unlocked(qtbot, window, seeded, tmp_path):
    station, summary = seeded
    card = blank_card(tmp_path / "cards", "blank-1")
    member = window.page("issuance").model
    window.show_page("issuance")
    encode_card(qtbot, window, member.row_at(0).id, card)
    window.bridge.sim.remove()
    # The signed-in admin gets a password, to unlock with.
    station.staff_service.reset_password(
        station.actor, station.actor.staff_id, PASSWORD
    )

    window.show_page("door")
    window.page("door").choose_event(summary.salon_id)
    window.activateWindow()
    with qtbot.waitSignal(window.guard.session.locked, timeout=TIMEOUT_MS):
        qtbot.keyClick(
            window.page("door").event, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
        )
    lock = window.guard.lock_screen
    assert not lock.pin.isVisible()  # no PIN: the password unlocks
    lock.pin.setText("1234")
    with qtbot.waitSignal(lock.refused, timeout=TIMEOUT_MS) as refused:
        lock.unlock_with_pin()
    assert refused.args[0] == words.sign_in_refused_words("no_pin")

    with station.sessions() as s:
        before = s.scalar(select(func.count()).select_from(CheckIn))
    with qtbot.waitSignal(window.bridge.tap_unhandled, timeout=TIMEOUT_MS):
        window.bridge.sim.place(card)
    window.bridge.sim.remove()
    with station.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == before
    assert "not checked in" in lock.message.text()

    qtbot.keyClicks(lock.password, PASSWORD)
    with qtbot.waitSignal(window.guard.session.unlocked, timeout=TIMEOUT_MS):
        qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert tap(qtbot, window, card).reason == Reason.ADMITTED


def test_sign_in_as_someone_else(qtbot, window, seeded):
    station, _summary = seeded
    add_staff(station, "issuer", "issuer1")
    _lock_when_idle(qtbot, window)
    guard = window.guard
    with qtbot.waitSignal(guard.sign_in_opened, timeout=TIMEOUT_MS) as opened:
        guard.lock_screen.switch_button.click()
    assert station.actor is None
    dialog = opened.args[0]
    dialog.login.setText("issuer1")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(guard.session.signed_in, timeout=TIMEOUT_MS) as signed:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert signed.args[0].login == "issuer1"
    assert station.actor.login == "issuer1"
    assert not window.is_locked()
    assert window.visible_keys() == ["members", "issuance"]


def test_lock_closes_an_open_dialog(qtbot, window):
    window.show_page("staff")
    page = window.page("staff")
    page.add_button.click()
    assert page.dialog.isVisible()
    with qtbot.waitSignal(window.guard.session.locked, timeout=TIMEOUT_MS):
        window.lock_requested.emit()
    assert not page.dialog.isVisible()
