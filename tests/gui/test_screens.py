"""Screenshots of every page in both languages, for people to look at.

They are written to tests/screens/ (or $MEMBERDESK_SCREENS), which is not
kept in the repository.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import cheap_hasher
from guikit import (
    PASSWORD,
    PIN,
    TIMEOUT_MS,
    add_staff,
    blank_card,
    copy_onto_other_chip,
    encode_card,
    sign_in_as,
    tap,
)
from PySide6.QtWidgets import QApplication
from sqlalchemy import text, update

from memberdesk.console.first_admin import FirstAdminDialog
from memberdesk.console.sign_in import SignInDialog
from memberdesk.nfc.sim.faults import Faults
from memberdesk.services.audit import AuditLog
from memberdesk.services.db import open_database
from memberdesk.services.models import Staff, utcnow
from memberdesk.services.reasons import Reason
from memberdesk.services.staff import StaffService

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


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_security_screens(qtbot, window, seeded, tmp_path, language):
    station, _summary = seeded
    service = station.staff_service

    first = FirstAdminDialog(
        StaffService(
            open_database(f"sqlite:///{tmp_path / 'new.db'}")[1],
            cheap_hasher(),
            AuditLog("desk-1"),
        )
    )
    qtbot.addWidget(first)
    first.show()
    first.login.setText("chief")
    first.name.setText("王经理")
    first.password.setText("short")
    with qtbot.waitSignal(first.refused, timeout=TIMEOUT_MS):
        first.ok_button.click()
    _grab(first, language, "first-run")

    add_staff(station, "door", "door1", pin=PIN)
    dialog = SignInDialog(service, "desk-1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login.setText("door1")
    _grab(dialog, language, "sign-in")
    dialog.password.setText("wrong password")
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS):
        dialog.ok_button.click()
    _grab(dialog, language, "sign-in-refused")
    with station.sessions.begin() as s:
        s.execute(
            update(Staff)
            .where(Staff.login == "door1")
            .values(locked_until=utcnow() + dt.timedelta(seconds=150))
        )
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS):
        dialog.ok_button.click()
    _grab(dialog, language, "sign-in-throttled")
    dialog.reject()

    window.show_page("staff")
    window.page("staff").select_login("door1")
    _grab(window, language, "staff")

    window.show_page("audit")
    audit = window.page("audit")
    with qtbot.waitSignal(audit.verified, timeout=TIMEOUT_MS):
        audit.verify_button.click()
    _grab(window, language, "audit-verified")
    with station.sessions.begin() as s:
        s.execute(text("UPDATE audit_entry SET station = 'elsewhere' WHERE seq = 2"))
    with qtbot.waitSignal(audit.verified, timeout=TIMEOUT_MS):
        audit.verify_button.click()
    _grab(window, language, "audit-tampered")

    with station.sessions.begin() as s:
        s.execute(text("UPDATE staff SET locked_until = NULL"))
    sign_in_as(station, window, "door1")
    window.guard.session.lock()
    _grab(window, language, "lock")
    lock = window.guard.lock_screen
    lock.pin.setText("0000")
    with qtbot.waitSignal(lock.refused, timeout=TIMEOUT_MS):
        lock.unlock_with_pin()
    _grab(window, language, "lock-refused")


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_card_room_screens(qtbot, window, seeded, tmp_path, language):
    import errno

    from PySide6.QtWidgets import QMessageBox

    from memberdesk.nfc.diagnostics import OpenAttempt, Probes, UsbDevice
    from memberdesk.services.members import search_members

    station, _summary = seeded
    sim = window.bridge.sim
    cards = tmp_path / "cards"
    issuance = window.page("issuance")
    window.show_page("issuance")
    batch = issuance.show_panel("batch")
    ids = [batch.model.row_at(n).id for n in range(5)]
    with station.sessions() as s:
        gold = search_members(s, "", "gold", 1, 0)[0].id
    batch.create_batch([*ids[:2], gold, *ids[2:]])
    batch.start()

    def tap_batch(card, faults=None):
        with qtbot.waitSignal(batch.progressed, timeout=TIMEOUT_MS):
            sim.place(card, faults=faults)
        sim.remove()

    tap_batch(blank_card(cards, "b1"))
    tap_batch(blank_card(cards, "b2"))
    tap_batch(blank_card(cards, "b3"), Faults(pull_after=14))
    _grab(window, language, "card-batch")

    # The card room's lost-and-returned tab, and a member's card history.
    window.show_page("members")
    window.page("members").run_search()
    dialog_opened = window.card_room.life.dialog_opened
    with qtbot.waitSignal(dialog_opened, timeout=TIMEOUT_MS) as opened:
        window.card_room.life.open_card(ids[0])
    dialog = opened.args[0]
    dialog.reissue_button.click()
    _grab(dialog, language, "card-history")
    dialog.reject()

    faces = issuance.show_panel("faces")
    window.show_page("issuance")
    faces.select_member(ids[1])
    with qtbot.waitSignal(faces.face_shown, timeout=TIMEOUT_MS):
        faces.preview(ids[1])
    _grab(window, language, "card-face")

    readers = window.card_room.readers
    readers.set_probes(
        lambda: Probes(
            platform="linux",
            libusb=lambda: "1.0.26",
            usb_devices=lambda: [
                UsbDevice(0x054C, 0x06C1, 1, 4),
                UsbDevice(0x072F, 0x2200, 1, 5),
            ],
            can_access=lambda node: not node.endswith("005"),
            kernel_modules=lambda: {"port100"},
            pcscd_running=lambda: False,
            try_open=lambda path: OpenAttempt(False, errno.EBUSY, "busy"),
        )
    )
    with qtbot.waitSignal(readers.diagnosed, timeout=TIMEOUT_MS):
        issuance.show_panel("readers")
    _grab(window, language, "card-readers")

    # A card of another member, refused: the words name it.
    issuance.show_panel("single")
    issuance.reload_queue()
    issuance.select_member(ids[4])
    issuance.encode_button.click()
    with qtbot.waitSignal(window.bridge.confirm_requested, timeout=TIMEOUT_MS):
        sim.place(cards / "b2.json")
    box = issuance.findChild(QMessageBox, "overwriteQuestion")
    _grab(box, language, "overwrite-question")
    with qtbot.waitSignal(issuance.encode_failed, timeout=TIMEOUT_MS):
        box.button(QMessageBox.StandardButton.No).click()
    _grab(window, language, "overwrite-refused")
    sim.remove()


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_door_station_screens(qtbot, window, seeded, tmp_path, language):
    from guikit import member_qr, scan

    from memberdesk.services.members import search_members

    station, summary = seeded
    with station.sessions() as s:
        gold = search_members(s, "", "gold", 1, 0)[0].id
    first, second = summary.diamond_member_ids[:2]
    codes = [member_qr(station, m) for m in (first, second, gold)]
    forged = member_qr(station, first, valid=False)
    window.show_page("door")
    door = window.page("door")
    with qtbot.waitSignal(door.refreshed, timeout=TIMEOUT_MS):
        door.choose_event(summary.salon_id)
    window.activateWindow()
    door.event.setFocus()

    def settled(text: str) -> object:
        with qtbot.waitSignal(door.refreshed, timeout=TIMEOUT_MS):
            verdict = scan(qtbot, window, text)
        return verdict

    assert settled(codes[0]).reason == Reason.ADMITTED
    assert settled(codes[1]).reason == Reason.ADMITTED
    _grab(window, language, "station-admitted")
    assert settled(forged).reason == Reason.BAD_SIGNATURE
    _grab(window, language, "station-refused")
    assert settled(codes[2]).reason == Reason.TIER_NOT_ELIGIBLE
    _grab(window, language, "station-supervisor")

    with qtbot.waitSignal(door.dialog_opened, timeout=TIMEOUT_MS) as opened:
        door.override_button.click()
    dialog = opened.args[0]
    dialog.reason.setText("主办方嘉宾" if language == "zh_CN" else "host's guest")
    _grab(dialog, language, "station-override-dialog")
    dialog.reject()

    with qtbot.waitSignal(window.station_mode.changed, timeout=TIMEOUT_MS):
        door.full_button.click()
    door.exit_button.click()
    assert settled(codes[0]).reason == Reason.EXITED
    _grab(window, language, "station-full-screen-exit")
    door.exit_button.click()
    window.station_mode.leave()


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_events_screens(qtbot, window, seeded, tmp_path, language):
    from memberdesk.services.members import search_members

    station, summary = seeded
    window.show_page("events")
    page = window.page("events")
    page.select_event(summary.salon_id)
    _grab(window, language, "events")

    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT_MS) as opened:
        page.new_button.click()
    dialog = opened.args[0]
    dialog.name.setText("")
    dialog.ends_at.setDateTime(dialog.starts_at.dateTime().addSecs(-3600))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS):
        dialog.ok_button.click()
    _grab(dialog, language, "event-dialog-problem")
    dialog.reject()

    with station.sessions() as s:
        gold = [m.id for m in search_members(s, "", "gold", 2, 0)]
        silver = search_members(s, "", "silver", 1, 0)[0].id
    csv = tmp_path / "popup.csv"
    csv.write_text(
        "member_id,phone,note\n"
        f"{gold[0]},,VIP\n"
        f"{gold[1]},,\n"
        f"{silver},,silver\n"
        "999999,,\n"
        ",13800001234,\n"
        "abc,,\n"
        f"{gold[0]},,twice\n",
        encoding="utf-8",
    )
    page.select_event(summary.popup_id)
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT_MS) as opened:
        page.import_button.click()
    importer = opened.args[0]
    with qtbot.waitSignal(importer.previewed, timeout=TIMEOUT_MS):
        importer.load_file(csv)
    _grab(importer, language, "registrations-preview")
    importer.reject()
