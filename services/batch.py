"""Batch issuance: a queue of diamond members, worked one card per tap.

The queue lives in the database and every change is committed at once, so a
crash loses nothing: an item caught "working" is resumable on restart, and the
card it was writing resumes from the encoding journal (services.cards). The
tap loop itself is memberdesk.nfc.batch; this module is its bookkeeper.

Item states: waiting -> working -> done, or back to resumable (the card left
early) or waiting (the chip was refused: the member needs another card);
failed when the member cannot get a card at all; skipped by the issuer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.cardlife import CardLife
from memberdesk.services.members import diamond_members_without_card
from memberdesk.services.models import (
    CardBatch,
    CardBatchItem,
    Member,
    utcnow,
)
from memberdesk.services.permissions import Action, Actor, Role, require

log = logging.getLogger(__name__)

OPEN_STATES = ("working", "resumable", "waiting")
# Reasons after which the card on the reader is resumed by tapping it again.
RESUMABLE_REASONS = frozenset(
    {"card_removed", "chip_refused", "verify_failed", "crashed", "reader_lost"}
)
ORIGINALITY_REVIEW = "originality"
ON_BAD_ORIGINALITY = ("stop", "continue")


class BatchError(Exception):
    """A batch request that cannot be met; `reason` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class BatchItem:
    id: int
    position: int
    member_id: int
    member_name: str
    state: str
    reason: str | None
    detail: str
    card_id: int | None
    uid: str | None
    originality: str | None
    review: str | None
    attempts: int
    millis: int | None


@dataclass(frozen=True)
class BatchProgress:
    batch_id: int
    status: str
    note: str
    total: int
    done: int
    left: int  # waiting, working or resumable
    failed: int
    skipped: int
    review: int  # done, but an admin has to decide about the chip
    last_millis: int | None
    mean_millis: int | None


