"""People's words for the stable codes that services and nfc return.

Services speak in reason codes and English; every word a person reads here
goes through Qt's translations. The tables are built on each call, so they
follow the language installed at that moment.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from memberdesk.services.reasons import WORDS, Reason

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


def reason_words(reason: Reason | str) -> str:
    """The door's verdict reason, written out."""
    table = {
        Reason.ADMITTED: translate("Words", "Admitted"),
        Reason.REENTRY: translate("Words", "Re-entry admitted"),
        Reason.DUPLICATE: translate("Words", "Already checked in"),
        Reason.BLANK_CARD: translate("Words", "Blank card: nothing is written on it"),
        Reason.NOT_MEMBER_CARD: translate("Words", "Not a member card"),
        Reason.UNKNOWN_FORMAT: translate("Words", "Card format not understood"),
        Reason.UNKNOWN_KEY: translate("Words", "Card signed by an unknown key"),
        Reason.KEY_RETIRED: translate("Words", "Card signed by a retired key"),
        Reason.BAD_SIGNATURE: translate(
            "Words", "Forged or damaged card: the signature does not verify"
        ),
        Reason.UID_MISMATCH: translate(
            "Words", "Copied card: the data belongs to another chip"
        ),
        Reason.UNKNOWN_CARD: translate("Words", "Card not known to this station"),
        Reason.REVOKED_CARD: translate("Words", "Card revoked"),
        Reason.SUPERSEDED_ISSUE: translate(
            "Words", "Old card: a newer issue has replaced it"
        ),
        Reason.UNKNOWN_MEMBER: translate("Words", "Member not known to this station"),
        Reason.TIER_NOT_ELIGIBLE: translate(
            "Words", "Tier not eligible for this event"
        ),
        Reason.NOT_REGISTERED: translate("Words", "Not registered for this event"),
        Reason.OUTSIDE_WINDOW: translate("Words", "Outside the door opening hours"),
        Reason.EVENT_CANCELLED: translate("Words", "Event cancelled"),
        Reason.CAPACITY_REACHED: translate("Words", "Event full"),
        Reason.READ_FAILED: translate("Words", "Card read failed: tap again"),
    }
    try:
        return table[Reason(reason)]
    except ValueError:
        # A code newer than this console: the English words beat a blank.
        log.warning("no words for reason %r", reason)
        return str(reason)
    except KeyError:
        return WORDS.get(Reason(reason), str(reason))


def tier_name(code: str) -> str:
    table = {
        "free": translate("Words", "Free"),
        "silver": translate("Words", "Silver"),
        "gold": translate("Words", "Gold"),
        "diamond": translate("Words", "Diamond"),
    }
    return table.get(code, code)


def issue_refused_words(reason: str) -> str:
    """Why the card desk will not open a card job."""
    table = {
        "unknown_member": translate("Words", "No such member."),
        "not_diamond": translate("Words", "Only diamond members get a card."),
        "already_has_card": translate(
            "Words", "This member already holds an active card."
        ),
    }
    return table.get(reason, translate("Words", "The card desk refused this card."))


def encode_refused_words(reason: str) -> str:
    """The lead-in for an encoding that stopped; the detail follows it."""
    table = {
        "card_removed": translate("Words", "The card left the reader too early."),
        "chip_refused": translate("Words", "The chip refused a command."),
        "unsupported_chip": translate("Words", "This chip cannot be a member card."),
        "verify_failed": translate("Words", "What was written did not read back."),
        "locked_chip": translate("Words", "This chip is locked."),
        "card_too_small": translate("Words", "This chip is too small for the card."),
        "foreign_card": translate(
            "Words", "Not overwritten: the card holds other data."
        ),
        "card_of_other_member": translate(
            "Words", "Not overwritten: the card belongs to another member."
        ),
    }
    return table.get(reason, translate("Words", "The card was not encoded."))


RESUMABLE = frozenset({"card_removed", "chip_refused"})


def confirm_question(question: str) -> str:
    """The question behind an encoder's confirm prompt."""
    table = {
        "foreign_card": translate("Words", "This card holds other data. Overwrite it?"),
        "card_of_other_member": translate(
            "Words", "This card belongs to another member. Overwrite it?"
        ),
    }
    return table.get(question, translate("Words", "Overwrite this card?"))


def step_words(step: str) -> str:
    table = {
        "read": translate("Words", "Chip read"),
        "opened": translate("Words", "Protected chip opened"),
        "writing": translate("Words", "Writing the card message"),
        "written": translate("Words", "Message written and checked"),
        "pwd": translate("Words", "Password written"),
        "pack": translate("Words", "Password acknowledgement written"),
        "protected": translate("Words", "Card protected"),
    }
    return table.get(step, step)


def originality_words(value: str) -> str:
    table = {
        "genuine": translate("Words", "genuine NXP chip"),
        "simulated": translate("Words", "simulated chip"),
        "absent": translate("Words", "no originality signature"),
        "failed": translate("Words", "originality signature does not verify"),
    }
    return table.get(value, value)


def reader_state_words(state: str) -> str:
    table = {
        "opening": translate("Words", "opening"),
        "ready": translate("Words", "ready"),
        "error": translate("Words", "not available"),
        "closed": translate("Words", "closed"),
    }
    return table.get(state, state)
