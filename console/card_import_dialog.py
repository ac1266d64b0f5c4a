"""Importing a list of member ids for a card batch, with a preview of each line.

services.memberlist stops at the first bad entry; the preview parses each
line on its own with the same parser, so every bad line is named at once,
together with ids that name no member, a member who is not diamond or one
who already holds a card. Only the good lines are queued.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.memberlist import MemberListError, parse_member_list
from memberdesk.services.models import Card, Member

log = logging.getLogger(__name__)

_CSV_HEADER = re.compile(r"^\s*id\s*[,;\t]")


@dataclass(frozen=True)
class ListLine:
    """One entry of the list: its line, its text, and what it names."""

    line: int
    text: str
    member_id: int | None
    name: str = ""
    problem: str = ""  # "", bad_line, unknown_member, not_diamond, has_card, twice


def preview_member_list(sessions: sessionmaker[Session], text: str) -> list[ListLine]:
    """Every entry of an imported list, good or bad, in file order."""
    lines = text.lstrip("\ufeff").splitlines()
    first = lines[0].lower() if lines else ""
    is_csv = "member_id" in first or bool(_CSV_HEADER.match(first))
    body = list(enumerate(lines[1:], start=2) if is_csv else enumerate(lines, 1))
    entries: list[tuple[int, str, int | None]] = []
    for number, line in body:
        if not line.strip():
            continue
        try:
            ids = parse_member_list(f"{lines[0]}\n{line}" if is_csv else line)
        except MemberListError:
            entries.append((number, line.strip(), None))
            continue
        entries.extend((number, line.strip(), member_id) for member_id in ids)
    wanted = {member_id for _n, _t, member_id in entries if member_id is not None}
    with sessions() as s:
        members = {
            m.id: (m.name, m.tier_code)
            for m in s.scalars(select(Member).where(Member.id.in_(wanted)))
        }
        carded = set(
            s.scalars(
                select(Card.member_id).where(
                    Card.member_id.in_(wanted), Card.status == "active"
                )
            )
        )
    out: list[ListLine] = []
    seen: set[int] = set()
    for number, line, member_id in entries:
        if member_id is None:
            out.append(ListLine(number, line, None, "", "bad_line"))
            continue
        name, tier = members.get(member_id, ("", ""))
        if not name:
            problem = "unknown_member"
        elif member_id in seen:
            problem = "twice"
        elif tier != "diamond":
            problem = "not_diamond"
        elif member_id in carded:
            problem = "has_card"
        else:
            problem = ""
        seen.add(member_id)
        out.append(ListLine(number, line, member_id, name, problem))
    return out


class ImportListDialog(QDialog):
    """Pick a text or CSV file of member ids, see each line, queue the good ones."""

    def __init__(
        self, sessions: sessionmaker[Session], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importListDialog")
        self.setWindowTitle(self.tr("Import a list of members"))
        self._sessions = sessions
        self.lines: list[ListLine] = []

        self.choose_button = QPushButton(self.tr("Choose a file…"), self)
        self.choose_button.clicked.connect(self._choose)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("importPreview")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Entry"), self.tr("Member"), self.tr("Check")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self.show_text("")

    def member_ids(self) -> list[int]:
        """The members the good lines name, in file order."""
        return [x.member_id for x in self.lines if not x.problem and x.member_id]

    def load_file(self, path: Path) -> bool:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.info("member list %s not read: %s", path.name, exc)
            self.summary.setText(
                self.tr("%1 cannot be read as a text file.").replace("%1", path.name)
            )
            self.show_text("")
            return False
        self.show_text(text)
        return True

    def show_text(self, text: str) -> None:
        self.lines = preview_member_list(self._sessions, text)
        self.table.setRowCount(len(self.lines))
        for row, entry in enumerate(self.lines):
            member = f"{entry.name} (#{entry.member_id})" if entry.name else ""
            cells = (str(entry.line), entry.text, member, self._check(entry))
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        good = len(self.member_ids())
        bad = len(self.lines) - good
        if self.lines:
            self.summary.setText(
                self.tr("%1 members will be queued; %2 lines are left out.")
                .replace("%1", str(good))
                .replace("%2", str(bad))
            )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Queue %1 members").replace("%1", str(good)))
        ok.setEnabled(good > 0)

    def _check(self, entry: ListLine) -> str:
        table = {
            "": self.tr("OK"),
            "bad_line": self.tr("Not a member id"),
            "unknown_member": self.tr("No such member"),
            "not_diamond": self.tr("Not a diamond member"),
            "has_card": self.tr("Already holds a card"),
            "twice": self.tr("Listed twice"),
        }
        return table.get(entry.problem, entry.problem)

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("List of member ids"),
            str(Path.home()),
            self.tr("Text or CSV (*.txt *.csv);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))
