"""Carrying the card keys from one station to another in a sealed bundle."""

from __future__ import annotations

import json

import pytest
from securitykit import make_kit
from sqlalchemy import select

from memberdesk.services import keys
from memberdesk.services.audit import verify, writing
from memberdesk.services.db import open_database
from memberdesk.services.keybundle import KeyBundleError, export_bundle, import_bundle
from memberdesk.services.models import AuditEntry, SigningKey
from memberdesk.services.permissions import Role
from memberdesk.services.secrets import CHEAP_KDF, MemorySecretStore, WrongPassphrase

PASSPHRASE = "tea house at nine"
UID = bytes.fromhex("04A1B2C3D4E5F6")


@pytest.fixture
def stations(tmp_path):
    """Two stations, each with its own database, store and admin."""
    made = []
    for name in ("office", "venue"):
        engine, sessions = open_database(f"sqlite:///{tmp_path / name}.db")
        kit = make_kit(sessions, station=name)
        kit.store = MemorySecretStore()
        made.append((engine, kit))
    yield made[0][1], made[1][1]
    for engine, _kit in made:
        engine.dispose()


def _export(kit, passphrase=PASSPHRASE) -> bytes:
    with writing(kit.sessions) as s:
        return export_bundle(
            s, kit.store, kit.actors[Role.ADMIN], kit.audit, passphrase, CHEAP_KDF
        )


def _import(kit, data: bytes, passphrase=PASSPHRASE):
    with writing(kit.sessions) as s:
        return import_bundle(
            s, kit.store, kit.actors[Role.ADMIN], kit.audit, data, passphrase
        )


def test_keys_travel_to_another_station(stations):
    office, venue = stations
    with writing(office.sessions) as s:
        keys.create_keys(s, office.store)
        keys.rotate_signing_key(
            s, office.store, office.actors[Role.ADMIN], office.audit
        )
    data = _export(office)
    assert b"card-key" not in data and PASSPHRASE.encode() not in data

    summary = _import(venue, data)
    assert summary.signing_key_ids == [1, 2] and summary.card_key_ids == [1]
    assert summary.current_signing_key_id == 2
    with office.sessions() as a, venue.sessions() as b:
        here, there = (
            keys.issuer_keys(a, office.store),
            keys.issuer_keys(b, venue.store),
        )
        assert there.signing_key_id == here.signing_key_id == 2
        assert there.card_key.password(UID) == here.card_key.password(UID)
        assert keys.public_keys(b).keys() == {1, 2}
        assert verify(b, venue.anchor).ok
        actions = list(b.scalars(select(AuditEntry.action)))
    assert actions[-1] == "key_bundle_imported"

    # Importing the same bundle again changes nothing and is fine.
    assert _import(venue, data) == summary


def test_wrong_passphrase_and_damage(stations):
    office, venue = stations
    with writing(office.sessions) as s:
        keys.create_keys(s, office.store)
    data = _export(office)
    with pytest.raises(WrongPassphrase, match="does not open the key bundle"):
        _import(venue, data, "tea house at ten")
    with pytest.raises(KeyBundleError, match="damaged"):
        _import(venue, data[: len(data) // 2])
    doc = json.loads(data)
    doc["kind"] = "memberdesk-secrets"
    with pytest.raises(KeyBundleError, match="not a memberdesk-key-bundle"):
        _import(venue, json.dumps(doc).encode())
    with venue.sessions() as s:
        assert s.scalar(select(SigningKey)) is None
    assert venue.store.items() == []


def test_a_bundle_of_another_programme_is_refused(stations):
    office, venue = stations
    for kit in stations:
        with writing(kit.sessions) as s:
            keys.create_keys(s, kit.store)
    before = venue.store.items()
    with pytest.raises(KeyBundleError, match="another programme"):
        _import(venue, _export(office))
    assert venue.store.items() == before


def test_export_needs_keys_and_a_long_passphrase(stations):
    office, _venue = stations
    with pytest.raises(KeyBundleError, match="no card keys"):
        _export(office)
    with writing(office.sessions) as s:
        keys.create_keys(s, office.store)
    with pytest.raises(KeyBundleError, match="at least 10"):
        _export(office, "short")
    office.store = MemorySecretStore()  # a door station: public keys only
    with pytest.raises(KeyBundleError, match="does not hold the current keys"):
        _export(office)


def test_rotation_and_retirement(stations):
    office, _venue = stations
    admin = office.actors[Role.ADMIN]
    with writing(office.sessions) as s:
        keys.create_keys(s, office.store)
        with pytest.raises(keys.KeyChangeRefused, match="rotate to a new key first"):
            keys.retire_key(s, 1, office.clock(), admin, office.audit)
        assert keys.rotate_signing_key(s, office.store, admin, office.audit) == 2
        keys.retire_key(s, 1, office.clock(), admin, office.audit)
        with pytest.raises(keys.KeyChangeRefused, match="no signing key 9"):
            keys.retire_key(s, 9, office.clock(), admin, office.audit)
    with office.sessions() as s:
        found = keys.public_keys(s)
        assert found[1][1] == office.clock() and found[2][1] is None
        assert keys.issuer_keys(s, office.store).signing_key_id == 2
        assert list(s.scalars(select(AuditEntry.action)))[-2:] == [
            "signing_key_rotated",
            "signing_key_retired",
        ]
