"""A card's life after encoding: reissue, revoke, found, recycle; its history.

A reissue keeps the card number and raises the issue number, so every door
refuses the older issue offline; the old card is also marked revoked here.
Revocation never deletes a row: a card is a fact, like a check-in. Recycling
wipes a handed-back chip so it can carry another card; the chip work is done
by memberdesk.nfc.recycle, which journals each step through this module.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import cardformat
from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.models import AuditEntry, Card, CardJournal, Member, utcnow
from memberdesk.services.permissions import Action, Actor, require

log = logging.getLogger(__name__)

REASONS = ("lost", "damaged", "stolen", "left_programme", "other")


class CardLifeRefused(Exception):
    """A lifecycle step that cannot be taken; `reason` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class JournalLine:
    at: dt.datetime
    step: str
    uid: str | None
    detail: str


@dataclass(frozen=True)
class CardLine:
    card_id: int
    card_number: int
    issue_number: int
    status: str
    uid: str | None
    chip: str | None
    originality: str | None
    created_at: dt.datetime
    encoded_at: dt.datetime | None
    revoked_at: dt.datetime | None
    journal: tuple[JournalLine, ...]

    @property
    def code(self) -> str:
        return cardformat.card_code(self.card_number)


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: dt.datetime
    action: str
    entity: str
    entity_id: str
    after: str


@dataclass(frozen=True)
class CardHistory:
    member_id: int
    member_name: str
    cards: tuple[CardLine, ...]  # oldest issue first
    audit: tuple[AuditLine, ...]  # every audit entry about these cards and chips


@dataclass(frozen=True)
class RecycleJob:
    """A handed-back chip and the card record it last carried."""

    card_id: int
    card_number: int
    issue_number: int
    member_id: int
    uid: bytes
    actor: Actor


def card_history(session: Session, member_id: int) -> CardHistory:
    """All of a member's cards, issue by issue, with journals and audit entries."""
    member = session.get(Member, member_id)
    if member is None:
        raise CardLifeRefused("unknown_member", f"no member with id {member_id}")
    cards = session.scalars(
        select(Card)
        .where(Card.member_id == member_id)
        .order_by(Card.issue_number, Card.id)
    ).all()
    lines = tuple(
        CardLine(
            c.id,
            c.card_number,
            c.issue_number,
            c.status,
            c.uid,
            c.chip,
            c.originality,
            c.created_at,
            c.encoded_at,
            c.revoked_at,
            tuple(JournalLine(j.at, j.step, j.uid, j.detail) for j in c.journal),
        )
        for c in cards
    )
    ids = [str(c.id) for c in cards]
    uids = sorted({c.uid for c in cards if c.uid})
    entries = session.scalars(
        select(AuditEntry)
        .where(
            or_(
                (AuditEntry.entity == "card") & AuditEntry.entity_id.in_(ids),
                (AuditEntry.entity == "chip") & AuditEntry.entity_id.in_(uids),
                (AuditEntry.entity == "member")
                & (AuditEntry.entity_id == str(member_id))
                & AuditEntry.action.like("card%"),
            )
        )
        .order_by(AuditEntry.seq)
    ).all()
    audit = tuple(
        AuditLine(e.seq, e.at, e.action, e.entity, e.entity_id, e.after)
        for e in entries
    )
    return CardHistory(member.id, member.name, lines, audit)


