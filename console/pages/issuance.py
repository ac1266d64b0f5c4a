"""The card issuance page: pick a diamond member, tap a blank card, watch it.

The encoder runs on the reader thread inside the tap handler; its steps, its
questions and its outcome come back through the reader bridge's signals.
The page is also the card room: the batch, lifecycle, face and reader panels
sit in tabs beside the single card, and only the shown tab holds the reader.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.card_overwrite_dialog import (
    Overwrite,
    ask_overwrite,
    overwrite_facts,
    overwrite_words,
)
from memberdesk.console.pages.card_queue import CardQueue
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.nfc.encoder import (
    FOREIGN,
    OTHER_MEMBER,
    Encoder,
    EncodeRefused,
    EncodeResult,
)
from memberdesk.nfc.ntag import NtagLink
from memberdesk.services.cardformat import card_code
from memberdesk.services.cards import CardDesk, IssueJob, IssueRefused
from memberdesk.services.members import MemberRow
from memberdesk.services.permissions import Actor
from memberdesk.services.secrets import SecretStoreError
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.panel_tabs import PanelTabs
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

# The checklist, in the encoder's order; "opened" and "writing" are shown as
# the current activity instead, since not every card passes through them.
CHECKLIST = ("read", "written", "pwd", "pack", "protected")
STEP_ROLE = Qt.ItemDataRole.UserRole + 4


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
        self._sessions = sessions
        self._job: IssueJob | None = None
        # The facts behind the last overwrite question, set on the reader
        # thread before the question is asked.
        self._overwrite: Overwrite | None = None
        self._shown = False  # the page and its single-card tab are shown
        #: The card room's other tabs by key (batch, life, faces, readers).
        self.panels: dict[str, QWidget] = {}
        self._queue = CardQueue(sessions)
        self.model = MemberTableModel(
            self._queue.fetch, self._queue.count, tiers, parent=self
        )

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name, phone tail or #id"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the card queue"))
        self.filter.textChanged.connect(self._filter)

        self.table = member_table.member_view(self.model, "cardQueue", self)
        for column in (member_table.JOINED, member_table.SPEND, member_table.CARD):
            self.table.hideColumn(column)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._selection_changed()
        )
        self.table.doubleClicked.connect(lambda _i: self.start_encoding())
        # Enter on a row encodes.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(
                QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut
            )
            enter.activated.connect(self.start_encoding)

        self.encode_button = QPushButton(self.tr("Encode card"), self)
        self.encode_button.setObjectName("encodeButton")
        self.encode_button.setToolTip(self.tr("Encode card (Ctrl+E or Enter)"))
        self.encode_button.clicked.connect(self.start_encoding)
        self.cancel_button = QPushButton(self.tr("Stop waiting"), self)
        self.cancel_button.setToolTip(self.tr("Stop waiting (Esc)"))
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
        self.single = QWidget(self)
        self.single.setObjectName("singleCard")
        columns = QHBoxLayout(self.single)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        for keys, slot in (("Ctrl+E", self.start_encoding), ("Esc", self.cancel)):
            shortcut = QShortcut(
                QKeySequence(keys),
                self.single,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
            shortcut.activated.connect(slot)
        # The single-card tab reports to this page: it is the page's own view.
        self.single.panel_shown = self.panel_shown
        self.single.panel_hidden = self.panel_hidden
        self.tabs = PanelTabs(self)
        self.tabs.setObjectName("cardRoomTabs")
        self.tabs.addTab(self.single, self.tr("One card"))
        title = QLabel(self.tr("Card issuance"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.filter)

        bridge.step_reported.connect(self._on_step)
        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        bridge.confirm_requested.connect(self._on_confirm)
        self._reset_view()

    def page_title(self) -> str:
        return self.tr("Card issuance")

    def add_panel(self, key: str, title: str, panel: QWidget) -> None:
        """A tab of the card room; it has panel_shown() and panel_hidden()."""
        self.panels[key] = panel
        self.tabs.addTab(panel, title)

    def show_panel(self, key: str) -> QWidget:
        """Bring the card room's tab `key` ("single", "batch", ...) forward."""
        panel = self.single if key == "single" else self.panels[key]
        self.tabs.setCurrentWidget(panel)
        return panel

    def page_shown(self) -> None:
        self.tabs.set_active(True)

    def page_hidden(self) -> None:
        # Another page takes the reader; an open job waits for our return.
        self.tabs.set_active(False)

    def panel_shown(self) -> None:
        """The single-card tab is shown: an open job takes the reader again."""
        self._shown = True
        if self.model.rowCount() == 0 and self._job is None:
            self.reload_queue()
        if self._job is not None:
            self._install_handler()

    def panel_hidden(self) -> None:
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
        # The table is disabled while waiting; Esc and this button stop it.
        self.cancel_button.setFocus()
        self.waiting_for_card.emit(job)

    def cancel(self) -> None:
        """Stop waiting for a card; the job stays open to be resumed."""
        if self._job is None:
            return
        self._bridge.clear_handler(self)
        self._job = None
        self.prompt.setText(self.tr("Stopped. Choose a member to encode a card."))
        self._update_buttons()
        self.table.setFocus()

    def _install_handler(self) -> None:
        job, desk, bridge = self._job, self._desk, self._bridge

        def encode_tapped(tag: object) -> EncodeResult:
            link = NtagLink(tag)

            def confirm(question: str, text: str) -> bool:
                self._overwrite = overwrite_facts(
                    desk, self._sessions, link.uid, job, question, text
                )
                return bridge.ask(self, question, text)

            encoder = Encoder(
                desk,
                job,
                confirm=confirm,
                progress=lambda step: bridge.report_step(self, step),
                originality_keys=bridge.originality_keys,
            )
            return encoder.encode(link)

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
        self.table.setFocus()
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
            lead = words.encode_refused_words(exc.reason)
            if exc.reason in (FOREIGN, OTHER_MEMBER):
                # Whose card it is, in words; the encoder's English is a tooltip.
                facts = overwrite_words(self._overwrite)
                self._show_error(words.sentences(lead, facts), "", hint)
                self.message.setToolTip(str(exc))
            else:
                self._show_error(lead, str(exc), hint)
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
        ask_overwrite(self, question, self._overwrite, detail, self._bridge.answer)

    def _show_error(self, lead: str, detail: str, hint: str = "") -> None:
        self.message.setText(f"{lead}\n{hint}" if hint else lead)
        self.message.show()
        # The detail comes from the card layer in English: kept for support.
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.setToolTip("")
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
