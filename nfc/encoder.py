"""The journalled encoding pipeline for a diamond member's card.

The steps follow the design's order, each journalled before the next starts:
read the chip, refuse or confirm, open a protected chip (AUTH0 = FF), write
the message (length zero first), read it back, write PWD then PACK and check
them by PWD_AUTH after re-activation, write AUTH0 = 3 last. The capability
container is never written: its access bits are one-time programmable and
iPhones stop reading a card whose write bits are set (nfcpy#236), which is
why nfcpy's `protect()` is never called.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from memberdesk.nfc.cardmessage import decode_message, encode_message
from memberdesk.nfc.memory import (
    FIRST_USER_PAGE,
    PAGE,
    NdefArea,
    card_area,
    length_pages,
    parse_area,
    read_area,
)
from memberdesk.nfc.ntag import (
    CHIPS,
    ChipNak,
    ChipSpec,
    LinkError,
    NtagLink,
    describe_version,
)
from memberdesk.services import cardformat, originality
from memberdesk.services.cards import CardDesk, IssueJob
from memberdesk.services.keys import FACTORY_PWD

log = logging.getLogger(__name__)

PROTECT_FROM = 0x03  # AUTH0: the CC and everything after it
AUTH0_OFF = 0xFF
# ACCESS byte: PROT (7) off, CFGLCK (6) off, AUTHLIM (2-0) zero, so nobody can
# burn the attempts and block every later rewrite. NFC counter bits are kept.
ACCESS_KEEP = 0x18

# Confirm questions, asked through the `confirm` callback.
FOREIGN = "foreign_card"
OTHER_MEMBER = "card_of_other_member"


class EncodeRefused(Exception):
    """The chip was not written (or was left resumable); `reason` is stable."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class EncodeResult:
    card_number: int
    uid: bytes
    chip: str
    originality: str
    commands: int
    pages_written: int


Confirm = Callable[[str, str], bool]
Progress = Callable[[str], None]


