"""The batch tap loop: one blank card after another for a queue of members.

`run_batch` is headless: the CLI runs it on the calling thread, the console
runs it on the reader thread and turns `on_event` into queued signals. Taps
come from a `Taps` source: a reader (`ReaderTaps`) or, for tests and
training, a stack of virtual card files (`StackTaps`), each file the next
card on the stack.

Every outcome leaves the member in the queue's books before the next tap:
done, resumable (the same card resumes from its journal), waiting for
another card (this chip was refused) or failed with a reason.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import nfc.clf
import nfc.tag
from nfc.tag import tt2

from memberdesk.nfc.encoder import Confirm, Encoder, EncodeRefused, EncodeResult
from memberdesk.nfc.ntag import NtagLink
from memberdesk.nfc.reader import OpenReader, ReaderError, tap_once
from memberdesk.nfc.sim.image import ImageFormatError
from memberdesk.services import originality
from memberdesk.services.batch import (
    ORIGINALITY_REVIEW,
    RESUMABLE_REASONS,
    BatchProgress,
    BatchQueue,
)
from memberdesk.services.cards import CardDesk, IssueRefused
from memberdesk.services.permissions import Actor

log = logging.getLogger(__name__)

# Refusals after which the same card, tapped again, carries on.
RESUMABLE = RESUMABLE_REASONS - {"crashed", "reader_lost"}
# Originality words that need an admin's decision.
NOT_ORIGINAL = frozenset({originality.FAILED, originality.ABSENT})
MAX_RETAPS = 3  # of one virtual card in a stack before it is put aside


class OutOfCards(Exception):
    """The stack of cards is used up."""


class Taps(Protocol):
    """Where the batch's taps come from."""

    def tap(
        self,
        handle: Callable[[object], EncodeResult],
        again: bool,
        stop: threading.Event,
    ) -> EncodeResult | None:
        """Run `handle(tag)` on the next tap; None when stopped first.

        `again` asks for the same card as last time (a resume); a reader can
        only wait for whatever card comes. ReaderError: the reader is gone.
        OutOfCards: nothing left to tap.
        """
        ...


class ReaderTaps:
    """Taps on a reader; each returns only once the card has left."""

    def __init__(self, reader: OpenReader) -> None:
        self.reader = reader

    def tap(
        self,
        handle: Callable[[object], EncodeResult],
        again: bool,
        stop: threading.Event,
    ) -> EncodeResult | None:
        done = tap_once(self.reader, handle, stop, wait_removal=True)
        return done  # type: ignore[return-value]


class StackTaps:
    """A stack of virtual card files on the simulated reader.

    `faults` maps a file name to the Faults of its first tap, so tests can pull
    a card away, tear a write or make it NAK.
    """

    def __init__(
        self,
        files: Sequence[str | os.PathLike[str]],
        faults: dict[str, object] | None = None,
        **device_options: int,
    ) -> None:
        from memberdesk.nfc.sim.device import SimReader

        self.files = [Path(f) for f in files]
        self.faults = dict(faults or {})
        self.device_options = device_options
        self.sim = SimReader()
        self._index = -1
        self._retaps = 0
        self.used: list[Path] = []  # every file placed, in order

    @classmethod
    def from_folder(
        cls, folder: str | os.PathLike[str], **options: object
    ) -> StackTaps:
        suffixes = {".json", ".nfc"}
        files = sorted(p for p in Path(folder).iterdir() if p.suffix in suffixes)
        return cls(files, **options)  # type: ignore[arg-type]

    @property
    def left(self) -> int:
        return len(self.files) - self._index - 1

    def tap(
        self,
        handle: Callable[[object], EncodeResult],
        again: bool,
        stop: threading.Event,
    ) -> EncodeResult | None:
        from memberdesk.nfc.sim.device import open_sim_frontend

        if stop.is_set():
            return None
        if again and self._index >= 0 and self._retaps < MAX_RETAPS:
            self._retaps += 1
        else:
            self._index += 1
            self._retaps = 0
        if self._index >= len(self.files):
            raise OutOfCards("no more cards on the stack")
        path = self.files[self._index]
        faults = None if self._retaps else self.faults.get(path.name)
        self.used.append(path)
        try:
            self.sim.place(path, faults)  # type: ignore[arg-type]
        except ImageFormatError as exc:
            self._retaps = MAX_RETAPS  # a broken file is not tapped again
            raise EncodeRefused("bad_card_file", str(exc)) from exc
        clf = open_sim_frontend(self.sim, **self.device_options)
        try:
            target = clf.sense(nfc.clf.RemoteTarget("106A"))
            tag = nfc.tag.activate(clf, target) if target else None
            if tag is None:
                raise EncodeRefused(
                    "card_removed", "the card left before it could be read"
                )
            return handle(tag)
        finally:
            self.sim.remove()
            clf.close()


