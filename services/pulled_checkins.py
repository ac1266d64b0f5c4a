"""Check-ins pulled from the server: facts, kept whatever they clash with.

A pulled check-in is added if missing; for one this station holds, the
server's word on it (annulled, flagged) is taken. A first entry, or an
override, that clashes with a live one here is kept and flagged, never
dropped: counted once, seen twice.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.feeds import when
from memberdesk.services.models import Card, CheckIn

log = logging.getLogger(__name__)


def store(session: Session, items: list[dict[str, Any]]) -> set[int]:
    """Add other stations' check-ins, and take the server's word on known ones.

    A page is read with a few queries, not a few per item: what is here
    already, the live first entries, the station numbers taken, the cards.
    Returns the events whose check-ins changed.
    """
    touched: set[int] = set()
    ids = [item["id"] for item in items]
    known = {
        row.id: row
        for row in session.scalars(select(CheckIn).where(CheckIn.id.in_(ids)))
    }
    fresh = []
    for item in items:
        row = known.get(item["id"])
        if row is None:
            fresh.append(item)
        elif row.uploaded or row.station != item["station"]:
            if _server_word(row, item):
                touched.add(row.event_id)
        # else: ours, and newer here than there: the push will carry it
    session.flush()
    if not fresh:
        return touched
    firsts = _live_firsts(session, fresh)
    taken = _numbers_taken(session, fresh)
    cards = _card_ids(session, fresh)
    overridden = _live_overrides(session, fresh)
    rows = []
    for item in fresh:
        row = _checkin_row(item, cards)
        if row.seq is not None:
            if (row.station, row.seq) in taken:
                row.seq = None  # never block a fact on its number
            else:
                taken.add((row.station, row.seq))
        if row.override_of is not None and not row.flagged:
            if row.override_of in overridden:
                # Two supervisors, at two desks offline, admitted over the
                # same refusal: both facts stay, the second is flagged.
                flag(row)
                log.warning("check-in %s: a second override, flagged", row.id)
            else:
                overridden.add(row.override_of)
        if row.first_entry and not row.annulled:
            pair = (row.event_id, row.member_id)
            if pair in firsts:
                # The same member is already in by a check-in here: keep
                # both, count one, flag the newcomer.
                flag(row)
                log.warning(
                    "check-in %s from %s clashes with a first entry here: flagged",
                    row.id,
                    row.station,
                )
            else:
                firsts.add(pair)
        rows.append(row)
        touched.add(row.event_id)
    session.add_all(rows)
    session.flush()
    return touched


def _checkin_row(item: dict[str, Any], cards: dict[tuple[int, int], int]) -> CheckIn:
    card = None
    if item.get("card_number") is not None:
        card = cards.get((item["card_number"], item["issue_number"]))
    return CheckIn(
        id=item["id"],
        event_id=item["event_id"],
        member_id=item.get("member_id"),
        card_id=card,
        station=item["station"],
        seq=item.get("seq"),
        staff_id=None,
        source=item["source"],
        direction=item["direction"],
        verdict=item["verdict"],
        admitted=bool(item["admitted"]),
        first_entry=bool(item["first_entry"]) and not item.get("flagged"),
        annulled=bool(item.get("annulled")),
        annulled_at=when(item.get("annulled_at")),
        annul_reason=item.get("annul_reason"),
        override_of=item.get("override_of"),
        override_reason=item.get("override_reason"),
        flagged=bool(item.get("flagged")),
        uid=item.get("uid"),
        qr_serial=item.get("qr_serial"),
        at=when(item["at"]),
        uploaded=True,  # it came from the server
    )


def _live_firsts(session: Session, items: list[dict[str, Any]]) -> set[tuple]:
    members = {i["member_id"] for i in items if i.get("member_id") is not None}
    if not members:
        return set()
    found = session.execute(
        select(CheckIn.event_id, CheckIn.member_id).where(
            CheckIn.event_id.in_({i["event_id"] for i in items}),
            CheckIn.member_id.in_(members),
            CheckIn.first_entry.is_(True),
            CheckIn.annulled.is_(False),
        )
    )
    return {tuple(pair) for pair in found}


def _live_overrides(session: Session, items: list[dict[str, Any]]) -> set[str]:
    refusals = {i["override_of"] for i in items if i.get("override_of")}
    if not refusals:
        return set()
    return set(
        session.scalars(
            select(CheckIn.override_of).where(
                CheckIn.override_of.in_(refusals), CheckIn.flagged.is_(False)
            )
        )
    )


def _numbers_taken(session: Session, items: list[dict[str, Any]]) -> set[tuple]:
    seqs = {i["seq"] for i in items if i.get("seq") is not None}
    if not seqs:
        return set()
    found = session.execute(
        select(CheckIn.station, CheckIn.seq).where(
            CheckIn.station.in_({i["station"] for i in items}), CheckIn.seq.in_(seqs)
        )
    )
    return {tuple(pair) for pair in found}


def _card_ids(
    session: Session, items: list[dict[str, Any]]
) -> dict[tuple[int, int], int]:
    numbers = {i["card_number"] for i in items if i.get("card_number") is not None}
    if not numbers:
        return {}
    found = session.execute(
        select(Card.card_number, Card.issue_number, Card.id).where(
            Card.card_number.in_(numbers)
        )
    )
    return {(number, issue): card_id for number, issue, card_id in found}


def _server_word(row: CheckIn, item: dict[str, Any]) -> bool:
    """The server's view of a check-in it holds: annulled or flagged."""
    changed = False
    if item.get("annulled") and not row.annulled:
        row.annulled = True
        row.annulled_at = when(item.get("annulled_at"))
        row.annul_reason = item.get("annul_reason")
        changed = True
    if item.get("flagged") and not row.flagged:
        flag(row)
        changed = True
    return changed


def flag(row: CheckIn) -> None:
    """A second first entry: kept, not counted."""
    row.flagged = True
    row.first_entry = False


def live_first_entry(
    session: Session, event_id: int, member_id: int | None
) -> str | None:
    if member_id is None:
        return None
    return session.scalar(
        select(CheckIn.id).where(
            CheckIn.event_id == event_id,
            CheckIn.member_id == member_id,
            CheckIn.first_entry.is_(True),
            CheckIn.annulled.is_(False),
        )
    )
