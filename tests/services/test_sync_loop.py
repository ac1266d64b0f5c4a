"""The sync's thread: it notices a server gone, and a check-in made elsewhere.

Real time here: the loop's probes run every PROBE_EVERY seconds and the
client's retry budget is about three. Each wait is on the next reported
state, with a bound, never a sleep.
"""

from __future__ import annotations

import queue

import pytest
from doorkit import make_kit
from synckit import TOKEN, served, station

from memberdesk.services import sync
from memberdesk.services.api import MembershipApi
from memberdesk.services.sync_loop import PROBE_EVERY, SyncLoop

# A round is due only once a minute: whatever happens sooner is the probes'.
INTERVAL = 60.0
BOUND = PROBE_EVERY + 8.0


@pytest.fixture
def setup(sessions, store, tmp_path):
    office = make_kit(sessions, store)
    emulator = served(office, tmp_path)
    desk = station(tmp_path, emulator, "desk-a")
    states: queue.Queue = queue.Queue()

    def make_sync():  # noqa: ANN202
        desk.sync.api = MembershipApi(emulator.url, TOKEN)
        return desk.sync

    loop = SyncLoop(make_sync, states.put, INTERVAL)
    yield office, emulator, desk, loop, states
    loop.stop()
    emulator.stop()


def _until(states: queue.Queue, wanted) -> sync.SyncState:  # noqa: ANN001
    while True:
        state = states.get(timeout=BOUND)  # queue.Empty fails the test
        if wanted(state):
            return state


def test_the_server_gone_is_said_without_a_scan(setup):
    office, emulator, desk, loop, states = setup
    loop.start()
    _until(states, lambda s: s.online)

    emulator.inject("drop", times=-1)
    state = _until(states, lambda s: s.status == sync.OFFLINE)

    assert state.problem == "unreachable"
    emulator.clear_faults()
    assert _until(states, lambda s: s.online).waiting == 0


def test_a_check_in_made_by_another_program_goes_up_between_rounds(setup):
    office, emulator, desk, loop, states = setup
    uid, message = office.card(office.member())
    emulator.store.load_database(office.sessions)
    desk.round()
    loop.start()
    _until(states, lambda s: s.online)

    # A command-line check-in on the same database: nobody kicks the loop.
    verdict = desk.desk.decide_card(office.event_id, uid, message)

    _until(states, lambda s: s.online and s.waiting == 0 and _held(emulator, verdict))


def _held(emulator, verdict) -> bool:  # noqa: ANN001
    return emulator.store.get("checkins", (verdict.checkin_id,)) is not None
