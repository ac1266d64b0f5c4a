"""Where secrets live: behind one small interface.

The OS keyring in production (reached through `keyring`, imported lazily so
that start-up never touches it), an in-memory store in tests, and for a demo
database only, a store inside that database, flagged as demo material.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.models import Setting

log = logging.getLogger(__name__)

SERVICE = "memberdesk"


class SecretStoreError(Exception):
    """A secret store that cannot be reached, said in words."""


class SecretStore(Protocol):
    def get(self, name: str) -> bytes | None: ...

    def put(self, name: str, value: bytes) -> None: ...


class MemorySecretStore:
    """Secrets in a dict: for tests, and never written anywhere."""

    def __init__(self) -> None:
        self._values: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self._values.get(name)

    def put(self, name: str, value: bytes) -> None:
        self._values[name] = bytes(value)

    def items(self) -> list[tuple[str, bytes]]:
        return list(self._values.items())


class KeyringSecretStore:
    """The OS keyring, one entry a secret, base64 text."""

    def __init__(self, namespace: str = SERVICE) -> None:
        self.namespace = namespace

    def _keyring(self):  # noqa: ANN202
        import keyring
        from keyring.errors import NoKeyringError

        try:
            backend = keyring.get_keyring()
        except NoKeyringError as exc:
            raise SecretStoreError(_NO_KEYRING) from exc
        if "fail" in type(backend).__module__:
            raise SecretStoreError(_NO_KEYRING)
        return keyring

    def get(self, name: str) -> bytes | None:
        text = self._keyring().get_password(self.namespace, name)
        return None if text is None else base64.b64decode(text)

    def put(self, name: str, value: bytes) -> None:
        self._keyring().set_password(
            self.namespace, name, base64.b64encode(value).decode()
        )


_NO_KEYRING = (
    "no OS keyring is available on this machine, so the station's secrets "
    "(card keys, the API token) cannot be stored safely; install and unlock "
    "a keyring (GNOME Keyring, KWallet, "
    "macOS Keychain, Windows Credential Locker), or keep them in an encrypted "
    "file: --secrets file:PATH, with the passphrase in "
    "MEMBERDESK_SECRETS_PASSPHRASE or typed at the prompt"
)

DEMO_PREFIX = "demo-secret:"


class DemoSecretStore:
    """Secrets kept in a *demo* database, next to its made-up members.

    Only `seed-demo` creates one; a database not marked as demo refuses it, so
    real card keys never land in the database.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        with sessions() as s:
            if s.get(Setting, "demo") is None:
                raise SecretStoreError("this database is not a demo database")

    def get(self, name: str) -> bytes | None:
        with self._sessions() as s:
            row = s.get(Setting, DEMO_PREFIX + name)
            return None if row is None else base64.b64decode(row.value)

    def put(self, name: str, value: bytes) -> None:
        with self._sessions.begin() as s:
            s.merge(
                Setting(key=DEMO_PREFIX + name, value=base64.b64encode(value).decode())
            )


PASSPHRASE_ENV = "MEMBERDESK_SECRETS_PASSPHRASE"


@dataclass(frozen=True)
class KdfCost:
    """scrypt's work factors. Tests pass a cheap one; files record theirs."""

    n: int = 2**15
    r: int = 8
    p: int = 1


DEFAULT_KDF = KdfCost()
CHEAP_KDF = KdfCost(n=2**10)


class WrongPassphrase(SecretStoreError):
    """The passphrase does not open this file or bundle."""


def _sane(cost: KdfCost) -> bool:
    # A file states its own work factors; refuse ones that would exhaust memory.
    return 2**10 <= cost.n <= 2**18 and 1 <= cost.r <= 16 and 1 <= cost.p <= 4


