"""The door's big verdict panel: colour, headline, name, tier and reason.

Colour alone never carries the verdict: the headline and the reason are
always written out beside it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from memberdesk.widgets.tier_badge import TierBadge, TierLook

log = logging.getLogger(__name__)

ADMIT = "admit"
REFUSE = "refuse"
SUPERVISOR = "supervisor"  # refused, but a supervisor may admit over it
WAIT = "wait"  # nothing decided: tap or scan again, choose an event
IDLE = "idle"


class VerdictPanel(QFrame):
    """Shows one verdict; the style sheet colours it by its `verdict` property."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setProperty("verdict", IDLE)

        self.headline = QLabel(self)
        self.headline.setObjectName("verdictHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.member = QLabel(self)
        self.member.setObjectName("verdictMember")
        self.member.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge = TierBadge(self, point_size=20, outline=True)

        self.reason = QLabel(self)
        self.reason.setObjectName("verdictReason")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)

        who = QHBoxLayout()
        who.addStretch(1)
        who.addWidget(self.member)
        who.addSpacing(16)
        who.addWidget(self.badge)
        who.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addSpacing(12)
        layout.addLayout(who)
        layout.addSpacing(12)
        layout.addWidget(self.reason)
        layout.addStretch(1)

    @property
    def verdict(self) -> str:
        return str(self.property("verdict"))

    def show_verdict(
        self,
        verdict: str,
        headline: str,
        reason: str,
        member: str = "",
        tier: TierLook | None = None,
    ) -> None:
        """`verdict` is ADMIT, REFUSE, SUPERVISOR, WAIT or IDLE; the words say
        the rest."""
        self.setProperty("verdict", verdict)
        # Qt reads dynamic properties for style sheets only on a re-polish.
        for widget in (self, self.headline, self.member, self.reason):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.headline.setText(headline)
        self.reason.setText(reason)
        self.member.setText(member)
        self.member.setVisible(bool(member))
        self.badge.set_tier(tier)
        self.setAccessibleName(f"{headline}. {member} {reason}".strip())
