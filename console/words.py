"""People's words for the stable codes that services and nfc return.

Services speak in reason codes and English; every word a person reads here
goes through Qt's translations. The tables are built on each call, so they
follow the language installed at that moment.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication

from memberdesk.services.permissions import Action, PermissionDenied, Role
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
            "Words", "Forged or damaged card or code: the signature does not verify"
        ),
        Reason.UID_MISMATCH: translate(
            "Words", "Copied card: the data belongs to another chip"
        ),
        Reason.UNKNOWN_CARD: translate("Words", "Card not known to this station"),
        Reason.CARD_NOT_ACTIVE: translate(
            "Words", "Card not finished at the card desk"
        ),
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
        Reason.OVERRIDDEN: translate("Words", "Admitted by a supervisor"),
        Reason.EXITED: translate("Words", "Exit recorded"),
        Reason.NOT_INSIDE: translate("Words", "Not inside: no exit to record"),
        Reason.NO_EVENT: translate("Words", "Choose an event first (nothing recorded)"),
        Reason.REENTRY_NOT_ALLOWED: translate(
            "Words", "Re-entry is not allowed at this event"
        ),
        Reason.WINDOW_NOT_SET: translate(
            "Words", "This event has no door opening hours yet"
        ),
        Reason.MEMBER_YEARLY_CAP: translate(
            "Words", "This member has used this year's events of this kind"
        ),
        Reason.KIND_YEARLY_CAP: translate(
            "Words", "This year's places for events of this kind are taken"
        ),
        Reason.MALFORMED_QR: translate("Words", "QR code not read in full: scan again"),
        Reason.QR_EXPIRED: translate("Words", "Member QR code expired"),
        Reason.REVOKED_QR: translate("Words", "Member QR code revoked"),
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


def sync_words(status: str, waiting: int) -> tuple[str, str]:
    """The status bar's sync field: (text, tone), the count always written."""
    count = str(waiting)
    table = {
        "not_configured": (translate("Words", "Sync: not set up · %1 to upload"), ""),
        "connecting": (translate("Words", "Sync: connecting · %1 to upload"), ""),
        "online": (translate("Words", "Online · %1 to upload"), "ok"),
        "offline": (translate("Words", "Offline · %1 to upload"), "warn"),
        "needs_attention": (
            translate("Words", "Sync stopped · %1 to upload"),
            "error",
        ),
    }
    text, tone = table.get(status, (status + " · %1", ""))
    return text.replace("%1", count), tone


def sync_problem_words(problem: str) -> str:
    """Why the sync is offline or stopped, for a tooltip and the door."""
    table = {
        "unreachable": translate("Words", "The membership API cannot be reached."),
        "server": translate("Words", "The membership API is failing."),
        "rate_limited": translate("Words", "The membership API asks to wait."),
        "malformed": translate(
            "Words",
            "The membership API sent something unreadable; nothing of it was kept.",
        ),
        "unauthorized": translate(
            "Words",
            "The membership API refuses this station's token: "
            "an admin must set it again.",
        ),
        "refused": translate("Words", "The membership API refused a request."),
        "setup": translate("Words", "The sync is not set up completely."),
        "internal": translate("Words", "The sync failed; the details are in the log."),
    }
    return table.get(problem, "")


def role_name(role: Role | str) -> str:
    table = {
        Role.ADMIN: translate("Words", "Admin"),
        Role.OPERATOR: translate("Words", "Operator"),
        Role.ISSUER: translate("Words", "Card issuer"),
        Role.DOOR: translate("Words", "Door"),
    }
    try:
        return table[Role(role)]
    except ValueError:
        return str(role)


