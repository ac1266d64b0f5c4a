"""Pulled items stored at a station, page by page.

Member and tier data are the server's: an item simply replaces the row. The
big feeds (members, cards, registrations, member codes) go in with one
upsert a page. A card or code number that names another member here is
refused, as is a key id whose key differs: replacing them would hand one
thing to another. A revocation made here outlives later pulls.

Check-ins are facts, stored by `pulled_checkins`. Counters are not touched
here; the sync counts them again for the events whose check-ins changed.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from functools import cache
from typing import Any

from sqlalchemy import bindparam, case, func, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from memberdesk.services import pulled_checkins
from memberdesk.services.feeds import MODELS, key_of, when
from memberdesk.services.models import (
    Card,
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
        touched = pulled_checkins.store(session, live)
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
    """Insert the page's rows, or replace the server's columns where present.

    On SQLite the statement is compiled once a feed and run through the
    driver with the values already in SQLite's own form: SQLAlchemy's
    per-value conversion was a third of a large pull's time.
    """
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        session.execute(_upsert_statement(feed, dialect.name, tuple(values[0])), values)
        return
    compiled = _compiled_upsert(feed, tuple(values[0]), dialect)
    names = compiled.positiontup
    rows = [tuple(_sqlite_value(value[name]) for name in names) for value in values]
    session.connection().exec_driver_sql(str(compiled), rows)


@cache
def _upsert_statement(feed: str, dialect: str, names: tuple[str, ...]) -> Any:
    table, key, keep = _BULK_TABLES[feed]
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - the console runs on SQLite and PostgreSQL
        raise ValueError(f"no bulk upsert for {dialect}")
    statement = insert(table).values({name: bindparam(name) for name in names})
    updates = {c: statement.excluded[c] for c in names if c not in key + keep}
    updates.update(_sticky(feed, table, statement.excluded))
    return statement.on_conflict_do_update(index_elements=list(key), set_=updates)


@cache
def _compiled_upsert(feed: str, names: tuple[str, ...], dialect: Any) -> Any:
    return _upsert_statement(feed, dialect.name, names).compile(dialect=dialect)


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy itself stores it in SQLite (see UTCDateTime)."""
    if isinstance(value, dt.datetime):
        naive = value.astimezone(dt.UTC).replace(tzinfo=None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


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
