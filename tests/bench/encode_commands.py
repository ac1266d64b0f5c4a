"""NFC commands and modelled air time to encode one card.

Counts every frame from the first SELECT on a simulated blank chip, for the
console's encoder, for nfcpy's stock path (`tag.ndef.records = ...` then
`tag.protect(password)`), and for the minimum the design asks for: one row
per chip (NTAG215, NTAG216, NTAG213 with the compact layout) and reader frame
size (PN53x 262 bytes, ACR122U 251, RC-S380 290). The last line reads
`encode_commands: <encoder> vs <minimum> = <ratio>` for an NTAG215 on a PN53x.

    python tests/bench/encode_commands.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import ndef
import nfc.clf
import nfc.tag

from memberdesk.nfc.cardmessage import encode_message
from memberdesk.nfc.encoder import Encoder
from memberdesk.nfc.memory import FIRST_USER_PAGE, PAGE, card_area
from memberdesk.nfc.ntag import CHIPS, ChipSpec, NtagLink
from memberdesk.nfc.sim.device import SimReader, open_sim_frontend
from memberdesk.nfc.sim.image import new_blank_image
from memberdesk.services import keys
from memberdesk.services.cards import CardDesk
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.db import open_database
from memberdesk.services.models import Member, Staff, utcnow
from memberdesk.services.permissions import Actor, Role
from memberdesk.services.secrets import MemorySecretStore

NFCPY_ACTIVATION = 2  # nfcpy's own 1A probe and GET_VERSION


# (chip, reader frame size, reader)
ROWS = [
    ("ntag215", 262, "PN53x"),
    ("ntag215", 251, "ACR122U"),
    ("ntag215", 290, "RC-S380"),
    ("ntag216", 262, "PN53x"),
    ("ntag213", 262, "PN53x"),
    ("ntag213", 251, "ACR122U"),
]


def _tap(image, action, max_recv: int = 262):
    reader = SimReader()
    card = reader.place(image)
    clf = open_sim_frontend(reader, max_recv=max_recv)
    try:
        tag = nfc.tag.activate(clf, clf.sense(nfc.clf.RemoteTarget("106A")))
        action(tag)
    finally:
        reader.remove()
        clf.close()
    return card


def _desk(folder: Path) -> CardDesk:
    _engine, sessions = open_database(f"sqlite:///{folder / 'bench.db'}")
    store = MemorySecretStore()
    with sessions.begin() as s:
        install_catalogue(s)
        keys.create_keys(s, store)
    return CardDesk(sessions, store)


def _issuer(desk: CardDesk) -> Actor:
    with desk._sessions.begin() as s:
        row = Staff(login="issuer", display_name="制卡员", role="issuer")
        s.add(row)
        s.flush()
        return Actor(row.id, row.login, row.display_name, Role.ISSUER, "bench")


def _member(desk: CardDesk) -> int:
    with desk._sessions.begin() as s:
        m = Member(
            name="王芳",
            phone="13800138000",
            phone_tail="8000",
            tier_code="diamond",
            joined_at=utcnow(),
        )
        s.add(m)
        s.flush()
        return m.id


def minimum(spec: ChipSpec, area: bytes, blank: bytes, max_recv: int = 262) -> int:
    """The design's minimum for a blank chip, counted from SELECT.

    The pages that must change are those of `area` (the bytes from page 4 on)
    that differ from the blank chip's; the length page is written twice.
    """
    per_read = max_recv // 4
    pages = len(area) // PAGE
    at = FIRST_USER_PAGE * PAGE
    changed = sum(
        1
        for i in range(pages)
        if area[i * PAGE : i * PAGE + PAGE]
        != blank[at + i * PAGE : at + i * PAGE + PAGE]
    )
    message_end = FIRST_USER_PAGE + pages  # first page past the message
    return (
        NFCPY_ACTIVATION
        + 2  # GET_VERSION, READ_SIG
        + -(-message_end // per_read)  # read the current message with the CC
        + 1  # read the configuration pages
        + 0  # PWD_AUTH: a blank chip is not protected
        + changed
        + 1  # the pages that change, the length page twice (zero first)
        + -(-pages // per_read)  # read the message back
        + 2
        + 1  # PWD, PACK, and PWD_AUTH to check them
        + 1
        + 1  # AUTH0, and the read that verifies it
    )


def _row(desk, actor, chip: str, max_recv: int, cards: int) -> dict:
    ours, stock, air_ours, air_stock = [], [], [], []
    low = 0
    spec = next(s for s in CHIPS.values() if s.name == chip.upper())
    for _ in range(cards):
        job = desk.prepare(_member(desk), actor)
        image = new_blank_image(chip)
        blank = bytes(image.pages)
        encoder = Encoder(desk, job)
        card = _tap(image, lambda tag, e=encoder: e.encode(NtagLink(tag)), max_recv)
        ours.append(card.command_count)
        air_ours.append(card.air_time_us)
        message = encode_message(
            desk.signed_for(job, image.uid),
            desk.card_host,
            desk.domain,
            compact=spec.compact,
        )
        low = minimum(spec, card_area(message, spec), blank, max_recv)

        records = list(ndef.message_decoder(message))
        pwd, pack = desk.password_for(image.uid)

        def stock_path(tag, records=records, key=pwd + pack):
            tag.ndef.records = records
            tag.protect(key, protect_from=3)

        card = _tap(new_blank_image(chip, image.uid), stock_path, max_recv)
        stock.append(card.command_count)
        air_stock.append(card.air_time_us)
    return {
        "ours": sorted(ours)[len(ours) // 2],
        "stock": sorted(stock)[len(stock) // 2],
        "air_ours": sorted(air_ours)[0] / 1000,
        "air_stock": sorted(air_stock)[0] / 1000,
        "minimum": low,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one card each")
    cards = 1 if parser.parse_args().quick else 5

    with tempfile.TemporaryDirectory() as tmp:
        desk = _desk(Path(tmp))
        actor = _issuer(desk)
        rows = [(c, m, r, _row(desk, actor, c, m, cards)) for c, m, r in ROWS]

    print(f"cards encoded: {cards} of each, per chip and reader frame size")
    print(
        f"{'chip':<8} {'reader':<8} {'frame':>5}  {'encoder':>7} {'air ms':>7}  "
        f"{'stock':>5} {'air ms':>7}  {'minimum':>7} {'budget':>6}"
    )
    ok = True
    for chip, max_recv, reader, r in rows:
        budget = r["minimum"] + 2
        ok = ok and r["ours"] <= budget
        print(
            f"{chip.upper():<8} {reader:<8} {max_recv:>5}  {r['ours']:>7} "
            f"{r['air_ours']:>7.1f}  {r['stock']:>5} {r['air_stock']:>7.1f}  "
            f"{r['minimum']:>7} {budget:>6}"
        )
    print("(nfcpy's stock path also sets the CC's write bits for good)")
    main_row = rows[0][3]
    med, low = main_row["ours"], main_row["minimum"]
    print(f"encode_commands: {med} vs {low} = {med / low:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
