"""nfcpy's own reader/writer code driving the simulated reader."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import ndef
import nfc
import nfc.clf
import pytest
from nfc.tag import tt2, tt2_nxp

from memberdesk.nfc.sim.card import SELECT
from memberdesk.nfc.sim.device import SimDevice, SimReader, open_sim_frontend
from memberdesk.nfc.sim.faults import Faults
from memberdesk.nfc.sim.image import load_image, new_blank_image, save_image

LOCKED = "ntag213-pwd-auth0-04-prot-cfglck-flipper-v3.nfc"
YOUTUBE = "ntag216-ndef-url-youtube-flipper-v2.nfc"
MIKRON = "ul21-mikron-nonxp-nosig-flipper-v3.nfc"


def dumps_dir() -> Path:
    shared = os.environ.get("MEMBERDESK_SHARED")
    base = (
        Path(shared)
        if shared
        else Path(__file__).resolve().parents[2].parent / "shared"
    )
    return base / "fixtures" / "dumps"


def copy_dump(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copy(dumps_dir() / name, tmp_path / name))


def tap(clf: nfc.ContactlessFrontend) -> nfc.tag.Tag | None:
    """One connect attempt: sense once and activate, no presence loop."""
    rounds = iter([False])
    return clf.connect(
        rdwr={"targets": ["106A"], "on-connect": lambda tag: False, "iterations": 1},
        terminate=lambda: next(rounds, True),
    )


@pytest.fixture
def reader() -> SimReader:
    return SimReader()


@pytest.fixture
def clf(reader: SimReader) -> Iterator[nfc.ContactlessFrontend]:
    frontend = open_sim_frontend(reader)
    yield frontend
    frontend.close()


@pytest.mark.parametrize(
    "name,cls",
    [
        ("ntag213-blank-factory-flipper-v2.nfc", tt2_nxp.NTAG213),
        (LOCKED, tt2_nxp.NTAG213),
        ("ntag216-blank-pm3-mfu.json", tt2_nxp.NTAG216),
        (YOUTUBE, tt2_nxp.NTAG216),
    ],
)
def test_fixture_dumps_activate_as_their_nfcpy_class(
    reader: SimReader, clf: nfc.ContactlessFrontend, name: str, cls: type
) -> None:
    reader.place(load_image(dumps_dir() / name))  # no write-back
    tag = tap(clf)
    assert type(tag) is cls
    assert bytes(tag.identifier) == reader.card.uid
    assert tag.signature == reader.card.image.signature
    # Activation: probe, NAK, re-sense, GET_VERSION.
    assert reader.card.commands[:4] == [SELECT, b"\x1a\x00", SELECT, b"\x60"]


@pytest.mark.parametrize(
    "chip,cls",
    [
        ("ntag213", tt2_nxp.NTAG213),
        ("ntag215", tt2_nxp.NTAG215),
        ("ntag216", tt2_nxp.NTAG216),
    ],
)
def test_blank_images_activate_and_read_empty_ndef(
    reader: SimReader, clf: nfc.ContactlessFrontend, chip: str, cls: type
) -> None:
    reader.place(new_blank_image(chip))
    tag = tap(clf)
    assert type(tag) is cls
    assert tag.ndef is not None and tag.ndef.records == []
    assert tag.ndef.is_writeable


def test_youtube_dump_reads_a_uri_record(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    reader.place(load_image(dumps_dir() / YOUTUBE))  # no write-back
    tag = tap(clf)
    records = tag.ndef.records
    assert len(records) == 1 and isinstance(records[0], ndef.UriRecord)
    assert records[0].iri.startswith("https://m.youtube.com/watch?v=")


def test_non_nxp_lookalike_is_a_plain_type2_tag(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    reader.place(load_image(dumps_dir() / MIKRON))  # no write-back
    tag = tap(clf)
    assert type(tag) is tt2.Type2Tag
    assert tag.ndef is None
    assert bytes(tag.read(0)) == reader.card.image.pages[0:16]
    assert SELECT not in reader.card.commands[1:]  # no probes for a non-NXP UID


def test_locked_dump_refuses_writes_until_pwd_auth(
    reader: SimReader, clf: nfc.ContactlessFrontend, tmp_path: Path
) -> None:
    path = copy_dump(LOCKED, tmp_path)
    image = load_image(path)
    password = image.page(43) + image.page(44)[:2]
    reader.place(path)
    tag = tap(clf)
    assert bytes(tag.read(2)) == image.pages[8:16] + image.pages[0:8]  # PROT wrap
    with pytest.raises(tt2.Type2TagCommandError):
        tag.write(5, b"\x01\x02\x03\x04")
    # nfcpy does not re-sense after a WRITE NAK, so the chip stays deaf.
    with pytest.raises(tt2.Type2TagCommandError):
        tag.read(0)

    tag = tap(clf)
    assert not tag.authenticate(b"\x00\x00\x00\x00\x00\x00")
    tag = tap(clf)
    assert tag.authenticate(password)
    assert tag.write(5, b"\x01\x02\x03\x04")
    assert bytes(tag.read(4)[4:8]) == b"\x01\x02\x03\x04"
    assert bytes(tag.read(0x2B)[:8]) == bytes(8)  # PWD, PACK read as zeros
    reader.remove()
    assert load_image(path).page(5) == b"\x01\x02\x03\x04"


def test_ndef_written_on_one_tap_is_read_on_the_next(
    reader: SimReader, clf: nfc.ContactlessFrontend, tmp_path: Path
) -> None:
    path = tmp_path / "member.json"
    save_image(new_blank_image("ntag215"), path)
    records = [ndef.UriRecord("https://example.org/m/42"), ndef.TextRecord("hi")]

    reader.place(path)
    tag = tap(clf)
    tag.ndef.records = records
    reader.remove()

    reader.place(path)
    tag = tap(clf)
    assert type(tag) is tt2_nxp.NTAG215
    assert tag.ndef.records == records
    assert bytes(tag.read(3)[:4]) == bytes.fromhex("E1103E00")
    reader.remove()
    assert load_image(path).page(4)[0] == 0x03  # NDEF TLV on disk


def test_nfcpy_protect_takes_effect_after_its_resense(
    reader: SimReader, clf: nfc.ContactlessFrontend, tmp_path: Path
) -> None:
    path = tmp_path / "card.nfc"
    save_image(new_blank_image("ntag213", fmt="flipper"), path)
    reader.place(path)
    tag = tap(clf)
    assert tag.protect(b"s3cr3t", protect_from=4)
    reader.remove()

    reader.place(path)
    tag = tap(clf)
    with pytest.raises(tt2.Type2TagCommandError):
        tag.write(4, b"\x00\x00\x00\x00")
    tag = tap(clf)
    assert tag.authenticate(b"s3cr3t")
    assert tag.write(4, b"\x03\x00\xfe\x00")
    reader.remove()
    image = load_image(path)
    assert image.page(41)[3] == 4 and image.page(43) == b"s3cr"
    assert image.page(3) == bytes.fromhex("E1101200")  # CC untouched


def test_nak_leaves_the_chip_deaf_until_resensed(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    reader.place(new_blank_image("ntag213"))
    target = clf.sense(nfc.clf.RemoteTarget("106A"))
    assert clf.exchange(b"\x30\x2d", 0.005) == b"\x00"
    with pytest.raises(nfc.clf.TimeoutError):
        clf.exchange(b"\x30\x00", 0.005)
    target.sel_req = target.sdd_res
    assert clf.sense(target) is not None
    assert len(clf.exchange(b"\x30\x00", 0.005)) == 16


def test_sensing_an_empty_reader_finds_nothing(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    assert clf.sense(nfc.clf.RemoteTarget("106A")) is None
    reader.place(new_blank_image("ntag213"))
    reader.remove()
    assert clf.sense(nfc.clf.RemoteTarget("106A")) is None
    with pytest.raises(nfc.clf.UnsupportedTargetError):
        clf.sense(nfc.clf.RemoteTarget("212F"))


def test_device_identity_and_sizes(reader: SimReader) -> None:
    clf = open_sim_frontend(reader, max_recv=251)
    assert isinstance(clf.device, SimDevice)
    assert "Simulated reader" in str(clf.device)
    assert clf.device.path == "sim"
    assert clf.max_recv_data_size == 251
    reader.place(new_blank_image("ntag216"))
    tag = tap(clf)
    assert type(tag) is tt2_nxp.NTAG216
    with pytest.raises(nfc.clf.TransmissionError):
        clf.exchange(b"\x3a\x00\x3e", 0.01)  # 252 bytes: more than the reader takes


def test_slow_get_version_turns_an_ntag_into_an_ultralight(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    # Command 1 is nfcpy's 1A probe, command 2 its GET_VERSION.
    reader.place(new_blank_image("ntag215"), Faults(late_at={2}))
    assert type(tap(clf)) is tt2_nxp.MifareUltralight


def test_card_pulled_mid_write_is_written_back_torn(
    reader: SimReader, clf: nfc.ContactlessFrontend, tmp_path: Path
) -> None:
    uid = bytes.fromhex("04112233445566")
    records = [ndef.TextRecord("x" * 40)]

    def numbered(commands: list[bytes]) -> list[bytes]:
        return [c for c in commands[commands.index(SELECT) + 1 :] if c != SELECT]

    # A dry run on the same card finds the number of the second WRITE.
    reader.place(new_blank_image("ntag213", uid=uid))
    tap(clf).ndef.records = records
    frames = numbered(reader.remove().commands)
    writes = [n for n, f in enumerate(frames, 1) if f[0] == 0xA2]
    torn_at = writes[1]
    frame = frames[torn_at - 1]

    path = tmp_path / "card.json"
    save_image(new_blank_image("ntag213", uid=uid), path)
    old = load_image(path).page(frame[1])
    reader.place(path, Faults(torn_write_at=torn_at))
    tag = tap(clf)
    with pytest.raises(tt2.Type2TagCommandError):
        tag.ndef.records = records
    assert not tag.is_present
    assert tap(clf) is None
    assert numbered(reader.card.commands)[torn_at - 1] == frame
    reader.remove()
    torn = load_image(path).page(frame[1])
    assert torn == frame[2:4] + old[2:4] and torn != frame[2:6]


def test_commands_from_select_for_a_plain_read(
    reader: SimReader, clf: nfc.ContactlessFrontend
) -> None:
    reader.place(new_blank_image("ntag213"))
    tag = tap(clf)
    before = len(reader.card.commands_since_select())
    tag.read(8)
    assert len(reader.card.commands_since_select()) == before + 1
    assert reader.card.air_time_us > 0


def test_place_and_remove_while_another_thread_senses(reader: SimReader) -> None:
    clf = open_sim_frontend(reader)
    errors: list[BaseException] = []
    stop = threading.Event()

    def sense_loop() -> None:
        try:
            while not stop.is_set():
                target = clf.sense(nfc.clf.RemoteTarget("106A"))
                if target is not None:
                    try:
                        clf.exchange(b"\x30\x00", 0.005)
                    except nfc.clf.TimeoutError:
                        pass  # the card was just taken off
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=sense_loop)
    worker.start()
    try:
        for _ in range(200):
            reader.place(new_blank_image("ntag213"))
            reader.remove()
    finally:
        stop.set()
        worker.join()
    assert errors == []
