"""Member look-ups for the search box, the member page and the CLI.

Filtering, sorting and paging all happen in SQL: the console shows a page of
rows out of a million and must never load the rest.

What the search text means, tried in this order (spaces and hyphens inside a
number are ignored, so "138 1234 5678" is a full phone number):

- ``#123``: the member with id 123.
- 8 digits: a card number; the member whose *active* card has it.
- 11 digits: a full mobile number.
- 2 to 4 digits: the end of the phone number; 4 digits is the whole stored
  tail, 2 or 3 digits match every tail ending in them ("78" finds ...5678).
- any other run of digits: anywhere in the phone number.
- anything else: part of the name (a prefix is a part too), ignoring case.
- empty: every member.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session

from memberdesk.services.models import Card, Member, Tier

log = logging.getLogger(__name__)

CARD_NUMBER_DIGITS = 8
PHONE_DIGITS = 11
# Card states that mean "this member has, or is being given, a card".
CARD_HELD = ("active", "encoding")

_SEPARATORS = re.compile(r"[\s\-]+")


class UnknownMember(LookupError):
    """No member has the id that was asked for."""

    def __init__(self, member_id: int) -> None:
        super().__init__(f"no member with id {member_id}")
        self.member_id = member_id


@dataclass(frozen=True)
class MemberRow:
    """One line of the member table; the phone is already masked."""

    id: int
    name: str
    phone_masked: str
    tier_code: str
    joined_at: dt.datetime
    spend_fen: int
    card_number: str | None  # the active card, as printed: 8 digits


def mask_phone(phone: str) -> str:
    """`13812345678` -> `138****5678`; short numbers keep at most 4 digits."""
    digits = _SEPARATORS.sub("", phone or "")
    n = len(digits)
    if n >= 8:
        return digits[:3] + "*" * (n - 7) + digits[-4:]
    if n > 4:
        return "*" * (n - 4) + digits[-4:]
    return "*" * n


def format_card_number(number: int) -> str:
    return f"{number:0{CARD_NUMBER_DIGITS}d}"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _tails_ending_in(digits: str) -> list[str]:
    """Every 4-digit tail that ends in `digits` (at most 100 of them).

    An IN list over the indexed column stays an index look-up, which a
    LIKE '%78' would not.
    """
    free = 4 - len(digits)
    return [f"{i:0{free}d}{digits}" if free else digits for i in range(10**free)]


MAX_SEARCH = 100  # longer text is no name nor number, and LIKE has limits


def _text_condition(text: str):  # noqa: ANN202 - a SQL expression
    text = text.strip()[:MAX_SEARCH]
    if not text:
        return None

    if text.startswith("#"):
        rest = text[1:].strip()
        if rest.isdigit():
            return Member.id == int(rest)
        return Member.name.ilike(f"%{_escape_like(text)}%", escape="\\")

    compact = _SEPARATORS.sub("", text)
    if compact.isascii() and compact.isdigit():
        n = len(compact)
        if n == CARD_NUMBER_DIGITS:
            # Uncorrelated, so the card number index answers it first.
            holders = select(Card.member_id).where(
                Card.card_number == int(compact), Card.status == "active"
            )
            return Member.id.in_(holders)
        if n == PHONE_DIGITS:
            # The phone column has no index; its tail does.
            return and_(Member.phone_tail == compact[-4:], Member.phone == compact)
        if 2 <= n <= 4:
            return Member.phone_tail.in_(_tails_ending_in(compact))
        return Member.phone.like(f"%{compact}%")

    return Member.name.ilike(f"%{_escape_like(text)}%", escape="\\")


def _filtered(stmt: Select, text: str, tier: str | None) -> Select:
    cond = _text_condition(text)
    if cond is not None:
        stmt = stmt.where(cond)
    if tier:
        stmt = stmt.where(Member.tier_code == tier)
    return stmt


def _active_card_number():  # noqa: ANN202 - a scalar subquery
    return (
        select(Card.card_number)
        .where(Card.member_id == Member.id, Card.status == "active")
        .order_by(Card.issue_number.desc())
        .limit(1)
        .correlate(Member)
        .scalar_subquery()
    )


def _rows_query() -> Select:
    return select(
        Member.id,
        Member.name,
        Member.phone,
        Member.tier_code,
        Member.joined_at,
        Member.spend_fen,
        _active_card_number().label("card_number"),
    ).join(Tier, Tier.code == Member.tier_code)


def _page(stmt: Select, limit: int, offset: int) -> Select:
    # The id breaks ties between namesakes, so pages never overlap.
    return (
        stmt.order_by(Tier.rank.desc(), Member.name, Member.id)
        .limit(max(0, limit))
        .offset(max(0, offset))
    )


def _to_rows(result) -> list[MemberRow]:  # noqa: ANN001
    return [
        MemberRow(
            id=r.id,
            name=r.name,
            phone_masked=mask_phone(r.phone),
            tier_code=r.tier_code,
            joined_at=r.joined_at,
            spend_fen=r.spend_fen,
            card_number=(
                None if r.card_number is None else format_card_number(r.card_number)
            ),
        )
        for r in result
    ]


def search_members(
    session: Session,
    text: str = "",
    tier: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[MemberRow]:
    """A page of members matching `text` (see the module notes) and `tier`.

    Sorted by tier, highest first, then by name.
    """
    stmt = _page(_filtered(_rows_query(), text, tier), limit, offset)
    return _to_rows(session.execute(stmt))


def count_members(session: Session, text: str = "", tier: str | None = None) -> int:
    """How many members `search_members` would find without a limit."""
    stmt = _filtered(select(func.count()).select_from(Member), text, tier)
    return int(session.scalar(stmt) or 0)


def get_member(session: Session, member_id: int) -> Member | None:
    return session.get(Member, member_id)


def require_member(session: Session, member_id: int) -> Member:
    """The member with `member_id`, or UnknownMember."""
    member = session.get(Member, member_id)
    if member is None:
        raise UnknownMember(member_id)
    return member


def diamond_members_without_card(session: Session, limit: int = 500) -> list[MemberRow]:
    """Diamond members with no active card: the card issuer's queue.

    A member whose card was left half-encoded stays in the queue; preparing
    the job again resumes that card.
    """
    held = exists().where(and_(Card.member_id == Member.id, Card.status == "active"))
    stmt = _rows_query().where(Member.tier_code == "diamond", ~held)
    return _to_rows(session.execute(_page(stmt, limit, 0)))
