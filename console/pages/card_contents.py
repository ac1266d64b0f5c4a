"""What a virtual card file holds, in words: for the demo's card tray.

The tray shows each file with its contents, read from the file itself: a
blank chip, a member card (whose, which issue, and whether it still counts),
or something else.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console.pages import card_words
from memberdesk.nfc.cardmessage import decode_message
from memberdesk.nfc.memory import parse_area
from memberdesk.nfc.sim.image import ImageFormatError, load_image
from memberdesk.services.cardformat import CardFormatError, card_code
from memberdesk.services.cards import CardDesk
from memberdesk.services.models import Card, Member

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate


def card_contents(path: Path, desk: CardDesk, sessions: sessionmaker[Session]) -> str:
    """ "blank", "card 10000001 of 李力", "other data" … for one card file."""
    try:
        image = load_image(path)
    except (ImageFormatError, OSError) as exc:
        log.debug("card file %s not read: %s", path.name, exc)
        return translate("CardContents", "not a card file")
    area = parse_area(bytes(image.pages))
    if area.message is None:
        return translate("CardContents", "other data (no NDEF message)")
    if not area.message:
        return translate("CardContents", "blank")
    try:
        payload = decode_message(area.message, desk.domain).payload
    except CardFormatError:
        return translate("CardContents", "other data")
    with sessions() as s:
        member = s.get(Member, payload.member_id)
        status = s.scalar(
            select(Card.status).where(
                Card.card_number == payload.card_number,
                Card.issue_number == payload.issue_number,
            )
        )
    name = member.name if member is not None else f"#{payload.member_id}"
    text = (
        translate("CardContents", "card %1 of %2")
        .replace("%1", card_code(payload.card_number))
        .replace("%2", name)
    )
    if payload.issue_number > 1:
        text += translate("CardContents", ", issue %1").replace(
            "%1", str(payload.issue_number)
        )
    if status and status != "active":
        text += f" ({card_words.card_status_words(status)})"
    return text
