"""A member's card: reissue, revoke, mark found, and the whole card history.

Opened from the members page (context menu, or Ctrl+K on a row) and from the
card room. Each step is a short database call on the GUI thread; the chip
work that may follow (encoding the new issue, recycling the old chip) is the
card room's, on the reader thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console.forms import set_tone
from memberdesk.console.pages import card_words
from memberdesk.services.cardlife import REASONS, CardHistory, CardLife, CardLifeRefused
from memberdesk.services.permissions import Actor

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds the strings outside classes.
translate = QCoreApplication.translate


class CardLifeDialog(QDialog):
    """The card history of one member, with the lifecycle steps."""

    #: A step was taken; carries its code (reissued, revoked, found).
    changed = Signal(str)
    #: The issuer wants to encode the member's waiting card; carries the id.
    encode_requested = Signal(int)

    def __init__(
        self,
        life: CardLife,
        member_id: int,
        actor: Callable[[], Actor | None],
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardLifeDialog")
        self._life = life
        self._actor = actor
        self._zone = zone
        self.member_id = member_id
        self.history: CardHistory | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        for code in REASONS:
            self.reason.addItem(card_words.life_reason_words(code), code)
        self.reissue_button = QPushButton(self.tr("Reissue"), self)
        self.reissue_button.setToolTip(
            self.tr("Revoke the card and open its next issue")
        )
        self.reissue_button.clicked.connect(self.reissue)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.found_button = QPushButton(self.tr("Mark found"), self)
        self.found_button.clicked.connect(self.mark_found)
        self.encode_button = QPushButton(self.tr("Encode the new card"), self)
        self.encode_button.setObjectName("encodeButton")
        self.encode_button.clicked.connect(
            lambda: self.encode_requested.emit(self.member_id)
        )
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)

        self.cards = QTreeWidget(self)
        self.cards.setObjectName("cardHistory")
        self.cards.setHeaderLabels(
            [
                self.tr("Card / step"),
                self.tr("Issue"),
                self.tr("Status"),
                self.tr("Chip UID"),
                self.tr("When"),
                self.tr("Detail"),
            ]
        )
        self.cards.setColumnWidth(0, 170)
        self.cards.setColumnWidth(2, 150)
        self.cards.setColumnWidth(3, 130)
        self.cards.setColumnWidth(4, 130)
        self.audit = QTableWidget(0, 3, self)
        self.audit.setObjectName("cardAudit")
        self.audit.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("When"), self.tr("Audit entry")]
        )
        self.audit.verticalHeader().hide()
        self.audit.setColumnWidth(0, 56)
        self.audit.setColumnWidth(1, 130)
        self.audit.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit.setTabKeyNavigation(False)
        self.audit.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        steps = QHBoxLayout()
        steps.addWidget(QLabel(self.tr("Reason:"), self))
        steps.addWidget(self.reason)
        for button in (self.reissue_button, self.revoke_button, self.found_button):
            steps.addWidget(button)
        steps.addStretch(1)
        steps.addWidget(self.encode_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(steps)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Cards, issue by issue"), self))
        layout.addWidget(self.cards, 3)
        layout.addWidget(QLabel(self.tr("Audit log"), self))
        layout.addWidget(self.audit, 2)
        layout.addWidget(close)
        self.resize(860, 600)
        self._say("")
        self.reload()

    def reload(self) -> None:
        try:
            self.history = self._life.history(self.member_id)
        except CardLifeRefused as exc:
            self._say(card_words.life_refused_words(exc.reason), str(exc))
            return
        history = self.history
        self.setWindowTitle(self.tr("Card of %1").replace("%1", history.member_name))
        self.heading.setText(
            self.tr("%1 (#%2)")
            .replace("%1", history.member_name)
            .replace("%2", str(history.member_id))
        )
        self.cards.clear()
        for card in reversed(history.cards):
            top = QTreeWidgetItem(
                self.cards,
                [
                    card.code,
                    str(card.issue_number),
                    card_words.card_status_words(card.status),
                    card.uid or "",
                    self._when(card.encoded_at or card.created_at),
                    card.chip or "",
                ],
            )
            for step in card.journal:
                line = QTreeWidgetItem(
                    top,
                    [
                        card_words.journal_step_words(step.step),
                        "",
                        "",
                        step.uid or "",
                        self._when(step.at),
                        step.detail,
                    ],
                )
                # The detail is the card layer's, in English: kept for support.
                line.setForeground(5, QColor("#5B6573"))
        if self.cards.topLevelItemCount():
            self.cards.topLevelItem(0).setExpanded(True)
        self.audit.setRowCount(len(history.audit))
        for row, entry in enumerate(reversed(history.audit)):
            cells = (
                str(entry.seq),
                self._when(entry.at),
                card_words.audit_action_words(entry.action),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.after)
                self.audit.setItem(row, column, item)
        self._update_buttons()

    def statuses(self) -> list[str]:
        return [c.status for c in self.history.cards] if self.history else []

    def reissue(self) -> None:
        self._step(
            "reissued",
            lambda actor: self._life.reissue(
                self.member_id, actor, self.reason.currentData()
            ),
        )

    def ask_revoke(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Revoke this card?"),
            self.tr("Every door will refuse the card from now on. Reason: %1.").replace(
                "%1", self.reason.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("revokeQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda code: (
                self.revoke() if code == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()

    def revoke(self) -> None:
        self._step(
            "revoked",
            lambda actor: self._life.revoke(
                self.member_id, actor, self.reason.currentData()
            ),
        )

    def mark_found(self) -> None:
        self._step("found", lambda actor: self._life.mark_found(self.member_id, actor))

    def _step(self, code: str, call: Callable[[Actor], object]) -> None:
        actor = self._actor()
        if actor is None:
            return
        try:
            outcome = call(actor)
        except (CardLifeRefused, PermissionError) as exc:
            reason = getattr(exc, "reason", "not_allowed")
            self._say(card_words.life_refused_words(reason), str(exc))
            return
        done = {
            "reissued": self.tr("Reissued. Encode the new card on a blank chip."),
            "revoked": self.tr("The card is revoked."),
        }
        text = done.get(code) or card_words.found_words(str(outcome))
        self.reload()
        self._say(text, tone="ok")
        self.changed.emit(code)

    def _update_buttons(self) -> None:
        statuses = self.statuses()
        self.reissue_button.setEnabled(bool(statuses) and "encoding" not in statuses)
        self.revoke_button.setEnabled("active" in statuses)
        self.found_button.setEnabled("revoked" in statuses)
        self.encode_button.setVisible("encoding" in statuses)

    def _say(self, text: str, detail: str = "", tone: str = "error") -> None:
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))
        set_tone(self.message, tone)

    def _when(self, at: dt.datetime | None) -> str:
        if at is None:
            return ""
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        return at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")


def attach_card_menu(
    table: QTableView,
    member_at: Callable[[int], int | None],
    open_card: Callable[[int], None],
) -> QAction:
    """A "Card…" entry on a member table: context menu and Ctrl+K on a row."""
    action = QAction(translate("CardLifeDialog", "Card…"), table)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    table.addAction(action)

    def current() -> int | None:
        rows = table.selectionModel().selectedRows()
        return member_at(rows[0].row()) if rows else None

    def trigger() -> None:
        member_id = current()
        if member_id is not None:
            open_card(member_id)

    def menu(at: object) -> None:
        index = table.indexAt(at)
        if index.isValid():
            table.selectRow(index.row())
        popup = QMenu(table)
        popup.addAction(action)
        action.setEnabled(current() is not None)
        popup.popup(table.viewport().mapToGlobal(at))

    action.triggered.connect(trigger)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(menu)
    return action
