"""The encoding pipeline against the simulated chip, through nfcpy's code."""

from __future__ import annotations

import shutil

import pytest
from cardkit import SIM_KEYS, NoTap, add_member, blank, encode, pages, setup_desk, tap
from sqlalchemy import select

from memberdesk.nfc.cardmessage import decode_message
from memberdesk.nfc.cardread import read_full, read_message
from memberdesk.nfc.encoder import EncodeRefused
from memberdesk.nfc.sim.faults import Faults
from memberdesk.services import cardformat
from memberdesk.services.models import Card, CardJournal

CC_215 = bytes.fromhex("E1103E00")
CFG0_215 = 0x83


@pytest.fixture
def desk(sessions, store):
    return setup_desk(sessions, store)


def protected_state(raw: bytes, cfg0: int = CFG0_215) -> tuple[int, int]:
    return raw[cfg0 * 4 + 3], raw[(cfg0 + 1) * 4]


def test_encodes_a_blank_ntag215(desk, sessions, tmp_path):
    member = add_member(sessions)
    path = blank(tmp_path)

    result, card = encode(desk, member, path)

    raw = pages(path)
    assert raw[12:16] == CC_215  # the capability container is untouched
    auth0, access = protected_state(raw)
    assert auth0 == 0x03 and access & 0x07 == 0 and access & 0xC0 == 0
    pwd, pack = desk.password_for(result.uid)
    assert raw[0x85 * 4 : 0x86 * 4] == pwd  # the image keeps the real password
    assert raw[0x86 * 4 : 0x86 * 4 + 2] == pack
    assert result.chip == "NTAG215" and result.originality == "simulated"

    read, _ = tap(path, lambda tag: read_full(tag, SIM_KEYS))
    signed = decode_message(read.message)
    assert signed.payload.member_id == member
    with sessions() as s:
        row = s.scalar(select(Card))
        assert (row.status, row.uid) == ("active", result.uid.hex().upper())
        steps = [j.step for j in s.scalars(select(CardJournal))]
    assert steps == [
        "opened",
        "read",
        "writing",
        "written",
        "pwd",
        "pack",
        "protected",
        "done",
    ]


def test_phone_still_reads_the_link_first(desk, sessions, tmp_path):
    path = blank(tmp_path)
    encode(desk, add_member(sessions), path)
    records, _ = tap(path, lambda tag: list(tag.ndef.records))
    assert records[0].type == "urn:nfc:wkt:U"
    assert records[0].iri.startswith("https://m.memberdesk.example/c/")


def test_refuses_chips_by_name(desk, sessions, tmp_path, dumps):
    member = add_member(sessions)
    mikron = tmp_path / "ul21.nfc"
    shutil.copy(dumps / "ul21-mikron-nonxp-nosig-flipper-v3.nfc", mikron)
    locked = tmp_path / "locked.nfc"
    shutil.copy(dumps / "ntag213-pwd-auth0-04-prot-cfglck-flipper-v3.nfc", locked)

    with pytest.raises(EncodeRefused) as exc:
        encode(desk, member, mikron)
    assert exc.value.reason == "unsupported_chip" and "Mikron" in str(exc.value)

    with pytest.raises(EncodeRefused) as exc:
        encode(desk, member, locked)
    assert exc.value.reason == "locked_chip"


def test_foreign_card_needs_confirmation(desk, sessions, tmp_path, dumps):
    member = add_member(sessions)
    foreign = tmp_path / "foreign.nfc"
    shutil.copy(dumps / "ntag216-ndef-url-youtube-flipper-v2.nfc", foreign)
    before = foreign.read_bytes()

    with pytest.raises(EncodeRefused) as exc:
        encode(desk, member, foreign)
    assert exc.value.reason == "foreign_card" and "web link" in str(exc.value)
    assert foreign.read_bytes() == before  # nothing written

    result, _ = encode(desk, member, foreign, confirm=lambda q, t: True)
    assert result.chip == "NTAG216"
    assert pages(foreign)[12:16] == bytes.fromhex("E1106D00")


def test_other_members_card_is_not_overwritten_silently(desk, sessions, tmp_path):
    first, second = add_member(sessions, "李娜"), add_member(sessions, "张伟")
    path = blank(tmp_path)
    encode(desk, first, path)

    with pytest.raises(EncodeRefused) as exc:
        encode(desk, second, path)
    assert exc.value.reason == "card_of_other_member" and "李娜" in str(exc.value)

    # Confirmed: the protected chip is opened with its derived password, and
    # the card it held is revoked, so its member can be issued a new one.
    result, _ = encode(desk, second, path, confirm=lambda q, t: True)
    with sessions() as s:
        statuses = {c.member_id: c.status for c in s.scalars(select(Card))}
    assert statuses == {first: "revoked", second: "active"}
    from memberdesk.services.members import diamond_members_without_card

    with sessions() as s:
        assert first in [m.id for m in diamond_members_without_card(s)]
    read, _ = tap(path, read_message)
    assert decode_message(read.message).payload.member_id == second
    assert protected_state(pages(path))[0] == 0x03
    assert result.uid == read.uid


