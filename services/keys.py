"""Card keys: the Ed25519 signing keys and the card key for passwords.

The database holds only public keys and key ids. Private material comes from
a SecretStore. A card's PWD is the first 4 bytes of HMAC-SHA256(card key, UID)
and its PACK the next 2; the card records which card key it used.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.models import Setting, SigningKey, utcnow
from memberdesk.services.secrets import SecretStore, SecretStoreError

FACTORY_PWD = b"\xff\xff\xff\xff"
FACTORY_PACK = b"\x00\x00"


@dataclass(frozen=True)
class CardKey:
    key_id: int
    secret: bytes

    def password(self, uid: bytes) -> tuple[bytes, bytes]:
        """(PWD, PACK) for the chip with this UID."""
        mac = hmac.new(self.secret, bytes(uid), hashlib.sha256).digest()
        return mac[:4], mac[4:6]


@dataclass(frozen=True)
class IssuerKeys:
    """What an issuer station needs to sign and protect a card."""

    signing_key_id: int
    signing_key: Ed25519PrivateKey
    card_key: CardKey


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return None if row is None else row.value


def create_keys(session: Session, store: SecretStore) -> IssuerKeys:
    """Make a fresh signing key and card key, next ids, and make them current."""
    next_id = (
        session.scalar(
            select(SigningKey.key_id).order_by(SigningKey.key_id.desc()).limit(1)
        )
        or 0
    ) + 1
    signing = Ed25519PrivateKey.generate()
    store.put(f"signing-key/{next_id}", signing.private_bytes_raw())
    session.add(
        SigningKey(key_id=next_id, public_key=_raw_public(signing), created_at=utcnow())
    )

    card_key_id = int(_setting(session, "card_key_id") or 0) + 1
    secret = os.urandom(32)
    store.put(f"card-key/{card_key_id}", secret)
    session.merge(Setting(key="signing_key_id", value=str(next_id)))
    session.merge(Setting(key="card_key_id", value=str(card_key_id)))
    session.flush()
    return IssuerKeys(next_id, signing, CardKey(card_key_id, secret))


def card_key(store: SecretStore, key_id: int) -> CardKey:
    secret = store.get(f"card-key/{key_id}")
    if secret is None:
        raise SecretStoreError(
            f"card key {key_id} is not on this station; import the key bundle"
        )
    return CardKey(key_id, secret)


def issuer_keys(session: Session, store: SecretStore) -> IssuerKeys:
    """The current signing key and card key, from the store."""
    signing_id = _setting(session, "signing_key_id")
    card_id = _setting(session, "card_key_id")
    if signing_id is None or card_id is None:
        raise SecretStoreError("no card keys are set up on this database yet")
    raw = store.get(f"signing-key/{signing_id}")
    if raw is None:
        raise SecretStoreError(
            f"signing key {signing_id} is not on this station; import the key bundle"
        )
    return IssuerKeys(
        int(signing_id),
        Ed25519PrivateKey.from_private_bytes(raw),
        card_key(store, int(card_id)),
    )


def public_keys(session: Session) -> dict[int, tuple[Ed25519PublicKey, object]]:
    """key id -> (public key, retired_at): all a door needs."""
    return {
        row.key_id: (Ed25519PublicKey.from_public_bytes(row.public_key), row.retired_at)
        for row in session.scalars(select(SigningKey))
    }
