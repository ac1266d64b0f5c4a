"""The question before a card in use is overwritten, in the reader's words.

The encoder asks with a question code and an English sentence. The facts
behind it (which card, whose) are looked up again on the reader thread, where
the question is asked, so the dialog and the refusal that may follow speak in
translated words built from the card number and the member's name; the
English stays behind "Show Details" for support.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.nfc.encoder import FOREIGN, OTHER_MEMBER
from memberdesk.services.cardformat import card_code
from memberdesk.services.cards import CardDesk
from memberdesk.services.models import Member

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate

# The encoder's sentence when the chip holds a card the database does not
# hold as active: "the chip holds card 10000001 of member 7".
_DECODED = re.compile(r"card (\d+) of member (\d+)")


@dataclass(frozen=True)
class Overwrite:
    """What a confirm question is about, as facts."""

    question: str
    english: str
    card_number: int | None = None
    member_id: int | None = None
    member_name: str | None = None


def overwrite_facts(
    desk: CardDesk,
    sessions: sessionmaker[Session],
    uid: bytes,
    besides: object,
    question: str,
    english: str,
) -> Overwrite:
    """The facts behind the encoder's question; runs on the reader thread."""
    if question != OTHER_MEMBER:
        return Overwrite(question, english)
    owner = desk.owner_of(uid, besides=besides)  # type: ignore[arg-type]
    if owner is not None:
        return Overwrite(
            question, english, owner.card_number, owner.member_id, owner.member_name
        )
    match = _DECODED.search(english)
    if match is None:
        return Overwrite(question, english)
    number, member_id = int(match.group(1)), int(match.group(2))
    with sessions() as s:
        member = s.get(Member, member_id)
        name = member.name if member is not None else None
    return Overwrite(question, english, number, member_id, name)


def overwrite_words(facts: Overwrite | None) -> str:
    """One translated line: whose card it is, or that it holds other data."""
    if facts is None:
        return ""
    if facts.question == FOREIGN:
        return translate(
            "Overwrite", "The card holds data that is not a member card of ours."
        )
    if facts.card_number is None:
        return translate("Overwrite", "The card belongs to another member.")
    if facts.member_name:
        return (
            translate("Overwrite", "It is card %1 of %2.")
            .replace("%1", card_code(facts.card_number))
            .replace("%2", facts.member_name)
        )
    return (
        translate("Overwrite", "It is card %1 of member #%2.")
        .replace("%1", card_code(facts.card_number))
        .replace("%2", str(facts.member_id))
    )


def ask_overwrite(
    parent: QWidget,
    question: str,
    facts: Overwrite | None,
    english: str,
    answer: Callable[[bool], None],
) -> QMessageBox:
    """Open (not exec) the question; `answer` gets yes or no when it closes."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Overwrite", "Overwrite this card?"),
        words.confirm_question(question),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("overwriteQuestion")
    box.setInformativeText(overwrite_words(facts))
    # The encoder's own sentence, in English, for support.
    box.setDetailedText(english)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(lambda code: answer(code == QMessageBox.StandardButton.Yes))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # open(), not exec(): no nested event loop while the reader waits.
    box.open()
    return box
