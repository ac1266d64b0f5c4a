"""Recycling a handed-back card: open it, blank its message, drop its password.

The order makes every interruption harmless. AUTH0 = FF comes first, so the
chip is open (and still holds its old, revoked message) before anything else
changes; the blank message and the factory PWD/PACK follow, each journalled.
A card pulled away anywhere is finished by the next tap, which finds it
either still protected (authenticate again) or already open. The capability
container is never written (its bits are one-time programmable, nfcpy#236).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from memberdesk.nfc.encoder import AUTH0_OFF, EncodeRefused
from memberdesk.nfc.memory import FIRST_USER_PAGE, PAGE, read_area
from memberdesk.nfc.ntag import (
    CHIPS,
    ChipNak,
    ChipSpec,
    LinkError,
    NtagLink,
    describe_version,
)
from memberdesk.services.cardlife import CardLife, RecycleJob
from memberdesk.services.keys import FACTORY_PACK, FACTORY_PWD
from memberdesk.services.permissions import Actor

log = logging.getLogger(__name__)

BLANK_215 = bytes.fromhex("0300FE00")
Passwords = Callable[[bytes], list[bytes]]


@dataclass(frozen=True)
class RecycleResult:
    uid: bytes
    chip: str
    card_number: int | None  # None: the chip carried no card of ours
    commands: int


def blank_area(spec: ChipSpec) -> bytes:
    """The factory message area from page 4: an empty NDEF TLV `03 00 FE`."""
    data = spec.lead + bytes.fromhex("0300FE")
    return data + b"\x00" * (-len(data) % PAGE)


class Recycler:
    """Wipes one handed-back chip per tap."""

    def __init__(self, life: CardLife, actor: Actor, passwords: Passwords) -> None:
        self.life = life
        self.actor = actor
        self.passwords = passwords  # derived passwords to try, newest key first

    def recycle(self, link: NtagLink) -> RecycleResult:
        uid = link.uid
        job: RecycleJob | None = None
        try:
            version = link.get_version() or link.get_version()
            spec = CHIPS.get(version or b"")
            if spec is None:
                raise EncodeRefused(
                    "unsupported_chip",
                    f"this is {describe_version(version)}, not a member card chip",
                )
            job = self.life.recycle_job(uid, self.actor)
            return self._recycle(link, spec, job)
        except (LinkError, ChipNak) as exc:
            if job is not None:
                self.life.recycle_step(job, "interrupted", str(exc))
            raise EncodeRefused(
                "card_removed",
                "the card left the reader before it was wiped; tap it again",
            ) from exc

    def _recycle(
        self, link: NtagLink, spec: ChipSpec, job: RecycleJob | None
    ) -> RecycleResult:
        uid = link.uid
        cfg = link.fast_read(spec.cfg0, spec.cfg1)
        cfg0, cfg1 = cfg[0:4], cfg[4:8]
        if cfg1[0] & 0x40:
            raise EncodeRefused(
                "locked_chip", "the chip's configuration is locked (CFGLCK)"
            )
        protected = cfg0[3] <= spec.last_page
        area = read_area(link, spec)
        blank = blank_area(spec)
        if job is None:
            # Not a chip of ours: wiping it would destroy someone else's data.
            at = FIRST_USER_PAGE * PAGE
            if protected or area.image[at : at + len(blank)] != blank:
                raise EncodeRefused(
                    "unknown_card",
                    "no card of this programme was ever on this chip; "
                    "it is left as it is",
                )
            return RecycleResult(uid, spec.name, None, link.commands)

        # 1. Open the chip.
        if protected:
            self._authenticate(link, uid)
            self._write(link, spec.cfg0, cfg0[:3] + bytes([AUTH0_OFF]))
            self._step(job, "opened")

        # 2. A blank message, writing only the pages that differ.
        for i in range(0, len(blank), PAGE):
            page = FIRST_USER_PAGE + i // PAGE
            at = page * PAGE
            if area.image[at : at + PAGE] != blank[i : i + PAGE]:
                self._write(link, page, blank[i : i + PAGE])
        self._step(job, "blanked")

        # 3. The factory password and PACK; check them by PWD_AUTH.
        self._write(link, spec.pwd, FACTORY_PWD)
        self._write(link, spec.pack, FACTORY_PACK + b"\x00\x00")
        link.reactivate()
        if (link.pwd_auth(FACTORY_PWD) or link.pwd_auth(FACTORY_PWD)) != FACTORY_PACK:
            raise EncodeRefused(
                "verify_failed", "the factory password did not verify; tap again"
            )
        back = link.fast_read(FIRST_USER_PAGE, FIRST_USER_PAGE + len(blank) // 4 - 1)
        if back != blank:
            raise EncodeRefused(
                "verify_failed", "the blank message did not read back; tap again"
            )
        self._step(job, "unkeyed")
        self.life.recycled(job)
        return RecycleResult(uid, spec.name, job.card_number, link.commands)

    def _step(self, job: RecycleJob, step: str) -> None:
        self.life.recycle_step(job, step)

    def _authenticate(self, link: NtagLink, uid: bytes) -> None:
        if not link.unlock([*self.passwords(uid), FACTORY_PWD]):
            raise EncodeRefused(
                "locked_chip",
                "the chip is protected by a password this station does not know",
            )

    def _write(self, link: NtagLink, page: int, data: bytes) -> None:
        link.write_again(page, data)
