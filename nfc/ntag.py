"""NTAG21x commands sent from our own code, over nfcpy's Type 2 tag.

nfcpy's `tag.signature` returns 32 zero bytes on any error, which would make a
glitch look like a counterfeit, and it offers no FAST_READ; so identification,
reads and authentication go through `NtagLink`. After any NAK the chip drops to
IDLE and forgets its authentication while nfcpy still reports
`is_authenticated`: the link re-activates the chip and says so.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import nfc.clf
import nfc.tag
from nfc.tag import tt2

log = logging.getLogger(__name__)

GET_VERSION = 0x60
READ = 0x30
FAST_READ = 0x3A
WRITE = 0xA2
PWD_AUTH = 0x1B
READ_SIG = 0x3C


@dataclass(frozen=True)
class ChipSpec:
    name: str
    last_page: int
    user_end: int  # last user page
    cfg0: int
    cc: bytes  # capability container at delivery (and ever after)
    # The TLVs kept ahead of the message (NTAG213: its factory Lock Control
    # TLV), and whether the chip needs the compact card layout to fit.
    lead: bytes = b""
    compact: bool = False

    @property
    def cfg1(self) -> int:
        return self.cfg0 + 1

    @property
    def pwd(self) -> int:
        return self.cfg0 + 2

    @property
    def pack(self) -> int:
        return self.cfg0 + 3

    @property
    def ndef_bytes(self) -> int:
        """Bytes the CC offers for the NDEF TLV area."""
        return self.cc[2] * 8


CHIPS: dict[bytes, ChipSpec] = {
    bytes.fromhex("0004040201000F03"): ChipSpec(
        "NTAG213",
        0x2C,
        0x27,
        0x29,
        bytes.fromhex("E1101200"),
        lead=bytes.fromhex("0103A00C34"),
        compact=True,
    ),
    bytes.fromhex("0004040201001103"): ChipSpec(
        "NTAG215", 0x86, 0x81, 0x83, bytes.fromhex("E1103E00")
    ),
    bytes.fromhex("0004040201001303"): ChipSpec(
        "NTAG216", 0xE6, 0xE1, 0xE3, bytes.fromhex("E1106D00")
    ),
}

_VENDORS = {0x04: "NXP", 0x34: "Mikron", 0x05: "Infineon", 0x02: "STMicroelectronics"}
_NXP_TYPES = {
    (0x03, 0x0B): "MIFARE Ultralight EV1 (MF0UL11)",
    (0x03, 0x0E): "MIFARE Ultralight EV1 (MF0UL21)",
    (0x04, 0x0B): "NTAG210",
    (0x04, 0x0E): "NTAG212",
}


def describe_version(version: bytes | None) -> str:
    """A chip's name in words, from its GET_VERSION answer."""
    if version is None:
        return "a chip that does not answer GET_VERSION (MIFARE Ultralight or NTAG203)"
    spec = CHIPS.get(version)
    if spec:
        return spec.name
    if len(version) == 8:
        vendor = _VENDORS.get(version[1], f"vendor {version[1]:02X}h")
        name = _NXP_TYPES.get((version[2], version[6]))
        if version[1] == 0x04 and name:
            return name
        if version[2] == 0x03 or version[2] == 0x21:
            return f"an Ultralight-type chip by {vendor}"
        return f"an unknown chip by {vendor}"
    return "an unknown chip"


class LinkError(Exception):
    """The card stopped answering: pulled away, or the field was lost."""


class ChipNak(Exception):
    """The chip refused a command; it has dropped to IDLE (and re-activated)."""

    def __init__(self, command: int, code: int) -> None:
        super().__init__(f"the chip refused command {command:02X}h (NAK {code:X}h)")
        self.command = command
        self.code = code


