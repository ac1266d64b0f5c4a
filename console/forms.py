"""A small form dialog whose submit runs a slow service call off the GUI thread.

Every staff dialog hashes a password or a PIN (argon2, a tenth of a second or
more), so the call runs as a Job; the dialog stays open until it succeeds,
and a refusal is written out in the dialog itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console import words
from memberdesk.console.work import run_job
from memberdesk.services.staff import SignInFailed, StaffError

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds the strings below.
translate = QCoreApplication.translate


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    """A password or PIN box: hidden text, never offered to input methods."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
    )
    return field


def refusal_words(exc: BaseException) -> str:
    """What the person at the desk reads for a refused staff call."""
    if isinstance(exc, SignInFailed):
        return words.sign_in_refused_words(exc.reason)
    if isinstance(exc, PermissionError):
        return words.permission_words(exc)
    if isinstance(exc, StaffError):
        return words.staff_error_words(str(exc))
    log.error("staff call failed: %s", type(exc).__name__, exc_info=exc)
    return translate("FormDialog", "Something went wrong; nothing was changed.")


def set_tone(label: QLabel, tone: str) -> None:
    """Restyle a message label: "" (plain), "error" or "ok"."""
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)


class FormDialog(QDialog):
    """Fields in a form, a message line, and OK/Cancel; subclasses add fields."""

    #: The service call succeeded; carries what it returned.
    succeeded = Signal(object)
    #: The call was refused; carries the words shown in the dialog.
    refused = Signal(str)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formDialog")
        self.result_value: object = None
        self._busy = False

        self.intro = QLabel(self)
        self.intro.setObjectName("formIntro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self.rules = QVBoxLayout()
        self.rules.setSpacing(2)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(self.rules)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_rules(self, *lines: str) -> None:
        """The rules the fields must follow, one label a line, under the form."""
        for line in lines:
            label = QLabel(line, self)
            label.setObjectName("formRules")
            label.setWordWrap(True)
            self.rules.addWidget(label)

    def add_row(self, label: str, field: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(field)
        self.form.addRow(caption, field)

    def show_message(self, text: str, tone: str = "error") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)
        self.message.setVisible(bool(text))

    def is_busy(self) -> bool:
        return self._busy

    # Subclasses: what is wrong with the fields (None if nothing), the call.

    def problem(self) -> str | None:
        return None

    def call(self) -> Callable[[], object]:
        raise NotImplementedError

    def submit(self) -> None:
        """Check the fields here, then run the call off the GUI thread."""
        if self._busy:
            return
        problem = self.problem()
        if problem:
            self.show_message(problem)
            self.refused.emit(problem)
            return
        call = self.call()
        self._set_busy(True)
        self.show_message(self.tr("Checking…"), "")
        job = run_job(self.objectName(), call)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)

    def reject(self) -> None:
        # A call in flight finishes first: its outcome must not land on a
        # dialog the person has already left.
        if not self._busy:
            super().reject()

    def refusal(self, exc: BaseException) -> str:
        return refusal_words(exc)

    def on_refused(self, exc: BaseException) -> None:
        """After a refusal is shown: subclasses clear a secret, move focus."""

    def _succeeded(self, result: object) -> None:
        self._set_busy(False)
        self.result_value = result
        self.show_message("", "")
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: object) -> None:
        self._set_busy(False)
        text = self.refusal(exc)  # type: ignore[arg-type]
        self.show_message(text)
        self.on_refused(exc)  # type: ignore[arg-type]
        self.refused.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        for index in range(self.form.rowCount()):
            item = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(not busy)
