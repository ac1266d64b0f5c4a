"""The audit chain: tampering found at the first bad entry, appends serialised."""

from __future__ import annotations

import threading

import pytest
from securitykit import Clock
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker

from memberdesk.services.anchors import (
    AnchorError,
    AnchorPoint,
    FileAnchor,
    MemoryAnchor,
    anchor_for,
    anchor_path,
)
from memberdesk.services.audit import (
    GENESIS,
    REDACTED,
    AuditLog,
    entry_hash,
    redact,
    verify,
    writing,
)
from memberdesk.services.db import make_engine, open_database
from memberdesk.services.models import AuditEntry, Setting

ENTRIES = 10


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request):
    url = (
        request.getfixturevalue("sqlite_url")
        if request.param == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    engine, sessions = open_database(url)
    yield sessions
    engine.dispose()


def fill(sessions, audit: AuditLog, n: int = ENTRIES) -> None:
    for i in range(1, n + 1):
        with writing(sessions) as s:
            s.merge(Setting(key=f"k{i}", value=str(i)))
            audit.append(
                s, None, "setting_changed", "setting", f"k{i}", None, {"value": i}
            )


@pytest.fixture
def log_of_ten(db):
    anchor = MemoryAnchor()
    fill(db, AuditLog("desk-1", anchor, clock=Clock()))
    return db, anchor


def run_sql(sessions, *statements: str) -> None:
    with sessions.begin() as s:
        for statement in statements:
            s.execute(text(statement))


def check(sessions, anchor=None):
    with sessions() as s:
        return verify(s, anchor)


def test_an_untouched_log_is_intact(log_of_ten):
    sessions, anchor = log_of_ten
    report = check(sessions, anchor)
    assert report.ok and report.checked == ENTRIES and report.anchor_seq == ENTRIES
    with sessions() as s:
        first = s.get(AuditEntry, 1)
    assert first.prev_hash == GENESIS and first.hash == entry_hash(first)


def test_an_edited_entry(log_of_ten):
    sessions, anchor = log_of_ten
    run_sql(sessions, "UPDATE audit_entry SET action = 'forged' WHERE seq = 4")
    report = check(sessions, anchor)
    assert (report.ok, report.problem, report.first_bad) == (False, "altered", 4)
    assert report.message.startswith("entry 4 was altered")


def test_an_edited_entry_with_its_hash_recomputed(log_of_ten):
    sessions, anchor = log_of_ten
    with sessions.begin() as s:
        row = s.get(AuditEntry, 4)
        row.action = "nothing_happened"
        row.hash = entry_hash(row)
    report = check(sessions)
    assert (report.problem, report.first_bad) == ("altered", 4)
    assert "entry 5 no longer links to it" in report.message


@pytest.mark.parametrize(
    ("where", "first", "words"),
    [
        ("seq = 4", 4, "entry 4 was removed"),
        ("seq BETWEEN 4 AND 6", 4, "entries 4 to 6 were removed"),
        ("seq = 1", 1, "entry 1 was removed"),
    ],
)
def test_entries_deleted_in_the_middle(log_of_ten, where, first, words):
    sessions, anchor = log_of_ten
    run_sql(sessions, f"DELETE FROM audit_entry WHERE {where}")
    report = check(sessions, anchor)
    assert (report.problem, report.first_bad, report.message) == (
        "removed",
        first,
        words,
    )


def test_entries_deleted_at_the_end_are_caught_by_the_anchor(log_of_ten):
    sessions, anchor = log_of_ten
    run_sql(sessions, "DELETE FROM audit_entry WHERE seq >= 8")
    # Without the anchor the shorter chain is still a valid chain.
    assert check(sessions).ok
    report = check(sessions, anchor)
    assert (report.problem, report.first_bad) == ("truncated", 8)
    assert report.message.startswith("entries from 8 on were removed")


def test_a_wiped_log_is_caught_by_the_anchor(log_of_ten):
    sessions, anchor = log_of_ten
    run_sql(sessions, "DELETE FROM audit_entry")
    report = check(sessions, anchor)
    assert (report.problem, report.first_bad) == ("truncated", 1)


def test_reordered_entries(log_of_ten):
    sessions, anchor = log_of_ten
    run_sql(
        sessions,
        "UPDATE audit_entry SET seq = -5 WHERE seq = 5",
        "UPDATE audit_entry SET seq = 5 WHERE seq = 6",
        "UPDATE audit_entry SET seq = 6 WHERE seq = -5",
    )
    report = check(sessions, anchor)
    assert (report.problem, report.first_bad) == ("reordered", 5)
    assert report.message == "entry 5 holds what was entry 6: the log was reordered"


def test_a_deletion_hidden_by_renumbering(log_of_ten):
    sessions, anchor = log_of_ten
    run_sql(
        sessions,
        "DELETE FROM audit_entry WHERE seq = 7",
        "UPDATE audit_entry SET seq = seq - 1 WHERE seq = 8",
        "UPDATE audit_entry SET seq = seq - 1 WHERE seq = 9",
        "UPDATE audit_entry SET seq = seq - 1 WHERE seq = 10",
    )
    report = check(sessions, anchor)
    assert (report.problem, report.first_bad) == ("reordered", 7)


def test_a_tail_rewritten_with_fresh_hashes_is_caught_by_the_anchor(log_of_ten):
    sessions, anchor = log_of_ten
    with sessions.begin() as s:
        prev = s.get(AuditEntry, 5).hash
        for row in s.scalars(
            select(AuditEntry).where(AuditEntry.seq > 5).order_by(AuditEntry.seq)
        ):
            row.after = '{"value":0}'
            row.prev_hash = prev
            row.hash = prev = entry_hash(row)
    assert check(sessions).ok
    report = check(sessions, anchor)
    assert (report.ok, report.problem, report.first_bad) == (False, "altered", 10)


def test_the_anchor_moves_only_when_the_entry_commits(db):
    anchor = MemoryAnchor()
    audit = AuditLog("desk-1", anchor)
    fill(db, audit, 2)
    with pytest.raises(RuntimeError):
        with writing(db) as s:
            audit.append(s, None, "doomed", "setting", "x")
            raise RuntimeError("the change failed")
    assert anchor.read().seq == 2
    # The rolled-back entry must not surface on the next commit either.
    with writing(db) as s:
        s.merge(Setting(key="other", value="1"))
    assert anchor.read().seq == 2
    fill(db, audit, 1)
    assert anchor.read().seq == 3 and check(db, anchor).ok


def test_redact():
    values = {
        "login": "wang",
        "password": "hunter22",
        "pin_hash": "$argon2id$...",
        "card_key": b"\x01" * 32,
        "api_token": "tok",
        "phone": "13812345678",
        "note": "call 138 1234 5678 or +86 139-0000-1111",
        "nested": {"secret": "s", "keys": [{"private_key": "p"}]},
        "key_id": 3,
        "has_pin": True,
        "raw": b"\x00\x01",
        "number": 13912345678,
    }
    got = redact(values)
    assert got["login"] == "wang" and got["key_id"] == 3 and got["has_pin"] is True
    for name in ("password", "pin_hash", "card_key", "api_token"):
        assert got[name] == REDACTED
    assert got["phone"] == "138****5678"
    assert "1234 5678" not in got["note"] and "0000-1111" not in got["note"]
    assert got["nested"] == {"secret": REDACTED, "keys": [{"private_key": REDACTED}]}
    assert got["raw"] == "<2 bytes>"
    assert got["number"] == "139****5678"
    assert redact(None) is None


def test_the_file_anchor(tmp_path):
    path = tmp_path / "data" / "station.db.audit-anchor.json"
    anchor = FileAnchor(path)
    assert anchor.read() is None
    anchor.advance(AnchorPoint(3, "c" * 64))
    anchor.advance(AnchorPoint(2, "b" * 64))  # never moves back
    assert FileAnchor(path).read() == AnchorPoint(3, "c" * 64)
    assert [p.name for p in path.parent.iterdir()] == [path.name]

    path.write_text("{not json")
    with pytest.raises(AnchorError, match="damaged"):
        anchor.read()
    anchor.advance(AnchorPoint(4, "d" * 64))
    assert anchor.read().seq == 4
    anchor.clear()
    assert anchor.read() is None


def test_where_anchors_live(tmp_path, monkeypatch):
    db = tmp_path / "station.db"
    assert anchor_path(f"sqlite:///{db}") == tmp_path / "station.db.audit-anchor.json"
    assert isinstance(anchor_for("sqlite://"), MemoryAnchor)
    monkeypatch.setattr("memberdesk.services.anchors.data_dir", lambda: tmp_path)
    one = anchor_path("postgresql+psycopg://desk:first-secret@127.0.0.1/test")
    two = anchor_path("postgresql+psycopg://desk:second-secret@127.0.0.1/test")
    other = anchor_path("postgresql+psycopg://desk@127.0.0.1/other")
    assert one == two != other and one.parent == tmp_path / "anchors"
    assert "secret" not in str(one)


def _desks_append(url: str, desks: int, each: int) -> list[Exception]:
    start = threading.Barrier(desks)
    errors: list[Exception] = []

    def desk(n: int) -> None:
        engine = make_engine(url)
        sessions = sessionmaker(engine, expire_on_commit=False)
        audit = AuditLog(f"desk-{n}", MemoryAnchor())
        start.wait()
        try:
            for i in range(each):
                with writing(sessions) as s:
                    s.merge(Setting(key=f"desk-{n}", value=str(i)))
                    audit.append(
                        s, None, "tick", "setting", f"desk-{n}", None, {"i": i}
                    )
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.postgres
def test_four_desks_on_postgres_leave_one_chain(pg_url):
    engine, sessions = open_database(pg_url)
    errors = _desks_append(pg_url, desks=4, each=30)
    assert not errors, errors
    report = check(sessions)
    assert report.ok and report.checked == 120, report
    with sessions() as s:
        per_desk = dict(
            s.execute(
                select(AuditEntry.station, func.count()).group_by(AuditEntry.station)
            ).all()
        )
    assert per_desk == {f"desk-{n}": 30 for n in range(4)}
    engine.dispose()


def test_four_desks_on_sqlite_leave_one_chain(sqlite_url):
    engine, sessions = open_database(sqlite_url)
    errors = _desks_append(sqlite_url, desks=4, each=15)
    assert not errors, errors
    report = check(sessions)
    assert report.ok and report.checked == 60, report
    engine.dispose()