class NtagLink:
    """One tap's conversation with an NTAG21x through nfcpy."""

    def __init__(self, tag: tt2.Type2Tag) -> None:
        self.tag = tag
        self.commands = 0
        self.password: bytes | None = None  # the last one the chip accepted

    @property
    def uid(self) -> bytes:
        return bytes(self.tag.identifier)

    def _send(
        self, frame: bytes, timeout: float = 0.1, *, nak_ok: bool = False
    ) -> bytes:
        self.commands += 1
        try:
            answer = bytes(self.tag.transceive(bytearray(frame), timeout=timeout))
        except tt2.Type2TagCommandError as exc:
            raise LinkError(f"the card stopped answering ({exc})") from exc
        except nfc.clf.CommunicationError as exc:
            raise LinkError(f"the card stopped answering ({exc})") from exc
        if len(answer) == 1 and answer[0] & 0xFA == 0 and not nak_ok:
            self.reactivate()
            raise ChipNak(frame[0], answer[0])
        return answer

    def reactivate(self) -> None:
        """Select the chip afresh: it is IDLE and unauthenticated after a NAK."""
        target = self.tag.target
        if target is None:
            raise LinkError("the card has left the reader")
        target.sel_req = target.sdd_res[:]
        found = self.tag.clf.sense(target)
        self.tag._target = found  # nfcpy's own tt2 does the same on a NAK
        self.tag._authenticated = False
        if found is None:
            raise LinkError("the card has left the reader")

    def get_version(self) -> bytes | None:
        """GET_VERSION; None when the chip NAKs it (plain Ultralight)."""
        try:
            answer = self._send(bytes([GET_VERSION]))
        except ChipNak:
            return None
        return answer

    def read_sig(self) -> bytes:
        answer = self._send(bytes([READ_SIG, 0x00]))
        if len(answer) != 32:
            raise LinkError(f"READ_SIG gave {len(answer)} bytes, expected 32")
        return answer

    def max_pages_per_read(self) -> int:
        return max(1, self.tag.clf.max_recv_data_size // 4)

    def fast_read(self, start: int, end: int) -> bytes:
        """Pages start..end inclusive, split to fit the reader's frame."""
        out = bytearray()
        step = self.max_pages_per_read()
        page = start
        while page <= end:
            last = min(end, page + step - 1)
            answer = self._send(bytes([FAST_READ, page, last]))
            if len(answer) != (last - page + 1) * 4:
                raise LinkError(f"FAST_READ {page:02X}h-{last:02X}h came back short")
            out += answer
            page = last + 1
        return bytes(out)

    def write(self, page: int, data: bytes) -> None:
        if len(data) != 4:
            raise ValueError("a page is 4 bytes")
        answer = self._send(bytes([WRITE, page]) + bytes(data))
        if answer != b"\x0a":
            if len(answer) == 1:
                self.reactivate()
                raise ChipNak(WRITE, answer[0])
            raise LinkError(f"WRITE {page:02X}h got an unexpected answer")

    def pwd_auth(self, pwd: bytes) -> bytes | None:
        """The PACK on success; None when the chip refuses the password."""
        try:
            answer = self._send(bytes([PWD_AUTH]) + bytes(pwd))
        except ChipNak:
            return None
        if len(answer) != 2:
            raise LinkError("PWD_AUTH got an unexpected answer")
        self.tag._authenticated = True
        self.password = bytes(pwd)
        return answer

    def unlock(self, candidates: Sequence[bytes]) -> bool:
        """Authenticate with the first password the chip takes.

        A NAK is also what a glitch looks like, so the list is tried twice
        (AUTHLIM is 0 on our cards: a wrong guess costs nothing).
        """
        return any(self.pwd_auth(pwd) is not None for pwd in [*candidates] * 2)

    def write_again(self, page: int, data: bytes) -> None:
        """WRITE; after a NAK the chip has forgotten us: authenticate, once more."""
        try:
            self.write(page, data)
        except ChipNak:
            if self.password is not None:
                self.pwd_auth(self.password)
            self.write(page, data)