def test_ntag213_fits_and_too_small_is_refused(sessions, store, tmp_path):
    desk = setup_desk(sessions, store)
    path = blank(tmp_path, "ntag213")
    result, _ = encode(desk, add_member(sessions), path)
    assert result.chip == "NTAG213"

    long_host = setup_desk(
        sessions, store, card_host="a-much-longer-card-host.example.com"
    )
    with pytest.raises(EncodeRefused) as exc:
        encode(
            long_host,
            add_member(sessions, "赵敏"),
            blank(tmp_path, "ntag213", "small.json"),
        )
    assert exc.value.reason == "card_too_small"


def _count_commands(desk, sessions, tmp_path) -> int:
    _, card = encode(desk, add_member(sessions, "计数"), blank(tmp_path, name="c.json"))
    return card.command_count


def _is_valid_for(path, desk, member) -> bool:
    read, _ = tap(path, read_message)
    try:
        signed = decode_message(read.message or b"")
    except cardformat.CardFormatError:
        return False
    public = desk.issuer_keys().signing_key.public_key()
    return signed.payload.member_id == member and cardformat.verify(
        signed, read.uid, public
    )


@pytest.mark.parametrize("fault", ["pull", "torn"])
def test_pulled_away_at_every_command(sessions, store, tmp_path, fault):
    desk = setup_desk(sessions, store)
    total = _count_commands(desk, sessions, tmp_path)
    assert total > 40

    for n in range(0, total + 1):
        member = add_member(sessions, f"会员{n}")
        path = blank(tmp_path, name=f"{fault}-{n}.json")
        faults = Faults(pull_after=n) if fault == "pull" else Faults(torn_write_at=n)
        try:
            encode(desk, member, path, faults)
            finished = True
        except EncodeRefused as exc:
            assert exc.reason == "card_removed", (n, exc)
            finished = False
        except NoTap:
            finished = False  # gone during nfcpy's activation

        raw = pages(path)
        assert raw[12:16] == CC_215, n
        auth0, _ = protected_state(raw)
        valid = _is_valid_for(path, desk, member)
        if auth0 != 0xFF:
            assert valid, f"protected without a valid message after command {n}"
        if not finished:
            with sessions() as s:
                card = s.scalar(select(Card).where(Card.member_id == member))
                assert card.status == "encoding", n
            # One more tap of the same card resumes and finishes it.
            result, _ = encode(desk, member, path)
            assert _is_valid_for(path, desk, member), n
            assert protected_state(pages(path))[0] == 0x03, n
        with sessions() as s:
            card = s.scalar(select(Card).where(Card.member_id == member))
            assert card.status == "active", n


def test_a_nak_at_any_command_is_survived(desk, sessions, tmp_path):
    probe_card = blank(tmp_path, name="p.json")
    _, probe = encode(desk, add_member(sessions, "探针"), probe_card)
    total = probe.command_count
    for n in range(1, total + 1):
        member = add_member(sessions, f"会员{n}")
        path = blank(tmp_path, name=f"nak-{n}.json")
        try:
            encode(desk, member, path, Faults(nak_at={n}))
        except NoTap:
            continue  # nfcpy's activation gave up: nothing was written
        except EncodeRefused as exc:
            # Refused before writing (a NAK while identifying): tap again.
            assert exc.reason == "chip_refused", (n, exc)
            encode(desk, member, path)
        assert _is_valid_for(path, desk, member), n
        assert protected_state(pages(path))[0] == 0x03, n


def test_roles_and_audit_trail(desk, sessions, tmp_path):
    from actors import add_actor

    from memberdesk.services.audit import verify
    from memberdesk.services.models import AuditEntry
    from memberdesk.services.permissions import PermissionDenied

    first, second = add_member(sessions, "李娜"), add_member(sessions, "张伟")
    for role in ("door", "operator"):
        with pytest.raises(PermissionDenied):
            desk.prepare(first, add_actor(sessions, role))
    path = blank(tmp_path)
    encode(desk, first, path)
    encode(desk, second, path, confirm=lambda q, t: True)
    with sessions() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry))]
        assert verify(s).ok
    assert actions == [
        "card_opened",
        "card_encoded",
        "card_opened",
        "card_overwritten",
        "card_encoded",
        "card_revoked",
    ]
