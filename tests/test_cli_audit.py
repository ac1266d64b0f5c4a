"""`memberdesk audit` and `memberdesk staff`, and what the logs must never hold."""

from __future__ import annotations

import base64
import json
import logging
import shutil
import sqlite3

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from memberdesk.console import logsetup
from memberdesk.console.cli import main

ROOT_PASSWORD = "root-Pa55word-7"
DOOR_PASSWORD = "door-Pa55word-8"


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    try:
        return code, json.loads(out) if out else None
    except ValueError:
        return code, out


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch, tmp_path):
    # Keep the console's log file out of the user's log folder.
    monkeypatch.setattr(logsetup, "log_dir", lambda: tmp_path / "console-logs")
    monkeypatch.setattr(
        "memberdesk.services.staff.password_hasher",
        lambda: PasswordHasher.from_parameters(CHEAPEST),
    )
    monkeypatch.delenv("MEMBERDESK_PASSWORD", raising=False)
    monkeypatch.delenv("MEMBERDESK_NEW_PASSWORD", raising=False)


@pytest.fixture
def db(tmp_path, capsys, monkeypatch):
    """A database with a first admin `root` and a door account `door`."""
    url = f"sqlite:///{tmp_path / 'station.db'}"
    monkeypatch.setenv("MEMBERDESK_PASSWORD", ROOT_PASSWORD)
    code, out = run(
        capsys, "staff", "add", "--db", url, "--login", "root", "--name", "Root",
        "--role", "admin", "--json",
    )  # fmt: skip
    assert code == 0 and out["first"] is True, out
    monkeypatch.setenv("MEMBERDESK_NEW_PASSWORD", DOOR_PASSWORD)
    code, out = run(
        capsys, "staff", "add", "--db", url, "--user", "root", "--login", "door",
        "--name", "门岗", "--role", "door", "--json",
    )  # fmt: skip
    assert code == 0 and out == {
        "ok": True, "id": 2, "login": "door", "role": "door", "first": False
    }  # fmt: skip
    return url, tmp_path / "station.db"


def test_the_first_account_must_be_an_admin(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    args = ("staff", "add", "--db", url, "--login", "li", "--name", "Li", "--json")
    code, out = run(capsys, *args, "--role", "door")
    assert (code, out["reason"]) == (1, "first_admin")
    # No terminal and no MEMBERDESK_PASSWORD: the command cannot run.
    code, out = run(capsys, *args, "--role", "admin")
    assert (code, out["reason"]) == (3, "no_password")
    assert "MEMBERDESK_PASSWORD" in out["message"]
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "short")
    code, out = run(capsys, *args, "--role", "admin")
    assert code == 1 and "at least 8 characters" in out["message"]


def test_credentials(db, capsys, monkeypatch):
    url, _path = db
    code, out = run(capsys, "staff", "list", "--db", url, "--json")
    assert (code, out["reason"]) == (2, "no_user")
    monkeypatch.delenv("MEMBERDESK_PASSWORD")
    code, out = run(capsys, "staff", "list", "--db", url, "--user", "root", "--json")
    assert (code, out["reason"]) == (3, "no_password")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "not-the-password")
    code, out = run(capsys, "staff", "list", "--db", url, "--user", "root", "--json")
    assert (code, out["reason"]) == (1, "wrong_password")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", DOOR_PASSWORD)
    code, out = run(capsys, "staff", "list", "--db", url, "--user", "door", "--json")
    assert (code, out["reason"]) == (1, "not_allowed")
    assert out["message"] == "the door role may not manage staff"
    code, out = run(capsys, "audit", "list", "--db", url, "--user", "door", "--json")
    assert (code, out["reason"]) == (1, "not_allowed")


def test_staff_and_audit_lists(db, capsys, monkeypatch):
    url, _path = db
    monkeypatch.setenv("MEMBERDESK_PASSWORD", ROOT_PASSWORD)
    code, out = run(capsys, "staff", "list", "--db", url, "--user", "root", "--json")
    assert code == 0 and [(r["login"], r["role"]) for r in out] == [
        ("door", "door"),
        ("root", "admin"),
    ]
    code, out = run(
        capsys, "audit", "list", "--db", url, "--user", "root", "--limit", "3", "--json"
    )
    assert code == 0 and [e["seq"] for e in out] == [5, 4, 3]
    assert out[0]["action"] == "sign_in" and out[0]["staff_login"] == "root"
    code, text = run(capsys, "audit", "list", "--db", url, "--user", "root")
    assert code == 0 and "first_admin" in text and "staff_created" in text


