"""Secret stores: the encrypted file fallback, and choosing a store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from memberdesk.services import secrets
from memberdesk.services.models import Setting
from memberdesk.services.secrets import (
    CHEAP_KDF,
    DemoSecretStore,
    EncryptedFileSecretStore,
    KeyringSecretStore,
    SecretStoreError,
    WrongPassphrase,
    seal,
    store_for,
    unseal,
)

PASSPHRASE = "correct horse battery"
CARD_KEY = bytes(range(32))


def test_round_trip_through_the_file(tmp_path):
    path = tmp_path / "keys" / "secrets.json"
    store = EncryptedFileSecretStore(path, PASSPHRASE, CHEAP_KDF)
    assert store.get("card-key/1") is None and not path.exists()
    store.put("card-key/1", CARD_KEY)
    store.put("signing-key/1", b"\x00" * 32)

    again = EncryptedFileSecretStore(path, PASSPHRASE)
    assert again.get("card-key/1") == CARD_KEY
    assert again.get("signing-key/1") == b"\x00" * 32
    assert (path.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secrets.json"]


def test_the_file_never_holds_plain_text(tmp_path):
    path = tmp_path / "secrets.json"
    EncryptedFileSecretStore(path, PASSPHRASE, CHEAP_KDF).put("card-key/1", CARD_KEY)
    raw = path.read_bytes()
    doc = json.loads(raw)
    assert doc["kind"] == "memberdesk-secrets" and doc["kdf"]["name"] == "scrypt"
    for needle in (CARD_KEY, CARD_KEY.hex().encode(), b"card-key", PASSPHRASE.encode()):
        assert needle not in raw
    import base64

    assert base64.b64encode(CARD_KEY) not in raw


def test_wrong_passphrase(tmp_path):
    path = tmp_path / "secrets.json"
    EncryptedFileSecretStore(path, PASSPHRASE, CHEAP_KDF).put("card-key/1", CARD_KEY)
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        EncryptedFileSecretStore(path, "wrong horse battery")
    with pytest.raises(SecretStoreError, match="needs a passphrase"):
        EncryptedFileSecretStore(path, "")


def test_damaged_file(tmp_path):
    path = tmp_path / "secrets.json"
    EncryptedFileSecretStore(path, PASSPHRASE, CHEAP_KDF).put("card-key/1", CARD_KEY)
    doc = json.loads(path.read_text())

    path.write_text(path.read_text()[:40])
    with pytest.raises(SecretStoreError, match="damaged"):
        EncryptedFileSecretStore(path, PASSPHRASE)

    box = bytearray(secrets.base64.b64decode(doc["ciphertext"]))
    box[3] ^= 1
    path.write_text(json.dumps({**doc, "ciphertext": secrets._b64(bytes(box))}))
    with pytest.raises(WrongPassphrase, match="or the file was altered"):
        EncryptedFileSecretStore(path, PASSPHRASE)

    # The header is authenticated: a lowered work factor does not open it.
    doc["kdf"]["n"] = 2**11
    path.write_text(json.dumps(doc))
    with pytest.raises(SecretStoreError):
        EncryptedFileSecretStore(path, PASSPHRASE)


def test_sealed_kinds_do_not_mix():
    sealed = seal(b"payload", PASSPHRASE, "memberdesk-key-bundle", CHEAP_KDF)
    assert unseal(sealed, PASSPHRASE, "memberdesk-key-bundle") == b"payload"
    with pytest.raises(SecretStoreError, match="not a memberdesk-secrets file"):
        unseal(sealed, PASSPHRASE, "memberdesk-secrets")


def test_no_keyring_names_the_fallback(sessions, monkeypatch):
    def no_keyring(self):
        raise SecretStoreError(secrets._NO_KEYRING)

    monkeypatch.setattr(KeyringSecretStore, "_keyring", no_keyring)
    store = store_for(sessions)  # lazy: nothing is asked of the keyring yet
    for attempt in (
        lambda: store.get("card-key/1"),
        lambda: store_for(sessions, check=True),
    ):
        with pytest.raises(SecretStoreError) as err:
            attempt()
        assert "--secrets file:PATH" in str(err.value)
        assert "MEMBERDESK_SECRETS_PASSPHRASE" in str(err.value)
    monkeypatch.setattr(secrets, "keyring_works", lambda: True)
    assert isinstance(store_for(sessions, "keyring", check=True), KeyringSecretStore)


def test_the_keyring_stays_off_the_start_up_path(sqlite_url):
    code = (
        "import sys\n"
        "from memberdesk.services.db import open_database\n"
        "from memberdesk.services.secrets import store_for\n"
        f"engine, sessions = open_database({sqlite_url!r})\n"
        "store_for(sessions)\n"
        "assert 'keyring' not in sys.modules, 'keyring imported at start-up'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_real_keyring_check_does_not_raise():
    assert secrets.keyring_works() in (True, False)


def test_store_for_a_file(sessions, tmp_path, monkeypatch):
    path = tmp_path / "secrets.json"
    monkeypatch.delenv(secrets.PASSPHRASE_ENV, raising=False)
    with pytest.raises(SecretStoreError, match="needs its passphrase"):
        store_for(sessions, f"file:{path}")
    store = store_for(sessions, f"file:{path}", lambda: PASSPHRASE)
    assert isinstance(store, EncryptedFileSecretStore)
    store.put("card-key/1", CARD_KEY)
    monkeypatch.setenv(secrets.PASSPHRASE_ENV, PASSPHRASE)
    assert store_for(sessions, f"file:{path}").get("card-key/1") == CARD_KEY
    with pytest.raises(SecretStoreError, match="unknown secret store"):
        store_for(sessions, "vault:x")


def test_a_demo_database_keeps_its_own_store(sessions, monkeypatch):
    monkeypatch.setattr(secrets, "keyring_works", lambda: False)
    with sessions.begin() as s:
        s.add(Setting(key="demo", value="1"))
    assert isinstance(store_for(sessions), DemoSecretStore)
