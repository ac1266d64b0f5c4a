"""The checks behind a door verdict, one function a rule.

`checkin.Door` calls these inside its locked transaction, in this order: who
the scan names (card or QR code), whether that member may enter this event,
whether the member is inside already, then capacity and the yearly caps. A
check that fails raises Refused with a stable reason code and what is known
about the member by then, so the refusal row and the screen can name them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from memberdesk.services import cardformat, memberqr
from memberdesk.services.models import (
    Card,
    CheckIn,
    Event,
    Member,
    MemberQr,
    Registration,
    YearlyTally,
)
from memberdesk.services.reasons import Reason

log = logging.getLogger(__name__)

# The programme's year runs on its own clock, not the station's.
PROGRAMME_ZONE = ZoneInfo("Asia/Shanghai")
ALL_MEMBERS = 0  # the tally row that counts every member of a kind


class Refused(Exception):
    def __init__(self, reason: Reason, detail: str = "", **facts: object) -> None:
        super().__init__(detail or reason.value)
        self.reason = reason
        self.detail = detail
        self.facts = facts


@dataclass(frozen=True)
class Identity:
    """Who a valid scan names, and with what."""

    member: Member
    card: Card | None
    card_number: int | None
    qr_serial: int | None = None


PublicKeys = dict  # key id -> (Ed25519PublicKey, retired_at)


def _check_key(  # noqa: ANN202
    keys: PublicKeys, key_id: int, now: dt.datetime, facts: dict
):
    known = keys.get(key_id)
    if known is None:
        raise Refused(Reason.UNKNOWN_KEY, f"key {key_id}", **facts)
    public_key, retired_at = known
    if retired_at is not None and now >= retired_at:
        raise Refused(Reason.KEY_RETIRED, f"key {key_id}", **facts)
    return public_key


def check_card(
    session: Session,
    keys: PublicKeys,
    decode: Callable[[bytes], cardformat.SignedCard],
    uid: bytes,
    message: bytes,
    now: dt.datetime,
) -> Identity:
    """The member a tapped card names, if the card is genuine and current."""
    try:
        signed = decode(message)
    except cardformat.CardFormatError as exc:
        raise Refused(Reason(exc.reason), str(exc)) from exc
    payload = signed.payload
    facts = {"member_id": payload.member_id, "card_number": payload.card_number}
    public_key = _check_key(keys, payload.key_id, now, facts)

    cards = session.scalars(
        select(Card).where(Card.card_number == payload.card_number)
    ).all()
    card = next((c for c in cards if c.issue_number == payload.issue_number), None)

    if not cardformat.verify(signed, uid, public_key):
        # Distinguish a copy (valid for the chip it was issued on) from a
        # forgery, so the door can say which.
        issued_uid = bytes.fromhex(card.uid) if card and card.uid else None
        if issued_uid and cardformat.verify(signed, issued_uid, public_key):
            raise Refused(Reason.UID_MISMATCH, **facts)
        raise Refused(Reason.BAD_SIGNATURE, **facts)

    _check_issue(cards, payload.issue_number, facts)
    if card is None:
        raise Refused(Reason.UNKNOWN_CARD, **facts)
    if card.status in ("revoked", "lost"):
        raise Refused(Reason.REVOKED_CARD, **facts)
    if card.status != "active":
        # Encoding was never finished (or was abandoned): the chip may hold a
        # valid message without its protection. The card desk finishes it.
        raise Refused(Reason.CARD_NOT_ACTIVE, card.status, **facts)
    if card.uid and card.uid != uid.hex().upper():
        raise Refused(Reason.UID_MISMATCH, **facts)
    if card.member_id != payload.member_id:
        raise Refused(Reason.BAD_SIGNATURE, "member does not match", **facts)

    member = session.get(Member, payload.member_id)
    if member is None:
        raise Refused(Reason.UNKNOWN_MEMBER, **facts)
    return Identity(member, card, payload.card_number)


def _check_issue(cards: list[Card], issue: int, facts: dict) -> None:
    # Every door refuses a lower issue number offline: a lost card reissued.
    newest = max((c.issue_number for c in cards if c.status != "failed"), default=None)
    if newest is not None and issue < newest:
        raise Refused(Reason.SUPERSEDED_ISSUE, **facts)


def check_qr(
    session: Session, keys: PublicKeys, text: str, now: dt.datetime
) -> Identity:
    """The member a scanned QR code names, if it is genuine and current."""
    try:
        signed = memberqr.decode_member_qr(text)
    except memberqr.QrError as exc:
        raise Refused(Reason(exc.reason), str(exc)) from exc
    payload = signed.payload
    facts: dict = {
        "member_id": payload.member_id,
        "card_number": payload.card_number or None,
    }
    public_key = _check_key(keys, payload.key_id, now, facts)
    if not memberqr.verify_member_qr(signed, public_key):
        raise Refused(Reason.BAD_SIGNATURE, **facts)
    if now >= payload.expires_at:
        raise Refused(
            Reason.QR_EXPIRED, f"expired {payload.expires_at.isoformat()}", **facts
        )
    issued = session.get(MemberQr, payload.serial)
    if (
        issued is not None
        and issued.revoked_at is not None
        and (now >= issued.revoked_at)
    ):
        raise Refused(Reason.REVOKED_QR, f"serial {payload.serial}", **facts)

    card = None
    if payload.card_number:
        cards = session.scalars(
            select(Card).where(Card.card_number == payload.card_number)
        ).all()
        _check_issue(cards, payload.issue_number, facts)
        card = next((c for c in cards if c.issue_number == payload.issue_number), None)
        if card is not None and card.status in ("revoked", "lost"):
            raise Refused(Reason.REVOKED_CARD, **facts)

    member = session.get(Member, payload.member_id)
    if member is None:
        raise Refused(Reason.UNKNOWN_MEMBER, **facts)
    return Identity(member, card, payload.card_number or None, payload.serial)


def member_facts(member: Member) -> dict:
    return {
        "member_id": member.id,
        "member_name": member.name,
        "tier_code": member.tier_code,
    }


def check_entry(
    session: Session, event: Event, member: Member, now: dt.datetime
) -> None:
    """May this member come in to this event now, leaving aside who is in."""
    facts = member_facts(member)
    if event.cancelled:
        raise Refused(Reason.EVENT_CANCELLED, **facts)
    if member.tier_code not in event.eligible_tiers.split():
        raise Refused(Reason.TIER_NOT_ELIGIBLE, **facts)
    if event.doors_open_at is None or event.doors_close_at is None:
        raise Refused(Reason.WINDOW_NOT_SET, **facts)
    if not event.doors_open_at <= now <= event.doors_close_at:
        raise Refused(Reason.OUTSIDE_WINDOW, **facts)
    if (
        event.registration_required
        and session.get(Registration, (event.id, member.id)) is None
    ):
        raise Refused(Reason.NOT_REGISTERED, **facts)


@dataclass(frozen=True)
class Presence:
    entered: bool  # a live first entry exists
    inside: bool  # more live entries than live exits


# Built once: composing this statement costs more than running it.
_PRESENCE = select(
    func.coalesce(func.sum(case((CheckIn.first_entry, 1), else_=0)), 0),
    func.coalesce(func.sum(case((CheckIn.admitted, 1), else_=0)), 0),
    func.coalesce(
        func.sum(case((CheckIn.verdict == Reason.EXITED.value, 1), else_=0)), 0
    ),
).where(
    CheckIn.event_id == bindparam("event_id"),
    CheckIn.member_id == bindparam("member_id"),
    CheckIn.annulled.is_(False),
    CheckIn.flagged.is_(False),
)


def presence(session: Session, event_id: int, member_id: int) -> Presence:
    """Where a member stands at an event, from the live rows alone.

    Read under the event's row lock, so no other desk moves it meanwhile.
    """
    firsts, ins, outs = session.execute(
        _PRESENCE, {"event_id": event_id, "member_id": member_id}
    ).one()
    return Presence(entered=firsts > 0, inside=ins > outs)


def programme_year(event: Event) -> int:
    return event.starts_at.astimezone(PROGRAMME_ZONE).year


def _ensure_total(session: Session, kind: str, year: int) -> None:
    """Make the kind's total row if it is missing, racing desks or not."""
    values = {"kind": kind, "year": year, "member_id": ALL_MEMBERS, "count": 0}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(
            postgresql.insert(YearlyTally).values(values).on_conflict_do_nothing()
        )
    elif dialect == "sqlite":
        session.execute(
            sqlite.insert(YearlyTally).values(values).on_conflict_do_nothing()
        )
    else:
        try:
            with session.begin_nested():
                session.add(YearlyTally(**values))
        except IntegrityError:
            pass


