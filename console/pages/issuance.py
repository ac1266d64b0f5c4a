"""The card issuance page: pick a diamond member, tap a blank card, watch it.

The encoder runs on the reader thread inside the tap handler; its steps, its
questions and its outcome come back through the reader bridge's signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.nfc.encoder import Encoder, EncodeRefused, EncodeResult
from memberdesk.nfc.ntag import NtagLink
from memberdesk.services.cardformat import card_code
from memberdesk.services.cards import CardDesk, IssueJob, IssueRefused
from memberdesk.services.members import MemberRow, diamond_members_without_card
from memberdesk.services.permissions import Actor
from memberdesk.services.secrets import SecretStoreError
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TierBadgeDelegate, TierLook

log = logging.getLogger(__name__)

# The checklist, in the encoder's order; "opened" and "writing" are shown as
# the current activity instead, since not every card passes through them.
CHECKLIST = ("read", "written", "pwd", "pack", "protected")
STEP_ROLE = Qt.ItemDataRole.UserRole + 4


class CardQueue:
    """Diamond members without a card, filtered by name or id on the station.

    The queue is at most a few hundred members, so the filter runs on the
    rows already loaded.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._rows: list[MemberRow] = []

    def reload(self) -> None:
        with self._sessions() as s:
            self._rows = diamond_members_without_card(s)

    def _matching(self, query: MemberQuery) -> list[MemberRow]:
        text = query.text.strip().lstrip("#").lower()
        if not text:
            return self._rows
        return [
            r
            for r in self._rows
            if text in r.name.lower()
            or text == str(r.id)
            or r.phone_masked.endswith(text)
        ]

    def fetch(self, query: MemberQuery, limit: int, offset: int) -> Sequence[MemberRow]:
        return self._matching(query)[offset : offset + limit]

    def count(self, query: MemberQuery) -> int:
        return len(self._matching(query))


