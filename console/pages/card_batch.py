"""The card room's batch: queue diamond members, then one blank card per tap.

Each tap runs nfc.batch.run_batch on the reader thread for just the card on
the reader (console.pages.card_taps): the batch works one member and stops,
and the next tap starts it again. So the queue in the database is the one state,
and pausing is simply not taking taps. What happened comes back as queued
signals; the table and the counters are read from the queue after each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.card_import_dialog import ImportListDialog
from memberdesk.console.card_overwrite_dialog import (
    Overwrite,
    ask_overwrite,
    overwrite_facts,
    overwrite_words,
)
from memberdesk.console.pages import card_words
from memberdesk.console.pages.card_picker import MemberPicker
from memberdesk.console.pages.card_taps import batch_handler
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.nfc.batch import BatchEvent
from memberdesk.nfc.encoder import FOREIGN, OTHER_MEMBER
from memberdesk.services.batch import BatchError, BatchProgress, BatchQueue
from memberdesk.services.cardlife import CardLife
from memberdesk.services.cards import CardDesk
from memberdesk.services.models import CardBatch
from memberdesk.services.permissions import Actor, Role
from memberdesk.widgets.batch_summary import BatchSummary
from memberdesk.widgets.batch_table import BatchTable
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)


class BatchPanel(QWidget):
    """Batch issuance: the queue, the controls, and each member's outcome."""

    #: A batch was created or opened; carries its id.
    batch_opened = Signal(int)
    #: A tap was worked (or a control used); carries the BatchProgress.
    progressed = Signal(object)
    #: What happened at a tap, on the GUI thread; carries the BatchEvent.
    event_shown = Signal(object)
    # From the reader thread: a BatchEvent, delivered queued to _on_event.
    _event_arrived = Signal(object)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        desk: CardDesk,
        queue: BatchQueue,
        life: CardLife,
        bridge: ReaderBridge,
        tiers: Mapping[str, TierLook],
        actor: Callable[[], Actor | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchPanel")
        self._sessions = sessions
        self._desk = desk
        self._queue = queue
        self._life = life
        self._bridge = bridge
        self._actor = actor
        self._shown = False
        self._running = False
        self._overwrite: Overwrite | None = None
        self.batch_id: int | None = None
        self.picker = MemberPicker(sessions, tiers, self)
        self.picker.queue_requested.connect(self.create_batch)
        self.picker.import_requested.connect(self.import_list)
        self.model = self.picker.model

        self.summary = BatchSummary(self)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("issuePrompt")
        self.prompt.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("batchMessage")
        self.message.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("encodeButton")
        self.start_button.clicked.connect(self.toggle)
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.skip_button.clicked.connect(self.skip_selected)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.keep_button = QPushButton(self.tr("Keep the chip"), self)
        self.keep_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button = QPushButton(self.tr("Refuse the chip"), self)
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        self.items = BatchTable(self)
        self.items.itemSelectionChanged.connect(self._update_buttons)

        controls = QHBoxLayout()
        for button in (self.start_button, self.skip_button, self.retry_button):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.keep_button)
        controls.addWidget(self.refuse_button)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addLayout(controls)
        right.addWidget(self.prompt)
        right.addWidget(self.message)
        right.addWidget(self.items, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addLayout(right, 2)

        self._event_arrived.connect(self._on_event)
        bridge.tap_handled.connect(self._on_handled)
        bridge.tap_failed.connect(self._on_failed)
        bridge.confirm_requested.connect(self._on_confirm)
        self._show_message("")
        self._refresh()

    # -- shown and hidden --------------------------------------------------------

    def panel_shown(self) -> None:
        self._shown = True
        self.picker.reload()
        if self.batch_id is None:
            self.open_batch(self._latest_open_batch())
        if self._running:
            self._install_handler()
        self._refresh()

    def panel_hidden(self) -> None:
        # The batch waits for our return; it takes no taps meanwhile.
        self._shown = False
        self._bridge.clear_handler(self)

    # -- making a batch ------------------------------------------------------------

    def import_list(self) -> None:
        dialog = ImportListDialog(self._sessions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda code: (
                self.create_batch(dialog.member_ids())
                if code == QDialog.DialogCode.Accepted
                else None
            )
        )
        dialog.open()

    def create_batch(self, member_ids: list[int]) -> int | None:
        actor = self._actor()
        if not member_ids or actor is None:
            return None
        self.pause()
        try:
            batch_id = self._queue.create(actor, member_ids)
        except (BatchError, PermissionError) as exc:
            self._show_message(card_words.life_refused_words(_reason(exc)), str(exc))
            return None
        self.open_batch(batch_id)
        return batch_id

    def open_batch(self, batch_id: int | None) -> None:
        self.batch_id = batch_id
        self._running = False
        self._show_message("")
        self._refresh()
        if batch_id is not None:
            self.batch_opened.emit(batch_id)

    def _latest_open_batch(self) -> int | None:
        with self._sessions() as s:
            return s.scalar(
                select(CardBatch.id)
                .where(CardBatch.status != "done")
                .order_by(CardBatch.id.desc())
                .limit(1)
            )

    # -- the controls --------------------------------------------------------------

    def toggle(self) -> None:
        if self._running:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        """Take taps for the batch: each blank card is the next member's."""
        actor = self._actor()
        if self.batch_id is None or actor is None:
            return
        self._queue.resume(self.batch_id, actor)
        self._running = True
        self._show_message("")
        self._install_handler()
        self._refresh()

    def pause(self) -> None:
        if self.batch_id is None or not self._running:
            return
        self._running = False
        self._bridge.clear_handler(self)
        self._queue.pause(self.batch_id, "paused by the issuer")
        self._refresh()

    def skip_selected(self) -> None:
        self._control(lambda item, actor: self._queue.skip(item.id, actor))

    def retry_selected(self) -> None:
        self._control(lambda item, actor: self._queue.retry(item.id, actor))

    def decide(self, accept: bool) -> None:
        """An admin keeps or refuses a chip whose originality failed."""
        self._control(
            lambda item, actor: self._queue.decide_originality(
                item.id, actor, accept, self._life
            )
        )

    def _control(self, call: Callable[[object, Actor], None]) -> None:
        item, actor = self.items.selected_item(), self._actor()
        if item is None or actor is None:
            return
        try:
            call(item, actor)
        except (BatchError, PermissionError) as exc:
            self._show_message(card_words.life_refused_words(_reason(exc)), str(exc))
            return
        self._show_message("")
        self._refresh()

    # -- taps --------------------------------------------------------------------

    def _install_handler(self) -> None:
        if not self._shown or self.batch_id is None:
            return
        desk, bridge = self._desk, self._bridge

        def confirm(uid: bytes) -> Callable[[str, str], bool]:
            def ask(question: str, text: str) -> bool:
                # On the reader thread: the facts first, then the question.
                self._overwrite = overwrite_facts(
                    desk, self._sessions, uid, None, question, text
                )
                return bridge.ask(self, question, text)

            return ask

        handler = batch_handler(
            self._queue,
            desk,
            self.batch_id,
            self._actor(),
            confirm,
            lambda: bridge.originality_keys,
            self._event_arrived.emit,
        )
        bridge.set_handler(self, handler)

    def _on_event(self, event: BatchEvent) -> None:
        who = event.member_name
        if event.kind == "done":
            self._show_message("")
        elif event.kind in ("resumable", "refused", "failed"):
            lead = card_words.item_reason_words(event.reason)
            if event.reason in (FOREIGN, OTHER_MEMBER):
                lead = words.sentences(lead, overwrite_words(self._overwrite))
            if event.kind == "resumable":
                hint = self.tr("Tap the same card again to resume.")
            else:
                hint = self.tr("Tap another card for %1.").replace("%1", who)
            self._show_message(f"{lead}\n{hint}", event.message)
        elif event.kind == "paused" and event.reason == "originality":
            self._running = False
            self._bridge.clear_handler(self)
            self.items.select_member(event.member_id or 0)
            self._show_message(
                self.tr(
                    "The chip of %1's card did not pass the originality check. "
                    "An admin keeps it or refuses it; then press Start."
                ).replace("%1", who),
                event.message,
                tone="warn",
            )
        elif event.kind == "paused" and event.reason == "reader_lost":
            self._show_message(self.tr("The reader was lost."), event.message)
        self.event_shown.emit(event)

    def _on_handled(self, owner: object, result: object) -> None:
        if owner is not self:
            return
        self.picker.reload()
        self._refresh()
        if isinstance(result, BatchProgress):
            if result.status == "done":
                self._running = False
                self._bridge.clear_handler(self)
                self._refresh()
            self.progressed.emit(result)

    def _on_failed(self, owner: object, exc: object) -> None:
        if owner is not self:
            return
        self._show_message(
            self.tr("The card could not be read. Tap it again."), str(exc)
        )
        self._refresh()

    def _on_confirm(self, owner: object, question: str, detail: str) -> None:
        # Answered even when another page is shown: the reader thread waits.
        if owner is self:
            ask_overwrite(self, question, self._overwrite, detail, self._bridge.answer)

    # -- showing -----------------------------------------------------------------

    def progress(self) -> BatchProgress | None:
        return self._queue.progress(self.batch_id) if self.batch_id else None

    def done_member_ids(self) -> list[int]:
        """Members of the open batch whose card is done, in queue order."""
        if self.batch_id is None:
            return []
        items = self._queue.items(self.batch_id)
        return [i.member_id for i in items if i.state == "done"]

    def _refresh(self) -> None:
        progress = self.progress()
        # Between taps the queue reads "paused": the panel knows better.
        status = "running" if self._running else progress.status if progress else ""
        self.summary.show_progress(
            progress, card_words.batch_status_words(status), card_words.millis_words
        )
        if progress is None:
            self.prompt.clear()
            self.items.setRowCount(0)
            self._update_buttons()
            return
        self.items.set_items(
            self._queue.items(progress.batch_id),
            card_words.item_state_words,
            card_words.item_reason_words,
            lambda _review: self.tr("Originality failed: an admin decides"),
            card_words.millis_words,
        )
        nxt = self._queue.next_item(progress.batch_id)
        if nxt is None:
            self.prompt.setText(self.tr("Every member of the batch is dealt with."))
        elif self._running and nxt.state == "resumable":
            self.prompt.setText(
                self.tr("Tap %1's interrupted card again to finish it.").replace(
                    "%1", nxt.member_name
                )
            )
        elif self._running:
            self.prompt.setText(
                self.tr("Tap a blank card for %1 (#%2).")
                .replace("%1", nxt.member_name)
                .replace("%2", str(nxt.member_id))
            )
        else:
            self.prompt.setText(self.tr("Press Start, then tap blank cards."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_batch = self.batch_id is not None
        self.start_button.setText(
            self.tr("Pause") if self._running else self.tr("Start")
        )
        self.start_button.setEnabled(has_batch)
        item = self.items.selected_item()
        state = item.state if item else ""
        self.skip_button.setEnabled(state in ("waiting", "resumable", "working"))
        self.retry_button.setEnabled(state in ("failed", "skipped"))
        actor = self._actor()
        admin = actor is not None and actor.role == Role.ADMIN
        review = bool(item and item.review)
        for button in (self.keep_button, self.refuse_button):
            button.setVisible(review)
            button.setEnabled(review and admin and not self._running)
            button.setToolTip("" if admin else self.tr("Only an admin decides."))
        self.picker.set_open(not self._running)

    def _show_message(self, text: str, detail: str = "", tone: str = "error") -> None:
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))
        self.message.setProperty("tone", tone)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "reason", "not_allowed")
