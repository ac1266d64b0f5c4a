"""Annulment and supervisor override: audited, and never deleting the original."""

from __future__ import annotations

import ndef
import pytest
from actors import add_actor
from doorkit import NOW, add_event, make_kit
from securitykit import cheap_hasher
from sqlalchemy import func, select

from memberdesk.services.audit import AuditLog, verify
from memberdesk.services.checkin import DoorActionRefused, SupervisorSignIn
from memberdesk.services.door_state import counters, last_scans
from memberdesk.services.models import AuditEntry, CheckIn, Event, YearlyTally
from memberdesk.services.permissions import PermissionDenied
from memberdesk.services.reasons import Reason
from memberdesk.services.staff import SignInFailed, StaffService

SUPERVISOR = SupervisorSignIn("lead", "2468")
BY_PASSWORD = SupervisorSignIn("lead", "lead-Pa55word", pin=False)


def _with_staff(kit):
    """The kit with a staff service, an operator "lead" with a PIN, a door "gate"."""
    service = StaffService(kit.sessions, cheap_hasher(), AuditLog("desk-1"))
    admin = add_actor(kit.sessions, "admin")
    lead = service.create_staff(admin, "lead", "值班主管", "operator", "lead-Pa55word")
    service.set_pin(admin, lead.id, "2468")
    gate = service.create_staff(admin, "gate", "检票员", "door", "gate-Pa55word")
    service.set_pin(admin, gate.id, "1357")
    kit.staff = service
    return kit


@pytest.fixture
def kit(sessions, store):
    return _with_staff(make_kit(sessions, store, capacity=1))


def _event(kit) -> Event:
    with kit.sessions() as s:
        return s.get(Event, kit.event_id)


def test_override_capacity_with_supervisor_pin_keeps_the_refusal(kit):
    door = kit.door()
    first, second = kit.card(kit.member()), kit.card(kit.member(name="李娜"))
    assert door.decide_card(kit.event_id, *first).reason is Reason.ADMITTED
    refused = door.decide_card(kit.event_id, *second)
    assert refused.reason is Reason.CAPACITY_REACHED and refused.overridable

    verdict = door.override(refused.checkin_id, SUPERVISOR, "VIP guest of the host")

    assert verdict.reason is Reason.OVERRIDDEN and verdict.admitted
    assert verdict.member_name == "李娜"
    assert verdict.admitted_total == 2 and verdict.inside == 2
    with kit.sessions() as s:
        original = s.get(CheckIn, refused.checkin_id)
        assert original.verdict == "capacity_reached" and not original.admitted
        row = s.get(CheckIn, verdict.checkin_id)
        assert row.override_of == original.id and row.first_entry
        assert row.override_reason == "VIP guest of the host"
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
        assert actions[-2:] == ["pin_unlock", "checkin_override"]
        assert verify(s).ok


def test_override_by_password_through_a_qr_refusal(kit):
    door = kit.door()
    refused = door.decide_qr(kit.event_id, kit.qr(kit.member(tier="gold")))
    assert refused.reason is Reason.TIER_NOT_ELIGIBLE

    verdict = door.override(refused.checkin_id, BY_PASSWORD, "brought by a diamond")

    assert verdict.reason is Reason.OVERRIDDEN and verdict.source == "qr"


def test_wrong_pin_and_door_role_supervisor_are_refused(kit):
    door = kit.door()
    door.decide_card(kit.event_id, *kit.card(kit.member()))
    refused = door.decide_card(kit.event_id, *kit.card(kit.member(name="张伟")))
    with pytest.raises(SignInFailed):
        door.override(refused.checkin_id, SupervisorSignIn("lead", "0000"), "x")
    with pytest.raises(PermissionDenied, match="door role may not override"):
        door.override(refused.checkin_id, SupervisorSignIn("gate", "1357"), "x")
    with pytest.raises(DoorActionRefused, match="say why"):
        door.override(refused.checkin_id, SUPERVISOR, "   ")
    with kit.sessions() as s:
        overrides = select(func.count()).where(CheckIn.override_of.is_not(None))
        assert s.scalar(overrides) == 0


