"""The station says whether it is online and how many check-ins wait.

The window's sync runs in its own thread against the API emulator on
loopback; its state reaches the status bar and the door through a queued
signal. Offline, the door decides as ever and the check-in waits; back
online, it goes up and the count falls to zero.
"""

from __future__ import annotations

import pytest
from actors import add_actor
from guikit import member_qr, scan
from test_door_station import _door
from test_screens import _grab

from memberdesk.console import words
from memberdesk.console.pages.door_scans import NOTE
from memberdesk.services import sync, sync_setup
from memberdesk.services.api_emulator import Emulator
from memberdesk.services.reasons import Reason

pytestmark = pytest.mark.gui

TOKEN = "desk-token-for-tests"
# An offline verdict takes the client's retry budget (about 3 s) to reach.
SYNC_TIMEOUT_MS = 20_000


@pytest.fixture
def api(seeded):
    station, _summary = seeded
    server = Emulator(TOKEN)
    server.store.load_database(station.sessions)
    url = server.start()
    sync_setup.configure(
        station.sessions,
        station.store,
        add_actor(station.sessions, "admin"),
        url,
        TOKEN,
        station.audit,
    )
    yield server
    server.stop()


def _state(qtbot, window, status, waiting=None, act=None, also=lambda: True):
    """Wait for the sync to report `status` (and `waiting`, and `also()`).

    The worker reports after each round and each probe between rounds, so
    a state that fits may come from before `act`: `also` tells them apart.
    """

    def wanted(state) -> bool:
        return (
            state.status == status
            and (waiting is None or state.waiting == waiting)
            and also()
        )

    with qtbot.waitSignal(
        window.sync.state_changed, timeout=SYNC_TIMEOUT_MS, check_params_cb=wanted
    ) as got:
        if act is not None:
            act()
    return got.args[0]


def test_not_set_up_still_counts_what_waits(qtbot, window, seeded):
    station, summary = seeded
    door = _door(qtbot, window, summary.salon_id)
    assert window.sync_label.text() == words.sync_words("not_configured", 0)[0]

    with qtbot.waitSignal(window.sync.state_changed, timeout=5000):
        verdict = scan(qtbot, window, member_qr(station, summary.diamond_member_ids[0]))

    assert verdict.reason is Reason.ADMITTED
    assert window.sync_label.text() == words.sync_words("not_configured", 1)[0]
    assert door.counters.pending.note.text() == door.tr(
        "No sync set up on this station"
    )


def test_online_scan_goes_up_at_once(qtbot, seeded, api, window):
    station, summary = seeded
    # The first round's states have reached the window before the scan.
    qtbot.waitUntil(
        lambda: window.sync_label.text() == words.sync_words("online", 0)[0],
        timeout=SYNC_TIMEOUT_MS,
    )
    door = _door(qtbot, window, summary.salon_id)
    code = member_qr(station, summary.diamond_member_ids[0])

    verdict = None

    def tap() -> None:
        nonlocal verdict
        verdict = scan(qtbot, window, code)

    def uploaded() -> bool:
        return verdict is not None and bool(
            api.store.get("checkins", (verdict.checkin_id,))
        )

    _state(qtbot, window, sync.ONLINE, waiting=0, act=tap, also=uploaded)

    assert verdict.reason is Reason.ADMITTED
    held = api.store.get("checkins", (verdict.checkin_id,))
    assert held is not None and held["verdict"] == "admitted"
    assert window.sync_label.text() == words.sync_words("online", 0)[0]
    assert window.sync_label.property("tone") == "ok"
    assert door.counters.pending.note.text() == door.tr(
        "Online: uploaded as they happen"
    )


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_offline_door_decides_and_the_scan_waits(qtbot, seeded, api, window, language):
    station, summary = seeded
    api.inject("drop", times=-1)  # the venue's network goes down
    _state(qtbot, window, sync.OFFLINE, act=window.sync.kick)
    door = _door(qtbot, window, summary.salon_id)
    code = member_qr(station, summary.diamond_member_ids[1])

    verdict = None

    def tap() -> None:
        nonlocal verdict
        verdict = scan(qtbot, window, code)

    state = _state(qtbot, window, sync.OFFLINE, waiting=1, act=tap)

    assert verdict.reason is Reason.ADMITTED  # no network needed at the door
    assert state.problem == "unreachable"
    assert window.sync_label.text() == words.sync_words("offline", 1)[0]
    assert window.sync_label.property("tone") == "warn"
    assert door.counters.pending.value.text() == "1"
    assert door.counters.pending.property("tone") == "offline"
    assert words.sync_problem_words("unreachable") in window.sync_label.toolTip()
    _grab(window, language, "door-offline")

    api.clear_faults()
    _state(qtbot, window, sync.ONLINE, waiting=0, act=window.sync.kick)
    assert api.store.get("checkins", (verdict.checkin_id,)) is not None
    assert window.sync_label.text() == words.sync_words("online", 0)[0]


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_an_entry_flagged_on_upload_is_said_at_the_door(
    qtbot, seeded, api, window, language
):
    station, summary = seeded
    qtbot.waitUntil(
        lambda: window.sync_label.text() == words.sync_words("online", 0)[0],
        timeout=SYNC_TIMEOUT_MS,
    )
    door = _door(qtbot, window, summary.salon_id)
    member = summary.diamond_member_ids[2]
    api.inject("drop", times=-1)
    _state(qtbot, window, sync.OFFLINE, act=window.sync.kick)
    verdict = scan(qtbot, window, member_qr(station, member))
    assert verdict.reason is Reason.ADMITTED
    # Meanwhile another desk, also offline, let the same member in first.
    other = {
        "id": "5d0f7a38-3c1e-4c55-9d1c-2f7b3b7f0a11",
        "station": "desk-9",
        "seq": 1,
        "event_id": summary.salon_id,
        "member_id": member,
        "source": "qr",
        "direction": "in",
        "verdict": "admitted",
        "admitted": True,
        "first_entry": True,
        "annulled": False,
        "at": "2026-03-10T06:59:00+00:00",
    }
    api.store.push_checkin("desk-9-key", other)

    api.clear_faults()
    state = _state(qtbot, window, sync.ONLINE, waiting=0, act=window.sync.kick)

    assert state.flagged == 1
    qtbot.waitUntil(lambda: door.message.isVisible(), timeout=SYNC_TIMEOUT_MS)
    assert door.message.property("tone") == "warn" and "1" in door.message.text()
    # The desk's own entry, now flagged, says so in the last scans.
    qtbot.waitUntil(lambda: door.scans.scan_at(0).flagged, timeout=SYNC_TIMEOUT_MS)
    assert door.scans.item(0, NOTE).text() == door.scans.tr("flagged: second entry")
    _grab(window, language, "door-flagged-on-upload")
    held = api.store.get("checkins", (verdict.checkin_id,))
    assert held["flagged"] and held["clash_with"] == other["id"]
