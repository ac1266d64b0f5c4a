"""The Audit page: entries newest first, filters, paging, and the chain check."""

from __future__ import annotations

import pytest
from guikit import TIMEOUT_MS, add_staff
from sqlalchemy import text

from memberdesk.services.audit import writing
from memberdesk.widgets import audit_table
from memberdesk.widgets.audit_table import PAGE_SIZE, change_summary

pytestmark = pytest.mark.gui


def _verify(qtbot, page):
    with qtbot.waitSignal(page.verified, timeout=TIMEOUT_MS) as done:
        page.verify_button.click()
    return done.args[0]


def test_audit_page_lists_filters_and_finds_tampering(qtbot, window, seeded):
    station, _summary = seeded
    view = add_staff(station, "door", "door1")
    station.staff_service.disable(station.actor, view.id)

    window.show_page("audit")
    page = window.page("audit")
    model = page.model
    seqs = [model.row_at(r).seq for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) >= 2
    newest = model.row_at(0)
    assert newest.action == "staff_disabled"
    assert model.index(0, audit_table.STAFF).data() == station.actor.login
    assert model.index(0, audit_table.CHANGE).data() == "disabled: false → true"

    page.action.setCurrentIndex(page.action.findData("staff_created"))
    assert model.rowCount() == 1
    assert model.row_at(0).entity_id == str(view.id)
    page.action.setCurrentIndex(0)

    report = _verify(qtbot, page)
    assert report.ok
    assert page.result.text().startswith("The audit log is intact")

    # An entry edited by hand, behind the console's back.
    with station.sessions.begin() as s:
        s.execute(
            text("UPDATE audit_entry SET after = :a WHERE seq = :n"),
            {"a": '{"disabled":false}', "n": newest.seq},
        )
    report = _verify(qtbot, page)
    assert not report.ok and report.first_bad == newest.seq
    assert page.result.text() == (
        f"The audit log was tampered with. Entry {newest.seq} was altered after "
        "it was written."
    )


def test_removing_the_newest_entry_is_caught_by_the_anchor(qtbot, window, seeded):
    station, _summary = seeded
    add_staff(station, "door", "door1")
    window.show_page("audit")
    page = window.page("audit")
    last = page.model.row_at(0).seq
    with station.sessions.begin() as s:
        s.execute(text("DELETE FROM audit_entry WHERE seq = :n"), {"n": last})
    report = _verify(qtbot, page)
    assert report.problem == "truncated" and report.first_bad == last
    assert f"Entries from {last} on were removed" in page.result.text()


def test_audit_page_loads_more_on_request(qtbot, window, seeded):
    station, _summary = seeded
    with writing(station.sessions) as s:
        for n in range(PAGE_SIZE + 30):
            station.audit.append(s, station.actor, "setting_changed", "setting", n)
    window.show_page("audit")
    page = window.page("audit")
    assert page.model.rowCount() == PAGE_SIZE and page.more_button.isEnabled()
    with qtbot.waitSignal(page.listed, timeout=TIMEOUT_MS):
        page.load_more()
    assert page.model.rowCount() > PAGE_SIZE
    seqs = [page.model.row_at(r).seq for r in range(page.model.rowCount())]
    assert len(set(seqs)) == len(seqs)


def test_change_summary():
    assert change_summary({"a": 1, "b": 2}, {"a": 1, "b": 3}) == "b: 2 → 3"
    assert change_summary(None, {"login": "x"}) == "→ login=x"
    assert change_summary({"has_pin": True}, None) == "has_pin=true →"
    assert change_summary(None, None) == ""