@dataclass(frozen=True)
class BatchEvent:
    """What happened at one tap, for the progress display."""

    kind: str  # done, resumable, refused, failed, paused, finished
    member_id: int | None
    member_name: str
    reason: str | None
    message: str
    progress: BatchProgress


def encode_handler(encoder: Encoder) -> Callable[[object], EncodeResult]:
    """The on-connect handler: refuse what is not a Type 2 chip by name."""

    def handle(tag: object) -> EncodeResult:
        if not isinstance(tag, tt2.Type2Tag):
            kind = getattr(tag, "product", None) or getattr(tag, "type", "tag")
            raise EncodeRefused(
                "unsupported_chip",
                f"this is a {kind}; member cards need an NTAG215 or NTAG216",
            )
        return encoder.encode(NtagLink(tag))

    return handle


def run_batch(
    queue: BatchQueue,
    desk: CardDesk,
    batch_id: int,
    actor: Actor,
    taps: Taps,
    *,
    confirm: Confirm = lambda question, text: False,
    originality_keys: dict[str, bytes] | None = None,
    stop: threading.Event | None = None,
    on_event: Callable[[BatchEvent], None] = lambda event: None,
    clock: Callable[[], float] = time.monotonic,
) -> BatchProgress:
    """Work the batch until it is done, paused, stopped or out of cards."""
    stop = stop or threading.Event()
    queue.recover(batch_id)
    queue.resume(batch_id, actor)
    again = False

    def tell(kind: str, item, reason: str | None, message: str) -> None:  # noqa: ANN001
        on_event(
            BatchEvent(
                kind,
                item.member_id if item else None,
                item.member_name if item else "",
                reason,
                message,
                queue.progress(batch_id),
            )
        )

    while True:
        item = queue.next_item(batch_id)
        if item is None:
            queue.finish(batch_id)
            tell("finished", None, None, "every member of the batch is dealt with")
            break
        if stop.is_set():
            queue.pause(batch_id, "paused")
            tell("paused", item, "paused", "paused by the issuer")
            break
        try:
            job = desk.prepare(item.member_id, actor)
        except IssueRefused as exc:
            queue.failed(item.id, exc.reason, str(exc))
            tell("failed", item, exc.reason, str(exc))
            continue
        encoder = Encoder(desk, job, confirm, originality_keys=originality_keys)
        queue.start(item.id, job.card_id)
        started = clock()
        try:
            result = taps.tap(encode_handler(encoder), again, stop)
        except EncodeRefused as exc:
            millis = round((clock() - started) * 1000)
            again = exc.reason in RESUMABLE
            if again:
                queue.interrupted(item.id, exc.reason, str(exc), millis)
                tell("resumable", item, exc.reason, str(exc))
            else:
                queue.chip_refused(item.id, exc.reason, str(exc))
                tell("refused", item, exc.reason, str(exc))
            continue
        except OutOfCards as exc:
            queue.released(item.id, "no_more_cards", str(exc))
            queue.pause(batch_id, f"no_more_cards: {exc}")
            tell("paused", item, "no_more_cards", str(exc))
            break
        except (ReaderError, OSError) as exc:
            queue.released(item.id, "reader_lost", str(exc))
            queue.pause(batch_id, f"reader_lost: {exc}")
            tell("paused", item, "reader_lost", str(exc))
            break
        if result is None:
            queue.released(item.id, "paused", "stopped before a card came")
            queue.pause(batch_id, "paused")
            tell("paused", item, "paused", "paused by the issuer")
            break
        again = False
        millis = round((clock() - started) * 1000)
        review = ORIGINALITY_REVIEW if result.originality in NOT_ORIGINAL else None
        queue.done(item.id, result.uid, result.originality, millis, review)
        tell("done", item, None, f"card {result.card_number:08d} on {result.chip}")
        if review and queue.on_bad_originality(batch_id) == "stop":
            note = (
                f"originality {result.originality} on chip {result.uid.hex().upper()}"
                ": an admin has to decide"
            )
            queue.pause(batch_id, f"originality: {note}")
            tell("paused", item, "originality", note)
            break
    return queue.progress(batch_id)