def action_phrase(action: Action) -> str:
    """What a role may or may not do, as the end of "… may not %1"."""
    table = {
        Action.MANAGE_STAFF: translate("Words", "manage staff"),
        Action.MANAGE_KEYS: translate("Words", "manage card keys"),
        Action.EXPORT_KEY_BUNDLE: translate("Words", "export the key bundle"),
        Action.IMPORT_KEY_BUNDLE: translate("Words", "import a key bundle"),
        Action.CONFIGURE_PROGRAMME: translate(
            "Words", "change tiers, benefits and experiments"
        ),
        Action.MANAGE_EVENTS: translate("Words", "manage events"),
        Action.ISSUE_CARDS: translate("Words", "issue cards"),
        Action.CHECK_IN: translate("Words", "check members in"),
        Action.ANNUL_CHECKIN: translate("Words", "annul a check-in"),
        Action.OVERRIDE_REFUSAL: translate("Words", "override a refusal at the door"),
        Action.VIEW_AUDIT: translate("Words", "view the audit log"),
        Action.VERIFY_AUDIT: translate("Words", "verify the audit log"),
        Action.VIEW_FULL_PHONE: translate("Words", "see full phone numbers"),
        Action.SEED_DEMO: translate("Words", "fill a database with the demo"),
    }
    return table.get(action, action.phrase)


def permission_words(exc: PermissionError) -> str:
    """A refusal by role, or an account changed behind this console's back."""
    if isinstance(exc, PermissionDenied):
        return (
            translate("Words", "The %1 role may not %2.")
            .replace("%1", role_name(exc.role))
            .replace("%2", action_phrase(exc.action))
        )
    return translate(
        "Words",
        "Your account may no longer do this: it was disabled or its role "
        "changed. Sign in again.",
    )


def wait_words(seconds: int) -> str:
    """A countdown: "45 s", "2 min 30 s"."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return translate("Words", "%1 s").replace("%1", str(seconds))
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return translate("Words", "%1 min").replace("%1", str(minutes))
    return (
        translate("Words", "%1 min %2 s")
        .replace("%1", str(minutes))
        .replace("%2", str(rest))
    )


def sign_in_refused_words(reason: str, pin: bool = False) -> str:
    """Why a sign-in or an unlock failed; a wait is shown apart, counting."""
    table = {
        "wrong_password": (
            translate("Words", "Wrong PIN.")
            if pin
            else translate("Words", "Wrong login or password.")
        ),
        "disabled": translate(
            "Words", "This account is disabled. Ask an admin to enable it."
        ),
        "throttled": translate("Words", "Too many failed attempts."),
        "no_pin": translate(
            "Words", "This account has no PIN. Unlock with the password."
        ),
    }
    return table.get(reason, translate("Words", "Sign-in refused."))


def sentences(*parts: str) -> str:
    """Sentences one after another: a space in English, none in Chinese."""
    joiner = translate("Words", "%1 %2")
    text = ""
    for part in parts:
        text = part if not text else joiner.replace("%1", text).replace("%2", part)
    return text


def try_again_words(seconds: int) -> str:
    if seconds <= 0:
        return translate("Words", "You can try again now.")
    return translate("Words", "Try again in %1.").replace("%1", wait_words(seconds))


# FIXME: StaffError carries only an English message, no reason code; these
# patterns follow services/staff.py and fall back to the English text.
_STAFF_ERRORS = (
    (r"a password needs at least (\d+) characters", "password_short"),
    (r"a PIN is 4 to 8 digits", "pin_rule"),
    (r"this database already has staff", "has_staff"),
    (r"the login (\S+) is taken", "login_taken"),
    (r"you cannot disable your own account", "own_account"),
    (r"the last active admin cannot be disabled", "last_admin"),
    (r"a login is 2 to 40", "login_rule"),
    (r"a staff member needs a name", "no_name"),
    (r"no staff member with id", "no_staff"),
)


def staff_error_words(message: str) -> str:
    """A staff request the service refused, in the reader's language."""
    table = {
        "password_short": translate(
            "Words", "A password needs at least %1 characters."
        ),
        "pin_rule": translate("Words", "A PIN is 4 to 8 digits."),
        "has_staff": translate(
            "Words", "This database already has staff. Sign in instead."
        ),
        "login_taken": translate("Words", "The login %1 is already taken."),
        "own_account": translate("Words", "You cannot disable your own account."),
        "last_admin": translate("Words", "The last active admin cannot be disabled."),
        "login_rule": login_rule_words(),
        "no_name": translate("Words", "Enter the staff member's name."),
        "no_staff": translate("Words", "This staff member no longer exists."),
    }
    for pattern, code in _STAFF_ERRORS:
        match = re.search(pattern, message)
        if match:
            text = table[code]
            return text.replace("%1", match.group(1)) if match.groups() else text
    log.debug("no words for the staff error %r", message)
    return message


