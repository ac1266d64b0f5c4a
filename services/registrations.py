"""Registration lists: imported from CSV with a preview, or one at a time.

`preview_import` reads the file and sorts its rows into good and bad, each
bad one with a reason code and words; nothing is written. `commit_import`
then registers the good rows only, in one transaction with one audit entry.

A row names its member by member id, phone or card number, with an optional
note. With a header row the columns say which (member_id, phone, card_number,
note, or their Chinese names); without one, the first column is read as:
`#123` a member id, 11 digits starting with 1 a phone, 8 digits a card
number, other digits a member id. Excel in Chinese saves CSV as GB18030, so
that is tried when the file is not UTF-8.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.events import require_event
from memberdesk.services.members import mask_phone
from memberdesk.services.models import Card, Member, Registration, utcnow
from memberdesk.services.permissions import Action, Actor, require

log = logging.getLogger(__name__)

MAX_ROWS = 50_000
MAX_NOTE = 200
_HEADERS = {
    "member_id": {"member_id", "member", "id", "会员编号", "会员id", "会员号"},
    "phone": {"phone", "mobile", "手机", "手机号", "电话"},
    "card_number": {"card_number", "card", "卡号", "会员卡号"},
    "note": {"note", "notes", "remark", "备注"},
}
_PHONE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d(?:[ -]?\d){8}(?!\d)")


class ImportRefused(Exception):
    """The whole file or event is refused (cancelled event, unreadable file)."""


@dataclass(frozen=True)
class GoodRow:
    line: int
    member_id: int
    member_name: str
    tier_code: str
    note: str
    matched_by: str  # member_id, phone, card_number


@dataclass(frozen=True)
class BadRow:
    line: int
    text: str
    reason: str  # malformed, unknown_member, unknown_phone, unknown_card, ...
    message: str


@dataclass(frozen=True)
class ImportPreview:
    event_id: int
    good: tuple[GoodRow, ...]
    bad: tuple[BadRow, ...]
    source: str = ""

    @property
    def rows(self) -> int:
        return len(self.good) + len(self.bad)


@dataclass(frozen=True)
class ImportResult:
    event_id: int
    added: int
    already: int  # registered meanwhile, between preview and commit
    bad: int


@dataclass
class _Row:
    line: int
    text: str
    member_id: str = ""
    phone: str = ""
    card_number: str = ""
    note: str = ""
    problems: list[str] = field(default_factory=list)


def decode_csv(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused("the file is neither UTF-8 nor GB18030 text")


def _parse(text: str) -> list[_Row]:
    sample = text[:4096]
    delimiter = max(",;\t", key=lambda d: sample.count(d)) if sample else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = [(reader.line_num, cells) for cells in reader]
    if not lines:
        return []
    columns = _header(lines[0][1])
    if columns is not None:
        lines = lines[1:]
    rows = []
    for number, cells in lines:
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue  # blank lines are not rows
        # The row as the preview shows it, with any mobile number masked.
        shown = _MOBILE_IN_TEXT.sub(
            lambda m: mask_phone(m.group()), delimiter.join(cells)
        )
        row = _Row(number, shown[:200])
        if columns is None:
            _guess(row, cells)
        else:
            for index, name in columns.items():
                if index < len(cells) and cells[index]:
                    setattr(row, name, cells[index])
            if len(cells) > len(columns) and any(cells[len(columns) :]):
                row.problems.append("the row has more cells than the header")
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ImportRefused(f"the file has more than {MAX_ROWS} rows; split it")
    return rows


def _header(cells: list[str]) -> dict[int, str] | None:
    found = {}
    for index, cell in enumerate(cells):
        key = cell.strip().lower().lstrip("\ufeff")
        for name, spellings in _HEADERS.items():
            if key in spellings:
                found[index] = name
    return found if found and set(found.values()) - {"note"} else None


def _guess(row: _Row, cells: list[str]) -> None:
    first = cells[0]
    row.note = cells[1] if len(cells) > 1 else ""
    if len(cells) > 2 and any(cells[2:]):
        row.problems.append("more than two cells: give a header row to say which")
    digits = re.sub(r"[\s-]", "", first)
    if first.startswith("#"):
        row.member_id = first[1:].strip()
    elif _PHONE.match(digits):
        row.phone = digits
    elif digits.isdigit() and len(digits) == 8:
        row.card_number = digits
    else:
        row.member_id = first


def preview_import(
    session: Session, actor: Actor, event_id: int, data: bytes | str, source: str = ""
) -> ImportPreview:
    """Sort the file's rows into good and bad; nothing is written."""
    require(actor, Action.MANAGE_EVENTS)
    event = require_event(session, event_id)
    if event.cancelled:
        raise ImportRefused("the event is cancelled; registrations are closed")
    eligible = event.eligible_tiers.split()
    registered = set(
        session.scalars(
            select(Registration.member_id).where(Registration.event_id == event_id)
        )
    )
    good: list[GoodRow] = []
    bad: list[BadRow] = []
    seen: dict[int, int] = {}
    for row in _parse(decode_csv(data)):
        try:
            member, how = _resolve(session, row)
        except _Bad as exc:
            bad.append(BadRow(row.line, row.text, exc.reason, str(exc)))
            continue
        problem = _check(member, eligible, registered, seen, row)
        if problem:
            bad.append(BadRow(row.line, row.text, *problem))
            continue
        seen[member.id] = row.line
        good.append(
            GoodRow(row.line, member.id, member.name, member.tier_code, row.note, how)
        )
    log.info("registration preview: %d good, %d bad rows", len(good), len(bad))
    return ImportPreview(event_id, tuple(good), tuple(bad), source)


