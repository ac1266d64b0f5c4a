"""First run, sign-in and its refusals, in the dialogs people see at start."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import cheap_hasher
from guikit import PASSWORD, TIMEOUT_MS, add_staff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import update

from memberdesk.console import words
from memberdesk.console.first_admin import FirstAdminDialog
from memberdesk.console.sign_in import SignInDialog, staff_dialog
from memberdesk.services.anchors import MemoryAnchor
from memberdesk.services.audit import AuditLog
from memberdesk.services.db import open_database
from memberdesk.services.models import Staff, utcnow
from memberdesk.services.permissions import Role
from memberdesk.services.staff import StaffService

pytestmark = pytest.mark.gui


@pytest.fixture
def empty_service(tmp_path):
    _engine, sessions = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    return StaffService(sessions, cheap_hasher(), AuditLog("desk-1", MemoryAnchor()))


def _submit(qtbot, dialog, signal):
    with qtbot.waitSignal(signal, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    return blocker.args[0]


def test_first_run_creates_the_admin_and_signs_in(qtbot, empty_service, language):
    dialog = staff_dialog(empty_service, "desk-1")
    qtbot.addWidget(dialog)
    assert isinstance(dialog, FirstAdminDialog)

    dialog.login.setText("chief")
    dialog.name.setText("王经理")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    assert _submit(qtbot, dialog, dialog.refused) == "The two passwords differ."

    dialog.repeat.setText(PASSWORD)
    dialog.login.setText("Not A Login!")
    assert _submit(qtbot, dialog, dialog.refused) == words.login_rule_words()

    dialog.login.setText("chief")
    actor = _submit(qtbot, dialog, dialog.succeeded)
    assert actor.role == Role.ADMIN and actor.display_name == "王经理"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == actor

    # From now on the console asks for a sign-in, and the password works.
    again = staff_dialog(empty_service, "desk-1")
    qtbot.addWidget(again)
    assert isinstance(again, SignInDialog)
    assert empty_service.sign_in("chief", PASSWORD).staff_id == actor.staff_id


def test_sign_in_refusals_are_written_out(qtbot, seeded, language):
    station, _summary = seeded
    service = station.staff_service
    add_staff(station, "door", "door1")
    gone = add_staff(station, "door", "gone1")
    service.disable(station.actor, gone.id)
    add_staff(station, "door", "slow1")
    with station.sessions.begin() as s:
        wait_until = utcnow() + dt.timedelta(seconds=150)
        s.execute(
            update(Staff).where(Staff.login == "slow1").values(locked_until=wait_until)
        )

    dialog = SignInDialog(service, "desk-1")
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.login.setText("door1")
    dialog.password.setText("not-the-password")
    shown = _submit(qtbot, dialog, dialog.refused)
    assert shown == words.sign_in_refused_words("wrong_password")
    assert dialog.password.text() == ""  # cleared for the next try

    dialog.login.setText("gone1")
    dialog.password.setText(PASSWORD)
    assert _submit(qtbot, dialog, dialog.refused) == words.sign_in_refused_words(
        "disabled"
    )

    dialog.login.setText("slow1")
    dialog.password.setText(PASSWORD)
    shown = _submit(qtbot, dialog, dialog.refused)
    assert words.sign_in_refused_words("throttled") in shown
    assert "Try again in 2 min 30 s." in shown
    assert not dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.countdown_ticked, timeout=TIMEOUT_MS) as tick:
        pass
    assert tick.args[0] == 149
    assert "2 min 29 s" in dialog.message.text()

    # The wait is the account's: another login may try at once.
    dialog.login.setText("door1")
    assert dialog.ok_button.isEnabled()
    dialog.password.setText(PASSWORD)
    actor = _submit(qtbot, dialog, dialog.succeeded)
    assert actor.login == "door1" and actor.role == Role.DOOR


def test_escape_quits_the_sign_in(qtbot, seeded, language):
    station, _summary = seeded
    dialog = SignInDialog(station.staff_service, "desk-1")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog.login, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
