"""The sync's background thread, Qt-free: the console wraps it in signals."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from memberdesk.services.sync import (
    CONNECTING,
    NEEDS_ATTENTION,
    OFFLINE,
    Stopped,
    Sync,
    SyncState,
)

log = logging.getLogger(__name__)

# Between two syncs when all is well, and the longest wait while offline.
INTERVAL = 10.0
OFFLINE_RETRY_CAP = 30.0
# Between rounds, a look at the server and at what waits, this often.
PROBE_EVERY = 2.0


class SyncLoop:
    """Runs a Sync in its own thread until stopped.

    `make_sync` is called in the thread, so the client and sessions are the
    thread's own. `on_state` is called from the thread after every round
    and every probe between rounds (each PROBE_EVERY seconds: so a station
    says it is offline within about five seconds of the server going, and
    a check-in made by a command shows and goes up as soon); the console
    turns it into a queued signal. `kick()` asks for a round now, as a desk
    does after each scan.
    """

    def __init__(
        self,
        make_sync: Callable[[], Sync],
        on_state: Callable[[SyncState], None],
        interval: float = INTERVAL,
    ) -> None:
        self._make_sync = make_sync
        self._on_state = on_state
        self._interval = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._sync: Sync | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        sync = self._sync
        if sync is not None:
            sync.push_requested.set()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            sync = self._sync = self._make_sync()
        except Exception as exc:  # noqa: BLE001 - said on screen, not raised
            log.exception("sync cannot start")
            self._on_state(SyncState(NEEDS_ATTENTION, problem="setup", detail=str(exc)))
            return
        last = sync.state(CONNECTING)
        self._on_state(last)
        next_round = time.monotonic()
        failures = 0
        try:
            while not self._stop.is_set():
                if time.monotonic() >= next_round:
                    last = self._round(sync)
                    failures = 0 if last.online else failures + 1
                    next_round = time.monotonic() + self._pause(last, failures)
                else:
                    # Between rounds: is the server there, and did a check-in
                    # arrive here by another way (a command, another desk)?
                    probe, answered = sync.probe(last)
                    self._on_state(probe)
                    came_back = answered and last.status == OFFLINE
                    more = answered and probe.waiting > last.waiting
                    if came_back or more:
                        next_round = time.monotonic()
                    last = probe
                wait = max(0.0, min(PROBE_EVERY, next_round - time.monotonic()))
                if self._wake.wait(wait):
                    next_round = time.monotonic()  # kicked: a round now
                self._wake.clear()
        finally:
            sync.api.close()

    def _round(self, sync: Sync) -> SyncState:
        try:
            state = sync.run_once(self._stop.is_set)
        except Stopped:
            return sync.state(OFFLINE)
        except Exception as exc:  # noqa: BLE001 - the loop must live on
            log.exception("sync round failed")
            state = sync.state(NEEDS_ATTENTION, "internal", str(exc))
        self._on_state(state)
        return state

    def _pause(self, state: SyncState, failures: int) -> float:
        """Until the next round: the interval online; offline, the probes
        bring the round back as soon as the server answers; a refusal waits
        longer each time."""
        if state.online:
            return self._interval
        if state.status == OFFLINE:
            return OFFLINE_RETRY_CAP
        return min(OFFLINE_RETRY_CAP, self._interval * 2 ** (failures - 1))