class IssuancePage(QWidget):
    """Encode a diamond member's card on the reader."""

    #: A card was encoded and recorded as active.
    card_encoded = Signal(object)  # EncodeResult
    #: Encoding stopped without a card; carries the reason code.
    encode_failed = Signal(str)
    #: A card job is open and the page waits for a tap; carries the job.
    waiting_for_card = Signal(object)  # IssueJob

    def __init__(
        self,
        sessions: sessionmaker[Session],
        desk: CardDesk,
        bridge: ReaderBridge,
        tiers: Mapping[str, TierLook],
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issuancePage")
        self._desk = desk
        self._actor = actor
        self._bridge = bridge
        self._job: IssueJob | None = None
        self._shown = False
        self._queue = CardQueue(sessions)
        self.model = MemberTableModel(
            self._queue.fetch, self._queue.count, tiers, parent=self
        )

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name, phone tail or #id"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the card queue"))
        self.filter.textChanged.connect(self._filter)

        self.table = QTableView(self)
        self.table.setObjectName("cardQueue")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            member_table.TIER, TierBadgeDelegate(self.table)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in (member_table.JOINED, member_table.SPEND, member_table.CARD):
            self.table.hideColumn(column)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._selection_changed()
        )
        self.table.doubleClicked.connect(lambda _i: self.start_encoding())

        self.encode_button = QPushButton(self.tr("Encode card"), self)
        self.encode_button.setObjectName("encodeButton")
        self.encode_button.clicked.connect(self.start_encoding)
        self.cancel_button = QPushButton(self.tr("Stop waiting"), self)
        self.cancel_button.clicked.connect(self.cancel)

        self.prompt = QLabel(self)
        self.prompt.setObjectName("issuePrompt")
        self.prompt.setWordWrap(True)
        self.activity = QLabel(self)
        self.activity.setObjectName("issueActivity")
        self.checklist = QListWidget(self)
        self.checklist.setObjectName("issueChecklist")
        self.checklist.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checklist.setMaximumHeight(140)
        for step in CHECKLIST:
            item = QListWidgetItem(words.step_words(step), self.checklist)
            item.setData(STEP_ROLE, step)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.message = QLabel(self)
        self.message.setObjectName("issueMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("tone", "error")
        self.detail = QLabel(self)
        self.detail.setObjectName("issueDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.result = QGroupBox(self.tr("Card encoded"), self)
        form = QFormLayout(self.result)
        self.result_number = QLabel(self.result)
        self.result_member = QLabel(self.result)
        self.result_uid = QLabel(self.result)
        self.result_chip = QLabel(self.result)
        self.result_origin = QLabel(self.result)
        form.addRow(self.tr("Card number"), self.result_number)
        form.addRow(self.tr("Member"), self.result_member)
        form.addRow(self.tr("Chip UID"), self.result_uid)
        form.addRow(self.tr("Chip"), self.result_chip)
        form.addRow(self.tr("Originality"), self.result_origin)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Diamond members without a card"), self))
        left.addWidget(self.filter)
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.encode_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.prompt)
        right.addWidget(self.activity)
        right.addWidget(self.checklist)
        right.addWidget(self.message)
        right.addWidget(self.detail)
        right.addWidget(self.result)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        title = QLabel(self.tr("Card issuance"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(columns, 1)
        self.setFocusProxy(self.filter)

        bridge.step_reported.connect(self._on_step)
        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        bridge.confirm_requested.connect(self._on_confirm)
        self._reset_view()

    def page_title(self) -> str:
        return self.tr("Card issuance")

    def page_shown(self) -> None:
        self._shown = True
        if self.model.rowCount() == 0 and self._job is None:
            self.reload_queue()
        if self._job is not None:
            self._install_handler()

    def page_hidden(self) -> None:
        # Another page takes the reader; an open job waits for our return.
        self._shown = False
        self._bridge.clear_handler(self)

    def reload_queue(self) -> None:
        self._queue.reload()
        self.model.reload()
        self._update_buttons()

    def selected_member(self) -> MemberRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def start_encoding(self) -> None:
        """Open the card job for the selected member and wait for a tap."""
        member = self.selected_member()
        if member is None or self._job is not None:
            return
        self._reset_view()
        try:
            job = self._desk.prepare(member.id, self._actor())
        except IssueRefused as exc:
            self._show_error(words.issue_refused_words(exc.reason), str(exc))
            self.encode_failed.emit(exc.reason)
            return
        except SecretStoreError as exc:
            self._show_error(self.tr("This station has no card keys."), str(exc))
            self.encode_failed.emit("no_keys")
            return
        self._job = job
        self.prompt.setText(
            self.tr("Card %1 for %2: tap a blank card on the reader.")
            .replace("%1", card_code(job.card_number))
            .replace("%2", job.member_name)
        )
        self._install_handler()
        self._update_buttons()
        self.waiting_for_card.emit(job)

    def cancel(self) -> None:
        """Stop waiting for a card; the job stays open to be resumed."""
        self._bridge.clear_handler(self)
        self._job = None
        self.prompt.setText(self.tr("Stopped. Choose a member to encode a card."))
        self._update_buttons()

    def _install_handler(self) -> None:
        job, desk, bridge = self._job, self._desk, self._bridge

        def encode_tapped(tag: object) -> EncodeResult:
            encoder = Encoder(
                desk,
                job,
                confirm=lambda question, text: bridge.ask(self, question, text),
                progress=lambda step: bridge.report_step(self, step),
                originality_keys=bridge.originality_keys,
            )
            return encoder.encode(NtagLink(tag))

        if self._shown:
            bridge.set_handler(self, encode_tapped)

    def _on_step(self, owner: object, step: str) -> None:
        if owner is not self:
            return
        self.activity.setText(words.step_words(step))
        for row in range(self.checklist.count()):
            item = self.checklist.item(row)
            if item.data(STEP_ROLE) == step:
                item.setCheckState(Qt.CheckState.Checked)

    def _on_handled(self, owner: object, result: object) -> None:
        if owner is not self or not isinstance(result, EncodeResult):
            return
        job = self._job
        self._bridge.clear_handler(self)
        self._job = None
        self._clear_message()
        self.activity.setText(self.tr("Done. The card can be taken off the reader."))
        self.prompt.setText(
            self.tr("Card %1 is ready.").replace("%1", card_code(result.card_number))
        )
        self.result_number.setText(card_code(result.card_number))
        self.result_member.setText(job.member_name if job else "")
        self.result_uid.setText(result.uid.hex(" ").upper())
        self.result_chip.setText(result.chip)
        self.result_origin.setText(words.originality_words(result.originality))
        self.result.show()
        self.reload_queue()
        self.card_encoded.emit(result)

    def _on_failed(self, owner: object, exc: object) -> None:
        if owner is not self:
            return
        self.activity.clear()
        if isinstance(exc, EncodeRefused):
            if exc.reason in words.RESUMABLE:
                hint = self.tr("Tap the same card again to resume.")
            else:
                hint = self.tr("Tap another card, or stop waiting.")
            self._show_error(words.encode_refused_words(exc.reason), str(exc), hint)
            self.encode_failed.emit(exc.reason)
            return
        self._show_error(
            self.tr("The card could not be read."), str(exc), self.tr("Tap it again.")
        )
        self.encode_failed.emit("read_failed")

    def _on_confirm(self, owner: object, question: str, detail: str) -> None:
        # Answered even when another page is shown: the reader thread waits.
        if owner is not self:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Overwrite this card?"),
            words.confirm_question(question),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("overwriteQuestion")
        box.setInformativeText(detail)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda code: self._bridge.answer(code == QMessageBox.StandardButton.Yes)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): no nested event loop while the reader waits.
        box.open()

    def _show_error(self, lead: str, detail: str, hint: str = "") -> None:
        self.message.setText(f"{lead}\n{hint}" if hint else lead)
        self.message.show()
        # The detail comes from the card layer in English: kept for support.
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.hide()
        self.detail.clear()
        self.detail.hide()

    def _reset_view(self) -> None:
        self.result.hide()
        self._clear_message()
        self.activity.clear()
        for row in range(self.checklist.count()):
            self.checklist.item(row).setCheckState(Qt.CheckState.Unchecked)
        if self._job is None:
            self._selection_changed()
        self._update_buttons()

    def _selection_changed(self) -> None:
        if self._job is not None:
            return
        member = self.selected_member()
        if member is None:
            self.prompt.setText(self.tr("Choose a member, then Encode card."))
        else:
            self.prompt.setText(
                self.tr("%1 (#%2): press Encode card, then tap a blank card.")
                .replace("%1", member.name)
                .replace("%2", str(member.id))
            )
        self._update_buttons()

    def _filter(self, text: str) -> None:
        self.model.set_query(MemberQuery(text=text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        waiting = self._job is not None
        self.encode_button.setEnabled(
            not waiting and self.selected_member() is not None
        )
        self.cancel_button.setEnabled(waiting)
        self.table.setEnabled(not waiting)
        self.filter.setEnabled(not waiting)
