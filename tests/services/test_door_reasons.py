"""Every reason code the door gives, produced by a card tap and by a QR scan.

Each scenario runs three ways. On the station's own database, as a desk with
no API configured. Online: the scenario writes the office's database, the
API emulator serves it, the station pulls it over HTTP, decides, and pushes
the check-in, which the server then holds with the same verdict. Offline: the
same, but the network is gone after the pull; the verdict is the same, from
the station's copy, and the check-in waits for upload while the station says
it is offline. Where a reason cannot arise through one of the two inputs (a
QR code has no chip UID; a card cannot be half-typed), the table says so.
"""

from __future__ import annotations

import datetime as dt

import ndef
import pytest
from actors import add_actor
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from doorkit import NOW, add_event, make_kit
from synckit import OnlineDesk, served, station

from memberdesk.services import cardformat, memberqr
from memberdesk.services.audit import AuditLog
from memberdesk.services.models import Card, CheckIn, Event, SigningKey
from memberdesk.services.reasons import Reason
from memberdesk.services.sync import OFFLINE, ONLINE

# Reasons only the console's reader side gives, or only an override makes.
NOT_FROM_A_SCAN = {Reason.READ_FAILED, Reason.OVERRIDDEN}
CARD_ONLY = {
    Reason.BLANK_CARD,
    Reason.UID_MISMATCH,
    Reason.UNKNOWN_CARD,
    Reason.CARD_NOT_ACTIVE,
}
QR_ONLY = {
    Reason.MALFORMED_QR,
    Reason.QR_EXPIRED,
    Reason.REVOKED_QR,
    # A card names the member through its card row, which cannot outlive the
    # member; a code names the member directly.
    Reason.UNKNOWN_MEMBER,
}


class Scan:
    """One member's credential, card or code, tapped at a door."""

    def __init__(self, kit, member: int, via: str) -> None:
        self.via = via
        if via == "card":
            self.uid, self.message = kit.card(member)
        else:
            self.text = kit.qr(member)

    def at(self, door, event_id, direction: str = "in"):  # noqa: ANN001, ANN201
        if self.via == "card":
            return door.decide_card(event_id, self.uid, self.message, direction)
        return door.decide_qr(event_id, self.text, direction)


def _admitted(kit, via):
    return Scan(kit, kit.member(), via).at(kit.door(), kit.event_id)


def _reentry(kit, via):
    scan, door = Scan(kit, kit.member(), via), kit.door()
    scan.at(door, kit.event_id)
    scan.at(door, kit.event_id, "out")
    return scan.at(door, kit.event_id)


def _exited(kit, via):
    scan, door = Scan(kit, kit.member(), via), kit.door()
    scan.at(door, kit.event_id)
    return scan.at(door, kit.event_id, "out")


def _not_inside(kit, via):
    return Scan(kit, kit.member(), via).at(kit.door(), kit.event_id, "out")


def _no_event(kit, via):
    return Scan(kit, kit.member(), via).at(kit.door(), None)


def _duplicate(kit, via):
    scan, door = Scan(kit, kit.member(), via), kit.door()
    scan.at(door, kit.event_id)
    return scan.at(door, kit.event_id)


def _blank_card(kit, via):
    return kit.door().decide_card(kit.event_id, b"\x04" * 7, b"")


def _not_member_card(kit, via):
    if via == "card":
        link = b"".join(ndef.message_encoder([ndef.UriRecord("https://example.com")]))
        return kit.door().decide_card(kit.event_id, b"\x04" * 7, link)
    return kit.door().decide_qr(kit.event_id, "https://example.com/ticket/42")


def _unknown_format(kit, via):
    if via == "card":
        uid, message = kit.card(kit.member())
        changed = bytearray(message)
        changed[-cardformat.PAYLOAD_SIZE] = 2  # the format version byte
        return kit.door().decide_card(kit.event_id, uid, bytes(changed))
    text = kit.qr(kit.member())
    version_at = len(memberqr.PREFIX)
    text = text[:version_at] + memberqr.ALPHABET[2] + text[version_at + 1 :]
    return kit.door().decide_qr(kit.event_id, text)


def _unknown_key(kit, via):
    scan = Scan(kit, kit.member(), via)
    with kit.sessions.begin() as s:
        s.execute(Card.__table__.update().values(key_id=None))
        s.execute(SigningKey.__table__.delete())
    return scan.at(kit.door(), kit.event_id)


def _key_retired(kit, via):
    scan = Scan(kit, kit.member(), via)
    with kit.sessions.begin() as s:
        key = s.get(SigningKey, kit.issuer.signing_key_id)
        key.retired_at = NOW - dt.timedelta(minutes=1)
    return scan.at(kit.door(), kit.event_id)


