"""Registration lists from CSV: a preview of the bad rows, then the good ones."""

from __future__ import annotations

import pytest
from actors import add_actor
from doorkit import make_kit
from sqlalchemy import select

from memberdesk.services.audit import AuditLog
from memberdesk.services.models import AuditEntry, Event, Member, Registration
from memberdesk.services.permissions import PermissionDenied
from memberdesk.services.reasons import Reason
from memberdesk.services.registrations import ImportRefused, RegistrationService


@pytest.fixture
def kit(sessions, store):
    return make_kit(sessions, store, registration=True, tiers="gold diamond")


@pytest.fixture
def service(kit):
    return RegistrationService(kit.sessions, AuditLog("office"))


@pytest.fixture
def operator(kit):
    return add_actor(kit.sessions, "operator")


def _member(kit, phone: str, tier: str = "diamond", name: str = "王芳") -> int:
    member_id = kit.member(tier=tier, name=name)
    with kit.sessions.begin() as s:
        m = s.get(Member, member_id)
        m.phone, m.phone_tail = phone, phone[-4:]
    return member_id


def test_preview_sorts_rows_and_commit_writes_only_the_good(kit, service, operator):
    a = _member(kit, "13900000001")
    b = _member(kit, "13900000002", name="李娜")
    c = _member(kit, "13900000003", tier="gold", name="张伟")
    free = _member(kit, "13900000004", tier="free", name="刘洋")
    kit.card(c, number=10_000_321)
    csv_text = (
        "member_id,phone,card_number,note\n"
        f"{a},,,带一位朋友\n"
        ",139 0000 0002,,\n"
        ",,10000321,迟到 30 分钟\n"
        f"{a},,,again\n"
        "99999,,,\n"
        ",13900009999,,\n"
        ",,12345678,\n"
        f"{free},,,\n"
        "abc,,,\n"
        ",,,just a note\n"
        f"{b},13900000001,,\n"
        "\n"
    )

    preview = service.preview(operator, kit.event_id, csv_text, "salon.csv")

    assert [(g.line, g.member_id, g.matched_by) for g in preview.good] == [
        (2, a, "member_id"),
        (3, b, "phone"),
        (4, c, "card_number"),
    ]
    assert preview.good[0].note == "带一位朋友"
    assert [(r.line, r.reason) for r in preview.bad] == [
        (5, "duplicate_row"),
        (6, "unknown_member"),
        (7, "unknown_phone"),
        (8, "unknown_card"),
        (9, "tier_not_eligible"),
        (10, "malformed"),
        (11, "malformed"),
        (12, "conflict"),
    ]
    assert "line 2" in preview.bad[0].message
    # A bad phone is named by its tail only.
    assert "9999" in preview.bad[2].message and "139000" not in preview.bad[2].message
    assert preview.bad[2].text == ",139****9999,,"
    with kit.sessions() as s:
        assert s.scalars(select(Registration)).all() == []  # preview wrote nothing

    result = service.commit(operator, preview)

    assert (result.added, result.already, result.bad) == (3, 0, 8)
    with kit.sessions() as s:
        rows = s.scalars(select(Registration).order_by(Registration.member_id)).all()
        assert [(r.member_id, r.source) for r in rows] == [
            (a, "csv"),
            (b, "csv"),
            (c, "csv"),
        ]
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry.action == "registrations_imported" and '"added":3' in entry.after
    card = kit.card(a)
    assert kit.door().decide_card(kit.event_id, *card).reason is Reason.ADMITTED


def test_headerless_gb18030_file_from_chinese_excel(kit, service, operator):
    a = _member(kit, "13700000001")
    b = _member(kit, "13700000002", name="李娜")
    kit.card(b, number=10_000_555)
    text = f"#{a},贵宾\r\n10000555\r\n+8613700000001\r\n"
    preview = service.preview(operator, kit.event_id, text.encode("gb18030"))
    assert [g.member_id for g in preview.good] == [a, b]
    assert preview.good[0].note == "贵宾"
    assert [r.reason for r in preview.bad] == ["duplicate_row"]


def test_semicolons_and_already_registered(kit, service, operator):
    a = _member(kit, "13600000001")
    kit.register(a)
    preview = service.preview(operator, kit.event_id, f"会员编号;备注\n{a};x\n")
    assert [r.reason for r in preview.bad] == ["already_registered"]
    assert not preview.good


def test_rows_registered_meanwhile_are_counted_not_doubled(kit, service, operator):
    a = _member(kit, "13500000001")
    preview = service.preview(operator, kit.event_id, f"#{a}\n")
    kit.register(a)
    assert service.commit(operator, preview).already == 1


def test_one_at_the_desk(kit, service, operator):
    a = _member(kit, "13400000001")
    assert service.register(operator, kit.event_id, a, "phoned in, note: late")
    assert not service.register(operator, kit.event_id, a)
    with kit.sessions() as s:
        row = s.get(Registration, (kit.event_id, a))
        assert (row.note, row.source) == ("phoned in, note: late", "desk")


def test_roles_and_cancelled_events(kit, service, operator):
    with pytest.raises(PermissionDenied):
        service.preview(add_actor(kit.sessions, "door"), kit.event_id, "#1\n")
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).cancelled = True
    with pytest.raises(ImportRefused, match="cancelled"):
        service.preview(operator, kit.event_id, "#1\n")


def test_unreadable_bytes(kit, service, operator):
    with pytest.raises(ImportRefused, match="neither UTF-8 nor GB18030"):
        service.preview(operator, kit.event_id, b"\xff\xfe\x00\x81\x30\x81")
