"""A virtual card during one tap: the chip, its fault plan and a command log."""

from __future__ import annotations

import logging
from pathlib import Path

from memberdesk.nfc.sim.chip import ACK, WRITE, Ntag21xChip, State
from memberdesk.nfc.sim.faults import Faults, air_time_us
from memberdesk.nfc.sim.image import ChipImage

log = logging.getLogger(__name__)

# Entry in VirtualCard.commands for each successful select; never a real frame.
SELECT = b"SELECT"


class VirtualCard:
    """A chip on the reader for one tap.

    ``commands`` logs every frame sent, with ``SELECT`` where the card was
    selected; ``command_count`` is the fault-plan number of the last command
    (see ``Faults``); ``air_time_us`` sums the modelled air time.
    """

    def __init__(
        self,
        image: ChipImage,
        faults: Faults | None = None,
        source: Path | None = None,
    ) -> None:
        self.image = image
        self.chip = Ntag21xChip(image)
        self.faults = faults or Faults()
        self.source = source
        self.commands: list[bytes] = []
        self.command_count = 0
        self.air_time_us = 0.0
        self.gone = False
        self.placed: tuple = ()  # the memory as the file held it, set on place()
        self._selected_once = False

    @property
    def uid(self) -> bytes:
        return self.image.uid

    def commands_since_select(self) -> list[bytes]:
        """Frames sent since the most recent select."""
        if SELECT not in self.commands:
            return []
        last = len(self.commands) - 1 - self.commands[::-1].index(SELECT)
        return self.commands[last + 1 :]

    def power_off(self) -> None:
        self.chip.power_off()

    def select(self, sel_req: bytes | None = None, wakeup: bool = False) -> bool:
        """REQA/WUPA and anticollision; False if nothing answers."""
        if self.gone or not self.chip.select(sel_req, wakeup):
            return False
        self.commands.append(SELECT)
        if not self._selected_once:
            self._selected_once = True
            if self.faults.pull_after == 0:
                self._leave()
        return True

    def exchange(self, frame: bytes, timeout: float) -> bytes | None:
        """Send one frame; the reply, or None when the reader would time out."""
        frame = bytes(frame)
        self.commands.append(frame)
        if not self._selected_once:
            return None
        self.command_count += 1
        number = self.command_count
        programmed = self.chip.comp_write_pending or frame[:1] == bytes([WRITE])
        reply = self._exchange(frame, number)
        self.air_time_us += air_time_us(
            frame, reply, timeout, programmed and reply == ACK
        )
        if self.faults.pull_after is not None and number >= self.faults.pull_after:
            self._leave()
        return reply

    def _exchange(self, frame: bytes, number: int) -> bytes | None:
        if self.gone:
            return None
        faults, chip = self.faults, self.chip
        listening = chip.state in (State.ACTIVE, State.AUTHENTICATED)
        if number == faults.torn_write_at:
            if len(frame) == 6 and frame[0] == WRITE:
                if (
                    listening
                    and not chip.comp_write_pending
                    and chip.may_write(frame[1])
                ):
                    chip.store(frame[1], frame[2:6], keep=2)
                log.debug("torn write at command %d", number)
                self._leave()
                return None
            log.debug("command %d is not a WRITE, no tear", number)
        if number in faults.nak_at:
            return chip.nak() if listening else None
        reply = chip.exchange(frame)
        if number in faults.late_at:
            return None
        return reply

    def _leave(self) -> None:
        if not self.gone:
            log.debug("card %s leaves the field", self.image.uid.hex())
        self.gone = True
        self.chip.power_off()
