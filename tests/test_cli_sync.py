"""`memberdesk sync ...` and `memberdesk emulator`, as the README runs them."""

from __future__ import annotations

import json

import pytest

from memberdesk.console.cli import main
from memberdesk.services.api_emulator import Emulator
from memberdesk.services.db import open_database

TOKEN = "training-token-7"


def run(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out.splitlines()[-1]) if out else {}


@pytest.fixture
def office(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'office.db'}"
    assert main(["seed-demo", "--db", url, "--members", "60"]) == 0
    capsys.readouterr()
    _engine, sessions = open_database(url)
    server = Emulator(TOKEN)
    server.store.load_database(sessions)
    server.start()
    yield server, sessions
    server.stop()


@pytest.fixture
def desk(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "desk admin password")
    monkeypatch.setenv("MEMBERDESK_SECRETS_PASSPHRASE", "desk secrets passphrase")
    code, _ = run(
        capsys,
        "staff", "add", "--db", url, "--login", "admin", "--name", "Desk admin",
        "--role", "admin", "--json",
    )  # fmt: skip
    assert code == 0
    return url, ("--secrets", f"file:{tmp_path / 'desk.secrets'}", "--user", "admin")


def test_configure_sync_checkin_and_offline(office, desk, capsys, monkeypatch):
    server, office_sessions = office
    url, who = desk
    monkeypatch.setenv("MEMBERDESK_API_TOKEN", TOKEN)

    code, said = run(
        capsys, "sync", "configure", "--db", url, *who, "--api", f"{server.url}/v1/",
        "--json",
    )  # fmt: skip
    assert code == 0 and said == {"ok": True, "api": server.url, "token": "accepted"}

    code, said = run(capsys, "sync", "--db", url, *who, "--json")
    assert code == 0 and said["status"] == "online"
    assert said["pulled"]["members"] == 60

    office_url = str(office_sessions.kw["bind"].url)
    assert main(["members", "--db", office_url, "--tier", "diamond", "--json"]) == 0
    diamond = json.loads(capsys.readouterr().out)[0]["id"]
    code, issued = run(
        capsys, "qr", "issue", "--db", office_url, "--member", str(diamond), "--json"
    )
    assert code == 0
    server.store.load_database(office_sessions)
    assert run(capsys, "sync", "--db", url, *who, "--json")[0] == 0
    code, verdict = run(
        capsys, "checkin", "--db", url, "--event", "1", "--qr", issued["text"],
        "--user", "admin", "--json",
    )  # fmt: skip
    assert code == 0 and verdict["reason"] == "admitted"

    code, said = run(capsys, "sync", "--db", url, *who, "--json")
    assert code == 0 and said["pushed"] == 1 and said["waiting"] == 0
    assert server.store.get("checkins", (verdict["checkin"],))["verdict"] == "admitted"

    address = server.url
    server.stop()  # the network goes
    again = run(
        capsys, "checkin", "--db", url, "--event", "1", "--qr", issued["text"],
        "--user", "admin", "--json",
    )  # fmt: skip
    assert again[1]["reason"] == "duplicate"
    code, said = run(capsys, "sync", "--db", url, *who, "--json")
    assert code == 3 and said["reason"] == "unreachable"
    assert "1 check-in(s) wait" in said["message"]

    code, status = run(capsys, "sync", "status", "--db", url, "--json")
    assert code == 0 and status["waiting"] == 1 and status["api"] == address
    assert {f["feed"] for f in status["feeds"] if f["complete"]} >= {"members", "cards"}


@pytest.mark.parametrize(
    ("address", "token", "code"),
    [
        ("http://api.example.com", TOKEN, 2),
        ("127.0.0.1:8765", TOKEN, 2),
        ("https://api.example.com", "two words", 2),
        ("https://api.example.com", "", 2),
    ],
)
def test_configure_refuses_what_cannot_work(
    desk, capsys, monkeypatch, address, token, code
):
    url, who = desk
    monkeypatch.setenv("MEMBERDESK_API_TOKEN", token)

    got, said = run(
        capsys, "sync", "configure", "--db", url, *who, "--api", address, "--json"
    )

    assert got == code and said["ok"] is False
    assert run(capsys, "sync", "status", "--db", url, "--json")[1]["api"] is None


def test_a_wrong_token_is_said_and_keeps_the_working_one(
    office, desk, capsys, monkeypatch
):
    server, _ = office
    url, who = desk
    monkeypatch.setenv("MEMBERDESK_API_TOKEN", TOKEN)
    configure = ("sync", "configure", "--db", url, *who, "--api", server.url, "--json")
    assert run(capsys, *configure)[0] == 0
    monkeypatch.setenv("MEMBERDESK_API_TOKEN", "not-the-token")

    code, said = run(capsys, *configure)

    assert code == 1 and said["reason"] == "unauthorized"
    assert "keeps its previous" in said["message"]
    assert run(capsys, "sync", "--db", url, *who, "--json")[1]["status"] == "online"


def test_sync_before_configure_says_how(desk, capsys):
    url, who = desk
    code, said = run(capsys, "sync", "--db", url, *who, "--json")
    assert code == 3 and "sync configure" in said["message"]


@pytest.mark.parametrize(
    "argv", [("--host", "0.0.0.0"), ("--port", "99999"), ("--host", "192.168.1.9")]
)
def test_the_emulator_stays_on_this_computer(tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as stopped:
        main(["emulator", "--db", f"sqlite:///{tmp_path / 'x.db'}", *argv])
    assert stopped.value.code == 2
