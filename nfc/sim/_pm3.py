"""Proxmark3 ``mfu`` JSON dumps (``hf mfu dump``)."""

from __future__ import annotations

import json
import logging
from typing import Any

from memberdesk.nfc.sim.image import (
    KNOWN_VERSIONS,
    PM3_JSON,
    ChipImage,
    ImageFormatError,
    parse_hex,
)

log = logging.getLogger(__name__)

# Card fields rebuilt from the image on save; anything else is kept verbatim.
_MANAGED = {"UID", "Version", "Signature"} | {
    f"{kind}{i}" for kind in ("Counter", "Tearing") for i in range(3)
}


def default_header() -> dict[str, Any]:
    """The layout ``hf mfu dump`` writes."""
    card: dict[str, Any] = {"UID": None, "Version": None, "TBO_0": "0000"}
    card.update({"TBO_1": "00", "Signature": None})
    for i in range(3):
        card[f"Counter{i}"] = None
        card[f"Tearing{i}"] = None
    top = {"Created": "proxmark3", "FileType": "mfu", "Card": card, "blocks": None}
    return {"json": top, "newline": False}


def parse(text: str, where: str) -> ChipImage:
    try:
        top = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImageFormatError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(top, dict):
        raise ImageFormatError(f"{where}: JSON top level is not an object")
    kind = top.get("FileType")
    if kind is None:
        raise ImageFormatError(f"{where}: missing FileType")
    if kind != "mfu":
        raise ImageFormatError(f"{where}: unknown FileType {kind!r} (expected 'mfu')")
    card = top.get("Card")
    if not isinstance(card, dict):
        raise ImageFormatError(f"{where}: missing Card object")
    for key in ("UID", "Version"):
        if not isinstance(card.get(key), str):
            raise ImageFormatError(f"{where}: missing {key} in Card")
    uid = parse_hex(card["UID"], 7, where, "UID")
    version = parse_hex(card["Version"], 8, where, "Version")
    signature = bytes(32)
    if isinstance(card.get("Signature"), str):
        signature = parse_hex(card["Signature"], 32, where, "Signature")
    counters = [0, 0, 0]
    tearing = bytearray(3)
    for i in range(3):
        if isinstance(card.get(f"Counter{i}"), str):
            raw = parse_hex(card[f"Counter{i}"], 3, where, f"Counter{i}")
            counters[i] = int.from_bytes(raw, "little")  # as READ_CNT sends it
        if isinstance(card.get(f"Tearing{i}"), str):
            tearing[i] = parse_hex(card[f"Tearing{i}"], 1, where, f"Tearing{i}")[0]
    pages = _parse_blocks(top.get("blocks"), where)

    header_card = {k: (None if k in _MANAGED else v) for k, v in card.items()}
    header_top = {
        k: (header_card if k == "Card" else None if k == "blocks" else v)
        for k, v in top.items()
    }
    return ChipImage(
        uid=uid,
        version=version,
        signature=signature,
        pages=pages,
        counters=counters,
        tearing=tearing,
        chip_name=KNOWN_VERSIONS.get(version, ("", 0))[0],
        fmt=PM3_JSON,
        header={"json": header_top, "newline": text.endswith("\n")},
    )


def _parse_blocks(blocks: Any, where: str) -> bytearray:
    if not isinstance(blocks, dict) or not blocks:
        raise ImageFormatError(f"{where}: missing blocks")
    expected = [str(i) for i in range(len(blocks))]
    if sorted(blocks, key=lambda k: (len(k), k)) != expected:
        raise ImageFormatError(
            f"{where}: blocks must be numbered 0..{len(blocks) - 1} without gaps"
        )
    pages = bytearray()
    for key in expected:
        value = blocks[key]
        if not isinstance(value, str):
            raise ImageFormatError(f"{where}: block {key} is not a hex string")
        pages += parse_hex(value, 4, where, f"block {key}")
    return pages


def render(image: ChipImage) -> str:
    header = image.header if "json" in image.header else default_header()
    top: dict[str, Any] = {}
    for key, value in header["json"].items():
        if key == "Card":
            top[key] = _render_card(image, value)
        elif key == "blocks":
            top[key] = {
                str(n): image.page(n).hex().upper() for n in range(image.page_count)
            }
        else:
            top[key] = value
    text = json.dumps(top, indent=2)
    return text + "\n" if header.get("newline") else text


def _render_card(image: ChipImage, template: dict[str, Any]) -> dict[str, Any]:
    values = {
        "UID": image.uid.hex().upper(),
        "Version": image.version.hex().upper(),
        "Signature": image.signature.hex().upper(),
    }
    for i in range(3):
        counter = image.counters[i].to_bytes(3, "little")
        values[f"Counter{i}"] = counter.hex().upper()
        values[f"Tearing{i}"] = f"{image.tearing[i]:02X}"
    return {k: (values[k] if k in _MANAGED else v) for k, v in template.items()}
