"""Memory images: fixture round trips, blank cards, malformed files, signatures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import ecdsa
import pytest
from ecdsa.util import sigdecode_string

from memberdesk.nfc.sim.image import (
    SIMULATOR_ORIGINALITY_PUBLIC_KEY,
    ChipImage,
    ImageFormatError,
    load_image,
    new_blank_image,
    save_image,
)

NXP_NTAG21X_KEY = bytes.fromhex(
    "04494E1A386D3D3CFE3DC10E5DE68A499B1C202DB5B132393E89ED19FE5BE8BC61"
)


def dumps_dir() -> Path:
    shared = os.environ.get("MEMBERDESK_SHARED")
    base = (
        Path(shared)
        if shared
        else Path(__file__).resolve().parents[2].parent / "shared"
    )
    return base / "fixtures" / "dumps"


DUMPS = sorted(p for p in dumps_dir().glob("*") if p.suffix in (".nfc", ".json"))
NXP_DUMPS = [p for p in DUMPS if not p.name.startswith("ul21-mikron")]


def verifies(public_key: bytes, uid: bytes, signature: bytes) -> bool:
    key = ecdsa.VerifyingKey.from_string(public_key, curve=ecdsa.SECP128r1)
    try:
        return key.verify_digest(signature, uid, sigdecode=sigdecode_string)
    except ecdsa.BadSignatureError:
        return False


def test_fixtures_are_present() -> None:
    assert len(DUMPS) == 5


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.name)
def test_fixture_round_trip_is_byte_identical(dump: Path, tmp_path: Path) -> None:
    image = load_image(dump)
    out = tmp_path / dump.name
    save_image(image, out)
    again = load_image(out)
    assert again == image
    assert (again.fmt, again.fmt_version) == (image.fmt, image.fmt_version)
    assert out.read_bytes() == dump.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [dump.name]  # no temp left


def test_fixture_contents() -> None:
    by_name = {p.name: load_image(p) for p in DUMPS}
    expected = {
        "ntag213-blank-factory-flipper-v2.nfc": ("NTAG213", "flipper", 2, 45),
        "ntag213-pwd-auth0-04-prot-cfglck-flipper-v3.nfc": (
            "NTAG213",
            "flipper",
            3,
            45,
        ),
        "ntag216-blank-pm3-mfu.json": ("NTAG216", "pm3-json", 0, 231),
        "ntag216-ndef-url-youtube-flipper-v2.nfc": ("NTAG216", "flipper", 2, 231),
        "ul21-mikron-nonxp-nosig-flipper-v3.nfc": (
            "Mifare Ultralight 21",
            "flipper",
            3,
            41,
        ),
    }
    for name, (chip, fmt, version, pages) in expected.items():
        image = by_name[name]
        assert (image.chip_name, image.fmt, image.fmt_version) == (chip, fmt, version)
        assert image.page_count == pages
        assert image.atqa == b"\x00\x44"  # v2 files store it reversed
    locked = by_name["ntag213-pwd-auth0-04-prot-cfglck-flipper-v3.nfc"]
    assert locked.page(41) == bytes.fromhex("04000004")
    assert locked.page(43) == bytes.fromhex("953F52FF")
    assert by_name["ul21-mikron-nonxp-nosig-flipper-v3.nfc"].uid[0] == 0x34


def test_changed_image_is_written_in_its_own_format(tmp_path: Path) -> None:
    for dump in DUMPS:
        image = load_image(dump)
        image.pages[4 * 6 : 4 * 7] = b"\xde\xad\xbe\xef"
        image.counters[2] = 0x010203
        image.auth_failures = 2
        out = tmp_path / dump.name
        save_image(image, out)
        again = load_image(out)
        assert again.page(6) == b"\xde\xad\xbe\xef"
        assert again.counters[2] == 0x010203
        assert (again.fmt, again.fmt_version) == (image.fmt, image.fmt_version)
        text = out.read_text()
        if image.fmt == "flipper":
            assert "Page 6: DE AD BE EF\n" in text
            assert "Counter 2: 66051\n" in text
            assert "Failed authentication attempts: 2\n" in text
            assert again.auth_failures == 2
        else:
            data = json.loads(text)
            assert data["blocks"]["6"] == "DEADBEEF"
            assert data["Card"]["Counter2"] == "030201"  # LSB first, as READ_CNT


@pytest.mark.parametrize("version,atqa", [(2, "44 00"), (3, "00 44"), (4, "00 44")])
def test_flipper_versions_write_their_own_layout(
    tmp_path: Path, version: int, atqa: str
) -> None:
    image = new_blank_image("ntag215", fmt="flipper", flipper_version=version)
    out = tmp_path / "card.nfc"
    save_image(image, out)
    lines = out.read_text().splitlines()
    assert lines[:2] == ["Filetype: Flipper NFC device", f"Version: {version}"]
    assert f"ATQA: {atqa}" in lines
    if version == 4:
        assert "Device type: NTAG/Ultralight" in lines
        assert "NTAG/Ultralight type: NTAG215" in lines
    else:
        assert "Device type: NTAG215" in lines
        assert not any(line.startswith("NTAG/Ultralight type") for line in lines)
    assert "Pages total: 135" in lines and "Page 134: 00 00 00 00" in lines
    again = load_image(out)
    assert again == image and again.fmt_version == version


@pytest.mark.parametrize(
    "chip,pages,cc,p4p5",
    [
        ("ntag213", 45, "E1101200", "0103A00C340300FE"),
        ("ntag215", 135, "E1103E00", "0300FE0000000000"),
        ("ntag216", 231, "E1106D00", "0300FE0000000000"),
    ],
)
def test_blank_image_is_in_factory_state(
    chip: str, pages: int, cc: str, p4p5: str
) -> None:
    image = new_blank_image(chip, uid=bytes.fromhex("04A1B2C3D4E5F6"))
    assert image.page_count == pages
    assert image.page(0) == bytes.fromhex("04A1B29F")
    assert image.page(1) == bytes.fromhex("C3D4E5F6")
    assert image.page(2) == bytes([0xC3 ^ 0xD4 ^ 0xE5 ^ 0xF6]) + b"\x48\x00\x00"
    assert image.page(3) == bytes.fromhex(cc)
    assert image.page(4) + image.page(5) == bytes.fromhex(p4p5)
    assert image.page(pages - 5) == bytes.fromhex("000000BD")
    assert image.page(pages - 4) == bytes.fromhex("040000FF")
    assert image.page(pages - 3) == bytes.fromhex("00050000")
    assert image.page(pages - 2) == b"\xff\xff\xff\xff"
    assert image.page(pages - 1) == bytes(4)
    user = image.pages[24 : 4 * (pages - 5)]
    assert user == bytes(len(user))


def test_blank_image_gets_a_fresh_nxp_style_uid() -> None:
    first, second = new_blank_image("ntag213"), new_blank_image("NTAG213")
    assert first.uid[0] == second.uid[0] == 0x04
    assert len(first.uid) == 7 and first.uid != second.uid
    with pytest.raises(ValueError):
        new_blank_image("ntag214")
    with pytest.raises(ValueError):
        new_blank_image("ntag213", uid=b"\x04\x01")


def test_simulated_signature_verifies_with_the_simulator_key_only() -> None:
    image = new_blank_image("ntag215")
    assert len(SIMULATOR_ORIGINALITY_PUBLIC_KEY) == 33
    assert verifies(SIMULATOR_ORIGINALITY_PUBLIC_KEY, image.uid, image.signature)
    assert not verifies(NXP_NTAG21X_KEY, image.uid, image.signature)
    other = bytes([image.uid[0], image.uid[1] ^ 1]) + image.uid[2:]
    assert not verifies(SIMULATOR_ORIGINALITY_PUBLIC_KEY, other, image.signature)


@pytest.mark.parametrize("dump", NXP_DUMPS, ids=lambda p: p.name)
def test_nxp_key_verifies_real_dumps_and_rejects_a_changed_uid(dump: Path) -> None:
    image = load_image(dump)
    assert verifies(NXP_NTAG21X_KEY, image.uid, image.signature)
    assert not verifies(SIMULATOR_ORIGINALITY_PUBLIC_KEY, image.uid, image.signature)
    changed = image.uid[:6] + bytes([image.uid[6] ^ 0x01])
    assert not verifies(NXP_NTAG21X_KEY, changed, image.signature)


def test_mikron_lookalike_has_no_signature() -> None:
    image = load_image(dumps_dir() / "ul21-mikron-nonxp-nosig-flipper-v3.nfc")
    assert image.signature == bytes(32)
    assert not verifies(NXP_NTAG21X_KEY, image.uid, image.signature)


def _broken(tmp_path: Path, source: str, old: str, new: str) -> Path:
    text = (dumps_dir() / source).read_text()
    assert old in text
    path = tmp_path / source
    path.write_text(text.replace(old, new, 1))
    return path


FLIPPER_213 = "ntag213-blank-factory-flipper-v2.nfc"
PM3_216 = "ntag216-blank-pm3-mfu.json"


@pytest.mark.parametrize(
    "source,old,new,message",
    [
        (FLIPPER_213, "Page 5: 34 03 00 FE", "Page 5: 34 03 00 FG", "bad hex"),
        (FLIPPER_213, "UID: 04 39 91 C2 FC 67 80\n", "", "missing UID"),
        (FLIPPER_213, "Page 44: 00 00 00 00\n", "", "wrong page count"),
        (FLIPPER_213, "Pages total: 45", "Pages total: 46", "wrong page count"),
        (FLIPPER_213, "Page 7: ", "Page 77: ", "without gaps"),
        (FLIPPER_213, "Flipper NFC device", "Flipper RFID key", "unknown Filetype"),
        (FLIPPER_213, "Version: 2", "Version: 1", "unsupported Flipper file version"),
        (FLIPPER_213, "Device type: NTAG213", "Device type: Bank card", "chip type"),
        (FLIPPER_213, "UID: 04 39 91 C2", "UID: 04 39 91 C3", "does not match"),
        (FLIPPER_213, "Signature: AF 0D", "Signature: AF", "Signature must be 32"),
        (PM3_216, '"FileType": "mfu"', '"FileType": "mfc"', "unknown FileType"),
        (PM3_216, '"UID": "045869D29C3980",', "", "missing UID"),
        (PM3_216, '"UID": "045869D29C3980"', '"UID": "0458"', "UID must be 7"),
        (PM3_216, '"230": "00000000"', '"230": "0000zz00"', "bad hex"),
        (PM3_216, '"Card": {', '"Card": {,', "not valid JSON"),
        (PM3_216, '"229": "FFFFFFFF",', "", "without gaps"),
    ],
)
def test_malformed_files_raise_a_clear_error(
    tmp_path: Path, source: str, old: str, new: str, message: str
) -> None:
    path = _broken(tmp_path, source, old, new)
    with pytest.raises(ImageFormatError) as info:
        load_image(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_wrong_page_count_for_the_chip_version(tmp_path: Path) -> None:
    data = json.loads((dumps_dir() / PM3_216).read_text())
    del data["blocks"]["230"]
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ImageFormatError, match="wrong page count 230 for a NTAG216"):
        load_image(path)


def test_unknown_file_kinds_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    binary = tmp_path / "dump.bin"
    binary.write_bytes(bytes(range(256)))
    for path in (text, binary):
        with pytest.raises(ImageFormatError, match=str(path.name)):
            load_image(path)
    assert issubclass(ImageFormatError, ValueError)


def test_failed_save_leaves_the_old_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "card.json"
    image = new_blank_image("ntag213")
    save_image(image, path)
    before = path.read_bytes()
    broken = ChipImage(**{**image.__dict__, "fmt": "nonsense"})
    with pytest.raises(ImageFormatError):
        save_image(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["card.json"]
