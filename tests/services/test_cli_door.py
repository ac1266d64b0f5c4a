"""The door's command-line forms, end to end on a demo database."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from memberdesk.console.cli import main


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else None


@pytest.fixture
def demo(tmp_path, capsys):
    db = tmp_path / "demo.db"
    url = f"sqlite:///{db}"
    code, summary = run(capsys, "seed-demo", "--db", url, "--members", "120", "--json")
    assert code == 0
    code, diamonds = run(capsys, "members", "--db", url, "--tier", "diamond", "--json")
    return url, db, summary, [m["id"] for m in diamonds]


def _qr(capsys, url, member):
    code, issued = run(
        capsys, "qr", "issue", "--db", url, "--member", str(member), "--json"
    )
    assert code == 0 and issued["serial"] >= 1
    return issued["text"]


def test_qr_scans_exit_and_status(demo, capsys):
    url, _db, summary, diamonds = demo
    salon = str(summary["salon_id"])
    text = _qr(capsys, url, diamonds[0])
    scan = ("checkin", "--db", url, "--event", salon, "--qr", text, "--json")

    code, first = run(capsys, *scan)
    assert (code, first["reason"], first["source"]) == (0, "admitted", "qr")
    code, again = run(capsys, *scan)
    assert (code, again["reason"]) == (1, "duplicate")
    code, out = run(capsys, *scan, "--exit")
    assert (code, out["reason"], out["direction"]) == (0, "exited", "out")
    code, half = run(
        capsys, "checkin", "--db", url, "--event", salon, "--qr", text[:50], "--json"
    )
    assert (code, half["reason"]) == (1, "malformed_qr")
    assert "scan stopped after 50" in half["detail"]

    code, status = run(
        capsys, "checkin", "status", "--db", url, "--event", salon, "--json"
    )
    assert code == 0 and status["inside"] == 0 and status["admitted"] == 1
    assert status["pending_uploads"] == 4
    assert [s["reason"] for s in status["scans"]][:2] == ["malformed_qr", "exited"]


def test_annul_and_override(demo, capsys, monkeypatch):
    url, _db, summary, diamonds = demo
    salon = str(summary["salon_id"])
    admitted = run(
        capsys,
        "checkin",
        "--db",
        url,
        "--event",
        salon,
        "--qr",
        _qr(capsys, url, diamonds[1]),
        "--json",
    )[1]
    code, done = run(
        capsys,
        "checkin",
        "annul",
        "--db",
        url,
        "--id",
        admitted["checkin"],
        "--reason",
        "wrong guest",
        "--json",
    )
    assert code == 0 and done["freed_place"] and done["admitted_total"] == 0

    popup = str(summary["popup_id"])  # not open yet: outside its window
    refused = run(
        capsys,
        "checkin",
        "--db",
        url,
        "--event",
        popup,
        "--qr",
        _qr(capsys, url, diamonds[2]),
        "--json",
    )[1]
    assert refused["reason"] == "outside_window" and refused["overridable"]
    monkeypatch.setenv("MEMBERDESK_SUPERVISOR_SECRET", "0000")
    override = ("checkin", "override", "--db", url, "--id", refused["checkin"])
    code, wrong = run(
        capsys, *override, "--reason", "early", "--supervisor", "demo", "--json"
    )
    assert (code, wrong["reason"]) == (1, "wrong_password")
    monkeypatch.setenv("MEMBERDESK_SUPERVISOR_SECRET", "1234")
    code, ok = run(
        capsys, *override, "--reason", "early", "--supervisor", "demo", "--json"
    )
    assert (code, ok["reason"]) == (0, "overridden")


def test_events_create_copy_edit_cancel(demo, capsys):
    url = demo[0]
    create = (
        "events",
        "create",
        "--db",
        url,
        "--json",
        "--name",
        "总部参观",
        "--kind",
        "hq_visit",
        "--starts",
        "2026-12-20T14:00",
        "--ends",
        "2026-12-20T16:00",
        "--doors-open",
        "2026-12-20T13:30",
        "--doors-close",
        "2026-12-20T14:30",
        "--capacity",
        "20",
        "--tiers",
        "diamond",
        "--registration",
        "--no-reentry",
        "--kind-cap",
        "100",
    )
    code, made = run(capsys, *create)
    assert code == 0 and made["kind_yearly_cap"] == 100 and not made["reentry_allowed"]
    assert made["starts_at"] == "2026-12-20T14:00:00+08:00"
    code, copy = run(
        capsys, "events", "copy", "--db", url, "--id", str(made["id"]), "--json"
    )
    assert (
        code == 0
        and copy["doors_open_at"] is None
        and copy["copied_from"] == made["id"]
    )
    code, moved = run(
        capsys,
        "events",
        "copy",
        "--db",
        url,
        "--id",
        str(made["id"]),
        "--starts",
        "2027-01-10T14:00+08:00",
        "--json",
    )
    assert moved["doors_open_at"] == "2027-01-10T05:30:00+00:00"
    code, edited = run(
        capsys,
        "events",
        "edit",
        "--db",
        url,
        "--id",
        str(copy["id"]),
        "--capacity",
        "0",
        "--json",
    )
    assert code == 0 and edited["capacity"] is None
    code, bad = run(
        capsys,
        "events",
        "edit",
        "--db",
        url,
        "--id",
        str(copy["id"]),
        "--kind",
        "party",
        "--json",
    )
    assert (code, bad["reason"]) == (2, "invalid") and "kind" in bad["message"]
    code, gone = run(
        capsys,
        "events",
        "cancel",
        "--db",
        url,
        "--id",
        str(made["id"]),
        "--reason",
        "rain",
        "--json",
    )
    assert code == 0 and gone["cancelled"]
    code, listed = run(capsys, "events", "--db", url, "--json")
    ids = [e["id"] for e in listed]
    assert made["id"] not in ids and copy["id"] in ids
    assert run(capsys, "events", "list", "--db", url, "--json")[1] == listed


def test_registrations_import(demo, capsys, tmp_path):
    url, _db, summary, diamonds = demo
    salon = str(summary["salon_id"])
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        f"member_id,note\n{diamonds[0]},首次\n{diamonds[0]},again\n999999,\n",
        encoding="utf-8",
    )
    imp = (
        "registrations",
        "import",
        "--db",
        url,
        "--event",
        salon,
        "--csv",
        str(sheet),
        "--json",
    )
    code, dry = run(capsys, *imp, "--dry-run")
    assert code == 1 and dry["good"] == 1 and dry["added"] is None
    assert [b["reason"] for b in dry["bad"]] == ["duplicate_row", "unknown_member"]
    code, done = run(capsys, *imp)
    assert code == 1 and done["added"] == 1


def test_damaged_database_is_refused_then_recovered(demo, capsys, tmp_path):
    url, db, summary, diamonds = demo
    salon = str(summary["salon_id"])
    for member in diamonds[:3]:
        run(
            capsys,
            "checkin",
            "--db",
            url,
            "--event",
            salon,
            "--qr",
            _qr(capsys, url, member),
            "--json",
        )
    journal = next(tmp_path.glob("demo.db.*.checkins.jsonl"))
    damaged = tmp_path / "damaged.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='checkin'"
        ).fetchone()[0]
    shutil.copy(db, damaged)
    with open(damaged, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\x00\xff" * (page // 2))

    bad_url = f"sqlite:///{damaged}"
    code, refused = run(
        capsys, "checkin", "--db", bad_url, "--event", salon, "--qr", "DX", "--json"
    )
    assert (code, refused["reason"]) == (3, "damaged_database")
    assert "memberdesk recover" in refused["message"]

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    code, report = run(
        capsys,
        "recover",
        "--db",
        fresh,
        "--journal",
        str(journal),
        "--from",
        bad_url,
        "--json",
    )
    assert code == 0 and report["replayed"] == 3
    code, status = run(
        capsys, "checkin", "status", "--db", fresh, "--event", salon, "--json"
    )
    assert status["admitted"] == 3


def test_usage_errors(demo, capsys):
    url = demo[0]
    code, out = run(capsys, "checkin", "--db", url, "--qr", "DX", "--json")
    assert (code, out["reason"]) == (2, "usage")
    code, out = run(capsys, "checkin", "--db", url, "--event", "1", "--json")
    assert (code, out["reason"]) == (2, "usage")
