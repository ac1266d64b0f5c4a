"""The card room's faces and readers tabs, and the issuance page by keyboard."""

from __future__ import annotations

import errno

import pytest
from guikit import TIMEOUT_MS, blank_card, encode_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from memberdesk.console.card_overwrite_dialog import Overwrite, overwrite_words
from memberdesk.console.pages import card_words
from memberdesk.nfc.diagnostics import OpenAttempt, Probes, UsbDevice
from memberdesk.nfc.sim.image import load_image
from memberdesk.services.cardformat import card_code

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier

RC_S380 = UsbDevice(0x054C, 0x06C1, 1, 4)


def encoded_member(qtbot, window, tmp_path) -> tuple[object, object]:
    window.show_page("issuance")
    member = window.page("issuance").model.row_at(0)
    card = blank_card(tmp_path / "cards", "face")
    result = encode_card(qtbot, window, member.id, card)
    window.bridge.sim.remove()
    return member, result


def test_face_preview_and_save_png_and_pdf(qtbot, window, tmp_path):
    member, _result = encoded_member(qtbot, window, tmp_path)
    window.page("issuance").show_panel("faces")
    faces = window.card_room.faces
    assert faces.select_member(member.id)
    with qtbot.waitSignal(faces.face_shown, timeout=TIMEOUT_MS):
        faces.preview_button.click()
    pixmap = faces.picture.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 400
    assert faces.png_button.isEnabled() and faces.pdf_button.isEnabled()

    for suffix, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF")):
        with qtbot.waitSignal(faces.saved, timeout=TIMEOUT_MS) as saved:
            faces.save(tmp_path / f"face{suffix}")
        (path,) = saved.args[0]
        assert path.read_bytes()[:4] == magic

    with qtbot.waitSignal(faces.failed, timeout=TIMEOUT_MS):
        faces.preview(999_999)
    assert faces.message.isVisible()


def test_reader_panel_shows_a_finding_in_words(qtbot, window):
    def probes() -> Probes:
        return Probes(
            platform="linux",
            libusb=lambda: "1.0.26",
            usb_devices=lambda: [RC_S380],
            can_access=lambda node: True,
            kernel_modules=lambda: {"port100"},
            pcscd_running=lambda: False,
            try_open=lambda path: OpenAttempt(False, errno.EBUSY, "busy"),
        )

    readers = window.card_room.readers
    readers.set_probes(probes)
    window.show_page("issuance")
    with qtbot.waitSignal(readers.diagnosed, timeout=TIMEOUT_MS) as checked:
        window.page("issuance").show_panel("readers")
    (report,) = checked.args[0].readers
    assert report.findings[0].code == "kernel_module"
    shown = [label.text() for label in readers.findings.findChildren(QLabel)]
    problem, fix = card_words.finding_words("kernel_module")
    assert problem in shown
    assert any(fix in text for text in shown)
    assert any("modprobe -r port100" in text for text in shown)

    with qtbot.waitSignal(readers.diagnosed, timeout=TIMEOUT_MS):
        readers.check_button.click()


def test_issuance_by_keyboard(qtbot, window, tmp_path):
    window.show_page("issuance")
    issuance = window.page("issuance")
    assert not issuance.table.tabKeyNavigation()
    issuance.table.setFocus()
    issuance.table.selectRow(0)
    member = issuance.selected_member()

    with qtbot.waitSignal(issuance.waiting_for_card, timeout=TIMEOUT_MS):
        qtbot.keyClick(issuance.table, Qt.Key.Key_Return)
    assert issuance.cancel_button.hasFocus()
    qtbot.keyClick(issuance.cancel_button, Qt.Key.Key_Escape)
    assert window.bridge.handler_owner() is None
    assert issuance.table.isEnabled()

    issuance.table.setFocus()
    with qtbot.waitSignal(issuance.waiting_for_card, timeout=TIMEOUT_MS):
        qtbot.keyClick(issuance.table, Qt.Key.Key_E, CTRL)
    with qtbot.waitSignal(issuance.card_encoded, timeout=TIMEOUT_MS) as done:
        window.bridge.sim.place(blank_card(tmp_path / "cards", "keyed"))
    window.bridge.sim.remove()
    assert issuance.result_member.text() == member.name
    assert done.args[0].card_number > 0


def test_refusal_names_the_card_and_its_member(qtbot, window, tmp_path):
    window.show_page("issuance")
    issuance = window.page("issuance")
    first, second = issuance.model.row_at(0), issuance.model.row_at(1)
    card = blank_card(tmp_path / "cards", "taken")
    result = encode_card(qtbot, window, first.id, card)
    window.bridge.sim.remove()

    assert issuance.select_member(second.id)
    issuance.encode_button.click()
    with qtbot.waitSignal(window.bridge.confirm_requested, timeout=TIMEOUT_MS):
        window.bridge.sim.place(card)
    box = issuance.findChild(QMessageBox, "overwriteQuestion")
    facts = Overwrite(
        "card_of_other_member", "", result.card_number, first.id, first.name
    )
    assert box.informativeText() == overwrite_words(facts)
    assert card_code(result.card_number) in box.informativeText()
    with qtbot.waitSignal(issuance.encode_failed, timeout=TIMEOUT_MS):
        box.button(QMessageBox.StandardButton.No).click()
    window.bridge.sim.remove()
    assert first.name in issuance.message.text()
    assert "not overwritten" not in issuance.message.text()
    assert issuance.detail.isHidden()


def test_title_and_tray_say_what_they_show(qtbot, window, tmp_path):
    assert window.windowTitle() == "memberdesk — desk-1"
    tray = window.side_panels["card_tray"]
    card = blank_card(tmp_path / "cards", "blank-1")
    tray.refresh()
    assert tray.cards.item(0).text() == "blank-1 · blank"

    window.show_page("issuance")
    member = window.page("issuance").model.row_at(0)
    tray.select(card)
    tray.place_button.click()
    issuance = window.page("issuance")
    assert issuance.select_member(member.id)
    with qtbot.waitSignal(issuance.card_encoded, timeout=TIMEOUT_MS) as done:
        issuance.encode_button.click()
    tray.take_off_button.click()
    code = card_code(done.args[0].card_number)
    assert tray.cards.item(0).text() == f"blank-1 · card {code} of {member.name}"


def test_english_counts_members_in_plural(qtbot, window):
    members = window.page("members")
    with qtbot.waitSignal(members.searched, timeout=TIMEOUT_MS):
        members.run_search()
    assert members.count_label.text() == "200 members"
    members.search.setText("#12")
    with qtbot.waitSignal(members.searched, timeout=TIMEOUT_MS):
        members.run_search()
    assert members.count_label.text() == "1 member"


def test_a_card_laid_down_before_encode_is_encoded(qtbot, window, tmp_path):
    card = blank_card(tmp_path / "cards", "blank-2")
    issuance = window.page("issuance")
    window.show_page("issuance")
    member = issuance.model.row_at(0)
    assert issuance.select_member(member.id)
    # The card is down first: nobody waits for it yet.
    with qtbot.waitSignal(window.bridge.tap_unhandled, timeout=TIMEOUT_MS):
        window.bridge.sim.place(card)

    with qtbot.waitSignal(issuance.card_encoded, timeout=TIMEOUT_MS) as done:
        issuance.encode_button.click()

    assert done.args[0].uid == load_image(card).uid
    window.bridge.sim.remove()
