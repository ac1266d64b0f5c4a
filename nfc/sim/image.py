"""Virtual-card memory images: Proxmark3 ``mfu`` JSON and Flipper ``.nfc`` files."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ecdsa
from ecdsa.util import sigencode_string

log = logging.getLogger(__name__)

PM3_JSON = "pm3-json"
FLIPPER = "flipper"

NTAG213_VERSION = bytes.fromhex("0004040201000F03")
NTAG215_VERSION = bytes.fromhex("0004040201001103")
NTAG216_VERSION = bytes.fromhex("0004040201001303")

# GET_VERSION answer -> (Flipper type name, page count).
KNOWN_VERSIONS: dict[bytes, tuple[str, int]] = {
    NTAG213_VERSION: ("NTAG213", 45),
    NTAG215_VERSION: ("NTAG215", 135),
    NTAG216_VERSION: ("NTAG216", 231),
    bytes.fromhex("0004030101000B03"): ("Mifare Ultralight 11", 20),
    bytes.fromhex("0004030201000B03"): ("Mifare Ultralight 11", 20),
    bytes.fromhex("0004030101000E03"): ("Mifare Ultralight 21", 41),
    bytes.fromhex("0004030201000E03"): ("Mifare Ultralight 21", 41),
}

# Flipper type names this simulator can host, with their page counts.
FLIPPER_TYPES: dict[str, int] = {
    "Mifare Ultralight": 16,
    "Mifare Ultralight 11": 20,
    "Mifare Ultralight 21": 41,
    "NTAG203": 42,
    "NTAG213": 45,
    "NTAG215": 135,
    "NTAG216": 231,
}

# chip -> (version, CC page, pages 4-5 at delivery); see NTAG21X.md section 2.
_BLANK: dict[str, tuple[bytes, bytes, bytes]] = {
    "ntag213": (
        NTAG213_VERSION,
        bytes.fromhex("E1101200"),
        bytes.fromhex("0103A00C 3403 00FE"),
    ),
    "ntag215": (
        NTAG215_VERSION,
        bytes.fromhex("E1103E00"),
        bytes.fromhex("0300FE00 00000000"),
    ),
    "ntag216": (
        NTAG216_VERSION,
        bytes.fromhex("E1106D00"),
        bytes.fromhex("0300FE00 00000000"),
    ),
}

# Test key for virtual cards only: it signs the UIDs of simulated chips so the
# console can tell them from genuine NXP chips. It protects nothing.
_SIMULATOR_ORIGINALITY_SECRET = 0x6A3B95C857356C66562B1A1702A65325
_SIM_KEY = ecdsa.SigningKey.from_secret_exponent(
    _SIMULATOR_ORIGINALITY_SECRET, curve=ecdsa.SECP128r1
)
SIMULATOR_ORIGINALITY_PUBLIC_KEY: bytes = _SIM_KEY.get_verifying_key().to_string(
    "uncompressed"
)


class ImageFormatError(ValueError):
    """A memory image file is malformed or of an unknown kind."""


@dataclass
class ChipImage:
    """One chip's memory and identity, plus what is needed to write its file back.

    ``pages`` holds every page, PWD and PACK included with the real values as dump
    tools store them. ``atqa`` is kept most significant byte first (``00 44``).
    ``auth_failures`` is the chip's failed PWD_AUTH count; only the Flipper format
    has a field for it.
    """

    uid: bytes
    version: bytes
    signature: bytes
    pages: bytearray
    counters: list[int] = field(default_factory=lambda: [0, 0, 0])
    tearing: bytearray = field(default_factory=lambda: bytearray(3))
    atqa: bytes = b"\x00\x44"
    sak: int = 0
    auth_failures: int = 0
    chip_name: str = ""
    fmt: str = PM3_JSON
    fmt_version: int = 0
    header: dict[str, Any] = field(default_factory=dict, repr=False)
    path: Path | None = field(default=None, compare=False)

    @property
    def page_count(self) -> int:
        return len(self.pages) // 4

    def page(self, n: int) -> bytes:
        return bytes(self.pages[4 * n : 4 * n + 4])


def bcc_pages(uid: bytes) -> bytes:
    """Pages 0-1 and the first byte of page 2 for a 7-byte UID."""
    bcc0 = 0x88 ^ uid[0] ^ uid[1] ^ uid[2]
    bcc1 = uid[3] ^ uid[4] ^ uid[5] ^ uid[6]
    return uid[:3] + bytes([bcc0]) + uid[3:] + bytes([bcc1])


def simulator_signature(uid: bytes) -> bytes:
    """Sign ``uid`` (the raw digest, as NXP does) with the simulator key."""
    return _SIM_KEY.sign_digest_deterministic(uid, sigencode=sigencode_string)


def new_blank_image(
    chip: str,
    uid: bytes | None = None,
    fmt: str = PM3_JSON,
    flipper_version: int = 4,
) -> ChipImage:
    """A factory-fresh NTAG213/215/216 signed with the simulator key."""
    try:
        version, cc, p4p5 = _BLANK[chip.lower()]
    except KeyError:
        known = list(_BLANK)
        raise ValueError(f"unknown chip {chip!r}; expected one of {known}") from None
    if fmt not in (PM3_JSON, FLIPPER):
        raise ValueError(f"unknown image format {fmt!r}")
    if flipper_version not in (2, 3, 4):
        raise ValueError(f"unsupported Flipper file version {flipper_version}")
    if uid is None:
        uid = b"\x04" + os.urandom(6)
    if len(uid) != 7:
        raise ValueError("uid must be 7 bytes")
    name, count = KNOWN_VERSIONS[version]
    pages = bytearray(4 * count)
    head = bcc_pages(uid)
    pages[0:9] = head
    pages[9] = 0x48
    pages[12:16] = cc
    pages[16:24] = p4p5
    cfg0 = count - 4  # dynamic lock page is just before CFG0
    pages[4 * (cfg0 - 1) : 4 * cfg0] = b"\x00\x00\x00\xbd"
    pages[4 * cfg0 : 4 * cfg0 + 8] = bytes.fromhex("040000FF 00050000")
    pages[4 * (cfg0 + 2) : 4 * (cfg0 + 3)] = b"\xff\xff\xff\xff"
    if fmt == FLIPPER:
        from memberdesk.nfc.sim import _flipper

        header = _flipper.default_header(flipper_version)
    else:
        from memberdesk.nfc.sim import _pm3

        header = _pm3.default_header()
    return ChipImage(
        uid=bytes(uid),
        version=version,
        signature=simulator_signature(bytes(uid)),
        pages=pages,
        chip_name=name,
        fmt=fmt,
        fmt_version=flipper_version if fmt == FLIPPER else 0,
        header=header,
    )


def load_image(path: str | os.PathLike[str]) -> ChipImage:
    """Read a Proxmark3 ``mfu`` JSON or Flipper ``.nfc`` (v2-v4) image."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ImageFormatError(
            f"{path}: not a text file (binary dumps are not supported)"
        ) from None
    stripped = text.lstrip()
    if stripped.startswith("{"):
        from memberdesk.nfc.sim import _pm3

        image = _pm3.parse(text, str(path))
    elif stripped.startswith("Filetype:"):
        from memberdesk.nfc.sim import _flipper

        image = _flipper.parse(text, str(path))
    else:
        raise ImageFormatError(
            f"{path}: unknown file kind (expected Proxmark3 mfu JSON or "
            "a Flipper .nfc file)"
        )
    check_image(image, str(path))
    image.path = path
    return image


