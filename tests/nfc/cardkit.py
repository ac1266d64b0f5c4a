"""Encoding through the simulated reader, beneath nfcpy's own tag code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import nfc.tag
from actors import add_actor

from memberdesk.nfc.encoder import Encoder
from memberdesk.nfc.ntag import NtagLink
from memberdesk.nfc.sim.device import SimReader, open_sim_frontend
from memberdesk.nfc.sim.faults import Faults
from memberdesk.nfc.sim.image import (
    SIMULATOR_ORIGINALITY_PUBLIC_KEY,
    load_image,
    new_blank_image,
    save_image,
)
from memberdesk.services import keys
from memberdesk.services.cards import CardDesk
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.models import Member, Setting
from memberdesk.services.originality import SIMULATED

SIM_KEYS = {SIMULATED: SIMULATOR_ORIGINALITY_PUBLIC_KEY}
NOW = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)


def setup_desk(sessions, store, **kw) -> CardDesk:
    with sessions.begin() as s:
        install_catalogue(s)
        if s.get(Setting, "signing_key_id") is None:
            keys.create_keys(s, store)
    desk = CardDesk(sessions, store, **kw)
    desk.test_actor = add_actor(sessions, "issuer")
    return desk


def add_member(sessions, name: str = "王芳", tier: str = "diamond") -> int:
    with sessions.begin() as s:
        m = Member(
            name=name,
            phone="13800138000",
            phone_tail="8000",
            tier_code=tier,
            joined_at=NOW,
        )
        s.add(m)
        s.flush()
        return m.id


def blank(tmp_path: Path, chip: str = "ntag215", name: str = "card.json") -> Path:
    path = tmp_path / name
    save_image(new_blank_image(chip), path)
    return path


class NoTap(Exception):
    """The card left before nfcpy had activated it: nothing reached our code."""


def tap(path: Path, action, faults: Faults | None = None):
    """One tap of the card file: activate with nfcpy, run `action(tag)`."""
    reader = SimReader()
    card = reader.place(path, faults)
    clf = open_sim_frontend(reader)
    try:
        target = clf.sense(nfc.clf.RemoteTarget("106A"))
        tag = nfc.tag.activate(clf, target) if target else None
        if tag is None:
            raise NoTap()
        return action(tag), card
    finally:
        reader.remove()
        clf.close()


def encode(desk: CardDesk, member_id: int, path: Path, faults=None, confirm=None):
    job = desk.prepare(member_id, desk.test_actor)
    encoder = Encoder(
        desk, job, confirm=confirm or (lambda q, t: False), originality_keys=SIM_KEYS
    )
    return tap(path, lambda tag: encoder.encode(NtagLink(tag)), faults)


def pages(path: Path) -> bytes:
    return bytes(load_image(path).pages)
