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


def _t(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def reason_words(reason: Reason | str) -> str:
    """The door's verdict reason, written out."""
    table = {
        Reason.ADMITTED: _t("Admitted"),
        Reason.REENTRY: _t("Re-entry admitted"),
        Reason.DUPLICATE: _t("Already checked in"),
        Reason.BLANK_CARD: _t("Blank card: nothing is written on it"),
        Reason.NOT_MEMBER_CARD: _t("Not a member card"),
        Reason.UNKNOWN_FORMAT: _t("Card format not understood"),
        Reason.UNKNOWN_KEY: _t("Card signed by an unknown key"),
        Reason.KEY_RETIRED: _t("Card signed by a retired key"),
        Reason.BAD_SIGNATURE: _t(
            "Forged or damaged card: the signature does not verify"
        ),
        Reason.UID_MISMATCH: _t("Copied card: the data belongs to another chip"),
        Reason.UNKNOWN_CARD: _t("Card not known to this station"),
        Reason.REVOKED_CARD: _t("Card revoked"),
        Reason.SUPERSEDED_ISSUE: _t("Old card: a newer issue has replaced it"),
        Reason.UNKNOWN_MEMBER: _t("Member not known to this station"),
        Reason.TIER_NOT_ELIGIBLE: _t("Tier not eligible for this event"),
        Reason.NOT_REGISTERED: _t("Not registered for this event"),
        Reason.OUTSIDE_WINDOW: _t("Outside the door opening hours"),
        Reason.EVENT_CANCELLED: _t("Event cancelled"),
        Reason.CAPACITY_REACHED: _t("Event full"),
        Reason.READ_FAILED: _t("Card read failed: tap again"),
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
        "free": _t("Free"),
        "silver": _t("Silver"),
        "gold": _t("Gold"),
        "diamond": _t("Diamond"),
    }
    return table.get(code, code)


def issue_refused_words(reason: str) -> str:
    """Why the card desk will not open a card job."""
    table = {
        "unknown_member": _t("No such member."),
        "not_diamond": _t("Only diamond members get a card."),
        "already_has_card": _t("This member already holds an active card."),
    }
    return table.get(reason, _t("The card desk refused this card."))


def encode_refused_words(reason: str) -> str:
    """The lead-in for an encoding that stopped; the detail follows it."""
    table = {
        "card_removed": _t("The card left the reader too early."),
        "chip_refused": _t("The chip refused a command."),
        "unsupported_chip": _t("This chip cannot be a member card."),
        "verify_failed": _t("What was written did not read back."),
        "locked_chip": _t("This chip is locked."),
        "card_too_small": _t("This chip is too small for the card."),
        "foreign_card": _t("Not overwritten: the card holds other data."),
        "card_of_other_member": _t(
            "Not overwritten: the card belongs to another member."
        ),
    }
    return table.get(reason, _t("The card was not encoded."))


RESUMABLE = frozenset({"card_removed", "chip_refused"})


def confirm_question(question: str) -> str:
    """The question behind an encoder's confirm prompt."""
    table = {
        "foreign_card": _t("This card holds other data. Overwrite it?"),
        "card_of_other_member": _t(
            "This card belongs to another member. Overwrite it?"
        ),
    }
    return table.get(question, _t("Overwrite this card?"))


def step_words(step: str) -> str:
    table = {
        "read": _t("Chip read"),
        "opened": _t("Protected chip opened"),
        "writing": _t("Writing the card message"),
        "written": _t("Message written and checked"),
        "pwd": _t("Password written"),
        "pack": _t("Password acknowledgement written"),
        "protected": _t("Card protected"),
    }
    return table.get(step, step)


def originality_words(value: str) -> str:
    table = {
        "genuine": _t("genuine NXP chip"),
        "simulated": _t("simulated chip"),
        "absent": _t("no originality signature"),
        "failed": _t("originality signature does not verify"),
    }
    return table.get(value, value)


def reader_state_words(state: str) -> str:
    table = {
        "opening": _t("opening"),
        "ready": _t("ready"),
        "error": _t("not available"),
        "closed": _t("closed"),
    }
    return table.get(state, state)
