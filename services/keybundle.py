"""The key bundle: how an admin carries the card keys to another station.

Every issuer station needs the same card key to resume or recycle a card, and
the signing keys to issue. The bundle holds them, with their ids and public
halves, sealed under a passphrase (scrypt and AES-GCM, see services.secrets).
Importing puts the secrets in the station's store and the public keys in its
database; a key id that already means a different key is refused.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.audit import AuditLog
from memberdesk.services.keys import _raw_public, _setting
from memberdesk.services.models import Setting, SigningKey, utcnow
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.secrets import (
    DEFAULT_KDF,
    KdfCost,
    SecretStore,
    SecretStoreError,
    WrongPassphrase,
    seal,
    unseal,
)

log = logging.getLogger(__name__)

KIND = "memberdesk-key-bundle"
MIN_PASSPHRASE = 10


class KeyBundleError(SecretStoreError):
    """A bundle that cannot be made or taken in, said in words."""


@dataclass(frozen=True)
class BundleSummary:
    signing_key_ids: list[int]
    card_key_ids: list[int]
    current_signing_key_id: int
    current_card_key_id: int


def export_bundle(
    session: Session,
    store: SecretStore,
    actor: Actor,
    audit: AuditLog,
    passphrase: str,
    cost: KdfCost = DEFAULT_KDF,
) -> bytes:
    """The station's keys, sealed; run it in a `writing` transaction."""
    require(actor, Action.EXPORT_KEY_BUNDLE)
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyBundleError(
            f"a bundle passphrase needs at least {MIN_PASSPHRASE} characters"
        )
    signing_id, card_id = (
        _setting(session, "signing_key_id"),
        _setting(session, "card_key_id"),
    )
    if signing_id is None or card_id is None:
        raise KeyBundleError("this station has no card keys to export")

    signing = []
    for row in session.scalars(select(SigningKey).order_by(SigningKey.key_id)):
        private = store.get(f"signing-key/{row.key_id}")
        if private is None:
            continue  # made elsewhere and never imported here: a door-only key
        signing.append(
            {
                "key_id": row.key_id,
                "private": _b64(private),
                "public": _b64(row.public_key),
                "created_at": row.created_at.isoformat(),
                "retired_at": row.retired_at.isoformat() if row.retired_at else None,
            }
        )
    cards = []
    for key_id in range(1, int(card_id) + 1):
        secret = store.get(f"card-key/{key_id}")
        if secret is not None:
            cards.append({"key_id": key_id, "secret": _b64(secret)})
    held = {k["key_id"] for k in signing}, {k["key_id"] for k in cards}
    if int(signing_id) not in held[0] or int(card_id) not in held[1]:
        raise KeyBundleError(
            "this station does not hold the current keys; export from the "
            "station that made them"
        )

    content = {
        "signing_keys": signing,
        "card_keys": cards,
        "signing_key_id": int(signing_id),
        "card_key_id": int(card_id),
        "exported_at": utcnow().isoformat(),
    }
    data = seal(json.dumps(content).encode(), passphrase, KIND, cost)
    audit.append(
        session,
        actor,
        "key_bundle_exported",
        "key_bundle",
        f"{signing_id}/{card_id}",
        None,
        {"signing_key_ids": sorted(held[0]), "card_key_ids": sorted(held[1])},
    )
    log.info("key bundle exported: %d signing, %d card keys", *map(len, held))
    return data


def import_bundle(
    session: Session,
    store: SecretStore,
    actor: Actor,
    audit: AuditLog,
    data: bytes,
    passphrase: str,
) -> BundleSummary:
    """Take a bundle's keys in; run it in a `writing` transaction."""
    require(actor, Action.IMPORT_KEY_BUNDLE)
    try:
        plain = unseal(data, passphrase, KIND, "the key bundle")
    except WrongPassphrase:
        raise
    except SecretStoreError as exc:
        raise KeyBundleError(str(exc)) from exc
    content = _parse(plain)

    # Check everything before storing anything: a refused bundle leaves the
    # station as it was.
    for key in content["signing_keys"]:
        row = session.get(SigningKey, key["key_id"])
        if row is not None and row.public_key != key["public"]:
            raise KeyBundleError(
                f"signing key {key['key_id']} on this station is a different key; "
                "the bundle belongs to another programme"
            )
    for key_id, secret in content["card_keys"].items():
        held = store.get(f"card-key/{key_id}")
        if held is not None and held != secret:
            raise KeyBundleError(
                f"card key {key_id} on this station is a different key; the "
                "bundle belongs to another programme"
            )

    for key in content["signing_keys"]:
        store.put(f"signing-key/{key['key_id']}", key["private"])
        row = session.get(SigningKey, key["key_id"])
        if row is None:
            session.add(
                SigningKey(
                    key_id=key["key_id"],
                    public_key=key["public"],
                    created_at=key["created_at"],
                    retired_at=key["retired_at"],
                )
            )
        elif row.retired_at is None and key["retired_at"] is not None:
            row.retired_at = key["retired_at"]
    for key_id, secret in content["card_keys"].items():
        store.put(f"card-key/{key_id}", secret)
    for name in ("signing_key_id", "card_key_id"):
        mine = _setting(session, name)
        if mine is None or int(mine) < content[name]:
            session.merge(Setting(key=name, value=str(content[name])))
    session.flush()

    summary = BundleSummary(
        sorted(k["key_id"] for k in content["signing_keys"]),
        sorted(content["card_keys"]),
        content["signing_key_id"],
        content["card_key_id"],
    )
    audit.append(
        session,
        actor,
        "key_bundle_imported",
        "key_bundle",
        f"{summary.current_signing_key_id}/{summary.current_card_key_id}",
        None,
        {
            "signing_key_ids": summary.signing_key_ids,
            "card_key_ids": summary.card_key_ids,
        },
    )
    log.info(
        "key bundle imported: signing keys %s, card keys %s",
        summary.signing_key_ids,
        summary.card_key_ids,
    )
    return summary


def _parse(plain: bytes) -> dict:
    """The bundle's content, every key checked against its public half."""
    try:
        raw = json.loads(plain)
        signing = [
            {
                "key_id": int(k["key_id"]),
                "private": base64.b64decode(k["private"], validate=True),
                "public": base64.b64decode(k["public"], validate=True),
                "created_at": dt.datetime.fromisoformat(k["created_at"]),
                "retired_at": (
                    dt.datetime.fromisoformat(k["retired_at"])
                    if k["retired_at"]
                    else None
                ),
            }
            for k in raw["signing_keys"]
        ]
        cards = {
            int(k["key_id"]): base64.b64decode(k["secret"], validate=True)
            for k in raw["card_keys"]
        }
        content = {
            "signing_keys": signing,
            "card_keys": cards,
            "signing_key_id": int(raw["signing_key_id"]),
            "card_key_id": int(raw["card_key_id"]),
        }
        for key in signing:
            private = Ed25519PrivateKey.from_private_bytes(key["private"])
            if _raw_public(private) != key["public"]:
                raise ValueError("a private key does not match its public key")
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyBundleError("the key bundle is damaged") from exc
    if content["card_key_id"] not in cards or content["signing_key_id"] not in {
        k["key_id"] for k in signing
    }:
        raise KeyBundleError("the key bundle lacks its current keys")
    return content


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
