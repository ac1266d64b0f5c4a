"""A damaged station database: found at start, rebuilt from what survives.

`check_database` opens an SQLite file on its own, without SQLAlchemy or a
migration, and runs SQLite's quick check: a damaged page, a truncated file or
one that is no database at all is reported in words, before the door decides
anything on it.

`recover` builds a fresh database: it copies what can still be read from the
damaged one, table by table, then replays the station's check-in journal,
then counts the counters again from the rows. Replaying is idempotent by
check-in id, so running it twice changes nothing. A first entry that clashes
with one already there is kept and flagged, never dropped; a line whose event
or member is missing is left in the journal and listed, to replay again once a
sync has brought them.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, delete, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import checkin_rules as rules
from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.checkin_rows import from_record
from memberdesk.services.db import open_database
from memberdesk.services.journal import CheckinJournal, read_journal
from memberdesk.services.models import (
    Base,
    Card,
    CheckIn,
    Event,
    Member,
    Staff,
    YearlyTally,
)
from memberdesk.services.reasons import Reason

log = logging.getLogger(__name__)


class DamagedDatabase(Exception):
    """The station database cannot be trusted; the message says what to do."""

    def __init__(self, path: Path, detail: str) -> None:
        # The journal is named after the station, which only the database
        # knows: name it when exactly one lies beside the database.
        found = sorted(path.parent.glob(f"{path.name}.*.checkins.jsonl"))
        journal = found[0] if len(found) == 1 else "JOURNAL_FILE"
        super().__init__(
            f"the station database {path} is damaged ({detail}). Check-ins not "
            "yet uploaded are safe in the station's check-in journal beside it. "
            f"Recover with: memberdesk recover --from sqlite:///{path} --db "
            f"sqlite:///{path.with_name('recovered.db')} --journal {journal}"
        )
        self.path = path
        self.detail = detail


def check_database(url: str) -> None:
    """Raise DamagedDatabase if an SQLite file fails SQLite's quick check.

    A missing file is fine (a new station); servers check themselves.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return
    if not parsed.database or parsed.database == ":memory:":
        return
    path = Path(parsed.database)
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    finally:
        conn.close()
    problems = [r[0] for r in rows if r and r[0] != "ok"]
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise DamagedDatabase(path, f"{problems[0]}{more}")
    log.debug("database %s passed the quick check", path.name)


@dataclass
class RecoveryReport:
    salvaged: dict[str, int] = field(default_factory=dict)  # table -> rows
    partial: list[str] = field(default_factory=list)  # tables cut short
    lost: list[str] = field(default_factory=list)  # tables not readable at all
    orphaned: dict[str, int] = field(default_factory=dict)  # rows naming lost rows
    replayed: int = 0
    already_present: int = 0
    voided: int = 0
    annulled: int = 0
    flagged: list[str] = field(default_factory=list)  # clashing first entries
    unplaced: dict[str, str] = field(default_factory=dict)  # id -> why
    damaged_lines: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def recover(
    target_url: str,
    journal: Path | list[Path],
    damaged_url: str | None = None,
    station: str = "recovery",
) -> RecoveryReport:
    """Build `target_url` from the damaged database and the journal(s)."""
    report = RecoveryReport()
    engine, sessions = open_database(target_url)
    try:
        if damaged_url:
            salvage(damaged_url, sessions, report)
        journals = [journal] if isinstance(journal, str | Path) else list(journal)
        for path in journals:
            replay(sessions, Path(path), report)
        with writing(sessions) as session:
            rebuild_counters(session)
            AuditLog(station).append(
                session,
                None,
                "database_recovered",
                "checkin",
                "journal",
                None,
                {
                    "replayed": report.replayed,
                    "flagged": len(report.flagged),
                    "unplaced": len(report.unplaced),
                    "lost_tables": report.lost,
                },
            )
    finally:
        engine.dispose()
    log.info(
        "recovered: %d replayed, %d present, %d flagged, %d unplaced",
        report.replayed,
        report.already_present,
        len(report.flagged),
        len(report.unplaced),
    )
    return report


def salvage(
    damaged_url: str, sessions: sessionmaker[Session], report: RecoveryReport
) -> None:
    """Copy every row still readable into the empty tables of the target."""
    path = Path(make_url(damaged_url).database or "")
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.warning("nothing salvaged from %s: %s", path.name, exc)
        report.lost.append("*")
        return
    try:
        for table in Base.metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            with sessions() as session:
                if session.scalar(select(func.count()).select_from(table)):
                    continue  # filled already: by a sync, or a first run of this
            rows, complete = _read_table(source, table)
            if rows is None:
                report.lost.append(table.name)
                continue
            if not complete:
                report.partial.append(table.name)
            kept = _insert_salvaged(sessions, table, rows)
            if kept < len(rows):
                # Rows naming members or events lost with a damaged page.
                report.orphaned[table.name] = len(rows) - kept
                if table.name not in report.partial:
                    report.partial.append(table.name)
            report.salvaged[table.name] = kept
    finally:
        source.close()


