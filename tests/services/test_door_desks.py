"""Several desks on one database: the database keeps the rules.

Four desks, each a thread with its own Door and Sessions, tap the same 200
members in their own random order. Exactly one first entry per member, the
capacity and the yearly caps hold; on PostgreSQL by row locks and the partial
unique index, on SQLite by BEGIN IMMEDIATE.
"""

from __future__ import annotations

import random
import threading
from collections import Counter

import pytest
from doorkit import add_event, make_kit
from sqlalchemy import func, select

from memberdesk.services.db import open_database
from memberdesk.services.models import CheckIn, Event, YearlyTally
from memberdesk.services.reasons import Reason

DESKS = 4
MEMBERS = 200


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request):
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("pg_url")
    engine, sessions = open_database(url)
    yield sessions
    engine.dispose()


def _tap_all(kit, plan, desks=DESKS, via="card"):
    """Each desk taps every (event, credential) of `plan` in its own order."""
    start = threading.Barrier(desks)
    verdicts: list[tuple[int, Reason]] = []
    errors = []

    def desk(n: int) -> None:
        door = kit.door(station=f"desk-{n}")
        order = list(plan(n))
        random.Random(n).shuffle(order)
        start.wait()
        try:
            for event_id, credential in order:
                if via == "card":
                    verdict = door.decide_card(event_id, *credential)
                else:
                    verdict = door.decide_qr(event_id, credential)
                verdicts.append((verdict.member_id, verdict.reason))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return verdicts


def _members(kit, via="card"):
    made = []
    for i in range(MEMBERS):
        member = kit.member(name=f"会员{i}")
        made.append(kit.card(member) if via == "card" else kit.qr(member))
    return made


def _first_entries(sessions, event_id=None) -> int:
    query = (
        select(func.count())
        .select_from(CheckIn)
        .where(CheckIn.first_entry.is_(True), CheckIn.annulled.is_(False))
    )
    if event_id is not None:
        query = query.where(CheckIn.event_id == event_id)
    with sessions() as s:
        return s.scalar(query)


@pytest.mark.parametrize("via", ["card", "qr"])
def test_four_desks_admit_each_member_once(database, store, tmp_path, via):
    kit = make_kit(database, store, journal_dir=tmp_path)
    credentials = _members(kit, via)

    verdicts = _tap_all(
        kit, lambda n: [(kit.event_id, c) for c in credentials], via=via
    )

    reasons = Counter(reason for _, reason in verdicts)
    assert reasons == {
        Reason.ADMITTED: MEMBERS,
        Reason.DUPLICATE: MEMBERS * (DESKS - 1),
    }
    admitted = [m for m, reason in verdicts if reason is Reason.ADMITTED]
    assert len(set(admitted)) == MEMBERS
    assert _first_entries(database) == MEMBERS
    with database() as s:
        event = s.get(Event, kit.event_id)
        assert (event.admitted, event.inside) == (MEMBERS, MEMBERS)


def test_four_desks_hold_capacity(database, store, tmp_path):
    kit = make_kit(database, store, capacity=50, journal_dir=tmp_path)
    cards = _members(kit)

    verdicts = _tap_all(kit, lambda n: [(kit.event_id, c) for c in cards])

    reasons = Counter(reason for _, reason in verdicts)
    assert reasons[Reason.ADMITTED] == 50
    assert reasons[Reason.CAPACITY_REACHED] + reasons[Reason.DUPLICATE] == (
        MEMBERS * DESKS - 50
    )
    assert _first_entries(database) == 50
    with database() as s:
        assert s.get(Event, kit.event_id).admitted == 50


def test_four_desks_hold_the_yearly_cap_per_member(database, store, tmp_path):
    # Two salons of one kind, a cap of one a year: desks 0 and 1 stand at the
    # first, 2 and 3 at the second; every member gets in at one of them only.
    kit = make_kit(database, store, journal_dir=tmp_path)
    one = add_event(kit, name="salon A", member_yearly_cap=1)
    two = add_event(kit, name="salon B", member_yearly_cap=1)
    cards = _members(kit)

    verdicts = _tap_all(kit, lambda n: [(one if n < 2 else two, c) for c in cards])

    reasons = Counter(reason for _, reason in verdicts)
    assert reasons[Reason.ADMITTED] == MEMBERS
    assert set(reasons) <= {
        Reason.ADMITTED,
        Reason.DUPLICATE,
        Reason.MEMBER_YEARLY_CAP,
    }
    assert _first_entries(database, one) + _first_entries(database, two) == MEMBERS
    with database() as s:
        counts = s.scalars(
            select(YearlyTally.count).where(YearlyTally.member_id != 0)
        ).all()
        assert counts == [1] * MEMBERS


def test_four_desks_hold_the_yearly_places_of_a_kind(database, store, tmp_path):
    # 30 headquarters places a year, shared by two visits on the same day.
    kit = make_kit(database, store, journal_dir=tmp_path)
    one = add_event(kit, kind="hq_visit", kind_yearly_cap=30)
    two = add_event(kit, kind="hq_visit", kind_yearly_cap=30)
    cards = _members(kit)

    verdicts = _tap_all(kit, lambda n: [(one if n % 2 else two, c) for c in cards])

    reasons = Counter(reason for _, reason in verdicts)
    assert reasons[Reason.ADMITTED] == 30
    assert _first_entries(database, one) + _first_entries(database, two) == 30
    with database() as s:
        total = s.scalar(
            select(YearlyTally.count).where(
                YearlyTally.kind == "hq_visit", YearlyTally.member_id == 0
            )
        )
        assert total == 30
