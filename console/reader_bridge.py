"""The reader thread seen from Qt: queued signals in, a tap handler out.

The reader thread (memberdesk.nfc.reader.ReaderThread) owns the reader and
calls back on its own thread. This bridge is the one seam: the page that
wants taps installs a handler, which runs on the reader thread and does all
of its tag I/O there; what it returns, or raises, comes back to the GUI
thread as a queued signal. Widgets are never touched from the reader thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from memberdesk.nfc.reader import SENSE_AGAIN, ReaderThread

log = logging.getLogger(__name__)

Handler = Callable[[object], object]

# How long the reader thread waits between looks at the stop flag while a
# question is open on screen; the answer itself wakes it at once.
_ANSWER_POLL = 0.2
# How often a card lying on the reader, unhandled, is looked at.
_HOLD_POLL = 0.2


class ReaderBridge(QObject):
    """Wraps a ReaderThread for one window; start() it, stop() it on close."""

    #: The reader's state changed: a code (opening, ready, error, closed) and
    #: details in English from the reader layer (a device name, an error).
    state_changed = Signal(str, str)
    #: A handler finished with a tap: (the owner that installed it, result).
    tap_handled = Signal(object, object)
    #: A handler raised: (owner, the exception); expected refusals arrive here.
    tap_failed = Signal(object, object)
    #: A card was tapped while no page was waiting for one.
    tap_unhandled = Signal()
    #: A handler reported progress: (owner, step code).
    step_reported = Signal(object, str)
    #: A handler asks a yes/no question: (owner, question code, detail in
    #: English). Answer with answer(); the reader thread waits for it.
    confirm_requested = Signal(object, str, str)

    def __init__(self, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._lock = threading.Lock()
        self._owner: object | None = None
        self._handler: Handler | None = None
        self._answer = threading.Event()
        self._answer_value = False
        self._stopping = threading.Event()
        # Set when a page installs a handler: a card held unhandled wakes.
        self._handler_set = threading.Event()
        self._thread = ReaderThread(
            path, self._on_tag, on_state=self._on_state, on_error=self._on_error
        )
        self.state = "opening"
        self.state_detail = ""
        self.state_changed.connect(self._remember_state)

    # GUI thread.

    def start(self) -> None:
        log.debug("starting the reader thread on %s", self.path)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the reader thread and wait for it; a pending question says no."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self.answer(False)
        self._thread.stop()
        if self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the reader thread did not stop within %s s", timeout)

    def is_running(self) -> bool:
        return self._thread.is_alive()

    @property
    def sim(self) -> object | None:
        """The simulated reader's slot (SimReader) once the reader is open."""
        reader = self._thread.reader
        return reader.sim if reader is not None else None

    @property
    def originality_keys(self) -> dict[str, bytes]:
        reader = self._thread.reader
        return reader.originality_keys if reader is not None else {}

    def set_handler(self, owner: object, handler: Handler) -> None:
        """Send every following tap to `handler`, on the reader thread; a
        card already lying on the reader, unhandled, goes to it too."""
        with self._lock:
            self._owner, self._handler = owner, handler
        self._handler_set.set()

    def clear_handler(self, owner: object) -> None:
        """Stop sending taps to `owner`'s handler (if it is still installed)."""
        with self._lock:
            if self._owner is owner:
                self._owner, self._handler = None, None

    def handler_owner(self) -> object | None:
        with self._lock:
            return self._owner

    def answer(self, yes: bool) -> None:
        """The GUI's answer to the open confirm_requested question."""
        self._answer_value = yes
        self._answer.set()

    def _remember_state(self, state: str, detail: str) -> None:
        self.state, self.state_detail = state, detail

    # Reader thread.

    def report_step(self, owner: object, step: str) -> None:
        """Called by a handler to report progress; safe from any thread."""
        self.step_reported.emit(owner, step)

    def ask(self, owner: object, question: str, detail: str) -> bool:
        """Ask the GUI a yes/no question and wait for the answer.

        Called on the reader thread only: it blocks that thread, never the
        GUI. Stopping the bridge answers no.
        """
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("ask() would block the GUI thread")
        self._answer.clear()
        self._answer_value = False
        self.confirm_requested.emit(owner, question, detail)
        while not self._answer.wait(_ANSWER_POLL):
            if self._stopping.is_set():
                return False
        return self._answer_value and not self._stopping.is_set()

    def _on_tag(self, tag: object) -> object:
        with self._lock:
            owner, handler = self._owner, self._handler
        if handler is None:
            log.debug("tap with no page waiting for it")
            self.tap_unhandled.emit()
            return SENSE_AGAIN if self._held_until_wanted(tag) else None
        try:
            result = handler(tag)
        except OSError:
            raise  # the reader itself is gone; ReaderThread reopens it
        except Exception as exc:  # noqa: BLE001 - every refusal goes to the page
            log.info("tap handler stopped: %s", exc)
            self.tap_failed.emit(owner, exc)
            return
        self.tap_handled.emit(owner, result)

    def _held_until_wanted(self, tag: object) -> bool:
        """Keep an unhandled card until a page wants taps or it leaves.

        The issuer who lays the blank card down first and then presses
        Encode expects that card to be encoded, not to lift it and tap
        again. True when a page now wants it: the reader then senses the
        card afresh, so the page gets a new tap, never a stale one.
        """
        self._handler_set.clear()
        while not self._stopping.is_set():
            with self._lock:
                if self._handler is not None:
                    log.debug("a card on the reader goes to the page now waiting")
                    return True
            if not getattr(tag, "is_present", False):
                return False
            self._handler_set.wait(_HOLD_POLL)
            self._handler_set.clear()
        return False

    def _on_state(self, state: str, detail: str) -> None:
        self.state_changed.emit(state, detail)

    def _on_error(self, exc: BaseException) -> None:
        # _on_tag catches what handlers raise, so this is a bug in the bridge.
        log.error("reader callback failed: %s", exc)
        self.tap_failed.emit(None, exc)
