"""The card room's faces tab: preview a member's printable card, save it.

A face is drawn with Pillow (services.cardface) off the GUI thread; it comes
back as PNG bytes and is shown as a pixmap. Each face carries a freshly
issued member QR, so a face is made once per member while the tab lives and
saved as it was previewed.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console.forms import set_tone
from memberdesk.console.pages import card_words
from memberdesk.console.work import run_job
from memberdesk.services.audit import AuditLog
from memberdesk.services.cardface import (
    FaceRefused,
    face_for_member,
    render_face,
    save_faces,
)
from memberdesk.services.members import MemberRow, count_members, search_members
from memberdesk.services.permissions import Actor
from memberdesk.services.secrets import SecretStore
from memberdesk.widgets import member_table
from memberdesk.widgets.member_table import MemberQuery, MemberTableModel
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 520


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


class FacePanel(QWidget):
    """Preview the selected member's card face; save it, or a batch sheet."""

    #: A preview is on screen; carries the member id.
    face_shown = Signal(int)
    #: Faces were written; carries the list of paths.
    saved = Signal(object)
    #: Making or saving a face failed; carries the words shown.
    failed = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        store: SecretStore,
        audit: AuditLog | None,
        tiers: Mapping[str, TierLook],
        actor: Callable[[], Actor | None] = lambda: None,
        batch_members: Callable[[], list[int]] = lambda: [],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("facePanel")
        self._sessions = sessions
        self._store = store
        self._audit = audit
        self._actor = actor
        self._batch_members = batch_members
        self._faces: dict[int, Image.Image] = {}
        self._working = False
        self.member_id: int | None = None
        self.model = MemberTableModel(self._fetch, self._count, tiers, parent=self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Find a member: name, phone tail, card number or #id")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a member's card face"))
        self.search.returnPressed.connect(self.find)
        self.table = member_table.member_view(self.model, "faceMembers", self)
        # Every face is a diamond's: the card number matters, not the tier.
        for column in (
            member_table.TIER,
            member_table.PHONE,
            member_table.JOINED,
            member_table.SPEND,
        ):
            self.table.hideColumn(column)
        self.table.setColumnWidth(member_table.ID, 56)
        self.table.doubleClicked.connect(lambda _index: self.preview_selected())

        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.clicked.connect(self.preview_selected)
        self.png_button = QPushButton(self.tr("Save PNG…"), self)
        self.png_button.clicked.connect(lambda: self._ask_save(".png"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self._ask_save(".pdf"))
        self.sheet_button = QPushButton(self.tr("Sheet for the batch…"), self)
        self.sheet_button.setToolTip(
            self.tr("The faces of the batch's encoded cards on A4, 10 a page (PDF)")
        )
        self.sheet_button.clicked.connect(self._ask_sheet)
        self.picture = QLabel(self)
        self.picture.setObjectName("facePreview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 638 / 1011))
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.png_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sheet_button)
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.picture)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.setFocusProxy(self.search)
        self._say("")
        self._show_face(None)

    def panel_shown(self) -> None:
        if self.model.rowCount() == 0:
            self.find()

    def panel_hidden(self) -> None:
        pass

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

    def select_member(self, member_id: int) -> bool:
        self.search.setText(f"#{member_id}")
        self.find()
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def preview_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        member = self.model.row_at(rows[0].row()) if rows else None
        if member is not None:
            self.preview(member.id)

    def preview(self, member_id: int) -> None:
        """Make (once) and show the member's face, off the GUI thread."""
        self.member_id = member_id
        if member_id in self._faces:
            self._show_face(self._faces[member_id])
            self.face_shown.emit(member_id)
            return
        make = self._maker([member_id])
        job = run_job("card face", make)
        job.succeeded.connect(lambda faces: self._preview_made(member_id, faces))
        job.failed.connect(self._refused)
        self._busy(True)

    def _maker(self, member_ids: list[int]) -> Callable[[], dict[int, Image.Image]]:
        """A call for the pool thread: the faces of `member_ids`, made or kept.

        It gets plain values only; the faces it makes are kept on return, on
        the GUI thread.
        """
        sessions, store, audit, actor = (
            self._sessions,
            self._store,
            self._audit,
            self._actor(),
        )
        have = dict(self._faces)

        def make() -> dict[int, Image.Image]:
            faces = {}
            for member_id in member_ids:
                if member_id in have:
                    faces[member_id] = have[member_id]
                    continue
                data = face_for_member(sessions, store, member_id, actor, audit)
                faces[member_id] = render_face(data)
            return faces

        return make

    def _preview_made(self, member_id: int, faces: dict[int, Image.Image]) -> None:
        self._faces.update(faces)
        self._busy(False)
        self._say("")
        if member_id == self.member_id:
            self._show_face(self._faces[member_id])
        self.face_shown.emit(member_id)

    def _show_face(self, image: Image.Image | None) -> None:
        if image is None:
            self.picture.setText(self.tr("Choose a member, then Preview."))
            self._update_buttons()
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png_bytes(image), "PNG")
        self.picture.setPixmap(
            pixmap.scaledToWidth(
                PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
            )
        )
        self._update_buttons()

    def save(self, path: Path) -> None:
        """Save the previewed face as PNG or PDF (by the file's suffix)."""
        if self.member_id not in self._faces:
            return
        self._write([self.member_id], path, sheet=False)

    def save_sheet(self, path: Path) -> None:
        """The faces of the batch's encoded cards on A4 sheets."""
        members = self._batch_members()
        if not members:
            self._say(self.tr("No card of the batch is encoded yet."))
            return
        self._write(members, path, sheet=True)

    def _write(self, member_ids: list[int], path: Path, sheet: bool) -> None:
        make = self._maker(member_ids)

        def write() -> tuple[dict[int, Image.Image], list[Path]]:
            faces = make()
            images = [faces[m] for m in member_ids]
            return faces, save_faces(images, path, sheet=sheet)

        job = run_job("save card faces", write)
        job.succeeded.connect(lambda done: self._written(*done))
        job.failed.connect(self._refused)
        self._busy(True)

    def _written(self, faces: dict[int, Image.Image], paths: list[Path]) -> None:
        self._faces.update(faces)
        self._busy(False)
        names = ", ".join(p.name for p in paths)
        self._say(self.tr("Saved: %1").replace("%1", names), tone="ok")
        self.saved.emit(paths)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, (FaceRefused, PermissionError)):
            text = card_words.life_refused_words(getattr(exc, "reason", "not_allowed"))
        elif isinstance(exc, OSError):
            text = self.tr("The file could not be written.")
        else:
            log.error("card face failed", exc_info=exc)
            text = self.tr("The card face could not be made.")
        self._say(text, str(exc))
        self.failed.emit(text)

    def _ask_save(self, suffix: str) -> None:
        name = f"card-{self.member_id}{suffix}"
        kinds = (
            self.tr("PNG image (*.png)")
            if suffix == ".png"
            else self.tr("PDF document (*.pdf)")
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the card face"), str(Path.home() / name), kinds
        )
        if path:
            self.save(Path(path).with_suffix(suffix))

    def _ask_sheet(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the batch's card faces"),
            str(Path.home() / "card-sheet.pdf"),
            self.tr("PDF document (*.pdf)"),
        )
        if path:
            self.save_sheet(Path(path).with_suffix(".pdf"))

    def _busy(self, busy: bool) -> None:
        self._working = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._working
        ready = self.member_id in self._faces and not busy
        self.preview_button.setEnabled(not busy)
        self.png_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        self.sheet_button.setEnabled(not busy)

    def _say(self, text: str, detail: str = "", tone: str = "error") -> None:
        self.message.setText(text)
        self.message.setToolTip(detail)
        self.message.setVisible(bool(text))
        set_tone(self.message, tone)
