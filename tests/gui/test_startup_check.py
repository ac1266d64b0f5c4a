"""A damaged station database is named at start, with the way to recover."""

from __future__ import annotations

import pytest

from memberdesk.console import app as console_app
from memberdesk.console import secret_prompt

pytestmark = pytest.mark.gui


def test_damaged_database_is_not_opened(qapp, tmp_path, monkeypatch):
    db = tmp_path / "station.db"
    db.write_bytes(b"this was a database once" * 200)
    journal = tmp_path / "station.db.desk-1.checkins.jsonl"
    journal.write_text("")
    shown: list[str] = []
    monkeypatch.setattr(
        console_app.QMessageBox,
        "critical",
        lambda _parent, _title, text: shown.append(text),
    )

    code = console_app.run(f"sqlite:///{db}", "sim", "en")

    assert code == console_app.EXIT_FAILED
    assert len(shown) == 1
    text = shown[0]
    assert "is damaged" in text
    assert f"memberdesk recover --from sqlite:///{db}" in text
    assert f"--journal {journal}" in text
    # Nothing was opened or created beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([journal.name, db.name])


def test_a_wrong_passphrase_is_asked_again_then_stops(
    qapp, tmp_path, monkeypatch, capsys
):
    from memberdesk.services.db import open_database
    from memberdesk.services.secrets import CHEAP_KDF, EncryptedFileSecretStore

    db = tmp_path / "station.db"
    open_database(f"sqlite:///{db}")
    secrets = tmp_path / "desk.secrets"
    EncryptedFileSecretStore(secrets, "the right one", CHEAP_KDF).put("x", b"1")
    monkeypatch.delenv("MEMBERDESK_SECRETS_PASSPHRASE", raising=False)
    asked, warned, failed = [], [], []
    monkeypatch.setattr(
        secret_prompt, "ask_passphrase", lambda: asked.append(1) or "a wrong one"
    )
    monkeypatch.setattr(
        secret_prompt.QMessageBox, "warning", lambda *a: warned.append(a[-1])
    )
    monkeypatch.setattr(
        console_app.QMessageBox, "critical", lambda *a: failed.append(a[-1])
    )

    code = console_app.run(f"sqlite:///{db}", "sim", "en", secrets=f"file:{secrets}")

    assert code == console_app.EXIT_FAILED
    assert len(asked) == secret_prompt.PASSPHRASE_TRIES == len(warned)
    assert "passphrase" in warned[0] and len(failed) == 1
    assert "locked" in capsys.readouterr().err
