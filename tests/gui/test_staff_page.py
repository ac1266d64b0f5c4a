"""Navigation by role, full phone numbers, and the Staff page's changes."""

from __future__ import annotations

import pytest
from actors import add_actor
from guikit import PASSWORD, PIN, TIMEOUT_MS, add_staff
from PySide6.QtCore import Qt

from memberdesk.console import words
from memberdesk.console.staff_dialogs import AddStaffDialog
from memberdesk.services.permissions import Action, PermissionDenied, Role
from memberdesk.services.staff import SignInFailed
from memberdesk.widgets import member_table

pytestmark = pytest.mark.gui

PAGES = {
    "door": ["members", "door"],
    "issuer": ["members", "issuance"],
    "operator": ["members", "door", "events", "audit"],
    "admin": ["members", "issuance", "door", "events", "staff", "audit"],
}


@pytest.mark.parametrize("role", PAGES)
def test_navigation_shows_what_the_role_may_use(window, seeded, role):
    station, _summary = seeded
    window.guard.session.sign_in(add_actor(station.sessions, role))
    assert window.visible_keys() == PAGES[role]
    shown = [
        row for row in range(window.rail.count()) if not window.rail.isRowHidden(row)
    ]
    assert len(shown) == len(PAGES[role])
    assert window.current_key() in PAGES[role]
    assert words.role_name(role) in window.staff_label.text()

    # Full phone numbers only for the roles that need them.
    window.show_page("members")
    phone = window.page("members").model.index(0, member_table.PHONE).data()
    assert ("*" in phone) == (role not in ("admin", "operator")), phone


def test_staff_page_adds_disables_resets_and_sets_pin(qtbot, window, seeded):
    station, _summary = seeded
    service = station.staff_service
    window.show_page("staff")
    page = window.page("staff")

    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AddStaffDialog)
    qtbot.keyClicks(dialog.login, "door7")
    dialog.name.setText("李门岗")  # QTest types ASCII only
    dialog.role.setCurrentIndex(dialog.role.findData(Role.DOOR.value))
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert page.select_login("door7")
    view = page.selected()
    assert view.role == Role.DOOR and not view.disabled

    # The same login again is refused in words, and the dialog stays open.
    page.add_button.click()
    again = page.dialog
    again.login.setText("door7")
    again.name.setText("someone")
    again.password.setText(PASSWORD)
    again.repeat.setText(PASSWORD)
    with qtbot.waitSignal(again.refused, timeout=TIMEOUT_MS) as refused:
        again.ok_button.click()
    assert refused.args[0] == "The login door7 is already taken."
    assert again.isVisible()
    again.reject()

    page.select_login("door7")
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.toggle_button.click()
    assert page.selected().disabled
    with pytest.raises(SignInFailed) as failed:
        service.sign_in("door7", PASSWORD)
    assert failed.value.reason == "disabled"
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.toggle_button.click()
    assert not page.selected().disabled

    page.password_button.click()
    reset = page.dialog
    reset.password.setText("another-pass-9")
    reset.repeat.setText("another-pass-9")
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        reset.ok_button.click()
    assert service.sign_in("door7", "another-pass-9").login == "door7"

    page.select_login("door7")
    page.pin_button.click()
    pin = page.dialog
    pin.pin.setText(PIN)
    pin.repeat.setText(PIN)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        pin.ok_button.click()
    assert page.selected().has_pin
    assert service.unlock_with_pin("door7", PIN).login == "door7"

    # An admin cannot lock themselves out.
    page.select_login(station.actor.login)
    with qtbot.waitSignal(page.refused, timeout=TIMEOUT_MS) as refused:
        page.toggle_button.click()
    assert refused.args[0] == "You cannot disable your own account."


def test_a_door_actor_gets_no_staff_page_and_the_service_refuses(qtbot, window, seeded):
    station, _summary = seeded
    add_staff(station, "door", "door1")
    door = station.staff_service.sign_in("door1", PASSWORD, "desk-1")
    window.guard.session.sign_in(door)
    assert "staff" not in window.visible_keys()
    window.show_page("staff")  # not offered: nothing happens
    assert window.current_key() != "staff"

    # Even reached directly, every change is refused by the service.
    page = window.page("staff")
    page.refresh()
    expected = words.permission_words(PermissionDenied(Role.DOOR, Action.MANAGE_STAFF))
    assert page.message.text() == expected
    assert page.table.rowCount() == 0
    dialog = AddStaffDialog(station.staff_service, door, page)
    dialog.login.setText("sneaky")
    dialog.name.setText("sneaky")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS) as refused:
        dialog.ok_button.click()
    assert refused.args[0] == expected
    dialog.reject()


def test_idle_time_is_saved_for_the_station(qtbot, window, seeded):
    station, _summary = seeded
    window.show_page("staff")
    page = window.page("staff")
    assert page.idle.value() == 5
    page.idle.setValue(2)
    with qtbot.waitSignal(page.idle_minutes_changed, timeout=TIMEOUT_MS):
        page.idle_button.click()
    assert window.guard.idle.timer.interval() == 2 * 60_000
    page.page_shown()
    assert page.idle.value() == 2
