"""Helpers for the card-room tests: stacks of virtual cards, odd chips."""

from __future__ import annotations

import os
from pathlib import Path

from memberdesk.nfc.sim._pm3 import default_header
from memberdesk.nfc.sim.image import (
    PM3_JSON,
    ChipImage,
    bcc_pages,
    new_blank_image,
    save_image,
)

ULTRALIGHT_EV1 = bytes.fromhex("0004030101000B03")


def ultralight_image(uid: bytes | None = None) -> ChipImage:
    """A blank MIFARE Ultralight EV1 (MF0UL11): 20 pages, no NDEF."""
    uid = uid or b"\x04" + os.urandom(6)
    pages = bytearray(20 * 4)
    pages[0:8] = bcc_pages(uid)[:8]
    pages[8] = bcc_pages(uid)[8]
    pages[9] = 0x48
    pages[16 * 4 : 16 * 4 + 4] = bytes.fromhex("000000FF")
    pages[18 * 4 : 18 * 4 + 4] = b"\xff\xff\xff\xff"
    return ChipImage(
        uid=uid,
        version=ULTRALIGHT_EV1,
        signature=bytes(32),
        pages=pages,
        chip_name="Mifare Ultralight 11",
        fmt=PM3_JSON,
        header=default_header(),
    )


def stack(folder: Path, chips: list[str]) -> list[Path]:
    """Card files named 000.json, 001.json, ... one chip each, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n, chip in enumerate(chips):
        path = folder / f"{n:03d}.json"
        image = ultralight_image() if chip == "ultralight" else new_blank_image(chip)
        save_image(image, path)
        files.append(path)
    return files
