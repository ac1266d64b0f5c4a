"""The chip model and fault injection, driven frame by frame."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from memberdesk.nfc.sim.card import SELECT, VirtualCard
from memberdesk.nfc.sim.chip import ACK, NAK, Ntag21xChip, State
from memberdesk.nfc.sim.faults import Faults
from memberdesk.nfc.sim.image import ChipImage, load_image, new_blank_image

UID = bytes.fromhex("04A1B2C3D4E5F6")
T = 0.005  # reader timeout passed along with each frame


def dumps_dir() -> Path:
    shared = os.environ.get("MEMBERDESK_SHARED")
    base = (
        Path(shared)
        if shared
        else Path(__file__).resolve().parents[2].parent / "shared"
    )
    return base / "fixtures" / "dumps"


def fixture(name: str) -> ChipImage:
    return load_image(dumps_dir() / name)


def powered(image: ChipImage) -> Ntag21xChip:
    chip = Ntag21xChip(image)
    assert chip.select(image.uid)
    return chip


def cycle(chip: Ntag21xChip) -> None:
    chip.power_off()
    assert chip.select(chip.image.uid)


def read(chip: Ntag21xChip, page: int) -> bytes | None:
    return chip.exchange(bytes([0x30, page]))


def write(chip: Ntag21xChip, page: int, data: bytes) -> bytes | None:
    return chip.exchange(bytes([0xA2, page]) + data)


def auth(chip: Ntag21xChip, pwd: bytes) -> bytes | None:
    return chip.exchange(b"\x1b" + pwd)


@pytest.fixture
def ntag213() -> Ntag21xChip:
    return powered(new_blank_image("ntag213", uid=UID))


@pytest.fixture
def locked() -> Ntag21xChip:
    return powered(fixture("ntag213-pwd-auth0-04-prot-cfglck-flipper-v3.nfc"))


LOCKED_PWD = bytes.fromhex("953F52FF")


# -- identification ---------------------------------------------------------


def test_get_version_and_signature(ntag213: Ntag21xChip) -> None:
    assert ntag213.exchange(b"\x60") == bytes.fromhex("0004040201000F03")
    assert ntag213.exchange(b"\x3c\x00") == ntag213.image.signature


def test_ultralight_c_probe_gets_nak_and_idle(ntag213: Ntag21xChip) -> None:
    assert ntag213.exchange(b"\x1a\x00") == NAK
    assert ntag213.state is State.IDLE
    assert read(ntag213, 0) is None


def test_select_matches_uid_only(ntag213: Ntag21xChip) -> None:
    ntag213.power_off()
    assert not ntag213.select(b"\x04\x00\x00\x00\x00\x00\x00")
    assert ntag213.select(None)


# -- reading ----------------------------------------------------------------


def test_pwd_and_pack_read_as_zeros(locked: Ntag21xChip) -> None:
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert read(locked, 41) == bytes.fromhex("04000004 C0050000") + bytes(8)
    assert locked.exchange(b"\x3a\x2b\x2c") == bytes(8)
    assert locked.image.page(43) == LOCKED_PWD  # the image keeps the real one


def test_read_wraps_at_end_of_memory(ntag213: Ntag21xChip) -> None:
    image = ntag213.image
    assert read(ntag213, 0x2A) == image.page(0x2A) + bytes(8) + image.page(0)
    assert read(ntag213, 0x2C) == bytes(4) + image.pages[0:12]


def test_read_past_last_page_is_nak_then_silence_until_reselect(
    ntag213: Ntag21xChip,
) -> None:
    assert read(ntag213, 45) == NAK
    assert read(ntag213, 0) is None
    assert ntag213.exchange(b"\x60") is None
    assert ntag213.select(UID)
    assert read(ntag213, 0) == ntag213.image.pages[0:16]


@pytest.mark.parametrize("start,end", [(5, 4), (0, 45), (44, 45), (0xFF, 0xFF)])
def test_fast_read_bounds_nak(ntag213: Ntag21xChip, start: int, end: int) -> None:
    assert ntag213.exchange(bytes([0x3A, start, end])) == NAK
    assert ntag213.state is State.IDLE


def test_fast_read_whole_memory(ntag213: Ntag21xChip) -> None:
    data = ntag213.exchange(b"\x3a\x00\x2c")
    assert data == ntag213.image.pages[:-8] + bytes(8)
    assert ntag213.exchange(b"\x3a\x04\x04") == ntag213.image.page(4)


def test_prot_read_rules(locked: Ntag21xChip) -> None:
    image = locked.image
    # AUTH0 = 04 with PROT: reads wrap to page 0 at AUTH0.
    assert read(locked, 2) == image.page(2) + image.page(3) + image.pages[0:8]
    assert read(locked, 4) == NAK
    locked.select(image.uid)
    assert locked.exchange(b"\x3a\x00\x03") == image.pages[0:16]
    assert locked.exchange(b"\x3a\x00\x04") == NAK
    locked.select(image.uid)
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert read(locked, 4) == image.pages[16:32]


# -- writing ----------------------------------------------------------------


@pytest.mark.parametrize("page", [0, 1, 45, 0xFF])
def test_write_outside_user_range_is_nak(ntag213: Ntag21xChip, page: int) -> None:
    before = bytes(ntag213.image.pages)
    assert write(ntag213, page, b"\x11\x22\x33\x44") == NAK
    assert bytes(ntag213.image.pages) == before
    assert ntag213.state is State.IDLE


def test_write_page2_ors_lock_bytes_and_ignores_the_rest(ntag213: Ntag21xChip) -> None:
    before = ntag213.image.page(2)
    assert write(ntag213, 2, b"\xff\xff\x10\x00") == ACK
    assert write(ntag213, 2, b"\x00\x00\x00\x01") == ACK
    assert ntag213.image.page(2) == before[:2] + b"\x10\x01"
    # Lock bit 4 locks page 4 at once; bit 8 (LOCK1 bit 0) locks page 8.
    assert write(ntag213, 4, b"\x01\x02\x03\x04") == NAK
    assert ntag213.select(UID)
    assert write(ntag213, 8, b"\x01\x02\x03\x04") == NAK
    assert ntag213.select(UID)
    assert write(ntag213, 5, b"\x01\x02\x03\x04") == ACK


def test_block_lock_bits_freeze_static_lock_bits(ntag213: Ntag21xChip) -> None:
    assert write(ntag213, 2, b"\x00\x00\x02\x00") == ACK  # freezes bits for p4-9
    assert write(ntag213, 2, b"\x00\x00\x10\x00") == ACK
    assert ntag213.image.page(2)[2:] == b"\x02\x00"
    assert write(ntag213, 4, b"\x01\x02\x03\x04") == ACK


def test_cc_is_one_time_programmable(ntag213: Ntag21xChip) -> None:
    assert write(ntag213, 3, b"\x00\x00\x00\x0f") == ACK
    assert write(ntag213, 3, b"\x00\x00\x00\x00") == ACK
    assert ntag213.image.page(3) == bytes.fromhex("E110120F")


def test_dynamic_lock_bits(ntag213: Ntag21xChip) -> None:
    # NTAG213: one bit per 2 pages from page 16; byte 3 stays BD.
    assert write(ntag213, 40, b"\x02\x00\x00\x00") == ACK
    assert ntag213.image.page(40) == bytes.fromhex("020000BD")
    assert write(ntag213, 17, b"\x01\x02\x03\x04") == ACK
    assert write(ntag213, 18, b"\x01\x02\x03\x04") == NAK
    ntag213.select(UID)
    assert write(ntag213, 19, b"\x01\x02\x03\x04") == NAK
    ntag213.select(UID)
    assert write(ntag213, 20, b"\x01\x02\x03\x04") == ACK
    # Byte 2 bit 2 freezes the lock bits of pages 24-27 (bits 4-5).
    assert write(ntag213, 40, b"\x00\x00\x04\xff") == ACK
    assert write(ntag213, 40, b"\xf0\x00\x00\x00") == ACK
    assert ntag213.image.page(40) == bytes.fromhex("C20004BD")


def test_dynamic_lock_granularity_on_ntag215() -> None:
    chip = powered(new_blank_image("ntag215", uid=UID))
    assert write(chip, 130, b"\x01\x00\x00\x00") == ACK
    assert write(chip, 31, b"\x01\x02\x03\x04") == NAK
    chip.select(UID)
    assert write(chip, 32, b"\x01\x02\x03\x04") == ACK


def test_comp_write_stores_first_four_bytes(ntag213: Ntag21xChip) -> None:
    assert ntag213.exchange(b"\xa0\x06") == ACK
    assert ntag213.exchange(bytes(range(1, 17))) == ACK
    assert ntag213.image.page(6) == b"\x01\x02\x03\x04"
    assert ntag213.exchange(b"\xa0\x00") == NAK


def test_unknown_command_is_nak_and_clears_authentication(
    locked: Ntag21xChip,
) -> None:
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert locked.authenticated
    assert locked.exchange(b"\x42") == NAK
    assert locked.select(locked.image.uid)
    assert not locked.authenticated
    assert write(locked, 5, b"\x01\x02\x03\x04") == NAK


# -- password, AUTH0 and ACCESS ---------------------------------------------


def test_auth0_takes_effect_after_power_cycle(ntag213: Ntag21xChip) -> None:
    assert write(ntag213, 43, b"\x12\x34\x56\x78") == ACK
    assert write(ntag213, 44, b"\xab\xcd\x00\x00") == ACK
    assert write(ntag213, 41, b"\x04\x00\x00\x10") == ACK
    assert write(ntag213, 0x10, b"\x01\x02\x03\x04") == ACK  # still latched FF
    cycle(ntag213)
    assert write(ntag213, 0x10, b"\x05\x06\x07\x08") == NAK
    ntag213.select(UID)
    assert write(ntag213, 0x0F, b"\x05\x06\x07\x08") == ACK
    assert read(ntag213, 0x10)[:4] == b"\x01\x02\x03\x04"  # PROT 0: reads free
    assert auth(ntag213, b"\xff\xff\xff\xff") == NAK
    ntag213.select(UID)
    assert auth(ntag213, b"\x12\x34\x56\x78") == b"\xab\xcd"
    assert write(ntag213, 0x10, b"\x05\x06\x07\x08") == ACK


def test_blank_chip_accepts_factory_password(ntag213: Ntag21xChip) -> None:
    assert auth(ntag213, b"\xff\xff\xff\xff") == b"\x00\x00"


def test_cfglck_freezes_config_but_not_password(locked: Ntag21xChip) -> None:
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert write(locked, 41, b"\x04\x00\x00\xff") == NAK
    locked.select(locked.image.uid)
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert write(locked, 42, b"\x00\x05\x00\x00") == NAK
    locked.select(locked.image.uid)
    assert auth(locked, LOCKED_PWD) == b"\x00\x00"
    assert write(locked, 43, b"\x01\x02\x03\x04") == ACK


def test_authlim_counts_failures_until_locked_for_good(ntag213: Ntag21xChip) -> None:
    assert write(ntag213, 42, b"\x02\x05\x00\x00") == ACK  # AUTHLIM 2
    cycle(ntag213)
    assert auth(ntag213, b"\x00\x00\x00\x00") == NAK
    assert ntag213.image.auth_failures == 1
    ntag213.select(UID)
    assert auth(ntag213, b"\xff\xff\xff\xff") == b"\x00\x00"  # resets the count
    assert ntag213.image.auth_failures == 0
    for _ in range(2):
        ntag213.select(UID)
        assert auth(ntag213, b"\x00\x00\x00\x00") == NAK
    ntag213.select(UID)
    assert auth(ntag213, b"\xff\xff\xff\xff") == b"\x04"
    # The count lives in the image, so another tap does not help.
    again = powered(ntag213.image)
    assert auth(again, b"\xff\xff\xff\xff") == b"\x04"


def test_no_authlim_means_unlimited_tries(ntag213: Ntag21xChip) -> None:
    for _ in range(10):
        assert auth(ntag213, b"\x00\x00\x00\x00") == NAK
        ntag213.select(UID)
    assert ntag213.image.auth_failures == 0
    assert auth(ntag213, b"\xff\xff\xff\xff") == b"\x00\x00"


def test_nfc_counter(ntag213: Ntag21xChip) -> None:
    assert ntag213.exchange(b"\x39\x02") == NAK  # counter off
    ntag213.select(UID)
    assert write(ntag213, 42, b"\x18\x05\x00\x00") == ACK  # NFC_CNT_EN + PWD_PROT
    cycle(ntag213)
    assert ntag213.exchange(b"\x3a\x00\x00")
    assert read(ntag213, 4)
    assert ntag213.image.counters[2] == 1
    assert ntag213.exchange(b"\x39\x02") == NAK  # password protected
    ntag213.select(UID)
    assert auth(ntag213, b"\xff\xff\xff\xff")
    assert ntag213.exchange(b"\x39\x02") == b"\x01\x00\x00"
    cycle(ntag213)
    read(ntag213, 0)
    assert ntag213.image.counters[2] == 2
    ntag213.image.counters[2] = 0xFFFFFF
    cycle(ntag213)
    read(ntag213, 0)
    assert ntag213.image.counters[2] == 0xFFFFFF


def test_halt_needs_wupa() -> None:
    card = VirtualCard(new_blank_image("ntag213", uid=UID))
    assert card.select(UID)
    assert card.exchange(b"\x50\x00", T) is None
    assert card.exchange(b"\x30\x00", T) is None
    assert not card.select(UID)
    assert card.select(UID, wakeup=True)
    assert card.exchange(b"\x42", T) == NAK
    assert not card.select(UID)  # a NAK sends a woken chip back to HALT
    card.power_off()
    assert card.select(UID)


def test_ultralight_lookalike() -> None:
    chip = powered(fixture("ul21-mikron-nonxp-nosig-flipper-v3.nfc"))
    image = chip.image
    assert chip.exchange(b"\x60") == bytes.fromhex("0034210101000E03")
    assert chip.exchange(b"\x3c\x00") == bytes(32)
    assert read(chip, 0) == image.pages[0:16]
    assert read(chip, 39) == bytes(8) + image.pages[0:8]  # PWD, PACK, wrap
    assert read(chip, 41) == NAK
    chip.select(image.uid)
    assert write(chip, 8, b"\x01\x02\x03\x04") == ACK
    assert write(chip, 3, b"\x00\x00\x00\x00") == ACK  # OTP stays all ones
    assert image.page(3) == bytes.fromhex("FFFFFFFC")


# -- faults -----------------------------------------------------------------


def blank_card(faults: Faults) -> VirtualCard:
    return VirtualCard(new_blank_image("ntag213", uid=UID), faults)


def test_pull_after_counts_from_the_first_select() -> None:
    card = blank_card(Faults(pull_after=2))
    assert card.exchange(b"\x30\x00", T) is None  # before any select: not counted
    assert card.select(UID)
    assert card.exchange(b"\x60", T)
    assert card.select(UID)  # a reselect does not restart the count
    assert card.exchange(b"\x30\x00", T)
    assert card.command_count == 2 and card.gone
    assert card.exchange(b"\x30\x00", T) is None
    assert not card.select(UID)
    assert card.commands == [
        b"\x30\x00",
        SELECT,
        b"\x60",
        SELECT,
        b"\x30\x00",
        b"\x30\x00",
    ]


def test_pull_after_zero_leaves_right_after_select() -> None:
    card = blank_card(Faults(pull_after=0))
    assert card.select(UID)
    assert card.exchange(b"\x60", T) is None
    assert not card.select(UID)


def test_torn_write_stores_half_a_page_and_leaves() -> None:
    card = blank_card(Faults(torn_write_at=2))
    assert card.select(UID)
    assert card.exchange(b"\xa2\x04\x11\x22\x33\x44", T) == ACK
    assert card.exchange(b"\xa2\x05\x55\x66\x77\x88", T) is None
    assert card.image.page(4) == b"\x11\x22\x33\x44"
    assert card.image.page(5) == b"\x55\x66\x00\xfe"  # was 34 03 00 FE
    assert card.gone and not card.select(UID)


def test_torn_write_on_another_command_does_nothing() -> None:
    card = blank_card(Faults(torn_write_at=1))
    assert card.select(UID)
    assert card.exchange(b"\x30\x00", T) == card.image.pages[0:16]
    assert not card.gone


def test_nak_fault_answers_nak_without_executing() -> None:
    card = blank_card(Faults(nak_at={1}))
    assert card.select(UID)
    assert card.exchange(b"\xa2\x04\x11\x22\x33\x44", T) == NAK
    assert card.image.page(4) == bytes.fromhex("0103A00C")
    assert card.exchange(b"\x30\x04", T) is None  # IDLE until reselected
    assert card.select(UID)
    assert card.exchange(b"\x30\x04", T)[:4] == bytes.fromhex("0103A00C")


def test_late_answer_is_lost_but_the_command_ran() -> None:
    card = blank_card(Faults(late_at={1, 3}))
    assert card.select(UID)
    assert card.exchange(b"\xa2\x04\x11\x22\x33\x44", T) is None
    assert card.image.page(4) == b"\x11\x22\x33\x44"
    assert card.exchange(b"\x1b\xff\xff\xff\xff", T) == b"\x00\x00"
    assert card.exchange(b"\x30\x00", T) is None
    assert card.chip.authenticated  # state kept
    assert card.exchange(b"\x30\x00", T) == card.image.pages[0:16]


def test_faults_are_deterministic() -> None:
    def run() -> tuple[list[bytes | None], bytes]:
        card = blank_card(Faults(nak_at={2}, late_at={3}, pull_after=5))
        card.select(UID)
        out = []
        for page in range(4, 11):
            out.append(card.exchange(bytes([0xA2, page, page, 0, 0, page]), T))
            if out[-1] == NAK:
                card.select(UID)
        return out, bytes(card.image.pages)

    assert run() == run()
    replies, _ = run()
    assert replies == [ACK, NAK, None, ACK, ACK, None, None]


def test_air_time_model() -> None:
    card = blank_card(Faults())
    card.select(UID)
    card.exchange(b"\x30\x00", T)
    assert card.air_time_us == pytest.approx(2003, abs=10)
    card.air_time_us = 0
    card.exchange(b"\xa2\x04\x01\x02\x03\x04", T)
    assert card.air_time_us == pytest.approx(4952, abs=60)
    for frame, expected in [
        (b"\x60", 283 + 87 + 868),
        (b"\x1b\xff\xff\xff\xff", 623 + 87 + 359),
        (b"\x3c\x00", 368 + 87 + 2907),
        (b"\x3a\x00\x0e", 453 + 87 + (36 * 15 + 20) * 128 / 13.56),
    ]:
        card.air_time_us = 0
        assert card.exchange(frame, T)
        assert card.air_time_us == pytest.approx(expected, abs=5)
    card.air_time_us = 0
    card.exchange(b"\x42", T)  # NAK, then silence costs the timeout
    card.exchange(b"\x30\x00", T)
    assert card.air_time_us > T * 1e6
