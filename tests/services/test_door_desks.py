"""Several desks on one PostgreSQL database: the database keeps the rules."""

from __future__ import annotations

import random
import threading

import pytest
from doorkit import make_kit
from sqlalchemy import func, select

from memberdesk.services.db import open_database
from memberdesk.services.models import CheckIn, Event
from memberdesk.services.reasons import Reason

DESKS = 4


def _tap_all(kit, event_id, cards, desks=DESKS):
    start = threading.Barrier(desks)
    verdicts, errors = [], []

    def desk(n: int) -> None:
        door = kit.door(station=f"desk-{n}")
        order = list(cards)
        random.Random(n).shuffle(order)
        start.wait()
        try:
            for uid, message in order:
                verdicts.append(door.decide_card(event_id, uid, message).reason)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return verdicts


@pytest.mark.postgres
def test_four_desks_admit_each_member_once(pg_url, store):
    engine, sessions = open_database(pg_url)
    kit = make_kit(sessions, store)
    cards = [kit.card(kit.member(name=f"会员{i}")) for i in range(40)]

    verdicts = _tap_all(kit, kit.event_id, cards)

    assert verdicts.count(Reason.ADMITTED) == 40
    assert verdicts.count(Reason.DUPLICATE) == 40 * (DESKS - 1)
    with sessions() as s:
        firsts = s.scalar(
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.first_entry.is_(True))
        )
        assert firsts == 40
        assert s.get(Event, kit.event_id).admitted == 40
    engine.dispose()


@pytest.mark.postgres
def test_four_desks_hold_capacity(pg_url, store):
    engine, sessions = open_database(pg_url)
    kit = make_kit(sessions, store, capacity=10)
    cards = [kit.card(kit.member(name=f"会员{i}")) for i in range(25)]

    verdicts = _tap_all(kit, kit.event_id, cards)

    assert verdicts.count(Reason.ADMITTED) == 10
    assert (
        verdicts.count(Reason.CAPACITY_REACHED) + verdicts.count(Reason.DUPLICATE)
        == 25 * DESKS - 10
    )
    with sessions() as s:
        assert s.get(Event, kit.event_id).admitted == 10
    engine.dispose()


@pytest.mark.parametrize("capacity", [None, 10])
def test_four_desks_on_sqlite_too(sqlite_url, store, capacity):
    # The same race on the embedded database, serialised by BEGIN IMMEDIATE.
    engine, sessions = open_database(sqlite_url)
    kit = make_kit(sessions, store, capacity=capacity)
    cards = [kit.card(kit.member(name=f"会员{i}")) for i in range(20)]

    verdicts = _tap_all(kit, kit.event_id, cards)

    assert verdicts.count(Reason.ADMITTED) == (capacity or 20)
    with sessions() as s:
        assert s.get(Event, kit.event_id).admitted == (capacity or 20)
    engine.dispose()
