"""The reader: opening a path, and the one thread that owns it.

One reader thread owns nfcpy's ContactlessFrontend for the app's whole life
(an ACR122U often cannot be reopened after close(), nfcpy#243). It loops
`connect()` with a short sense cycle so that it stops within a fraction of a
second; all tag I/O happens inside on-connect, on that thread, and results
leave as plain callbacks.
"""

from __future__ import annotations

import errno
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nfc
import nfc.clf

log = logging.getLogger(__name__)

SENSE = {
    "targets": ["106A"],
    "iterations": 3,
    "interval": 0.1,
    "beep-on-connect": False,
}


class ReaderError(Exception):
    """A reader that cannot be opened or used, said in words."""


@dataclass
class OpenReader:
    clf: nfc.ContactlessFrontend
    path: str
    sim: object | None = None  # the SimReader when the path is sim:...

    @property
    def originality_keys(self) -> dict[str, bytes]:
        if self.sim is None:
            return {}
        from memberdesk.nfc.sim.image import SIMULATOR_ORIGINALITY_PUBLIC_KEY
        from memberdesk.services.originality import SIMULATED

        return {SIMULATED: SIMULATOR_ORIGINALITY_PUBLIC_KEY}

    def close(self) -> None:
        """Close the reader; a virtual card is written back to its file."""
        try:
            if self.sim is not None:
                self.sim.remove()
        finally:
            self.clf.close()


def open_reader(path: str, writable: bool = True) -> OpenReader:
    """`sim:FILE` (a virtual card on the simulator), `sim`, or an nfcpy path.

    A virtual card that a command may write must be writable now: finding out
    when it is written back, after the database has recorded the card, is
    too late.
    """
    if path == "sim" or path.startswith("sim:"):
        from memberdesk.nfc.sim.device import SimReader, open_sim_frontend
        from memberdesk.nfc.sim.image import ImageFormatError

        reader = SimReader()
        card = path[4:]
        if card:
            if Path(card).is_dir():
                raise ReaderError(f"{card} is a folder, not a virtual card file")
            if not Path(card).is_file():
                raise ReaderError(f"no virtual card file at {card}")
            if writable:
                _check_writable(Path(card))
            try:
                reader.place(card)
            except ImageFormatError as exc:
                raise ReaderError(str(exc)) from exc
        return OpenReader(open_sim_frontend(reader), path, reader)

    clf = nfc.ContactlessFrontend()
    try:
        opened = clf.open(path)
    except OSError as exc:
        raise ReaderError(_explain(path, exc)) from exc
    except Exception as exc:  # noqa: BLE001 - nfcpy raises many kinds here
        raise ReaderError(f"reader {path!r}: {exc}") from exc
    if not opened:
        raise ReaderError(
            f"no reader found at {path!r}. Check that it is plugged in, that "
            "libusb-1.0 is installed, that a udev rule gives you access, and "
            "that pcscd and the pn533_usb/port100 kernel modules do not hold it."
        )
    return OpenReader(clf, path)


def _check_writable(card: Path) -> None:
    try:
        with card.open("r+b"):
            pass
        probe = card.with_name(f".{card.name}.write-test")
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReaderError(
            f"the virtual card {card} cannot be written ({exc.strerror or exc}); "
            "a card the command writes must be a writable file in a writable folder"
        ) from exc


def _explain(path: str, exc: OSError) -> str:
    if exc.errno == errno.EACCES:
        return (
            f"no permission to use the reader at {path!r}: add a udev rule "
            "(see the README) and replug it"
        )
    if exc.errno == errno.EBUSY:
        return (
            f"the reader at {path!r} is busy: stop pcscd and unload the "
            "pn533_usb/port100 kernel modules"
        )
    if exc.errno == errno.ENODEV:
        return f"no reader found at {path!r}"
    return f"reader {path!r}: {exc.strerror or exc}"


