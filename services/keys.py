"""Card keys: the Ed25519 signing keys and the card key for passwords.

The database holds only public keys and key ids. Private material comes from
a SecretStore. A card's PWD is the first 4 bytes of HMAC-SHA256(card key, UID)
and its PACK the next 2; the card records which card key it used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.services.audit import AuditLog
from memberdesk.services.models import Setting, SigningKey, utcnow
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.secrets import SecretStore, SecretStoreError

log = logging.getLogger(__name__)

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


def _new_signing_key(
    session: Session, store: SecretStore
) -> tuple[int, Ed25519PrivateKey]:
    """A fresh signing key under the next id, private half in the store."""
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
    return next_id, signing


def create_keys(session: Session, store: SecretStore) -> IssuerKeys:
    """Make a fresh signing key and card key, next ids, and make them current."""
    next_id, signing = _new_signing_key(session, store)

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


def keys_version(session: Session) -> tuple:
    """A cheap summary that changes whenever a key is added, removed or
    retired: a door reloads its keys when it does (a sync, another desk)."""
    return tuple(
        session.execute(
            select(
                func.count(),
                func.max(SigningKey.key_id),
                func.count(SigningKey.retired_at),
                func.max(SigningKey.retired_at),
            )
        ).one()
    )


class KeyChangeRefused(Exception):
    """A key rotation or retirement that would leave the station unable to work."""


def rotate_signing_key(
    session: Session, store: SecretStore, actor: Actor, audit: AuditLog
) -> int:
    """A new current signing key; older keys stay valid until retired.

    Run it in a `writing` transaction: the key row, the setting and the audit
    entry commit together. Returns the new key id.
    """
    require(actor, Action.MANAGE_KEYS)
    old = _setting(session, "signing_key_id")
    key_id, signing = _new_signing_key(session, store)
    session.merge(Setting(key="signing_key_id", value=str(key_id)))
    session.flush()
    audit.append(
        session,
        actor,
        "signing_key_rotated",
        "signing_key",
        key_id,
        {"current_key_id": None if old is None else int(old)},
        {"current_key_id": key_id, "public_key": _raw_public(signing).hex()},
    )
    log.info("signing key %s is now current (was %s)", key_id, old)
    return key_id


def retire_key(
    session: Session, key_id: int, at: dt.datetime, actor: Actor, audit: AuditLog
) -> None:
    """Refuse cards signed by `key_id` from `at` on; the current key cannot go."""
    require(actor, Action.MANAGE_KEYS)
    row = session.get(SigningKey, key_id)
    if row is None:
        raise KeyChangeRefused(f"there is no signing key {key_id}")
    if _setting(session, "signing_key_id") == str(key_id):
        raise KeyChangeRefused(
            f"signing key {key_id} is the current one; rotate to a new key first"
        )
    before = {"retired_at": row.retired_at}
    row.retired_at = at
    session.flush()
    audit.append(
        session,
        actor,
        "signing_key_retired",
        "signing_key",
        key_id,
        before,
        {"retired_at": at},
    )
    log.info("signing key %s retired from %s", key_id, at.isoformat())


def set_up_keys(
    session: Session, store: SecretStore, actor: Actor, audit: AuditLog
) -> IssuerKeys:
    """The first signing key and card key of a station's programme.

    Refused when keys exist already: a second card key would lock this station
    out of every card protected with the first. Other stations import them with
    a key bundle instead.
    """
    require(actor, Action.MANAGE_KEYS)
    if _setting(session, "signing_key_id") is not None:
        raise KeyChangeRefused(
            "card keys are set up already; import a key bundle or rotate the "
            "signing key instead"
        )
    made = create_keys(session, store)
    audit.append(
        session,
        actor,
        "keys_created",
        "signing_key",
        made.signing_key_id,
        None,
        {"signing_key_id": made.signing_key_id, "card_key_id": made.card_key.key_id},
    )
    return made
