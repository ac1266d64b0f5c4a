"""What a sync must never do: trick the door, lose a change, stall, leak.

Each test stands for one way found to break it: a running door that kept
a retired key, two offline overrides of one refusal, a revocation undone by
a pull, deletions and restarts of the server, a server that never ends a
round or answers with nonsense, a token that cannot be a header.
"""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from actors import add_actor
from doorkit import NOW, make_kit
from sqlalchemy import select
from synckit import TOKEN, FakeTime, publish, served, station

from memberdesk.nfc.cardmessage import decoder
from memberdesk.services import checkin, sync, sync_setup
from memberdesk.services.api import (
    MALFORMED,
    REFUSED,
    ApiError,
    BadSetting,
    MembershipApi,
    api_address,
)
from memberdesk.services.api_emulator import Emulator
from memberdesk.services.audit import AuditLog
from memberdesk.services.cardlife import CardLife
from memberdesk.services.checkin import Door
from memberdesk.services.door_actions import SupervisorSignIn
from memberdesk.services.models import (
    Card,
    CheckIn,
    Event,
    Member,
    Registration,
    SigningKey,
)
from memberdesk.services.reasons import Reason


@pytest.fixture
def office(sessions, store):
    return make_kit(sessions, store)


@pytest.fixture
def emulator(office, tmp_path):
    server = served(office, tmp_path)
    yield server
    server.stop()


