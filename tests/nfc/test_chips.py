"""NTAG213's compact layout, chips refused by name, reads split per frame."""

from __future__ import annotations

import nfc.clf
import nfc.tag
import pytest
from cardkit import SIM_KEYS, add_member, blank, encode, pages, setup_desk, tap
from roomkit import ultralight_image

from memberdesk.nfc.cardmessage import decode_message, encode_message
from memberdesk.nfc.cardread import read_full, read_message
from memberdesk.nfc.encoder import EncodeRefused
from memberdesk.nfc.ntag import NtagLink
from memberdesk.nfc.sim.device import SimReader, open_sim_frontend
from memberdesk.nfc.sim.image import new_blank_image, save_image
from memberdesk.services import cardformat


@pytest.fixture
def desk(sessions, store):
    return setup_desk(sessions, store)


def test_ntag213_gets_the_compact_layout_behind_its_lock_tlv(desk, sessions, tmp_path):
    path = blank(tmp_path, "ntag213")
    result, card = encode(desk, add_member(sessions), path)
    raw = pages(path)
    assert raw[12:16] == bytes.fromhex("E1101200")
    assert raw[16:21] == bytes.fromhex("0103A00C34")  # Lock Control TLV kept
    assert raw[21] == 0x03 and raw[22] <= 136 - 8  # room to spare
    read, _ = tap(path, lambda tag: read_full(tag, SIM_KEYS))
    signed = decode_message(read.message)
    public = desk.issuer_keys().signing_key.public_key()
    assert cardformat.verify(signed, read.uid, public)
    # nfcpy's own NDEF code (a phone's view) reads the link first.
    records, _ = tap(path, lambda tag: list(tag.ndef.records))
    assert (
        records[0].iri == f"https://m.memberdesk.example/{signed.payload.card_number}"
    )
    assert records[1].type == "urn:nfc:ext:memberdesk:c"
    assert card.command_count <= 45


def test_both_layouts_decode_to_the_same_payload(desk):
    job_payload = cardformat.CardPayload(
        1, 10000001, 7, 1, __import__("datetime").date(2026, 1, 2)
    )
    key = desk.issuer_keys().signing_key
    uid = bytes.fromhex("04A1B2C3D4E5F6")
    signed = cardformat.sign(job_payload, uid, key)
    standard = encode_message(signed)
    compact = encode_message(signed, compact=True)
    assert len(standard) == 139 and len(compact) == 128
    assert decode_message(standard) == decode_message(compact)


def test_wrong_chips_are_refused_by_name(desk, sessions, tmp_path):
    path = tmp_path / "ul.json"
    save_image(ultralight_image(), path)
    with pytest.raises(EncodeRefused) as exc:
        encode(desk, add_member(sessions), path)
    assert exc.value.reason == "unsupported_chip"
    assert "MIFARE Ultralight EV1" in str(exc.value)


@pytest.mark.parametrize("max_recv, reads", [(262, 3), (251, 3), (64, 9), (290, 2)])
def test_fast_read_is_split_to_the_reader_frame(max_recv, reads):
    image = new_blank_image("ntag215")
    reader = SimReader()
    card = reader.place(image)
    clf = open_sim_frontend(reader, max_recv=max_recv)
    tag = nfc.tag.activate(clf, clf.sense(nfc.clf.RemoteTarget("106A")))
    link = NtagLink(tag)
    before = len(card.commands_since_select())
    data = link.fast_read(0, 0x86)
    frames = card.commands_since_select()[before:]
    assert data == bytes(image.pages[: 0x87 * 4 - 8]) + bytes(8)  # PWD, PACK read 0
    assert len(frames) == reads and all(f[0] == 0x3A for f in frames)
    for frame in frames:
        assert (frame[2] - frame[1] + 1) * 4 <= max_recv
    reader.remove()


def test_an_ntag213_too_small_for_even_the_compact_layout(sessions, store, tmp_path):
    desk = setup_desk(
        sessions, store, card_host="cards.a-very-long-programme-host.example"
    )
    with pytest.raises(EncodeRefused) as exc:
        encode(desk, add_member(sessions), blank(tmp_path, "ntag213"))
    assert exc.value.reason == "card_too_small" and "NTAG213" in str(exc.value)
    read, _ = tap(blank(tmp_path, "ntag213", "other.json"), read_message)
    assert read.message == b""