def _bad_signature(kit, via):
    member = kit.member()
    if via == "card":
        uid, message = kit.card(member)
        forged = bytearray(message)
        forged[-1] ^= 0x01
        return kit.door().decide_card(kit.event_id, uid, bytes(forged))
    # Well formed, checksum right, signed by a key that is not the programme's.
    payload = memberqr.QrPayload(
        kit.issuer.signing_key_id, member, 77, NOW + dt.timedelta(days=1)
    )
    text = memberqr.encode_member_qr(payload, Ed25519PrivateKey.generate())
    return kit.door().decide_qr(kit.event_id, text)


def _uid_mismatch(kit, via):
    uid, message = kit.card(kit.member())
    return kit.door().decide_card(
        kit.event_id, b"\x04\x11\x22\x33\x44\x55\x66", message
    )


def _unknown_card(kit, via):
    uid, message = kit.card(kit.member())
    with kit.sessions.begin() as s:
        s.execute(Card.__table__.delete())
    return kit.door().decide_card(kit.event_id, uid, message)


def _card_not_active(kit, via):
    uid, message = kit.card(kit.member(), status="encoding")
    return kit.door().decide_card(kit.event_id, uid, message)


def _revoked_card(kit, via):
    member = kit.member()
    uid, message = kit.card(member, number=10_000_900, status="revoked")
    if via == "card":
        return kit.door().decide_card(kit.event_id, uid, message)
    text = kit.qr(member, card_number=10_000_900, issue=1)
    return kit.door().decide_qr(kit.event_id, text)


def _superseded_issue(kit, via):
    member = kit.member()
    uid, old = kit.card(member, number=10_000_800, issue=1, status="lost")
    kit.card(member, number=10_000_800, issue=2)
    if via == "card":
        return kit.door().decide_card(kit.event_id, uid, old)
    text = kit.qr(member, card_number=10_000_800, issue=1)
    return kit.door().decide_qr(kit.event_id, text)


def _unknown_member(kit, via):
    return kit.door().decide_qr(kit.event_id, kit.qr(987_654))


def _tier_not_eligible(kit, via):
    return Scan(kit, kit.member(tier="gold"), via).at(kit.door(), kit.event_id)


def _not_registered(kit, via):
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).registration_required = True
    return Scan(kit, kit.member(), via).at(kit.door(), kit.event_id)


def _outside_window(kit, via):
    late = kit.door(NOW + dt.timedelta(hours=5))
    return Scan(kit, kit.member(), via).at(late, kit.event_id)


def _window_not_set(kit, via):
    with kit.sessions.begin() as s:
        event = s.get(Event, kit.event_id)
        event.doors_open_at = event.doors_close_at = None
    return Scan(kit, kit.member(), via).at(kit.door(), kit.event_id)


def _event_cancelled(kit, via):
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).cancelled = True
    return Scan(kit, kit.member(), via).at(kit.door(), kit.event_id)


def _capacity_reached(kit, via):
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).capacity = 1
    door = kit.door()
    Scan(kit, kit.member(), via).at(door, kit.event_id)
    return Scan(kit, kit.member(name="李娜"), via).at(door, kit.event_id)


def _reentry_not_allowed(kit, via):
    with kit.sessions.begin() as s:
        s.get(Event, kit.event_id).reentry_allowed = False
    scan, door = Scan(kit, kit.member(), via), kit.door()
    scan.at(door, kit.event_id)
    scan.at(door, kit.event_id, "out")
    return scan.at(door, kit.event_id)


def _member_yearly_cap(kit, via):
    first = add_event(kit, name="salon one", member_yearly_cap=1)
    second = add_event(kit, name="salon two", member_yearly_cap=1)
    scan, door = Scan(kit, kit.member(), via), kit.door()
    assert scan.at(door, first).reason is Reason.ADMITTED
    return scan.at(door, second)


def _kind_yearly_cap(kit, via):
    first = add_event(kit, kind="hq_visit", kind_yearly_cap=1)
    second = add_event(kit, kind="hq_visit", kind_yearly_cap=1)
    door = kit.door()
    assert Scan(kit, kit.member(), via).at(door, first).reason is Reason.ADMITTED
    return Scan(kit, kit.member(name="张伟"), via).at(door, second)