class Encoder:
    """Encodes one job's card on whatever chip is tapped."""

    def __init__(
        self,
        desk: CardDesk,
        job: IssueJob,
        confirm: Confirm = lambda question, text: False,
        progress: Progress = lambda step: None,
        originality_keys: dict[str, bytes] | None = None,
    ) -> None:
        self.desk = desk
        self.job = job
        self.confirm = confirm
        self.progress = progress
        self.originality_keys = originality_keys or {}
        self._written = 0
        self._uid = b""

    def _step(self, step: str, uid: bytes, detail: str = "") -> None:
        self.desk.journal(self.job, step, uid, detail)
        self.progress(step)

    def encode(self, link: NtagLink) -> EncodeResult:
        uid = link.uid
        try:
            return self._encode(link, uid)
        except LinkError as exc:
            self.desk.journal(self.job, "interrupted", uid, str(exc))
            raise EncodeRefused(
                "card_removed",
                "the card left the reader before it was finished; tap the same "
                "card again to resume",
            ) from exc
        except ChipNak as exc:
            self.desk.journal(self.job, "interrupted", uid, str(exc))
            raise EncodeRefused(
                "chip_refused", f"{exc}; tap the same card again to resume"
            ) from exc

    def _encode(self, link: NtagLink, uid: bytes) -> EncodeResult:
        self._uid = uid
        # 1. Identify and read.
        # A NAK is also what a glitch looks like: ask twice before naming a
        # chip that has no GET_VERSION.
        version = link.get_version() or link.get_version()
        spec = CHIPS.get(version or b"")
        if spec is None:
            raise EncodeRefused(
                "unsupported_chip",
                f"this is {describe_version(version)}; member cards need an "
                "NTAG215 or NTAG216 (NTAG213 where the message fits)",
            )
        signature = link.read_sig()
        origin = originality.check(uid, signature, self.originality_keys)
        message = encode_message(
            self.desk.signed_for(self.job, uid),
            self.desk.card_host,
            self.desk.domain,
            compact=spec.compact,
        )
        tlv = card_area(message, spec)
        want = FIRST_USER_PAGE + len(tlv) // PAGE
        try:
            area, cfg = self._read_chip(link, spec, want)
        except ChipNak:
            # Read-protected (PROT): only a known password lets us look.
            self._authenticate(link, uid)
            area, cfg = self._read_chip(link, spec, want)
        dynlock, cfg0, cfg1 = cfg[0:4], cfg[4:8], cfg[8:12]
        auth0 = cfg0[3]
        self._step(
            "read", uid, f"{spec.name}, originality {origin}, AUTH0 {auth0:02X}h"
        )

        # 2. Refuse or confirm.
        self._refuse_unwritable(spec, area, dynlock, cfg1, len(tlv))
        self._confirm_overwrite(uid, area)

        # 3. Open a protected chip.
        protected = auth0 <= spec.last_page
        if protected:
            if link.password is None:
                self._authenticate(link, uid)
            self._write(link, spec.cfg0, cfg0[:3] + bytes([AUTH0_OFF]))
            self._step("opened", uid, f"AUTH0 {auth0:02X}h -> FFh")

        # 4. Write the message, length zero first (a torn write then reads as
        #    an empty message, never a damaged one).
        self._step("writing", uid, f"{len(message)} bytes")
        self._write_tlv(link, area, tlv, len(spec.lead))

        # 5. Read back and compare.
        pages = len(tlv) // 4
        back = link.fast_read(FIRST_USER_PAGE, FIRST_USER_PAGE + pages - 1)
        if back != tlv:
            raise EncodeRefused(
                "verify_failed",
                "the message did not read back as written; tap again to retry",
            )
        self._step("written", uid)

        # 6. PWD, then PACK; PWD reads back as zeros, so check by PWD_AUTH.
        pwd, pack = self.desk.password_for(uid)
        self._write(link, spec.pwd, pwd)
        self._step("pwd", uid)
        self._write(link, spec.pack, pack + b"\x00\x00")
        self._step("pack", uid)
        link.reactivate()
        # A NAK here (a glitch) re-activates the chip: one more try is fair.
        if (link.pwd_auth(pwd) or link.pwd_auth(pwd)) != pack:
            raise EncodeRefused(
                "verify_failed", "the new password did not verify; tap again to retry"
            )

        # 7. ACCESS (AUTHLIM 0, set explicitly), then AUTH0 last.
        access = cfg1[0] & ACCESS_KEEP
        if cfg1[0] != access:
            self._write(link, spec.cfg1, bytes([access]) + cfg1[1:4])
        self._write(link, spec.cfg0, cfg0[:3] + bytes([PROTECT_FROM]))
        check = link.fast_read(spec.cfg0, spec.cfg1)
        if check[3] != PROTECT_FROM or check[4] != access:
            raise EncodeRefused(
                "verify_failed", "the protection did not read back; tap again to retry"
            )
        self._step("protected", uid)

        self.desk.complete(self.job, uid, spec.name, origin)
        return EncodeResult(
            self.job.card_number, uid, spec.name, origin, link.commands, self._written
        )

    def _refuse_unwritable(
        self, spec: ChipSpec, area: NdefArea, dynlock: bytes, cfg1: bytes, tlv_size: int
    ) -> None:
        cc = area.cc
        if cc[0] != 0xE1 or cc[1] >> 4 != 1:
            raise EncodeRefused(
                "locked_chip",
                "the chip is not NDEF-formatted "
                f"(capability container {cc.hex(' ').upper()})",
            )
        if cc[3] != 0x00:
            raise EncodeRefused(
                "locked_chip",
                f"the chip's capability container is {cc.hex(' ').upper()}: its "
                "access bits are set for good, and phones would not read it",
            )
        if area.lock != b"\x00\x00" or dynlock[:3] != b"\x00\x00\x00":
            raise EncodeRefused(
                "locked_chip",
                "the chip has lock bits set: its pages are read-only for good",
            )
        if cfg1[0] & 0x40:
            raise EncodeRefused(
                "locked_chip",
                "the chip's configuration is locked (CFGLCK): it cannot be protected",
            )
        if tlv_size > spec.ndef_bytes:
            raise EncodeRefused(
                "card_too_small",
                f"the card message needs {tlv_size} bytes and this {spec.name} "
                f"holds {spec.ndef_bytes}; use an NTAG215 or NTAG216",
            )

    def _confirm_overwrite(self, uid: bytes, area: NdefArea) -> None:
        owner = self.desk.owner_of(uid, besides=self.job)
        if owner:
            self._ask(
                OTHER_MEMBER,
                f"this chip is card "
                f"{cardformat.card_code(owner.card_number)} of "
                f"{owner.member_name}",
            )
            return
        if not area.message:
            return
        try:
            signed = decode_message(area.message, self.desk.domain)
        except cardformat.CardFormatError as exc:
            self._ask(FOREIGN, f"the chip holds other data: {exc}")
            return
        p = signed.payload
        ours = (p.card_number, p.issue_number, p.member_id) == (
            self.job.card_number,
            self.job.issue_number,
            self.job.member_id,
        )
        if not ours and p.member_id == self.job.member_id:
            # The member's own older card, no longer active (no active record
            # holds this chip): a reissue onto the same chip needs no question.
            self.desk.journal(
                self.job, "replacing", self._uid, f"old issue {p.issue_number}"
            )
            return
        if not ours:
            self._ask(
                OTHER_MEMBER,
                f"the chip holds card "
                f"{cardformat.card_code(p.card_number)} of member "
                f"{p.member_id}",
            )

    def _ask(self, question: str, text: str) -> None:
        if not self.confirm(question, text):
            raise EncodeRefused(question, f"not overwritten: {text}")
        self.desk.note_overwrite(self.job, self._uid, text)

    def _authenticate(self, link: NtagLink, uid: bytes) -> None:
        # The derived passwords first, then the factory one (a resumed card,
        # or one protected by other software with the default key).
        if not link.unlock([*self.desk.passwords_to_try(uid), FACTORY_PWD]):
            raise EncodeRefused(
                "locked_chip",
                "the chip is protected by a password this station does not know",
            )

    def _write(self, link: NtagLink, page: int, data: bytes) -> None:
        link.write_again(page, data)
        self._written += 1

    def _read_chip(
        self, link: NtagLink, spec: ChipSpec, want: int
    ) -> tuple[NdefArea, bytes]:
        """The NDEF area, and the dynamic lock, CFG0 and CFG1 pages.

        `want` pages from page 0 hold the new message: read those at least.
        """
        if spec.cfg1 < link.max_pages_per_read():
            # A small chip fits one frame, configuration pages and all.
            image = link.fast_read(0, spec.cfg1)
            at = (spec.cfg0 - 1) * PAGE
            return parse_area(image[: (spec.user_end + 1) * PAGE]), image[at:]
        area = read_area(link, spec, want)
        return area, link.fast_read(spec.cfg0 - 1, spec.cfg1)

    def _write_tlv(
        self, link: NtagLink, area: NdefArea, tlv: bytes, lead: int = 0
    ) -> None:
        """Write only the pages that change, the length zeroed first and last."""
        old = area.image

        def current(index: int) -> bytes | None:
            at = (FIRST_USER_PAGE + index) * PAGE
            return old[at : at + PAGE] if at + PAGE <= len(old) else None

        def new(index: int) -> bytes:
            return tlv[index * PAGE : index * PAGE + PAGE]

        count = len(tlv) // PAGE
        changed = [i for i in range(count) if current(i) != new(i)]
        if not changed:
            return  # a resumed card already holds the message
        zeroed = length_pages(tlv, lead)
        for index, page in zeroed.items():
            if current(index) != page:
                self._write(link, FIRST_USER_PAGE + index, page)
        for index in changed:
            if index not in zeroed:
                self._write(link, FIRST_USER_PAGE + index, new(index))
        for index in zeroed:
            self._write(link, FIRST_USER_PAGE + index, new(index))
