"""`memberdesk keys ...`: a second issuer station takes the keys by bundle."""

from __future__ import annotations

import json

from memberdesk.console.cli import main
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.db import open_database
from memberdesk.services.models import Member, utcnow


def run(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else {}


def test_keys_travel_by_bundle_to_a_second_station(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    _engine, sessions = open_database(url)
    with sessions.begin() as s:
        install_catalogue(s)
        for name in ("王芳", "李娜"):
            s.add(
                Member(
                    name=name,
                    phone="13800138000",
                    phone_tail="8000",
                    tier_code="diamond",
                    joined_at=utcnow(),
                )
            )
    monkeypatch.setenv("MEMBERDESK_PASSWORD", "admin password")
    monkeypatch.setenv("MEMBERDESK_SECRETS_PASSPHRASE", "station secret 1")
    monkeypatch.setenv("MEMBERDESK_BUNDLE_PASSPHRASE", "bundle passphrase 1")
    assert (
        run(
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
        )[0]
        == 0
    )
    first = ("--secrets", f"file:{tmp_path / 'a.secrets'}")
    second = ("--secrets", f"file:{tmp_path / 'b.secrets'}")

    code, made = run(
        capsys, *first, "keys", "create", "--db", url, "--user", "boss", "--json"
    )
    assert code == 0 and made["signing_key_id"] == 1
    code, out = run(
        capsys, *first, "keys", "create", "--db", url, "--user", "boss", "--json"
    )
    assert (code, out["reason"]) == (1, "refused")  # never a second card key

    card = tmp_path / "card.json"
    run(capsys, "card", "new", "--out", str(card), "--json")
    encode = (
        "card",
        "encode",
        "--db",
        url,
        "--member",
        "1",
        "--reader",
        f"sim:{card}",
        "--user",
        "boss",
        "--json",
    )
    code, out = run(capsys, *second, *encode)
    assert (code, out["reason"]) == (3, "no_keys")  # station b has no keys yet

    bundle = tmp_path / "keys.bundle"
    assert (
        run(
            capsys,
            *first,
            "keys",
            "export",
            "--db",
            url,
            "--user",
            "boss",
            "--out",
            str(bundle),
            "--json",
        )[0]
        == 0
    )
    assert b"PRIVATE" not in bundle.read_bytes()
    monkeypatch.setenv("MEMBERDESK_BUNDLE_PASSPHRASE", "not the passphrase")
    code, out = run(
        capsys,
        *second,
        "keys",
        "import",
        "--db",
        url,
        "--user",
        "boss",
        "--in",
        str(bundle),
        "--json",
    )
    assert code == 1
    monkeypatch.setenv("MEMBERDESK_BUNDLE_PASSPHRASE", "bundle passphrase 1")
    assert (
        run(
            capsys,
            *second,
            "keys",
            "import",
            "--db",
            url,
            "--user",
            "boss",
            "--in",
            str(bundle),
            "--json",
        )[0]
        == 0
    )

    code, out = run(capsys, *second, *encode)
    assert code == 0, out
    # The card protected at station b is opened again at station a: same card key.
    code, out = run(
        capsys,
        *first,
        "card",
        "encode",
        "--db",
        url,
        "--member",
        "2",
        "--reader",
        f"sim:{card}",
        "--user",
        "boss",
        "--overwrite",
        "--json",
    )
    assert code == 0, out

    code, out = run(
        capsys, *first, "keys", "rotate", "--db", url, "--user", "boss", "--json"
    )
    assert code == 0 and out["signing_key_id"] == 2
    code, out = run(
        capsys,
        *first,
        "keys",
        "retire",
        "--db",
        url,
        "--user",
        "boss",
        "--key-id",
        "1",
        "--json",
    )
    assert code == 0
    code, out = run(capsys, "audit", "verify", "--db", url, "--json")
    assert code == 0
