"""The NDEF area of a Type 2 chip: reading it in few commands, laying it out.

One FAST_READ from page 0 brings the capability container, the TLVs and, for
a memberdesk card, the whole message; longer messages take one more read.
"""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.nfc.ntag import ChipSpec, NtagLink

PAGE = 4
FIRST_USER_PAGE = 4


@dataclass(frozen=True)
class NdefArea:
    cc: bytes
    lock: bytes  # static lock bytes, page 2 bytes 2-3
    message: bytes | None  # None: no NDEF TLV at all; b"": empty message
    image: bytes  # the pages read, from page 0
    tlv_offset: int | None


def read_area(link: NtagLink, spec: ChipSpec, pages: int | None = None) -> NdefArea:
    """The NDEF area; `pages` (from page 0) is what the first read asks for.

    Without it the first read takes all that fits one frame; a caller that
    knows the size it expects saves air time by asking for just that.
    """
    last = min(spec.user_end, link.max_pages_per_read() - 1)
    if pages is not None:
        last = min(last, max(pages, FIRST_USER_PAGE + 1) - 1)
    image = link.fast_read(0, last)
    offset, length, header = _find_ndef(image)
    if offset is not None and length is not None:
        end = offset + header + length  # byte index one past the message
        have = len(image)
        if end > have:
            first = have // PAGE
            last_needed = min(spec.user_end, (end - 1) // PAGE)
            image += link.fast_read(first, last_needed)
    return parse_area(image)


def parse_area(image: bytes) -> NdefArea:
    """The NDEF area found in `image` (pages from 0), message and all."""
    offset, length, header = _find_ndef(image)
    message = None
    if offset is not None and length is not None:
        start = offset + header
        message = bytes(image[start : start + length])
    return NdefArea(image[12:16], image[10:12], message, image, offset)


def _find_ndef(image: bytes) -> tuple[int | None, int | None, int]:
    """(offset, length, header size) of the NDEF message TLV, if any."""
    if len(image) < 16 or image[12] != 0xE1:
        return None, None, 0
    i = 16
    limit = 16 + image[14] * 8
    while i < min(limit, len(image)):
        t = image[i]
        if t == 0x00:
            i += 1
            continue
        if t == 0xFE:
            return None, None, 0
        if i + 1 >= len(image):
            return None, None, 0
        if image[i + 1] == 0xFF:
            if i + 3 >= len(image):
                return None, None, 0
            length, header = int.from_bytes(image[i + 2 : i + 4], "big"), 4
        else:
            length, header = image[i + 1], 2
        if t == 0x03:
            return i, length, header
        i += header + length
    return None, None, 0


def ndef_tlv(message: bytes) -> bytes:
    """The NDEF message TLV plus a terminator, padded to whole pages."""
    if len(message) < 0xFF:
        head = bytes([0x03, len(message)])
    else:
        head = bytes([0x03, 0xFF]) + len(message).to_bytes(2, "big")
    data = head + message + b"\xfe"
    return data + b"\x00" * (-len(data) % PAGE)


def card_area(message: bytes, spec: ChipSpec) -> bytes:
    """What the chip holds from page 4 on: its lead TLVs, then the message TLV."""
    data = spec.lead + ndef_tlv(message)
    # ndef_tlv pads for page 4; re-pad once the lead is in front.
    data = data.rstrip(b"\x00") if spec.lead else data
    return data + b"\x00" * (-len(data) % PAGE)


def length_pages(area: bytes, lead: int) -> dict[int, bytes]:
    """The pages (index within `area`) holding the message length, set to zero.

    Written first, so a card pulled away mid-write holds an empty message
    rather than a torn one.
    """
    zeroed = bytearray(area)
    if area[lead + 1] == 0xFF:
        at = [lead + 2, lead + 3]
    else:
        at = [lead + 1]
    for i in at:
        zeroed[i] = 0
    pages = sorted({i // PAGE for i in at})
    return {p: bytes(zeroed[p * PAGE : p * PAGE + PAGE]) for p in pages}


def empty_length(tlv: bytes) -> bytes:
    """The first page of `tlv` with the message length set to zero.

    Written first, so a card pulled away mid-write holds an empty message
    rather than a torn one.
    """
    if tlv[1] == 0xFF:
        return bytes([0x03, 0xFF, 0x00, 0x00])
    return bytes([0x03, 0x00]) + tlv[2:4]