def test_verify_an_intact_log(db, capsys):
    url, path = db
    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert code == 0 and out["ok"] and out["checked"] == 3 and out["anchor_seq"] == 3
    code, text = run(capsys, "audit", "verify", "--db", url)
    assert code == 0 and text == "intact: 3 entries, anchored at entry 3"


@pytest.mark.parametrize(
    ("statements", "reason", "first", "words"),
    [
        (["UPDATE audit_entry SET entity_id = '9' WHERE seq = 2"], "altered", 2,
         "entry 2 was altered"),
        (["DELETE FROM audit_entry WHERE seq = 2"], "removed", 2,
         "entry 2 was removed"),
        (["DELETE FROM audit_entry WHERE seq >= 3"], "truncated", 3,
         "entries from 3 on were removed"),
        (["UPDATE audit_entry SET seq = 0 WHERE seq = 2",
          "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
          "UPDATE audit_entry SET seq = 3 WHERE seq = 0"], "reordered", 2,
         "entry 2 holds what was entry 3"),
    ],
)  # fmt: skip
def test_verify_names_the_first_bad_entry(db, capsys, statements, reason, first, words):
    url, path = db
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert (code, out["ok"], out["reason"], out["first_bad"]) == (
        1,
        False,
        reason,
        first,
    )
    assert out["message"].startswith(words)
    code, text = run(capsys, "audit", "verify", "--db", url)
    assert code == 1 and text.startswith(f"TAMPERED: {words}")


def test_verify_with_an_anchor_from_elsewhere(db, capsys, tmp_path):
    url, path = db
    kept = tmp_path / "kept-anchor.json"
    shutil.copy(f"{path}.audit-anchor.json", kept)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM audit_entry WHERE seq = 3")
    conn.close()
    # Whoever removed the entry also rolled the station's anchor back.
    (tmp_path / "station.db.audit-anchor.json").unlink()
    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert code == 0 and out["anchor_seq"] is None
    code, out = run(
        capsys, "audit", "verify", "--db", url, "--anchor", str(kept), "--json"
    )
    assert (code, out["reason"], out["first_bad"]) == (1, "truncated", 3)


def test_verify_that_cannot_run(db, capsys, tmp_path):
    url, path = db
    code, out = run(capsys, "audit", "verify", "--db", "not a url", "--json")
    assert (code, out["ok"]) == (3, False)
    (tmp_path / "station.db.audit-anchor.json").write_text("{damaged")
    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert (code, out["reason"]) == (3, "anchor")


# --- logs -------------------------------------------------------------------


def leaks(text: str, secrets: dict[str, str | bytes]) -> list[str]:
    """The names of the secrets found in `text`, in any usual spelling."""
    found = []
    for name, secret in secrets.items():
        if isinstance(secret, bytes):
            spellings = [
                secret.hex(),
                secret.hex().upper(),
                base64.b64encode(secret).decode(),
                repr(secret)[2:-1],
            ]
        elif secret.isdigit() and len(secret) == 11:  # a phone number
            spellings = [
                secret,
                f"{secret[:3]} {secret[3:7]} {secret[7:]}",
                f"{secret[:3]}-{secret[3:7]}-{secret[7:]}",
            ]
        else:
            spellings = [secret]
        if any(s in text for s in spellings):
            found.append(name)
    return found


