"""Pulled items stored at a station, page by page.

Member and tier data are the server's: an item simply replaces the row. The
big feeds (members, cards, registrations, member codes) go in with one
upsert a page. A card or code number that names another member here is
refused, as is a key id whose key differs: replacing them would hand one
thing to another. A revocation made here outlives later pulls.

Check-ins are facts: a pulled one is added if missing, and a first entry
(or an override) that clashes with a live one here is kept and flagged,
never dropped. Counters are not touched here; the sync counts them again for
the events whose check-ins changed.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from typing import Any

from sqlalchemy import case, func, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from memberdesk.services.feeds import MODELS, key_of, when
from memberdesk.services.models import (
    Card,
    CheckIn,
    Event,
    Member,
    MemberQr,
    Registration,
    SigningKey,
    Tier,
    utcnow,
)

log = logging.getLogger(__name__)


def apply_page(session: Session, feed: str, items: list[dict[str, Any]]) -> set[int]:
    """Store one pulled page; returns the events whose check-ins changed.

    The big feeds (members, cards, registrations, member codes) are stored
    with one upsert a page; the rest item by item. Deletions come last, in
    the page's order.
    """
    touched: set[int] = set()
    live = [item for item in items if not item.get("deleted")]
    if feed in _BULK and live:
        values = [_BULK[feed](item) for item in live]
        _refuse_conflicts(session, feed, values)
        _upsert(session, feed, values)
    elif feed == "checkins" and live:
        touched = _checkins(session, live)
    else:
        with session.no_autoflush:
            for item in live:
                _APPLY[feed](session, item)
    session.flush()
    for item in items:
        if item.get("deleted"):
            _delete(session, feed, item)
    return touched


def _upsert(session: Session, feed: str, values: list[dict[str, Any]]) -> None:
    """Insert the page's rows, or replace the server's columns where present."""
    table, key, keep = _BULK_TABLES[feed]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - the console runs on SQLite and PostgreSQL
        raise ValueError(f"no bulk upsert for {dialect}")
    statement = insert(table)
    columns = [c for c in values[0] if c not in key and c not in keep]
    updates = {c: statement.excluded[c] for c in columns}
    updates.update(_sticky(feed, table, statement.excluded))
    statement = statement.on_conflict_do_update(index_elements=list(key), set_=updates)
    session.execute(statement, values)


def _refuse_conflicts(session: Session, feed: str, values: list[dict]) -> None:
    """A card or code number that names another member here is refused.

    Replacing it would hand this station's card to someone else; it means
    this station issued numbers the server does not know.
    """
    if feed == "cards":
        numbers = {v["card_number"] for v in values}
        here = {
            (number, issue): (member, uid)
            for number, issue, member, uid in session.execute(
                select(
                    Card.card_number, Card.issue_number, Card.member_id, Card.uid
                ).where(Card.card_number.in_(numbers))
            )
        }
        for value in values:
            found = here.get((value["card_number"], value["issue_number"]))
            if found is None:
                continue
            member, uid = found
            if member != value["member_id"] or (
                uid and value["uid"] and uid != value["uid"]
            ):
                raise ValueError(
                    f"card {value['card_number']} issue {value['issue_number']} "
                    f"is member {member}'s here, member {value['member_id']}'s on "
                    "the server: this station issued cards the server does not know"
                )
    elif feed == "qr_codes":
        serials = {v["serial"] for v in values}
        here = dict(
            session.execute(
                select(MemberQr.serial, MemberQr.member_id).where(
                    MemberQr.serial.in_(serials)
                )
            ).all()
        )
        for value in values:
            member = here.get(value["serial"])
            if member is not None and member != value["member_id"]:
                raise ValueError(
                    f"member code {value['serial']} is member {member}'s here, "
                    f"member {value['member_id']}'s on the server: this station "
                    "issued codes the server does not know"
                )


def _sticky(feed: str, table: Any, excluded: Any) -> dict[str, Any]:
    """A revocation made here outlives the next pull.

    This station does not upload its own card or code changes yet, so the
    server's copy may not know of a revocation made here: a pulled item may
    revoke what is active here, never bring back what was revoked here.
    """
    if feed == "cards":
        # Literal words: an executemany takes no list parameter.
        revoked, lost, active = (
            literal_column(f"'{word}'") for word in ("revoked", "lost", "active")
        )
        revoked_here = (table.c.status == revoked) | (table.c.status == lost)
        return {
            "status": case(
                (revoked_here & (excluded.status == active), table.c.status),
                else_=excluded.status,
            ),
            "revoked_at": func.coalesce(table.c.revoked_at, excluded.revoked_at),
        }
    if feed == "qr_codes":
        return {"revoked_at": func.coalesce(table.c.revoked_at, excluded.revoked_at)}
    return {}


def _member_values(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "name": item["name"],
        "phone": item["phone"],
        "phone_tail": item["phone"][-4:],
        "tier_code": item["tier_code"],
        "joined_at": when(item["joined_at"]),
        "tier_until": when(item.get("tier_until")),
        # The station's own figures: set on insert, never replaced.
        "spend_fen": 0,
        "activity": 0,
        "ugc": 0,
    }


def _card_values(item: dict[str, Any]) -> dict[str, Any]:
    issued = item.get("issued_on")
    return {
        "card_number": item["card_number"],
        "issue_number": item["issue_number"],
        "member_id": item["member_id"],
        "status": item["status"],
        "uid": item.get("uid"),
        "chip": item.get("chip"),
        "key_id": item.get("key_id"),
        "issued_on": dt.date.fromisoformat(issued) if issued else None,
        "revoked_at": when(item.get("revoked_at")),
        "created_at": utcnow(),
    }


def _registration_values(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": item["event_id"],
        "member_id": item["member_id"],
        "registered_at": when(item.get("registered_at")),
        "source": "sync",
        "note": "",
    }


def _qr_values(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "serial": item["serial"],
        "member_id": item["member_id"],
        "key_id": item["key_id"],
        "card_number": item.get("card_number"),
        "issue_number": item.get("issue_number"),
        "issued_at": when(item["issued_at"]),
        "expires_at": when(item["expires_at"]),
        "revoked_at": when(item.get("revoked_at")),
    }


_BULK = {
    "members": _member_values,
    "cards": _card_values,
    "registrations": _registration_values,
    "qr_codes": _qr_values,
}
# The table, its conflict key, and the columns an update leaves alone.
_BULK_TABLES = {
    "members": (Member.__table__, ("id",), ("spend_fen", "activity", "ugc")),
    "cards": (Card.__table__, ("card_number", "issue_number"), ("created_at",)),
    "registrations": (
        Registration.__table__,
        ("event_id", "member_id"),
        ("source", "note"),
    ),
    "qr_codes": (MemberQr.__table__, ("serial",), ()),
}


def _tier(session: Session, item: dict[str, Any]) -> None:
    row = session.get(Tier, item["code"]) or Tier(code=item["code"])
    if row.rank != item["rank"]:
        # Ranks are unique: move any tier in the way aside first.
        clash = session.scalar(
            select(Tier).where(Tier.rank == item["rank"], Tier.code != item["code"])
        )
        if clash is not None:
            clash.rank = -1000 - clash.rank  # its own item puts it right
            session.flush()
    row.rank = item["rank"]
    row.name_zh = item["name_zh"]
    row.name_en = item["name_en"]
    row.colour = item["colour"]
    row.invitation_only = item["invitation_only"]
    session.add(row)


def _key(session: Session, item: dict[str, Any]) -> None:
    public = base64.b64decode(item["public_key"], validate=True)
    if len(public) != 32:
        raise ValueError(f"key {item['key_id']}: not a 32-byte Ed25519 key")
    row = session.get(SigningKey, item["key_id"])
    if row is None:
        row = SigningKey(key_id=item["key_id"])
    elif row.public_key != public:
        # A key id names one key for ever; rotation takes a new id.
        raise ValueError(
            f"the server's key {item['key_id']} is not this station's key "
            f"{item['key_id']}: this station's keys were not made for this programme"
        )
    row.public_key = public
    row.created_at = when(item.get("created_at")) or row.created_at
    # A retirement, here or there, stands; the earlier one counts.
    retired = [t for t in (row.retired_at, when(item.get("retired_at"))) if t]
    row.retired_at = min(retired) if retired else None
    session.add(row)


def _event(session: Session, item: dict[str, Any]) -> None:
    # The counters (admitted, inside) stay the station's: they are counted
    # from the check-ins here.
    row = session.get(Event, item["id"]) or Event(id=item["id"], admitted=0, inside=0)
    row.name = item["name"]
    row.kind = item["kind"]
    row.venue = item.get("venue") or ""
    row.starts_at = when(item["starts_at"])
    row.ends_at = when(item["ends_at"])
    row.doors_open_at = when(item.get("doors_open_at"))
    row.doors_close_at = when(item.get("doors_close_at"))
    row.capacity = item.get("capacity")
    row.eligible_tiers = " ".join(item["eligible_tiers"])
    row.registration_required = bool(item.get("registration_required"))
    row.reentry_allowed = bool(item.get("reentry_allowed", True))
    row.member_yearly_cap = item.get("member_yearly_cap")
    row.kind_yearly_cap = item.get("kind_yearly_cap")
    row.cancelled = bool(item.get("cancelled"))
    session.add(row)


_APPLY = {
    "tiers": _tier,
    "keys": _key,
    "events": _event,
}


def _delete(session: Session, feed: str, item: dict[str, Any]) -> None:
    if feed == "checkins":
        log.warning("the server sent a deleted check-in %s: kept", item.get("id"))
        return
    if feed == "keys":
        # Cards that named the key keep their row; the door then says
        # "unknown key", as the server wants.
        session.execute(
            update(Card).where(Card.key_id == item["key_id"]).values(key_id=None)
        )
    if feed == "cards":
        row = session.scalar(
            select(Card).where(
                Card.card_number == item["card_number"],
                Card.issue_number == item["issue_number"],
            )
        )
    elif feed == "registrations":
        row = session.get(Registration, (item["event_id"], item["member_id"]))
    else:
        row = session.get(MODELS[feed], key_of(feed, item))
    if row is None:
        return
    try:
        with session.begin_nested():
            session.delete(row)
    except IntegrityError:
        # Something here still names it (a check-in, a card): a fact stays.
        log.info(
            "%s %s deleted on the server but still referred to here",
            feed,
            key_of(feed, item),
        )


def _checkins(session: Session, items: list[dict[str, Any]]) -> set[int]:
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
