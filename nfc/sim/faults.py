"""Fault plans for virtual cards and the air-time model (NTAG21X.md section 6)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

BIT_US = 128 / 13.56  # one bit at 106 kbit/s
FDT_US = 87.0  # frame delay time, tag side
ACK_US = 6 * BIT_US  # 4-bit ACK/NAK with start and end of communication
# No NTAG21x figure exists; NTAG203 shows about 4.1 ms from WRITE to ACK.
PROGRAM_US = 4100.0


@dataclass
class Faults:
    """What goes wrong during one tap, by command number.

    Counting rule: commands are numbered 1, 2, 3, ... starting with the first
    frame the reader sends after the first successful select of this tap (a tap
    lasts from ``SimReader.place`` to ``remove``). Every frame counts, whether the
    chip answers, stays silent or is already gone; selects (sensing) do not count
    and do not restart the numbering.

    - ``pull_after=N``: commands 1..N run normally, then the card leaves the field:
      later senses find nothing and every later command times out. ``0`` means
      the card leaves right after the first select.
    - ``torn_write_at=k``: if command k is a WRITE the chip would accept, only the
      first 2 bytes of the page are programmed; either way the card then leaves
      with no answer. If command k is not a WRITE this fault does nothing.
    - ``nak_at``: those commands are answered NAK 00h without being executed,
      and the chip drops to IDLE (only if the chip was listening; an idle or
      departed chip stays silent).
    - ``late_at``: those commands are executed, but the answer comes after the
      reader's timeout, so the reader sees a timeout and the chip keeps its state.

    On one command, a departed card wins over ``torn_write_at``, which wins over
    ``nak_at``, which wins over ``late_at``.
    """

    pull_after: int | None = None
    torn_write_at: int | None = None
    nak_at: set[int] = field(default_factory=set)
    late_at: set[int] = field(default_factory=set)


def reader_frame_us(n: int) -> float:
    """Reader frame of ``n`` data bytes plus CRC_A."""
    return (9 * (n + 2) + 3) * BIT_US


def tag_frame_us(n: int) -> float:
    """Tag frame of ``n`` data bytes plus CRC_A."""
    return (9 * (n + 2) + 2) * BIT_US


def air_time_us(
    frame: bytes, reply: bytes | None, timeout: float, programmed: bool = False
) -> float:
    """Modelled time on air for one exchange, waiting out ``timeout`` on silence.

    ``programmed`` adds the EEPROM programming time before an ACK (WRITE and the
    second part of COMP_WRITE).
    """
    spent = reader_frame_us(len(frame))
    if reply is None:
        return spent + timeout * 1e6
    if len(reply) == 1:
        return spent + FDT_US + ACK_US + (PROGRAM_US if programmed else 0.0)
    return spent + FDT_US + tag_frame_us(len(reply))
