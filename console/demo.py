"""The demo station: made-up members, demo keys and a tray of blank cards."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import keys, staff
from memberdesk.services.audit import AuditLog
from memberdesk.services.db import data_dir
from memberdesk.services.secrets import (
    DemoSecretStore,
    MemorySecretStore,
    SecretStoreError,
)

BLANK_CARDS = 6


def demo_dir() -> Path:
    return data_dir() / "demo"


def default_cards_dir(url: str | None) -> Path:
    """Blank virtual cards go beside a SQLite database, else in the demo folder."""
    if url:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (
            None,
            "",
            ":memory:",
        ):
            return Path(parsed.database).with_name("cards")
    return demo_dir() / "cards"


def seed(
    sessions: sessionmaker[Session],
    cards: Path,
    members: int = 2000,
    audit: AuditLog | None = None,
) -> dict:
    """Seed the demo programme, its keys, its admin and blank virtual cards."""
    from memberdesk.nfc.sim.image import new_blank_image, save_image
    from memberdesk.services.demo import seed_demo

    with sessions.begin() as s:
        summary = seed_demo(s, members=members)
    store = DemoSecretStore(sessions)
    with sessions() as s:
        try:
            keys.issuer_keys(s, store)
            have_keys = True
        except SecretStoreError:
            have_keys = False
    if not have_keys:
        # Made in memory first: the demo store writes through sessions of its
        # own, which must not interleave with this one's transaction.
        staging = MemorySecretStore()
        with sessions.begin() as s:
            keys.create_keys(s, staging)
        for name, value in staging.items():
            store.put(name, value)

    service = staff.StaffService(
        sessions, staff.password_hasher(), audit or AuditLog("demo")
    )
    if service.needs_first_admin():
        admin = service.create_first_admin(
            staff.DEMO_LOGIN, "演示管理员", staff.DEMO_PASSWORD
        )
        service.set_pin(admin, admin.staff_id, staff.DEMO_PIN)

    cards.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(1, BLANK_CARDS + 1):
        path = cards / f"blank-{n}.json"
        if not path.exists():
            save_image(new_blank_image("ntag215"), path)
        made.append(str(path))
    data = dataclasses.asdict(summary) if dataclasses.is_dataclass(summary) else {}
    data["cards"] = made
    return data


def describe(summary: dict) -> str:
    tiers = summary.get("tier_counts", {})
    cards = summary.get("cards", [])
    lines = [
        f"demo programme seeded: {summary.get('members', 0)} members ("
        + ", ".join(f"{n} {tier}" for tier, n in tiers.items())
        + ")",
        f"  events: VIP salon #{summary.get('salon_id')} (doors open today), "
        f"pop-up #{summary.get('popup_id')}, headquarters visit "
        f"#{summary.get('hq_visit_id')}",
        "  diamond members to try: "
        + ", ".join(f"#{i}" for i in summary.get("diamond_member_ids", ())),
        f"  demo admin: login {staff.DEMO_LOGIN}, password {staff.DEMO_PASSWORD}",
    ]
    if cards:
        lines.append(f"  {len(cards)} blank virtual cards in {Path(cards[0]).parent}")
    return "\n".join(lines)
