"""The Audit page: who did what, when, filtered; and a check of the chain.

The entries come from services.audit.recent, newest first, a page at a time.
"Verify chain" walks the whole log, which takes a while on a large one, so it
runs off the GUI thread and reports in words: intact, or the first entry that
was altered, removed or moved.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.forms import set_tone
from memberdesk.console.work import run_job
from memberdesk.services.anchors import AnchorError, AuditAnchor
from memberdesk.services.audit import AuditReport, AuditView, recent, verify
from memberdesk.services.models import AuditEntry, Staff
from memberdesk.services.permissions import Action, Actor, allowed
from memberdesk.widgets import audit_table
from memberdesk.widgets.audit_table import AuditQuery, AuditTableModel

log = logging.getLogger(__name__)


class AuditPage(QWidget):
    """A dense, filtered view of the audit log, and its chain check."""

    #: The entries were (re)loaded; carries how many rows are shown.
    listed = Signal(int)
    #: A chain check finished; carries the AuditReport.
    verified = Signal(object)
    #: A chain check could not run; carries the words shown.
    verify_failed = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        anchor: AuditAnchor | None,
        zone: dt.tzinfo | None = None,
        parent: QWidget | None = None,
        actor: Callable[[], Actor | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._sessions = sessions
        self._anchor = anchor
        self._zone = zone or dt.UTC
        self._actor = actor
        self.model = AuditTableModel(
            self._fetch, self._headers, self._label, zone=zone, parent=self
        )
        self.model.query_loaded.connect(lambda _n: self._loaded())
        self.model.rowsInserted.connect(lambda *_: self._loaded())

        self.action = self._combo(self.tr("Action filter"))
        self.entity = self._combo(self.tr("Entity filter"))
        self.staff = self._combo(self.tr("Staff filter"))
        self.dated = QCheckBox(self.tr("&From"), self)
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        # "Today" is the station's day, not the machine's.
        now = dt.datetime.now(self._zone)
        today = QDate(now.year, now.month, now.day)
        for edit, day in ((self.since, today.addDays(-7)), (self.until, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.run_query())
        self.since.setAccessibleName(self.tr("From date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.dated.toggled.connect(self._dates_toggled)

        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("&Action"), self.action),
            (self.tr("&Entity"), self.entity),
            (self.tr("&Staff"), self.staff),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.dated)
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.until)
        bar.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (audit_table.SEQ, 56),
            (audit_table.TIME, 150),
            (audit_table.STAFF, 90),
            (audit_table.STATION, 90),
            (audit_table.ACTION, 120),
            (audit_table.ENTITY, 80),
            (audit_table.ENTITY_ID, 90),
        ):
            self.table.setColumnWidth(column, width)

        self.count = QLabel(self)
        self.more_button = QPushButton(self.tr("Load &more"), self)
        self.more_button.clicked.connect(self.load_more)
        self.verify_button = QPushButton(self.tr("&Verify chain"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify_chain)
        self.result = QLabel(self)
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.result.hide()
        foot = QHBoxLayout()
        foot.addWidget(self.count)
        foot.addWidget(self.more_button)
        foot.addStretch(1)
        foot.addWidget(self.verify_button)

        title = QLabel(self.tr("Audit log"), self)
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        layout.addWidget(self.result)
        self.setFocusProxy(self.table)

    def page_title(self) -> str:
        return self.tr("Audit")

    def page_shown(self) -> None:
        actor = self._actor()
        self.verify_button.setVisible(
            actor is not None and allowed(actor.role, Action.VERIFY_AUDIT)
        )
        self._fill_filters()
        self.run_query()

    def page_hidden(self) -> None:
        pass

    def run_query(self) -> None:
        """Reload from the newest entry with the filter bar as it stands."""
        since = until = None
        if self.dated.isChecked():
            since = self._midnight(self.since.date())
            until = self._midnight(self.until.date().addDays(1))
        self.model.set_query(
            AuditQuery(
                self.action.currentData(),
                self.entity.currentData(),
                self.staff.currentData(),
                since,
                until,
            )
        )

    def load_more(self) -> None:
        self.model.fetchMore(self.table.rootIndex())

    def verify_chain(self) -> None:
        """Walk the whole chain off the GUI thread; `verified` reports it."""
        sessions, anchor = self._sessions, self._anchor
        self.verify_button.setEnabled(False)
        self._show_result(self.tr("Checking the chain…"), "")

        def check() -> AuditReport:
            with sessions() as s:
                return verify(s, anchor)

        job = run_job("audit verify", check)
        job.succeeded.connect(self._verified)
        job.failed.connect(self._verify_failed)

    def report_words(self, report: AuditReport) -> str:
        if report.ok:
            text = self.tr(
                "The audit log is intact: %n entries checked.", "", report.checked
            )
            if report.anchor_seq is None:
                text = words.sentences(
                    text,
                    self.tr(
                        "No copy of the newest entry is kept off the database "
                        "here, so removed newest entries would not show."
                    ),
                )
            return text
        first = str(report.first_bad)
        table = {
            "altered": self.tr("Entry %1 was altered after it was written."),
            "removed": self.tr("Entry %1 was removed."),
            "reordered": self.tr("Entry %1 was moved: the log was reordered."),
            "truncated": self.tr(
                "Entries from %1 on were removed: the copy kept off the database "
                "records entry %2."
            ),
        }
        text = table.get(report.problem or "", self.tr("Entry %1 does not check."))
        text = text.replace("%1", first).replace("%2", str(report.anchor_seq))
        return words.sentences(self.tr("The audit log was tampered with."), text)

    def _verified(self, report: AuditReport) -> None:
        self.verify_button.setEnabled(True)
        self._show_result(self.report_words(report), "ok" if report.ok else "error")
        if not report.ok and report.first_bad is not None:
            # Show the log as it is now, with the first bad entry picked out.
            self.run_query()
            self.select_seq(report.first_bad)
        self.verified.emit(report)

    def select_seq(self, seq: int) -> bool:
        """Select the loaded entry `seq` (or the nearest older one)."""
        for row in range(self.model.rowCount()):
            entry = self.model.row_at(row)
            if entry is not None and entry.seq <= seq:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return entry.seq == seq
        return False

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(exc, AnchorError):
            text = self.tr(
                "The copy of the newest entry kept off the database cannot be "
                "read, so the chain was not checked."
            )
        else:
            log.error("audit check failed", exc_info=exc)
            text = self.tr("The chain could not be checked: %1").replace("%1", str(exc))
        self._show_result(text, "error")
        self.verify_failed.emit(text)

    def _fetch(
        self, query: AuditQuery, before_seq: int | None, limit: int
    ) -> Sequence[AuditView]:
        actor = self._actor()
        if actor is None:
            return []
        try:
            with self._sessions() as s:
                return recent(
                    s,
                    actor,
                    limit,
                    before_seq=before_seq,
                    action=query.action,
                    entity=query.entity,
                    staff_id=query.staff_id,
                    since=query.since,
                    until=query.until,
                )
        except PermissionError as exc:
            self._show_result(words.permission_words(exc), "error")
            return []

    def _headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Time"),
            self.tr("Staff"),
            self.tr("Station"),
            self.tr("Action"),
            self.tr("Entity"),
            self.tr("Entity id"),
            self.tr("Before → after"),
        ]

    @staticmethod
    def _label(column: int, code: str) -> str:
        if column == audit_table.ACTION:
            return words.audit_action_words(code)
        return words.audit_entity_words(code)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self.run_query())
        return combo

    def _fill_filters(self) -> None:
        # The choices are what the log holds; a short query each time the
        # page is shown, so new kinds of entries appear.
        with self._sessions() as s:
            actions = s.scalars(select(AuditEntry.action).distinct()).all()
            entities = s.scalars(select(AuditEntry.entity).distinct()).all()
            staff = s.execute(select(Staff.id, Staff.login).order_by(Staff.login)).all()
        self._refill(
            self.action,
            self.tr("All actions"),
            sorted((words.audit_action_words(a), a) for a in actions),
        )
        self._refill(
            self.entity,
            self.tr("All entities"),
            sorted((words.audit_entity_words(e), e) for e in entities),
        )
        self._refill(self.staff, self.tr("All staff"), [(lg, i) for i, lg in staff])

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.run_query()

    def _midnight(self, day: QDate) -> dt.datetime:
        local = dt.datetime(day.year(), day.month(), day.day(), tzinfo=self._zone)
        return local.astimezone(dt.UTC)

    def _loaded(self) -> None:
        shown = self.model.rowCount()
        self.count.setText(self.tr("%n entries shown", "", shown))
        self.more_button.setEnabled(self.model.has_more())
        self.listed.emit(shown)

    def _show_result(self, text: str, tone: str) -> None:
        self.result.setText(text)
        set_tone(self.result, tone)
        self.result.setVisible(bool(text))
