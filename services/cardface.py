"""The printable face of a diamond card: CR80 at 300 dpi, PNG or PDF.

Drawn with Pillow so that a headless station and the CLI can print. The face
carries the member's name, the card number and its issue, faceted diamond
artwork in the programme's diamond blue, and a QR code with the member QR
text the door accepts when NFC fails (services.memberqr).

Chinese names need a CJK font: fonts are found by family through fontconfig
where it exists, then at the usual places on Windows, macOS and Linux; with
none, the face is still drawn (with a warning), but CJK glyphs will be boxes.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import keys, memberqr
from memberdesk.services.audit import AuditLog, writing
from memberdesk.services.models import Member, MemberQr, utcnow
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.secrets import SecretStore

log = logging.getLogger(__name__)

DPI = 300
CARD_MM = (85.60, 53.98)  # ISO/IEC 7810 ID-1 (CR80)
CARD_PX = (1011, 638)  # at 300 dpi
A4_PX = (2480, 3508)
BLUE = "#5BC0EB"  # the programme's diamond blue
DEEP = (20, 74, 110)
MID = (46, 134, 171)
LIGHT = (91, 192, 235)
PALE = (214, 240, 251)

_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
)
_KNOWN_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-{weight}.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/msyh{suffix}.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)


@dataclass(frozen=True)
class FaceData:
    """What one face shows."""

    member_name: str
    card_number: int
    issue_number: int
    qr_text: str  # the member QR payload the door accepts
    tier_label: str = "DIAMOND · 钻石会员"


@dataclass(frozen=True)
class FontChoice:
    path: str | None
    index: int = 0


def find_font(bold: bool = False) -> FontChoice:
    """A CJK-capable font: fontconfig first, then known paths, else none."""
    return _find_font(bold)


@functools.cache
def _find_font(bold: bool) -> FontChoice:
    style = ":style=Bold" if bold else ""
    if shutil.which("fc-match"):
        for family in _CJK_FAMILIES:
            try:
                out = subprocess.run(
                    ["fc-match", "-f", "%{family}|%{file}|%{index}", family + style],
                    capture_output=True,
                    text=True,
                    timeout=5,
                    check=False,
                ).stdout
            except (OSError, subprocess.SubprocessError):
                break
            found, _, rest = out.partition("|")
            path, _, index = rest.partition("|")
            if family.lower() in found.lower() and Path(path).is_file():
                return FontChoice(path, int(index or 0))
    weight, suffix = ("Bold", "bd") if bold else ("Regular", "")
    for pattern in _KNOWN_PATHS:
        path = pattern.format(weight=weight, suffix=suffix)
        if Path(path).is_file():
            return FontChoice(path, _sc_index(path))
    log.warning("no CJK font found: Chinese names on card faces will not render")
    return FontChoice(None)


def _sc_index(path: str) -> int:
    # Noto/Source Han collections hold JP, KR, SC, TC, HK in that order.
    return 2 if "CJK" in path and path.endswith(".ttc") else 0


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    choice = find_font(bold)
    if choice.path:
        try:
            return ImageFont.truetype(choice.path, size, index=choice.index)
        except OSError:
            log.warning("font %s could not be loaded", choice.path)
    return ImageFont.load_default(size)


def qr_image(text: str, size: int) -> Image.Image:
    """A QR code of `text` on white, `size` pixels square, crisp modules."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1
    )
    code.add_data(text, optimize=0)
    code.make(fit=True)
    modules = code.get_matrix()
    count = len(modules)
    quiet = 3
    box = max(1, size // (count + 2 * quiet))
    img = Image.new("L", ((count + 2 * quiet) * box,) * 2, 255)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                x0, y0 = (x + quiet) * box, (y + quiet) * box
                draw.rectangle([x0, y0, x0 + box - 1, y0 + box - 1], fill=0)
    canvas = Image.new("L", (size, size), 255)
    at = (size - img.width) // 2
    canvas.paste(img, (at, at))
    return canvas.convert("RGB")


def _background(size: tuple[int, int]) -> Image.Image:
    # A diagonal sweep from deep blue (bottom left) to the diamond blue.
    mask = Image.linear_gradient("L").rotate(-135, expand=True)
    side = mask.width
    mask = mask.crop((side // 4, side // 4, side * 3 // 4, side * 3 // 4))
    mask = mask.resize(size)
    return Image.composite(
        Image.new("RGB", size, MID), Image.new("RGB", size, DEEP), mask
    )


def _diamond(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    """A brilliant-cut diamond seen from the side, in translucent facets."""
    top = cy - r * 0.55
    girdle = cy - r * 0.15
    tip = (cx, cy + r * 0.95)
    crown = [(cx - r * (0.55 - 0.2 * i), top) for i in range(6)]
    left, right = (cx - r, girdle), (cx + r, girdle)
    facets = [
        ([left, crown[0], (cx - r * 0.5, girdle)], (*PALE, 150)),
        ([crown[0], crown[2], (cx - r * 0.5, girdle)], (*LIGHT, 170)),
        ([crown[2], crown[3], (cx, girdle)], (*PALE, 190)),
        ([crown[2], (cx, girdle), (cx - r * 0.5, girdle)], (*LIGHT, 120)),
        ([crown[3], crown[5], (cx + r * 0.5, girdle)], (*LIGHT, 170)),
        ([crown[3], (cx + r * 0.5, girdle), (cx, girdle)], (*PALE, 120)),
        ([crown[5], right, (cx + r * 0.5, girdle)], (*PALE, 110)),
        ([left, (cx - r * 0.5, girdle), tip], (*LIGHT, 140)),
        ([(cx - r * 0.5, girdle), (cx, girdle), tip], (*PALE, 170)),
        ([(cx, girdle), (cx + r * 0.5, girdle), tip], (*LIGHT, 120)),
        ([(cx + r * 0.5, girdle), right, tip], (*MID, 160)),
    ]
    for points, fill in facets:
        draw.polygon(points, fill=fill, outline=(*PALE, 220))


def render_face(face: FaceData) -> Image.Image:
    """One card face, CR80 at 300 dpi."""
    w, h = CARD_PX
    base = _background(CARD_PX).convert("RGBA")
    art = Image.new("RGBA", CARD_PX, (0, 0, 0, 0))
    draw = ImageDraw.Draw(art)
    cx, cy = w * 0.31, h * 0.42
    for i in range(9):  # faint rays behind the stone
        angle = -math.pi / 2 + (i - 4) * 0.3
        end = (cx + 560 * math.cos(angle), cy + 560 * math.sin(angle))
        draw.line([(cx, cy), end], fill=(*PALE, 22), width=5)
    _diamond(draw, cx, cy, 150)
    base = Image.alpha_composite(base, art)
    draw = ImageDraw.Draw(base)

    # The QR code on a white plate, right side: large enough for a door scanner.
    plate = 330
    qr = qr_image(face.qr_text, plate - 24)
    px, py = w - plate - 44, (h - plate) // 2 + 10
    draw.rounded_rectangle([px, py, px + plate, py + plate], 22, fill="white")
    base.paste(qr, (px + 12, py + 12))

    draw.text((48, 40), face.tier_label, font=_font(38, bold=True), fill=PALE)
    name_font = _fit(face.member_name, px - 96, 72, bold=True)
    draw.text((48, h - 218), face.member_name, font=name_font, fill="white")
    number = f"{face.card_number:08d}"
    spaced = f"{number[:4]} {number[4:]}"
    draw.text((50, h - 118), spaced, font=_font(50), fill=PALE)
    issue = f"第 {face.issue_number} 版 · Issue {face.issue_number}"
    draw.text((px + plate - 4, 44), issue, font=_font(30), fill=PALE, anchor="ra")
    draw.text(
        (px + plate // 2, py + plate + 14),
        "扫码入场 · Scan at the door",
        font=_font(22),
        fill=PALE,
        anchor="ma",
    )
    return base.convert("RGB")


def _fit(text: str, width: int, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    font = _font(size, bold)
    while size > 24 and font.getlength(text) > width:
        size -= 4
        font = _font(size, bold)
    return font


def render_sheet(faces: Sequence[Image.Image]) -> list[Image.Image]:
    """A4 pages, 2 x 5 cards each, with crop marks at every card corner."""
    cols, rows = 2, 5
    gap = 40
    w, h = CARD_PX
    left = (A4_PX[0] - cols * w - (cols - 1) * gap) // 2
    top = (A4_PX[1] - rows * h - (rows - 1) * gap) // 2
    pages = []
    for start in range(0, max(len(faces), 1), cols * rows):
        page = Image.new("RGB", A4_PX, "white")
        draw = ImageDraw.Draw(page)
        for n, face in enumerate(faces[start : start + cols * rows]):
            x = left + (n % cols) * (w + gap)
            y = top + (n // cols) * (h + gap)
            page.paste(face, (x, y))
            for cx, cy in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
                draw.line([(cx - 18, cy), (cx + 18, cy)], fill="black", width=1)
                draw.line([(cx, cy - 18), (cx, cy + 18)], fill="black", width=1)
        pages.append(page)
    return pages


def save_faces(
    faces: Sequence[Image.Image], out: str | Path, sheet: bool = False
) -> list[Path]:
    """Write PNG (one file per card or page) or PDF (one file, many pages)."""
    out = Path(out)
    images = render_sheet(faces) if sheet else list(faces)
    if not images:
        raise ValueError("no card faces to save")
    if out.suffix.lower() == ".pdf":
        images[0].save(
            out, "PDF", resolution=DPI, save_all=True, append_images=images[1:]
        )
        return [out]
    if out.suffix.lower() != ".png":
        raise ValueError(f"{out.name}: card faces are written as .png or .pdf")
    written = []
    for n, image in enumerate(images):
        path = out if n == 0 else out.with_name(f"{out.stem}-{n + 1}{out.suffix}")
        image.save(path, "PNG", dpi=(DPI, DPI))
        written.append(path)
    return written


def default_expiry(now: dt.datetime, years: int = 5) -> dt.datetime:
    """A printed face lasts: its QR code stays valid as long as the card."""
    return now + dt.timedelta(days=round(365.25 * years))


class FaceRefused(Exception):
    """No face can be printed for this member; `reason` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def face_for_member(
    sessions: sessionmaker[Session],
    store: SecretStore,
    member_id: int,
    actor: Actor,
    audit: AuditLog | None = None,
    now: dt.datetime | None = None,
) -> FaceData:
    """The face of the member's current card, with a freshly issued member QR.

    The QR code gets its own serial (a member_qr row, so it can be revoked)
    and names the card and issue, so a reissue makes the old face's code fail
    at the door as the old chip does.
    """
    require(actor, Action.ISSUE_CARDS)
    now = now or utcnow()
    audit = audit or AuditLog("")
    with writing(sessions) as s:
        member = s.get(Member, member_id)
        if member is None:
            raise FaceRefused("unknown_member", f"no member with id {member_id}")
        cards = [c for c in member.cards if c.status in ("active", "encoding")]
        if not cards:
            raise FaceRefused(
                "no_card", f"{member.name} has no card to print: issue one first"
            )
        card = max(cards, key=lambda c: c.issue_number)
        k = keys.issuer_keys(s, store)
        serial = (s.scalar(select(func.max(MemberQr.serial))) or 0) + 1
        payload = memberqr.QrPayload(
            key_id=k.signing_key_id,
            member_id=member.id,
            serial=serial,
            expires_at=default_expiry(now).replace(second=0, microsecond=0),
            card_number=card.card_number,
            issue_number=card.issue_number,
        )
        text = memberqr.encode_member_qr(payload, k.signing_key)
        s.add(
            MemberQr(
                serial=serial,
                member_id=member.id,
                key_id=k.signing_key_id,
                card_number=card.card_number,
                issue_number=card.issue_number,
                issued_at=now,
                expires_at=payload.expires_at,
            )
        )
        audit.append(
            s,
            actor,
            "card_face_printed",
            "card",
            card.id,
            None,
            {"member_id": member.id, "qr_serial": serial},
        )
        return FaceData(member.name, card.card_number, card.issue_number, text)
