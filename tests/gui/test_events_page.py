"""The Events page: create, copy, cancel, registrations from CSV, who sees it."""

from __future__ import annotations

import datetime as dt

import pytest
from actors import add_actor
from guikit import TIMEOUT_MS
from PySide6.QtCore import QDateTime
from sqlalchemy import select

from memberdesk.console import door_words
from memberdesk.services.members import search_members
from memberdesk.services.models import Event, Registration
from memberdesk.services.registrations import RegistrationService

pytestmark = pytest.mark.gui


def _events_page(window):
    window.show_page("events")
    return window.page("events")


def _open(qtbot, page, action):
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT_MS) as opened:
        action()
    return opened.args[0]


def test_create_with_a_problem_then_fixed(qtbot, window, seeded):
    station, _summary = seeded
    page = _events_page(window)
    before = page.table.rowCount()
    dialog = _open(qtbot, page, page.new_button.click)

    dialog.name.setText("春季 VIP 沙龙")
    dialog.venue.setText("上海 静安")
    start = dialog.starts_at.dateTime()
    dialog.ends_at.setDateTime(start.addSecs(-3600))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS):
        dialog.ok_button.click()
    problem = dialog.problem_labels["ends_at"]
    assert problem.isVisibleTo(dialog)
    assert problem.text() == door_words.event_problem_words(
        "ends_at", "the event must end after it starts"
    )
    assert dialog.isVisible()

    dialog.ends_at.setDateTime(start.addSecs(3 * 3600))
    dialog.tier_boxes["gold"].setChecked(True)
    dialog.member_cap.setValue(2)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS) as changed:
        dialog.ok_button.click()
    assert changed.args[0] == "created"
    row = changed.args[1]
    assert row.name == "春季 VIP 沙龙"
    assert row.eligible_tiers == ("gold", "diamond")
    assert row.member_yearly_cap == 2
    assert not problem.isVisibleTo(dialog)
    assert page.table.rowCount() == before + 1
    assert page.selected_event().id == row.id


def test_copy_keeps_rules_and_drops_the_window(qtbot, window, seeded):
    _station, summary = seeded
    page = _events_page(window)
    assert page.select_event(summary.hq_visit_id)
    dialog = _open(qtbot, page, page.copy_event)
    dialog.move_dates.setChecked(False)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS) as changed:
        dialog.ok_button.click()
    copy = changed.args[1]
    assert changed.args[0] == "copied"
    assert copy.copied_from == summary.hq_visit_id
    assert copy.doors_open_at is None and copy.doors_close_at is None
    assert copy.registration_required and not copy.reentry_allowed

    assert page.select_event(summary.hq_visit_id)
    dialog = _open(qtbot, page, page.copy_event)
    new_start = dialog.starts_at.dateTime()
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS) as changed:
        dialog.ok_button.click()
    moved = changed.args[1]
    assert moved.doors_open_at is not None
    assert moved.doors_open_at - moved.starts_at == dt.timedelta(minutes=-30)
    assert QDateTime(moved.starts_at.astimezone(dialog._zone).replace(tzinfo=None)) == (
        new_start
    )


def test_cancel_needs_a_reason(qtbot, window, seeded):
    station, summary = seeded
    page = _events_page(window)
    assert page.select_event(summary.popup_id)
    dialog = _open(qtbot, page, page.cancel_button.click)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT_MS) as said:
        dialog.ok_button.click()
    assert said.args[0] == door_words.event_problem_words("reason", "say why")

    dialog.reason.setText("场地维修")
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS) as changed:
        dialog.ok_button.click()
    assert changed.args[0] == "cancelled" and changed.args[1].cancelled
    assert not page.select_event(summary.popup_id)
    page.show_cancelled.setChecked(True)
    assert page.select_event(summary.popup_id)
    assert not page.edit_button.isEnabled() and not page.cancel_button.isEnabled()
    assert page.copy_button.isEnabled()
    with station.sessions() as s:
        assert s.get(Event, summary.popup_id).cancelled


def test_registrations_preview_then_commit(qtbot, window, seeded, tmp_path):
    station, summary = seeded
    event = summary.popup_id  # gold and diamond members
    with station.sessions() as s:
        gold = [m.id for m in search_members(s, "", "gold", 3, 0)]
        silver = search_members(s, "", "silver", 1, 0)[0].id
    service = RegistrationService(station.sessions, station.audit)
    assert service.register(station.actor, event, gold[2])
    csv = tmp_path / "popup.csv"
    csv.write_text(
        "member_id,note\n"
        f"{gold[0]},VIP\n"
        f"{gold[1]},\n"
        f"{silver},silver\n"
        "999999,nobody\n"
        "abc,bad\n"
        f"{gold[0]},twice\n"
        f"{gold[2]},again\n",
        encoding="utf-8",
    )
    page = _events_page(window)
    assert page.select_event(event)
    dialog = _open(qtbot, page, page.import_button.click)

    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT_MS) as previewed:
        dialog.load_file(csv)
    preview = previewed.args[0]
    assert len(preview.good) == 2 and len(preview.bad) == 5
    shown = {
        dialog.bad.item(n, 0).text(): dialog.bad.item(n, 2).text()
        for n in range(dialog.bad.rowCount())
    }
    assert shown == {
        "4": door_words.bad_row_words("tier_not_eligible"),
        "5": door_words.bad_row_words("unknown_member"),
        "6": door_words.bad_row_words("malformed", "member id 'abc' is not a number"),
        "7": door_words.bad_row_words("duplicate_row"),
        "8": door_words.bad_row_words("already_registered"),
    }
    assert dialog.register_button.isEnabled()

    with qtbot.waitSignal(dialog.committed, timeout=TIMEOUT_MS) as committed:
        dialog.register_button.click()
    assert committed.args[0].added == 2
    with station.sessions() as s:
        now = set(
            s.scalars(
                select(Registration.member_id).where(Registration.event_id == event)
            )
        )
    assert now == set(gold)


@pytest.mark.parametrize(
    ("role", "sees"),
    [("door", False), ("issuer", False), ("operator", True), ("admin", True)],
)
def test_events_entry_only_for_event_managers(window, seeded, role, sees):
    station, _summary = seeded
    window.guard.session.sign_in(add_actor(station.sessions, role))
    assert ("events" in window.visible_keys()) is sees
