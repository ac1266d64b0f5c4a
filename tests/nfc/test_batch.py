"""Batch issuance over a stack of virtual cards, faults and all."""

from __future__ import annotations

import threading

import pytest
from cardkit import SIM_KEYS, add_member, pages, setup_desk, tap
from roomkit import stack
from sqlalchemy import select

from memberdesk.nfc.batch import OutOfCards, StackTaps, run_batch
from memberdesk.nfc.cardmessage import decode_message
from memberdesk.nfc.cardread import read_message
from memberdesk.nfc.reader import ReaderError
from memberdesk.nfc.sim.faults import Faults
from memberdesk.nfc.sim.image import load_image
from memberdesk.services import cardformat
from memberdesk.services.batch import BatchError, BatchQueue
from memberdesk.services.cardlife import CardLife
from memberdesk.services.memberlist import MemberListError, parse_member_list
from memberdesk.services.models import Card, CardJournal

CFG0_215 = 0x83


@pytest.fixture
def desk(sessions, store):
    return setup_desk(sessions, store)


@pytest.fixture
def queue(sessions):
    return BatchQueue(sessions)


def go(queue, desk, batch, taps, **options):
    """run_batch as the desk's issuer, with the simulator's originality key."""
    options.setdefault("originality_keys", SIM_KEYS)
    return run_batch(queue, desk, batch, desk.test_actor, taps, **options)


def members(sessions, n: int, prefix: str = "会员") -> list[int]:
    return [add_member(sessions, f"{prefix}{i}") for i in range(n)]


def card_state(path) -> str:
    """What a virtual card holds: blank, a protected card, or something odd."""
    raw = bytes(load_image(path).pages)
    auth0 = raw[CFG0_215 * 4 + 3]
    if raw[16:19] == bytes.fromhex("0300FE") and auth0 == 0xFF:
        return "blank"
    return "protected" if auth0 == 0x03 else f"open({raw[16:20].hex()})"


def test_fifty_cards_with_faults_end_in_a_known_state(desk, queue, sessions, tmp_path):
    ids = members(sessions, 50)
    batch = queue.create(desk.test_actor, ids, "fifty")
    chips = ["ntag215"] * 56
    for wrong in (5, 17, 33):
        chips[wrong] = "ultralight"
    chips[40] = "ntag216"
    chips[44] = "ntag213"
    files = stack(tmp_path / "stack", chips)
    faults = {
        files[2].name: Faults(pull_after=12),
        files[9].name: Faults(nak_at={20}),
        files[21].name: Faults(torn_write_at=15),
        files[28].name: Faults(pull_after=0),
        files[36].name: Faults(nak_at={3}),
        files[48].name: Faults(pull_after=30),
    }
    events = []
    taps = StackTaps(files, faults)

    progress = run_batch(
        queue,
        desk,
        batch,
        desk.test_actor,
        taps,
        originality_keys=SIM_KEYS,
        on_event=events.append,
    )

    assert progress.status == "done" and progress.done == 50, progress
    assert progress.left == progress.failed == 0
    items = queue.items(batch)
    assert {i.state for i in items} == {"done"}
    assert all(i.uid and i.originality == "simulated" for i in items)
    refused = [e for e in events if e.kind == "refused"]
    assert [e.reason for e in refused] == ["unsupported_chip"] * 3
    assert "Ultralight" in refused[0].message
    assert any(e.kind == "resumable" for e in events)
    # Every chip that was written is a valid, protected card of one member.
    public = desk.issuer_keys().signing_key.public_key()
    with sessions() as s:
        cards = {c.uid: c for c in s.scalars(select(Card))}
        assert sum(c.status == "active" for c in cards.values()) == 50
        journal = s.scalars(select(CardJournal.step)).all()
    assert journal.count("done") == 50
    for path in files:
        image = load_image(path)
        uid = image.uid.hex().upper()
        if image.chip_name.startswith("Mifare") or path not in taps.used:
            assert uid not in cards
            continue
        card = cards[uid]
        assert card.status == "active"
        read, _ = tap(path, read_message)
        signed = decode_message(read.message)
        assert signed.payload.member_id == card.member_id
        assert cardformat.verify(signed, image.uid, public)
    assert taps.left == 3  # 56 cards: 50 issued, 3 refused, 3 spare


def test_out_of_cards_and_unplugged_reader_pause_with_reasons(
    desk, queue, sessions, tmp_path
):
    ids = members(sessions, 4)
    batch = queue.create(desk.test_actor, ids)
    files = stack(tmp_path / "s", ["ntag215", "ntag215"])
    faults = {files[1].name: Faults(pull_after=14)}

    class Unplugged(StackTaps):
        """The reader goes away at the second tap of the pulled card."""

        def tap(self, handle, again, stop):
            if again:
                raise ReaderError("the reader stopped answering (unplugged?)")
            return super().tap(handle, again, stop)

    progress = go(queue, desk, batch, Unplugged(files, faults))
    assert progress.status == "paused" and progress.done == 1
    assert "reader_lost" in progress.note
    items = queue.items(batch)
    assert [i.state for i in items] == ["done", "resumable", "waiting", "waiting"]
    assert items[1].reason == "reader_lost"
    with sessions() as s:
        card = s.get(Card, items[1].card_id)
        assert card.status == "encoding" and card.uid  # journalled, resumable

    # Plugged in again: the same card resumes, then the stack runs out.
    progress = go(queue, desk, batch, StackTaps([files[1]], {}))
    assert progress.done == 2 and progress.status == "paused"
    assert progress.note.startswith("no_more_cards")
    assert [i.state for i in queue.items(batch)][:2] == ["done", "done"]
    assert card_state(files[1]) == "protected"


