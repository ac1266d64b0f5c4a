"""Demo data for training and trade shows: members, events, registrations.

Everything comes from one seeded random generator, so a seed and a date give
the same rows on every machine. Cards and keys are not made here: encoding
them belongs to the card issuance flow.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.models import Event, Member, Registration, Setting, Staff

log = logging.getLogger(__name__)

STATION_ZONE = ZoneInfo("Asia/Shanghai")

# Percent of members per tier; free takes whatever is left. Rounding is up, so
# a demo always has enough diamond members for the salon and the card queue.
TIER_PERCENT: tuple[tuple[str, int], ...] = (
    ("diamond", 3),
    ("gold", 9),
    ("silver", 18),
)

# Surnames with rough weights from the census tables, so a member list looks
# like a real one: many 王 and 李, the odd 欧阳.
_SURNAME_TABLE = """
    王 720  李 710  张 680  刘 540  陈 460  杨 320  黄 250  赵 230  吴 210
    周 200  徐 170  孙 160  马 150  朱 140  胡 130  郭 120  何 110  林 110
    高 110  罗 100  郑 95   梁 90   谢 75   宋 70   唐 70   许 65   韩 65
    冯 60   邓 60   曹 55   彭 55   曾 50   肖 50   田 45   董 45   袁 40
    潘 40   于 40   蒋 40   蔡 40   余 35   杜 35   叶 35   程 35   苏 30
    魏 30   吕 30   丁 30   任 30   沈 30   姚 25   卢 25   姜 25   崔 25
    钟 25   谭 20   陆 20   汪 20   范 20   金 20   欧阳 3  司马 1  上官 1
    诸葛 1
"""
_SURNAME_PAIRS = list(zip(*[iter(_SURNAME_TABLE.split())] * 2, strict=True))
SURNAMES: tuple[str, ...] = tuple(name for name, _ in _SURNAME_PAIRS)
SURNAME_WEIGHTS: tuple[int, ...] = tuple(int(w) for _, w in _SURNAME_PAIRS)

_GIVEN_F = (
    "芳娜敏静丽艳娟秀霞玉萍红婷雪慧琳颖晶欣怡涵萱雨思佳梦悦妍彤琪璐倩薇"
    "婉瑶蕾洁婧月诗雯岚莉菲蓉馨语桐"
)
_GIVEN_M = (
    "伟强磊军洋勇杰涛明超刚平建文辉力鹏宇浩晨轩博俊昊然天瑞泽宁鑫宏志海"
    "波斌峰凯飞翔林鸿毅鹤川睿哲嘉铭诚"
)
# Characters found in either kind of name.
_GIVEN_ANY = "子一晓思佳嘉欣雨文安可诺宇晨"

# Mainland mobile prefixes of the three big carriers (154 was never issued).
MOBILE_PREFIXES: tuple[str, ...] = tuple(
    f"1{second}{third}"
    for second in "358"
    for third in "0123456789"
    if f"{second}{third}" != "54"
)

# (spend in yuan: low, high), (activity: low, high), (UGC: low, high), over a
# year; each tier sits above its qualification thresholds in the catalogue.
_FIGURES: dict[str, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    "free": ((0, 480), (0, 40), (0, 3)),
    "silver": ((500, 2_900), (30, 160), (0, 12)),
    "gold": ((3_000, 18_000), (100, 300), (5, 40)),
    "diamond": ((20_000, 120_000), (200, 365), (20, 150)),
}


@dataclass(frozen=True)
class DemoSummary:
    members: int
    tier_counts: dict[str, int]
    salon_id: int
    popup_id: int
    hq_visit_id: int
    registrations: int
    diamond_member_ids: tuple[int, ...]


class DemoError(RuntimeError):
    """Demo data would mix with real members."""


def local_today(zone: dt.tzinfo = STATION_ZONE) -> dt.date:
    return dt.datetime.now(zone).date()


def local_time(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A wall-clock time at the station, as an aware UTC datetime."""
    return dt.datetime.combine(day, dt.time(hour, minute), STATION_ZONE).astimezone(
        dt.UTC
    )


