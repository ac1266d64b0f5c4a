"""Annulment and supervisor override: the door's two ways to correct a verdict.

Neither deletes or rewrites what was decided. An annulment marks the row
annulled and gives back what it took (the place, the yearly counts, the
"inside" count); an override adds a new admitted row that names the refusal
it overrides. Both take the event's row lock and the tallies in the order the
door itself takes them, both are audited, and both are journalled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services import checkin_rules as rules
from memberdesk.services.checkin_rows import begin_locked, lock_event
from memberdesk.services.models import CheckIn, Event, Member
from memberdesk.services.permissions import (
    Action,
    Actor,
    PermissionDenied,
    Role,
    allowed,
    require,
)
from memberdesk.services.reasons import NEVER_OVERRIDDEN, Reason

if TYPE_CHECKING:
    from memberdesk.services.checkin import Door, Verdict
    from memberdesk.services.staff import StaffService

log = logging.getLogger(__name__)

MAX_REASON = 200


@dataclass(frozen=True)
class SupervisorSignIn:
    """What a supervisor types at the door to authorise an action."""

    login: str
    secret: str = field(repr=False)
    pin: bool = True  # False: the secret is the password


class DoorActionRefused(Exception):
    """An annulment or override that may not happen, said in words.

    `reason`: unknown_checkin, already_annulled, not_annullable, not_a_refusal,
    never_overridden, already_overridden, already_inside, reason_required,
    no_supervisor.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Annulment:
    """What an annulment changed, for the desk's counters and last scans."""

    checkin_id: str
    event_id: int
    member_id: int | None
    member_name: str
    verdict: Reason | str  # the annulled row's own verdict (str: unknown here)
    freed_place: bool
    inside: int
    admitted_total: int
    capacity: int | None


def sign_in_supervisor(
    staff: StaffService | None, credentials: SupervisorSignIn, station: str
) -> Actor:
    """Check a supervisor's PIN or password; SignInFailed when it is wrong."""
    if staff is None:
        raise DoorActionRefused(
            "no_supervisor", "this station cannot check a supervisor's sign-in"
        )
    if credentials.pin:
        return staff.unlock_with_pin(credentials.login, credentials.secret, station)
    return staff.sign_in(credentials.login, credentials.secret, station)


