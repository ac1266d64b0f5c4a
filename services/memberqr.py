"""The member QR code: signed like the card, typed safely by any scanner.

A keyboard-wedge scanner types what it reads through the host's keyboard
layout. On AZERTY the digits need Shift, and QWERTZ swaps Y and Z, so the code
uses only the twenty letters that sit on the same keys in QWERTY, AZERTY and
QWERTZ. The text is a prefix, a version letter, then the payload, its Ed25519
signature and a CRC as one base-20 number of fixed width: a burst cut short is
told from a damaged one, and both from a forgery.

The signature covers a label and the payload, never a chip UID: a QR code is
not bound to a card, so it carries its own serial and an expiry instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from memberdesk.services.audit import AuditLog
from memberdesk.services.models import Card, Member, MemberQr
from memberdesk.services.permissions import Action, Actor, allowed, require

log = logging.getLogger(__name__)

ALPHABET = "BCDEFGHIJKLNOPRSTUVX"
PREFIX = "DX"
VERSION = 1
_BASE = len(ALPHABET)
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_LABEL = b"memberdesk member qr v1"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

# version, key id, member id, serial, card number, issue number, expiry
# (minutes since 2000, UTC)
_HEAD = struct.Struct(">BHIIIHI")
SIGNATURE_SIZE = 64
_CRC_SIZE = 2
_DATA_SIZE = _HEAD.size + SIGNATURE_SIZE + _CRC_SIZE
BODY_LENGTH = math.ceil(_DATA_SIZE * 8 / math.log2(_BASE))
TEXT_LENGTH = len(PREFIX) + 1 + BODY_LENGTH


class QrError(ValueError):
    """A scan that is not a readable member code.

    `reason` is a door reason code (malformed_qr, not_member_card,
    unknown_format); `problem` says what exactly went wrong: empty,
    characters, incomplete, too_long, checksum, version or foreign.
    """

    def __init__(self, reason: str, problem: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.problem = problem


@dataclass(frozen=True)
class QrPayload:
    key_id: int
    member_id: int
    serial: int
    expires_at: dt.datetime
    card_number: int = 0  # 0: the member has no card
    issue_number: int = 0
    version: int = VERSION

    def head(self) -> bytes:
        minutes = int((self.expires_at - _EPOCH).total_seconds() // 60)
        return _HEAD.pack(
            self.version,
            self.key_id,
            self.member_id,
            self.serial,
            self.card_number,
            self.issue_number,
            minutes,
        )


@dataclass(frozen=True)
class SignedQr:
    payload: QrPayload
    signature: bytes


def sign_member_qr(payload: QrPayload, key: Ed25519PrivateKey) -> SignedQr:
    if payload.expires_at.tzinfo is None:
        raise ValueError("naive expiry given; pass an aware time")
    return SignedQr(payload, key.sign(_LABEL + payload.head()))


def verify_member_qr(signed: SignedQr, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(signed.signature, _LABEL + signed.payload.head())
    except InvalidSignature:
        return False
    return True


def encode_member_qr(payload: QrPayload, key: Ed25519PrivateKey) -> str:
    """The text a member's QR code holds: only layout-safe capital letters."""
    signed = sign_member_qr(payload, key)
    data = payload.head() + signed.signature
    data += _crc16(data).to_bytes(_CRC_SIZE, "big")
    return PREFIX + ALPHABET[VERSION] + _to_letters(data, BODY_LENGTH)


def decode_member_qr(text: str) -> SignedQr:
    """Parse a scanned code; QrError says in words why it cannot be read.

    Case and surrounding white space are forgiven (a scanner with caps lock,
    the Enter that ends a burst). The signature is not checked here.
    """
    code = "".join(text.split()).upper()
    if not code:
        raise QrError("malformed_qr", "empty", "the scan was empty: scan again")
    head = code[: len(PREFIX)]
    if not PREFIX.startswith(head):
        raise QrError(
            "not_member_card",
            "foreign",
            "not a member code: it does not start with the member code prefix",
        )
    for position, ch in enumerate(code, 1):
        if ch not in _INDEX:
            raise QrError(
                "malformed_qr",
                "characters",
                f"character {ch!r} at position {position} is not used by member "
                "codes: check the scanner's keyboard layout, or scan again",
            )
    if len(code) < TEXT_LENGTH:
        raise QrError(
            "malformed_qr",
            "incomplete",
            f"the scan stopped after {len(code)} of {TEXT_LENGTH} characters: "
            "scan again",
        )
    if len(code) > TEXT_LENGTH:
        raise QrError(
            "malformed_qr",
            "too_long",
            f"the scan has {len(code)} characters, a member code {TEXT_LENGTH}: "
            "two scans may have run together; scan again",
        )
    version = _INDEX[code[len(PREFIX)]]
    if version != VERSION:
        raise QrError(
            "unknown_format",
            "version",
            f"member code version {version} is not understood by this station",
        )
    data = _from_letters(code[len(PREFIX) + 1 :], _DATA_SIZE)
    if data is None or _crc16(data[:-_CRC_SIZE]) != int.from_bytes(
        data[-_CRC_SIZE:], "big"
    ):
        raise QrError(
            "malformed_qr",
            "checksum",
            "the code was damaged in the scan (checksum does not match): scan again",
        )
    fields = _HEAD.unpack_from(data)
    if fields[0] != VERSION:
        raise QrError(
            "unknown_format", "version", f"member code version {fields[0]} unknown"
        )
    _, key_id, member_id, serial, number, issue, minutes = fields
    payload = QrPayload(
        key_id=key_id,
        member_id=member_id,
        serial=serial,
        expires_at=_EPOCH + dt.timedelta(minutes=minutes),
        card_number=number,
        issue_number=issue,
    )
    signature = data[_HEAD.size : _HEAD.size + SIGNATURE_SIZE]
    return SignedQr(payload, signature)


