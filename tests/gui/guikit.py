"""Helpers for the GUI tests: virtual cards, encoding and taps by signal."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from memberdesk.console.main_window import MainWindow
from memberdesk.nfc.encoder import EncodeResult
from memberdesk.nfc.sim.image import (
    bcc_pages,
    load_image,
    new_blank_image,
    save_image,
)
from memberdesk.services.demo import local_time

# A fixed day, and a door clock inside the demo salon's hours on it, so no
# test depends on the wall clock.
TODAY = dt.date(2026, 3, 10)
DOOR_TIME = local_time(TODAY, 15, 0)
TIMEOUT_MS = 10_000


def shared_dumps() -> Path:
    shared = os.environ.get("MEMBERDESK_SHARED")
    base = (
        Path(shared)
        if shared
        else Path(__file__).resolve().parents[2].parent / "shared"
    )
    return base / "fixtures" / "dumps"


def blank_card(folder: Path, name: str, uid: bytes | None = None) -> Path:
    path = folder / f"{name}.json"
    save_image(new_blank_image("ntag215", uid), path)
    return path


def copy_onto_other_chip(card: Path, out: Path, uid: bytes) -> Path:
    """The card's whole memory on a chip with another UID: a cloned card."""
    image = load_image(card)
    image.uid = uid
    image.pages[0:9] = bcc_pages(uid)
    save_image(image, out)
    return out


def foreign_card(folder: Path) -> Path:
    source = shared_dumps() / "ntag216-ndef-url-youtube-flipper-v2.nfc"
    assert source.is_file(), f"shared chip dumps not found at {source.parent}"
    return Path(shutil.copy(source, folder / source.name))


def encode_card(
    qtbot: object, win: MainWindow, member_id: int, card: Path
) -> EncodeResult:
    """Encode member_id's card by placing `card` on the simulated reader."""
    win.show_page("issuance")
    page = win.page("issuance")
    assert page.select_member(member_id), f"member {member_id} not in the queue"
    with qtbot.waitSignal(page.waiting_for_card, timeout=TIMEOUT_MS):
        page.encode_button.click()
    with qtbot.waitSignal(page.card_encoded, timeout=TIMEOUT_MS) as blocker:
        win.bridge.sim.place(card)
    return blocker.args[0]


def tap(qtbot: object, win: MainWindow, card: Path) -> object:
    """Place `card` on the reader at the door; return what the door showed."""
    door = win.page("door")
    with qtbot.waitSignal(door.verdict_shown, timeout=TIMEOUT_MS) as blocker:
        win.bridge.sim.place(card)
    return blocker.args[0]


PASSWORD = "correct-horse-1"
PIN = "2468"


def add_staff(station: object, role: str, login: str, pin: str | None = None) -> object:
    """A staff member with PASSWORD (and `pin`), made by the station's admin."""
    service, admin = station.staff_service, station.actor
    view = service.create_staff(admin, login, f"{role} {login}", role, PASSWORD)
    if pin is not None:
        service.set_pin(admin, view.id, pin)
    return view


def sign_in_as(station: object, win: MainWindow, login: str) -> object:
    """Sign `login` in with PASSWORD, and hand the window to them."""
    actor = station.staff_service.sign_in(login, PASSWORD, station.name)
    win.guard.session.sign_in(actor)
    return actor


def member_qr(station: object, member_id: int, valid: bool = True) -> str:
    """A member QR code as a scanner would type it, issued by the station's admin.

    `valid=False` signs the same payload with a stranger's key: a forgery whose
    checksum is right, so the door refuses it for its signature.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from memberdesk.services import keys, memberqr
    from memberdesk.services.audit import writing

    with station.sessions() as s:
        issuer = keys.issuer_keys(s, station.store)
    issued = DOOR_TIME - dt.timedelta(days=1)
    if not valid:
        payload = memberqr.QrPayload(
            key_id=issuer.signing_key_id,
            member_id=member_id,
            serial=999_999,
            expires_at=issued + dt.timedelta(days=30),
        )
        return memberqr.encode_member_qr(payload, Ed25519PrivateKey.generate())
    with writing(station.sessions) as s:
        _serial, text = memberqr.issue_member_qr(
            s,
            issuer.signing_key_id,
            issuer.signing_key,
            member_id,
            station.actor,
            station.audit,
            issued,
        )
    return text


class ScanClock:
    """The scanner's clock in tests: it moves only when a key is typed."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def type_keys(
    qtbot: object,
    win: MainWindow,
    text: str,
    *,
    gap: float = 0.01,
    enter: bool = True,
) -> None:
    """Type `text` where the focus is, `gap` seconds apart on the scanner's
    clock: 0.01 is a scanner's burst, 0.5 a person."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    clock = win.page("door").scanner.clock
    for ch in text:
        clock.now += gap
        qtbot.keyClick(QApplication.focusWidget() or win, ch)
    if enter:
        clock.now += gap
        qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_Return)
    else:
        clock.now += 1.0  # the keys go quiet


def scan(qtbot: object, win: MainWindow, text: str, **how: object) -> object:
    """A keyboard-wedge scan of `text` at the door; return what the door showed."""
    door = win.page("door")
    if not isinstance(door.scanner.clock, ScanClock):
        door.scanner.clock = ScanClock()
    with qtbot.waitSignal(door.verdict_shown, timeout=TIMEOUT_MS) as blocker:
        type_keys(qtbot, win, text, **how)
    return blocker.args[0]
