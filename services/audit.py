"""The append-only, hash-chained audit log.

Each entry carries its sequence number and the hash of the entry before it,
and its own hash covers both, so editing, deleting or reordering rows breaks
the chain at the first touched entry. Removing the newest entries leaves a
valid chain, so the newest (seq, hash) is also written off the database, to an
anchor, and `verify` compares the two.

An append runs inside the caller's transaction, so a change and its entry
commit together or not at all. Appends are serialised: on PostgreSQL by a
transaction-level advisory lock, on SQLite by the write lock, which callers
must take at the start of the transaction (BEGIN IMMEDIATE; `writing` does
it). Should two appends still race, the sequence number is the primary key:
one of them fails instead of forking the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from memberdesk.services.anchors import AnchorPoint, AuditAnchor
from memberdesk.services.members import mask_phone
from memberdesk.services.models import AuditEntry, Staff, utcnow
from memberdesk.services.permissions import Action, Actor, require

log = logging.getLogger(__name__)

GENESIS = "0" * 64
# One constant for pg_advisory_xact_lock: the bytes of "mdaudit1".
ADVISORY_LOCK_KEY = 0x6D64_6175_6469_7431
REDACTED = "[redacted]"

# A field is secret when one of these words is part of its name.
_SECRET_WORDS = {
    "password",
    "passphrase",
    "secret",
    "token",
    "pin",
    "pwd",
    "pack",
    "private",
    "credential",
    "hash",
}
_SECRET_NAMES = {"card_key", "signing_key", "key_material", "private_key"}
# Mainland mobiles and anything that looks like a full number in free text.
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)")


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose transaction already holds the write lock on SQLite.

    Commits when the block ends, rolls back if it raises. On PostgreSQL the
    transaction is a plain one; `AuditLog.append` takes the advisory lock.
    """
    with sessions() as session:
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def serialise(session: Session) -> None:
    """Take the lock that orders audit appends, until the transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK_KEY}
        )


def redact(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A copy fit for the audit log: secrets replaced, phone numbers masked."""
    if values is None:
        return None
    return {str(k): _redact_value(str(k), v) for k, v in values.items()}


def _is_secret(name: str) -> bool:
    lowered = name.lower()
    words = set(re.split(r"[^a-z0-9]+", lowered))
    return lowered in _SECRET_NAMES or bool(words & _SECRET_WORDS)


def _redact_value(name: str, value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value  # says nothing a secret could be read from
    if _is_secret(name):
        return REDACTED
    if isinstance(value, Mapping):
        return redact(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_redact_value(name, v) for v in value]
    if isinstance(value, bytes | bytearray | memoryview):
        # Raw bytes in an audit record are most likely key material.
        return f"<{len(bytes(value))} bytes>"
    if "phone" in name.lower():
        return mask_phone(str(value))
    if isinstance(value, int | float) and not _PHONE_IN_TEXT.fullmatch(str(value)):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group()), str(value))


def canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_hash(entry: AuditEntry, seq: int | None = None) -> str:
    """The hash an entry should carry; `seq` overrides its own, to test moves."""
    fields = [
        entry.seq if seq is None else seq,
        _stamp(entry.at),
        entry.staff_id,
        entry.station,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before,
        entry.after,
        entry.prev_hash,
    ]
    return hashlib.sha256(canonical(fields).encode()).hexdigest()


