"""The sync's background thread, Qt-free: the console wraps it in signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from memberdesk.services.sync import (
    CONNECTING,
    NEEDS_ATTENTION,
    Stopped,
    Sync,
    SyncState,
)

log = logging.getLogger(__name__)

# Between two syncs when all is well, and the longest wait while offline.
INTERVAL = 10.0
OFFLINE_RETRY_CAP = 30.0


class SyncLoop:
    """Runs a Sync in its own thread until stopped.

    `make_sync` is called in the thread, so the client and sessions are the
    thread's own. `on_state` is called from the thread after every round;
    the console turns it into a queued signal. `kick()` asks for a round
    now, as a desk does after each scan.
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
        self._on_state(sync.state(CONNECTING))
        wait = self._interval
        failures = 0
        try:
            while not self._stop.is_set():
                try:
                    state = sync.run_once(self._stop.is_set)
                except Stopped:
                    break
                except Exception as exc:  # noqa: BLE001 - the loop must live on
                    log.exception("sync round failed")
                    state = sync.state(NEEDS_ATTENTION, "internal", str(exc))
                self._on_state(state)
                if state.online:
                    failures, wait = 0, self._interval
                else:
                    failures += 1
                    wait = min(OFFLINE_RETRY_CAP, self._interval * 2 ** (failures - 1))
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            sync.api.close()
