"""The demo's tray of virtual cards: card files that can be put on the reader.

The tray knows files, not readers: it asks for a card to be placed or taken
off through its signals, and is told what is on the reader. What a file
holds is said by a `describe` callable handed in, since reading a card's
message is not a widget's business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

CARD_SUFFIXES = (".json", ".nfc")
PATH_ROLE = Qt.ItemDataRole.UserRole + 3


class CardTray(QWidget):
    """A list of virtual card files with "Place on reader" and "Take off"."""

    #: The user asked to put the card file at this path on the reader.
    place_requested = Signal(str)
    #: The user asked to take the card that is on the reader off.
    take_off_requested = Signal()

    def __init__(
        self,
        folder: Path | None,
        parent: QWidget | None = None,
        describe: Callable[[Path], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardTray")
        self.setMaximumWidth(280)
        self._folder = folder
        self._describe = describe
        self._extra: list[Path] = []
        self._placed: Path | None = None

        self.cards = QListWidget(self)
        self.cards.setObjectName("cardTrayList")
        self.cards.setAccessibleName(self.tr("Virtual cards"))
        self.cards.itemDoubleClicked.connect(lambda _item: self._place())
        self.cards.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.on_reader = QLabel(self)
        self.on_reader.setWordWrap(True)

        self.place_button = QPushButton(self.tr("Place on reader"), self)
        self.place_button.clicked.connect(self._place)
        self.take_off_button = QPushButton(self.tr("Take off"), self)
        self.take_off_button.clicked.connect(self.take_off_requested)
        self.other_button = QPushButton(self.tr("Other card file…"), self)
        self.other_button.clicked.connect(self._choose_file)

        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.take_off_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cards, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.other_button)
        layout.addWidget(self.on_reader)
        self.refresh()
        self.set_placed(None)

    def files(self) -> list[Path]:
        found: list[Path] = []
        if self._folder is not None and self._folder.is_dir():
            found = sorted(
                p
                for p in self._folder.iterdir()
                if p.suffix in CARD_SUFFIXES and not p.name.startswith(".")
            )
        return found + [p for p in self._extra if p not in found]

    def refresh(self) -> None:
        """List the folder again (a save may have added a card)."""
        current = self.selected()
        self.cards.clear()
        for path in self.files():
            item = QListWidgetItem(self.label(path), self.cards)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            if path == current:
                self.cards.setCurrentItem(item)
        if self.cards.currentItem() is None and self.cards.count():
            self.cards.setCurrentRow(0)
        self._update_buttons()

    def label(self, path: Path) -> str:
        """The file's name, and what it holds when the tray can be told."""
        if self._describe is None:
            return path.stem
        return (
            self.tr("%1 · %2")
            .replace("%1", path.stem)
            .replace("%2", self._describe(path))
        )

    def add_file(self, path: Path) -> None:
        if path not in self._extra:
            self._extra.append(path)
        self.refresh()
        self.select(path)

    def select(self, path: Path) -> None:
        for row in range(self.cards.count()):
            item = self.cards.item(row)
            if Path(item.data(PATH_ROLE)) == path:
                self.cards.setCurrentItem(item)

    def selected(self) -> Path | None:
        item = self.cards.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def set_placed(self, path: Path | None) -> None:
        """Show which card is on the reader (None: the reader is empty)."""
        self._placed = path
        if path is None:
            self.on_reader.setText(self.tr("The reader is empty."))
        else:
            self.on_reader.setText(
                # Only the name: the file is written back when it is taken off.
                self.tr("On the reader: %1").replace("%1", path.stem)
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.place_button.setEnabled(self.selected() is not None)
        self.take_off_button.setEnabled(self._placed is not None)

    def _place(self) -> None:
        path = self.selected()
        if path is not None:
            self.place_requested.emit(str(path))

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Virtual card file"),
            str(self._folder or Path.home()),
            self.tr("Card images (*.json *.nfc)"),
        )
        if name:
            self.add_file(Path(name))
