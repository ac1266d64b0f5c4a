"""Flipper Zero ``.nfc`` files (versions 2-4) for Ultralight and NTAG chips."""

from __future__ import annotations

import logging

from memberdesk.nfc.sim.image import (
    FLIPPER,
    FLIPPER_TYPES,
    KNOWN_VERSIONS,
    ChipImage,
    ImageFormatError,
    parse_hex,
)

log = logging.getLogger(__name__)

V4_DEVICE_TYPE = "NTAG/Ultralight"
V4_TYPE_KEY = "NTAG/Ultralight type"
FAILED_AUTH_KEY = "Failed authentication attempts"

# Keys whose values are rebuilt from the image; other lines are kept verbatim.
_MANAGED = {
    "UID",
    "ATQA",
    "SAK",
    "Signature",
    "Mifare version",
    "Pages total",
    "Pages read",
    FAILED_AUTH_KEY,
    V4_TYPE_KEY,
} | {f"{kind} {i}" for kind in ("Counter", "Tearing") for i in range(3)}

_V2_V3_HEAD = {
    2: "# Nfc device type can be UID, Mifare Ultralight, Mifare Classic, Bank card",
    3: "# Nfc device type can be UID, Mifare Ultralight, Mifare Classic",
}
_V4_HEAD = (
    "# Device type can be ISO14443-3A, ISO14443-4A, NTAG/Ultralight, "
    "Mifare Classic, Mifare DESFire"
)


def _default_lines(version: int) -> list[str | tuple[str]]:
    lines: list[str | tuple[str]] = ["Filetype: Flipper NFC device"]
    lines.append(f"Version: {version}")
    if version == 4:
        lines += [_V4_HEAD, f"Device type: {V4_DEVICE_TYPE}"]
        lines += ["# UID is common for all formats", ("UID",)]
        lines += ["# ISO14443-3A specific data", ("ATQA",), ("SAK",)]
        lines += ["# NTAG/Ultralight specific data", "Data format version: 2"]
        lines.append((V4_TYPE_KEY,))
    else:
        lines += [_V2_V3_HEAD[version], ("Device type",)]
        lines += ["# UID, ATQA and SAK are common for all formats"]
        lines += [("UID",), ("ATQA",), ("SAK",)]
        lines += ["# Mifare Ultralight specific data", "Data format version: 1"]
    lines += [("Signature",), ("Mifare version",)]
    for i in range(3):
        lines += [(f"Counter {i}",), (f"Tearing {i}",)]
    lines += [("Pages total",), ("Pages read",), ("Page",), (FAILED_AUTH_KEY,)]
    return lines


def default_header(version: int) -> dict[str, object]:
    """The layout Flipper firmware writes for a file of this version."""
    return {
        "lines": _default_lines(version),
        "newline": True,
        "failed_auth_blank": False,
    }


