"""A Sony RC-S380 (NFC Port-100) on USB: a raw RF front end.

Host frames `00 00 FF FF FF LENL LENH LCS D6 CMD ... DCS 00`, each ACKed and
answered `D7 CMD+1 ...`. The host drives ISO 14443-3 itself: SENS_REQ in 7
bits, SDD and SEL per cascade level, then the Type 2 commands with the CRC
check off so that ACK/NAK nibbles come through; answers carry the CRC_A.
"""

from __future__ import annotations

import logging

from fakeusb import ACK, FakeUSB, crc_a

log = logging.getLogger(__name__)

FIRMWARE = bytes.fromhex("1101")  # v1.11, minor first
PD_VERSION = bytes.fromhex("0001")
RECEIVE_TIMEOUT = bytes.fromhex("80000000")
OK = bytes(4)
PROTOCOL_KEYS = {1: "add_crc", 2: "check_crc", 7: "last_byte_bit_count"}


def frame(data: bytes) -> bytes:
    size = len(data).to_bytes(2, "little")
    head = bytes([0, 0, 0xFF, 0xFF, 0xFF]) + size + bytes([(-sum(size)) & 0xFF])
    return head + data + bytes([(-sum(data)) & 0xFF, 0])


def unframe(raw: bytes) -> bytes:
    assert raw[:5] == bytes([0, 0, 0xFF, 0xFF, 0xFF]), raw.hex()
    size = int.from_bytes(raw[5:7], "little")
    assert (raw[5] + raw[6] + raw[7]) & 0xFF == 0, "length checksum"
    data = raw[8 : 8 + size]
    assert (sum(data) + raw[8 + size]) & 0xFF == 0, "data checksum"
    return data


class FakeRCS380(FakeUSB):
    vid, pid = 0x054C, 0x06C3
    manufacturer_name = "SONY"
    product_name = "RC-S380/P"

    def __init__(self, sim) -> None:  # noqa: ANN001
        super().__init__(sim)
        self.field = False
        self.protocol: dict[str, int] = {}
        self.image = None  # the card answering anticollision
        self.comm_rf = 0  # InCommRF frames: everything sent on the air

    def answer(self, raw: bytes) -> list[bytes]:
        data = unframe(raw)
        assert data[0] == 0xD6, data.hex()
        cmd, args = data[1], data[2:]
        return [ACK, frame(bytes([0xD7, cmd + 1]) + self.command(cmd, args))]

    def command(self, cmd: int, args: bytes) -> bytes:
        if cmd == 0x2A:  # SetCommandType
            return b"\x00"
        if cmd == 0x20:  # GetFirmwareVersion
            return FIRMWARE
        if cmd == 0x22:  # GetPDDataVersion
            return PD_VERSION
        if cmd == 0x06:  # SwitchRF
            if args[0] == 0:
                self.field = False
                self.image = None
                self.sim.rf_off()
            return b"\x00"
        if cmd == 0x00:  # InSetRF
            return b"\x00"
        if cmd == 0x02:  # InSetProtocol
            for i in range(0, len(args), 2):
                key = PROTOCOL_KEYS.get(args[i])
                if key:
                    self.protocol[key] = args[i + 1]
            return b"\x00"
        if cmd == 0x04:  # InCommRF
            return self.comm(args[2:])
        log.debug("unexpected RC-S380 command %02X", cmd)
        return b"\x01"

    def comm(self, data: bytes) -> bytes:
        self.comm_rf += 1
        self.field = True
        reply = self.air(data)
        if reply is None:
            return RECEIVE_TIMEOUT
        return OK + b"\x08" + reply

    def air(self, data: bytes) -> bytes | None:
        if self.protocol.get("last_byte_bit_count") == 7 and data in (b"\x26", b"\x52"):
            self.image = self.sim.select(None, wakeup=data == b"\x52")
            return None if self.image is None else self.image.atqa[::-1]
        if self.image is not None and len(data) >= 2 and data[0] in (0x93, 0x95):
            return self.anticollision(data)
        reply = self.sim.exchange(data, 0.005)
        if reply is None or len(reply) == 1 or self.protocol.get("check_crc"):
            return reply
        return reply + crc_a(reply)

    def anticollision(self, data: bytes) -> bytes | None:
        uid = self.image.uid
        level = (b"\x88" + uid[:3]) if data[0] == 0x93 else uid[3:7]
        bcc = level[0] ^ level[1] ^ level[2] ^ level[3]
        if data[1] == 0x20:  # SDD_REQ: the level's UID part and BCC
            return level + bytes([bcc])
        if data[1] == 0x70 and data[2:6] == level:  # SEL_REQ: SAK
            return b"\x04" if data[0] == 0x93 else bytes([self.image.sak])
        return None