def _insert_salvaged(sessions: sessionmaker[Session], table: object, rows: list) -> int:
    """Insert what was read; rows whose references were lost are left out."""
    if not rows:
        return 0
    try:
        with sessions.begin() as session:
            for start in range(0, len(rows), 1000):
                session.execute(insert(table), rows[start : start + 1000])
        return len(rows)
    except IntegrityError:
        log.warning("table %s: some rows name rows that were lost", table.name)
    kept = 0
    for row in rows:
        try:
            with sessions.begin() as session:
                session.execute(insert(table), [row])
            kept += 1
        except IntegrityError:
            continue
    return kept


def _read_table(source: sqlite3.Connection, table: object) -> tuple[list | None, bool]:
    """Every row still readable, hopping over damaged pages by rowid."""
    wanted = {c.name: c for c in table.columns}
    query = f'SELECT rowid, * FROM "{table.name}" WHERE rowid > ? ORDER BY rowid'
    try:
        names = [d[0] for d in source.execute(query + " LIMIT 0", (0,)).description]
    except sqlite3.DatabaseError as exc:
        log.warning("table %s not readable: %s", table.name, exc)
        return None, False
    rows, complete, after = [], True, -(2**63)
    while after is not None:
        try:
            for raw in source.execute(query, (after,)):
                after = raw[0]
                rows.append(
                    {
                        name: _convert(wanted[name], value)
                        for name, value in zip(names[1:], raw[1:], strict=True)
                        if name in wanted
                    }
                )
            break
        except sqlite3.DatabaseError as exc:
            log.warning(
                "table %s: a damaged page after rowid %s: %s", table.name, after, exc
            )
            complete = False
            after = _past_damage(source, table.name, after)
    return rows, complete


def _past_damage(source: sqlite3.Connection, name: str, after: int) -> int | None:
    """A rowid from which the table reads again, or None when nothing does."""
    step = 1
    while step < 2**62:
        try:
            found = source.execute(
                f'SELECT rowid FROM "{name}" WHERE rowid > ? ORDER BY rowid LIMIT 1',
                (after + step,),
            ).fetchone()
        except sqlite3.DatabaseError:
            step *= 2
            continue
        return None if found is None else found[0] - 1
    return None


def _convert(column, value: object) -> object:  # noqa: ANN001
    if value is None:
        return None
    kind = column.type
    impl = getattr(kind, "impl", kind)  # UTCDateTime stands on DateTime
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, DateTime) or isinstance(impl, DateTime):
        stamp = dt.datetime.fromisoformat(str(value))
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(str(value))
    return value


def replay(sessions: sessionmaker[Session], path: Path, report: RecoveryReport) -> None:
    """Add the journal's check-ins that the database lacks, then its annulments."""
    read = read_journal(path)
    report.damaged_lines.extend(read.damaged_lines)
    report.voided += len(read.voided)
    records = sorted(
        (r for i, r in read.checkins.items() if i not in read.voided),
        key=lambda r: (r.get("station") or "", r.get("seq") or 0, r.get("at") or ""),
    )
    with writing(sessions) as session:
        present = _present(session, [r["id"] for r in records])
        for record in records:
            if record["id"] in present:
                report.already_present += 1
                continue
            why = _missing_reference(session, record)
            if why:
                report.unplaced[record["id"]] = why
                continue
            _add(session, record, report)
            report.replayed += 1
        for checkin_id, record in read.annulments.items():
            row = session.get(CheckIn, checkin_id)
            if row is not None and not row.annulled:
                row.annulled = True
                row.annulled_at = _stamp(record.get("at"))
                row.annul_reason = record.get("reason")
                row.uploaded = False
                report.annulled += 1
    log.info("journal %s replayed: %d added", path.name, report.replayed)


