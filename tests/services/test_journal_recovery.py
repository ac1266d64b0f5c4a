"""The check-in journal, a damaged database, and a station clock set back."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from actors import add_actor
from doorkit import NOW, make_kit
from sqlalchemy import func, select

from memberdesk.nfc.cardmessage import decoder
from memberdesk.services import recovery
from memberdesk.services.checkin import Door
from memberdesk.services.db import open_database
from memberdesk.services.door_state import (
    counters,
    last_scans,
    pending_uploads,
)
from memberdesk.services.journal import CheckinJournal, JournalError, read_journal
from memberdesk.services.models import AuditEntry, CheckIn, Event, YearlyTally
from memberdesk.services.reasons import Reason


def _db_path(kit) -> Path:
    return Path(kit.sessions.kw["bind"].url.database)


def test_journal_line_is_durable_before_the_verdict_commits(
    sessions, store, monkeypatch
):
    kit = make_kit(sessions, store)
    door = kit.door()
    journal = door.door.journal
    assert journal.path.name == "station.db.desk-1.checkins.jsonl"
    seen = []
    synced = []
    real_append = journal.append

    def spying_append(record):
        real_append(record)
        # Another session cannot see the row yet: its transaction is open.
        with kit.sessions() as other:
            seen.append(other.get(CheckIn, record["id"]) is not None)

    monkeypatch.setattr(journal, "append", spying_append)
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))

    verdict = door.decide_card(kit.event_id, *kit.card(kit.member()))

    assert seen == [False] and synced
    lines = journal.path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    assert record["id"] == verdict.checkin_id and record["verdict"] == "admitted"
    assert record["op"] == "checkin" and record["seq"] == verdict.seq


def test_no_verdict_without_its_journal_line(sessions, store, tmp_path):
    kit = make_kit(sessions, store)
    blocked = tmp_path / "not-a-file"
    blocked.mkdir()
    door = Door(
        kit.sessions,
        "desk-9",
        clock=lambda: NOW,
        journal=CheckinJournal(blocked),
        decode=decoder(),
    )
    with pytest.raises(JournalError, match="cannot write the check-in journal"):
        door.decide_card(kit.event_id, *kit.card(kit.member()), kit.actor)
    with kit.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0
        assert s.get(Event, kit.event_id).admitted == 0


def _busy_evening(kit):
    """Admissions, a duplicate, an exit and re-entry, a refusal, an annulment."""
    door = kit.door()
    cards = [kit.card(kit.member(name=f"会员{i}")) for i in range(4)]
    for card in cards:
        door.decide_card(kit.event_id, *card)
    door.decide_qr(kit.event_id, kit.qr(kit.member(name="扫码")))
    door.decide_card(kit.event_id, *cards[0])
    door.decide_card(kit.event_id, *cards[1], direction="out")
    door.decide_card(kit.event_id, *cards[1])
    door.decide_card(kit.event_id, *cards[2], direction="out")
    door.decide_card(kit.event_id, *kit.card(kit.member(tier="gold")))
    with kit.sessions() as s:
        victim = s.scalars(
            select(CheckIn.id)
            .where(CheckIn.verdict == "admitted")
            .order_by(CheckIn.seq)
        ).all()[3]
    door.door.annul(victim, "wrong person", add_actor(kit.sessions, "operator"))
    return cards


def _state(sessions, event_id):
    with sessions() as s:
        event = s.get(Event, event_id)
        rows = {
            r.id: (r.verdict, r.admitted, r.first_entry, r.annulled, r.seq, r.at)
            for r in s.scalars(select(CheckIn))
        }
        tallies = {
            (t.kind, t.year, t.member_id): t.count
            for t in s.scalars(select(YearlyTally))
            if t.count  # an annulled entry leaves a zero row; a rebuild none
        }
        return (event.admitted, event.inside), rows, tallies


def _corrupt_table_page(path: Path, table: str) -> None:
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _damaged_copy(kit, tmp_path: Path) -> Path:
    kit.sessions.kw["bind"].dispose()  # the last close checkpoints the WAL
    copy = tmp_path / "damaged.db"
    shutil.copy(_db_path(kit), copy)
    _corrupt_table_page(copy, "checkin")
    return copy


def test_damaged_page_is_found_and_the_journal_restores_every_checkin(
    sessions, store, tmp_path
):
    kit = make_kit(sessions, store)
    _busy_evening(kit)
    before = _state(kit.sessions, kit.event_id)
    journal = kit.door().door.journal.path
    damaged = _damaged_copy(kit, tmp_path)

    with pytest.raises(recovery.DamagedDatabase) as found:
        recovery.check_database(f"sqlite:///{damaged}")
    assert "damaged" in str(found.value) and "memberdesk recover" in str(found.value)
    recovery.check_database(f"sqlite:///{_db_path(kit)}")  # the original is fine

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    report = recovery.recover(fresh, journal, damaged_url=f"sqlite:///{damaged}")

    assert "checkin" in report.lost + report.partial
    assert report.salvaged["member"] == 6 and report.salvaged["event"] == 1
    assert report.replayed == len(before[1]) and report.annulled == 1
    assert not report.unplaced and not report.flagged
    engine, again = open_database(fresh)
    assert _state(again, kit.event_id) == before
    engine.dispose()

    rerun = recovery.recover(fresh, journal, damaged_url=f"sqlite:///{damaged}")
    assert rerun.replayed == 0 and rerun.already_present == len(before[1])


def test_truncated_file_is_found(sessions, store, tmp_path):
    kit = make_kit(sessions, store)
    _busy_evening(kit)
    kit.sessions.kw["bind"].dispose()
    copy = tmp_path / "short.db"
    data = _db_path(kit).read_bytes()
    copy.write_bytes(data[: len(data) // 3])
    with pytest.raises(recovery.DamagedDatabase):
        recovery.check_database(f"sqlite:///{copy}")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is no database" * 300)
    with pytest.raises(recovery.DamagedDatabase, match="not a database"):
        recovery.check_database(f"sqlite:///{garbage}")


def test_recovered_station_goes_on_deciding(sessions, store, tmp_path):
    kit = make_kit(sessions, store)
    cards = _busy_evening(kit)
    journal = kit.door().door.journal.path
    damaged = _damaged_copy(kit, tmp_path)
    fresh = tmp_path / "fresh.db"
    recovery.recover(f"sqlite:///{fresh}", journal, f"sqlite:///{damaged}")

    engine, recovered = open_database(f"sqlite:///{fresh}")
    door = Door(recovered, "desk-1", clock=lambda: NOW, decode=decoder())
    assert door.decide_card(kit.event_id, *cards[0], kit.actor).reason is (
        Reason.DUPLICATE
    )
    # The fourth admission was annulled before the damage: in again.
    verdict = door.decide_card(kit.event_id, *cards[3], kit.actor)
    assert verdict.reason is Reason.ADMITTED
    with recovered() as s:
        top = s.scalar(select(func.max(CheckIn.seq)).where(CheckIn.station == "desk-1"))
    assert verdict.seq == top
    engine.dispose()


def test_two_offline_desks_clash_and_the_second_entry_is_flagged(
    sessions, store, tmp_path
):
    kit = make_kit(sessions, store)
    member = kit.member()
    card = kit.card(member)
    kit.sessions.kw["bind"].dispose()
    # Two desks that could not reach each other: each its own copy.
    desk_b = tmp_path / "desk-b.db"
    shutil.copy(_db_path(kit), desk_b)
    engine_b, sessions_b = open_database(f"sqlite:///{desk_b}")
    a = kit.door(station="desk-a").decide_card(kit.event_id, *card)
    b = Door(sessions_b, "desk-b", clock=lambda: NOW, decode=decoder()).decide_card(
        kit.event_id, *card, kit.actor
    )
    assert a.reason is b.reason is Reason.ADMITTED
    engine_b.dispose()

    journals = [
        kit.door(station="desk-a").door.journal.path,
        Path(f"{desk_b}.desk-b.checkins.jsonl"),
    ]
    fresh = f"sqlite:///{tmp_path / 'merged.db'}"
    report = recovery.recover(fresh, journals, f"sqlite:///{_db_path(kit)}")

    # Desk A's entry came back with its database, desk B's from its journal.
    assert report.already_present == 1 and report.replayed == 1
    assert report.flagged == [b.checkin_id]
    engine, merged = open_database(fresh)
    with merged() as s:
        row = s.get(CheckIn, b.checkin_id)
        assert row.flagged and not row.first_entry and row.verdict == "admitted"
        assert s.get(Event, kit.event_id).admitted == 1
    engine.dispose()


def test_lines_without_their_event_wait_in_the_journal(sessions, store, tmp_path):
    kit = make_kit(sessions, store)
    kit.door().decide_card(kit.event_id, *kit.card(kit.member()))
    journal = kit.door().door.journal.path
    kept = journal.read_bytes()
    report = recovery.recover(f"sqlite:///{tmp_path / 'empty.db'}", journal)
    assert report.replayed == 0 and len(report.unplaced) == 1
    assert "event" in next(iter(report.unplaced.values()))
    assert journal.read_bytes() == kept


def test_torn_last_line_and_voided_lines_are_skipped(tmp_path):
    path = tmp_path / "j.jsonl"
    journal = CheckinJournal(path)
    journal.append({"op": "checkin", "id": "a", "at": NOW})
    journal.append({"op": "checkin", "id": "b", "at": NOW})
    journal.void("b")
    journal.close()
    with open(path, "ab") as f:
        f.write(b'{"op":"checkin","id":"c","at":')  # power went mid-line
    read = read_journal(path)
    assert set(read.checkins) == {"a", "b"} and read.voided == {"b"}
    assert read.damaged_lines == [4]


def test_clock_set_back_keeps_station_order(sessions, store):
    kit = make_kit(sessions, store)
    now = [NOW]
    door = kit.door(clock=lambda: now[0])
    first = door.decide_card(kit.event_id, *kit.card(kit.member()))
    now[0] = NOW - dt.timedelta(minutes=50)  # someone "fixed" the clock
    second = door.decide_card(kit.event_id, *kit.card(kit.member(name="李娜")))
    third = door.decide_card(kit.event_id, *kit.card(kit.member(name="张伟")))

    assert first.seq < second.seq < third.seq
    assert second.at < first.at  # verdicts use the clock they were given
    assert door.door.clock_set_back == dt.timedelta(minutes=50)
    assert len({first.checkin_id, second.checkin_id, third.checkin_id}) == 3
    with kit.sessions() as s:
        scans = last_scans(s, kit.event_id, station="desk-1")
    assert [r.checkin_id for r in scans] == [
        third.checkin_id,
        second.checkin_id,
        first.checkin_id,
    ]


def test_pending_uploads_are_counted_per_station(sessions, store):
    kit = make_kit(sessions, store)
    door = kit.door()
    verdicts = [
        door.decide_card(kit.event_id, *kit.card(kit.member())) for _ in range(3)
    ]
    kit.door(station="desk-2").decide_card(kit.event_id, *kit.card(kit.member()))
    with kit.sessions() as s:
        assert pending_uploads(s) == 4
        assert pending_uploads(s, "desk-1") == 3
        assert counters(s, kit.event_id, "desk-1").pending_uploads == 3
        assert counters(s, kit.event_id).admitted == 4
    assert set(read_journal(door.door.journal.path).checkins) == {
        v.checkin_id for v in verdicts
    }


def test_recovery_hops_over_damaged_pages_and_leaves_out_orphans(tmp_path):
    from memberdesk.services.db import open_database
    from memberdesk.services.demo import seed_demo
    from memberdesk.services.models import Member, Registration
    from memberdesk.services.recovery import recover

    good = tmp_path / "good.db"
    engine, sessions = open_database(f"sqlite:///{good}")
    with sessions.begin() as s:
        seed_demo(s, members=2000)
    engine.dispose()
    damaged = tmp_path / "damaged.db"
    raw = bytearray(good.read_bytes())
    # Two pages in the middle of the member table, overwritten.
    raw[100 * 4096 : 102 * 4096] = bytes(range(256)) * 32
    damaged.write_bytes(bytes(raw))
    journal = tmp_path / "empty.checkins.jsonl"
    journal.write_text("")

    report = recover(
        f"sqlite:///{tmp_path / 'new.db'}", journal, f"sqlite:///{damaged}"
    )

    _engine, fresh = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    with fresh() as s:
        members = s.scalar(select(func.count()).select_from(Member))
        registered = s.scalar(select(func.count()).select_from(Registration))
    assert 1500 < members < 2000  # all but the damaged pages' rows
    assert "member" in report.partial
    assert registered + report.orphaned.get("registration", 0) == 8


def test_database_and_journal_are_owner_only(tmp_path, store):
    import os
    import stat

    from memberdesk.services.db import open_database
    from memberdesk.services.journal import CheckinJournal

    db = tmp_path / "private.db"
    engine, sessions = open_database(f"sqlite:///{db}")
    kit = make_kit(sessions, store)
    journal = tmp_path / "private.checkins.jsonl"
    door = Door(
        sessions,
        "desk-1",
        clock=lambda: NOW,
        journal=CheckinJournal(journal),
        decode=decoder(),
    )
    door.decide_card(kit.event_id, *kit.card(kit.member()), kit.actor)
    engine.dispose()
    for path in (db, journal):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


class _Crash(BaseException):
    """The process dying between the journal line and the commit."""


def test_a_line_whose_commit_never_happened_is_kept_flagged_not_counted(
    sessions, store, monkeypatch
):
    kit = make_kit(sessions, store)
    member = kit.member()
    uid, message = kit.card(member)
    door = kit.door()

    def crash(session, ids):  # noqa: ANN001, ANN202
        raise _Crash

    monkeypatch.setattr(door.door.recorder, "commit", crash)
    with pytest.raises(_Crash):
        door.decide_card(kit.event_id, uid, message)
    lost = json.loads(door.door.journal.path.read_text().splitlines()[-1])["id"]
    with kit.sessions() as s:
        assert s.get(CheckIn, lost) is None

    restarted = kit.door()
    assert restarted.door.settle_journal() == [lost]
    assert restarted.door.settle_journal() == []  # once only

    with kit.sessions() as s:
        row = s.get(CheckIn, lost)
        assert row.flagged and not row.first_entry and not row.uploaded
        assert s.get(Event, kit.event_id).admitted == 0
        assert "checkins_unconfirmed" in s.scalars(select(AuditEntry.action)).all()
    # Never shown at the desk, so it admits nobody and blocks nobody.
    verdict = restarted.decide_card(kit.event_id, uid, message)
    assert verdict.reason is Reason.ADMITTED
