"""The batch's tap handler: one card on the reader, one run of the batch.

run_batch (nfc.batch) loops over taps; at a desk with a reader thread the
taps come one by one through the reader bridge instead. Each tap runs the
batch with a tap source that holds only the card already on the reader, and
that stops the run once the card is worked, whatever became of it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from memberdesk.nfc.batch import BatchEvent, run_batch
from memberdesk.nfc.encoder import Confirm, EncodeResult
from memberdesk.nfc.ntag import NtagLink
from memberdesk.services.batch import BatchProgress, BatchQueue
from memberdesk.services.cards import CardDesk
from memberdesk.services.permissions import Actor

log = logging.getLogger(__name__)


class OneTap:
    """The card already on the reader, as the only tap of a batch run."""

    def __init__(self, tag: object, stop: threading.Event) -> None:
        self._tag = tag
        self._stop = stop
        self._used = False

    def tap(
        self,
        handle: Callable[[object], EncodeResult],
        again: bool,
        stop: threading.Event,
    ) -> EncodeResult | None:
        if self._used:
            return None
        self._used = True
        try:
            return handle(self._tag)
        finally:
            self._stop.set()


def batch_handler(
    queue: BatchQueue,
    desk: CardDesk,
    batch_id: int,
    actor: Actor | None,
    confirm: Callable[[bytes], Confirm],
    originality_keys: Callable[[], dict[str, bytes]],
    on_event: Callable[[BatchEvent], None],
) -> Callable[[object], BatchProgress]:
    """The reader-thread handler that works the batch for the tapped card.

    `confirm(uid)` gives the overwrite question's answerer for that chip.
    """

    def one_card(tag: object) -> BatchProgress:
        stop = threading.Event()
        return run_batch(
            queue,
            desk,
            batch_id,
            actor,
            OneTap(tag, stop),
            confirm=confirm(NtagLink(tag).uid),
            originality_keys=originality_keys(),
            stop=stop,
            on_event=on_event,
        )

    return one_card
