"""Card format version 1: the signed member record a diamond card carries.

On the chip it is record 2 of an NDEF message, an external type `<domain>:mc`,
after a URI record `https://<card host>/c/<card code>` that a phone opens
(iPhones read in the background only when the first record is a URI); the
NFC side assembles and parses that message (memberdesk.nfc.cardmessage). The
Ed25519 signature covers the payload *and* the chip's UID: the same bytes
copied onto another chip fail verification.

The compact layout carries the same signed payload for chips with little
room (NTAG213, 144 bytes with its Lock Control TLV): the link drops its `/c`
path segment and the record type is `<first label of domain>:c`. Every reader
accepts both layouts.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

FORMAT_VERSION = 1
DEFAULT_CARD_HOST = "m.memberdesk.example"
DEFAULT_DOMAIN = "memberdesk.example"
RECORD_NAME = "mc"
COMPACT_RECORD_NAME = "c"

# version, key id, card number, member id, issue number, issue day (since 2000)
_HEAD = struct.Struct(">BHIIHH")
SIGNATURE_SIZE = 64
PAYLOAD_SIZE = _HEAD.size + SIGNATURE_SIZE
_EPOCH = dt.date(2000, 1, 1)


class CardFormatError(ValueError):
    """The card's message is not a memberdesk card of a known version."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class CardPayload:
    key_id: int
    card_number: int
    member_id: int
    issue_number: int
    issued_on: dt.date
    version: int = FORMAT_VERSION

    def head(self) -> bytes:
        day = (self.issued_on - _EPOCH).days
        return _HEAD.pack(
            self.version,
            self.key_id,
            self.card_number,
            self.member_id,
            self.issue_number,
            day,
        )


@dataclass(frozen=True)
class SignedCard:
    payload: CardPayload
    signature: bytes

    def signed_message(self, uid: bytes) -> bytes:
        return self.payload.head() + uid


def card_code(card_number: int) -> str:
    return f"{card_number:08d}"


def sign(payload: CardPayload, uid: bytes, key: Ed25519PrivateKey) -> SignedCard:
    if len(uid) != 7:
        raise ValueError("an NTAG21x UID is 7 bytes")
    return SignedCard(payload, key.sign(payload.head() + uid))


def verify(card: SignedCard, uid: bytes, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(card.signature, card.signed_message(uid))
    except InvalidSignature:
        return False
    return True


def record_types(domain: str = DEFAULT_DOMAIN) -> tuple[str, str]:
    """The member record's type in the standard and in the compact layout."""
    label = domain.split(".", 1)[0] or domain
    return (
        f"urn:nfc:ext:{domain}:{RECORD_NAME}",
        f"urn:nfc:ext:{label}:{COMPACT_RECORD_NAME}",
    )


def record_data(card: SignedCard) -> bytes:
    """The member record's bytes: the signed head, then the signature."""
    return card.payload.head() + card.signature


def parse_record(data: bytes) -> SignedCard:
    """The member record's bytes back as a SignedCard; CardFormatError if not."""
    if not data or data[0] != FORMAT_VERSION:
        version = data[0] if data else "none"
        raise CardFormatError(
            "unknown_format", f"card format version {version} is not understood"
        )
    if len(data) != PAYLOAD_SIZE:
        raise CardFormatError(
            "not_member_card",
            f"the member record is {len(data)} bytes, expected {PAYLOAD_SIZE}",
        )
    version, key_id, number, member, issue, day = _HEAD.unpack_from(data)
    payload = CardPayload(
        key_id=key_id,
        card_number=number,
        member_id=member,
        issue_number=issue,
        issued_on=_EPOCH + dt.timedelta(days=day),
        version=version,
    )
    return SignedCard(payload, bytes(data[_HEAD.size :]))


def card_link(card_number: int, card_host: str, compact: bool = False) -> str:
    """The web link a phone opens when it taps the card."""
    code = card_code(card_number)
    return f"https://{card_host}/{code}" if compact else f"https://{card_host}/c/{code}"