class _Seconds:
    """time as the door sees it: moved on by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def monotonic(self) -> float:
        return self.now


def test_a_running_door_stops_a_key_retired_by_sync(
    office, emulator, tmp_path, monkeypatch
):
    seconds = _Seconds()
    monkeypatch.setattr(checkin, "time", seconds)
    desk = station(tmp_path, emulator, "desk-a")
    first, second = office.member(), office.member(name="李娜")
    card_one, card_two = office.card(first), office.card(second)
    publish(emulator, office)
    desk.round()
    assert desk.desk.decide_card(office.event_id, *card_one).reason is Reason.ADMITTED

    with office.sessions.begin() as s:
        s.get(SigningKey, office.issuer.signing_key_id).retired_at = NOW - dt.timedelta(
            minutes=1
        )
    publish(emulator, office)
    desk.round()
    seconds.now += checkin.KEYS_FRESH

    # The same door object, never restarted.
    assert (
        desk.desk.decide_card(office.event_id, *card_two).reason is Reason.KEY_RETIRED
    )


def test_two_offline_overrides_of_one_refusal_are_both_kept(office, emulator, tmp_path):
    with office.sessions.begin() as s:
        s.get(Event, office.event_id).registration_required = True
    member = office.member()
    uid, message = office.card(member)
    publish(emulator, office)
    a, b = station(tmp_path, emulator, "desk-a"), station(tmp_path, emulator, "desk-b")
    a.round()
    refusal = a.desk.decide_card(office.event_id, uid, message)
    assert refusal.reason is Reason.NOT_REGISTERED
    a.round()
    b.round()  # b holds a's refusal
    emulator.inject("drop", times=-1)
    overrides = [_override(desk, refusal.checkin_id) for desk in (a, b)]
    emulator.clear_faults()
    for _ in range(2):
        assert a.round().status == sync.ONLINE
        assert b.round().status == sync.ONLINE

    for desk in (a, b):
        with desk.sessions() as s:
            rows = [s.get(CheckIn, v.checkin_id) for v in overrides]
            assert all(row is not None for row in rows)  # both facts kept
            assert sum(1 for row in rows if not row.flagged) == 1


class _Supervisors:
    """Each desk's supervisor, whose PIN is right: the override itself is
    what is under test here."""

    def __init__(self, operator) -> None:  # noqa: ANN001
        self.operator = operator

    def unlock_with_pin(self, login, secret, station):  # noqa: ANN001, ANN201
        return self.operator

    sign_in = unlock_with_pin


def _override(desk, refusal_id):  # noqa: ANN001, ANN202
    operator = add_actor(desk.sessions, "operator")
    door = Door(
        desk.sessions,
        desk.name,
        clock=lambda: NOW,
        journal=desk.door.journal,
        staff=_Supervisors(operator),
        decode=decoder(),
    )
    return door.override(
        refusal_id,
        "on the list by phone",
        desk.desk.actor,
        SupervisorSignIn(operator.login, "1234"),
    )


def test_a_revocation_made_here_outlives_the_next_pull(
    office, emulator, tmp_path, store
):
    member = office.member()
    uid, message = office.card(member)
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    admin = add_actor(desk.sessions, "admin")
    card_id = CardLife(desk.sessions).revoke(member, admin, "lost")
    with office.sessions.begin() as s:  # the office changes the card otherwise
        s.scalar(select(Card).where(Card.uid == uid.hex().upper())).chip = "NTAG216"
    publish(emulator, office)

    assert desk.round().status == sync.ONLINE
    verdict = desk.desk.decide_card(office.event_id, uid, message)

    assert verdict.reason is Reason.REVOKED_CARD
    with desk.sessions() as s:
        assert s.get(Card, card_id).chip == "NTAG216"  # the rest did come down


def test_deletions_on_the_server_reach_the_station(office, emulator, tmp_path):
    member = office.member()
    office.register(member)
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    passing = office.member(name="短暂")
    publish(emulator, office)
    desk.round()
    with office.sessions.begin() as s:
        s.delete(s.get(Registration, (office.event_id, member)))
        s.delete(s.get(Member, passing))
    publish(emulator, office)  # a second load: the deletions are changes

    state = desk.round()

    assert state.status == sync.ONLINE, state.detail
    with desk.sessions() as s:
        assert s.get(Registration, (office.event_id, member)) is None
        assert s.get(Member, passing) is None


def test_a_restarted_server_makes_the_station_download_afresh(
    office, emulator, tmp_path
):
    member = office.member()
    uid, message = office.card(member)
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    emulator.stop()
    with office.sessions.begin() as s:
        card = s.scalar(select(Card).where(Card.uid == uid.hex().upper()))
        card.status, card.revoked_at = "revoked", NOW - dt.timedelta(minutes=3)
    again = Emulator(TOKEN)  # a new run: its positions start again at zero
    again.store.load_database(office.sessions)
    again.start()
    try:
        desk.sync.api = MembershipApi(
            again.url, TOKEN, clock=desk.time.clock, sleep=desk.time.sleep
        )
        state = desk.round()
        expired = [r for r in again.requests if r.status == 410]
    finally:
        again.stop()

    assert state.status == sync.ONLINE, state.detail
    assert expired  # the old cursors were refused, not misread
    assert desk.desk.decide_card(office.event_id, uid, message).reason is (
        Reason.REVOKED_CARD
    )


def _hostile(handler, time: FakeTime | None = None) -> MembershipApi:
    """A client of a server made of `handler(request) -> httpx.Response`."""
    time = time or FakeTime()
    return MembershipApi(
        "https://api.example.com",
        TOKEN,
        transport=httpx.MockTransport(handler),
        clock=time.clock,
        sleep=time.sleep,
        rng=lambda: 0.5,
    )


def _page(items=(), cursor="c", more=False) -> httpx.Response:  # noqa: ANN001
    return httpx.Response(
        200, json={"items": list(items), "next_cursor": cursor, "has_more": more}
    )


def test_a_round_that_never_ends_is_cut_and_scans_still_go_up(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    desk.desk.decide_card(office.event_id, uid, message)
    flips = iter(["A", "B"] * 10)
    pushed = []

    def server(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            pushed.append(json.loads(request.content)["id"])
            return httpx.Response(
                200,
                json={
                    "id": pushed[-1],
                    "flagged": False,
                    "first_entry": True,
                    "clash_with": None,
                    "replayed": False,
                },
            )
        return _page(cursor=next(flips), more=True)  # has_more for ever

    desk.sync.api = _hostile(server)

    state = desk.round()

    assert state.status == sync.OFFLINE and state.problem == MALFORMED
    assert "went round" in state.detail
    assert pushed and state.waiting == 0  # the scan went up before the pull


@pytest.mark.parametrize(
    "item",
    [
        {"id": 2**63, "name": "x", "phone": "13800000000", "tier_code": "gold"},
        {"id": 5, "name": "x", "phone": "1", "tier_code": "gold"},
    ],
    ids=["huge-id", "year-9999"],
)
def test_hostile_values_are_refused_whole(office, emulator, tmp_path, item):
    desk = station(tmp_path, emulator, "desk-a")
    item = {**item, "joined_at": "9999-12-31T20:00:00+00:00"}
    tiers = [
        {
            "code": code,
            "rank": rank,
            "name_zh": code,
            "name_en": code,
            "colour": "#888888",
            "invitation_only": False,
        }
        for rank, code in enumerate(("free", "silver", "gold", "diamond"))
    ]

    def server(request: httpx.Request) -> httpx.Response:
        feed = request.url.path.rsplit("/", 1)[-1]
        return _page({"tiers": tiers, "members": [item]}.get(feed, []))

    desk.sync.api = _hostile(server)
    state = desk.round()

    assert state.status == sync.OFFLINE and state.problem == MALFORMED, state.detail
    with desk.sessions() as s:
        assert s.scalar(select(Member.id)) is None


def test_deeply_nested_json_is_malformed_not_a_crash(tmp_path):
    api = _hostile(lambda request: httpx.Response(200, content=b"[" * 100_000))
    with pytest.raises(ApiError) as caught:
        api.pull("members", None)
    assert caught.value.kind == MALFORMED


def test_a_redirect_is_not_an_upload(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    receipt = {
        "id": verdict.checkin_id,
        "flagged": False,
        "first_entry": True,
        "clash_with": None,
        "replayed": False,
    }
    desk.sync.api = _hostile(
        lambda request: httpx.Response(
            307, json=receipt, headers={"Location": "https://elsewhere.example.com/"}
        )
    )

    state = desk.round()

    assert state.status == sync.NEEDS_ATTENTION and state.problem == REFUSED
    assert state.waiting == 1  # still waiting: nothing was stored anywhere


def test_a_receipt_cannot_make_another_members_refusal_count(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a")
    stranger = office.member(name="路人")
    stranger_card = office.card(stranger, status="revoked", number=10_000_700)
    member = office.member()
    uid, message = office.card(member)
    publish(emulator, office)
    desk.round()
    refused = desk.desk.decide_card(office.event_id, *stranger_card)
    assert refused.reason is Reason.REVOKED_CARD
    with desk.sessions.begin() as s:
        s.get(CheckIn, refused.checkin_id).flagged = True
    verdict = desk.desk.decide_card(office.event_id, uid, message)

    def server(request: httpx.Request) -> httpx.Response:
        if request.method != "PUT":
            return _page()
        sent = json.loads(request.content)
        return httpx.Response(
            200,
            json={
                "id": sent["id"],
                "flagged": sent["id"] == verdict.checkin_id,
                "first_entry": False,
                "clash_with": refused.checkin_id,  # names another member's row
                "replayed": False,
            },
        )

    desk.sync.api = _hostile(server)
    desk.round()

    with desk.sessions() as s:
        other = s.get(CheckIn, refused.checkin_id)
        assert other.flagged and not other.first_entry


def test_an_annulment_during_its_upload_keeps_its_journal_line(
    office, emulator, tmp_path
):
    desk = station(tmp_path, emulator, "desk-a")
    uid, message = office.card(office.member())
    publish(emulator, office)
    desk.round()
    verdict = desk.desk.decide_card(office.event_id, uid, message)
    operator = add_actor(desk.sessions, "operator")
    annulled = []

    def annul_once(method: str, path: str) -> None:
        if method == "PUT" and not annulled:
            annulled.append(
                desk.door.annul(verdict.checkin_id, "wrong member", operator)
            )

    emulator.on_request = annul_once
    emulator.inject("drop", method="PUT", after=1, times=-1)  # the annulment fails

    desk.round()

    lines = [json.loads(line) for line in desk.journal_path.read_text().splitlines()]
    ops = [line["op"] for line in lines if line.get("id") == verdict.checkin_id]
    assert "annul" in ops  # the change not yet uploaded is still journalled
    with desk.sessions() as s:
        assert not s.get(CheckIn, verdict.checkin_id).uploaded


def test_a_key_that_is_not_this_stations_is_refused(office, emulator, tmp_path):
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    with desk.sessions.begin() as s:
        s.get(SigningKey, office.issuer.signing_key_id).public_key = bytes(32)
    with office.sessions.begin() as s:
        s.get(SigningKey, office.issuer.signing_key_id).retired_at = NOW
    publish(emulator, office)

    state = desk.round()

    assert state.problem == MALFORMED and "not this station's key" in state.detail


def test_a_card_number_that_names_another_member_here_is_refused(
    office, emulator, tmp_path
):
    member, other = office.member(), office.member(name="另一位")
    office.card(member, number=10_000_500)
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-a")
    desk.round()
    with desk.sessions.begin() as s:
        card = s.scalar(select(Card).where(Card.card_number == 10_000_500))
        card.member_id = other  # as if this station had issued that number

    with office.sessions.begin() as s:
        s.scalar(select(Card).where(Card.card_number == 10_000_500)).chip = "NTAG216"
    publish(emulator, office)
    state = desk.round()

    assert state.problem == MALFORMED and "issued cards" in state.detail
    with desk.sessions() as s:
        card = s.scalar(select(Card).where(Card.card_number == 10_000_500))
        assert card.member_id == other and card.chip != "NTAG216"


@pytest.mark.parametrize(
    "address",
    [
        "http://api.example.com",
        "127.0.0.1:8765",
        "ftp://api.example.com",
        "http://127.evil.example.com",
        "https://api.example.com/?x=1",
    ],
)
def test_addresses_that_could_leak_the_token_are_refused(address):
    with pytest.raises(BadSetting):
        api_address(address)


def test_addresses_are_tidied():
    assert api_address("https://api.example.com/v1/") == "https://api.example.com"
    assert api_address(" http://127.0.0.1:8765 ") == "http://127.0.0.1:8765"


@pytest.mark.parametrize("token", ["two\nlines", "with space", "", "ünïcode"])
def test_a_token_that_cannot_be_a_header_is_refused(sessions, store, token):
    admin = add_actor(sessions, "admin")
    with pytest.raises(BadSetting):
        sync_setup.configure(
            sessions, store, admin, "https://api.example.com", token, AuditLog("d")
        )
    assert store.get(sync_setup.API_TOKEN_SECRET) is None


def test_a_verdict_from_a_newer_station_can_be_annulled_not_overridden(
    office, emulator, tmp_path
):
    from memberdesk.services.door_actions import DoorActionRefused

    member = office.member()
    publish(emulator, office)
    desk = station(tmp_path, emulator, "desk-a")
    base = {
        "station": "desk-new",
        "event_id": office.event_id,
        "member_id": member,
        "source": "qr",
        "direction": "in",
        "annulled": False,
        "at": "2026-12-04T07:59:00+00:00",
    }
    refused = {
        **base,
        "id": "7d6a4a59-8a86-4a40-a0c8-1b0c2c1f7a01",
        "seq": 1,
        "verdict": "face_not_matched",
        "admitted": False,
        "first_entry": False,
    }
    let_in = {
        **base,
        "id": "7d6a4a59-8a86-4a40-a0c8-1b0c2c1f7a02",
        "seq": 2,
        "verdict": "fast_lane",
        "admitted": True,
        "first_entry": True,
    }
    for item in (refused, let_in):
        emulator.store.push_checkin(item["id"], item)
    assert desk.round().status == sync.ONLINE
    operator = add_actor(desk.sessions, "operator")

    with pytest.raises(DoorActionRefused):
        _override(desk, refused["id"])
    undone = desk.door.annul(let_in["id"], "wrong member", operator)

    assert undone.verdict == "fast_lane" and undone.freed_place
