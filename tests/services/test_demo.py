import datetime as dt
import re
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from memberdesk.services.catalogue import BENEFITS, TIERS, install_catalogue
from memberdesk.services.db import open_database
from memberdesk.services.demo import DemoError, seed_demo, tier_quota
from memberdesk.services.events import event_is_open, require_event
from memberdesk.services.models import (
    Benefit,
    Card,
    Event,
    Member,
    Registration,
    Setting,
    Tier,
    TierBenefit,
    TierPrice,
)

TODAY = dt.date(2026, 3, 10)
SHANGHAI = ZoneInfo("Asia/Shanghai")
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
MOBILE = re.compile(r"^1[358]\d{9}$")


def _open(tmp_path, name="t.db"):
    _, factory = open_database(f"sqlite:///{tmp_path / name}")
    return factory


def _seeded(tmp_path, name="t.db", **kwargs):
    factory = _open(tmp_path, name)
    with factory.begin() as session:
        summary = seed_demo(session, today=TODAY, **kwargs)
    return factory, summary


def _member_table(factory):
    with factory() as session:
        return [
            (
                m.id,
                m.name,
                m.phone,
                m.phone_tail,
                m.tier_code,
                m.joined_at,
                m.tier_until,
                m.spend_fen,
                m.activity,
                m.ugc,
            )
            for m in session.scalars(select(Member).order_by(Member.id))
        ]


def test_same_seed_gives_identical_rows(tmp_path):
    one, s1 = _seeded(tmp_path, "one.db")
    two, s2 = _seeded(tmp_path, "two.db")
    assert _member_table(one) == _member_table(two)
    assert s1 == s2

    with one() as a, two() as b:

        def events(s):
            return [
                (e.name, e.starts_at, e.doors_open_at, e.capacity)
                for e in s.scalars(select(Event).order_by(Event.id))
            ]

        def regs(s):
            return sorted(
                s.execute(select(Registration.event_id, Registration.member_id)).all()
            )

        assert events(a) == events(b)
        assert regs(a) == regs(b)


def test_another_seed_gives_other_members(tmp_path):
    one, _ = _seeded(tmp_path, "one.db", members=200)
    two, _ = _seeded(tmp_path, "two.db", members=200, rng_seed=7)
    assert _member_table(one) != _member_table(two)


def test_tier_spread_and_members(tmp_path):
    factory, summary = _seeded(tmp_path)
    with factory() as session:
        counts = {
            code: n
            for code, n in session.execute(
                select(Member.tier_code, func.count()).group_by(Member.tier_code)
            )
        }
        members = session.scalars(select(Member)).all()

    assert sum(counts.values()) == 2000 == summary.members
    assert counts == summary.tier_counts
    assert counts["diamond"] >= 50
    assert 0.65 < counts["free"] / 2000 < 0.75
    assert 0.15 < counts["silver"] / 2000 < 0.21
    assert 0.07 < counts["gold"] / 2000 < 0.11

    for m in members:
        assert CJK.match(m.name), m.name
        assert MOBILE.match(m.phone), m.phone
        assert m.phone_tail == m.phone[-4:]
        assert m.joined_at.tzinfo is not None
        assert m.joined_at.astimezone(SHANGHAI).date() < TODAY
        if m.tier_code == "free":
            assert m.tier_until is None
        else:
            assert m.tier_until.astimezone(SHANGHAI).date() > TODAY

    # Figures rise with the tier: every diamond outspends every free member.
    by_tier = {}
    for m in members:
        by_tier.setdefault(m.tier_code, []).append(m.spend_fen)
    assert min(by_tier["diamond"]) > max(by_tier["gold"])
    assert min(by_tier["gold"]) > max(by_tier["silver"])
    assert min(by_tier["silver"]) > max(by_tier["free"])

    # Common surnames dominate, as in a real member list.
    surnames = [m.name[0] for m in members]
    assert surnames.count("王") > surnames.count("周") > 0


def test_summary_ids_are_real(tmp_path):
    factory, summary = _seeded(tmp_path)
    with factory() as session:
        assert summary.diamond_member_ids
        for member_id in summary.diamond_member_ids:
            assert session.get(Member, member_id).tier_code == "diamond"
        assert session.get(Setting, "demo").value == "1"
        assert session.scalar(select(func.count()).select_from(Card)) == 0


def test_salon_is_open_all_local_day_today(tmp_path):
    factory, summary = _seeded(tmp_path)
    with factory() as session:
        salon = require_event(session, summary.salon_id)
        assert salon.eligible_tiers == "diamond"
        assert salon.capacity == 60
        assert not salon.registration_required

        def local(day, hour, minute=0):
            return dt.datetime.combine(day, dt.time(hour, minute), SHANGHAI)

        assert event_is_open(salon, local(TODAY, 0, 0))
        assert event_is_open(salon, local(TODAY, 9, 30))
        assert event_is_open(salon, local(TODAY, 23, 59))
        assert event_is_open(salon, local(TODAY, 12).astimezone(dt.UTC))
        assert not event_is_open(salon, local(TODAY - dt.timedelta(days=1), 23, 59))
        assert not event_is_open(salon, local(TODAY + dt.timedelta(days=1), 0))