def _malformed_qr(kit, via):
    text = kit.qr(kit.member())
    return kit.door().decide_qr(kit.event_id, text[: len(text) // 2])


def _qr_expired(kit, via):
    text = kit.qr(kit.member(), expires=NOW - dt.timedelta(minutes=1))
    return kit.door().decide_qr(kit.event_id, text)


def _revoked_qr(kit, via):
    member = kit.member()
    operator = add_actor(kit.sessions, "operator")
    with kit.sessions.begin() as s:
        audit = AuditLog("office")
        _, old = memberqr.issue_member_qr(
            s,
            kit.issuer.signing_key_id,
            kit.issuer.signing_key,
            member,
            operator,
            audit,
            NOW - dt.timedelta(days=2),
        )
        memberqr.issue_member_qr(
            s,
            kit.issuer.signing_key_id,
            kit.issuer.signing_key,
            member,
            operator,
            audit,
            NOW - dt.timedelta(days=1),
        )
    return kit.door().decide_qr(kit.event_id, old)


SCENARIOS = {
    Reason.ADMITTED: _admitted,
    Reason.REENTRY: _reentry,
    Reason.EXITED: _exited,
    Reason.NOT_INSIDE: _not_inside,
    Reason.NO_EVENT: _no_event,
    Reason.DUPLICATE: _duplicate,
    Reason.BLANK_CARD: _blank_card,
    Reason.NOT_MEMBER_CARD: _not_member_card,
    Reason.UNKNOWN_FORMAT: _unknown_format,
    Reason.UNKNOWN_KEY: _unknown_key,
    Reason.KEY_RETIRED: _key_retired,
    Reason.BAD_SIGNATURE: _bad_signature,
    Reason.UID_MISMATCH: _uid_mismatch,
    Reason.UNKNOWN_CARD: _unknown_card,
    Reason.CARD_NOT_ACTIVE: _card_not_active,
    Reason.REVOKED_CARD: _revoked_card,
    Reason.SUPERSEDED_ISSUE: _superseded_issue,
    Reason.UNKNOWN_MEMBER: _unknown_member,
    Reason.TIER_NOT_ELIGIBLE: _tier_not_eligible,
    Reason.NOT_REGISTERED: _not_registered,
    Reason.OUTSIDE_WINDOW: _outside_window,
    Reason.WINDOW_NOT_SET: _window_not_set,
    Reason.EVENT_CANCELLED: _event_cancelled,
    Reason.CAPACITY_REACHED: _capacity_reached,
    Reason.REENTRY_NOT_ALLOWED: _reentry_not_allowed,
    Reason.MEMBER_YEARLY_CAP: _member_yearly_cap,
    Reason.KIND_YEARLY_CAP: _kind_yearly_cap,
    Reason.MALFORMED_QR: _malformed_qr,
    Reason.QR_EXPIRED: _qr_expired,
    Reason.REVOKED_QR: _revoked_qr,
}

CASES = [
    pytest.param(reason, via, id=f"{via}-{reason.value}")
    for reason in SCENARIOS
    for via in ("card", "qr")
    if not (via == "qr" and reason in CARD_ONLY)
    and not (via == "card" and reason in QR_ONLY)
]


def test_every_reason_has_a_scenario():
    assert set(SCENARIOS) == set(Reason) - NOT_FROM_A_SCAN


@pytest.mark.parametrize(("reason", "via"), CASES)
def test_reason_offline_from_local_database(sessions, store, reason, via):
    kit = make_kit(sessions, store)

    verdict = SCENARIOS[reason](kit, via)

    assert verdict.reason is reason, verdict.detail
    if reason is Reason.NO_EVENT:
        assert verdict.checkin_id is None  # nothing happened, nothing recorded
        return
    with kit.sessions() as s:
        row = s.get(CheckIn, verdict.checkin_id)
        assert row.verdict == reason.value
        assert row.source == via
        assert row.admitted is verdict.admitted
        assert not row.uploaded and row.seq is not None
    if via == "qr" and reason is Reason.MALFORMED_QR:
        assert "scan again" in verdict.detail


@pytest.mark.parametrize("online", [True, False], ids=["online", "offline"])
@pytest.mark.parametrize(("reason", "via"), CASES)
def test_reason_at_a_synced_station(sessions, store, tmp_path, reason, via, online):
    kit = make_kit(sessions, store)  # the office: what the server knows
    emulator = served(kit, tmp_path)
    desk = station(tmp_path, emulator, "desk-s")
    desks: list[OnlineDesk] = []

    def door(now=None, **_):  # noqa: ANN001, ANN202
        desks.append(OnlineDesk(kit, emulator, desk, online, now or NOW))
        return desks[-1]

    kit.door = door
    try:
        verdict = SCENARIOS[reason](kit, via)
    finally:
        emulator.stop()

    assert verdict.reason is reason, verdict.detail
    state = desk.states[-1]
    assert state.status == (ONLINE if online else OFFLINE)
    if reason is Reason.NO_EVENT:
        assert state.waiting == 0
        return
    held = emulator.store.get("checkins", (verdict.checkin_id,))
    with desk.sessions() as s:
        row = s.get(CheckIn, verdict.checkin_id)
        assert row.verdict == reason.value and row.source == via
        assert row.uploaded is online
    if online:
        assert state.waiting == 0
        assert held["verdict"] == reason.value
        assert held["admitted"] is verdict.admitted
        assert held["station"] == "desk-s"
    else:
        assert held is None
        assert state.waiting >= 1
