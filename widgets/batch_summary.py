"""A card batch at a glance: its number and state, a bar, and the counts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from memberdesk.services.batch import BatchProgress

log = logging.getLogger(__name__)


class BatchSummary(QWidget):
    """Heading, progress bar and counters of one batch, or of none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchSummary")
        self.heading = QLabel(self)
        self.heading.setObjectName("batchHeading")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("batchProgress")
        self.bar.setFormat("%v / %m")
        self.counts = QLabel(self)
        self.counts.setObjectName("batchCounts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)

    def show_progress(
        self,
        progress: BatchProgress | None,
        status_words: str = "",
        time_words: Callable[[int | None], str] = str,
    ) -> None:
        """Show `progress`; `status_words` says its state, `time_words` a time."""
        if progress is None:
            self.heading.setText(self.tr("No batch yet: queue members on the left."))
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self.counts.clear()
            return
        self.heading.setText(
            self.tr("Batch %1 · %2")
            .replace("%1", str(progress.batch_id))
            .replace("%2", status_words)
        )
        settled = progress.done + progress.failed + progress.skipped
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(settled)
        self.counts.setText(
            self.tr("Done %1 · left %2 · failed %3 · skipped %4 · %5 per card")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.left))
            .replace("%3", str(progress.failed))
            .replace("%4", str(progress.skipped))
            .replace("%5", time_words(progress.mean_millis))
        )