def _reason_text(reason: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise DoorActionRefused("reason_required", "say why, in a few words")
    if len(text) > MAX_REASON:
        raise DoorActionRefused(
            "reason_required", f"keep the reason under {MAX_REASON} characters"
        )
    return text


def _authoriser(
    door: Door,
    actor: Actor,
    action: Action,
    supervisor: SupervisorSignIn | None,
) -> Actor:
    """Who answers for the action: the actor, or the supervisor who signed."""
    require(actor, Action.CHECK_IN)
    if supervisor is None:
        if allowed(actor.role, action):
            return actor
        raise PermissionDenied(Role(actor.role), action)
    return require(door.supervisor(supervisor), action)


def _load(session: Session, checkin_id: str) -> tuple[CheckIn, Event]:
    row = session.get(CheckIn, checkin_id)
    if row is None:
        raise DoorActionRefused(
            "unknown_checkin", f"no check-in {checkin_id} on this station"
        )
    event = lock_event(session, row.event_id)
    session.refresh(row)  # as it stands now that the event is ours
    if row.annulled:
        raise DoorActionRefused("already_annulled", "this check-in is annulled already")
    return row, event


def annul(
    door: Door,
    checkin_id: str,
    reason: str,
    actor: Actor,
    supervisor: SupervisorSignIn | None,
) -> Annulment:
    text = _reason_text(reason)
    who = _authoriser(door, actor, Action.ANNUL_CHECKIN, supervisor)
    now = door.recorder.now()
    with door._sessions() as session:
        begin_locked(session)
        try:
            row, event = _load(session, checkin_id)
            if not row.admitted and row.verdict != Reason.EXITED.value:
                raise DoorActionRefused(
                    "not_annullable",
                    "a refusal admitted nobody: there is nothing to annul",
                )
            before = rules.presence(session, event.id, row.member_id)
            if row.first_entry:
                rules.tallies_for(session, event, row.member_id).add(session, -1)
                event.admitted = max(0, event.admitted - 1)
            row.annulled = True
            row.annulled_at = now
            row.annul_reason = text
            row.uploaded = False  # the change has to reach the server too
            session.flush()
            after = rules.presence(session, event.id, row.member_id)
            event.inside = max(0, event.inside + after.inside - before.inside)
            door._audit.append(
                session,
                who,
                "checkin_annulled",
                "checkin",
                row.id,
                {"verdict": row.verdict, "annulled": False},
                {
                    "verdict": row.verdict,
                    "annulled": True,
                    "reason": text,
                    "event_id": event.id,
                    "member_id": row.member_id,
                    "requested_by": actor.staff_id,
                },
            )
            door.recorder.journal_annul(row)
            member = session.get(Member, row.member_id) if row.member_id else None
            result = Annulment(
                row.id,
                event.id,
                row.member_id,
                member.name if member else "",
                _reason_of(row.verdict),
                row.first_entry,
                event.inside,
                event.admitted,
                event.capacity,
            )
        except BaseException:
            session.rollback()
            raise
        door.recorder.commit_annul(session, row.id)
    log.info("check-in %s annulled by staff %s", checkin_id, who.staff_id)
    return result


def override(
    door: Door,
    checkin_id: str,
    reason: str,
    actor: Actor,
    supervisor: SupervisorSignIn,
) -> Verdict:
    text = _reason_text(reason)
    if supervisor is None:
        raise DoorActionRefused(
            "no_supervisor", "an override needs a supervisor's PIN or password"
        )
    who = _authoriser(door, actor, Action.OVERRIDE_REFUSAL, supervisor)
    now = door.recorder.now()
    with door._sessions() as session:
        begin_locked(session)
        try:
            original, event = _load(session, checkin_id)
            _check_overridable(session, original)
            member = session.get(Member, original.member_id)
            where = rules.presence(session, event.id, member.id)
            if where.inside:
                raise DoorActionRefused(
                    "already_inside",
                    "the member is counted inside already; if that entry was a "
                    "mistake, annul it first",
                )
            first = not where.entered
            if first:
                rules.tallies_for(session, event, member.id).add(session, 1)
                event.admitted += 1
            event.inside += 1
            row = door.recorder.add(
                session,
                event_id=event.id,
                member_id=member.id,
                card_id=None,
                staff_id=who.staff_id,
                source=original.source,
                direction="in",
                verdict=Reason.OVERRIDDEN.value,
                admitted=True,
                first_entry=first,
                uid=original.uid,
                qr_serial=original.qr_serial,
                override_of=original.id,
                override_reason=text,
                at=now,
            )
            door._audit.append(
                session,
                who,
                "checkin_override",
                "checkin",
                row.id,
                {"checkin_id": original.id, "verdict": original.verdict},
                {
                    "verdict": row.verdict,
                    "override_of": original.id,
                    "reason": text,
                    "event_id": event.id,
                    "member_id": member.id,
                    "requested_by": actor.staff_id,
                },
            )
            door.recorder.journal_row(row)
            verdict = door._verdict(event, row, member, None)
        except BaseException:
            session.rollback()
            raise
        door.recorder.commit(session, [row.id])
    log.info(
        "refusal %s (%s) overridden by staff %s",
        checkin_id,
        original.verdict,
        who.staff_id,
    )
    return verdict


def _reason_of(code: str) -> Reason | str:
    try:
        return Reason(code)
    except ValueError:
        return code  # written by a newer station


def _check_overridable(session: Session, original: CheckIn) -> None:
    if original.admitted or original.direction != "in":
        raise DoorActionRefused(
            "not_a_refusal", "only a refused entry can be overridden"
        )
    try:
        reason = Reason(original.verdict)
    except ValueError:
        # Decided by a newer station, for a reason this one does not know.
        raise DoorActionRefused(
            "never_overridden",
            f"this station does not know the refusal {original.verdict!r}: "
            "override it where it was made",
        ) from None
    if reason in NEVER_OVERRIDDEN or original.member_id is None:
        raise DoorActionRefused(
            "never_overridden",
            f"a refusal for {reason.value.replace('_', ' ')} can never be "
            "overridden: the card or code is not trusted, the member is inside "
            "already, or there is nobody to admit",
        )
    already = session.scalar(
        select(CheckIn.id).where(CheckIn.override_of == original.id)
    )
    if already is not None:
        raise DoorActionRefused(
            "already_overridden", "this refusal was overridden already"
        )
