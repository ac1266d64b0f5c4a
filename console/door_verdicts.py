"""What the door's verdict panel says for each kind of outcome.

Green admits (or records an exit), red refuses, amber is a refusal that a
supervisor may admit over; blue-grey is nothing decided yet (tap or scan
again, choose an event). The headline and the reason are always written
out, so the colour never carries the verdict alone.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from memberdesk.console import words
from memberdesk.console.forms import refusal_words
from memberdesk.services.checkin import Verdict
from memberdesk.services.reasons import Reason
from memberdesk.widgets import verdict as panel
from memberdesk.widgets.tier_badge import TierLook
from memberdesk.widgets.verdict import VerdictPanel

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


def asks_supervisor(verdict: Verdict) -> bool:
    """Amber at the desk: a refusal a supervisor may admit over.

    A duplicate is overridable in the rules, but the member is counted
    inside already and the override would be refused: red says it better.
    """
    return verdict.overridable and verdict.reason != Reason.DUPLICATE


def show_decided(view: VerdictPanel, verdict: Verdict, look: TierLook | None) -> None:
    reason = words.reason_words(verdict.reason)
    name = verdict.member_name
    if verdict.ok:
        headline = (
            translate("DoorVerdicts", "EXIT")
            if verdict.direction == "out"
            else translate("DoorPage", "ADMIT")
        )
        view.show_verdict(panel.ADMIT, headline, reason, name, look)
    elif verdict.reason == Reason.READ_FAILED:
        view.show_verdict(panel.WAIT, translate("DoorPage", "TAP AGAIN"), reason)
    elif verdict.reason == Reason.MALFORMED_QR:
        view.show_verdict(panel.WAIT, translate("DoorVerdicts", "SCAN AGAIN"), reason)
    elif asks_supervisor(verdict):
        view.show_verdict(
            panel.SUPERVISOR,
            translate("DoorVerdicts", "SUPERVISOR NEEDED"),
            reason
            + "\n"
            + translate("DoorVerdicts", "A supervisor may admit over this refusal."),
            name,
            look,
        )
    else:
        view.show_verdict(
            panel.REFUSE, translate("DoorPage", "DO NOT ADMIT"), reason, name, look
        )


def show_no_event(view: VerdictPanel, source: str) -> None:
    if source == "qr":
        hint = translate(
            "DoorVerdicts",
            "This code was not checked in. Choose the event above, then scan the "
            "code again.",
        )
    else:
        hint = translate(
            "DoorPage",
            "This card was not checked in. Choose the event above, "
            "then tap the card again.",
        )
    view.show_verdict(panel.WAIT, translate("DoorPage", "Choose an event first"), hint)


def show_not_decided(view: VerdictPanel, exc: object) -> None:
    """A scan the door could not decide at all: nothing was recorded."""
    if isinstance(exc, PermissionError):
        text = refusal_words(exc)
    else:
        log.error("door scan failed: %r", exc)
        text = translate(
            "DoorVerdicts", "The scan could not be decided; nothing was recorded."
        )
    view.show_verdict(panel.WAIT, translate("DoorVerdicts", "NOT CHECKED IN"), text)


def show_waiting(view: VerdictPanel, event_chosen: bool, direction: str) -> None:
    if not event_chosen:
        view.show_verdict(
            panel.IDLE,
            translate("DoorPage", "Choose an event"),
            translate(
                "DoorVerdicts", "Taps and scans are checked in once an event is chosen."
            ),
        )
    elif direction == "out":
        view.show_verdict(
            panel.IDLE,
            translate("DoorVerdicts", "Exit: tap a card or scan a code"),
            translate(
                "DoorVerdicts", "Members leaving tap their card or show their code."
            ),
        )
    else:
        view.show_verdict(
            panel.IDLE,
            translate("DoorVerdicts", "Tap a card or scan a code"),
            translate(
                "DoorVerdicts",
                "Members tap their card on the reader or show their code.",
            ),
        )
