"""The sync worker seen from Qt: its state as a queued signal.

The worker (memberdesk.services.sync_loop.SyncLoop) runs in its own thread with
its own httpx client and sessions; the token is read from the secret store
there too, so start-up never waits on the keyring. Each round's SyncState
reaches the GUI thread as `state_changed`. A station with no API address
gets no thread at all: its state says "not configured", with the number of
check-ins that wait, counted again whenever a desk asks for a round.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import sync, sync_loop, sync_setup
from memberdesk.services.api import REFUSED, ApiError
from memberdesk.services.audit import AuditLog
from memberdesk.services.secrets import SecretStore

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    """One station's sync; start() it, stop() it when the window closes."""

    #: A round ended, or the configuration changed: carries a SyncState.
    state_changed = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        store: SecretStore,
        station: str,
        audit: AuditLog | None = None,
        interval: float = sync_loop.INTERVAL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._store = store
        self._station = station
        self._audit = audit
        self._interval = interval
        self._loop: sync_loop.SyncLoop | None = None
        self.state = sync.SyncState(sync.NOT_CONFIGURED)

    def start(self) -> None:
        if self._loop is not None:
            return
        if sync_setup.api_url(self._sessions) is None:
            self._not_configured()
            return
        self._loop = sync_loop.SyncLoop(self._make_sync, self._on_state, self._interval)
        self._loop.start()

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def kick(self) -> None:
        """A desk recorded a scan: upload it now, and count what waits at
        once, so the count never lags behind a round that is under way."""
        if self._loop is not None:
            self._loop.kick()
            count = sync_setup.waiting(self._sessions, self._station)
            self._publish(dataclasses.replace(self.state, waiting=count))
        else:
            self._not_configured()

    def _make_sync(self) -> sync.Sync:
        # On the sync thread: the keyring may be slow; nothing waits for it.
        api = sync_setup.connect(self._sessions, self._store)
        if api is None:
            raise ApiError(REFUSED, "no API address configured")
        return sync_setup.for_station(self._sessions, api, self._station, self._audit)

    def _on_state(self, state: sync.SyncState) -> None:
        # The sync thread calls this; the signal is queued to the GUI thread.
        self.state = state
        self.state_changed.emit(state)

    def _not_configured(self) -> None:
        count = sync_setup.waiting(self._sessions, self._station)
        self._publish(sync.SyncState(sync.NOT_CONFIGURED, count))

    def _publish(self, state: sync.SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)
