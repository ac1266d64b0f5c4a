"""Card faces: looked at as images, their QR read by an independent decoder."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
import zxingcpp
from actors import add_actor
from PIL import Image

from memberdesk.services import keys, memberqr
from memberdesk.services.cardface import (
    CARD_PX,
    FaceData,
    FaceRefused,
    face_for_member,
    find_font,
    render_face,
    save_faces,
)
from memberdesk.services.cards import CardDesk
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.checkin_rules import check_qr
from memberdesk.services.models import Member

NOW = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def room(sessions, store):
    with sessions.begin() as s:
        install_catalogue(s)
        keys.create_keys(s, store)
        member = Member(
            name="欧阳娜娜",
            phone="13800138000",
            phone_tail="8000",
            tier_code="diamond",
            joined_at=NOW,
        )
        s.add(member)
        s.flush()
        member_id = member.id
    actor = add_actor(sessions, "issuer")
    CardDesk(sessions, store).prepare(member_id, actor)
    return member_id, actor


def decoded(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_the_face_qr_decodes_to_what_the_door_accepts(room, sessions, store, tmp_path):
    member_id, actor = room
    face = face_for_member(sessions, store, member_id, actor, now=NOW)
    assert set(face.qr_text) <= set(memberqr.ALPHABET + memberqr.PREFIX)
    out = tmp_path / "face.png"
    (path,) = save_faces([render_face(face)], out)
    image = Image.open(path)
    assert image.size == CARD_PX and round(image.info["dpi"][0]) == 300
    assert decoded(image) == [face.qr_text]

    with sessions() as s:
        who = check_qr(s, keys.public_keys(s), decoded(image)[0], NOW)
    assert who.member.id == member_id and who.card_number == face.card_number


def test_sheets_and_pdf(room, sessions, store, tmp_path):
    member_id, actor = room
    faces = [render_face(face_for_member(sessions, store, member_id, actor))] * 11
    pngs = save_faces(faces, tmp_path / "sheet.png", sheet=True)
    assert [p.name for p in pngs] == ["sheet.png", "sheet-2.png"]
    page = Image.open(pngs[0])
    assert page.size == (2480, 3508)
    assert len(decoded(page)) == 10  # every QR on the sheet reads
    (pdf,) = save_faces(faces[:2], tmp_path / "cards.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Count 2" in pdf.read_bytes()
    with pytest.raises(ValueError, match="png or .pdf"):
        save_faces(faces, tmp_path / "cards.jpg")


def test_no_card_no_face_and_a_cjk_font_is_found(sessions, store, room):
    _, actor = room
    with sessions.begin() as s:
        lone = Member(
            name="张伟",
            phone="1",
            phone_tail="0001",
            tier_code="diamond",
            joined_at=NOW,
        )
        s.add(lone)
        s.flush()
        lone_id = lone.id
    with pytest.raises(FaceRefused) as exc:
        face_for_member(sessions, store, lone_id, actor)
    assert exc.value.reason == "no_card"
    # Where fontconfig knows a Chinese font (Debian: fonts-noto-cjk), it is used.
    listed = (
        shutil.which("fc-list")
        and subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True
        ).stdout.strip()
    )
    if listed:
        assert find_font().path is not None


def test_a_face_renders_without_any_font(monkeypatch):
    from memberdesk.services import cardface

    monkeypatch.setattr(
        cardface, "find_font", lambda bold=False: cardface.FontChoice(None)
    )
    image = render_face(FaceData("Wang Fang", 10000002, 1, "DXC" + "B" * 160))
    assert decoded(image) == ["DXC" + "B" * 160]
