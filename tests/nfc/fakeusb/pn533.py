"""An NXP PN533 on USB (e.g. the NXP demo board, SCL3711), host frames and all.

Normal frames `00 00 FF LEN LCS D4 CMD ... DCS 00` and extended frames
`00 00 FF FF FF LENH LENL LCS ...`; every command is ACKed, then answered
`D5 CMD+1 ...`. Type 2 tag commands go through InCommunicateThru with the
chip's CRC check off, so the answer carries the tag's CRC_A, as on the air.
"""

from __future__ import annotations

import logging

from fakeusb import ACK, FakeUSB, crc_a

log = logging.getLogger(__name__)

FIRMWARE = bytes.fromhex("33020707")  # PN533 v2.7
CIU_FIFO_DATA = 0x6339


def frame(data: bytes) -> bytes:
    """A PN53x host frame around `data` (D5 ...), extended when long."""
    if len(data) < 255:
        head = bytes([0, 0, 0xFF, len(data), (-len(data)) & 0xFF])
    else:
        size = len(data).to_bytes(2, "big")
        head = bytes([0, 0, 0xFF, 0xFF, 0xFF]) + size + bytes([(-sum(size)) & 0xFF])
    return head + data + bytes([(-sum(data)) & 0xFF, 0])


def unframe(raw: bytes) -> bytes:
    if raw[3:5] == b"\xff\xff":
        start, size = 8, int.from_bytes(raw[5:7], "big")
    else:
        start, size = 5, raw[3]
    data = raw[start : start + size]
    if (sum(data) + raw[start + size]) & 0xFF:
        raise ValueError("bad data checksum")
    return data


class FakePN533(FakeUSB):
    vid, pid = 0x04CC, 0x2533
    product_name = "PN533 demo board"

    def __init__(self, sim) -> None:  # noqa: ANN001
        super().__init__(sim)
        self.field = False
        self.thru = 0  # InCommunicateThru frames: the tag commands

    def answer(self, raw: bytes) -> list[bytes]:
        data = unframe(raw)
        assert data[0] == 0xD4, data.hex()
        cmd, args = data[1], data[2:]
        body = self.command(cmd, args)
        return [ACK, frame(bytes([0xD5, cmd + 1]) + body)]

    def command(self, cmd: int, args: bytes) -> bytes:
        if cmd == 0x00:  # Diagnose: the line test echoes its data
            return args
        if cmd == 0x02:  # GetFirmwareVersion
            return FIRMWARE
        if cmd == 0x32:  # RFConfiguration
            if args[0] == 0x01 and not args[1] & 0x01:
                self.field = False
                self.sim.rf_off()
            return b""
        if cmd == 0x12:  # SetParameters
            return b""
        if cmd == 0x06:  # ReadRegister
            addresses = [
                int.from_bytes(args[i : i + 2], "big") for i in range(0, len(args), 2)
            ]
            if any(a >= 0xA000 for a in addresses):
                return b"\xff"  # no EEPROM on this board
            # With no SENS_RES the FIFO still holds the REQA (26h) sent.
            return b"\x00" + bytes(0x26 if a == CIU_FIFO_DATA else 0 for a in addresses)
        if cmd == 0x08:  # WriteRegister
            return b"\x00"
        if cmd == 0x4A:  # InListPassiveTarget
            return self.list_target(args)
        if cmd == 0x42:  # InCommunicateThru
            return self.communicate(args)
        if cmd in (0x44, 0x52):  # InDeselect, InRelease
            return b"\x00"
        log.debug("unexpected PN533 command %02X", cmd)
        return b"\x7f"

    def list_target(self, args: bytes) -> bytes:
        max_tg, brty, uid = args[0], args[1], args[2:]
        assert max_tg == 1
        if brty != 0:
            return b"\x00"
        self.field = True
        wanted = bytes(b for n, b in enumerate(uid) if not (b == 0x88 and n % 4 == 0))
        image = self.sim.select(wanted or None)
        if image is None:
            return b"\x00"
        return (
            bytes([1, 1])
            + image.atqa  # SENS_RES, most significant byte first
            + bytes([image.sak, len(image.uid)])
            + image.uid
        )

    def communicate(self, data: bytes) -> bytes:
        self.thru += 1
        reply = self.sim.exchange(data, 0.005) if self.field else None
        if reply is None:
            return b"\x01"  # time out, the target has not answered
        if len(reply) == 1:
            return b"\x00" + reply  # a 4-bit ACK or NAK
        return b"\x00" + reply + crc_a(reply)
