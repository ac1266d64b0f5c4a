"""The reader thread and opening reader paths."""

from __future__ import annotations

import queue

import pytest

from memberdesk.nfc.cardread import read_message
from memberdesk.nfc.reader import ReaderError, ReaderThread, open_reader
from memberdesk.nfc.sim.image import new_blank_image, save_image
from memberdesk.services import originality


def test_thread_hands_each_tap_over_and_survives_a_bad_handler(tmp_path):
    events: queue.Queue = queue.Queue()
    calls = []

    def on_tag(tag):
        calls.append(tag)
        if len(calls) == 1:
            raise RuntimeError("a handler bug")
        events.put(("tag", read_message(tag).uid))

    thread = ReaderThread(
        "sim",
        on_tag,
        on_state=lambda state, text: events.put(("state", state)),
        on_error=lambda exc: events.put(("error", str(exc))),
    )
    thread.start()
    assert events.get(timeout=10) == ("state", "ready")
    sim = thread.reader.sim

    first = new_blank_image("ntag215")
    sim.place(first)
    assert events.get(timeout=10) == ("error", "a handler bug")
    sim.remove()
    second = new_blank_image("ntag216")
    sim.place(second)
    assert events.get(timeout=10) == ("tag", second.uid)
    sim.remove()

    thread.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert events.get(timeout=10) == ("state", "closed")


def test_sim_paths(tmp_path):
    with pytest.raises(ReaderError, match="no virtual card"):
        open_reader(f"sim:{tmp_path / 'nothing.json'}")
    bad = tmp_path / "bad.nfc"
    bad.write_text("Filetype: Flipper NFC device\nVersion: 9\n")
    with pytest.raises(ReaderError, match="bad.nfc"):
        open_reader(f"sim:{bad}")
    good = tmp_path / "good.json"
    save_image(new_blank_image("ntag215"), good)
    reader = open_reader(f"sim:{good}")
    assert originality.SIMULATED in reader.originality_keys
    reader.close()


def test_a_missing_usb_reader_is_said_in_words():
    with pytest.raises(ReaderError) as exc:
        open_reader("usb:ffff:fffe")
    assert "usb:ffff:fffe" in str(exc.value)


def test_originality_of_real_chips(dumps):
    from memberdesk.nfc.sim.image import load_image

    seen = {}
    for path in sorted(dumps.glob("*.*")):
        if path.suffix not in (".nfc", ".json"):
            continue
        image = load_image(path)
        seen[path.name] = originality.check(image.uid, image.signature)
        if seen[path.name] == originality.GENUINE:
            changed = image.uid[:-1] + bytes([image.uid[-1] ^ 1])
            assert originality.check(changed, image.signature) == originality.FAILED
    assert seen.pop("ul21-mikron-nonxp-nosig-flipper-v3.nfc") == originality.ABSENT
    assert set(seen.values()) == {originality.GENUINE} and len(seen) == 4


def test_thread_outlives_a_driver_failure():
    events: queue.Queue = queue.Queue()
    thread = ReaderThread(
        "sim",
        lambda tag: events.put(("tag", read_message(tag).uid)),
        on_state=lambda state, text: events.put(("state", state)),
        backoff=0.01,
    )
    thread.start()
    try:
        assert events.get(timeout=10) == ("state", "ready")
        device = thread.reader.clf.device
        real = device.sense_tta

        def broken(target):
            device.sense_tta = real
            raise RuntimeError("a transfer cut mid-frame")

        device.sense_tta = broken
        # nfcpy's connect() lets this escape; the thread reopens the reader
        # instead of dying.
        while (event := events.get(timeout=10)) != ("state", "ready"):
            assert event == ("state", "error")
        image = new_blank_image("ntag216")
        thread.reader.sim.place(image)
        assert events.get(timeout=10) == ("tag", image.uid)
        thread.reader.sim.remove()
    finally:
        thread.stop()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_a_role_refused_inside_a_tap_is_not_a_reader_failure(tmp_path):
    from memberdesk.nfc.reader import tap_once

    card = tmp_path / "c.json"
    save_image(new_blank_image("ntag215"), card)
    reader = open_reader(f"sim:{card}")

    def refused(tag):
        raise PermissionError("the door role may not issue cards")

    try:
        with pytest.raises(PermissionError, match="may not issue"):
            tap_once(reader, refused)
    finally:
        reader.close()
