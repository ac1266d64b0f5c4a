"""The card room's readers tab: which readers can be opened, and if not, why.

The check (nfc.diagnostics) lists USB devices, tries to open each known
reader and looks at libusb, permissions, pcscd and kernel modules: slow
enough to run off the GUI thread. Each finding is shown in words with its
fix; nfcpy's and the system's exact words (a udev rule, a module name)
follow in grey, to copy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from memberdesk.console import words
from memberdesk.console.pages import card_words
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.console.work import run_job
from memberdesk.nfc.diagnostics import Diagnosis, Finding, Probes, diagnose

log = logging.getLogger(__name__)


class ReaderPanel(QWidget):
    """The reader in use, and a diagnosis of every USB reader on the station."""

    #: A check finished; carries the Diagnosis.
    diagnosed = Signal(object)

    def __init__(
        self,
        bridge: ReaderBridge,
        probes: Callable[[], Probes] = Probes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readerPanel")
        self._bridge = bridge
        self._probes = probes
        self._checked = False
        self.diagnosis: Diagnosis | None = None

        self.in_use = QLabel(self)
        self.in_use.setObjectName("issuePrompt")
        self.in_use.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check again"), self)
        self.check_button.clicked.connect(self.check)
        self.status = QLabel(self)
        self.status.setObjectName("readerCheckStatus")
        self.findings = QWidget(self)
        self.findings.setObjectName("readerFindings")
        self._list = QVBoxLayout(self.findings)
        self._list.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("readerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.findings)

        top = QHBoxLayout()
        top.addWidget(self.in_use, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        bridge.state_changed.connect(lambda _state, _detail: self._show_in_use())
        self._show_in_use()

    def set_probes(self, probes: Callable[[], Probes]) -> None:
        self._probes = probes

    def panel_shown(self) -> None:
        self._show_in_use()
        if not self._checked:
            self.check()

    def panel_hidden(self) -> None:
        pass

    def check(self) -> None:
        """Look at the readers again, off the GUI thread."""
        self._checked = True
        self.check_button.setEnabled(False)
        self.status.setText(self.tr("Checking the readers…"))
        probes = self._probes()
        job = run_job("reader check", lambda: diagnose(probes))
        job.succeeded.connect(self._show)
        job.failed.connect(self._failed)

    def _show_in_use(self) -> None:
        path = self._bridge.path
        name = (
            self.tr("the simulated reader")
            if path == "sim" or path.startswith("sim:")
            else path
        )
        self.in_use.setText(
            self.tr("This console uses %1: %2.")
            .replace("%1", name)
            .replace("%2", words.reader_state_words(self._bridge.state))
        )
        self.in_use.setToolTip(self._bridge.state_detail)

    def _show(self, diagnosis: Diagnosis) -> None:
        self.diagnosis = diagnosis
        self.check_button.setEnabled(True)
        while self._list.count():
            old = self._list.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        usable = len(diagnosis.usable)
        self.status.setText(
            self.tr("USB readers that can be opened: %1.").replace("%1", str(usable))
        )
        for finding in diagnosis.general:
            self._list.addWidget(self._block(self.tr("This station"), "", finding))
        for report in diagnosis.readers:
            for finding in report.findings:
                self._list.addWidget(self._block(report.name, report.path, finding))
        self._list.addStretch(1)
        self.diagnosed.emit(diagnosis)

    def _failed(self, exc: BaseException) -> None:
        log.warning("reader check failed: %s", exc)
        self.check_button.setEnabled(True)
        self.status.setText(
            self.tr("The check itself failed: %1").replace("%1", str(exc))
        )

    def _block(self, name: str, path: str, finding: Finding) -> QFrame:
        frame = QFrame(self.findings)
        frame.setObjectName("readerFinding")
        frame.setProperty("tone", "ok" if finding.ok else "error")
        problem, fix = card_words.finding_words(finding.code)
        title = QLabel(f"{name}  {path}".strip(), frame)
        title.setObjectName("findingReader")
        what = QLabel(problem, frame)
        what.setObjectName("findingProblem")
        what.setWordWrap(True)
        box = QVBoxLayout(frame)
        box.addWidget(title)
        box.addWidget(what)
        if fix:
            how = QLabel(self.tr("Fix: %1").replace("%1", fix), frame)
            how.setObjectName("findingFix")
            how.setWordWrap(True)
            box.addWidget(how)
        if not finding.ok:
            # The exact words, in English: a udev rule or a command to copy.
            detail = QLabel(
                f"{_sentence(finding.problem)} {_sentence(finding.fix)}", frame
            )
            detail.setObjectName("issueDetail")
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(detail)
        return frame


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}." if text else ""
