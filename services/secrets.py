"""Where secrets live: behind one small interface.

The OS keyring in production (reached through `keyring`, imported lazily so
that start-up never touches it), an in-memory store in tests, and for a demo
database only, a store inside that database, flagged as demo material.
"""

from __future__ import annotations

import base64
import logging
from typing import Protocol

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
    "no OS keyring is available on this machine, so the card keys cannot be "
    "stored safely; install and unlock a keyring (GNOME Keyring, KWallet, "
    "macOS Keychain, Windows Credential Locker)"
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


def store_for(sessions: sessionmaker[Session]) -> SecretStore:
    """The demo store for a demo database, else the OS keyring."""
    with sessions() as s:
        if s.get(Setting, "demo") is not None:
            return DemoSecretStore(sessions)
    return KeyringSecretStore()
