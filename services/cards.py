"""The card desk: who gets a card, the encoding journal, and card records.

The NFC encoder (memberdesk.nfc.encoder) drives the chip; this module is its
bookkeeper. Every step is committed before the encoder takes the next one, so
a card pulled away at any moment can be resumed from what is written here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import cardformat, keys
from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.models import Card, CardJournal, Member, Setting, utcnow
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.secrets import SecretStore

log = logging.getLogger(__name__)

FIRST_CARD_NUMBER = 10_000_001
STATION_ZONE = ZoneInfo("Asia/Shanghai")


class IssueRefused(Exception):
    """The desk will not start this card; `reason` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class IssueJob:
    """One card to encode: who it is for and under which number."""

    card_id: int
    card_number: int
    issue_number: int
    member_id: int
    member_name: str
    issued_on: dt.date
    resume_uid: bytes | None  # the chip an interrupted run was writing
    actor: Actor | None = None  # who opened the job; checked again at the end


@dataclass(frozen=True)
class CardOwner:
    card_id: int
    card_number: int
    issue_number: int
    member_id: int
    member_name: str
    status: str


class CardDesk:
    """Card bookkeeping for one issuer station."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        store: SecretStore,
        card_host: str = cardformat.DEFAULT_CARD_HOST,
        domain: str = cardformat.DEFAULT_DOMAIN,
        audit: AuditLog | None = None,
    ) -> None:
        self._sessions = sessions
        self._store = store
        self.card_host = card_host
        self.domain = domain
        self._audit = audit or AuditLog("")
        self._keys: keys.IssuerKeys | None = None

    def issuer_keys(self) -> keys.IssuerKeys:
        if self._keys is None:
            with self._sessions() as s:
                self._keys = keys.issuer_keys(s, self._store)
        return self._keys

    def prepare(self, member_id: int, actor: Actor) -> IssueJob:
        """Open (or resume) the card job for a diamond member."""
        require(actor, Action.ISSUE_CARDS)
        self.issuer_keys()  # fail before touching a chip if keys are missing
        with writing(self._sessions) as s:
            member = s.get(Member, member_id)
            if member is None:
                raise IssueRefused("unknown_member", f"no member with id {member_id}")
            if member.tier_code != "diamond":
                raise IssueRefused(
                    "not_diamond",
                    f"{member.name} is a {member.tier_code} member; only diamond "
                    "members get a card",
                )
            cards = s.scalars(select(Card).where(Card.member_id == member_id)).all()
            active = [c for c in cards if c.status == "active"]
            if active:
                raise IssueRefused(
                    "already_has_card",
                    f"{member.name} already holds card "
                    f"{cardformat.card_code(active[0].card_number)}",
                )
            card = next((c for c in cards if c.status == "encoding"), None)
            if card is None:
                card = Card(
                    card_number=self._next_card_number(s),
                    issue_number=1,
                    member_id=member_id,
                    status="encoding",
                    created_at=utcnow(),
                )
                s.add(card)
                s.flush()
                s.add(
                    CardJournal(
                        card_id=card.id,
                        step="opened",
                        at=utcnow(),
                        detail=f"member {member_id}",
                    )
                )
                self._audit.append(
                    s,
                    actor,
                    "card_opened",
                    "card",
                    card.id,
                    None,
                    {"member_id": member_id, "card_number": card.card_number},
                )
            return IssueJob(
                card.id,
                card.card_number,
                card.issue_number,
                member.id,
                member.name,
                dt.datetime.now(STATION_ZONE).date(),
                bytes.fromhex(card.uid) if card.uid else None,
                actor,
            )

    def _next_card_number(self, s: Session) -> int:
        top = s.scalar(select(func.max(Card.card_number)))
        return FIRST_CARD_NUMBER if top is None else top + 1

    def signed_for(self, job: IssueJob, uid: bytes) -> cardformat.SignedCard:
        """The member record for this job, signed for the chip `uid`."""
        k = self.issuer_keys()
        payload = cardformat.CardPayload(
            key_id=k.signing_key_id,
            card_number=job.card_number,
            member_id=job.member_id,
            issue_number=job.issue_number,
            issued_on=job.issued_on,
        )
        return cardformat.sign(payload, uid, k.signing_key)

    def password_for(self, uid: bytes) -> tuple[bytes, bytes]:
        return self.issuer_keys().card_key.password(uid)

    def passwords_to_try(self, uid: bytes) -> list[bytes]:
        """Derived passwords for a protected chip, newest card key first."""
        found = [self.password_for(uid)[0]]
        with self._sessions() as s:
            ids = s.scalars(
                select(Card.card_key_id).where(
                    Card.uid == uid.hex().upper(), Card.card_key_id.is_not(None)
                )
            ).all()
        for key_id in sorted(set(ids), reverse=True):
            try:
                pwd = keys.card_key(self._store, key_id).password(uid)[0]
            except Exception:  # noqa: BLE001 - a missing old key is not fatal
                continue
            if pwd not in found:
                found.append(pwd)
        return found

    def journal(
        self, job: IssueJob, step: str, uid: bytes | None, detail: str = ""
    ) -> None:
        with self._sessions.begin() as s:
            s.add(
                CardJournal(
                    card_id=job.card_id,
                    step=step,
                    uid=uid.hex().upper() if uid else None,
                    detail=detail,
                    at=utcnow(),
                )
            )
            if uid is not None:
                card = s.get(Card, job.card_id)
                card.uid = uid.hex().upper()

    def owner_of(self, uid: bytes, besides: IssueJob | None = None) -> CardOwner | None:
        """The card record that holds this chip, active or being encoded."""
        with self._sessions() as s:
            query = select(Card).where(
                Card.uid == uid.hex().upper(),
                Card.status.in_(("active", "encoding")),
            )
            if besides is not None:
                query = query.where(Card.id != besides.card_id)
            card = s.scalar(query.order_by(Card.id.desc()))
            if card is None:
                return None
            return CardOwner(
                card.id,
                card.card_number,
                card.issue_number,
                card.member_id,
                card.member.name,
                card.status,
            )

    def complete(self, job: IssueJob, uid: bytes, chip: str, originality: str) -> None:
        require(job.actor, Action.ISSUE_CARDS)
        k = self.issuer_keys()
        with writing(self._sessions) as s:
            card = s.get(Card, job.card_id)
            card.status = "active"
            card.uid = uid.hex().upper()
            card.chip = chip
            card.originality = originality
            card.key_id = k.signing_key_id
            card.card_key_id = k.card_key.key_id
            card.issued_on = job.issued_on
            card.encoded_at = utcnow()
            s.add(
                CardJournal(
                    card_id=card.id,
                    step="done",
                    uid=card.uid,
                    detail=f"{chip}, originality {originality}",
                    at=utcnow(),
                )
            )
            self._audit.append(
                s,
                job.actor,
                "card_encoded",
                "card",
                card.id,
                {"status": "encoding"},
                {
                    "status": "active",
                    "member_id": card.member_id,
                    "card_number": card.card_number,
                    "uid": card.uid,
                    "chip": chip,
                    "originality": originality,
                    "key_id": card.key_id,
                    "card_key_id": card.card_key_id,
                },
            )
            self._revoke_overwritten(s, job, card)
        log.info("card %s encoded", cardformat.card_code(job.card_number))

    def _revoke_overwritten(self, s: Session, job: IssueJob, card: Card) -> None:
        """A chip holds one card: the one it held before is revoked with it.

        Left active, the old card would keep its member out of the card queue
        for a card nobody holds any more.
        """
        others = s.scalars(
            select(Card).where(
                Card.uid == card.uid,
                Card.id != card.id,
                Card.status.in_(("active", "encoding")),
            )
        ).all()
        for old in others:
            before = old.status
            old.status = "revoked"
            old.revoked_at = utcnow()
            s.add(
                CardJournal(
                    card_id=old.id,
                    step="overwritten",
                    uid=old.uid,
                    detail=f"chip rewritten as card {card.card_number}",
                    at=utcnow(),
                )
            )
            self._audit.append(
                s,
                job.actor,
                "card_revoked",
                "card",
                old.id,
                {"status": before},
                {
                    "status": "revoked",
                    "why": "overwritten",
                    "by_card": card.card_number,
                },
            )

    def note_overwrite(self, job: IssueJob, uid: bytes, what: str) -> None:
        """Record that the issuer confirmed overwriting a card that was in use."""
        with writing(self._sessions) as s:
            self._audit.append(
                s,
                job.actor,
                "card_overwritten",
                "chip",
                uid.hex().upper(),
                {"held": what},
                {"card_number": job.card_number, "member_id": job.member_id},
            )


def station_setting(sessions: sessionmaker[Session], key: str, default: str) -> str:
    with sessions() as s:
        row = s.get(Setting, key)
        return default if row is None else row.value