def save_image(image: ChipImage, path: str | os.PathLike[str]) -> None:
    """Write ``image`` in the format and version it was loaded from, atomically."""
    path = Path(path)
    if image.fmt == PM3_JSON:
        from memberdesk.nfc.sim import _pm3

        text = _pm3.render(image)
    elif image.fmt == FLIPPER:
        from memberdesk.nfc.sim import _flipper

        text = _flipper.render(image)
    else:
        raise ImageFormatError(f"{path}: unknown image format {image.fmt!r}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.debug("saved %s image to %s", image.fmt, path)


def check_image(image: ChipImage, where: str) -> None:
    """Raise ImageFormatError when the parts of an image do not fit together."""
    if len(image.uid) != 7:
        raise ImageFormatError(f"{where}: UID must be 7 bytes, got {len(image.uid)}")
    if len(image.version) != 8:
        raise ImageFormatError(f"{where}: version must be 8 bytes")
    if len(image.signature) != 32:
        raise ImageFormatError(f"{where}: signature must be 32 bytes")
    if len(image.pages) % 4 or image.page_count < 4:
        raise ImageFormatError(f"{where}: too few pages ({image.page_count})")
    known = KNOWN_VERSIONS.get(image.version)
    if known and known[1] != image.page_count:
        raise ImageFormatError(
            f"{where}: wrong page count {image.page_count} for a {known[0]} "
            f"(expected {known[1]})"
        )
    if image.uid[:3] != image.pages[:3] or image.uid[3:] != image.pages[4:8]:
        raise ImageFormatError(f"{where}: UID does not match pages 0-1")


def parse_hex(value: str, size: int | None, where: str, what: str) -> bytes:
    """Hex with or without spaces; ``size`` bytes if given."""
    try:
        data = bytes.fromhex(value)
    except ValueError:
        raise ImageFormatError(f"{where}: bad hex in {what}: {value!r}") from None
    if size is not None and len(data) != size:
        raise ImageFormatError(f"{where}: {what} must be {size} bytes, got {len(data)}")
    return data