def test_the_leak_check_finds_a_leak():
    key = bytes(range(32))
    text = f"x {key.hex()} y 138-1234-5678 z hunter22"
    assert leaks(text, {"k": key, "p": "13812345678", "w": "hunter22"}) == [
        "k",
        "p",
        "w",
    ]
    assert leaks("138****5678 <32 bytes>", {"k": key, "p": "13812345678"}) == []


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    """The console's own logging set-up, writing into a folder of the test."""
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "_memberdesk", False)]
    for handler in ours:
        root.removeHandler(handler)
    level = root.level
    folder = tmp_path / "logs"
    monkeypatch.setattr(logsetup, "log_dir", lambda: folder)
    yield folder
    for handler in [h for h in root.handlers if getattr(h, "_memberdesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in ours:
        root.addHandler(handler)
    root.setLevel(level)


def test_logs_hold_no_secret(log_folder, tmp_path, capsys, monkeypatch):
    """Every path that handles a secret runs with logging at debug level into
    the console's log file; then the file is searched for each secret."""
    from memberdesk.services import keybundle, keys
    from memberdesk.services.anchors import MemoryAnchor
    from memberdesk.services.audit import AuditLog, writing
    from memberdesk.services.db import open_database
    from memberdesk.services.members import search_members
    from memberdesk.services.secrets import (
        CHEAP_KDF,
        EncryptedFileSecretStore,
        MemorySecretStore,
        WrongPassphrase,
    )
    from memberdesk.services.staff import SignInFailed, StaffService, password_hasher

    url = f"sqlite:///{tmp_path / 'leak.db'}"
    phone = "13987654321"
    secrets: dict[str, str | bytes] = {
        "root password": ROOT_PASSWORD,
        "door password": DOOR_PASSWORD,
        "wrong password": "Wr0ng-guess-99",
        "reset password": "Reset-Pa55-314",
        "pin": "730519",
        "bundle passphrase": "bundle Passphrase 42",
        "file passphrase": "file Passphrase 17",
        "phone": phone,
    }

    # Through the CLI, which configures logging as the console does.
    monkeypatch.setenv("MEMBERDESK_PASSWORD", ROOT_PASSWORD)
    monkeypatch.setenv("MEMBERDESK_NEW_PASSWORD", DOOR_PASSWORD)
    base = ("--db", url, "--json")
    assert main(["-v", "staff", "add", *base, "--login", "root", "--name", "R",
                 "--role", "admin"]) == 0  # fmt: skip
    assert main(["staff", "add", *base, "--user", "root", "--login", "door",
                 "--name", "D", "--role", "door"]) == 0  # fmt: skip
    monkeypatch.setenv("MEMBERDESK_PASSWORD", secrets["wrong password"])
    assert main(["staff", "list", *base, "--user", "root"]) == 1
    monkeypatch.setenv("MEMBERDESK_PASSWORD", ROOT_PASSWORD)
    assert main(["audit", "list", *base, "--user", "root"]) == 0
    assert main(["audit", "verify", *base]) == 0
    capsys.readouterr()

    # Through the services, for what the CLI does not reach yet.
    engine, sessions = open_database(url)
    audit = AuditLog("desk-1", MemoryAnchor())
    service = StaffService(sessions, password_hasher(), audit)
    root = service.sign_in("root", ROOT_PASSWORD)
    door = service.sign_in("door", DOOR_PASSWORD)
    service.set_pin(door, door.staff_id, secrets["pin"])
    with pytest.raises(SignInFailed):
        service.unlock_with_pin("door", "000000")
    service.unlock_with_pin("door", secrets["pin"])
    service.reset_password(root, door.staff_id, secrets["reset password"])
    store = MemorySecretStore()
    with writing(sessions) as s:
        made = keys.create_keys(s, store)
        keys.rotate_signing_key(s, store, root, audit)
        bundle = keybundle.export_bundle(
            s, store, root, audit, secrets["bundle passphrase"], CHEAP_KDF
        )
        audit.append(s, root, "member_changed", "member", 1, None, {"phone": phone})
    with pytest.raises(WrongPassphrase), writing(sessions) as s:
        keybundle.import_bundle(s, MemorySecretStore(), root, audit, bundle, "nope")
    file_store = EncryptedFileSecretStore(
        tmp_path / "secrets.json", secrets["file passphrase"], CHEAP_KDF
    )
    file_store.put("card-key/1", made.card_key.secret)
    with sessions() as s:
        search_members(s, phone, None)
    engine.dispose()
    for name, value in store.items():
        secrets[name] = value

    for handler in logging.getLogger().handlers:
        handler.flush()
    files = sorted(log_folder.glob("memberdesk.log*"))
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    # The check means something only if the log was live at debug level.
    assert "first admin root created" in text and "sign_in refused" in text
    assert "key bundle exported" in text and "audit member_changed" in text
    assert leaks(text, secrets) == []
    assert leaks(capsys.readouterr().err, secrets) == []
