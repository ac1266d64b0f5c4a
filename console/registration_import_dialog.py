"""Registrations from a CSV file: a preview of the bad rows, then the good ones.

The file is read and sorted into good and bad rows on the thread pool;
nothing is written until "Register" is pressed, and then only the good rows.
Every bad row is listed with its line and the reason in words.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console import door_words, words
from memberdesk.console.forms import refusal_words, set_tone
from memberdesk.console.work import run_job
from memberdesk.services.permissions import Actor
from memberdesk.services.registrations import (
    ImportPreview,
    ImportRefused,
    ImportResult,
    RegistrationService,
)

log = logging.getLogger(__name__)

LINE, ROW, WHY = range(3)


class RegistrationImportDialog(QDialog):
    """Import one event's registration list from a CSV file."""

    #: The file was read; carries the ImportPreview.
    previewed = Signal(object)
    #: The good rows were registered; carries the ImportResult.
    committed = Signal(object)
    #: The file or the commit was refused; carries the words shown.
    refused = Signal(str)

    def __init__(
        self,
        service: RegistrationService,
        actor: Actor | None,
        event_id: int,
        event_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registrationImport")
        self.setWindowTitle(self.tr("Import registrations"))
        self._service, self._actor, self.event_id = service, actor, event_id
        self.preview: ImportPreview | None = None
        self._busy = False

        intro = QLabel(
            self.tr(
                "Registrations for “%1”. One member a row, named by member id, "
                "phone or card number; a header row may say which (member_id, "
                "phone, card_number, note). Nothing is registered before you "
                "press Register."
            ).replace("%1", event_name),
            self,
        )
        intro.setObjectName("formIntro")
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a CSV file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.file_label.setObjectName("formRules")
        self.summary = QLabel(self)
        self.summary.setObjectName("pageMessage")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.bad = QTableWidget(0, 3, self)
        self.bad.setObjectName("badRows")
        self.bad.setAccessibleName(self.tr("Rows left out"))
        self.bad.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Row"), self.tr("Why it is left out")]
        )
        self.bad.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bad.setAlternatingRowColors(True)
        self.bad.verticalHeader().hide()
        header = self.bad.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(self)
        self.register_button = self.buttons.addButton(
            self.tr("&Register"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button.setEnabled(False)
        self.close_button = self.buttons.addButton(
            self.tr("C&lose"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.register_button.clicked.connect(self.commit)
        self.close_button.clicked.connect(self.reject)

        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Rows left out"), self))
        layout.addWidget(self.bad, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Registrations"),
            "",
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read and sort the file's rows off the GUI thread."""
        if self._busy:
            return
        self.file_label.setText(path.name)
        self._set_busy(True)
        self._show(self.tr("Reading the file…"), "")
        service, actor, event_id = self._service, self._actor, self.event_id

        def read() -> ImportPreview:
            return service.preview(actor, event_id, path.read_bytes(), path.name)

        job = run_job("registration_preview", read)
        job.succeeded.connect(self._previewed)
        job.failed.connect(self._failed)

    def commit(self) -> None:
        preview = self.preview
        if self._busy or preview is None or not preview.good:
            return
        self._set_busy(True)
        service, actor = self._service, self._actor
        job = run_job("registration_commit", lambda: service.commit(actor, preview))
        job.succeeded.connect(self._committed)
        job.failed.connect(self._failed)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _previewed(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self._set_busy(False)
        self.preview = preview
        good, bad = len(preview.good), len(preview.bad)
        self.bad.setRowCount(bad)
        for n, row in enumerate(preview.bad):
            cells = (
                str(row.line),
                row.text,
                door_words.bad_row_words(row.reason, row.message),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                # The service's own detail, in English, for whoever supports it.
                item.setToolTip(row.message)
                self.bad.setItem(n, column, item)
        self._show(
            self.tr("%1 rows read: %2 to register, %3 left out (listed below).")
            .replace("%1", str(preview.rows))
            .replace("%2", str(good))
            .replace("%3", str(bad)),
            "warn" if bad else "ok",
        )
        self.register_button.setText(
            self.tr("&Register %1 members").replace("%1", str(good))
        )
        self.register_button.setEnabled(good > 0)
        self.previewed.emit(preview)

    def _committed(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self._set_busy(False)
        self.register_button.setEnabled(False)
        text = self.tr("%1 members registered.").replace("%1", str(result.added))
        if result.already:
            text = words.sentences(
                text,
                self.tr("%1 were registered meanwhile.").replace(
                    "%1", str(result.already)
                ),
            )
        self._show(text, "ok")
        self.committed.emit(result)

    def _failed(self, exc: object) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportRefused):
            text = door_words.import_refused_words(str(exc))
        elif isinstance(exc, OSError):
            text = self.tr("The file cannot be read.")
        else:
            text = refusal_words(exc)  # type: ignore[arg-type]
        self._show(text, "error")
        self.refused.emit(text)

    def _show(self, text: str, tone: str) -> None:
        self.summary.setText(text)
        set_tone(self.summary, tone)
        self.summary.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.register_button.setEnabled(False)