def _present(session: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(session.scalars(select(CheckIn.id).where(CheckIn.id.in_(chunk))))
    return found


def _missing_reference(session: Session, record: dict) -> str:
    if session.get(Event, record["event_id"]) is None:
        return f"event {record['event_id']} is not in this database"
    member_id = record.get("member_id")
    if member_id is not None and session.get(Member, member_id) is None:
        return f"member {member_id} is not in this database"
    return ""


def settle_journal(
    sessions: sessionmaker[Session],
    journal: CheckinJournal,
    audit: AuditLog | None = None,
) -> list[str]:
    """At start, on a sound database: the journal's check-ins it lacks.

    A line without its row is either a crash between the journal line and
    the commit (the desk never showed that verdict) or a commit the system
    lost in a power cut after it had shown. Nothing tells the two apart, so
    the check-in is added flagged: kept for a person to look at and
    uploaded, never counted, so it neither admits nor blocks anyone. Run it
    before the desk's first scan: a scan in flight has a line and no row yet.
    Returns the ids added.
    """
    read = journal.read()
    records = [r for i, r in read.checkins.items() if i not in read.voided]
    if not records:
        return []
    report = RecoveryReport()
    with writing(sessions) as session:
        present = _present(session, [r["id"] for r in records])
        for record in records:
            if record["id"] in present or _missing_reference(session, record):
                continue
            _add(session, record, report, unconfirmed=True)
        if report.flagged:
            (audit or AuditLog(journal.path.stem)).append(
                session,
                None,
                "checkins_unconfirmed",
                "checkin",
                "journal",
                None,
                {"ids": report.flagged},
            )
    if report.flagged:
        log.warning(
            "%d journalled check-in(s) had no row: added, flagged for review",
            len(report.flagged),
        )
    return report.flagged


def _add(
    session: Session, record: dict, report: RecoveryReport, unconfirmed: bool = False
) -> None:
    row = from_record(record)
    if row.card_id is not None and session.get(Card, row.card_id) is None:
        row.card_id = None  # the card's row comes back with a sync; the uid stays
    if row.staff_id is not None and session.get(Staff, row.staff_id) is None:
        row.staff_id = None
    if row.seq is not None and session.scalar(
        select(CheckIn.id).where(CheckIn.station == row.station, CheckIn.seq == row.seq)
    ):
        row.seq = None  # never block a fact on its number
    if unconfirmed or (
        row.first_entry
        and session.scalar(
            select(CheckIn.id).where(
                CheckIn.event_id == row.event_id,
                CheckIn.member_id == row.member_id,
                CheckIn.first_entry.is_(True),
                CheckIn.annulled.is_(False),
            )
        )
    ):
        row.first_entry = False
        row.flagged = True
        report.flagged.append(row.id)
    session.add(row)
    session.flush()


def _stamp(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def rebuild_counters(session: Session, event_ids: set[int] | None = None) -> None:
    """Count admitted, inside and the yearly tallies again from the rows.

    With `event_ids`, only those events, and the tallies of their kinds and
    years, are counted again (the sync's case), under those events' row
    locks.
    """
    live = (CheckIn.annulled.is_(False), CheckIn.flagged.is_(False))
    every = {e.id: e for e in session.scalars(select(Event))}
    targets = (
        every if event_ids is None else {i: every[i] for i in event_ids if i in every}
    )
    pairs = {(e.kind, rules.programme_year(e)) for e in targets.values()}
    # Tallies span every event of a kind and year, so those are read too.
    counted = {
        i: e for i, e in every.items() if (e.kind, rules.programme_year(e)) in pairs
    }
    if event_ids is not None:
        # Every desk locks an event row before its tallies: so does this.
        session.execute(
            select(Event.id)
            .where(Event.id.in_(sorted(counted)))
            .order_by(Event.id)
            .with_for_update()
        )
    for event in targets.values():
        event.admitted = 0
        event.inside = 0
    tallies: dict[tuple[str, int, int], int] = defaultdict(int)
    firsts = session.execute(
        select(CheckIn.event_id, CheckIn.member_id).where(
            CheckIn.first_entry.is_(True), CheckIn.event_id.in_(list(counted)), *live
        )
    )
    for event_id, member_id in firsts:
        event = counted[event_id]
        if event_id in targets:
            event.admitted += 1
        year = rules.programme_year(event)
        tallies[event.kind, year, member_id] += 1
        tallies[event.kind, year, rules.ALL_MEMBERS] += 1
    moves: dict[tuple[int, int], int] = defaultdict(int)
    for event_id, member_id, admitted, verdict in session.execute(
        select(
            CheckIn.event_id, CheckIn.member_id, CheckIn.admitted, CheckIn.verdict
        ).where(
            CheckIn.member_id.is_not(None), CheckIn.event_id.in_(list(targets)), *live
        )
    ):
        if admitted:
            moves[event_id, member_id] += 1
        elif verdict == Reason.EXITED.value:
            moves[event_id, member_id] -= 1
    for (event_id, _member), balance in moves.items():
        if balance > 0:
            targets[event_id].inside += 1
    for kind, year in pairs:
        session.execute(
            delete(YearlyTally).where(
                YearlyTally.kind == kind, YearlyTally.year == year
            )
        )
    session.add_all(
        YearlyTally(kind=k, year=y, member_id=m, count=n)
        for (k, y, m), n in tallies.items()
    )
    session.flush()
