"""NFC commands and modelled air time to encode one card.

Counts every frame from the first SELECT on the simulated NTAG215, for the
console's encoder, for nfcpy's stock path (`tag.ndef.records = ...` then
`tag.protect(password)`), and for the minimum the design asks for. The last
line reads `encode_commands: <encoder> vs <minimum> = <ratio>`.

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

from memberdesk.nfc.encoder import Encoder
from memberdesk.nfc.memory import ndef_tlv
from memberdesk.nfc.ntag import NtagLink
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


def _tap(image, action):
    reader = SimReader()
    card = reader.place(image)
    clf = open_sim_frontend(reader)
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


def minimum(message: bytes) -> int:
    """The design's minimum for a blank NTAG215, counted from SELECT."""
    pages = len(ndef_tlv(message)) // 4
    return (
        NFCPY_ACTIVATION
        + 2  # GET_VERSION, READ_SIG
        + 1  # read the current message (one FAST_READ with the CC)
        + 1  # read the configuration pages
        + 0  # PWD_AUTH: a blank chip is not protected
        + pages
        + 1  # the message pages, the first one twice (length 0 first)
        + 1  # read the message back
        + 2
        + 1  # PWD, PACK, and PWD_AUTH to check them
        + 1
        + 1  # AUTH0, and the read that verifies it
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one card each")
    cards = 1 if parser.parse_args().quick else 5

    with tempfile.TemporaryDirectory() as tmp:
        desk = _desk(Path(tmp))
        actor = _issuer(desk)
        ours, stock, air_ours, air_stock = [], [], [], []
        message = b""
        for _ in range(cards):
            job = desk.prepare(_member(desk), actor)
            image = new_blank_image("ntag215")
            encoder = Encoder(desk, job)
            card = _tap(image, lambda tag, e=encoder: e.encode(NtagLink(tag)))
            ours.append(card.command_count)
            air_ours.append(card.air_time_us)
            message = desk.message_for(job, image.uid)

            records = list(ndef.message_decoder(message))
            pwd, pack = desk.password_for(image.uid)

            def stock_path(tag, records=records, key=pwd + pack):
                tag.ndef.records = records
                tag.protect(key, protect_from=3)

            card = _tap(new_blank_image("ntag215", image.uid), stock_path)
            stock.append(card.command_count)
            air_stock.append(card.air_time_us)

    low = minimum(message)
    med = sorted(ours)[len(ours) // 2]
    print(f"cards encoded: {cards} of each")
    print(f"encoder:      {med} commands, {sorted(air_ours)[0] / 1000:.1f} ms air time")
    print(
        f"nfcpy stock:  {sorted(stock)[len(stock) // 2]} commands, "
        f"{sorted(air_stock)[0] / 1000:.1f} ms air time (and it sets the CC's "
        "write bits for good)"
    )
    print(f"minimum:      {low} commands (budget: minimum + 2 = {low + 2})")
    print(f"encode_commands: {med} vs {low} = {med / low:.2f}")
    return 0 if med <= low + 2 else 1


if __name__ == "__main__":
    sys.exit(main())
