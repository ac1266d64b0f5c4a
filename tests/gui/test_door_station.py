"""The door station in the real window: scans, undo, override, exit, counters."""

from __future__ import annotations

import datetime as dt

import pytest
from guikit import (
    PIN,
    TIMEOUT_MS,
    ScanClock,
    add_staff,
    blank_card,
    copy_onto_other_chip,
    encode_card,
    member_qr,
    scan,
    sign_in_as,
    tap,
    type_keys,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from memberdesk.console import door_words, words
from memberdesk.console.door_dialogs import OVERRIDE, DoorActionDialog, ScanToCorrect
from memberdesk.console.door_sounds import ADMIT, REFUSE
from memberdesk.console.pages.door import NoEventChosen
from memberdesk.services.checkin import Verdict
from memberdesk.services.door_actions import Annulment
from memberdesk.services.members import search_members
from memberdesk.services.models import CheckIn
from memberdesk.services.reasons import Reason
from memberdesk.widgets import verdict as panel

pytestmark = pytest.mark.gui

COPY_UID = bytes.fromhex("04C0FFEE654321")


def _door(qtbot, window, event_id):
    window.show_page("door")
    door = window.page("door")
    door.scanner.clock = ScanClock()
    if event_id is not None:
        with qtbot.waitSignal(door.refreshed, timeout=TIMEOUT_MS):
            assert door.choose_event(event_id)
    window.activateWindow()
    door.event.setFocus()
    return door


def _checkins(station) -> int:
    with station.sessions() as s:
        return s.scalar(select(func.count()).select_from(CheckIn))


def _gold_member(station) -> int:
    with station.sessions() as s:
        return search_members(s, "", "gold", 1, 0)[0].id


def _settled(qtbot, door, verdict_of):
    """Run `verdict_of()` and wait for the verdict and the counters after it."""
    with qtbot.waitSignal(door.refreshed, timeout=TIMEOUT_MS) as counted:
        verdict = verdict_of()
    return verdict, counted.args[0]


def _correct(qtbot, door, open_dialog, reason, login=None, secret=None):
    """Fill an undo or override dialog and wait for its outcome."""
    with qtbot.waitSignal(door.dialog_opened, timeout=TIMEOUT_MS) as opened:
        open_dialog()
    dialog = opened.args[0]
    dialog.reason.setText(reason)
    if login is not None:
        dialog.login.setText(login)
        dialog.secret.setText(secret)
    return dialog


def test_qr_burst_admits_through_the_window(qtbot, window, seeded):
    station, summary = seeded
    member = summary.diamond_member_ids[0]
    code = member_qr(station, member)
    door = _door(qtbot, window, summary.salon_id)

    with qtbot.waitSignal(door.sounds.played, timeout=TIMEOUT_MS) as sound:
        verdict, counts = _settled(qtbot, door, lambda: scan(qtbot, window, code))

    assert isinstance(verdict, Verdict) and verdict.reason == Reason.ADMITTED
    assert verdict.source == "qr" and verdict.member_id == member
    assert sound.args == [ADMIT]
    assert door.verdict.verdict == panel.ADMIT
    assert door.verdict.reason.text() == words.reason_words(Reason.ADMITTED)
    # The scanner's letters never reached the event list.
    assert door.event_id() == summary.salon_id
    assert (counts.inside, counts.admitted, counts.capacity) == (1, 1, 60)
    assert counts.pending_uploads == 1
    assert door.counters.inside.value.text() == "1"
    assert door.counters.pending.value.text() == "1"
    assert door.scans.count() == 1
    assert door.scans.scan_at(0).checkin_id == verdict.checkin_id

    again = scan(qtbot, window, code)
    assert again.reason == Reason.DUPLICATE
    assert door.verdict.verdict == panel.REFUSE  # inside already: no amber


def test_scan_with_no_event_records_nothing(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    door = _door(qtbot, window, None)

    shown = scan(qtbot, window, code)

    assert isinstance(shown, NoEventChosen) and shown.source == "qr"
    assert door.verdict.verdict == panel.WAIT
    assert door.verdict.headline.text() == door.tr("Choose an event first")
    assert _checkins(station) == 0


def test_half_typed_bursts_say_scan_again(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    door = _door(qtbot, window, summary.salon_id)

    # Cut short, then Enter.
    cut = scan(qtbot, window, code[: len(code) // 2])
    assert cut.reason == Reason.MALFORMED_QR
    assert door.verdict.verdict == panel.WAIT
    assert door.verdict.reason.text() == words.reason_words(Reason.MALFORMED_QR)

    # Stopped without Enter: reported once the keys go quiet.
    stalled = scan(qtbot, window, code[:40], enter=False)
    assert stalled.reason == Reason.MALFORMED_QR
    assert door.verdict.reason.text() == words.reason_words(Reason.MALFORMED_QR)
    assert door.event_id() == summary.salon_id


def test_typing_in_a_field_is_not_taken_for_a_scan(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    door = _door(qtbot, window, summary.salon_id)
    field = QLineEdit(door)
    door.layout().addWidget(field)
    field.show()
    field.setFocus()

    with qtbot.assertNotEmitted(door.verdict_shown):
        type_keys(qtbot, window, "Hello", gap=0.5)
    assert field.text() == "Hello"

    verdict = scan(qtbot, window, code)
    assert verdict.reason == Reason.ADMITTED
    assert field.text() == "Hello"  # the burst was taken back out


def test_card_tap_then_copy_is_refused_and_never_overridden(
    qtbot, window, seeded, tmp_path
):
    station, summary = seeded
    card = blank_card(tmp_path / "cards", "blank-1")
    window.show_page("issuance")
    encode_card(qtbot, window, window.page("issuance").model.row_at(0).id, card)
    window.bridge.sim.remove()
    door = _door(qtbot, window, summary.salon_id)

    admitted, _counts = _settled(qtbot, door, lambda: tap(qtbot, window, card))
    window.bridge.sim.remove()
    assert admitted.reason == Reason.ADMITTED and admitted.source == "card"

    copy = copy_onto_other_chip(card, tmp_path / "cards" / "copy.json", COPY_UID)
    with qtbot.waitSignal(door.sounds.played, timeout=TIMEOUT_MS) as sound:
        refused, _counts = _settled(qtbot, door, lambda: tap(qtbot, window, copy))
    window.bridge.sim.remove()
    assert refused.reason == Reason.UID_MISMATCH
    assert sound.args == [REFUSE]
    assert door.verdict.verdict == panel.REFUSE
    assert not door.override_button.isVisible()
    assert door.override_last() is None
    door.scans.selectRow(0)
    assert not door.override_scan_button.isEnabled()
    assert door.corrections.override_selected() is None

    # Asked all the same, the door says no, in words.
    dialog = DoorActionDialog(
        station.door,
        station.actor,
        ScanToCorrect(refused.checkin_id, refused.member_name, "x"),
        OVERRIDE,
        door,
    )
    qtbot.addWidget(dialog)
    add_staff(station, "operator", "boss", pin=PIN)
    dialog.reason.setText("known guest")
    dialog.login.setText("boss")
    dialog.secret.setText(PIN)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS) as said:
        dialog.ok_button.click()
    assert said.args[0] == door_words.door_action_refused_words("never_overridden")


def test_forged_code_is_red_and_not_overridable(qtbot, window, seeded):
    station, summary = seeded
    forged = member_qr(station, summary.diamond_member_ids[0], valid=False)
    door = _door(qtbot, window, summary.salon_id)

    verdict = scan(qtbot, window, forged)

    assert verdict.reason == Reason.BAD_SIGNATURE
    assert door.verdict.verdict == panel.REFUSE
    assert door.verdict.reason.text() == words.reason_words(Reason.BAD_SIGNATURE)
    assert not verdict.overridable and door.override_last() is None


def test_door_staff_undo_needs_a_supervisor_pin(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    add_staff(station, "door", "door1")
    add_staff(station, "operator", "boss", pin=PIN)
    sign_in_as(station, window, "door1")
    door = _door(qtbot, window, summary.salon_id)
    admitted, _counts = _settled(qtbot, door, lambda: scan(qtbot, window, code))
    assert admitted.reason == Reason.ADMITTED
    assert door.undo_button.isEnabled()

    dialog = _correct(
        qtbot, door, door.undo_button.click, "wrong member", "boss", "0000"
    )
    assert dialog.with_supervisor and dialog.login.isVisible()
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS) as said:
        dialog.ok_button.click()
    assert said.args[0] == words.sign_in_refused_words("wrong_password", pin=True)
    assert dialog.secret.text() == ""

    dialog.secret.setText(PIN)
    with qtbot.waitSignal(door.refreshed, timeout=TIMEOUT_MS) as counted:
        with qtbot.waitSignal(door.corrected, timeout=TIMEOUT_MS) as done:
            dialog.ok_button.click()
    assert isinstance(done.args[0], Annulment)
    assert (counted.args[0].inside, counted.args[0].admitted) == (0, 0)
    assert door.scans.scan_at(0).annulled
    assert not door.undo_button.isEnabled()
    with station.sessions() as s:
        row = s.get(CheckIn, admitted.checkin_id)
        assert row.annulled and row.annul_reason == "wrong member"


def test_admin_undoes_alone(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    door = _door(qtbot, window, summary.salon_id)
    _settled(qtbot, door, lambda: scan(qtbot, window, code))

    dialog = _correct(qtbot, door, door.undo_button.click, "")
    assert not dialog.with_supervisor and not dialog.login.isVisible()
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS) as said:
        dialog.ok_button.click()
    assert said.args[0] == dialog.tr("Say why, in a few words.")
    dialog.reason.setText("test scan")
    with qtbot.waitSignal(door.corrected, timeout=TIMEOUT_MS) as done:
        dialog.ok_button.click()
    assert isinstance(done.args[0], Annulment) and done.args[0].freed_place


def test_supervisor_admits_over_an_amber_refusal(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, _gold_member(station))  # the salon is diamond only
    add_staff(station, "operator", "boss", pin=PIN)
    door = _door(qtbot, window, summary.salon_id)

    refused = scan(qtbot, window, code)
    assert refused.reason == Reason.TIER_NOT_ELIGIBLE and refused.overridable
    assert door.verdict.verdict == panel.SUPERVISOR
    assert words.reason_words(Reason.TIER_NOT_ELIGIBLE) in door.verdict.reason.text()
    assert door.override_button.isVisible()

    dialog = _correct(qtbot, door, door.override_button.click, "guest of the host")
    assert dialog.login.text() == station.actor.login  # an admin may sign
    dialog.login.setText("boss")
    dialog.secret.setText(PIN)
    with qtbot.waitSignal(door.corrected, timeout=TIMEOUT_MS) as done:
        dialog.ok_button.click()
    overridden = done.args[0]
    assert isinstance(overridden, Verdict) and overridden.reason == Reason.OVERRIDDEN
    assert door.verdict.verdict == panel.ADMIT
    assert door.verdict.reason.text() == words.reason_words(Reason.OVERRIDDEN)
    assert not door.override_button.isVisible()


def test_exit_mode_records_leaving(qtbot, window, seeded):
    station, summary = seeded
    code = member_qr(station, summary.diamond_member_ids[0])
    door = _door(qtbot, window, summary.salon_id)
    _settled(qtbot, door, lambda: scan(qtbot, window, code))

    with qtbot.waitSignal(door.direction_changed, timeout=TIMEOUT_MS):
        qtbot.keyClick(door.event, Qt.Key.Key_F8)
    assert door.direction() == "out" and door.exit_banner.isVisible()
    left, counts = _settled(qtbot, door, lambda: scan(qtbot, window, code))
    assert left.reason == Reason.EXITED and left.direction == "out"
    assert door.verdict.verdict == panel.ADMIT
    assert door.verdict.headline.text() == "EXIT"
    assert (counts.inside, counts.admitted) == (0, 1)

    again = scan(qtbot, window, code)
    assert again.reason == Reason.NOT_INSIDE
    assert door.verdict.verdict == panel.REFUSE

    door.exit_button.click()
    assert door.direction() == "in" and not door.exit_banner.isVisible()
    back = scan(qtbot, window, code)
    assert back.reason == Reason.REENTRY


def test_clock_set_back_is_shown(qtbot, window, seeded, monkeypatch):
    station, summary = seeded
    first = member_qr(station, summary.diamond_member_ids[0])
    second = member_qr(station, summary.diamond_member_ids[1])
    door = _door(qtbot, window, summary.salon_id)
    _settled(qtbot, door, lambda: scan(qtbot, window, first))
    assert not door.clock_warning.isVisible()

    earlier = station.door.recorder.now() - dt.timedelta(minutes=10)
    monkeypatch.setattr(station.door.recorder, "_clock", lambda: earlier)
    _settled(qtbot, door, lambda: scan(qtbot, window, second))

    assert door.clock_warning.isVisible()
    assert door.clock_warning.text() == door_words.clock_set_back_words(600)


def test_full_screen_and_leaving_it(qtbot, window, seeded):
    station, _summary = seeded
    add_staff(station, "door", "door1")
    sign_in_as(station, window, "door1")
    door = _door(qtbot, window, None)
    mode = window.station_mode

    with qtbot.waitSignal(mode.changed, timeout=TIMEOUT_MS):
        qtbot.keyClick(door.event, Qt.Key.Key_F11)
    assert mode.is_full() and window.isFullScreen()
    assert not window.rail.isVisible()
    qtbot.keyClick(door.event, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "door"  # no page switching in full screen

    # Door staff confirm; "Stay" keeps the station as it is.
    with qtbot.waitSignal(mode.leave_asked, timeout=TIMEOUT_MS) as asked:
        qtbot.keyClick(door.event, Qt.Key.Key_Escape)
    asked.args[0].button(asked.args[0].StandardButton.No).click()
    assert mode.is_full()
    with qtbot.waitSignal(mode.leave_asked, timeout=TIMEOUT_MS) as asked:
        door.full_button.click()
    with qtbot.waitSignal(mode.changed, timeout=TIMEOUT_MS):
        asked.args[0].button(asked.args[0].StandardButton.Yes).click()
    assert not window.isFullScreen() and window.rail.isVisible()


def test_supervisor_leaves_full_screen_at_once(qtbot, window, seeded):
    door = _door(qtbot, window, None)
    mode = window.station_mode
    with qtbot.waitSignal(mode.changed, timeout=TIMEOUT_MS):
        door.full_button.click()
    with qtbot.assertNotEmitted(mode.leave_asked):
        with qtbot.waitSignal(mode.changed, timeout=TIMEOUT_MS) as changed:
            qtbot.keyClick(door.event, Qt.Key.Key_Escape)
    assert changed.args == [False] and not window.isFullScreen()
