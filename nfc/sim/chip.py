"""Command-level model of NTAG213/215/216 and Ultralight-like chips."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

from memberdesk.nfc.sim.image import ChipImage

log = logging.getLogger(__name__)

ACK = b"\x0a"
NAK = b"\x00"
NAK_AUTH_LIMIT = b"\x04"

READ, FAST_READ, WRITE, COMP_WRITE = 0x30, 0x3A, 0xA2, 0xA0
GET_VERSION, PWD_AUTH, READ_SIG, READ_CNT, HLTA = 0x60, 0x1B, 0x3C, 0x39, 0x50


class State(enum.Enum):
    OFF = "off"
    IDLE = "idle"
    ACTIVE = "active"
    AUTHENTICATED = "authenticated"
    HALT = "halt"


@dataclass(frozen=True)
class Layout:
    """Where the special pages sit, from the page count alone."""

    pages: int
    last_user: int
    dynlock: int | None  # dynamic lock page
    cfg0: int | None  # CFG0; CFG1, PWD and PACK follow it
    granularity: int  # pages per dynamic lock bit

    @classmethod
    def for_pages(cls, pages: int) -> Layout:
        # pages -> (dynamic lock page, CFG0 page, pages per lock bit)
        table = {
            45: (40, 41, 2),  # NTAG213
            135: (130, 131, 16),  # NTAG215
            231: (226, 227, 16),  # NTAG216
            41: (36, 37, 2),  # Ultralight EV1 MF0UL21
            20: (None, 16, 2),  # Ultralight EV1 MF0UL11
            42: (40, None, 2),  # NTAG203
        }
        dynlock, cfg0, gran = table.get(pages, (None, None, 2))
        first_special = next((p for p in (dynlock, cfg0) if p is not None), pages)
        return cls(pages, first_special - 1, dynlock, cfg0, gran)

    @property
    def pwd(self) -> int | None:
        return None if self.cfg0 is None else self.cfg0 + 2

    @property
    def pack(self) -> int | None:
        return None if self.cfg0 is None else self.cfg0 + 3


class Ntag21xChip:
    """One chip whose live memory is ``image.pages``.

    ``select`` stands for REQA/WUPA plus anticollision and powers the chip up if
    needed; ``power_off`` is RF off. ``exchange`` takes a frame without CRC and
    returns the reply (a one-byte ACK/NAK for 4-bit answers) or None for silence.
    """

    def __init__(self, image: ChipImage) -> None:
        self.image = image
        self.layout = Layout.for_pages(image.page_count)
        self.is_ntag = image.version[1:3] == b"\x04\x04"
        self.state = State.OFF
        self._from_halt = False
        self._comp_write_page: int | None = None
        self._counted_read = False
        self._latch()
        self._handlers: dict[int, Callable[[bytes], bytes | None]] = {
            READ: self._read,
            FAST_READ: self._fast_read,
            WRITE: self._write,
            COMP_WRITE: self._comp_write,
            GET_VERSION: self._get_version,
            PWD_AUTH: self._pwd_auth,
            READ_SIG: self._read_sig,
            READ_CNT: self._read_cnt,
            HLTA: self._hlta,
        }

    # -- power and selection -------------------------------------------------

    @property
    def authenticated(self) -> bool:
        return self.state is State.AUTHENTICATED

    @property
    def comp_write_pending(self) -> bool:
        """True between the two parts of COMP_WRITE."""
        return self._comp_write_page is not None

    def power_off(self) -> None:
        self.state = State.OFF
        self._comp_write_page = None

    def select(self, sel_req: bytes | None = None, wakeup: bool = False) -> bool:
        """Answer REQA (or WUPA) and get selected; False if the chip stays mute."""
        if self.state is State.OFF:
            self._latch()
            self.state = State.IDLE
        if sel_req and bytes(sel_req) != self.image.uid:
            return False
        if self.state is State.HALT and not wakeup:
            return False
        self._from_halt = self.state is State.HALT
        self.state = State.ACTIVE
        self._comp_write_page = None
        return True

    def _latch(self) -> None:
        # AUTH0 and ACCESS are read from EEPROM at power-up only (NTAG21X.md 3).
        self._counted_read = False
        cfg0 = self.layout.cfg0
        if cfg0 is None:
            self.auth0, self.access = 0x100, 0
            return
        self.auth0 = self.image.pages[4 * cfg0 + 3]
        self.access = self.image.pages[4 * (cfg0 + 1)]

    @property
    def prot(self) -> bool:
        return bool(self.access & 0x80)

    @property
    def cfglck(self) -> bool:
        return bool(self.access & 0x40)

    @property
    def nfc_cnt_en(self) -> bool:
        return bool(self.access & 0x10)

    @property
    def nfc_cnt_pwd_prot(self) -> bool:
        return bool(self.access & 0x08)

    @property
    def authlim(self) -> int:
        return self.access & 0x07

    # -- commands ------------------------------------------------------------

    def exchange(self, frame: bytes) -> bytes | None:
        if self.state not in (State.ACTIVE, State.AUTHENTICATED):
            return None
        if self._comp_write_page is not None:
            return self._comp_write_data(frame)
        handler = self._handlers.get(frame[0]) if frame else None
        if handler is None:
            return self.nak()
        return handler(frame)

    def nak(self, code: bytes = NAK) -> bytes:
        """Answer NAK and drop to IDLE (HALT if woken from HALT), unauthenticated."""
        self.state = State.HALT if self._from_halt else State.IDLE
        self._comp_write_page = None
        return code

    def _read_locked_out(self) -> bool:
        return self.prot and not self.authenticated

    def _page_out(self, page: int) -> bytes:
        if page in (self.layout.pwd, self.layout.pack):
            return bytes(4)
        return self.image.page(page)

    def _count_read(self) -> None:
        if self.is_ntag and self.nfc_cnt_en and not self._counted_read:
            self._counted_read = True
            self.image.counters[2] = min(self.image.counters[2] + 1, 0xFFFFFF)

    def _read(self, frame: bytes) -> bytes:
        if len(frame) != 2 or frame[1] >= self.layout.pages:
            return self.nak()
        limit = self.layout.pages
        if self._read_locked_out():
            if frame[1] >= self.auth0:
                return self.nak()
            limit = min(limit, self.auth0)
        self._count_read()
        return b"".join(self._page_out((frame[1] + i) % limit) for i in range(4))

    def _fast_read(self, frame: bytes) -> bytes:
        if len(frame) != 3:
            return self.nak()
        start, end = frame[1], frame[2]
        if start > end or end >= self.layout.pages:
            return self.nak()
        if self._read_locked_out() and end >= self.auth0:
            return self.nak()
        self._count_read()
        return b"".join(self._page_out(p) for p in range(start, end + 1))

    def _write(self, frame: bytes) -> bytes:
        if len(frame) != 6 or not self.may_write(frame[1]):
            return self.nak()
        self.store(frame[1], frame[2:6])
        return ACK

    def _comp_write(self, frame: bytes) -> bytes:
        if len(frame) != 2 or not self.may_write(frame[1]):
            return self.nak()
        self._comp_write_page = frame[1]
        return ACK

    def _comp_write_data(self, frame: bytes) -> bytes:
        page, self._comp_write_page = self._comp_write_page, None
        if len(frame) != 16 or page is None:
            return self.nak()
        self.store(page, frame[0:4])  # only D0-D3 reach the EEPROM
        return ACK

    def _get_version(self, frame: bytes) -> bytes:
        return self.image.version if len(frame) == 1 else self.nak()

    def _read_sig(self, frame: bytes) -> bytes:
        return self.image.signature if frame == b"\x3c\x00" else self.nak()

    def _hlta(self, frame: bytes) -> bytes | None:
        if frame != b"\x50\x00":
            return self.nak()
        self.state = State.HALT
        return None

    def _read_cnt(self, frame: bytes) -> bytes:
        if len(frame) != 2:
            return self.nak()
        if self.is_ntag:
            if frame[1] != 2 or not self.nfc_cnt_en:
                return self.nak()
            if self.nfc_cnt_pwd_prot and not self.authenticated:
                return self.nak()
        elif frame[1] > 2:
            return self.nak()
        return self.image.counters[frame[1]].to_bytes(3, "little")

    def _pwd_auth(self, frame: bytes) -> bytes:
        pwd, pack = self.layout.pwd, self.layout.pack
        if len(frame) != 5 or pwd is None or pack is None:
            return self.nak()
        if self.authlim and self.image.auth_failures >= self.authlim:
            return self.nak(NAK_AUTH_LIMIT)
        if frame[1:5] == self.image.page(pwd):
            self.image.auth_failures = 0
            self.state = State.AUTHENTICATED
            return self.image.page(pack)[0:2]
        if self.authlim:
            self.image.auth_failures += 1
        log.debug("wrong password, %d failures", self.image.auth_failures)
        return self.nak()

    # -- memory rules --------------------------------------------------------

    def may_write(self, page: int) -> bool:
        """WRITE/COMP_WRITE access check for ``page`` in the current state."""
        if page < 2 or page >= self.layout.pages:
            return False
        if page >= self.auth0 and not self.authenticated:
            return False
        return not self.is_locked(page)

    def is_locked(self, page: int) -> bool:
        pages, lay = self.image.pages, self.layout
        if 3 <= page <= 15:
            static = pages[10] | pages[11] << 8
            return bool(static >> page & 1)
        if lay.dynlock is not None and 16 <= page <= lay.last_user:
            bit = (page - 16) // lay.granularity
            dyn = pages[4 * lay.dynlock] | pages[4 * lay.dynlock + 1] << 8
            return bit < 16 and bool(dyn >> bit & 1)
        if lay.cfg0 is not None and page in (lay.cfg0, lay.cfg0 + 1):
            return self.cfglck
        return False

    def store(self, page: int, data: bytes, keep: int = 4) -> None:
        """Program ``page`` as the chip does; only the first ``keep`` bytes land."""
        old = self.image.page(page)
        new = bytearray(self._merge(page, old, bytes(data)))
        new[keep:] = old[keep:]
        self.image.pages[4 * page : 4 * page + 4] = new

    def _merge(self, page: int, old: bytes, data: bytes) -> bytes:
        if page == 2:
            lock0 = old[2]
            frozen = (0x0008 if lock0 & 1 else 0) | (0x03F0 if lock0 & 2 else 0)
            frozen |= 0xFC00 if lock0 & 4 else 0
            word = old[2] | old[3] << 8
            word |= (data[2] | data[3] << 8) & ~frozen
            return old[0:2] + word.to_bytes(2, "little")
        if page == 3:  # OTP: bits can only be set
            return bytes(a | b for a, b in zip(old, data, strict=True))
        if page == self.layout.dynlock:
            frozen = 0
            for k in range(8):
                if old[2] >> k & 1:
                    frozen |= 0b11 << (2 * k)
            word = old[0] | old[1] << 8
            word |= (data[0] | data[1] << 8) & ~frozen
            return word.to_bytes(2, "little") + bytes([old[2] | data[2], old[3]])
        return data