def _to_letters(data: bytes, width: int) -> str:
    value = int.from_bytes(data, "big")
    letters = []
    for _ in range(width):
        value, digit = divmod(value, _BASE)
        letters.append(ALPHABET[digit])
    return "".join(reversed(letters))


def _from_letters(text: str, size: int) -> bytes | None:
    value = 0
    for ch in text:
        value = value * _BASE + _INDEX[ch]
    if value >= 1 << (8 * size):
        return None  # more than the payload can hold: a damaged scan
    return value.to_bytes(size, "big")


def _crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: catches the swapped and dropped letters of a bad scan."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


class BurstReader:
    """Tells a scanner's burst of keystrokes from a person typing.

    Feed every key with its time in seconds (a monotonic clock); a scan comes
    back when Enter ends a burst. A pause longer than `gap` starts a new
    burst, so keys a person typed before the scan do not stick to it.
    """

    def __init__(self, gap: float = 0.08) -> None:
        self.gap = gap
        self._keys: list[str] = []
        self._last: float | None = None

    def key(self, ch: str, at: float) -> str | None:
        if self._last is not None and at - self._last > self.gap:
            self._keys.clear()
        self._last = at
        if ch in ("\r", "\n"):
            burst, self._keys = "".join(self._keys), []
            return burst or None
        self._keys.append(ch)
        return None

    def pending(self) -> str:
        """What has been typed since the last Enter (for a half-typed burst)."""
        return "".join(self._keys)


DEFAULT_VALIDITY = dt.timedelta(days=365)


def issue_member_qr(
    session: Session,
    key_id: int,
    key: Ed25519PrivateKey,
    member_id: int,
    actor: Actor,
    audit: AuditLog,
    now: dt.datetime,
    valid_for: dt.timedelta = DEFAULT_VALIDITY,
) -> tuple[int, str]:
    """A new member code, (serial, text); the member's older codes are revoked.

    Runs in the caller's transaction, with the audit entry. Card issuers and
    event managers may issue codes.
    """
    if not allowed(actor.role, Action.ISSUE_CARDS):
        require(actor, Action.MANAGE_EVENTS)
    member = session.get(Member, member_id)
    if member is None:
        raise LookupError(f"no member with id {member_id}")
    card = session.scalar(
        select(Card)
        .where(Card.member_id == member_id, Card.status == "active")
        .order_by(Card.issue_number.desc())
        .limit(1)
    )
    # Whole minutes: what the code can carry is what the row records.
    expires = (now + valid_for).replace(second=0, microsecond=0)
    revoked = session.execute(
        update(MemberQr)
        .where(MemberQr.member_id == member_id, MemberQr.revoked_at.is_(None))
        .values(revoked_at=now)
    ).rowcount
    row = MemberQr(
        member_id=member_id,
        key_id=key_id,
        card_number=card.card_number if card else None,
        issue_number=card.issue_number if card else None,
        issued_at=now,
        expires_at=expires,
    )
    session.add(row)
    session.flush()
    text = encode_member_qr(
        QrPayload(
            key_id=key_id,
            member_id=member_id,
            serial=row.serial,
            expires_at=expires,
            card_number=row.card_number or 0,
            issue_number=row.issue_number or 0,
        ),
        key,
    )
    audit.append(
        session,
        actor,
        "member_qr_issued",
        "member",
        member_id,
        None,
        {"serial": row.serial, "expires_at": expires, "revoked_older": revoked},
    )
    log.info("member code %s issued for member %s", row.serial, member_id)
    return row.serial, text


def revoke_member_qr(
    session: Session, serial: int, actor: Actor, audit: AuditLog, now: dt.datetime
) -> None:
    """Refuse a member code from now on (a lost phone, a leaked screenshot)."""
    if not allowed(actor.role, Action.ISSUE_CARDS):
        require(actor, Action.MANAGE_EVENTS)
    row = session.get(MemberQr, serial)
    if row is None:
        raise LookupError(f"no member code with serial {serial}")
    if row.revoked_at is None:
        row.revoked_at = now
        audit.append(
            session,
            actor,
            "member_qr_revoked",
            "member",
            row.member_id,
            None,
            {"serial": serial},
        )