def tier_quota(members: int) -> dict[str, int]:
    """How many members each tier gets, from the top tier down."""
    quota: dict[str, int] = {}
    left = members
    for code, percent in TIER_PERCENT:
        quota[code] = min(left, -(-members * percent // 100))
        left -= quota[code]
    quota["free"] = left
    return quota


def _given_name(rng: random.Random) -> str:
    pool = _GIVEN_F if rng.random() < 0.5 else _GIVEN_M
    pool += _GIVEN_ANY
    # Single-character given names are common among older members.
    if rng.random() < 0.3:
        return rng.choice(pool)
    first = rng.choice(pool)
    second = rng.choice(pool)
    # Doubled characters (婷婷, 晶晶) are a real pattern, but only sometimes.
    if second == first and rng.random() < 0.8:
        second = rng.choice(pool)
    return first + second


def _phone(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _member_rows(
    rng: random.Random, count: int, today: dt.date
) -> list[dict[str, object]]:
    quota = tier_quota(count)
    tiers = [code for code, n in quota.items() for _ in range(n)]
    rng.shuffle(tiers)
    surnames = rng.choices(SURNAMES, SURNAME_WEIGHTS, k=len(tiers))
    rows: list[dict[str, object]] = []
    for surname, tier in zip(surnames, tiers, strict=True):
        phone = _phone(rng)
        spend, activity, ugc = _FIGURES[tier]
        # Paid members have usually been around longer.
        max_age = {"free": 900, "silver": 1100, "gold": 1300, "diamond": 1500}[tier]
        joined_day = today - dt.timedelta(days=rng.randint(1, max_age))
        joined = local_time(joined_day, rng.randint(8, 22), rng.randint(0, 59))
        rows.append(
            {
                "name": surname + _given_name(rng),
                "phone": phone,
                "phone_tail": phone[-4:],
                "tier_code": tier,
                "joined_at": joined,
                "tier_until": _tier_until(rng, tier, today),
                # Spend is drawn in yuan and stored in fen, with odd cents.
                "spend_fen": rng.randint(*spend) * 100 + rng.randrange(100),
                "activity": rng.randint(*activity),
                "ugc": rng.randint(*ugc),
            }
        )
    return rows


def _tier_until(rng: random.Random, tier: str, today: dt.date) -> dt.datetime | None:
    if tier == "free":
        return None
    # Silver is bought by the month or quarter, gold and diamond by the year.
    horizon = 92 if tier == "silver" else 365
    day = today + dt.timedelta(days=rng.randint(1, horizon))
    # A paid tier runs to the end of its last local day.
    return local_time(day + dt.timedelta(days=1), 0)


def _events(today: dt.date) -> list[Event]:
    tomorrow = today + dt.timedelta(days=1)
    # Doors stay open for the whole local day, so a demo door admits at
    # whatever hour the demo is shown.
    salon = Event(
        name="钻石会员私享沙龙",
        kind="vip_salon",
        venue="上海 静安 会员会所 3F",
        starts_at=local_time(today, 14),
        ends_at=local_time(today, 21),
        doors_open_at=local_time(today, 0),
        doors_close_at=local_time(tomorrow, 0),
        capacity=60,
        eligible_tiers="diamond",
        registration_required=False,
        reentry_allowed=True,
    )
    popup_day = today + dt.timedelta(days=3)
    popup = Event(
        name="新天地快闪店 会员优先入场",
        kind="popup",
        venue="上海 黄浦 新天地广场",
        starts_at=local_time(popup_day, 10),
        ends_at=local_time(popup_day, 20),
        doors_open_at=local_time(popup_day, 9, 30),
        doors_close_at=local_time(popup_day, 20),
        capacity=300,
        eligible_tiers="gold diamond",
        registration_required=False,
        reentry_allowed=True,
    )
    hq_day = _later_this_month(today)
    hq = Event(
        name="钻石会员总部参观日",
        kind="hq_visit",
        venue="杭州 总部园区 访客中心",
        starts_at=local_time(hq_day, 14),
        ends_at=local_time(hq_day, 16, 30),
        doors_open_at=local_time(hq_day, 13, 30),
        doors_close_at=local_time(hq_day, 14, 30),
        capacity=20,
        eligible_tiers="diamond",
        registration_required=True,
        reentry_allowed=False,
    )
    return [salon, popup, hq]


def _later_this_month(today: dt.date) -> dt.date:
    """About ten days ahead, kept inside this month when the month allows."""
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = next_month - dt.timedelta(days=1)
    day = min(today + dt.timedelta(days=10), last)
    # Near the end of a month "later this month" is impossible; a week on it is.
    return day if day > today else today + dt.timedelta(days=7)


def seed_demo(
    session: Session,
    *,
    members: int = 2000,
    today: dt.date | None = None,
    rng_seed: int = 2026,
) -> DemoSummary:
    """Fill an empty database with a demo programme.

    Installs the catalogue, adds `members` members, three events and a few
    registrations, and marks the database as a demo. The same `rng_seed` and
    `today` give identical rows. Flushes; the caller commits, so the whole
    seed is one transaction.

    Raises DemoError when the database already holds members or staff.
    """
    if members < 0:
        raise ValueError("members must not be negative")
    started = time.perf_counter()
    today = today or local_today()
    rng = random.Random(rng_seed)

    if session.scalar(select(func.count()).select_from(Member)) or session.scalar(
        select(func.count()).select_from(Staff)
    ):
        raise DemoError(
            "the database already holds members or staff; demo data needs an "
            "empty database"
        )
    install_catalogue(session)

    rows = _member_rows(rng, members, today)
    ids: list[int] = []
    if rows:
        # One executemany; RETURNING in parameter order pairs each id with its
        # row without a read-back, and leaves PostgreSQL's sequence in step.
        # The Core table, not the ORM entity: the ORM splits the rows into a
        # batch per run of equal NULL columns and joins the batches' results
        # in quadratic time, 10 minutes for 200k members instead of seconds.
        table = Member.__table__
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = list(session.scalars(stmt, rows))

    events = _events(today)
    session.add_all(events)
    session.flush()
    salon, popup, hq = events

    diamonds = [
        i for i, r in zip(ids, rows, strict=True) if r["tier_code"] == "diamond"
    ]
    registered = sorted(rng.sample(diamonds, min(8, len(diamonds))))
    if registered:
        session.execute(
            insert(Registration),
            [{"event_id": hq.id, "member_id": m} for m in registered],
        )

    session.merge(Setting(key="demo", value="1"))
    session.flush()

    counts = tier_quota(members)
    log.info(
        "demo seeded: %d members %s in %.2f s",
        members,
        counts,
        time.perf_counter() - started,
    )
    return DemoSummary(
        members=members,
        tier_counts=counts,
        salon_id=salon.id,
        popup_id=popup.id,
        hq_visit_id=hq.id,
        registrations=len(registered),
        diamond_member_ids=tuple(diamonds[:5]),
    )
