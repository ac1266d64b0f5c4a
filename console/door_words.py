"""People's words for the door, the events and the registration lists.

The event and registration services say what is wrong in English, keyed by
field or by a reason code; these tables put it in the reader's language.
Where a service gives only an English sentence, a few patterns pick the
words, and anything new falls back to the English rather than to nothing.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication

from memberdesk.services.event_admin import MAX_CAPACITY, MAX_NAME

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


def door_action_refused_words(reason: str) -> str:
    """Why an undo or an override did not happen."""
    table = {
        "unknown_checkin": translate(
            "DoorWords", "This check-in is not on this station."
        ),
        "already_annulled": translate("DoorWords", "This check-in is undone already."),
        "not_annullable": translate(
            "DoorWords", "A refusal let nobody in: there is nothing to undo."
        ),
        "not_a_refusal": translate(
            "DoorWords", "Only a refused entry can be admitted over."
        ),
        "never_overridden": translate(
            "DoorWords",
            "This refusal can never be overridden: the card or code is not "
            "trusted, or there is nobody to admit.",
        ),
        "already_overridden": translate(
            "DoorWords", "This refusal was overridden already."
        ),
        "already_inside": translate(
            "DoorWords",
            "The member is counted inside already. If that entry was a mistake, "
            "undo it first.",
        ),
        "reason_required": translate(
            "DoorWords", "Say why, in a few words (at most 200 characters)."
        ),
        "no_supervisor": translate(
            "DoorWords", "This needs a supervisor's PIN or password."
        ),
    }
    return table.get(reason, translate("DoorWords", "The door refused this change."))


def kind_name(kind: str) -> str:
    table = {
        "vip_salon": translate("DoorWords", "VIP salon"),
        "popup": translate("DoorWords", "Pop-up store"),
        "hq_visit": translate("DoorWords", "Headquarters visit"),
        "member_day": translate("DoorWords", "Member day"),
        "workshop": translate("DoorWords", "Workshop"),
    }
    return table.get(kind, kind)


def source_words(source: str) -> str:
    table = {
        "card": translate("DoorWords", "card"),
        "qr": translate("DoorWords", "QR code"),
    }
    return table.get(source, source)


def clock_set_back_words(seconds: int) -> str:
    """The warning when the station clock jumped back."""
    minutes = max(1, round(seconds / 60))
    return translate(
        "DoorWords",
        "The station clock was set back by about %1 min. Check-ins keep their "
        "order; ask a supervisor to check the clock.",
    ).replace("%1", str(minutes))


# (field, a piece of the service's English, the code of our words)
_EVENT_PROBLEMS = (
    ("name", "needs a name", "no_name"),
    ("name", "longer than", "name_long"),
    ("venue", "longer than", "venue_long"),
    ("kind", "kind is one of", "kind"),
    ("", "has no time zone", "no_zone"),
    ("ends_at", "end after it starts", "end_before_start"),
    ("", "both an opening and a closing", "window_half"),
    ("doors_close_at", "close after they open", "close_before_open"),
    ("doors_open_at", "must overlap the event", "window_outside"),
    ("capacity", "capacity is from", "capacity"),
    ("eligible_tiers", "at least one tier", "no_tier"),
    ("eligible_tiers", "no tier", "unknown_tier"),
    ("", "is from 1 to", "cap"),
    ("reason", "say why", "cancel_reason"),
)


def event_problem_words(field: str, message: str) -> str:
    """What is wrong with one field of an event form."""
    table = {
        "no_name": translate("DoorWords", "The event needs a name."),
        "name_long": translate(
            "DoorWords", "The name is longer than %1 characters."
        ).replace("%1", str(MAX_NAME)),
        "venue_long": translate(
            "DoorWords", "The venue is longer than 120 characters."
        ),
        "kind": translate("DoorWords", "Choose the kind of event."),
        "no_zone": translate("DoorWords", "This time has no time zone."),
        "end_before_start": translate(
            "DoorWords", "The event must end after it starts."
        ),
        "window_half": translate(
            "DoorWords", "The door opening hours need an opening and a closing time."
        ),
        "close_before_open": translate(
            "DoorWords", "The doors must close after they open."
        ),
        "window_outside": translate(
            "DoorWords", "The door opening hours must overlap the event."
        ),
        "capacity": translate(
            "DoorWords", "Capacity is from 1 to %1, or no limit."
        ).replace("%1", str(MAX_CAPACITY)),
        "no_tier": translate("DoorWords", "Choose at least one eligible tier."),
        "unknown_tier": translate("DoorWords", "One of the tiers is not known."),
        "cap": translate("DoorWords", "A yearly cap is from 1 to %1, or none.").replace(
            "%1", str(MAX_CAPACITY)
        ),
        "cancel_reason": translate("DoorWords", "Say why the event is cancelled."),
    }
    for where, piece, code in _EVENT_PROBLEMS:
        if (not where or where == field) and piece in message:
            return table[code]
    log.debug("no words for the event problem %r on %s", message, field)
    return message


_CHANGE_REFUSALS = (
    ("cancelled event cannot be changed", "cancelled"),
    ("cancelled already", "cancelled_already"),
    ("kind of an event that has admitted", "kind_counted"),
    ("another year", "year_counted"),
    ("capacity cannot go below", "capacity_counted"),
)


def event_change_refused_words(message: str) -> str:
    """Why an event cannot be changed the way the form asks."""
    table = {
        "cancelled": translate(
            "DoorWords", "A cancelled event cannot be changed; copy it instead."
        ),
        "cancelled_already": translate("DoorWords", "The event is cancelled already."),
        "kind_counted": translate(
            "DoorWords",
            "Members were admitted to this event: its kind can no longer change.",
        ),
        "year_counted": translate(
            "DoorWords",
            "Members were admitted to this event and count in this year's caps: "
            "it cannot move to another year.",
        ),
        "capacity_counted": translate(
            "DoorWords", "Capacity cannot go below the members admitted already."
        ),
    }
    for piece, code in _CHANGE_REFUSALS:
        if piece in message:
            return table[code]
    log.debug("no words for the event refusal %r", message)
    return message


def import_refused_words(message: str) -> str:
    """Why a whole registration file was refused."""
    if "cancelled" in message:
        return translate(
            "DoorWords", "The event is cancelled: registrations are closed."
        )
    if "UTF-8" in message:
        return translate("DoorWords", "The file is neither UTF-8 nor GB18030 text.")
    match = re.search(r"more than (\d+) rows", message)
    if match:
        return translate(
            "DoorWords", "The file has more than %1 rows; split it."
        ).replace("%1", match.group(1))
    log.debug("no words for the import refusal %r", message)
    return message


_MALFORMED = (
    ("is not a number", "id_not_number"),
    ("not a mainland mobile", "bad_phone"),
    ("is not digits", "card_not_digits"),
    ("names no member", "names_nobody"),
    ("note is longer", "note_long"),
    ("more cells", "too_many_cells"),
    ("more than two cells", "too_many_cells"),
)


def bad_row_words(reason: str, message: str = "") -> str:
    """Why one row of a registration list was left out."""
    if reason == "malformed":
        return _malformed_words(message)
    table = {
        "unknown_member": translate("DoorWords", "No member has this id."),
        "unknown_phone": translate("DoorWords", "No member has this phone number."),
        "unknown_card": translate("DoorWords", "No card has this number."),
        "ambiguous_phone": translate(
            "DoorWords", "Several members share this phone number."
        ),
        "conflict": translate(
            "DoorWords", "The member id, phone and card number name different members."
        ),
        "duplicate_row": translate("DoorWords", "The same member as an earlier line."),
        "tier_not_eligible": translate(
            "DoorWords", "The member's tier is not eligible for this event."
        ),
        "already_registered": translate(
            "DoorWords", "The member is registered already."
        ),
    }
    return table.get(reason, reason)


def _malformed_words(message: str) -> str:
    table = {
        "id_not_number": translate("DoorWords", "The member id is not a number."),
        "bad_phone": translate(
            "DoorWords", "The phone is not a mainland mobile number."
        ),
        "card_not_digits": translate("DoorWords", "The card number is not digits."),
        "names_nobody": translate(
            "DoorWords", "The row names no member id, phone or card number."
        ),
        "note_long": translate("DoorWords", "The note is longer than 200 characters."),
        "too_many_cells": translate(
            "DoorWords",
            "The row has more cells than the header, or than a row without one.",
        ),
    }
    for piece, code in _MALFORMED:
        if piece in message:
            return table[code]
    return translate("DoorWords", "The row cannot be read.")


def damaged_database_words(path: str, detail: str, command: str) -> str:
    """The start-up message for a station database that fails its check."""
    return (
        translate(
            "DoorWords",
            "The station database %1 is damaged (%2), so memberdesk did not "
            "open it.\n\nCheck-ins not yet uploaded are safe in the station's "
            "check-in journal beside it. Recover them into a new database with:"
            "\n\n%3",
        )
        .replace("%1", path)
        .replace("%2", detail)
        .replace("%3", command)
    )
