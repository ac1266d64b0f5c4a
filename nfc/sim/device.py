"""The simulated reader, mounted under nfcpy as its device driver."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import nfc
import nfc.clf
import nfc.clf.device

from memberdesk.nfc.sim.card import VirtualCard
from memberdesk.nfc.sim.faults import Faults
from memberdesk.nfc.sim.image import ChipImage, load_image, save_image

log = logging.getLogger(__name__)


class CardFileError(OSError):
    """A virtual card file that cannot be written back, said in words."""


def _state(image: ChipImage) -> tuple:
    return bytes(image.pages), tuple(image.counters), image.auth_failures


class SimReader:
    """The slot of the simulated reader: holds at most one virtual card.

    The GUI thread places and removes cards while the reader thread senses and
    exchanges, so every method takes the same lock.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._card: VirtualCard | None = None

    @property
    def card(self) -> VirtualCard | None:
        with self._lock:
            return self._card

    def place(
        self,
        card: str | os.PathLike[str] | ChipImage,
        faults: Faults | None = None,
    ) -> VirtualCard:
        """Put a card on the reader; a path is loaded now, as a tap would.

        A card already on the reader is removed (and written back) first. Only a
        card placed by path is written back on ``remove``.
        """
        if isinstance(card, ChipImage):
            image, source = card, None
        else:
            source = Path(card)
            image = load_image(source)
        virtual = VirtualCard(image, faults, source)
        # What the file held: a card that was only read is not rewritten.
        virtual.placed = _state(image)
        with self._lock:
            self.remove()
            self._card = virtual
        log.debug("card %s placed on the simulated reader", image.uid.hex())
        return virtual

    def remove(self) -> VirtualCard | None:
        """Take the card off and write its memory back to its file, torn or not."""
        with self._lock:
            virtual, self._card = self._card, None
            if virtual is None:
                return None
            virtual.power_off()
            if virtual.source is not None and _state(virtual.image) != virtual.placed:
                try:
                    save_image(virtual.image, virtual.source)
                except OSError as exc:
                    raise CardFileError(
                        f"the virtual card {virtual.source} could not be written "
                        f"back: {exc.strerror or exc}; the chip's new memory is lost"
                    ) from exc
        log.debug("card %s removed", virtual.image.uid.hex())
        return virtual

    def rf_off(self) -> None:
        with self._lock:
            if self._card is not None:
                self._card.power_off()

    def select(
        self, sel_req: bytes | None = None, wakeup: bool = False
    ) -> ChipImage | None:
        """The selected card's image, or None when nothing answers."""
        with self._lock:
            card = self._card
            if card is not None and card.select(sel_req, wakeup):
                return card.image
            return None

    def exchange(self, frame: bytes, timeout: float) -> bytes | None:
        with self._lock:
            if self._card is None:
                return None
            return self._card.exchange(frame, timeout)


class SimDevice(nfc.clf.device.Device):
    """An nfcpy driver whose antenna is a ``SimReader``.

    Sizes default to a PN533; ``max_recv=251`` behaves like an ACR122U.
    """

    # Device.__init__ only raises NotImplementedError, so it is not called.
    def __init__(
        self, reader: SimReader, max_send: int = 252, max_recv: int = 262
    ) -> None:
        self.reader = reader
        self.max_send = max_send
        self.max_recv = max_recv
        self._path = "sim"
        self._vendor_name = "memberdesk"
        self._device_name = "Simulated reader"
        self._chipset_name = "NTAG21x simulator"
        self._field_on = False

    def close(self) -> None:
        self.mute()

    def mute(self) -> None:
        # RF off: the card loses power and latches its configuration anew.
        self._field_on = False
        self.reader.rf_off()

    def sense_tta(self, target: nfc.clf.RemoteTarget) -> nfc.clf.RemoteTarget | None:
        if target.brty != "106A":
            raise nfc.clf.UnsupportedTargetError(f"{target.brty} is not supported")
        sel_req = bytes(target.sel_req) if target.sel_req else None
        self._field_on = True
        image = self.reader.select(sel_req)
        if image is None:
            return None
        return nfc.clf.RemoteTarget(
            "106A",
            sens_res=bytearray(image.atqa[::-1]),
            sdd_res=bytearray(image.uid),
            sel_res=bytearray([image.sak]),
        )

    def sense_ttb(self, target: nfc.clf.RemoteTarget) -> None:
        raise nfc.clf.UnsupportedTargetError("Type B is not simulated")

    def sense_ttf(self, target: nfc.clf.RemoteTarget) -> None:
        raise nfc.clf.UnsupportedTargetError("Type F is not simulated")

    def sense_dep(self, target: nfc.clf.RemoteTarget) -> None:
        raise nfc.clf.UnsupportedTargetError("NFC-DEP is not simulated")

    def listen_tta(self, target: nfc.clf.LocalTarget, timeout: float) -> None:
        raise nfc.clf.UnsupportedTargetError("card emulation is not simulated")

    def listen_ttb(self, target: nfc.clf.LocalTarget, timeout: float) -> None:
        raise nfc.clf.UnsupportedTargetError("card emulation is not simulated")

    def listen_ttf(self, target: nfc.clf.LocalTarget, timeout: float) -> None:
        raise nfc.clf.UnsupportedTargetError("card emulation is not simulated")

    def listen_dep(self, target: nfc.clf.LocalTarget, timeout: float) -> None:
        raise nfc.clf.UnsupportedTargetError("card emulation is not simulated")

    def send_cmd_recv_rsp(
        self, target: nfc.clf.RemoteTarget, data: bytes, timeout: float
    ) -> bytearray:
        if len(data) > self.max_send:
            raise nfc.clf.ProtocolError(f"frame of {len(data)} bytes is too long")
        reply = self.reader.exchange(bytes(data), timeout) if self._field_on else None
        if reply is None:
            raise nfc.clf.TimeoutError("no answer from the card")
        if len(reply) > self.max_recv:
            raise nfc.clf.TransmissionError(f"answer of {len(reply)} bytes too long")
        return bytearray(reply)

    def get_max_send_data_size(self, target: nfc.clf.Target | None) -> int:
        return self.max_send

    def get_max_recv_data_size(self, target: nfc.clf.Target | None) -> int:
        return self.max_recv


def open_sim_frontend(
    reader: SimReader, **device_options: int
) -> nfc.ContactlessFrontend:
    """A ContactlessFrontend whose device is the simulated reader."""
    clf = nfc.ContactlessFrontend()
    clf.device = SimDevice(reader, **device_options)
    return clf
