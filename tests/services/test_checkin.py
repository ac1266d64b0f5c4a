"""The door's rules engine: every reason code it can give, from real rows."""

from __future__ import annotations

import datetime as dt

import pytest
from doorkit import NOW, make_kit
from sqlalchemy import func, select

from memberdesk.nfc.cardmessage import decoder
from memberdesk.services.models import Card, CheckIn, Event, SigningKey
from memberdesk.services.reasons import Reason


@pytest.fixture
def kit(sessions, store):
    return make_kit(sessions, store)


def door(kit, now=NOW):
    return kit.door(now)


def test_admits_then_duplicate_and_records_both(kit):
    member = kit.member()
    uid, message = kit.card(member)
    d = door(kit)

    first = d.decide_card(kit.event_id, uid, message)
    again = d.decide_card(kit.event_id, uid, message)

    assert first.reason is Reason.ADMITTED and first.admitted
    assert first.member_name == "王芳" and first.tier_code == "diamond"
    assert again.reason is Reason.DUPLICATE and not again.admitted
    with kit.sessions() as s:
        rows = s.scalars(select(CheckIn).order_by(CheckIn.at)).all()
        assert [r.verdict for r in rows] == ["admitted", "duplicate"]
        assert s.get(Event, kit.event_id).admitted == 1


def test_copy_on_another_chip_is_uid_mismatch(kit):
    uid, message = kit.card(kit.member())
    other_chip = b"\x04\x11\x22\x33\x44\x55\x66"
    verdict = door(kit).decide_card(kit.event_id, other_chip, message)
    assert verdict.reason is Reason.UID_MISMATCH


def test_tampered_payload_is_bad_signature(kit):
    uid, message = kit.card(kit.member())
    forged = bytearray(message)
    forged[-70] ^= 0x01  # a byte of the signed head (member id / issue)
    verdict = door(kit).decide_card(kit.event_id, uid, bytes(forged))
    assert verdict.reason in (
        Reason.BAD_SIGNATURE,
        Reason.UNKNOWN_FORMAT,
        Reason.UNKNOWN_KEY,
    )
    forged = bytearray(message)
    forged[-1] ^= 0x01  # the signature itself
    assert door(kit).decide_card(kit.event_id, uid, bytes(forged)).reason is (
        Reason.BAD_SIGNATURE
    )


def test_blank_and_foreign_cards(kit):
    import ndef

    d = door(kit)
    assert d.decide_card(kit.event_id, b"\x04" * 7, b"").reason is Reason.BLANK_CARD
    link = b"".join(ndef.message_encoder([ndef.UriRecord("https://example.com")]))
    verdict = d.decide_card(kit.event_id, b"\x04" * 7, link)
    assert verdict.reason is Reason.NOT_MEMBER_CARD
    assert d.decide_card(kit.event_id, b"\x04" * 7, b"\xff\x00").reason is (
        Reason.NOT_MEMBER_CARD
    )


def test_revoked_superseded_unknown_card(kit):
    member = kit.member()
    uid1, old = kit.card(member, issue=1, status="revoked", number=10_000_500)
    uid2, new = kit.card(member, issue=2, number=10_000_500)
    d = door(kit)
    assert d.decide_card(kit.event_id, uid1, old).reason is Reason.SUPERSEDED_ISSUE
    with kit.sessions.begin() as s:
        s.execute(Card.__table__.delete().where(Card.issue_number == 2))
    assert d.decide_card(kit.event_id, uid1, old).reason is Reason.REVOKED_CARD
    assert d.decide_card(kit.event_id, uid2, new).reason is Reason.UNKNOWN_CARD


def test_unknown_and_retired_keys(kit):
    uid, message = kit.card(kit.member())
    with kit.sessions.begin() as s:
        s.get(SigningKey, kit.issuer.signing_key_id).retired_at = NOW - dt.timedelta(
            minutes=1
        )
    assert door(kit).decide_card(kit.event_id, uid, message).reason is (
        Reason.KEY_RETIRED
    )
    with kit.sessions.begin() as s:
        s.execute(Card.__table__.update().values(key_id=None))
        s.execute(SigningKey.__table__.delete())
    assert door(kit).decide_card(kit.event_id, uid, message).reason is (
        Reason.UNKNOWN_KEY
    )


def test_tier_window_registration_capacity_cancelled(sessions, store):
    kit = make_kit(sessions, store, capacity=1, registration=True)
    gold = kit.member(tier="gold")
    uid, message = kit.card(gold)
    assert door(kit).decide_card(kit.event_id, uid, message).reason is (
        Reason.TIER_NOT_ELIGIBLE
    )

    a, b = kit.member(name="李娜"), kit.member(name="张伟")
    uid_a, msg_a = kit.card(a)
    uid_b, msg_b = kit.card(b)
    late = NOW + dt.timedelta(hours=5)
    assert door(kit, late).decide_card(kit.event_id, uid_a, msg_a).reason is (
        Reason.OUTSIDE_WINDOW
    )
    assert door(kit).decide_card(kit.event_id, uid_a, msg_a).reason is (
        Reason.NOT_REGISTERED
    )
    kit.register(a)
    kit.register(b)
    assert door(kit).decide_card(kit.event_id, uid_a, msg_a).reason is Reason.ADMITTED
    assert door(kit).decide_card(kit.event_id, uid_b, msg_b).reason is (
        Reason.CAPACITY_REACHED
    )
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).cancelled = True
    assert door(kit).decide_card(kit.event_id, uid_b, msg_b).reason is (
        Reason.EVENT_CANCELLED
    )


def test_every_scan_is_kept(kit):
    uid, message = kit.card(kit.member())
    d = door(kit)
    for _ in range(3):
        d.decide_card(kit.event_id, uid, message)
    d.decide_card(kit.event_id, b"\x04" * 7, b"")
    with kit.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 4


def test_roles_and_audit(kit):
    from actors import add_actor
    from sqlalchemy import select as sel

    from memberdesk.services.audit import verify
    from memberdesk.services.checkin import Door
    from memberdesk.services.models import AuditEntry
    from memberdesk.services.permissions import PermissionDenied

    uid, message = kit.card(kit.member())
    issuer = add_actor(kit.sessions, "issuer")
    plain = Door(kit.sessions, "desk-1", clock=lambda: NOW, decode=decoder())
    with pytest.raises(PermissionDenied, match="card issuer role may not"):
        plain.decide_card(kit.event_id, uid, message, issuer)
    with kit.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0

    for role in ("door", "operator", "admin"):
        verdict = plain.decide_card(
            kit.event_id, uid, message, add_actor(kit.sessions, role)
        )
        assert verdict.reason in (Reason.ADMITTED, Reason.DUPLICATE)
    with kit.sessions() as s:
        entries = s.scalars(sel(AuditEntry).order_by(AuditEntry.seq)).all()
        assert [e.action for e in entries] == ["checkin"] * 3
        rows = s.scalars(select(CheckIn)).all()
        assert {r.id for r in rows} == {e.entity_id for e in entries}
        assert all(r.staff_id is not None for r in rows)
        assert verify(s).ok


def test_a_card_never_finished_is_not_admitted(kit):
    member = kit.member()
    uid, message = kit.card(member, status="encoding")
    verdict = door(kit).decide_card(kit.event_id, uid, message)
    assert verdict.reason is Reason.CARD_NOT_ACTIVE
    assert verdict.member_id == member  # named, so a supervisor can decide
