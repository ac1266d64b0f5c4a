"""Fake USB transports that answer as the reader chips do, over the NTAG simulator.

Each fake stands in for `nfc.clf.transport.USB`: nfcpy's real driver writes
host frames and reads back the chip's ACK and response frames, exactly as on
the wire. Beneath the reader chip sits the simulator's antenna
(memberdesk.nfc.sim.device.SimReader), so fault plans and command logs work as
with the mounted simulator.
"""

from __future__ import annotations

import errno
import os
import re
from collections import deque

import nfc.clf.device
import nfc.clf.transport

from memberdesk.nfc.sim.device import SimReader

ACK = bytes.fromhex("0000FF00FF00")


def crc_a(data: bytes) -> bytes:
    """ISO/IEC 14443-3 CRC_A, as the tag appends it."""
    crc = 0x6363
    for byte in data:
        byte ^= crc & 0xFF
        byte = (byte ^ (byte << 4)) & 0xFF
        crc = (crc >> 8) ^ (byte << 8) ^ (byte << 3) ^ (byte >> 4)
    return bytes([crc & 0xFF, crc >> 8])


class FakeUSB:
    """The host side of a USB reader: bulk OUT frames in, bulk IN frames out."""

    vid = 0
    pid = 0
    manufacturer_name = "memberdesk"
    product_name = "fake reader"

    def __init__(self, sim: SimReader) -> None:
        self.sim = sim
        self.plugged = True
        self.opened = 0
        self.frames_in: list[bytes] = []  # every frame the driver wrote
        self._out: deque[bytes] = deque()

    # -- nfc.clf.transport.USB's interface -------------------------------------

    def read(self, timeout: int = 0) -> bytearray:
        self._check()
        if not self._out:
            raise OSError(errno.ETIMEDOUT, os.strerror(errno.ETIMEDOUT))
        return bytearray(self._out.popleft())

    def write(self, frame: bytes, timeout: int = 0) -> None:
        self._check()
        frame = bytes(frame)
        self.frames_in.append(frame)
        if frame == ACK:
            self._out.clear()  # an ACK from the host cancels or resets
            return
        self._out.extend(self.answer(frame))

    def close(self) -> None:
        self._out.clear()

    # -- the chip ----------------------------------------------------------------

    def answer(self, frame: bytes) -> list[bytes]:
        raise NotImplementedError

    def unplug(self) -> None:
        # Frames the reader had ready are lost with it, as on a real bus.
        self.plugged = False
        self._out.clear()
        self.sim.rf_off()

    def _check(self) -> None:
        if not self.plugged:
            raise OSError(errno.ENODEV, os.strerror(errno.ENODEV))


def install(  # noqa: ANN001
    monkeypatch, fake: FakeUSB, bus: int = 250, dev: int = 7
) -> str:
    """Put `fake` on a make-believe USB bus for nfcpy; the path to open it."""
    devnode = f"/dev/bus/usb/{bus:03d}/{dev:03d}"

    class Slot:
        TYPE = "USB"

        @staticmethod
        def find(path: str) -> list[tuple[int, int, int, int]] | None:
            m = re.match(r"^usb(?::([0-9a-fA-F]{4}))?(?::([0-9a-fA-F]{4}))?$", path)
            if not path.startswith("usb") or m is None:
                return None
            vid, pid = (int(g, 16) if g else None for g in m.groups())
            if not fake.plugged or vid not in (None, fake.vid):
                return []
            if pid not in (None, fake.pid):
                return []
            return [(fake.vid, fake.pid, bus, dev)]

        def __new__(cls, usb_bus: int, dev_adr: int) -> FakeUSB:  # noqa: PYI034
            if not fake.plugged:
                raise OSError(errno.ENODEV, os.strerror(errno.ENODEV))
            fake.opened += 1
            # A device just opened has nothing buffered: a frame left over
            # from before an unplug would shift every answer by one.
            fake._out.clear()
            return fake

    real_access = os.access

    def access(path, mode, *args, **kwargs):  # noqa: ANN001, ANN202
        if path == devnode:
            return True
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(nfc.clf.transport, "USB", Slot)
    monkeypatch.setattr(nfc.clf.device.os, "access", access)
    return f"usb:{fake.vid:04x}:{fake.pid:04x}"
