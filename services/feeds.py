"""What each feed of the membership API carries, as rows and as items.

`item(feed, row)` turns a database row into the API's item: the emulator
serves a database this way, and a station pushes its check-ins as
`checkin_item`. Times travel as ISO 8601 in UTC. How a station stores what
it pulls is `feed_store`.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.models import (
    Card,
    CheckIn,
    Event,
    Member,
    MemberQr,
    Registration,
    SigningKey,
    Staff,
    Tier,
)

log = logging.getLogger(__name__)

# The order a station pulls in: what an item refers to arrives before it.
ORDER = (
    "tiers",
    "keys",
    "members",
    "cards",
    "events",
    "registrations",
    "qr_codes",
    "checkins",
)


def stamp(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


# Times outside these years are nonsense here, and near the ends of the
# calendar they overflow when shown in another zone.
EARLIEST, LATEST = 1970, 2199


def when(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"a time without its zone: {value}")
    if not EARLIEST <= moment.year <= LATEST:
        raise ValueError(f"a time out of range: {value}")
    return moment.astimezone(dt.UTC)


def key_of(feed: str, item: dict[str, Any]) -> tuple:
    """The item's identity within its feed."""
    if feed == "tiers":
        return (item["code"],)
    if feed == "keys":
        return (item["key_id"],)
    if feed == "cards":
        return (item["card_number"], item["issue_number"])
    if feed == "registrations":
        return (item["event_id"], item["member_id"])
    if feed == "qr_codes":
        return (item["serial"],)
    return (item["id"],)


# --- rows to items (what a server serves) ---------------------------------


def rows(session: Session, feed: str) -> Iterator[dict[str, Any]]:
    """Every row of a feed as API items, for the emulator."""
    if feed == "checkins":
        staff = dict(session.execute(select(Staff.id, Staff.login)).all())
        cards = {
            card_id: (number, issue)
            for card_id, number, issue in session.execute(
                select(Card.id, Card.card_number, Card.issue_number)
            )
        }
        for row in session.scalars(select(CheckIn).order_by(CheckIn.at)):
            yield checkin_item(row, cards.get(row.card_id), staff.get(row.staff_id))
        return
    model = MODELS[feed]
    for row in session.scalars(select(model)):
        yield item(feed, row)


def item(feed: str, row: Any) -> dict[str, Any]:
    if feed == "tiers":
        return {
            "code": row.code,
            "rank": row.rank,
            "name_zh": row.name_zh,
            "name_en": row.name_en,
            "colour": row.colour,
            "invitation_only": row.invitation_only,
        }
    if feed == "keys":
        return {
            "key_id": row.key_id,
            "public_key": base64.b64encode(row.public_key).decode(),
            "created_at": stamp(row.created_at),
            "retired_at": stamp(row.retired_at),
        }
    if feed == "members":
        return {
            "id": row.id,
            "name": row.name,
            "phone": row.phone,
            "tier_code": row.tier_code,
            "joined_at": stamp(row.joined_at),
            "tier_until": stamp(row.tier_until),
        }
    if feed == "cards":
        return {
            "card_number": row.card_number,
            "issue_number": row.issue_number,
            "member_id": row.member_id,
            "status": row.status,
            "uid": row.uid,
            "chip": row.chip,
            "key_id": row.key_id,
            "issued_on": row.issued_on.isoformat() if row.issued_on else None,
            "revoked_at": stamp(row.revoked_at),
        }
    if feed == "events":
        return {
            "id": row.id,
            "name": row.name,
            "kind": row.kind,
            "venue": row.venue,
            "starts_at": stamp(row.starts_at),
            "ends_at": stamp(row.ends_at),
            "doors_open_at": stamp(row.doors_open_at),
            "doors_close_at": stamp(row.doors_close_at),
            "capacity": row.capacity,
            "eligible_tiers": row.eligible_tiers.split(),
            "registration_required": row.registration_required,
            "reentry_allowed": row.reentry_allowed,
            "member_yearly_cap": row.member_yearly_cap,
            "kind_yearly_cap": row.kind_yearly_cap,
            "cancelled": row.cancelled,
        }
    if feed == "registrations":
        return {
            "event_id": row.event_id,
            "member_id": row.member_id,
            "registered_at": stamp(row.registered_at),
        }
    if feed == "qr_codes":
        return {
            "serial": row.serial,
            "member_id": row.member_id,
            "key_id": row.key_id,
            "card_number": row.card_number,
            "issue_number": row.issue_number,
            "issued_at": stamp(row.issued_at),
            "expires_at": stamp(row.expires_at),
            "revoked_at": stamp(row.revoked_at),
        }
    raise ValueError(f"no such feed: {feed}")


def checkin_item(
    row: CheckIn, card: tuple[int, int] | None, staff_login: str | None
) -> dict[str, Any]:
    """A check-in as pushed: cards by number and issue, staff by login.

    Row ids of cards and staff are the station's own; the server knows a
    card by its number and issue, and a person by login.
    """
    return {
        "id": row.id,
        "station": row.station,
        "seq": row.seq,
        "event_id": row.event_id,
        "member_id": row.member_id,
        "card_number": card[0] if card else None,
        "issue_number": card[1] if card else None,
        "uid": row.uid,
        "qr_serial": row.qr_serial,
        "staff": staff_login,
        "source": row.source,
        "direction": row.direction,
        "verdict": row.verdict,
        "admitted": row.admitted,
        "first_entry": row.first_entry,
        "annulled": row.annulled,
        "annulled_at": stamp(row.annulled_at),
        "annul_reason": row.annul_reason,
        "override_of": row.override_of,
        "override_reason": row.override_reason,
        "at": stamp(row.at),
    }


MODELS = {
    "tiers": Tier,
    "keys": SigningKey,
    "members": Member,
    "cards": Card,
    "events": Event,
    "registrations": Registration,
    "qr_codes": MemberQr,
}
