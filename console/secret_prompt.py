"""The secret store the console opens, asking for a file's passphrase.

With --secrets file:PATH the passphrase comes from the environment, or is
asked for: a wrong one is said and asked again, PASSPHRASE_TRIES times.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.secrets import (
    PASSPHRASE_ENV,
    SecretStore,
    SecretStoreError,
    WrongPassphrase,
    store_for,
)

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

PASSPHRASE_TRIES = 3


def open_store(sessions: sessionmaker[Session], spec: str | None) -> SecretStore:
    """The store `spec` names; SecretStoreError in words when it stays shut."""
    for _attempt in range(PASSPHRASE_TRIES):
        try:
            return store_for(sessions, spec, ask_passphrase)
        except WrongPassphrase as exc:
            log.error("secret store: %s", exc)
            if os.environ.get(PASSPHRASE_ENV):
                raise  # asked of nobody: no use asking again
            QMessageBox.warning(None, translate("Console", "Secret file"), str(exc))
    raise SecretStoreError(translate("Console", "The secret file stays locked."))


def ask_passphrase() -> str:
    text, ok = QInputDialog.getText(
        None,
        translate("Console", "Secret file"),
        translate("Console", "Passphrase of the secret file:"),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else ""