NEVER = {
    "card-bad_signature": Reason.BAD_SIGNATURE,
    "card-uid_mismatch": Reason.UID_MISMATCH,
    "card-unknown_key": Reason.UNKNOWN_KEY,
    "card-not_member_card": Reason.NOT_MEMBER_CARD,
    "qr-bad_signature": Reason.BAD_SIGNATURE,
    "qr-malformed_qr": Reason.MALFORMED_QR,
    "qr-not_member_card": Reason.NOT_MEMBER_CARD,
}


@pytest.mark.parametrize("case", list(NEVER))
def test_untrusted_refusals_can_never_be_overridden(kit, case):
    door = kit.door()
    member = kit.member()
    uid, message = kit.card(member)
    text = kit.qr(member)
    if case == "card-bad_signature":
        forged = message[:-1] + bytes([message[-1] ^ 1])
        verdict = door.decide_card(kit.event_id, uid, forged)
    elif case == "card-uid_mismatch":
        verdict = door.decide_card(kit.event_id, b"\x04" * 7, message)
    elif case == "card-unknown_key":
        verdict = _unknown_key(kit, uid, message)
    elif case == "card-not_member_card":
        link = b"".join(ndef.message_encoder([ndef.UriRecord("https://x.example")]))
        verdict = door.decide_card(kit.event_id, uid, link)
    elif case == "qr-bad_signature":
        verdict = door.decide_qr(kit.event_id, _resigned(kit, member))
    elif case == "qr-malformed_qr":
        verdict = door.decide_qr(kit.event_id, text[:30])
    else:
        verdict = door.decide_qr(kit.event_id, "https://x.example")
    assert verdict.reason is NEVER[case]
    assert not verdict.overridable

    admin = SupervisorSignIn("lead", "lead-Pa55word", pin=False)
    with pytest.raises(DoorActionRefused) as refused:
        door.override(verdict.checkin_id, admin, "I know this member")
    assert refused.value.reason == "never_overridden"


def _unknown_key(kit, uid, message):
    from memberdesk.services.models import Card, SigningKey

    with kit.sessions.begin() as s:
        s.execute(Card.__table__.update().values(key_id=None))
        s.execute(SigningKey.__table__.delete())
    return kit.door().decide_card(kit.event_id, uid, message)


def _resigned(kit, member):
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from memberdesk.services import memberqr

    payload = memberqr.QrPayload(
        kit.issuer.signing_key_id, member, 5, NOW + dt.timedelta(days=1)
    )
    return memberqr.encode_member_qr(payload, Ed25519PrivateKey.generate())


def test_override_twice_or_an_admission_is_refused(kit):
    door = kit.door()
    admitted = door.decide_card(kit.event_id, *kit.card(kit.member()))
    refused = door.decide_card(kit.event_id, *kit.card(kit.member(name="张伟")))
    door.override(refused.checkin_id, SUPERVISOR, "ok")
    with pytest.raises(DoorActionRefused) as twice:
        door.override(refused.checkin_id, SUPERVISOR, "ok")
    assert twice.value.reason == "already_overridden"
    with pytest.raises(DoorActionRefused) as wrong:
        door.override(admitted.checkin_id, SUPERVISOR, "ok")
    assert wrong.value.reason == "not_a_refusal"


def test_a_duplicate_and_a_lost_card_are_never_overridden(kit):
    door = kit.door()
    card = kit.card(kit.member())
    door.decide_card(kit.event_id, *card)
    again = door.decide_card(kit.event_id, *card)
    assert not again.overridable  # the desk is not offered a button
    with pytest.raises(DoorActionRefused, match="can never be overridden"):
        door.override(again.checkin_id, SUPERVISOR, "left without scanning out")
    stolen = kit.card(kit.member(name="李娜"), status="revoked")
    refused = door.decide_card(kit.event_id, *stolen)
    assert refused.reason is Reason.REVOKED_CARD and not refused.overridable
    with pytest.raises(DoorActionRefused, match="can never be overridden"):
        door.override(refused.checkin_id, SUPERVISOR, "says it was found")