class AuditLog:
    """Appends entries for one station, and keeps its anchor up to date."""

    def __init__(
        self,
        station: str,
        anchor: AuditAnchor | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.station = station
        self.anchor = anchor
        self._clock = clock

    def append(
        self,
        session: Session,
        actor: Actor | None,
        action: str,
        entity: str,
        entity_id: object,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """Add an entry to the caller's transaction; it commits with the change.

        `actor` None means the station itself (a failed sign-in, a migration).
        """
        serialise(session)
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
        entry = AuditEntry(
            seq=1 if last is None else last.seq + 1,
            at=self._clock(),
            staff_id=actor.staff_id if actor else None,
            station=((actor.station if actor else "") or self.station)[:40],
            action=action,
            entity=entity,
            entity_id=_redact_value("entity_id", str(entity_id))[:40],
            before="" if before is None else canonical(redact(before)),
            after="" if after is None else canonical(redact(after)),
            prev_hash=GENESIS if last is None else last.hash,
        )
        entry.hash = entry_hash(entry)
        session.add(entry)
        session.flush()
        if self.anchor is not None:
            _anchor_after_commit(
                session, self.anchor, AnchorPoint(entry.seq, entry.hash)
            )
        log.debug("audit %s %s %s as #%d", action, entity, entry.entity_id, entry.seq)
        return entry


_PENDING = "memberdesk.audit.pending"


def _anchor_after_commit(
    session: Session, anchor: AuditAnchor, point: AnchorPoint
) -> None:
    # Written only once the entry is committed: an anchor ahead of the database
    # would report a truncation that never happened.
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = {}
        event.listen(session, "after_commit", _write_pending)
        event.listen(session, "after_transaction_end", _drop_pending)
    pending[id(anchor)] = (anchor, point)


def _write_pending(session: Session) -> None:
    for anchor, point in session.info.get(_PENDING, {}).values():
        try:
            anchor.advance(point)
        except OSError as exc:
            log.warning("audit anchor not written: %s", exc.strerror or exc)
    session.info.get(_PENDING, {}).clear()


def _drop_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.get(_PENDING, {}).clear()


@dataclass(frozen=True)
class AuditReport:
    """The outcome of `verify`; `first_bad` names the first broken entry."""

    ok: bool
    checked: int
    last_seq: int
    problem: str | None = None  # altered, removed, reordered, truncated
    first_bad: int | None = None
    message: str = "the audit log is intact"
    anchor_seq: int | None = None


def verify(session: Session, anchor: AuditAnchor | None = None) -> AuditReport:
    """Walk the chain from the first entry; stop at the first broken one."""
    point = anchor.read() if anchor is not None else None
    anchor_seq = point.seq if point else None
    expected, prev, anchored_hash = 1, GENESIS, None
    rows = session.scalars(
        select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=500)
    )
    for row in rows:
        if row.seq != expected:
            return _bad(
                "removed", expected, expected - 1, anchor_seq, _gap(expected, row.seq)
            )
        if entry_hash(row) != row.hash:
            origin = _moved_from(session, row)
            if origin is not None:
                return _bad(
                    "reordered",
                    row.seq,
                    expected - 1,
                    anchor_seq,
                    f"entry {row.seq} holds what was entry {origin}: "
                    "the log was reordered",
                )
            return _bad(
                "altered",
                row.seq,
                expected - 1,
                anchor_seq,
                f"entry {row.seq} was altered: its content no longer matches its hash",
            )
        if row.prev_hash != prev:
            # This entry is as written, so the one before it was rewritten
            # whole, hash and all.
            bad = max(row.seq - 1, 1)
            why = (
                f"entry {bad} was altered: entry {row.seq} no longer links to it"
                if row.seq > 1
                else "entry 1 was altered: it does not start the chain"
            )
            return _bad("altered", bad, expected - 1, anchor_seq, why)
        if point is not None and row.seq == point.seq:
            anchored_hash = row.hash
        prev, expected = row.hash, expected + 1
    last = expected - 1
    if point is not None and point.seq > last:
        return _bad(
            "truncated",
            last + 1,
            last,
            anchor_seq,
            f"entries from {last + 1} on were removed: the anchor records "
            f"entry {point.seq}",
        )
    if point is not None and point.seq and anchored_hash != point.hash:
        return _bad(
            "altered",
            point.seq,
            last,
            anchor_seq,
            f"entry {point.seq} does not match the anchor: the log up to it was "
            "rewritten",
        )
    return AuditReport(True, last, last, anchor_seq=anchor_seq)


def _gap(expected: int, found: int) -> str:
    if found == expected + 1:
        return f"entry {expected} was removed"
    return f"entries {expected} to {found - 1} were removed"


def _bad(
    problem: str, first: int, checked: int, anchor_seq: int | None, message: str
) -> AuditReport:
    log.warning("audit log check failed: %s", message)
    return AuditReport(False, checked, checked, problem, first, message, anchor_seq)


def _moved_from(session: Session, row: AuditEntry, reach: int = 1000) -> int | None:
    """The position an intact entry was written at, if it was moved."""
    linked = session.scalar(
        select(AuditEntry.seq).where(AuditEntry.hash == row.prev_hash).limit(1)
    )
    candidates = [] if linked is None else [linked + 1]
    for step in range(1, reach + 1):
        candidates += [row.seq + step, row.seq - step]
    for seq in candidates:
        if seq > 0 and seq != row.seq and entry_hash(row, seq) == row.hash:
            return seq
    return None


@dataclass(frozen=True)
class AuditView:
    """One entry as the Audit page and `memberdesk audit list` show it."""

    seq: int
    at: dt.datetime
    staff_id: int | None
    staff_login: str | None
    station: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "at": self.at.isoformat()}


def recent(
    session: Session,
    actor: Actor,
    limit: int = 100,
    *,
    before_seq: int | None = None,
    action: str | None = None,
    entity: str | None = None,
    staff_id: int | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[AuditView]:
    """The newest entries first, filtered in SQL; page on with `before_seq`."""
    require(actor, Action.VIEW_AUDIT)
    query = (
        select(AuditEntry, Staff.login)
        .outerjoin(Staff, Staff.id == AuditEntry.staff_id)
        .order_by(AuditEntry.seq.desc())
        .limit(max(1, limit))
    )
    conditions = [
        (before_seq, AuditEntry.seq < (before_seq or 0)),
        (action, AuditEntry.action == action),
        (entity, AuditEntry.entity == entity),
        (staff_id, AuditEntry.staff_id == staff_id),
        (since, AuditEntry.at >= (since or utcnow())),
        (until, AuditEntry.at < (until or utcnow())),
    ]
    for given, condition in conditions:
        if given is not None:
            query = query.where(condition)
    return [
        AuditView(
            e.seq,
            e.at,
            e.staff_id,
            login,
            e.station,
            e.action,
            e.entity,
            e.entity_id,
            _parsed(e.before),
            _parsed(e.after),
        )
        for e, login in session.execute(query)
    ]


def _parsed(stored: str) -> dict[str, Any] | None:
    # A row edited by hand may hold anything; show it rather than fail.
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return {"unreadable": stored}
    return value if isinstance(value, dict) else {"value": value}
