"""An office database served by the API emulator, and stations that sync.

The office database is what the server knows: the door kit writes members,
cards, keys and events there. Each station starts empty, pulls everything
through the emulator over real HTTP, decides scans from its own copy and
pushes its check-ins back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from actors import add_actor
from doorkit import NOW, DeskDoor, Kit
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.nfc.cardmessage import decoder
from memberdesk.services.api import Backoff, MembershipApi
from memberdesk.services.api_emulator import Emulator
from memberdesk.services.checkin import Door, Verdict
from memberdesk.services.db import open_database
from memberdesk.services.journal import journal_at
from memberdesk.services.sync import Sync, SyncState

TOKEN = "station-token-for-tests"


class FakeTime:
    """A monotonic clock that sleeping moves on: retry budgets cost nothing."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def client(
    url: str, time: FakeTime | None = None, token: str = TOKEN, timeout: float = 5.0
) -> MembershipApi:
    time = time or FakeTime()
    return MembershipApi(
        url,
        token,
        clock=time.clock,
        sleep=time.sleep,
        rng=lambda: 0.5,
        backoff=Backoff(),
        timeout=timeout,
    )


@dataclass
class Station:
    """A desk with its own database, door and sync."""

    name: str
    sessions: sessionmaker[Session]
    door: Door
    sync: Sync
    desk: DeskDoor
    time: FakeTime
    journal_path: Path
    states: list[SyncState] = field(default_factory=list)

    def round(self) -> SyncState:
        state = self.sync.run_once()
        self.states.append(state)
        return state


def station(
    tmp_path: Path,
    emulator: Emulator,
    name: str,
    now: dt.datetime = NOW,
    page_size: int = 500,
    url: str | None = None,
) -> Station:
    _, sessions = open_database(url or f"sqlite:///{tmp_path / name}.db")
    time = FakeTime()
    journal_path = tmp_path / f"{name}.checkins.jsonl"
    journal = journal_at(journal_path)
    actor = add_actor(sessions, "door", station=name)
    door = Door(sessions, name, clock=lambda: now, journal=journal, decode=decoder())
    sync = Sync(
        sessions,
        client(emulator.url, time),
        name,
        journal=journal,
        page_size=page_size,
    )
    return Station(
        name, sessions, door, sync, DeskDoor(door, actor), time, journal_path
    )


class OnlineDesk:
    """The door kit's desk, as a synced station: pull, decide, push.

    The kit's scenarios change the office database; before each scan the
    emulator takes the office's changes and the station pulls them. After
    the scan the station pushes. With `online` false the network is gone
    after the pull: the verdict comes from the copy, the check-in waits.
    """

    def __init__(
        self,
        kit: Kit,
        emulator: Emulator,
        desk: Station,
        online: bool,
        now: dt.datetime = NOW,
    ) -> None:
        self.kit = kit
        self.emulator = emulator
        self.station = desk
        self.online = online
        self.verdicts: list[Verdict] = []
        door = Door(
            desk.sessions,
            desk.name,
            clock=lambda: now,
            journal=desk.door.journal,
            decode=decoder(),
        )
        self._desk = DeskDoor(door, desk.desk.actor)

    def _before(self) -> None:
        self.emulator.clear_faults()
        self.emulator.store.load_database(self.kit.sessions)
        self.station.sync.pull()
        if not self.online:
            self.emulator.inject("drop", times=-1)

    def _after(self, verdict: Verdict) -> Verdict:
        self.station.round()
        self.verdicts.append(verdict)
        return verdict

    def decide_card(  # noqa: ANN201
        self, event_id: int, uid: bytes, message: bytes, direction: str = "in"
    ):
        self._before()
        return self._after(self._desk.decide_card(event_id, uid, message, direction))

    def decide_qr(self, event_id, text, direction="in"):  # noqa: ANN001, ANN201
        self._before()
        return self._after(self._desk.decide_qr(event_id, text, direction))


def publish(emulator: Emulator, office: Kit) -> None:
    """The server learns what the office changed."""
    emulator.store.load_database(office.sessions)


def served(kit: Kit, tmp_path: Path) -> Emulator:
    emulator = Emulator(TOKEN)
    emulator.start()
    emulator.store.load_database(kit.sessions)
    return emulator


__all__ = [
    "NOW",
    "OnlineDesk",
    "served",
    "publish",
    "station",
    "client",
    "FakeTime",
]