def test_annul_needs_a_supervisor_at_a_door_desk(kit):
    door = kit.door()
    admitted = door.decide_card(kit.event_id, *kit.card(kit.member()))
    with pytest.raises(PermissionDenied, match="may not annul"):
        door.annul(admitted.checkin_id)
    done = door.annul(
        admitted.checkin_id, "tapped the wrong card", supervisor=SUPERVISOR
    )
    assert done.freed_place and done.admitted_total == 0 and done.inside == 0


def test_annul_frees_the_place_and_keeps_the_row(kit):
    door = kit.door()
    operator = add_actor(kit.sessions, "operator")
    card_a, card_b = kit.card(kit.member()), kit.card(kit.member(name="李娜"))
    first = door.decide_card(kit.event_id, *card_a)
    assert door.decide_card(kit.event_id, *card_b).reason is Reason.CAPACITY_REACHED

    done = door.door.annul(first.checkin_id, "wrong member let in", operator)

    assert done.verdict is Reason.ADMITTED and done.member_name == "王芳"
    assert door.decide_card(kit.event_id, *card_b).reason is Reason.ADMITTED
    # The same member may come in again: the unique index looks at live rows only.
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).capacity = 5
    assert door.decide_card(kit.event_id, *card_a).reason is Reason.ADMITTED
    with kit.sessions() as s:
        row = s.get(CheckIn, first.checkin_id)
        assert row.annulled and row.annul_reason == "wrong member let in"
        assert row.annulled_at == NOW and not row.uploaded
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 4
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert verify(s).ok
    with pytest.raises(DoorActionRefused) as twice:
        door.door.annul(first.checkin_id, "again", operator)
    assert twice.value.reason == "already_annulled"
    assert last.action == "checkin"
    record = kit.door().door.journal.read()
    assert first.checkin_id in record.annulments


def test_annul_an_exit_puts_the_member_back_inside(kit):
    door = kit.door()
    operator = add_actor(kit.sessions, "operator")
    card = kit.card(kit.member())
    door.decide_card(kit.event_id, *card)
    out = door.decide_card(kit.event_id, *card, direction="out")
    with kit.sessions() as s:
        assert counters(s, kit.event_id).inside == 0
    done = door.door.annul(out.checkin_id, "scanned on the wrong side", operator)
    assert done.inside == 1 and not done.freed_place
    assert door.decide_card(kit.event_id, *card).reason is Reason.DUPLICATE


def test_a_refusal_cannot_be_annulled(kit):
    operator = add_actor(kit.sessions, "operator")
    door = kit.door()
    refused = door.decide_card(kit.event_id, *kit.card(kit.member(tier="gold")))
    with pytest.raises(DoorActionRefused) as caught:
        door.door.annul(refused.checkin_id, "x", operator)
    assert caught.value.reason == "not_annullable"


def test_annul_gives_back_the_yearly_count(sessions, store):
    kit = _with_staff(make_kit(sessions, store))
    one = add_event(kit, member_yearly_cap=1)
    two = add_event(kit, member_yearly_cap=1)
    card = kit.card(kit.member())
    door = kit.door()
    first = door.decide_card(one, *card)
    assert door.decide_card(two, *card).reason is Reason.MEMBER_YEARLY_CAP
    door.annul(first.checkin_id, "came by mistake", supervisor=SUPERVISOR)
    assert door.decide_card(two, *card).reason is Reason.ADMITTED
    with kit.sessions() as s:
        counts = {t.member_id: t.count for t in s.scalars(select(YearlyTally))}
        assert list(counts.values()) == [1, 1]


def test_last_scans_show_what_can_be_undone_or_overridden(kit):
    door = kit.door()
    door.decide_card(kit.event_id, *kit.card(kit.member()))
    door.decide_card(kit.event_id, *kit.card(kit.member(name="李娜")))
    with kit.sessions() as s:
        newest, older = last_scans(s, kit.event_id, station="desk-1")
    assert newest.reason is Reason.CAPACITY_REACHED and newest.can_override
    assert older.reason is Reason.ADMITTED and older.can_undo
    assert newest.member_name == "李娜" and newest.seq == older.seq + 1