def tap_once(
    reader: OpenReader,
    handle: Callable[[object], object],
    stop: threading.Event | None = None,
    wait_removal: bool = False,
) -> object:
    """Wait for one tap, run `handle(tag)` on it, and return what it returned.

    With `wait_removal`, return only once the card has left the reader, so a
    loop of taps never handles the same card twice. Returns None when `stop`
    was set before a card came.
    """
    stop = stop or threading.Event()
    outcome: dict[str, object] = {}

    def on_connect(tag: object) -> bool:
        try:
            outcome["value"] = handle(tag)
        except PermissionError as exc:  # a role refused: not the reader failing
            outcome["error"] = exc
        except OSError:
            raise
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            outcome["error"] = exc
        return wait_removal

    def done() -> bool:
        return stop.is_set() or (bool(outcome) and not wait_removal)

    while not stop.is_set():
        result = reader.clf.connect(
            rdwr={**SENSE, "on-connect": on_connect}, terminate=done
        )
        if result is False:
            raise ReaderError("the reader stopped answering (unplugged?)")
        if outcome:
            break
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


# What on_tag returns to have the card on the reader sensed afresh, as a new
# tap, rather than waited off: a page now wants the card that lay there.
SENSE_AGAIN = object()


class ReaderThread(threading.Thread):
    """Owns the reader; hands every tap to the current handler.

    Callbacks run on this thread: `on_tag(tag)` for each card (its tag I/O
    must happen inside it; returning SENSE_AGAIN has the card sensed afresh
    rather than waited off), `on_state(text)` for the reader's state, and
    `on_error(exc)` for a handler that raised.
    """

    def __init__(
        self,
        path: str,
        on_tag: Callable[[object], object],
        on_state: Callable[[str, str], None] = lambda state, text: None,
        on_error: Callable[[BaseException], None] = lambda exc: None,
        backoff: float = 1.0,
    ) -> None:
        super().__init__(name="reader", daemon=True)
        self.path = path
        self.on_tag = on_tag
        self.on_state = on_state
        self.on_error = on_error
        self.backoff = backoff
        self.reader: OpenReader | None = None
        self._halt = threading.Event()
        self._opened = threading.Event()

    def stop(self) -> None:
        self._halt.set()

    def wait_open(self, timeout: float | None = None) -> bool:
        return self._opened.wait(timeout)

    def run(self) -> None:
        delay = self.backoff
        while not self._halt.is_set():
            try:
                self.reader = open_reader(self.path)
            except ReaderError as exc:
                self.on_state("error", str(exc))
                self._halt.wait(delay)
                delay = min(delay * 2, 30.0)
                continue
            delay = self.backoff
            self.on_state("ready", str(self.reader.clf.device))
            self._opened.set()
            try:
                self._serve()
            except Exception as exc:  # noqa: BLE001 - the thread must outlive it
                # A driver can fail in ways connect() does not turn into False
                # (a transfer cut mid-frame by an unplug): reopen after a pause.
                log.exception("reader failed")
                self.on_state("error", f"the reader failed ({exc}); reopening")
                self._halt.wait(delay)
            finally:
                self._opened.clear()
                try:
                    self.reader.close()
                except Exception as exc:  # noqa: BLE001 - it may be gone already
                    log.warning("reader not closed cleanly: %s", exc)
        self.on_state("closed", "")

    def _serve(self) -> None:
        while not self._halt.is_set():
            result = self.reader.clf.connect(
                rdwr={**SENSE, "on-connect": self._on_connect},
                terminate=self._halt.is_set,
            )
            if result is False:
                self.on_state("error", "the reader stopped answering; reopening")
                return

    def _on_connect(self, tag: object) -> bool:
        try:
            if self.on_tag(tag) is SENSE_AGAIN:
                return False  # not waiting for removal: the next sense finds it
        except PermissionError as exc:  # a role refused: not the reader failing
            self.on_error(exc)
        except OSError:
            raise  # the reader itself is gone: let connect() return False
        except Exception as exc:  # noqa: BLE001 - a bad tap must not kill us
            log.exception("tap handler failed")
            self.on_error(exc)
        return True  # wait until the card leaves before the next tap
