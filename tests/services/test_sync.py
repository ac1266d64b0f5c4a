"""Sync against the API emulator over real HTTP: pull, push, faults, offline."""

from __future__ import annotations

import datetime as dt

import pytest
from actors import add_actor
from doorkit import NOW, make_kit
from sqlalchemy import func, select
from synckit import TOKEN, client, publish, served, station

from memberdesk.services import sync as sync_module
from memberdesk.services.api import MALFORMED, UNAUTHORIZED, ApiError
from memberdesk.services.api_emulator import Emulator
from memberdesk.services.models import (
    AuditEntry,
    Card,
    CheckIn,
    Event,
    Member,
    SigningKey,
    SyncCursor,
)
from memberdesk.services.reasons import Reason
from memberdesk.services.sync import NEEDS_ATTENTION, OFFLINE, ONLINE


@pytest.fixture
def office(sessions, store):
    kit = make_kit(sessions, store)
    for n in range(12):
        member = kit.member(name=f"会员{n:02d}")
        kit.card(member)
    return kit


@pytest.fixture
def emulator(office, tmp_path):
    server = served(office, tmp_path)
    yield server
    server.stop()


def _count(sessions, model) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_first_pull_brings_what_the_door_needs(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")

    state = desk.round()

    assert state.status == ONLINE and state.waiting == 0
    for model in (Member, Card, Event, SigningKey):
        assert _count(desk.sessions, model) == _count(office.sessions, model), model
    with office.sessions() as s:
        card = s.scalars(select(Card)).first()
    uid, message = office.card(card.member_id, number=card.card_number + 500)
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    assert verdict.reason is Reason.ADMITTED


def test_a_scan_is_pushed_once_and_marked_uploaded(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()

    verdict = desk.desk.decide_card(office.event_id, uid, message)
    assert desk.sync.state(ONLINE).waiting == 1
    state = desk.round()

    assert state.waiting == 0
    held = emulator.store.get("checkins", (verdict.checkin_id,))
    assert held["verdict"] == "admitted" and held["station"] == "desk-a"
    assert held["card_number"] is not None and held["staff"]
    # Uploaded check-ins leave the journal: the server is the second copy.
    assert verdict.checkin_id not in desk.journal_path.read_text()


def test_incremental_pull_asks_only_for_what_changed(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    with office.sessions.begin() as s:
        member = s.scalars(select(Member)).first()
        member.name = "改了名字"
        member_id = member.id
    emulator.store.load_database(office.sessions)
    before = len(emulator.requests)

    desk.round()

    pulls = [r for r in emulator.requests[before:] if r.path == "/v1/members"]
    assert len(pulls) == 1 and "cursor" in pulls[0].query
    with desk.sessions() as s:
        assert s.get(Member, member_id).name == "改了名字"
        assert s.get(SyncCursor, "members").complete


def test_an_interrupted_first_download_resumes_where_it_stopped(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a", page_size=3)
    # Pages 1 and 2 of the members arrive; then the line goes down.
    emulator.inject("drop", path="/v1/members", after=2, times=-1)

    assert desk.round().status == OFFLINE
    with desk.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 6
        assert not s.get(SyncCursor, "members").complete

    emulator.clear_faults()
    before = len(emulator.requests)
    assert desk.round().status == ONLINE
    resumed = [r for r in emulator.requests[before:] if r.path == "/v1/members"]
    assert "cursor" in resumed[0].query  # not from the start again
    assert _count(desk.sessions, Member) == _count(office.sessions, Member)


def test_a_lost_answer_is_retried_and_stores_nothing_twice(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    emulator.inject("lose_response", method="PUT")

    assert desk.round().status == ONLINE

    puts = [r for r in emulator.requests if r.method == "PUT"]
    assert len(puts) == 2 and puts[0].idempotency_key == puts[1].idempotency_key
    held = [c for c in emulator.store.live("checkins") if c["id"] == verdict.checkin_id]
    assert len(held) == 1
    assert not held[0]["flagged"]


def test_an_annulment_is_a_change_of_its_own(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    desk.round()

    desk.door.annul(
        verdict.checkin_id, "wrong member", add_actor(desk.sessions, "operator")
    )
    assert desk.sync.state(ONLINE).waiting == 1
    desk.round()

    keys = [r.idempotency_key for r in emulator.requests if r.method == "PUT"]
    assert len(set(keys)) == 2
    assert emulator.store.get("checkins", (verdict.checkin_id,))["annulled"]


def test_rate_limit_is_honoured(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    emulator.inject("429", retry_after=1.25)

    assert desk.round().status == ONLINE
    assert desk.time.slept and desk.time.slept[0] >= 1.25


@pytest.mark.parametrize("fault", ["500", "503", "slow", "truncate", "garble", "drop"])
def test_passing_faults_are_ridden_out(office, emulator, tmp_path, fault):
    desk = station(tmp_path, emulator, "desk-a")
    # A slow answer is one that outlasts the client's timeout.
    desk.sync.api = client(emulator.url, desk.time, timeout=0.3)
    emulator.inject(fault, times=2, delay=1.0)

    state = desk.round()

    assert state.status == ONLINE, state.detail
    assert _count(desk.sessions, Member) == _count(office.sessions, Member)


def test_no_answer_for_three_seconds_is_offline_and_scans_wait(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    emulator.inject("drop", times=-1)

    verdict = desk.desk.decide_card(office.event_id, uid, message)
    state = desk.round()

    assert verdict.reason is Reason.ADMITTED  # the door never waits for the network
    assert state.status == OFFLINE and state.waiting == 1
    assert 2.0 <= sum(desk.time.slept) <= 3.0
    emulator.clear_faults()
    assert desk.round().waiting == 0


def test_a_malformed_page_changes_nothing(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    emulator.inject("wrong_shape", times=-1, path="/v1/members")

    state = desk.round()

    assert state.status == OFFLINE and state.problem == MALFORMED
    assert _count(desk.sessions, Member) == 0
    with desk.sessions() as s:
        assert s.get(SyncCursor, "members") is None


def test_an_item_breaking_the_contract_is_refused_whole(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    with office.sessions() as s:
        first = s.scalars(select(Member)).first()
    bad = {
        "id": first.id + 1000,
        "name": "x",
        "phone": 13800000000,
    }  # no tier, int phone
    emulator.store.put("members", bad)

    state = desk.round()

    assert state.problem == MALFORMED
    assert "phone" in state.detail or "tier_code" in state.detail
    assert _count(desk.sessions, Member) == 0


def test_a_wrong_token_needs_a_person_not_retries(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.sync.api = client(emulator.url, token="not-the-token")

    state = desk.round()

    assert state.status == NEEDS_ATTENTION and state.problem == UNAUTHORIZED
    assert len(emulator.requests) == 1


def test_a_revocation_reaches_the_door(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    with office.sessions.begin() as s:
        card = s.scalar(select(Card).where(Card.uid == uid.hex().upper()))
        card.status = "revoked"
        card.revoked_at = NOW - dt.timedelta(minutes=5)
    emulator.store.load_database(office.sessions)
    desk.round()

    verdict = desk.desk.decide_card(office.event_id, uid, message)

    assert verdict.reason is Reason.REVOKED_CARD


def test_two_offline_desks_admit_once_each_and_the_second_is_flagged(
    office, emulator, tmp_path
):
    a = station(tmp_path, emulator, "desk-a")
    b = station(tmp_path, emulator, "desk-b")
    a.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    a.round()
    b.round()
    emulator.inject("drop", times=-1)  # the venue's network is down

    first = a.desk.decide_card(office.event_id, uid, message)
    second = b.desk.decide_card(office.event_id, uid, message)
    assert first.reason is Reason.ADMITTED and second.reason is Reason.ADMITTED
    a.round()
    b.round()
    emulator.clear_faults()
    a.round()
    b.round()
    a.round()  # a learns of b's entry

    held = {c["id"]: c for c in emulator.store.live("checkins")}
    assert (
        held[first.checkin_id]["first_entry"] and not held[first.checkin_id]["flagged"]
    )
    assert held[second.checkin_id]["flagged"]
    assert held[second.checkin_id]["clash_with"] == first.checkin_id
    for desk in (a, b):
        with desk.sessions() as s:
            rows = {r.id: r for r in s.scalars(select(CheckIn))}
            assert set(rows) >= {first.checkin_id, second.checkin_id}  # both kept
            assert rows[second.checkin_id].flagged
            assert not rows[first.checkin_id].flagged
            assert s.get(Event, office.event_id).admitted == 1
    assert b.round().flagged == 1
    with b.sessions() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
        assert "checkin_flagged" in actions
    # Either desk now refuses a third tap of the same card.
    assert a.desk.decide_card(office.event_id, uid, message).reason is Reason.DUPLICATE
    assert b.desk.decide_card(office.event_id, uid, message).reason is Reason.DUPLICATE


def test_another_desks_entry_makes_a_duplicate_here_online(office, emulator, tmp_path):
    a = station(tmp_path, emulator, "desk-a")
    b = station(tmp_path, emulator, "desk-b")
    uid, message = office.card(office.member())
    publish(emulator, office)
    a.round()
    b.round()

    assert a.desk.decide_card(office.event_id, uid, message).reason is Reason.ADMITTED
    a.round()
    b.round()

    assert b.desk.decide_card(office.event_id, uid, message).reason is Reason.DUPLICATE


def test_emulator_refuses_a_reused_key_with_another_body(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    desk.round()
    with desk.sessions() as s:
        from memberdesk.services import feeds

        record = feeds.checkin_item(s.get(CheckIn, verdict.checkin_id), None, None)
    record["verdict"] = "duplicate"

    with pytest.raises(ApiError) as caught:
        desk.sync.api.push_checkin(record, f"{verdict.checkin_id}/recorded")

    assert caught.value.status == 409


def test_emulator_needs_the_token(emulator):
    import httpx

    answer = httpx.get(f"{emulator.url}/v1/members")
    assert answer.status_code == 401
    assert httpx.get(f"{emulator.url}/v1/health").json()["status"] == "ok"
    ok = httpx.get(
        f"{emulator.url}/v1/members", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert ok.status_code == 200 and ok.json()["items"]


def test_an_empty_server_leaves_an_empty_station(tmp_path):
    with Emulator(TOKEN) as server:
        desk = station(tmp_path, server, "desk-a")
        state = desk.round()
    assert state.status == ONLINE
    assert _count(desk.sessions, Member) == 0


def test_an_item_the_database_refuses_is_refused_whole(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    with office.sessions() as s:
        first = s.scalars(select(Member)).first()
    emulator.store.put(
        "members",
        {
            "id": first.id,
            "name": "改了",
            "phone": "13800000000",
            "tier_code": "platinum",  # no such tier
            "joined_at": "2026-01-01T00:00:00+00:00",
        },
    )

    state = desk.round()

    assert state.status == OFFLINE and state.problem == MALFORMED
    assert "members" in state.detail
    with desk.sessions() as s:
        assert s.get(Member, first.id).name == first.name  # nothing half-applied


@pytest.mark.postgres
def test_a_station_on_postgresql_pulls_and_pushes(office, emulator, tmp_path, pg_url):
    desk = station(tmp_path, emulator, "desk-pg", page_size=5, url=pg_url)
    uid, message = office.card(office.member())
    publish(emulator, office)

    assert desk.round().status == ONLINE
    for model in (Member, Card, Event, SigningKey):
        assert _count(desk.sessions, model) == _count(office.sessions, model), model
    with office.sessions.begin() as s:
        s.scalars(select(Member).order_by(Member.id)).first().name = "再次同步"
    publish(emulator, office)
    desk.round()  # the upsert replaces what the server changed
    with desk.sessions() as s:
        assert s.scalars(select(Member).order_by(Member.id)).first().name == "再次同步"

    verdict = desk.desk.decide_card(office.event_id, uid, message)
    assert verdict.reason is Reason.ADMITTED
    assert desk.round().waiting == 0
    assert (
        emulator.store.get("checkins", (verdict.checkin_id,))["verdict"] == "admitted"
    )


def test_a_scan_during_a_long_download_goes_up_between_pages(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a", page_size=2)
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    with desk.sessions.begin() as s:  # a station that must download again
        s.query(SyncCursor).delete()
    scanned = []

    def scan_once(method: str, path: str) -> None:
        if path == "/v1/members" and not scanned:
            scanned.append(desk.desk.decide_card(office.event_id, uid, message))
            desk.sync.push_requested.set()  # what the loop's kick does

    emulator.on_request = scan_once
    before = len(emulator.requests)
    desk.round()

    paths = [(r.method, r.path) for r in emulator.requests[before:]]
    put = paths.index(("PUT", f"/v1/checkins/{scanned[0].checkin_id}"))
    last_member_page = max(i for i, p in enumerate(paths) if p[1] == "/v1/members")
    assert put < last_member_page  # up before the download was done


def test_a_big_page_is_stored_a_chunk_at_a_time_the_cursor_last(
    office, emulator, tmp_path, monkeypatch
):
    monkeypatch.setattr(sync_module, "STORE_CHUNK", 4)
    desk = station(tmp_path, emulator, "desk-a", page_size=10)
    desk.round()
    commits = []
    real = desk.sync._store_chunk

    def counting(feed, items, cursor, done, page_items):  # noqa: ANN001, ANN202
        commits.append((feed, len(items), cursor is not None))
        return real(feed, items, cursor, done, page_items)

    monkeypatch.setattr(desk.sync, "_store_chunk", counting)
    with office.sessions.begin() as s:
        for member in s.scalars(select(Member)):
            member.name += "·"
    publish(emulator, office)

    desk.round()

    members = [c for c in commits if c[0] == "members"]
    assert [n for _, n, _ in members][:3] == [4, 4, 2]  # a page of 10
    assert [moved for *_, moved in members][:3] == [False, False, True]
    with desk.sessions() as s:
        assert all(m.name.endswith("·") for m in s.scalars(select(Member)))


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)]
)
def test_pulled_times_and_dates_read_back_exactly(
    office, emulator, tmp_path, backend, request
):
    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    joined = dt.datetime(2025, 3, 9, 23, 59, 58, 123456, tzinfo=dt.UTC)
    until = dt.datetime(2027, 1, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with office.sessions.begin() as s:
        member = s.scalars(select(Member).order_by(Member.id)).first()
        member.joined_at, member.tier_until = joined, until
        card = s.scalars(select(Card).order_by(Card.id)).first()
        card.issued_on = dt.date(2026, 2, 28)
        card.revoked_at = joined
        member_id, card_id = member.id, (card.card_number, card.issue_number)
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-t", url=url)

    assert desk.round().status == ONLINE

    with desk.sessions() as s:
        got = s.get(Member, member_id)
        assert got.joined_at == joined and got.tier_until == until
        assert got.joined_at.tzinfo is not None
        card = s.scalar(
            select(Card).where(
                Card.card_number == card_id[0], Card.issue_number == card_id[1]
            )
        )
        assert card.issued_on == dt.date(2026, 2, 28) and card.revoked_at == joined
