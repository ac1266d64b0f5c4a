"""The card room's CLI forms on a demo database and virtual cards."""

from __future__ import annotations

import json

import pytest
from PIL import Image
from roomkit import stack

from memberdesk.console.cli import main


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else None


@pytest.fixture
def demo(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, _ = run(capsys, "seed-demo", "--db", url, "--members", "120", "--json")
    assert code == 0
    code, diamonds = run(capsys, "members", "--db", url, "--tier", "diamond", "--json")
    return url, [m["id"] for m in diamonds if not m["card"]]


def test_batch_lifecycle_face_and_recycle(demo, tmp_path, capsys):
    url, diamonds = demo
    ids = diamonds[:3]
    members = tmp_path / "members.csv"
    members.write_text("member_id,name\n" + "".join(f"{i},x\n" for i in ids))
    folder = tmp_path / "stack"
    files = stack(folder, ["ntag215", "ultralight", "ntag216", "ntag213"])

    code, out = run(
        capsys,
        "card",
        "batch",
        "--db",
        url,
        "--members",
        str(members),
        "--reader",
        f"sim:{folder}",
        "--json",
    )
    assert code == 0 and out["status"] == "done" and out["done"] == 3, out
    assert [m["state"] for m in out["members"]] == ["done"] * 3
    member = ids[0]

    code, out = run(
        capsys,
        "card",
        "face",
        "--db",
        url,
        "--member",
        str(member),
        "--out",
        str(tmp_path / "face.png"),
        "--json",
    )
    assert code == 0 and Image.open(out["files"][0]).size == (1011, 638)

    code, out = run(
        capsys,
        "card",
        "reissue",
        "--db",
        url,
        "--member",
        str(member),
        "--reason",
        "damaged",
        "--json",
    )
    assert code == 0 and out["issue_number"] == 2
    code, out = run(
        capsys, "card", "revoke", "--db", url, "--member", str(member), "--json"
    )
    assert code == 1 and out["reason"] == "no_active_card"
    code, out = run(
        capsys, "card", "found", "--db", url, "--member", str(member), "--json"
    )
    assert code == 0 and out["outcome"] == "reinstated"
    code, out = run(
        capsys,
        "card",
        "revoke",
        "--db",
        url,
        "--member",
        str(member),
        "--reason",
        "left_programme",
        "--json",
    )
    assert code == 0
    code, out = run(
        capsys, "card", "recycle", "--db", url, "--reader", f"sim:{files[0]}", "--json"
    )
    assert code == 0 and out["chip"] == "NTAG215"
    code, out = run(
        capsys, "card", "history", "--db", url, "--member", str(member), "--json"
    )
    steps = [j["step"] for c in out["cards"] for j in c["journal"]]
    assert "recycled" in steps and "revoked" in steps and "found" in steps


def test_convert_and_bad_files(tmp_path, capsys, dumps):
    out_file = tmp_path / "blank.json"
    code, out = run(
        capsys,
        "card",
        "convert",
        "--in",
        str(dumps / "ntag213-blank-factory-flipper-v2.nfc"),
        "--out",
        str(out_file),
        "--json",
    )
    assert code == 0 and out["chip"] == "NTAG213" and out["format"] == "pm3-json"
    back = tmp_path / "again.nfc"
    code, out = run(
        capsys, "card", "convert", "--in", str(out_file), "--out", str(back), "--json"
    )
    assert code == 0 and back.read_text().startswith("Filetype: Flipper NFC device")

    bad = tmp_path / "bad.json"
    bad.write_text('{"FileType": "mfc"}')
    code, out = run(
        capsys, "card", "convert", "--in", str(out_file), "--out", str(back), "--json"
    )
    assert (code, out["reason"]) == (1, "exists")  # never over a card file
    fresh = tmp_path / "fresh.nfc"
    code, out = run(
        capsys, "card", "convert", "--in", str(bad), "--out", str(fresh), "--json"
    )
    assert code == 1 and out["reason"] == "bad_card_file" and "mfc" in out["message"]
    code, out = run(
        capsys,
        "card",
        "convert",
        "--in",
        str(out_file),
        "--out",
        str(tmp_path / "x.bin"),
        "--json",
    )
    assert code == 1 and "unknown card file kind" in out["message"]


def test_readers_form_says_what_is_missing(capsys):
    code, out = run(capsys, "card", "readers", "--json")
    assert code == 1 and out["usable"] == []
    assert out["problems"] and out["problems"][0]["fix"]