class BatchQueue:
    """The persisted batches of one station."""

    def __init__(
        self, sessions: sessionmaker[Session], audit: AuditLog | None = None
    ) -> None:
        self._sessions = sessions
        self._audit = audit or AuditLog("")

    # -- creating ----------------------------------------------------------------

    def diamond_without_card(self, limit: int = 5000) -> list[int]:
        """The filter "diamond members without an active card", as ids."""
        with self._sessions() as s:
            return [r.id for r in diamond_members_without_card(s, limit)]

    def create(
        self,
        actor: Actor,
        member_ids: list[int],
        name: str = "",
        on_bad_originality: str = "stop",
    ) -> int:
        """A new batch; members who cannot get a card are listed failed at once."""
        require(actor, Action.ISSUE_CARDS)
        if on_bad_originality not in ON_BAD_ORIGINALITY:
            raise BatchError("bad_setting", f"unknown setting {on_bad_originality!r}")
        if not member_ids:
            raise BatchError("empty_batch", "the batch names no members")
        with writing(self._sessions) as s:
            members = {
                m.id: m
                for m in s.scalars(select(Member).where(Member.id.in_(member_ids)))
            }
            unknown = [i for i in member_ids if i not in members]
            if unknown:
                raise BatchError(
                    "unknown_member",
                    "no member with id " + ", ".join(map(str, unknown[:10])),
                )
            batch = CardBatch(
                name=name[:80],
                status="open",
                note="",
                on_bad_originality=on_bad_originality,
                created_by=actor.staff_id,
                created_at=utcnow(),
            )
            s.add(batch)
            s.flush()
            for position, member_id in enumerate(dict.fromkeys(member_ids)):
                item = CardBatchItem(
                    batch_id=batch.id,
                    position=position,
                    member_id=member_id,
                    state="waiting",
                    detail="",
                    attempts=0,
                )
                member = members[member_id]
                if member.tier_code != "diamond":
                    item.state, item.reason = "failed", "not_diamond"
                    item.detail = f"a {member.tier_code} member gets no card"
                s.add(item)
            self._audit.append(
                s,
                actor,
                "card_batch_created",
                "card_batch",
                batch.id,
                None,
                {"members": len(member_ids), "on_bad_originality": on_bad_originality},
            )
            log.info("card batch %d created with %d members", batch.id, len(members))
            return batch.id

    # -- reading -------------------------------------------------------------------

    def items(self, batch_id: int) -> list[BatchItem]:
        with self._sessions() as s:
            rows = s.execute(
                select(CardBatchItem, Member.name)
                .join(Member, Member.id == CardBatchItem.member_id)
                .where(CardBatchItem.batch_id == batch_id)
                .order_by(CardBatchItem.position)
            ).all()
            return [_view(item, name) for item, name in rows]

    def item(self, item_id: int) -> BatchItem:
        with self._sessions() as s:
            item = s.get(CardBatchItem, item_id)
            if item is None:
                raise BatchError("unknown_item", f"no batch item {item_id}")
            return _view(item, s.get(Member, item.member_id).name)

    def next_item(self, batch_id: int) -> BatchItem | None:
        """The member the next tap is for: an interrupted card first."""
        order = {state: n for n, state in enumerate(OPEN_STATES)}
        open_items = [i for i in self.items(batch_id) if i.state in OPEN_STATES]
        if not open_items:
            return None
        return min(open_items, key=lambda i: (order[i.state], i.position))

    def progress(self, batch_id: int) -> BatchProgress:
        batch = self._batch(batch_id)
        items = self.items(batch_id)
        count = {s: sum(1 for i in items if i.state == s) for s in _STATES}
        times = [i.millis for i in items if i.state == "done" and i.millis]
        last = max(
            (i for i in items if i.millis is not None),
            key=lambda i: (i.state == "done", i.position),
            default=None,
        )
        return BatchProgress(
            batch_id,
            batch.status,
            batch.note,
            len(items),
            count["done"],
            sum(count[s] for s in OPEN_STATES),
            count["failed"],
            count["skipped"],
            sum(1 for i in items if i.review),
            last.millis if last else None,
            round(sum(times) / len(times)) if times else None,
        )

    def on_bad_originality(self, batch_id: int) -> str:
        return self._batch(batch_id).on_bad_originality

    # -- the tap loop's bookkeeping ----------------------------------------------

    def recover(self, batch_id: int) -> None:
        """After a crash: an item left working is resumable."""
        with self._sessions.begin() as s:
            for item in s.scalars(
                select(CardBatchItem).where(
                    CardBatchItem.batch_id == batch_id,
                    CardBatchItem.state == "working",
                )
            ):
                item.state, item.reason = "resumable", "crashed"

    def start(self, item_id: int, card_id: int) -> None:
        with self._sessions.begin() as s:
            item = s.get(CardBatchItem, item_id)
            item.state, item.card_id = "working", card_id
            item.attempts += 1
            item.updated_at = utcnow()

    def done(
        self,
        item_id: int,
        uid: bytes,
        originality: str,
        millis: int,
        review: str | None = None,
    ) -> None:
        self._set(
            item_id,
            state="done",
            reason=None,
            uid=uid.hex().upper(),
            originality=originality,
            millis=millis,
            review=review,
            detail=f"originality {originality}" if review else "",
        )

    def interrupted(self, item_id: int, reason: str, detail: str, millis: int) -> None:
        """The card left before it was finished: the same card resumes it."""
        self._set(
            item_id, state="resumable", reason=reason, detail=detail, millis=millis
        )

    def chip_refused(self, item_id: int, reason: str, detail: str) -> None:
        """That chip will not do; the member waits for another card."""
        self._set(item_id, state="waiting", reason=reason, detail=detail)

    def released(self, item_id: int, reason: str, detail: str) -> None:
        """No tap came (stopped, out of cards, reader lost): back in the queue."""
        with self._sessions.begin() as s:
            item = s.get(CardBatchItem, item_id)
            if item.state == "working":
                # The last attempt's reason tells whether a chip awaits resuming.
                resumable = item.reason in RESUMABLE_REASONS
                item.state = "resumable" if resumable else "waiting"
            if item.reason and item.reason != reason:
                detail = f"{detail} (before: {item.reason}: {item.detail})"
            item.reason, item.detail = reason, detail
            item.updated_at = utcnow()

    def failed(self, item_id: int, reason: str, detail: str) -> None:
        self._set(item_id, state="failed", reason=reason, detail=detail)

    # -- the issuer's controls ---------------------------------------------------

    def skip(self, item_id: int, actor: Actor, why: str = "") -> None:
        require(actor, Action.ISSUE_CARDS)
        item = self.item(item_id)
        if item.state not in OPEN_STATES:
            raise BatchError("not_open", f"item {item_id} is {item.state}")
        self._set(item_id, state="skipped", reason="skipped", detail=why)
        self._note(actor, "card_batch_skip", item_id, {"member_id": item.member_id})

    def retry(self, item_id: int, actor: Actor) -> None:
        """A failed or skipped member goes back into the queue."""
        require(actor, Action.ISSUE_CARDS)
        item = self.item(item_id)
        if item.state not in ("failed", "skipped"):
            raise BatchError("not_retryable", f"item {item_id} is {item.state}")
        self._set(item_id, state="waiting", reason=None, detail="")
        self._note(actor, "card_batch_retry", item_id, {"member_id": item.member_id})

    def pause(self, batch_id: int, note: str = "") -> None:
        with self._sessions.begin() as s:
            batch = s.get(CardBatch, batch_id)
            if batch.status != "done":
                batch.status, batch.note = "paused", note
        log.info("card batch %d paused: %s", batch_id, note or "by the issuer")

    def resume(self, batch_id: int, actor: Actor) -> None:
        require(actor, Action.ISSUE_CARDS)
        with self._sessions.begin() as s:
            batch = s.get(CardBatch, batch_id)
            if batch.status == "paused":
                batch.status, batch.note = "open", ""

    def finish(self, batch_id: int) -> None:
        with self._sessions.begin() as s:
            batch = s.get(CardBatch, batch_id)
            batch.status, batch.finished_at = "done", utcnow()

    def decide_originality(
        self, item_id: int, actor: Actor, accept: bool, life: CardLife
    ) -> None:
        """An admin keeps a card whose chip failed the originality check, or not.

        Refused: the card is revoked and the member goes back into the queue.
        """
        if actor.role != Role.ADMIN:
            raise PermissionError(
                "only an admin may decide about a chip whose originality failed"
            )
        item = self.item(item_id)
        if item.review != ORIGINALITY_REVIEW:
            raise BatchError("no_review", f"item {item_id} needs no decision")
        if accept:
            self._set(item_id, review=None, detail="originality accepted by an admin")
        else:
            life.revoke(item.member_id, actor, reason="other")
            self._set(
                item_id,
                state="waiting",
                review=None,
                reason="originality_refused",
                detail=f"chip {item.uid} refused by an admin; needs another card",
                uid=None,
            )
        self._note(
            actor,
            "card_originality_decided",
            item_id,
            {"member_id": item.member_id, "uid": item.uid, "accepted": accept},
        )

    # -- helpers -------------------------------------------------------------------

    def _batch(self, batch_id: int) -> CardBatch:
        with self._sessions() as s:
            batch = s.get(CardBatch, batch_id)
            if batch is None:
                raise BatchError("unknown_batch", f"no card batch {batch_id}")
            return batch

    def _set(self, item_id: int, **values: object) -> None:
        with self._sessions.begin() as s:
            item = s.get(CardBatchItem, item_id)
            for key, value in values.items():
                setattr(item, key, value)
            item.updated_at = utcnow()

    def _note(self, actor: Actor, action: str, item_id: int, after: dict) -> None:
        with writing(self._sessions) as s:
            self._audit.append(
                s, actor, action, "card_batch_item", item_id, None, after
            )


_STATES = ("waiting", "working", "resumable", "done", "failed", "skipped")


def _view(item: CardBatchItem, name: str) -> BatchItem:
    return BatchItem(
        item.id,
        item.position,
        item.member_id,
        name,
        item.state,
        item.reason,
        item.detail,
        item.card_id,
        item.uid,
        item.originality,
        item.review,
        item.attempts,
        item.millis,
    )
