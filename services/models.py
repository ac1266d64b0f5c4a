"""The ORM schema: one class a table, SQLAlchemy 2 typed mappings.

Money is integer fen. Times are UTC; `UTCDateTime` stores them naive and hands
them back aware, so SQLite and PostgreSQL behave alike.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime, stored without a zone."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; times are stored in UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        return None if value is None else value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Station-wide key/value settings (card host, programme domain, ...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Tier(Base):
    __tablename__ = "tier"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(40))
    colour: Mapped[str] = mapped_column(String(9))
    invitation_only: Mapped[bool] = mapped_column(Boolean, default=False)
    # Qualification over a rolling window: spend, activity and UGC points.
    min_spend_fen: Mapped[int] = mapped_column(Integer, default=0)
    min_activity: Mapped[int] = mapped_column(Integer, default=0)
    min_ugc: Mapped[int] = mapped_column(Integer, default=0)
    window_days: Mapped[int] = mapped_column(Integer, default=365)
    cost_per_member_fen: Mapped[int] = mapped_column(Integer, default=0)

    prices: Mapped[list[TierPrice]] = relationship(back_populates="tier")


class TierPrice(Base):
    __tablename__ = "tier_price"
    id: Mapped[int] = mapped_column(primary_key=True)
    tier_code: Mapped[str] = mapped_column(ForeignKey("tier.code"))
    period: Mapped[str] = mapped_column(String(10))  # month, quarter, year
    amount_fen: Mapped[int] = mapped_column(Integer)

    tier: Mapped[Tier] = relationship(back_populates="prices")
    __table_args__ = (UniqueConstraint("tier_code", "period"),)


class Benefit(Base):
    __tablename__ = "benefit"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(120))


class TierBenefit(Base):
    """A grant: tier T carries benefit B."""

    __tablename__ = "tier_benefit"
    tier_code: Mapped[str] = mapped_column(ForeignKey("tier.code"), primary_key=True)
    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefit.id"), primary_key=True)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    # Last four digits, indexed for the search box ("phone tail").
    phone_tail: Mapped[str] = mapped_column(String(4), index=True)
    tier_code: Mapped[str] = mapped_column(ForeignKey("tier.code"), index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    tier_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    spend_fen: Mapped[int] = mapped_column(Integer, default=0)
    activity: Mapped[int] = mapped_column(Integer, default=0)
    ugc: Mapped[int] = mapped_column(Integer, default=0)

    cards: Mapped[list[Card]] = relationship(
        back_populates="member", order_by="Card.issue_number"
    )


class SigningKey(Base):
    """A card-signing public key. The private half never enters the database."""

    __tablename__ = "signing_key"
    key_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Cards signed by a retired key are refused from this moment on.
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Card(Base):
    """One physical card: a card number at one issue number."""

    __tablename__ = "card"
    id: Mapped[int] = mapped_column(primary_key=True)
    card_number: Mapped[int] = mapped_column(Integer, index=True)
    issue_number: Mapped[int] = mapped_column(Integer, default=1)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    # encoding -> active -> revoked / lost; failed when abandoned mid-way.
    status: Mapped[str] = mapped_column(String(12), default="encoding")
    uid: Mapped[str | None] = mapped_column(String(14), index=True)
    chip: Mapped[str | None] = mapped_column(String(12))
    key_id: Mapped[int | None] = mapped_column(ForeignKey("signing_key.key_id"))
    card_key_id: Mapped[int | None] = mapped_column(Integer)
    originality: Mapped[str | None] = mapped_column(String(12))
    issued_on: Mapped[dt.date | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    encoded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    member: Mapped[Member] = relationship(back_populates="cards")
    journal: Mapped[list[CardJournal]] = relationship(
        back_populates="card", order_by="CardJournal.id"
    )
    __table_args__ = (UniqueConstraint("card_number", "issue_number"),)


class CardJournal(Base):
    """Each encoding step, written before the next one starts."""

    __tablename__ = "card_journal"
    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id"), index=True)
    step: Mapped[str] = mapped_column(String(24))
    uid: Mapped[str | None] = mapped_column(String(14))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    card: Mapped[Card] = relationship(back_populates="journal")


class CardBatch(Base):
    """A batch of cards to encode one after another at an issuer station."""

    __tablename__ = "card_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    status: Mapped[str] = mapped_column(String(12), default="open")  # paused, done
    # Why the batch stopped last (a reason code and its words), if it did.
    note: Mapped[str] = mapped_column(Text, default="")
    # A chip whose originality does not verify: "stop" or "continue".
    on_bad_originality: Mapped[str] = mapped_column(String(8), default="stop")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CardBatchItem(Base):
    """One member of a batch; every change is committed before the next tap."""

    __tablename__ = "card_batch_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("card_batch.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    # waiting, working, resumable, done, failed, skipped
    state: Mapped[str] = mapped_column(String(12), default="waiting")
    reason: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    card_id: Mapped[int | None] = mapped_column(ForeignKey("card.id"))
    uid: Mapped[str | None] = mapped_column(String(14))
    originality: Mapped[str | None] = mapped_column(String(12))
    # Set while an admin has to decide about the chip (originality).
    review: Mapped[str | None] = mapped_column(String(24))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    millis: Mapped[int | None] = mapped_column(Integer)  # time for the card
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("batch_id", "member_id"),)


class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # vip_salon, popup, hq_visit
    venue: Mapped[str] = mapped_column(String(120), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # None until set: a copied event never inherits a stale window.
    doors_open_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    doors_close_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Space-separated tier codes, e.g. "gold diamond".
    eligible_tiers: Mapped[str] = mapped_column(String(60))
    registration_required: Mapped[bool] = mapped_column(Boolean, default=False)
    reentry_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    # Caps over the programme year, across every event of this kind.
    member_yearly_cap: Mapped[int | None] = mapped_column(Integer)
    kind_yearly_cap: Mapped[int | None] = mapped_column(Integer)
    # Live first entries, kept as a counter row and taken under a row lock.
    admitted: Mapped[int] = mapped_column(Integer, default=0)
    # Admitted and not scanned out; moved under the same lock.
    inside: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    copied_from: Mapped[int | None] = mapped_column(Integer)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class Registration(Base):
    __tablename__ = "registration"
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    note: Mapped[str | None] = mapped_column(String(200), default="")
    source: Mapped[str | None] = mapped_column(String(12))  # csv, desk, sync
    registered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CheckIn(Base):
    """Every scan at a door and its verdict. A fact: never deleted."""

    __tablename__ = "checkin"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid4
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("card.id"))
    station: Mapped[str] = mapped_column(String(40))
    # The station's own order of scans: its clock may be set back, this is not.
    seq: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    source: Mapped[str] = mapped_column(String(8))  # card, qr
    direction: Mapped[str] = mapped_column(String(8), default="in")  # in, out
    verdict: Mapped[str] = mapped_column(String(32))  # a reason code
    admitted: Mapped[bool] = mapped_column(Boolean)
    first_entry: Mapped[bool] = mapped_column(Boolean, default=False)
    annulled: Mapped[bool] = mapped_column(Boolean, default=False)
    annulled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    annul_reason: Mapped[str | None] = mapped_column(String(200))
    # An admission by a supervisor names the refusal it overrides.
    override_of: Mapped[str | None] = mapped_column(String(36))
    override_reason: Mapped[str | None] = mapped_column(String(200))
    # A second first entry that arrived by replay or sync: kept, not counted.
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    uid: Mapped[str | None] = mapped_column(String(14))
    qr_serial: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        # One live first entry per member and event, enforced by the database
        # so that desks sharing one server cannot both admit.
        Index(
            "uq_checkin_first_entry",
            "event_id",
            "member_id",
            unique=True,
            sqlite_where=text("first_entry AND NOT annulled"),
            postgresql_where=text("first_entry AND NOT annulled"),
        ),
        Index("ix_checkin_event_member", "event_id", "member_id"),
        Index("uq_checkin_station_seq", "station", "seq", unique=True),
        # One live override per refusal; a second one from another desk,
        # offline at the time, arrives by sync and is kept flagged.
        Index(
            "uq_checkin_override_of",
            "override_of",
            unique=True,
            sqlite_where=text("NOT flagged"),
            postgresql_where=text("NOT flagged"),
        ),
        # Small by design: only what still waits for upload.
        Index(
            "ix_checkin_pending",
            "station",
            sqlite_where=text("NOT uploaded"),
            postgresql_where=text("NOT uploaded"),
        ),
    )


class YearlyTally(Base):
    """Live first entries per event kind and programme year.

    member_id 0 is the total over all members. A counter row taken under a
    row lock, as the event's own counter is: a count followed by an insert
    races between desks.
    """

    __tablename__ = "yearly_tally"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class MemberQr(Base):
    """A member QR code as issued; the door needs only its serial's status."""

    __tablename__ = "member_qr"
    serial: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    key_id: Mapped[int] = mapped_column(Integer)
    card_number: Mapped[int | None] = mapped_column(Integer)
    issue_number: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(12))  # admin, operator, issuer, door
    password_hash: Mapped[str | None] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The quick unlock of a locked door station; argon2 like the password.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    # Throttling lives in the row, so restarting the console does not reset it.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """Append-only, hash-chained. Each hash covers the sequence number."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # Indexed for the Audit page's date filter.
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    station: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncCursor(Base):
    """Where each feed's pull stopped: the server's cursor, never a clock.

    Saved with each page's rows, so an interrupted first download resumes
    at the page it stopped on.
    """

    __tablename__ = "sync_cursor"
    feed: Mapped[str] = mapped_column(String(20), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(200))
    # Set once the feed has been pulled to its end at least once.
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    items: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
