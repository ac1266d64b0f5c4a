"""Tap to verdict after the RF read, on a large station database.

Builds 1,000,000 members, 10,000 diamond cards and 200,000 check-ins (with
--quick: a tenth), then times `Door.decide_card` from the bytes read off the
chip to the committed verdict, next to one indexed lookup of a card by number
through the same engine. Runs on SQLite, and on PostgreSQL when one answers at
MEMBERDESK_TEST_PG (or --pg URL). The last line reads
`tap_to_verdict: <p99 ms> vs <baseline p99 ms> = <ratio>` for SQLite.

    python tests/bench/tap_to_verdict.py [--quick] [--pg URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text

from memberdesk.nfc.cardmessage import decoder, encode_message
from memberdesk.services import cardformat, keys
from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.checkin import Door
from memberdesk.services.db import open_database
from memberdesk.services.journal import CheckinJournal
from memberdesk.services.models import Card, CheckIn, Event, Member, Staff
from memberdesk.services.permissions import Actor, Role
from memberdesk.services.secrets import MemorySecretStore

NOW = dt.datetime(2026, 12, 4, 8, 0, tzinfo=dt.UTC)
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def build(sessions, members: int, cards: int, checkins: int):
    rng = random.Random(7)
    store = MemorySecretStore()
    with sessions.begin() as s:
        install_catalogue(s)
        issuer = keys.create_keys(s, store)
        event = Event(
            name="salon",
            kind="vip_salon",
            starts_at=NOW,
            ends_at=NOW + dt.timedelta(hours=3),
            doors_open_at=NOW - dt.timedelta(hours=1),
            doors_close_at=NOW + dt.timedelta(hours=3),
            eligible_tiers="diamond",
            capacity=None,
        )
        old = Event(
            name="past",
            kind="popup",
            starts_at=NOW - dt.timedelta(days=30),
            ends_at=NOW - dt.timedelta(days=30),
            doors_open_at=NOW - dt.timedelta(days=30),
            doors_close_at=NOW - dt.timedelta(days=30),
            eligible_tiers="gold diamond",
        )
        s.add_all([event, old])
        s.flush()
        event_id, old_id = event.id, old.id

    batch = 50_000
    for start in range(0, members, batch):
        rows = [
            {
                "id": i + 1,
                "name": f"会员{i}",
                "phone": f"138{i:08d}",
                "phone_tail": f"{i % 10000:04d}",
                "tier_code": "diamond" if i < cards else "gold",
                "joined_at": NOW,
                "spend_fen": i % 99_999,
            }
            for i in range(start, min(members, start + batch))
        ]
        with sessions.begin() as s:
            s.execute(insert(Member), rows)

    taps = []
    card_rows = []
    for i in range(cards):
        uid = bytes([4]) + rng.randbytes(6)
        number = 10_000_001 + i
        payload = cardformat.CardPayload(
            issuer.signing_key_id, number, i + 1, 1, NOW.date()
        )
        signed = cardformat.sign(payload, uid, issuer.signing_key)
        taps.append((uid, encode_message(signed), number))
        card_rows.append(
            {
                "card_number": number,
                "issue_number": 1,
                "member_id": i + 1,
                "status": "active",
                "uid": uid.hex().upper(),
                "key_id": issuer.signing_key_id,
                "created_at": NOW,
            }
        )
    with sessions.begin() as s:
        s.execute(insert(Card), card_rows)

    for start in range(0, checkins, batch):
        rows = [
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "event_id": old_id,
                "member_id": cards + 1 + (i % (members - cards)),
                "station": "d1",
                "source": "card",
                "direction": "in",
                "verdict": "admitted",
                "admitted": True,
                "first_entry": True,
                "annulled": False,
                "at": NOW - dt.timedelta(days=30),
                "uploaded": True,
            }
            for i in range(start, min(checkins, start + batch))
        ]
        with sessions.begin() as s:
            s.execute(insert(CheckIn), rows)
    return event_id, taps


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(
    sessions, event_id: int, taps, rounds: int, journal: Path
) -> tuple[list, list]:
    with sessions.begin() as s:
        row = Staff(login=f"door{random.random()}", display_name="检票", role="door")
        s.add(row)
        s.flush()
        actor = Actor(row.id, row.login, row.display_name, Role.DOOR, "bench")
    # The journal line is part of every verdict: written and fsynced first.
    door = Door(
        sessions,
        "bench",
        clock=lambda: NOW,
        journal=CheckinJournal(journal),
        decode=decoder(),
    )
    rng = random.Random(11)
    picks = [rng.choice(taps) for _ in range(rounds)]
    verdict_ms, lookup_ms = [], []
    door.decide_card(event_id, *picks[0][:2], actor)  # warm caches and keys
    for uid, message, number in picks:
        t0 = time.perf_counter()
        with sessions() as s:
            s.execute(select(Card.id).where(Card.card_number == number)).first()
        t1 = time.perf_counter()
        door.decide_card(event_id, uid, message, actor)
        t2 = time.perf_counter()
        lookup_ms.append((t1 - t0) * 1000)
        verdict_ms.append((t2 - t1) * 1000)
    return verdict_ms, lookup_ms


def report(name: str, verdict_ms: list, lookup_ms: list) -> tuple[float, float]:
    v50, v99 = percentile(verdict_ms, 50), percentile(verdict_ms, 99)
    b50, b99 = percentile(lookup_ms, 50), percentile(lookup_ms, 99)
    print(
        f"{name}: verdict p50 {v50:.2f} ms, p99 {v99:.2f} ms; "
        f"card lookup p50 {b50:.2f} ms, p99 {b99:.2f} ms "
        f"(mean verdict {statistics.fmean(verdict_ms):.2f} ms)"
    )
    return v99, b99


def pg_url(given: str | None) -> str | None:
    url = given or os.environ.get("MEMBERDESK_TEST_PG", PG_DEFAULT)
    try:
        with create_engine(url).connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001
        print(f"PostgreSQL at {url} not reachable ({type(exc).__name__}); skipped")
        return None
    return url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pg", default=None)
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    members, cards, checkins = 1_000_000 // scale, 10_000 // scale, 200_000 // scale
    rounds = 300 if args.quick else 2000
    print(f"{members} members, {cards} cards, {checkins} check-ins, {rounds} taps")

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        engine, sessions = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        event_id, taps = build(sessions, members, cards, checkins)
        print(f"sqlite built in {time.perf_counter() - started:.1f} s")
        v99, b99 = report(
            "sqlite",
            *measure(sessions, event_id, taps, rounds, Path(tmp) / "sqlite.jsonl"),
        )
        engine.dispose()

    url = pg_url(args.pg)
    if url:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f'create schema "{schema}"'))
        try:
            sep = "&" if "?" in url else "?"
            engine, sessions = open_database(
                f"{url}{sep}options=-csearch_path%3D{schema}"
            )
            started = time.perf_counter()
            event_id, taps = build(sessions, members, cards, checkins)
            print(f"postgresql built in {time.perf_counter() - started:.1f} s")
            with tempfile.TemporaryDirectory() as tmp:
                journal = Path(tmp) / "pg.jsonl"
                report(
                    "postgresql", *measure(sessions, event_id, taps, rounds, journal)
                )
            engine.dispose()
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'drop schema "{schema}" cascade'))
            admin.dispose()

    print(f"tap_to_verdict: {v99:.2f} ms vs {b99:.2f} ms = {v99 / b99:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
