"""The card room's words for the codes that services and nfc return.

Batches, card lifecycles, recycling, card faces and reader findings each come
with stable codes and English details; a person reads these words instead.
The tables are built on each call, so they follow the installed language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from memberdesk.console import words

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


def item_state_words(state: str) -> str:
    """A batch item's state."""
    table = {
        "waiting": translate("CardWords", "waiting"),
        "working": translate("CardWords", "on the reader"),
        "resumable": translate("CardWords", "interrupted"),
        "done": translate("CardWords", "done"),
        "failed": translate("CardWords", "failed"),
        "skipped": translate("CardWords", "skipped"),
    }
    return table.get(state, state)


def item_reason_words(reason: str | None) -> str:
    """Why a batch item is where it is; encoder refusals use their own words."""
    if not reason:
        return ""
    table = {
        "not_diamond": translate("CardWords", "Not a diamond member: no card."),
        "unknown_member": words.issue_refused_words("unknown_member"),
        "already_has_card": words.issue_refused_words("already_has_card"),
        "skipped": translate("CardWords", "Skipped by the issuer."),
        "paused": translate("CardWords", "Paused before a card came."),
        "crashed": translate("CardWords", "The console stopped mid-card."),
        "reader_lost": translate("CardWords", "The reader was lost."),
        "originality_refused": translate(
            "CardWords", "An admin refused the chip: needs another card."
        ),
        "bad_card_file": translate("CardWords", "The card file cannot be used."),
    }
    if reason in table:
        return table[reason]
    return words.encode_refused_words(reason)


def batch_status_words(status: str) -> str:
    table = {
        "open": translate("CardWords", "open"),
        "paused": translate("CardWords", "paused"),
        "done": translate("CardWords", "finished"),
        "running": translate("CardWords", "taking cards"),
    }
    return table.get(status, status)


def millis_words(millis: int | None) -> str:
    """How long a card took: "85 ms", "1.4 s"; a dash when unknown."""
    if millis is None:
        return "—"
    if millis < 1000:
        return translate("CardWords", "%1 ms").replace("%1", str(millis))
    return translate("CardWords", "%1 s").replace("%1", f"{millis / 1000:.1f}")


def life_reason_words(reason: str) -> str:
    """Why a card is revoked or reissued (services.cardlife.REASONS)."""
    table = {
        "lost": translate("CardWords", "lost"),
        "damaged": translate("CardWords", "damaged"),
        "stolen": translate("CardWords", "stolen"),
        "left_programme": translate("CardWords", "left the programme"),
        "other": translate("CardWords", "other"),
    }
    return table.get(reason, reason)


def card_status_words(status: str) -> str:
    table = {
        "encoding": translate("CardWords", "waiting to be encoded"),
        "active": translate("CardWords", "active"),
        "revoked": translate("CardWords", "revoked"),
        "failed": translate("CardWords", "cancelled"),
    }
    return table.get(status, status)


def journal_step_words(step: str) -> str:
    """A journal step; the encoder's steps read as on the issuance checklist."""
    table = {
        "opened": translate("CardWords", "card job opened"),
        "interrupted": translate("CardWords", "interrupted"),
        "done": translate("CardWords", "encoded"),
        "revoked": translate("CardWords", "revoked"),
        "found": translate("CardWords", "found"),
        "cancelled": translate("CardWords", "cancelled"),
        "overwritten": translate("CardWords", "chip overwritten"),
        "recycle_opened": translate("CardWords", "recycling: chip opened"),
        "recycle_blanked": translate("CardWords", "recycling: message blanked"),
        "recycle_unkeyed": translate("CardWords", "recycling: password removed"),
        "recycle_interrupted": translate("CardWords", "recycling interrupted"),
        "recycled": translate("CardWords", "recycled: blank chip"),
    }
    return table.get(step) or words.step_words(step)


def audit_action_words(code: str) -> str:
    """The card room's audit actions; the rest as the audit page says them."""
    table = {
        "card_batch_created": translate("CardWords", "card batch created"),
        "card_batch_skip": translate("CardWords", "batch member skipped"),
        "card_batch_retry": translate("CardWords", "batch member retried"),
        "card_originality_decided": translate("CardWords", "chip originality decided"),
        "card_reissued": translate("CardWords", "card reissued"),
        "card_revoked": translate("CardWords", "card revoked"),
        "card_found": translate("CardWords", "card found"),
        "card_recycled": translate("CardWords", "chip recycled"),
        "card_face_printed": translate("CardWords", "card face printed"),
    }
    return table.get(code) or words.audit_action_words(code)


def life_refused_words(reason: str) -> str:
    """Why a reissue, revoke, found, recycle or face was refused."""
    table = {
        "unknown_member": words.issue_refused_words("unknown_member"),
        "no_card": translate(
            "CardWords", "This member has never had a card: issue a first card."
        ),
        "reissue_pending": translate(
            "CardWords", "A reissued card is already waiting to be encoded."
        ),
        "no_revoked_card": translate("CardWords", "This member has no revoked card."),
        "no_active_card": translate("CardWords", "This member holds no active card."),
        "card_in_use": translate(
            "CardWords", "This chip is still an active card: revoke it first."
        ),
        "unknown_card": translate(
            "CardWords",
            "No card of this programme was ever on this chip; it is left as it is.",
        ),
        "bad_reason": translate("CardWords", "Choose a reason."),
        "not_allowed": translate("CardWords", "Your role may not do this."),
    }
    if reason in table:
        return table[reason]
    return words.encode_refused_words(reason)


def found_words(outcome: str) -> str:
    table = {
        "reinstated": translate(
            "CardWords", "The card is active again; the waiting reissue is cancelled."
        ),
        "noted": translate(
            "CardWords", "Noted. A newer card is out, so recycle the found one."
        ),
    }
    return table.get(outcome, outcome)


def finding_words(code: str) -> tuple[str, str]:
    """A reader finding: (the problem, the fix), in words."""
    table = {
        "ready": (translate("CardWords", "Ready."), ""),
        "no_libusb": (
            translate("CardWords", "The libusb-1.0 library is not installed."),
            translate("CardWords", "Install libusb-1.0, then check again."),
        ),
        "no_reader": (
            translate("CardWords", "No reader that this console drives is plugged in."),
            translate(
                "CardWords",
                "Plug in a Sony RC-S380, a PN533 board, an SCL3711 or an "
                "ACR122U (firmware 2.x).",
            ),
        ),
        "no_permission": (
            translate("CardWords", "This account may not use the reader."),
            translate("CardWords", "Add a udev rule for the reader, then replug it."),
        ),
        "kernel_module": (
            translate("CardWords", "A kernel module holds the reader."),
            translate(
                "CardWords", "Unload and blacklist the module, then replug the reader."
            ),
        ),
        "pcscd": (
            translate("CardWords", "The smart-card service pcscd holds the reader."),
            translate("CardWords", "Stop pcscd, then check again."),
        ),
        "acr122_firmware": (
            translate(
                "CardWords", "This ACR122U's firmware cannot be driven (2.x needed)."
            ),
            translate(
                "CardWords", "Use an ACR122U with firmware 2.x, or another reader."
            ),
        ),
        "replug": (
            translate("CardWords", "The reader did not answer as expected."),
            translate(
                "CardWords", "Unplug it, wait a few seconds and plug it in again."
            ),
        ),
    }
    return table.get(
        code,
        (
            translate("CardWords", "The reader could not be opened."),
            translate("CardWords", "See the details below."),
        ),
    )