def parse(text: str, where: str) -> ChipImage:
    fields: dict[str, str] = {}
    pages: dict[int, bytes] = {}
    template: list[str | tuple[str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            template.append(line)
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ImageFormatError(f"{where}: line {number} is not 'key: value'")
        key, value = key.strip(), value.strip()
        if key.startswith("Page ") and key[5:].isdigit():
            if not pages:
                template.append(("Page",))
            pages[int(key[5:])] = parse_hex(value, 4, where, key)
            continue
        fields[key] = value
        template.append((key,) if key in _MANAGED else line)

    if fields.get("Filetype") != "Flipper NFC device":
        raise ImageFormatError(
            f"{where}: unknown Filetype {fields.get('Filetype')!r} "
            "(expected 'Flipper NFC device')"
        )
    try:
        version = int(fields.get("Version", ""))
    except ValueError:
        raise ImageFormatError(f"{where}: missing or bad Version") from None
    if version not in (2, 3, 4):
        raise ImageFormatError(f"{where}: unsupported Flipper file version {version}")
    device = fields.get("Device type")
    if version == 4:
        if device != V4_DEVICE_TYPE:
            raise ImageFormatError(f"{where}: unsupported device type {device!r}")
        name = fields.get(V4_TYPE_KEY)
    else:
        name = device
        template = [
            ("Device type",) if e == f"Device type: {device}" else e for e in template
        ]
    if name not in FLIPPER_TYPES:
        raise ImageFormatError(f"{where}: unsupported chip type {name!r}")
    if "UID" not in fields:
        raise ImageFormatError(f"{where}: missing UID")
    uid = parse_hex(fields["UID"], 7, where, "UID")
    atqa = parse_hex(fields.get("ATQA", "00 44"), 2, where, "ATQA")
    if version == 2 and "ATQA" in fields:
        atqa = atqa[::-1]  # v2 wrote ATQA least significant byte first
    sak = parse_hex(fields.get("SAK", "00"), 1, where, "SAK")[0]
    signature = parse_hex(fields.get("Signature", "00" * 32), 32, where, "Signature")
    chip_version = _chip_version(fields, name, where)

    counters, tearing = [0, 0, 0], bytearray(3)
    for i in range(3):
        raw = fields.get(f"Counter {i}", "0")
        if not raw.isdigit() or int(raw) > 0xFFFFFF:
            raise ImageFormatError(f"{where}: bad Counter {i}: {raw!r}")
        counters[i] = int(raw)
        tearing[i] = parse_hex(
            fields.get(f"Tearing {i}", "00"), 1, where, f"Tearing {i}"
        )[0]

    if sorted(pages) != list(range(len(pages))):
        raise ImageFormatError(f"{where}: Page lines must run 0..N without gaps")
    total = fields.get("Pages total", str(len(pages)))
    if not total.isdigit() or int(total) != len(pages):
        raise ImageFormatError(
            f"{where}: wrong page count: Pages total {total}, {len(pages)} Page lines"
        )
    if len(pages) != FLIPPER_TYPES[name]:
        raise ImageFormatError(
            f"{where}: wrong page count {len(pages)} for a {name} "
            f"(expected {FLIPPER_TYPES[name]})"
        )
    failures = fields.get(FAILED_AUTH_KEY, "") or "0"
    if not failures.isdigit():
        raise ImageFormatError(f"{where}: bad {FAILED_AUTH_KEY}: {failures!r}")

    return ChipImage(
        uid=uid,
        version=chip_version,
        signature=signature,
        pages=bytearray(b"".join(pages[n] for n in range(len(pages)))),
        counters=counters,
        tearing=tearing,
        atqa=atqa,
        sak=sak,
        auth_failures=int(failures),
        chip_name=name,
        fmt=FLIPPER,
        fmt_version=version,
        header={
            "lines": template,
            "newline": text.endswith("\n"),
            "failed_auth_blank": fields.get(FAILED_AUTH_KEY) == "",
        },
    )


def _chip_version(fields: dict[str, str], name: str, where: str) -> bytes:
    if "Mifare version" in fields:
        return parse_hex(fields["Mifare version"], 8, where, "Mifare version")
    # Early files left the version out; the type name still pins it down.
    for version, (known, _count) in KNOWN_VERSIONS.items():
        if known == name:
            return version
    raise ImageFormatError(f"{where}: missing Mifare version")


def render(image: ChipImage) -> str:
    header = (
        image.header if "lines" in image.header else default_header(image.fmt_version)
    )
    values = _values(image, bool(header.get("failed_auth_blank")))
    out: list[str] = []
    have_failed_auth = False
    for entry in header["lines"]:
        if isinstance(entry, str):
            out.append(entry)
        elif entry[0] == "Page":
            out += [f"Page {n}: {_hex(image.page(n))}" for n in range(image.page_count)]
        else:
            key = entry[0]
            have_failed_auth |= key == FAILED_AUTH_KEY
            value = values[key]
            out.append(f"{key}: {value}" if value else f"{key}:")
    if not have_failed_auth and image.auth_failures:
        out.append(f"{FAILED_AUTH_KEY}: {image.auth_failures}")
    text = "\n".join(out)
    return text + "\n" if header.get("newline") else text


def _values(image: ChipImage, failed_auth_blank: bool) -> dict[str, str]:
    atqa = image.atqa[::-1] if image.fmt_version == 2 else image.atqa
    values = {
        "Device type": image.chip_name,
        V4_TYPE_KEY: image.chip_name,
        "UID": _hex(image.uid),
        "ATQA": _hex(atqa),
        "SAK": f"{image.sak:02X}",
        "Signature": _hex(image.signature),
        "Mifare version": _hex(image.version),
        "Pages total": str(image.page_count),
        "Pages read": str(image.page_count),
        FAILED_AUTH_KEY: (
            ""
            if failed_auth_blank and not image.auth_failures
            else str(image.auth_failures)
        ),
    }
    for i in range(3):
        values[f"Counter {i}"] = str(image.counters[i])
        values[f"Tearing {i}"] = f"{image.tearing[i]:02X}"
    return values


def _hex(data: bytes) -> str:
    return " ".join(f"{b:02X}" for b in data)