def test_other_events(tmp_path):
    factory, summary = _seeded(tmp_path)
    with factory() as session:
        popup = require_event(session, summary.popup_id)
        hq = require_event(session, summary.hq_visit_id)
        assert popup.eligible_tiers.split() == ["gold", "diamond"]
        assert popup.starts_at.astimezone(SHANGHAI).date() > TODAY
        hq_day = hq.starts_at.astimezone(SHANGHAI).date()
        assert TODAY < hq_day and hq_day.month == TODAY.month
        assert hq.registration_required and hq.capacity == 20

        registered = session.scalars(
            select(Registration.member_id).where(Registration.event_id == hq.id)
        ).all()
        assert 3 <= len(registered) == summary.registrations <= hq.capacity
        for member_id in registered:
            assert session.get(Member, member_id).tier_code == "diamond"


def test_refuses_a_database_with_members(tmp_path):
    factory, _ = _seeded(tmp_path, members=20)
    with factory.begin() as session:
        try:
            seed_demo(session, today=TODAY)
        except DemoError as exc:
            assert "already holds members" in str(exc)
        else:
            raise AssertionError("a second seed was accepted")


def test_tier_quota_rounds_diamond_up():
    assert tier_quota(2000) == {
        "diamond": 60,
        "gold": 180,
        "silver": 360,
        "free": 1400,
    }
    assert sum(tier_quota(7).values()) == 7
    assert tier_quota(0) == {"diamond": 0, "gold": 0, "silver": 0, "free": 0}


def _catalogue_state(session):
    return (
        session.execute(
            select(Tier.code, Tier.rank, Tier.colour, Tier.invitation_only).order_by(
                Tier.rank
            )
        ).all(),
        session.execute(
            select(
                TierPrice.tier_code, TierPrice.period, TierPrice.amount_fen
            ).order_by(TierPrice.id)
        ).all(),
        session.execute(select(Benefit.id, Benefit.code).order_by(Benefit.id)).all(),
        sorted(
            session.execute(select(TierBenefit.tier_code, TierBenefit.benefit_id)).all()
        ),
    )


def test_catalogue_is_idempotent(tmp_path):
    factory = _open(tmp_path)
    with factory.begin() as session:
        added = install_catalogue(session)
    assert added > len(TIERS) + len(BENEFITS)
    with factory() as session:
        before = _catalogue_state(session)

    with factory.begin() as session:
        assert install_catalogue(session) == 0
    with factory() as session:
        assert _catalogue_state(session) == before


def test_catalogue_contents(tmp_path):
    factory = _open(tmp_path)
    with factory.begin() as session:
        install_catalogue(session)
    with factory() as session:
        tiers = {t.code: t for t in session.scalars(select(Tier))}
        assert [tiers[c].rank for c in ("free", "silver", "gold", "diamond")] == [
            0,
            1,
            2,
            3,
        ]
        assert tiers["diamond"].invitation_only
        assert not tiers["gold"].invitation_only
        assert tiers["gold"].colour == "#D4A017"
        prices = {
            (p.tier_code, p.period): p.amount_fen
            for p in session.scalars(select(TierPrice))
        }
        assert prices == {
            ("silver", "month"): 1990,
            ("silver", "quarter"): 5900,
            ("gold", "year"): 19900,
            ("diamond", "year"): 59900,
        }
        assert tiers["silver"].cost_per_member_fen == 3000
        assert tiers["diamond"].cost_per_member_fen == 50000

        granted = {}
        for code, tier in session.execute(
            select(Benefit.code, TierBenefit.tier_code).join(
                TierBenefit, TierBenefit.benefit_id == Benefit.id
            )
        ):
            granted.setdefault(tier, set()).add(code)
        assert "nfc_card" in granted["diamond"]
        assert "nfc_card" not in granted["gold"]
        assert "free_shipping_59" in granted["diamond"]
        assert granted["free"] < granted["gold"] | {"service_72h"}
        assert 20 <= len(BENEFITS) <= 30


def test_catalogue_keeps_operator_edits(tmp_path):
    factory = _open(tmp_path)
    with factory.begin() as session:
        install_catalogue(session)
    with factory.begin() as session:
        session.get(Tier, "gold").colour = "#C9A227"
        nfc = session.scalar(select(Benefit).where(Benefit.code == "nfc_card"))
        session.delete(session.get(TierBenefit, ("diamond", nfc.id)))
    with factory.begin() as session:
        assert install_catalogue(session) == 0
    with factory() as session:
        assert session.get(Tier, "gold").colour == "#C9A227"
        assert session.get(TierBenefit, ("diamond", nfc.id)) is None
