"""Tier badges: the tier's name on its colour, the same everywhere.

The name is always written on the badge, so the colour is never the only
sign of the tier.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

log = logging.getLogger(__name__)

# The item role that carries a TierLook for the badge delegate.
TIER_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TierLook:
    """How a tier is shown: its translated name and its colour."""

    label: str
    colour: str


def text_colour_for(background: QColor) -> QColor:
    """Dark text on light badges, white on dark ones, for contrast."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#16202A") if luminance > 0.5 else QColor("#FFFFFF")


class TierBadge(QLabel):
    """A rounded label in the tier's colour."""

    def __init__(
        self, parent: QWidget | None = None, point_size: int = 10, outline: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tierBadge")
        self._point_size = point_size
        # On a coloured panel (the door's verdict) a gold badge on amber would
        # melt into it: a light edge keeps it apart.
        self._edge = "border: 2px solid #FFFFFF;" if outline else ""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def set_tier(self, look: TierLook | None) -> None:
        if look is None:
            self.clear()
            self.hide()
            return
        fill = QColor(look.colour)
        ink = text_colour_for(fill)
        # A per-instance sheet: the colour is data, not style.
        self.setStyleSheet(
            f"QLabel#tierBadge {{ background: {fill.name()}; color: {ink.name()};"
            f" font-size: {self._point_size}pt; font-weight: 600;"
            f" border-radius: 6px; padding: 2px 12px; {self._edge} }}"
        )
        self.setText(look.label)
        self.show()


class TierBadgeDelegate(QStyledItemDelegate):
    """Paints the TierLook found under TIER_ROLE as a badge in a table cell."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        look = index.data(TIER_ROLE)
        if not isinstance(look, TierLook):
            super().paint(painter, option, index)
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(
                option.rect, option.palette.brush(QPalette.ColorRole.Highlight)
            )
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(look.label) + 16
        height = min(option.rect.height() - 4, metrics.height() + 4)
        badge = QRect(
            option.rect.left() + 4,
            option.rect.center().y() - height // 2,
            min(width, option.rect.width() - 8),
            height,
        )
        fill = QColor(look.colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, 5, 5)
        painter.setPen(text_colour_for(fill))
        painter.setFont(option.font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, look.label)
        painter.restore()

    def sizeHint(  # noqa: N802 - Qt's name
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        look = index.data(TIER_ROLE)
        hint = super().sizeHint(option, index)
        if isinstance(look, TierLook):
            metrics = QFontMetrics(option.font)
            hint.setWidth(metrics.horizontalAdvance(look.label) + 28)
        return hint
