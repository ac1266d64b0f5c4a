"""Recycling handed-back cards, pulled away at every command."""

from __future__ import annotations

import pytest
from cardkit import NoTap, add_member, blank, encode, pages, setup_desk, tap
from sqlalchemy import select

from memberdesk.nfc.encoder import EncodeRefused
from memberdesk.nfc.ntag import NtagLink
from memberdesk.nfc.recycle import Recycler
from memberdesk.nfc.sim.faults import Faults
from memberdesk.services.cardlife import CardLife, CardLifeRefused
from memberdesk.services.models import AuditEntry, CardJournal

CFG0 = {"ntag215": 0x83, "ntag213": 0x29, "ntag216": 0xE3}
BLANK_AT_4 = {"ntag215": "0300FE00", "ntag213": "0103A00C3403", "ntag216": "0300FE00"}


@pytest.fixture
def desk(sessions, store):
    return setup_desk(sessions, store)


def recycle(desk, life, path, faults=None):
    recycler = Recycler(life, desk.test_actor, desk.passwords_to_try)
    return tap(path, lambda tag: recycler.recycle(NtagLink(tag)), faults)


def is_factory(path, chip: str) -> bool:
    raw = pages(path)
    cfg0 = CFG0[chip]
    want = bytes.fromhex(BLANK_AT_4[chip])
    return (
        raw[16 : 16 + len(want)] == want
        and raw[cfg0 * 4 + 3] == 0xFF
        and raw[(cfg0 + 2) * 4 : (cfg0 + 3) * 4] == b"\xff\xff\xff\xff"
        and raw[(cfg0 + 3) * 4 : (cfg0 + 4) * 4] == bytes(4)
        and raw[12:16]
        in (
            bytes.fromhex("E1103E00"),
            bytes.fromhex("E1101200"),
            bytes.fromhex("E1106D00"),
        )
    )


@pytest.mark.parametrize("chip", ["ntag215", "ntag213", "ntag216"])
def test_a_revoked_card_is_wiped_for_reuse(desk, sessions, tmp_path, chip):
    life = CardLife(sessions)
    member = add_member(sessions)
    path = blank(tmp_path, chip)
    cc = pages(path)[12:16]
    encode(desk, member, path)

    with pytest.raises(CardLifeRefused) as exc:
        recycle(desk, life, path)
    assert exc.value.reason == "card_in_use"

    life.revoke(member, desk.test_actor, "left_programme")
    result, _ = recycle(desk, life, path)
    assert result.chip == chip.upper()
    assert is_factory(path, chip) and pages(path)[12:16] == cc
    with sessions() as s:
        steps = s.scalars(select(CardJournal.step)).all()
        actions = s.scalars(select(AuditEntry.action)).all()
    assert steps[-4:] == [
        "recycle_opened",
        "recycle_blanked",
        "recycle_unkeyed",
        "recycled",
    ]
    assert actions[-1] == "card_recycled"

    # The chip takes a new card like a blank one.
    other = add_member(sessions, "李娜")
    again, _ = encode(desk, other, path)
    assert again.uid == result.uid


@pytest.mark.parametrize("fault", ["pull", "nak", "torn"])
def test_recycling_survives_a_fault_at_every_command(desk, sessions, tmp_path, fault):
    life = CardLife(sessions)
    member = add_member(sessions)
    probe = blank(tmp_path, name="probe.json")
    encode(desk, member, probe)
    life.revoke(member, desk.test_actor)
    _, card = recycle(desk, life, probe)
    total = card.command_count

    for n in range(total + 1):
        person = add_member(sessions, f"{fault}{n}")
        path = blank(tmp_path, name=f"{fault}{n}.json")
        encode(desk, person, path)
        life.revoke(person, desk.test_actor)
        faults = {
            "pull": Faults(pull_after=n),
            "nak": Faults(nak_at={n}),
            "torn": Faults(torn_write_at=n),
        }[fault]
        try:
            recycle(desk, life, path, faults)
        except EncodeRefused as exc:
            assert exc.reason in ("card_removed", "unsupported_chip"), (n, exc)
        except NoTap:
            pass
        raw = pages(path)
        auth0 = raw[CFG0["ntag215"] * 4 + 3]
        if auth0 != 0xFF:
            # Still protected: the old (revoked) message must still be whole.
            assert raw[16] == 0x03 and raw[17] > 0, n
        recycle(desk, life, path)  # one more tap finishes it
        assert is_factory(path, "ntag215"), n


def test_foreign_and_blank_chips_are_left_alone(desk, sessions, tmp_path, dumps):
    import shutil

    life = CardLife(sessions)
    foreign = tmp_path / "foreign.nfc"
    shutil.copy(dumps / "ntag216-ndef-url-youtube-flipper-v2.nfc", foreign)
    before = foreign.read_bytes()
    with pytest.raises(EncodeRefused) as exc:
        recycle(desk, life, foreign)
    assert exc.value.reason == "unknown_card" and foreign.read_bytes() == before

    fresh = blank(tmp_path)
    result, _ = recycle(desk, life, fresh)
    assert result.card_number is None and is_factory(fresh, "ntag215")
