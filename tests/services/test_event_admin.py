"""Creating, changing, copying and cancelling events, as an operator would."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from actors import add_actor
from doorkit import NOW, make_kit
from sqlalchemy import select

from memberdesk.services.audit import AuditLog, verify
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.event_admin import (
    EventChangeRefused,
    EventDraft,
    EventInvalid,
    EventService,
)
from memberdesk.services.events import event_is_open
from memberdesk.services.models import AuditEntry
from memberdesk.services.permissions import PermissionDenied
from memberdesk.services.reasons import Reason

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


SALON = EventDraft(
    name="  钻石会员 私享沙龙 ",
    kind="vip_salon",
    starts_at=_at(20, 14),
    ends_at=_at(20, 18),
    venue="上海 静安",
    doors_open_at=_at(20, 13, 30),
    doors_close_at=_at(20, 15),
    capacity=40,
    eligible_tiers=("diamond",),
    registration_required=True,
    reentry_allowed=False,
    member_yearly_cap=2,
)


@pytest.fixture
def service(sessions):
    with sessions.begin() as s:
        install_catalogue(s)
    return EventService(sessions, AuditLog("office"))


@pytest.fixture
def operator(sessions):
    return add_actor(sessions, "operator")


def test_create_tidies_and_audits(service, operator, sessions):
    row = service.create(operator, SALON)
    assert row.name == "钻石会员 私享沙龙" and row.kind == "vip_salon"
    assert row.capacity == 40 and row.eligible_tiers == ("diamond",)
    assert row.member_yearly_cap == 2 and row.kind_yearly_cap is None
    assert not row.reentry_allowed and row.registration_required
    with sessions() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert (entry.action, entry.entity_id) == ("event_created", str(row.id))
        assert verify(s).ok


def test_every_problem_is_named(service, operator):
    bad = dataclasses.replace(
        SALON,
        name=" ",
        kind="party",
        ends_at=_at(20, 13),
        doors_open_at=None,
        capacity=0,
        eligible_tiers=("diamond", "platinum"),
        kind_yearly_cap=-1,
    )
    with pytest.raises(EventInvalid) as caught:
        service.create(operator, bad)
    problems = caught.value.problems
    assert set(problems) == {
        "name",
        "kind",
        "ends_at",
        "doors_open_at",
        "capacity",
        "eligible_tiers",
        "kind_yearly_cap",
    }
    assert "vip_salon" in problems["kind"] and "platinum" in problems["eligible_tiers"]
    assert "both an opening and a closing" in problems["doors_open_at"]
    assert "end after it starts" in str(caught.value)


def test_window_must_make_sense(service, operator):
    backwards = dataclasses.replace(SALON, doors_close_at=_at(20, 13))
    with pytest.raises(EventInvalid, match="close after they open"):
        service.create(operator, backwards)
    elsewhere = dataclasses.replace(
        SALON, doors_open_at=_at(21, 9), doors_close_at=_at(21, 10)
    )
    with pytest.raises(EventInvalid, match="overlap the event"):
        service.create(operator, elsewhere)
    naive = dataclasses.replace(SALON, starts_at=dt.datetime(2026, 12, 20, 14))
    with pytest.raises(EventInvalid, match="no time zone"):
        service.create(operator, naive)


def test_only_event_managers(service, sessions):
    for role in ("door", "issuer"):
        with pytest.raises(PermissionDenied):
            service.create(add_actor(sessions, role), SALON)


def test_edit_changes_only_what_is_given(service, operator, sessions):
    row = service.create(operator, SALON)
    changed = service.edit(operator, row.id, capacity=60, venue="杭州")
    assert changed.capacity == 60 and changed.venue == "杭州"
    assert changed.member_yearly_cap == 2
    with sessions() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry.action == "event_changed"
        assert '"capacity":40' in entry.before and '"capacity":60' in entry.after
        assert "member_yearly_cap" not in entry.after
    with pytest.raises(EventInvalid, match="not a field"):
        service.edit(operator, row.id, admitted=0)


def test_copy_never_keeps_a_stale_window(service, operator):
    row = service.create(operator, SALON)
    copy = service.copy(operator, row.id)
    assert copy.doors_open_at is None and copy.doors_close_at is None
    assert copy.copied_from == row.id and copy.admitted == 0
    assert (copy.capacity, copy.member_yearly_cap, copy.eligible_tiers) == (
        40,
        2,
        ("diamond",),
    )
    assert copy.registration_required and not copy.reentry_allowed
    assert not event_is_open(copy, _at(20, 14))

    moved = service.copy(operator, row.id, starts_at=_at(27, 15), name="第二场")
    assert moved.name == "第二场"
    assert moved.starts_at == _at(27, 15) and moved.ends_at == _at(27, 19)
    assert moved.doors_open_at == _at(27, 14, 30)
    assert moved.doors_close_at == _at(27, 16)


def test_copied_event_without_window_refuses_at_the_door(sessions, store):
    kit = make_kit(sessions, store)
    operator = add_actor(sessions, "operator")
    service = EventService(sessions, AuditLog("office"))
    copy = service.copy(operator, kit.event_id)
    card = kit.card(kit.member())
    assert kit.door().decide_card(copy.id, *card).reason is Reason.WINDOW_NOT_SET
    service.edit(
        operator,
        copy.id,
        doors_open_at=NOW - dt.timedelta(minutes=5),
        doors_close_at=NOW + dt.timedelta(hours=1),
    )
    assert kit.door().decide_card(copy.id, *card).reason is Reason.ADMITTED


def test_an_event_that_admitted_keeps_its_kind_year_and_places(sessions, store):
    kit = make_kit(sessions, store, capacity=5)
    operator = add_actor(sessions, "operator")
    service = EventService(sessions, AuditLog("office"))
    door = kit.door()
    for name in ("甲", "乙"):
        door.decide_card(kit.event_id, *kit.card(kit.member(name=name)))
    with pytest.raises(EventChangeRefused, match="kind"):
        service.edit(operator, kit.event_id, kind="popup")
    with pytest.raises(EventChangeRefused, match="below that"):
        service.edit(operator, kit.event_id, capacity=1)
    next_year = dict(
        starts_at=NOW + dt.timedelta(days=60),
        ends_at=NOW + dt.timedelta(days=60, hours=3),
        doors_open_at=NOW + dt.timedelta(days=60),
        doors_close_at=NOW + dt.timedelta(days=60, hours=1),
    )
    with pytest.raises(EventChangeRefused, match="another year"):
        service.edit(operator, kit.event_id, **next_year)
    assert service.edit(operator, kit.event_id, capacity=2).capacity == 2


def test_cancel_needs_a_reason_and_closes_the_door(sessions, store):
    kit = make_kit(sessions, store)
    operator = add_actor(sessions, "operator")
    service = EventService(sessions, AuditLog("office"))
    with pytest.raises(EventInvalid, match="say why"):
        service.cancel(operator, kit.event_id, "  ")
    row = service.cancel(operator, kit.event_id, "typhoon warning")
    assert row.cancelled
    card = kit.card(kit.member())
    assert kit.door().decide_card(kit.event_id, *card).reason is (
        Reason.EVENT_CANCELLED
    )
    with pytest.raises(EventChangeRefused, match="cancelled already"):
        service.cancel(operator, kit.event_id, "again")
    with pytest.raises(EventChangeRefused, match="copy it instead"):
        service.edit(operator, kit.event_id, capacity=3)
    assert not service.copy(operator, kit.event_id).cancelled
