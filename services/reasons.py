"""Stable reason codes for every verdict at the door and at the card desk.

The code is what scripts, logs and sync rely on; the words are for people and
go through the console's translations.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # Admissions.
    ADMITTED = "admitted"
    REENTRY = "reentry"
    # Refusals at the door.
    DUPLICATE = "duplicate"
    BLANK_CARD = "blank_card"
    NOT_MEMBER_CARD = "not_member_card"
    UNKNOWN_FORMAT = "unknown_format"
    UNKNOWN_KEY = "unknown_key"
    KEY_RETIRED = "key_retired"
    BAD_SIGNATURE = "bad_signature"
    UID_MISMATCH = "uid_mismatch"
    UNKNOWN_CARD = "unknown_card"
    REVOKED_CARD = "revoked_card"
    SUPERSEDED_ISSUE = "superseded_issue"
    UNKNOWN_MEMBER = "unknown_member"
    TIER_NOT_ELIGIBLE = "tier_not_eligible"
    NOT_REGISTERED = "not_registered"
    OUTSIDE_WINDOW = "outside_window"
    EVENT_CANCELLED = "event_cancelled"
    CAPACITY_REACHED = "capacity_reached"
    READ_FAILED = "read_failed"


ADMITTING = frozenset({Reason.ADMITTED, Reason.REENTRY})

# Refusals that no supervisor may override: the card itself is not trusted.
NEVER_OVERRIDDEN = frozenset(
    {
        Reason.BAD_SIGNATURE,
        Reason.UID_MISMATCH,
        Reason.UNKNOWN_KEY,
        Reason.KEY_RETIRED,
        Reason.NOT_MEMBER_CARD,
        Reason.UNKNOWN_FORMAT,
        Reason.BLANK_CARD,
    }
)

# English wording; the console translates these through its own tr().
WORDS: dict[Reason, str] = {
    Reason.ADMITTED: "Admitted",
    Reason.REENTRY: "Re-entry admitted",
    Reason.DUPLICATE: "Already checked in",
    Reason.BLANK_CARD: "Blank card: nothing is written on it",
    Reason.NOT_MEMBER_CARD: "Not a member card",
    Reason.UNKNOWN_FORMAT: "Card format not understood",
    Reason.UNKNOWN_KEY: "Card signed by an unknown key",
    Reason.KEY_RETIRED: "Card signed by a retired key",
    Reason.BAD_SIGNATURE: "Forged or damaged card: the signature does not verify",
    Reason.UID_MISMATCH: "Copied card: the data belongs to another chip",
    Reason.UNKNOWN_CARD: "Card not known to this station",
    Reason.REVOKED_CARD: "Card revoked",
    Reason.SUPERSEDED_ISSUE: "Old card: a newer issue has replaced it",
    Reason.UNKNOWN_MEMBER: "Member not known to this station",
    Reason.TIER_NOT_ELIGIBLE: "Tier not eligible for this event",
    Reason.NOT_REGISTERED: "Not registered for this event",
    Reason.OUTSIDE_WINDOW: "Outside the door opening hours",
    Reason.EVENT_CANCELLED: "Event cancelled",
    Reason.CAPACITY_REACHED: "Event full",
    Reason.READ_FAILED: "Card read failed: tap again",
}