def _check(
    member: Member,
    eligible: list[str],
    registered: set[int],
    seen: dict[int, int],
    row: _Row,
) -> tuple[str, str] | None:
    if member.id in seen:
        return "duplicate_row", f"the same member as line {seen[member.id]}"
    if member.tier_code not in eligible:
        return (
            "tier_not_eligible",
            f"member {member.id} is {member.tier_code}; the event admits "
            f"{', '.join(eligible)}",
        )
    if member.id in registered:
        return "already_registered", f"member {member.id} is registered already"
    if len(row.note) > MAX_NOTE:
        return "malformed", f"the note is longer than {MAX_NOTE} characters"
    return None


class _Bad(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _resolve(session: Session, row: _Row) -> tuple[Member, str]:
    if row.problems:
        raise _Bad("malformed", row.problems[0])
    found: dict[str, Member] = {}
    if row.member_id:
        if not row.member_id.isdigit():
            raise _Bad("malformed", f"member id {row.member_id!r} is not a number")
        member = session.get(Member, int(row.member_id))
        if member is None:
            raise _Bad("unknown_member", f"no member with id {row.member_id}")
        found["member_id"] = member
    if row.card_number:
        number = re.sub(r"[\s-]", "", row.card_number)
        if not number.isdigit():
            raise _Bad("malformed", f"card number {row.card_number!r} is not digits")
        owner = session.scalar(
            select(Member)
            .join(Card, Card.member_id == Member.id)
            .where(Card.card_number == int(number))
            .limit(1)
        )
        if owner is None:
            raise _Bad("unknown_card", f"no card numbered {number}")
        found["card_number"] = owner
    if row.phone:
        found["phone"] = _by_phone(session, row.phone)
    if not found:
        raise _Bad("malformed", "the row names no member, phone or card number")
    ids = {m.id for m in found.values()}
    if len(ids) > 1:
        raise _Bad("conflict", "the row's member id, phone and card disagree")
    how, member = next(iter(found.items()))
    return member, how


def _by_phone(session: Session, phone: str) -> Member:
    digits = re.sub(r"[\s-]", "", phone)
    match = _PHONE.match(digits)
    if match is None:
        raise _Bad("malformed", "the phone is not a mainland mobile number")
    number = match.group(1)
    # Only the last four digits are said: the rest stays out of messages.
    tail = number[-4:]
    owners = session.scalars(
        select(Member).where(Member.phone_tail == tail, Member.phone == number)
    ).all()
    if not owners:
        raise _Bad("unknown_phone", f"no member with the phone ending {tail}")
    if len(owners) > 1:
        raise _Bad(
            "ambiguous_phone", f"{len(owners)} members share the phone ending {tail}"
        )
    return owners[0]


class RegistrationService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        audit: AuditLog,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._audit = audit
        self._clock = clock

    def preview(
        self, actor: Actor, event_id: int, data: bytes | str, source: str = ""
    ) -> ImportPreview:
        with self._sessions() as s:
            return preview_import(s, actor, event_id, data, source)

    def commit(self, actor: Actor, preview: ImportPreview) -> ImportResult:
        """Register the preview's good rows; bad rows are never written."""
        require(actor, Action.MANAGE_EVENTS)
        now = self._clock()
        added = already = 0
        with writing(self._sessions) as s:
            event = require_event(s, preview.event_id)
            if event.cancelled:
                raise ImportRefused("the event is cancelled; registrations are closed")
            for row in preview.good:
                if s.get(Registration, (event.id, row.member_id)) is not None:
                    already += 1
                    continue
                s.add(
                    Registration(
                        event_id=event.id,
                        member_id=row.member_id,
                        note=row.note[:MAX_NOTE],
                        source="desk" if preview.source == "desk" else "csv",
                        registered_at=now,
                    )
                )
                added += 1
            s.flush()
            self._audit.append(
                s,
                actor,
                "registrations_imported",
                "event",
                event.id,
                None,
                {
                    "file": preview.source,
                    "added": added,
                    "already": already,
                    "bad_rows": len(preview.bad),
                },
            )
        log.info("registrations for event %s: %d added", preview.event_id, added)
        return ImportResult(preview.event_id, added, already, len(preview.bad))

    def register(
        self, actor: Actor, event_id: int, member_id: int, note: str = ""
    ) -> bool:
        """Register one member at the desk; False if registered already."""
        line = io.StringIO()
        csv.writer(line).writerow([f"#{member_id}", note])
        preview = self.preview(actor, event_id, line.getvalue(), "desk")
        if preview.bad:
            bad = preview.bad[0]
            if bad.reason == "already_registered":
                return False
            raise ImportRefused(bad.message)
        return self.commit(actor, preview).added == 1
