"""The command-line contract, end to end on a virtual card."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from memberdesk.console.cli import main


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else None


@pytest.fixture
def demo_db(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, summary = run(capsys, "seed-demo", "--db", url, "--members", "150", "--json")
    assert code == 0 and summary["members"] == 150
    assert len(summary["cards"]) == 6
    return url, summary


def test_encode_read_and_check_in(demo_db, tmp_path, capsys, dumps):
    url, summary = demo_db
    code, diamonds = run(capsys, "members", "--db", url, "--tier", "diamond", "--json")
    assert code == 0 and diamonds and {m["tier"] for m in diamonds} == {"diamond"}
    member = diamonds[0]["id"]
    card = tmp_path / "card.nfc"
    code, made = run(
        capsys, "card", "new", "--chip", "ntag215", "--out", str(card), "--json"
    )
    assert code == 0 and made["uid"].startswith("04")
    reader = f"sim:{card}"

    code, enc = run(
        capsys,
        "card",
        "encode",
        "--db",
        url,
        "--member",
        str(member),
        "--reader",
        reader,
        "--json",
    )
    assert code == 0 and enc["uid"] == made["uid"] and enc["chip"] == "NTAG215"

    code, read = run(capsys, "card", "read", "--db", url, "--reader", reader, "--json")
    assert code == 0 and read["ok"] and read["member"] == member

    code, events = run(capsys, "events", "--db", url, "--json")
    salon = summary["salon_id"]
    assert salon in [e["id"] for e in events]
    args = (
        "checkin",
        "--db",
        url,
        "--event",
        str(salon),
        "--reader",
        reader,
        "--once",
        "--json",
    )
    code, first = run(capsys, *args)
    assert (code, first["reason"]) == (0, "admitted")
    code, second = run(capsys, *args)
    assert (code, second["reason"]) == (1, "duplicate")

    foreign = tmp_path / "foreign.nfc"
    shutil.copy(dumps / "ntag216-ndef-url-youtube-flipper-v2.nfc", foreign)
    code, verdict = run(
        capsys,
        "checkin",
        "--db",
        url,
        "--event",
        str(salon),
        "--reader",
        f"sim:{foreign}",
        "--once",
        "--json",
    )
    assert (code, verdict["reason"]) == (1, "not_member_card")

    blank = tmp_path / "blank.json"
    run(capsys, "card", "new", "--out", str(blank), "--json")
    code, verdict = run(
        capsys,
        "checkin",
        "--db",
        url,
        "--event",
        str(salon),
        "--reader",
        f"sim:{blank}",
        "--once",
        "--json",
    )
    assert (code, verdict["reason"]) == (1, "blank_card")


def test_refusals_have_reasons(demo_db, tmp_path, capsys):
    url, summary = demo_db
    card = tmp_path / "c.json"
    run(capsys, "card", "new", "--out", str(card), "--json")
    code, out = run(
        capsys,
        "card",
        "encode",
        "--db",
        url,
        "--member",
        "999999",
        "--reader",
        f"sim:{card}",
        "--json",
    )
    assert (code, out["reason"]) == (1, "unknown_member")
    code, free = run(capsys, "members", "--db", url, "--tier", "free", "--json")
    code, out = run(
        capsys,
        "card",
        "encode",
        "--db",
        url,
        "--member",
        str(free[0]["id"]),
        "--reader",
        f"sim:{card}",
        "--json",
    )
    assert (code, out["reason"]) == (1, "not_diamond")
    code, out = run(
        capsys,
        "checkin",
        "--db",
        url,
        "--event",
        "999",
        "--reader",
        f"sim:{card}",
        "--once",
        "--json",
    )
    assert (code, out["reason"]) == (1, "unknown_event")
    code, out = run(
        capsys,
        "card",
        "read",
        "--db",
        url,
        "--reader",
        f"sim:{tmp_path / 'missing.json'}",
        "--json",
    )
    assert code == 3 and "no virtual card" in out["message"]
    code, out = run(capsys, "seed-demo", "--db", url, "--json")
    assert (code, out["reason"]) == (1, "not_empty")


def test_unwritable_database_is_a_clear_error(tmp_path, capsys):
    # A file where the database's folder should be: fails even for root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    code, out = run(
        capsys, "seed-demo", "--db", f"sqlite:///{blocker / 'x.db'}", "--json"
    )
    assert code == 3 and "cannot" in out["message"]


def test_reading_commands_never_make_a_database(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    code, out = run(capsys, "members", "--db", f"sqlite:///{missing}", "--json")
    assert code == 3 and "no database at" in out["message"]
    assert not missing.exists()
    stranger = tmp_path / "notes.txt"
    stranger.write_text("shopping list")
    code, out = run(capsys, "events", "--db", f"sqlite:///{stranger}", "--json")
    assert code == 3 and stranger.read_text() == "shopping list"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, out = run(capsys, "events", "--db", f"sqlite:///{empty}", "--json")
    assert (code, out["message"].endswith("is not a memberdesk database")) == (3, True)
    assert empty.read_bytes() == b""
    code, out = run(capsys, "events", "--db", "mysql://u@127.0.0.1:1/x", "--json")
    assert code == 3 and "no database driver" in out["message"]


def test_bad_card_file_is_a_clear_error(demo_db, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, out = run(
        capsys,
        "card",
        "read",
        "--db",
        demo_db[0],
        "--reader",
        f"sim:{bad}",
        "--json",
    )
    assert code == 3 and "bad.json" in out["message"]


def test_console_script_is_installed(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "memberdesk.console",
            "card",
            "new",
            "--chip",
            "ntag216",
            "--out",
            str(tmp_path / "c.nfc"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "NTAG216" in out.stdout
    assert (tmp_path / "c.nfc").read_text().startswith("Filetype: Flipper NFC")


def test_a_real_station_needs_a_signed_in_role(tmp_path, capsys, monkeypatch):
    from memberdesk.services import keys
    from memberdesk.services.catalogue import install_catalogue
    from memberdesk.services.db import open_database
    from memberdesk.services.models import Member, utcnow
    from memberdesk.services.secrets import EncryptedFileSecretStore

    url = f"sqlite:///{tmp_path / 'real.db'}"
    secrets = tmp_path / "secrets.bin"
    _engine, sessions = open_database(url)
    with sessions.begin() as s:
        install_catalogue(s)
        keys.create_keys(s, EncryptedFileSecretStore(secrets, "pass phrase 1"))
        member = Member(
            name="王芳",
            phone="13800138000",
            phone_tail="8000",
            tier_code="diamond",
            joined_at=utcnow(),
        )
        s.add(member)
        s.flush()
        member_id = member.id
    monkeypatch.setenv("MEMBERDESK_SECRETS_PASSPHRASE", "pass phrase 1")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "first admin pw")
    code, _ = run(
        capsys,
        "staff",
        "add",
        "--db",
        url,
        "--login",
        "boss",
        "--name",
        "老板",
        "--role",
        "admin",
        "--json",
    )
    assert code == 0
    for login, role in (("door1", "door"), ("card1", "issuer")):
        monkeypatch.setenv("MEMBERDESK_NEW_PASSWORD", f"{login} password")
        code, _ = run(
            capsys,
            "staff",
            "add",
            "--db",
            url,
            "--user",
            "boss",
            "--login",
            login,
            "--name",
            login,
            "--role",
            role,
            "--json",
        )
        assert code == 0
    card = tmp_path / "card.json"
    run(capsys, "card", "new", "--out", str(card), "--json")
    encode = (
        "--secrets",
        f"file:{secrets}",
        "card",
        "encode",
        "--db",
        url,
        "--member",
        str(member_id),
        "--reader",
        f"sim:{card}",
        "--json",
    )

    code, out = run(capsys, *encode)
    assert (code, out["reason"]) == (2, "no_user")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "guessed-pw-7")
    code, out = run(capsys, *encode, "--user", "card1")
    assert (code, out["reason"]) == (1, "wrong_password")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "door1 password")
    code, out = run(capsys, *encode, "--user", "door1")
    assert (code, out["reason"]) == (1, "not_allowed")
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "card1 password")
    code, out = run(capsys, *encode, "--user", "card1")
    assert code == 0 and out["chip"] == "NTAG215"

    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert code == 0


def test_card_files_are_not_lost(demo_db, tmp_path, capsys):
    url, summary = demo_db
    card = tmp_path / "card.json"
    assert run(capsys, "card", "new", "--out", str(card), "--json")[0] == 0
    before = card.read_bytes()
    code, out = run(capsys, "card", "new", "--out", str(card), "--json")
    assert (code, out["reason"]) == (1, "exists") and card.read_bytes() == before
    assert run(capsys, "card", "new", "--out", str(card), "--force", "--json")[0] == 0

    code, out = run(capsys, "card", "read", "--db", url, "--reader", "sim", "--json")
    assert (code, out["reason"]) == (2, "no_card")

    # A card file that cannot be written is refused before anything is
    # recorded; reading it is fine and leaves it as it was.
    card.chmod(0o444)
    folder = tmp_path
    folder.chmod(0o555)
    try:
        member = summary["diamond_member_ids"][0]
        code, out = run(
            capsys,
            "card",
            "encode",
            "--db",
            url,
            "--member",
            str(member),
            "--reader",
            f"sim:{card}",
            "--json",
        )
        if os.geteuid() != 0:  # root writes anywhere: only the read is checked
            assert code == 3 and "cannot be written" in out["message"]
        code, out = run(
            capsys, "card", "read", "--db", url, "--reader", f"sim:{card}", "--json"
        )
        assert (code, out["reason"]) in ((1, "blank_card"), (0, "valid"))
    finally:
        folder.chmod(0o755)
        card.chmod(0o644)


def test_an_unwritable_card_file_is_refused_before_encoding(demo_db, tmp_path, capsys):
    url, summary = demo_db
    card = tmp_path / "card.json"
    run(capsys, "card", "new", "--out", str(card), "--json")
    # A folder in place of the write-back's temporary file: fails even as root.
    (tmp_path / ".card.json.write-test").mkdir()
    member = summary["diamond_member_ids"][0]
    code, out = run(
        capsys,
        "card",
        "encode",
        "--db",
        url,
        "--member",
        str(member),
        "--reader",
        f"sim:{card}",
        "--json",
    )
    assert code == 3 and "cannot be written" in out["message"]
    code, rows = run(capsys, "members", "--db", url, "--search", f"#{member}", "--json")
    assert rows[0]["card"] is None  # nothing recorded as issued


def test_card_read_names_a_revoked_card(demo_db, tmp_path, capsys):
    url, summary = demo_db
    member = summary["diamond_member_ids"][0]
    card = tmp_path / "card.json"
    run(capsys, "card", "new", "--out", str(card), "--json")
    assert (
        run(
            capsys,
            "card",
            "encode",
            "--db",
            url,
            "--member",
            str(member),
            "--reader",
            f"sim:{card}",
            "--json",
        )[0]
        == 0
    )
    read = ("card", "read", "--db", url, "--reader", f"sim:{card}", "--json")
    assert run(capsys, *read)[1]["reason"] == "valid"
    assert (
        run(
            capsys,
            "card",
            "revoke",
            "--db",
            url,
            "--member",
            str(member),
            "--reason",
            "stolen",
            "--json",
        )[0]
        == 0
    )
    code, out = run(capsys, *read)
    assert (code, out["reason"]) == (1, "revoked_card")
