"""The card room's lost-and-returned tab: find a member's card, recycle a chip.

A member's card opens the lifecycle dialog (reissue, revoke, found, history).
Recycling waits for one handed-back card on the reader and wipes it on the
reader thread (nfc.recycle), so the chip can carry another card.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.card_life_dialog import CardLifeDialog, attach_card_menu
from memberdesk.console.forms import set_tone
from memberdesk.console.pages import card_words
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.nfc.encoder import EncodeRefused
from memberdesk.nfc.ntag import NtagLink
from memberdesk.nfc.recycle import Recycler, RecycleResult
from memberdesk.services.cardformat import card_code
from memberdesk.services.cardlife import CardLife, CardLifeRefused
from memberdesk.services.cards import CardDesk
from memberdesk.services.members import MemberRow, count_members, search_members
from memberdesk.services.permissions import Actor
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)


class LifePanel(QWidget):
    """Members' cards (lost, found, reissued) and recycling handed-back chips."""

    #: The lifecycle dialog opened for a member; carries the dialog.
    dialog_opened = Signal(object)
    #: A chip was recycled; carries the RecycleResult.
    recycled = Signal(object)
    #: Recycling stopped without a blank chip; carries the reason code.
    recycle_failed = Signal(str)
    #: A card changed (reissued, revoked, found); carries the member id.
    card_changed = Signal(int)
    #: "Encode the new card" was pressed in the dialog; carries the member id.
    encode_member = Signal(int)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        desk: CardDesk,
        life: CardLife,
        bridge: ReaderBridge,
        tiers: Mapping[str, TierLook],
        actor: Callable[[], Actor | None] = lambda: None,
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lifePanel")
        self._sessions = sessions
        self._desk = desk
        self._life = life
        self._bridge = bridge
        self._actor = actor
        self._zone = zone
        self._shown = False
        self._waiting = False
        self.model = MemberTableModel(self._fetch, self._count, tiers, parent=self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Find a member: name, phone tail, card number or #id")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a member's card"))
        self.search.returnPressed.connect(self.find)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.clicked.connect(self.find)
        self.table = member_table.member_view(self.model, "lifeMembers", self)
        for column in (member_table.JOINED, member_table.SPEND):
            self.table.hideColumn(column)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        attach_card_menu(self.table, self._member_id_at, self.open_card)
        self.card_button = QPushButton(self.tr("Card…"), self)
        self.card_button.setToolTip(
            self.tr("The member's card and its history (Ctrl+K)")
        )
        self.card_button.clicked.connect(self.open_selected)

        self.recycle_button = QPushButton(self.tr("Recycle a handed-back card"), self)
        self.recycle_button.clicked.connect(self.start_recycling)
        self.stop_button = QPushButton(self.tr("Stop waiting"), self)
        self.stop_button.clicked.connect(self.stop_recycling)
        self.recycle_prompt = QLabel(self)
        self.recycle_prompt.setObjectName("issuePrompt")
        self.recycle_prompt.setWordWrap(True)
        self.recycle_message = QLabel(self)
        self.recycle_message.setObjectName("issueMessage")
        self.recycle_message.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.find_button)
        bar.addWidget(self.card_button)
        cards = QVBoxLayout()
        cards.addLayout(bar)
        cards.addWidget(self.table, 1)
        recycle = QGroupBox(self.tr("Recycle"), self)
        box = QVBoxLayout(recycle)
        box.addWidget(
            QLabel(
                self.tr(
                    "A card handed back, or found after a newer issue was encoded, "
                    "is wiped here: the password removed and the message blanked, "
                    "so the chip can carry another card."
                ),
                recycle,
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.recycle_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(self.recycle_prompt)
        box.addWidget(self.recycle_message)
        box.addStretch(1)
        for label in recycle.findChildren(QLabel):
            label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addLayout(cards, 3)
        layout.addWidget(recycle, 2)
        self.setFocusProxy(self.search)

        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        self._say("")
        self._update_buttons()

    # -- shown and hidden --------------------------------------------------------

    def panel_shown(self) -> None:
        self._shown = True
        if self.model.rowCount() == 0:
            self.find()
        if self._waiting:
            self._install_handler()

    def panel_hidden(self) -> None:
        self._shown = False
        self._bridge.clear_handler(self)

    # -- members' cards ------------------------------------------------------------

    def find(self) -> None:
        self.model.set_query(MemberQuery(self.search.text().strip(), "diamond"))

    def _fetch(
        self, query: MemberQuery, limit: int, offset: int
    ) -> Sequence[MemberRow]:
        with self._sessions() as s:
            return search_members(s, query.text, query.tier, limit, offset)

    def _count(self, query: MemberQuery) -> int:
        with self._sessions() as s:
            return count_members(s, query.text, query.tier)

    def _member_id_at(self, row: int) -> int | None:
        member = self.model.row_at(row)
        return member.id if member is not None else None

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_card(self._member_id_at(rows[0].row()))

    def open_card(self, member_id: int | None) -> CardLifeDialog | None:
        """The lifecycle dialog for a member, opened (not exec'd)."""
        if member_id is None:
            return None
        dialog = CardLifeDialog(self._life, member_id, self._actor, self._zone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _code: self._card_changed(member_id))
        dialog.encode_requested.connect(dialog.accept)
        dialog.encode_requested.connect(self.encode_member)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _card_changed(self, member_id: int) -> None:
        self.model.reload()
        self.card_changed.emit(member_id)

    # -- recycling -----------------------------------------------------------------

    def start_recycling(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        self._waiting = True
        self._say("")
        self.recycle_prompt.setText(self.tr("Tap the handed-back card on the reader."))
        self._install_handler()
        self._update_buttons()

    def stop_recycling(self) -> None:
        self._waiting = False
        self._bridge.clear_handler(self)
        self.recycle_prompt.clear()
        self._update_buttons()

    def _install_handler(self) -> None:
        if not self._shown:
            return
        recycler = Recycler(self._life, self._actor(), self._desk.passwords_to_try)
        self._bridge.set_handler(self, lambda tag: recycler.recycle(NtagLink(tag)))

    def _on_handled(self, owner: object, result: object) -> None:
        if owner is not self or not isinstance(result, RecycleResult):
            return
        self.stop_recycling()
        uid = result.uid.hex(" ").upper()
        if result.card_number is None:
            text = self.tr("%1 %2 was already blank.")
        else:
            text = self.tr(
                "%1 %2 is blank and unprotected; it carried card %3. "
                "It can take a new card."
            ).replace("%3", card_code(result.card_number))
        self._say(text.replace("%1", result.chip).replace("%2", uid), tone="ok")
        self.recycled.emit(result)

    def _on_failed(self, owner: object, exc: object) -> None:
        if owner is not self:
            return
        reason = getattr(exc, "reason", "read_failed")
        if isinstance(exc, (EncodeRefused, CardLifeRefused)):
            lead = card_words.life_refused_words(reason)
        else:
            lead = self.tr("The card could not be read.")
        hint = (
            self.tr("Tap the same card again to finish.")
            if reason in words.RESUMABLE
            else self.tr("Take the card off the reader.")
        )
        self._say(f"{lead}\n{hint}", str(exc))
        if reason not in words.RESUMABLE:
            self.stop_recycling()
        self.recycle_failed.emit(reason)

    def _say(self, text: str, detail: str = "", tone: str = "error") -> None:
        self.recycle_message.setText(text)
        self.recycle_message.setToolTip(detail)
        self.recycle_message.setVisible(bool(text))
        set_tone(self.recycle_message, tone)

    def _update_buttons(self) -> None:
        self.recycle_button.setEnabled(not self._waiting)
        self.stop_button.setEnabled(self._waiting)