def test_foreign_and_other_members_cards_need_confirmation(
    desk, queue, sessions, tmp_path
):
    first, second = members(sessions, 2)
    files = stack(tmp_path / "s", ["ntag215"])
    batch = queue.create(desk.test_actor, [first])
    go(queue, desk, batch, StackTaps(files))
    before = files[0].read_bytes()

    other = queue.create(desk.test_actor, [second])
    progress = go(queue, desk, other, StackTaps(files))
    assert progress.done == 0 and files[0].read_bytes() == before
    item = queue.items(other)[0]
    assert (item.state, item.reason) == ("waiting", "no_more_cards")
    assert "card_of_other_member" in item.detail

    asked = []
    progress = go(
        queue, desk, other, StackTaps(files), confirm=lambda q, t: asked.append(q) or 1
    )
    assert progress.done == 1 and asked == ["card_of_other_member"]


def test_originality_failure_stops_or_continues_and_an_admin_decides(
    desk, queue, sessions, tmp_path
):
    from actors import add_actor

    ids = members(sessions, 3)
    files = stack(tmp_path / "s", ["ntag215"] * 4)
    stopping = queue.create(desk.test_actor, ids, on_bad_originality="stop")
    # No simulator key: the virtual chips' signatures do not verify.
    progress = run_batch(queue, desk, stopping, desk.test_actor, StackTaps(files))
    assert progress.status == "paused" and progress.done == 1 and progress.review == 1
    assert "an admin has to decide" in progress.note
    item = queue.items(stopping)[0]
    assert item.review == "originality" and item.originality == "failed"

    with pytest.raises(PermissionError):
        queue.decide_originality(item.id, desk.test_actor, False, CardLife(sessions))
    admin = add_actor(sessions, "admin")
    queue.decide_originality(item.id, admin, False, CardLife(sessions))
    item = queue.item(item.id)
    assert item.state == "waiting" and item.reason == "originality_refused"

    progress = run_batch(
        queue,
        desk,
        stopping,
        desk.test_actor,
        StackTaps(files[1:]),
        originality_keys=SIM_KEYS,
    )
    assert progress.done == 3 and progress.review == 0


def test_skip_retry_pause(desk, queue, sessions, tmp_path):
    ids = members(sessions, 3)
    batch = queue.create(desk.test_actor, ids)
    first = queue.items(batch)[0]
    queue.skip(first.id, desk.test_actor, "not here today")
    stop = threading.Event()
    stop.set()
    progress = run_batch(queue, desk, batch, desk.test_actor, StackTaps([]), stop=stop)
    assert progress.status == "paused" and progress.skipped == 1
    queue.retry(first.id, desk.test_actor)
    assert queue.next_item(batch).id == first.id
    with pytest.raises(BatchError):
        queue.retry(first.id, desk.test_actor)


def test_out_of_cards_is_raised_by_an_empty_stack():
    with pytest.raises(OutOfCards):
        StackTaps([]).tap(lambda tag: None, False, threading.Event())


def test_member_lists_import(sessions, desk, queue):
    assert parse_member_list("12, 13\n#14 15;16\n12") == [12, 13, 14, 15, 16]
    assert parse_member_list("name,member_id\n王芳,7\n李娜,9\n") == [7, 9]
    with pytest.raises(MemberListError, match="line 2"):
        parse_member_list("1\nx2\n")
    gold = add_member(sessions, "金卡", tier="gold")
    batch = queue.create(desk.test_actor, [gold])
    item = queue.items(batch)[0]
    assert (item.state, item.reason) == ("failed", "not_diamond")
    with pytest.raises(BatchError, match="99999"):
        queue.create(desk.test_actor, [99999])


def test_a_crash_mid_card_is_resumable(desk, queue, sessions, tmp_path):
    ids = members(sessions, 1)
    batch = queue.create(desk.test_actor, ids)
    item = queue.items(batch)[0]
    job = desk.prepare(ids[0], desk.test_actor)
    queue.start(item.id, job.card_id)  # the station died right here
    queue.recover(batch)
    assert queue.item(item.id).state == "resumable"
    files = stack(tmp_path / "s", ["ntag215"])
    progress = go(queue, desk, batch, StackTaps(files))
    assert progress.done == 1
    assert pages(files[0])[CFG0_215 * 4 + 3] == 0x03


def test_a_malformed_card_file_in_the_stack_is_put_aside(
    desk, queue, sessions, tmp_path
):
    ids = members(sessions, 1)
    batch = queue.create(desk.test_actor, ids)
    files = stack(tmp_path / "s", ["ntag215", "ntag215"])
    files[0].write_text("Filetype: Flipper NFC device\nVersion: 9\n")
    events = []
    progress = go(queue, desk, batch, StackTaps(files), on_event=events.append)
    assert progress.done == 1
    assert [(e.kind, e.reason) for e in events][:1] == [("refused", "bad_card_file")]
    assert "000.json" in events[0].message
