"""A station's first pull of the members from the API emulator on loopback.

The emulator runs in a process of its own holding 1,000,000 members (with
--quick: 100,000), so the station's memory is measured alone. The station,
on a fresh SQLite database, pulls every feed through `Sync.pull` over HTTP,
pages of PAGE members, each page checked against the contract and stored a
chunk of STORE_CHUNK members a transaction, the cursor with the last (a scan
at the desk waits for one chunk at most: the longest is printed). The
baseline, in the same run: a raw sqlite3 `executemany` of the same rows into
the same table, PAGE rows a commit. Budget (DESIGN.md): at most twice the
baseline, and a peak RSS of 250 MB at most.

    python tests/bench/full_pull.py [--quick]

The last line reads `full_pull: <s> vs <baseline s> = <ratio>`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memberdesk.services.api import PAGE_SIZE, MembershipApi
from memberdesk.services.db import open_database
from memberdesk.services.sync import Sync

PAGE = PAGE_SIZE  # the station's own page size
TOKEN = "bench"
JOINED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
TIERS = ("free", "silver", "gold", "diamond")

# The server process: fills an emulator and serves it until stdin closes.
SERVER = """
import sys
from memberdesk.services.api_emulator import Emulator
sys.path.insert(0, {here!r})
from full_pull import member_item, tier_items
emulator = Emulator({token!r})
for item in tier_items():
    emulator.store.put("tiers", item)
for number in range(1, {count} + 1):
    emulator.store.put("members", member_item(number))
print(emulator.start(), flush=True)
sys.stdin.read()
emulator.stop()
"""


def tier_items() -> list[dict]:
    return [
        {
            "code": code,
            "rank": rank,
            "name_zh": code,
            "name_en": code,
            "colour": "#888888",
            "invitation_only": code == "diamond",
        }
        for rank, code in enumerate(TIERS)
    ]


def member_item(number: int) -> dict:
    return {
        "id": number,
        "name": f"会员{number:07d}",
        "phone": f"1{number % 9 + 1}0{number:08d}",
        "tier_code": TIERS[number % 4],
        "joined_at": (JOINED + dt.timedelta(seconds=number)).isoformat(),
        "tier_until": None,
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pull(url: str, folder: Path) -> tuple[float, int, float]:
    """(seconds, members pulled, the longest write transaction in ms)."""
    _engine, sessions = open_database(f"sqlite:///{folder / 'station.db'}")
    held: list[float] = []
    with MembershipApi(url, TOKEN, timeout=60.0) as api:
        sync = Sync(sessions, api, "bench", page_size=PAGE)
        store = sync._store_chunk

        def timed(*args):  # noqa: ANN002, ANN202
            began = time.perf_counter()
            try:
                return store(*args)
            finally:
                held.append((time.perf_counter() - began) * 1000)

        sync._store_chunk = timed
        started = time.perf_counter()
        report = sync.pull()
        seconds = time.perf_counter() - started
    return seconds, report.items.get("members", 0), max(held)


def baseline(count: int, folder: Path) -> float:
    """The same rows, raw: sqlite3 executemany, PAGE rows a commit."""
    _engine, _sessions = open_database(f"sqlite:///{folder / 'raw.db'}")
    _engine.dispose()
    conn = sqlite3.connect(folder / "raw.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executemany(
        "INSERT INTO tier (code, rank, name_zh, name_en, colour, invitation_only, "
        "min_spend_fen, min_activity, min_ugc, window_days, cost_per_member_fen) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 365, 0)",
        [
            (t["code"], t["rank"], t["name_zh"], t["name_en"], t["colour"], False)
            for t in tier_items()
        ],
    )
    conn.commit()
    started = time.perf_counter()
    for first in range(1, count + 1, PAGE):
        rows = []
        for number in range(first, min(count, first + PAGE - 1) + 1):
            item = member_item(number)
            rows.append(
                (
                    item["id"],
                    item["name"],
                    item["phone"],
                    item["phone"][-4:],
                    item["tier_code"],
                    item["joined_at"],
                    None,
                )
            )
        conn.executemany(
            "INSERT INTO member (id, name, phone, phone_tail, tier_code, "
            "joined_at, tier_until, spend_fen, activity, ugc) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
            rows,
        )
        conn.commit()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 100_000 if args.quick else 1_000_000
    here = str(Path(__file__).resolve().parent)
    code = SERVER.format(here=here, token=TOKEN, count=count)
    server = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = server.stdout.readline().strip()
        if not url.startswith("http://"):
            print("the emulator did not start", file=sys.stderr)
            return 1
        print(f"{count} members on the emulator at {url}, pages of {PAGE}")
        with tempfile.TemporaryDirectory() as folder:
            before = peak_rss_mb()
            seconds, pulled, longest = pull(url, Path(folder))
            rss = peak_rss_mb()
            raw = baseline(count, Path(folder))
    finally:
        server.stdin.close()
        server.wait(timeout=60)
    if pulled != count:
        print(f"pulled {pulled} members, expected {count}", file=sys.stderr)
        return 1
    print(f"pull: {seconds:.2f} s, {count / seconds:,.0f} members/s")
    print(f"raw executemany: {raw:.2f} s, {count / raw:,.0f} rows/s")
    print(f"peak RSS: {rss:.0f} MB (before the pull: {before:.0f} MB; budget 250 MB)")
    # A desk's scan on the same file waits for one of these at most.
    print(f"longest write transaction of the pull: {longest:.0f} ms")
    print(f"full_pull: {seconds:.2f} vs {raw:.2f} = {seconds / raw:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
