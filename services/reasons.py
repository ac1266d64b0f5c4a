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
    OVERRIDDEN = "overridden"  # admitted by a supervisor over a refusal
    # Exit scans.
    EXITED = "exited"
    NOT_INSIDE = "not_inside"
    # Nothing recorded: the station has no event chosen.
    NO_EVENT = "no_event"
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
    CARD_NOT_ACTIVE = "card_not_active"
    REVOKED_CARD = "revoked_card"
    SUPERSEDED_ISSUE = "superseded_issue"
    UNKNOWN_MEMBER = "unknown_member"
    TIER_NOT_ELIGIBLE = "tier_not_eligible"
    NOT_REGISTERED = "not_registered"
    OUTSIDE_WINDOW = "outside_window"
    EVENT_CANCELLED = "event_cancelled"
    CAPACITY_REACHED = "capacity_reached"
    READ_FAILED = "read_failed"
    REENTRY_NOT_ALLOWED = "reentry_not_allowed"
    WINDOW_NOT_SET = "window_not_set"
    MEMBER_YEARLY_CAP = "member_yearly_cap_reached"
    KIND_YEARLY_CAP = "kind_yearly_cap_reached"
    # Member QR codes.
    MALFORMED_QR = "malformed_qr"
    QR_EXPIRED = "qr_expired"
    REVOKED_QR = "revoked_qr"


ADMITTING = frozenset({Reason.ADMITTED, Reason.REENTRY, Reason.OVERRIDDEN})
# Verdicts that end well at the desk: green, exit code 0.
SUCCEEDING = ADMITTING | {Reason.EXITED}

# Refusals that no supervisor may override: the card or code itself is not
# trusted, or there is nobody and nothing to admit.
NEVER_OVERRIDDEN = frozenset(
    {
        Reason.BAD_SIGNATURE,
        Reason.UID_MISMATCH,
        Reason.UNKNOWN_KEY,
        Reason.KEY_RETIRED,
        Reason.NOT_MEMBER_CARD,
        Reason.UNKNOWN_FORMAT,
        Reason.BLANK_CARD,
        Reason.MALFORMED_QR,
        Reason.UNKNOWN_MEMBER,
        Reason.EVENT_CANCELLED,
        Reason.READ_FAILED,
        Reason.NO_EVENT,
        Reason.NOT_INSIDE,
        # Inside already: there is nothing to admit over.
        Reason.DUPLICATE,
        # A card reported lost or stolen, or replaced by a newer issue, is not
        # let in on a PIN: the member's current card or QR code is the way in.
        Reason.REVOKED_CARD,
        Reason.SUPERSEDED_ISSUE,
        Reason.REVOKED_QR,
    }
)

# English wording; the console translates these through its own tr().
WORDS: dict[Reason, str] = {
    Reason.ADMITTED: "Admitted",
    Reason.REENTRY: "Re-entry admitted",
    Reason.OVERRIDDEN: "Admitted by a supervisor",
    Reason.EXITED: "Exit recorded",
    Reason.NOT_INSIDE: "Not checked in: there is no entry to leave from",
    Reason.NO_EVENT: "Choose an event first: nothing was recorded",
    Reason.DUPLICATE: "Already checked in",
    Reason.BLANK_CARD: "Blank card: nothing is written on it",
    Reason.NOT_MEMBER_CARD: "Not a member card",
    Reason.UNKNOWN_FORMAT: "Card format not understood",
    Reason.UNKNOWN_KEY: "Card signed by an unknown key",
    Reason.KEY_RETIRED: "Card signed by a retired key",
    Reason.BAD_SIGNATURE: "Forged or damaged card: the signature does not verify",
    Reason.UID_MISMATCH: "Copied card: the data belongs to another chip",
    Reason.UNKNOWN_CARD: "Card not known to this station",
    Reason.CARD_NOT_ACTIVE: "Card not finished at the card desk",
    Reason.REVOKED_CARD: "Card revoked",
    Reason.SUPERSEDED_ISSUE: "Old card: a newer issue has replaced it",
    Reason.UNKNOWN_MEMBER: "Member not known to this station",
    Reason.TIER_NOT_ELIGIBLE: "Tier not eligible for this event",
    Reason.NOT_REGISTERED: "Not registered for this event",
    Reason.OUTSIDE_WINDOW: "Outside the door opening hours",
    Reason.EVENT_CANCELLED: "Event cancelled",
    Reason.CAPACITY_REACHED: "Event full",
    Reason.READ_FAILED: "Card read failed: tap again",
    Reason.REENTRY_NOT_ALLOWED: "Already entered once: this event allows no re-entry",
    Reason.WINDOW_NOT_SET: "The door opening hours for this event are not set",
    Reason.MEMBER_YEARLY_CAP: "Yearly limit reached for this member and kind of event",
    Reason.KIND_YEARLY_CAP: "Yearly places for this kind of event are all taken",
    Reason.MALFORMED_QR: "Code not read correctly: scan again",
    Reason.QR_EXPIRED: "Member code expired",
    Reason.REVOKED_QR: "Member code revoked",
}
