"""Reading a tapped card: who made the chip, and what message it holds."""

from __future__ import annotations

from dataclasses import dataclass

from nfc.tag import tt2, tt2_nxp

from memberdesk.nfc.memory import read_area
from memberdesk.nfc.ntag import CHIPS, NtagLink, describe_version
from memberdesk.services import originality


@dataclass(frozen=True)
class CardRead:
    uid: bytes
    chip: str
    message: bytes | None  # None when the chip holds no NDEF message TLV
    originality: str | None = None  # only when asked for
    version: bytes | None = None


def read_message(tag: object) -> CardRead:
    """The door's read: the message only, in as few commands as it takes."""
    if isinstance(tag, tt2_nxp.NTAG21x) and type(tag).__name__.startswith("NTAG21"):
        link = NtagLink(tag)
        spec = _spec_for(tag)
        area = read_area(link, spec)
        return CardRead(link.uid, spec.name, area.message)
    return _read_generic(tag)


def read_full(
    tag: object, originality_keys: dict[str, bytes] | None = None
) -> CardRead:
    """Everything the card desk shows: chip, originality, message."""
    if not isinstance(tag, tt2.Type2Tag):
        return _read_generic(tag)
    link = NtagLink(tag)
    version = link.get_version()
    spec = CHIPS.get(version or b"")
    origin = (
        originality.check(link.uid, link.read_sig(), originality_keys)
        if version is not None
        else originality.ABSENT
    )
    if spec is None:
        generic = _read_generic(tag)
        return CardRead(
            link.uid, describe_version(version), generic.message, origin, version
        )
    area = read_area(link, spec)
    return CardRead(link.uid, spec.name, area.message, origin, version)


def _spec_for(tag: tt2_nxp.NTAG21x):  # noqa: ANN202
    name = type(tag).__name__
    return next(s for s in CHIPS.values() if s.name == name)


def _read_generic(tag: object) -> CardRead:
    uid = bytes(getattr(tag, "identifier", b""))
    name = getattr(tag, "product", None) or type(tag).__name__
    ndef = getattr(tag, "ndef", None)
    message = bytes(ndef.octets) if ndef is not None else None
    return CardRead(uid, str(name), message)