@dataclass
class Tallies:
    """A member's and the whole kind's tally for one programme year, locked.

    Only the total row is locked (SELECT ... FOR UPDATE). Every writer of a
    kind's tallies takes that lock first, so it also guards the member rows:
    no other desk reads or writes them meanwhile, and a member row may be
    created without a lock of its own.
    """

    kind: str
    year: int
    member_id: int
    total: YearlyTally
    mine: YearlyTally | None

    @property
    def member_count(self) -> int:
        return 0 if self.mine is None else self.mine.count

    def add(self, session: Session, delta: int) -> None:
        self.total.count = max(0, self.total.count + delta)
        if self.mine is not None:
            self.mine.count = max(0, self.mine.count + delta)
        elif delta > 0:
            self.mine = YearlyTally(
                kind=self.kind, year=self.year, member_id=self.member_id, count=delta
            )
            session.add(self.mine)


_TALLIES = (
    select(YearlyTally)
    .where(
        YearlyTally.kind == bindparam("kind"),
        YearlyTally.year == bindparam("year"),
        YearlyTally.member_id.in_((ALL_MEMBERS, bindparam("member_id"))),
    )
    .with_for_update()
)


def tallies_for(session: Session, event: Event, member_id: int) -> Tallies:
    """The tallies of the event's kind and year, with the total row locked."""
    kind, year = event.kind, programme_year(event)

    def read() -> dict[int, YearlyTally]:
        rows = session.scalars(
            _TALLIES,
            {"kind": kind, "year": year, "member_id": member_id},
            execution_options={"populate_existing": True},
        )
        return {row.member_id: row for row in rows}

    found = read()
    if ALL_MEMBERS not in found:
        # The year's first entry of this kind: make the row, then lock it.
        _ensure_total(session, kind, year)
        found = read()
    return Tallies(kind, year, member_id, found[ALL_MEMBERS], found.get(member_id))


def check_caps(event: Event, member: Member, tallies: Tallies) -> None:
    facts = member_facts(member)
    mine, cap = tallies.member_count, event.member_yearly_cap
    if cap is not None and mine >= cap:
        raise Refused(Reason.MEMBER_YEARLY_CAP, f"{mine} of {cap} this year", **facts)
    total, cap = tallies.total.count, event.kind_yearly_cap
    if cap is not None and total >= cap:
        raise Refused(Reason.KIND_YEARLY_CAP, f"{total} of {cap} this year", **facts)