def _kdf(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    scrypt = Scrypt(salt=salt, length=32, n=cost.n, r=cost.r, p=cost.p)
    return scrypt.derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(
    plaintext: bytes, passphrase: str, kind: str, cost: KdfCost = DEFAULT_KDF
) -> bytes:
    """A JSON document holding `plaintext` under a passphrase.

    scrypt derives the key; AES-GCM encrypts. The header (kind, version, KDF)
    is authenticated too, so a file of one kind never opens as another.
    """
    salt = os.urandom(16)
    return _seal_with(_kdf(passphrase, salt, cost), salt, plaintext, kind, cost)


def _seal_with(
    key: bytes, salt: bytes, plaintext: bytes, kind: str, cost: KdfCost
) -> bytes:
    header = {
        "kind": kind,
        "version": 1,
        "kdf": {"name": "scrypt", "n": cost.n, "r": cost.r, "p": cost.p},
        "salt": _b64(salt),
    }
    nonce = os.urandom(12)
    box = AESGCM(key).encrypt(nonce, plaintext, _aad(header))
    doc = {**header, "nonce": _b64(nonce), "ciphertext": _b64(box)}
    return json.dumps(doc, indent=1).encode("utf-8")


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()


def _header(data: bytes, kind: str, what: str) -> tuple[dict, KdfCost, bytes]:
    try:
        doc = json.loads(data.decode("utf-8"))
        header = {k: doc[k] for k in ("kind", "version", "kdf", "salt")}
        kdf = header["kdf"]
        cost = KdfCost(int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        salt = base64.b64decode(header["salt"], validate=True)
        if kdf["name"] != "scrypt" or not _sane(cost):
            raise ValueError("unknown key derivation")
    except (ValueError, KeyError, TypeError) as exc:
        raise SecretStoreError(f"{what} is damaged or not a {kind} file") from exc
    if header["kind"] != kind or header["version"] != 1:
        raise SecretStoreError(f"{what} is not a {kind} file (version 1)")
    return doc, cost, salt


def _open_with(key: bytes, doc: dict, kind: str, what: str) -> bytes:
    header = {k: doc[k] for k in ("kind", "version", "kdf", "salt")}
    try:
        nonce = base64.b64decode(doc["nonce"], validate=True)
        box = base64.b64decode(doc["ciphertext"], validate=True)
    except (ValueError, KeyError, TypeError) as exc:
        raise SecretStoreError(f"{what} is damaged") from exc
    try:
        return AESGCM(key).decrypt(nonce, box, _aad(header))
    except InvalidTag as exc:
        # GCM cannot tell a wrong key from altered bytes; say both.
        raise WrongPassphrase(
            f"the passphrase does not open {what} (or the file was altered)"
        ) from exc


def unseal(data: bytes, passphrase: str, kind: str, what: str = "the file") -> bytes:
    doc, cost, salt = _header(data, kind, what)
    return _open_with(_kdf(passphrase, salt, cost), doc, kind, what)


class EncryptedFileSecretStore:
    """All secrets in one passphrase-encrypted file: where no keyring exists.

    The file is rewritten whole, atomically, on every put; nothing is ever
    written in plain text. A wrong passphrase fails at construction.
    """

    KIND = "memberdesk-secrets"

    def __init__(
        self, path: Path, passphrase: str, cost: KdfCost = DEFAULT_KDF
    ) -> None:
        if not passphrase:
            raise SecretStoreError("the secret file needs a passphrase")
        self.path = Path(path)
        self._lock = threading.Lock()
        what = f"the secret file {self.path}"
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            self._salt, self._cost = os.urandom(16), cost
            self._key = _kdf(passphrase, self._salt, cost)
            self._values: dict[str, bytes] = {}
            return
        except OSError as exc:
            raise SecretStoreError(f"cannot read {what}: {exc.strerror}") from exc
        doc, self._cost, self._salt = _header(data, self.KIND, what)
        self._key = _kdf(passphrase, self._salt, self._cost)
        self._values = self._decode(_open_with(self._key, doc, self.KIND, what))

    def _decode(self, plaintext: bytes) -> dict[str, bytes]:
        try:
            return {k: base64.b64decode(v) for k, v in json.loads(plaintext).items()}
        except (ValueError, AttributeError) as exc:
            raise SecretStoreError(f"the secret file {self.path} is damaged") from exc

    def get(self, name: str) -> bytes | None:
        return self._values.get(name)

    def put(self, name: str, value: bytes) -> None:
        with self._lock:
            values = {**self._values, name: bytes(value)}
            plain = json.dumps({k: _b64(v) for k, v in values.items()}).encode()
            self._write(_seal_with(self._key, self._salt, plain, self.KIND, self._cost))
            self._values = values

    def _write(self, data: bytes) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=self.path.parent)
        except OSError as exc:
            raise SecretStoreError(f"cannot write {self.path}: {exc.strerror}") from exc
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise SecretStoreError(f"cannot write {self.path}: {exc.strerror}") from exc


def keyring_works() -> bool:
    """Whether an OS keyring backend is usable; imports keyring on first call."""
    try:
        KeyringSecretStore()._keyring()
    except SecretStoreError:
        return False
    return True


def store_for(
    sessions: sessionmaker[Session],
    spec: str | None = None,
    passphrase: Callable[[], str] | None = None,
    check: bool = False,
) -> SecretStore:
    """The store a command or page should use.

    A demo database keeps its own store. `spec` "file:PATH" opens an encrypted
    file, its passphrase from MEMBERDESK_SECRETS_PASSPHRASE or `passphrase()`
    (a prompt). Otherwise the OS keyring, reached only on first use so that
    start-up never waits on it; where no backend works, that first use (or,
    with `check`, this call) raises an error naming the file fallback.
    """
    with sessions() as s:
        if s.get(Setting, "demo") is not None:
            return DemoSecretStore(sessions)
    if spec and spec.startswith("file:"):
        secret = os.environ.get(PASSPHRASE_ENV) or (passphrase() if passphrase else "")
        if not secret:
            raise SecretStoreError(
                f"the secret file needs its passphrase: set {PASSPHRASE_ENV} or run "
                "the command in a terminal to be asked"
            )
        return EncryptedFileSecretStore(Path(spec[len("file:") :]), secret)
    if spec not in (None, "", "keyring"):
        raise SecretStoreError(
            f"unknown secret store {spec!r}: use keyring or file:PATH"
        )
    if check and not keyring_works():
        raise SecretStoreError(_NO_KEYRING)
    return KeyringSecretStore()