class CardLife:
    """Reissue, revoke, mark found and recycle, each audited."""

    def __init__(
        self, sessions: sessionmaker[Session], audit: AuditLog | None = None
    ) -> None:
        self._sessions = sessions
        self._audit = audit or AuditLog("")

    def history(self, member_id: int) -> CardHistory:
        with self._sessions() as s:
            return card_history(s, member_id)

    # -- revoke and reissue ----------------------------------------------------

    def revoke(self, member_id: int, actor: Actor, reason: str = "lost") -> int:
        """Revoke the member's active card; its card id."""
        require(actor, Action.ISSUE_CARDS)
        _check_reason(reason)
        with writing(self._sessions) as s:
            card = self._active(s, member_id)
            self._revoke(s, card, actor, reason)
            return card.id

    def reissue(self, member_id: int, actor: Actor, reason: str = "lost") -> int:
        """Revoke the current card and open the next issue of its number.

        Returns the new card's id; `CardDesk.prepare(member_id, actor)` then
        hands out the encoding job for it.
        """
        require(actor, Action.ISSUE_CARDS)
        _check_reason(reason)
        with writing(self._sessions) as s:
            cards = self._cards(s, member_id)
            if not cards:
                raise CardLifeRefused(
                    "no_card",
                    "the member has never had a card: issue a first card instead",
                )
            pending = [c for c in cards if c.status == "encoding"]
            if pending:
                raise CardLifeRefused(
                    "reissue_pending",
                    f"issue {pending[0].issue_number} of card "
                    f"{cardformat.card_code(pending[0].card_number)} is already "
                    "waiting to be encoded",
                )
            newest = max(cards, key=lambda c: c.issue_number)
            for card in cards:
                if card.status == "active":
                    self._revoke(s, card, actor, reason)
            fresh = Card(
                card_number=newest.card_number,
                issue_number=newest.issue_number + 1,
                member_id=member_id,
                status="encoding",
                created_at=utcnow(),
            )
            s.add(fresh)
            s.flush()
            s.add(
                CardJournal(
                    card_id=fresh.id,
                    step="opened",
                    at=utcnow(),
                    detail=f"reissue of issue {newest.issue_number} ({reason})",
                )
            )
            self._audit.append(
                s,
                actor,
                "card_reissued",
                "card",
                fresh.id,
                {"card_id": newest.id, "issue_number": newest.issue_number},
                {
                    "member_id": member_id,
                    "card_number": fresh.card_number,
                    "issue_number": fresh.issue_number,
                    "reason": reason,
                },
            )
            log.info(
                "card %s reissued as issue %d",
                cardformat.card_code(fresh.card_number),
                fresh.issue_number,
            )
            return fresh.id

    def mark_found(self, member_id: int, actor: Actor) -> str:
        """A revoked card turned up again.

        While no newer issue has been encoded, the card is reinstated (and a
        waiting reissue cancelled): "reinstated". Once a newer card is out, the
        found one stays revoked and should be recycled: "noted".
        """
        require(actor, Action.ISSUE_CARDS)
        with writing(self._sessions) as s:
            cards = self._cards(s, member_id)
            revoked = [c for c in cards if c.status == "revoked"]
            if not revoked:
                raise CardLifeRefused(
                    "no_revoked_card", "the member has no revoked card to mark found"
                )
            found = max(revoked, key=lambda c: c.issue_number)
            newer = [c for c in cards if c.issue_number > found.issue_number]
            if any(c.status in ("active", "revoked") for c in newer):
                self._journal(s, found, "found", "a newer issue is out; recycle it")
                self._audit.append(
                    s, actor, "card_found", "card", found.id, None, {"kept": "revoked"}
                )
                return "noted"
            for card in newer:
                if card.status == "encoding":
                    card.status = "failed"
                    self._journal(s, card, "cancelled", "the lost card was found")
            found.status = "active"
            found.revoked_at = None
            self._journal(s, found, "found", "reinstated")
            self._audit.append(
                s,
                actor,
                "card_found",
                "card",
                found.id,
                {"status": "revoked"},
                {"status": "active", "cancelled": [c.id for c in newer]},
            )
            return "reinstated"

    # -- recycling (the chip work is memberdesk.nfc.recycle) ---------------------

    def recycle_job(self, uid: bytes, actor: Actor) -> RecycleJob | None:
        """The job for a handed-back chip; None when no card ever used it."""
        require(actor, Action.ISSUE_CARDS)
        with self._sessions() as s:
            card = s.scalar(
                select(Card)
                .where(Card.uid == uid.hex().upper())
                .order_by(Card.id.desc())
                .limit(1)
            )
            if card is None:
                return None
            if card.status in ("active", "encoding"):
                raise CardLifeRefused(
                    "card_in_use",
                    f"this chip is card {cardformat.card_code(card.card_number)} "
                    f"of {card.member.name}, still {card.status}: revoke it first",
                )
            return RecycleJob(
                card.id,
                card.card_number,
                card.issue_number,
                card.member_id,
                bytes(uid),
                actor,
            )

    def recycle_step(self, job: RecycleJob, step: str, detail: str = "") -> None:
        """Journal one recycling step before the next one starts."""
        with self._sessions.begin() as s:
            card = s.get(Card, job.card_id)
            self._journal(s, card, f"recycle_{step}", detail, job.uid)

    def recycled(self, job: RecycleJob) -> None:
        require(job.actor, Action.ISSUE_CARDS)
        with writing(self._sessions) as s:
            card = s.get(Card, job.card_id)
            # The record stays revoked: a copy of the old message on this chip
            # must keep failing at the door.
            self._journal(s, card, "recycled", "blank, password removed", job.uid)
            self._audit.append(
                s,
                job.actor,
                "card_recycled",
                "chip",
                job.uid.hex().upper(),
                {"card_id": card.id, "status": card.status},
                {"blank": True},
            )
        log.info("chip of card %s recycled", cardformat.card_code(job.card_number))

    # -- helpers ---------------------------------------------------------------

    def _cards(self, s: Session, member_id: int) -> list[Card]:
        if s.get(Member, member_id) is None:
            raise CardLifeRefused("unknown_member", f"no member with id {member_id}")
        return list(s.scalars(select(Card).where(Card.member_id == member_id)))

    def _active(self, s: Session, member_id: int) -> Card:
        active = [c for c in self._cards(s, member_id) if c.status == "active"]
        if not active:
            raise CardLifeRefused("no_active_card", "the member holds no active card")
        return max(active, key=lambda c: c.issue_number)

    def _revoke(self, s: Session, card: Card, actor: Actor, reason: str) -> None:
        card.status = "revoked"
        card.revoked_at = utcnow()
        self._journal(s, card, "revoked", reason)
        self._audit.append(
            s,
            actor,
            "card_revoked",
            "card",
            card.id,
            {"status": "active"},
            {
                "status": "revoked",
                "reason": reason,
                "member_id": card.member_id,
                "card_number": card.card_number,
                "issue_number": card.issue_number,
            },
        )
        log.info("card %s revoked (%s)", cardformat.card_code(card.card_number), reason)

    def _journal(
        self,
        s: Session,
        card: Card,
        step: str,
        detail: str = "",
        uid: bytes | None = None,
    ) -> None:
        s.add(
            CardJournal(
                card_id=card.id,
                step=step[:24],
                uid=uid.hex().upper() if uid else card.uid,
                detail=detail,
                at=utcnow(),
            )
        )


def _check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise CardLifeRefused(
            "bad_reason", f"unknown reason {reason!r}; one of {', '.join(REASONS)}"
        )