def login_rule_words() -> str:
    return translate(
        "Words",
        "A login is 2 to 40 lower-case letters, digits, dots, dashes or underscores.",
    )


def password_rule_words(minimum: int) -> str:
    return translate("Words", "A password needs at least %1 characters.").replace(
        "%1", str(minimum)
    )


def audit_action_words(code: str) -> str:
    table = {
        "first_admin": translate("Words", "first admin created"),
        "sign_in": translate("Words", "signed in"),
        "sign_in_failed": translate("Words", "sign-in failed"),
        "sign_in_refused": translate("Words", "sign-in refused"),
        "pin_unlock": translate("Words", "unlocked with PIN"),
        "pin_unlock_failed": translate("Words", "PIN unlock failed"),
        "pin_unlock_refused": translate("Words", "PIN unlock refused"),
        "staff_created": translate("Words", "staff created"),
        "staff_disabled": translate("Words", "staff disabled"),
        "staff_enabled": translate("Words", "staff enabled"),
        "password_reset": translate("Words", "password reset"),
        "pin_set": translate("Words", "PIN set"),
        "pin_removed": translate("Words", "PIN removed"),
        "card_opened": translate("Words", "card job opened"),
        "card_encoded": translate("Words", "card encoded"),
        "card_overwritten": translate("Words", "card overwritten"),
        "card_revoked": translate("Words", "card revoked"),
        "card_reissued": translate("Words", "card reissued"),
        "card_found": translate("Words", "card found"),
        "card_recycled": translate("Words", "card recycled"),
        "card_batch_created": translate("Words", "card batch created"),
        "card_batch_skip": translate("Words", "card batch item skipped"),
        "card_batch_retry": translate("Words", "card batch item retried"),
        "card_originality_decided": translate("Words", "chip originality decided"),
        "checkin": translate("Words", "check-in"),
        "keys_created": translate("Words", "keys created"),
        "signing_key_rotated": translate("Words", "signing key rotated"),
        "signing_key_retired": translate("Words", "signing key retired"),
        "key_bundle_exported": translate("Words", "key bundle exported"),
        "key_bundle_imported": translate("Words", "key bundle imported"),
        "setting_changed": translate("Words", "setting changed"),
        "checkin_annulled": translate("Words", "check-in undone"),
        "checkin_override": translate("Words", "admitted by a supervisor"),
        "event_created": translate("Words", "event created"),
        "event_changed": translate("Words", "event changed"),
        "event_copied": translate("Words", "event copied"),
        "event_cancelled": translate("Words", "event cancelled"),
        "registrations_imported": translate("Words", "registrations imported"),
        "member_qr_issued": translate("Words", "member QR code issued"),
        "member_qr_revoked": translate("Words", "member QR code revoked"),
    }
    return table.get(code, code)


def audit_entity_words(code: str) -> str:
    table = {
        "staff": translate("Words", "staff"),
        "card": translate("Words", "card"),
        "chip": translate("Words", "chip"),
        "checkin": translate("Words", "check-in"),
        "signing_key": translate("Words", "signing key"),
        "key_bundle": translate("Words", "key bundle"),
        "setting": translate("Words", "setting"),
        "event": translate("Words", "event"),
        "member": translate("Words", "member"),
    }
    return table.get(code, code)
