"""The programme catalogue that ships with the console: tiers, prices, benefits.

Operators edit all of it later in the console, so `install_catalogue` only adds
what is missing and never overwrites a row that is already there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.services.models import Benefit, Tier, TierBenefit, TierPrice

log = logging.getLogger(__name__)

TIER_ORDER: tuple[str, ...] = ("free", "silver", "gold", "diamond")


@dataclass(frozen=True)
class TierSpec:
    code: str
    rank: int
    name_zh: str
    name_en: str
    colour: str
    invitation_only: bool
    min_spend_fen: int
    min_activity: int
    min_ugc: int
    window_days: int
    cost_per_member_fen: int
    # (period, amount in fen); period is month, quarter or year.
    prices: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class BenefitSpec:
    code: str
    name_zh: str
    name_en: str
    tiers: tuple[str, ...]


TIERS: tuple[TierSpec, ...] = (
    TierSpec(
        code="free",
        rank=0,
        name_zh="普通会员",
        name_en="Free",
        colour="#8A9099",
        invitation_only=False,
        min_spend_fen=0,
        min_activity=0,
        min_ugc=0,
        window_days=365,
        cost_per_member_fen=0,
        prices=(),
    ),
    TierSpec(
        code="silver",
        rank=1,
        name_zh="白银会员",
        name_en="Silver",
        colour="#A8B0BA",
        invitation_only=False,
        min_spend_fen=50_000,
        min_activity=30,
        min_ugc=0,
        window_days=365,
        cost_per_member_fen=3_000,
        prices=(("month", 1_990), ("quarter", 5_900)),
    ),
    TierSpec(
        code="gold",
        rank=2,
        name_zh="黄金会员",
        name_en="Gold",
        colour="#D4A017",
        invitation_only=False,
        min_spend_fen=300_000,
        min_activity=100,
        min_ugc=5,
        window_days=365,
        cost_per_member_fen=15_000,
        prices=(("year", 19_900),),
    ),
    TierSpec(
        code="diamond",
        rank=3,
        name_zh="钻石会员",
        name_en="Diamond",
        colour="#5BC0EB",
        invitation_only=True,
        min_spend_fen=2_000_000,
        min_activity=200,
        min_ugc=20,
        window_days=365,
        cost_per_member_fen=50_000,
        prices=(("year", 59_900),),
    ),
)


def _from(code: str) -> tuple[str, ...]:
    """The tier `code` and every tier above it."""
    return TIER_ORDER[TIER_ORDER.index(code) :]


# Higher tiers carry the lower tiers' benefits unless a better one replaces it:
# diamond's 24 h dedicated service supersedes the 72 h queue, and each paid
# tier shows its own badge rather than silver's.
BENEFITS: tuple[BenefitSpec, ...] = (
    BenefitSpec(
        "daily_checkin_points",
        "每日签到领积分兑券",
        "Daily sign-in points for coupons",
        _from("free"),
    ),
    BenefitSpec(
        "ugc_templates_weekly",
        "每周3个UGC挑战模板",
        "3 UGC challenge templates a week",
        _from("free"),
    ),
    BenefitSpec(
        "service_72h",
        "72小时内客服响应",
        "Customer service within 72 h",
        ("free", "silver", "gold"),
    ),
    BenefitSpec(
        "free_shipping_59",
        "满59元包邮",
        "Free shipping on orders of 59 CNY or more",
        _from("silver"),
    ),
    BenefitSpec(
        "member_price",
        "会员价（低于标价3–8%）",
        "Member price 3–8 % below list",
        _from("silver"),
    ),
    BenefitSpec(
        "price_protection_7d", "7天价格保护", "7-day price protection", _from("silver")
    ),
    BenefitSpec(
        "free_return_monthly",
        "每月1次免费退货",
        "1 free return a month",
        _from("silver"),
    ),
    BenefitSpec(
        "monday_early_content",
        "周一内容提前2小时看",
        "Monday content 2 h early",
        _from("silver"),
    ),
    BenefitSpec(
        "silver_badge", "白银徽章与帖子标识", "Silver badge and post tag", ("silver",)
    ),
    BenefitSpec(
        "member_day_8th",
        "每月8日会员日额外9折",
        "Member day on the 8th: extra 10 % off",
        _from("gold"),
    ),
    BenefitSpec(
        "crossborder_tax",
        "跨境税费补贴（每单最高200元）",
        "Cross-border tax paid, up to 200 CNY an order",
        _from("gold"),
    ),
    BenefitSpec("expert_qa", "专家问答库", "Expert Q&A library", _from("gold")),
    BenefitSpec("pin_comment", "置顶一条评论", "Pin one comment", _from("gold")),
    BenefitSpec(
        "popup_priority",
        "快闪店优先入场",
        "Priority entry to pop-up stores",
        _from("gold"),
    ),
    BenefitSpec(
        "partner_makeup", "合作品牌化妆服务", "Partner make-up service", _from("gold")
    ),
    BenefitSpec(
        "annual_report", "年度消费报告", "Annual spending report", _from("gold")
    ),
    BenefitSpec(
        "gold_badge", "黄金徽章与帖子标识", "Gold badge and post tag", ("gold",)
    ),
    BenefitSpec(
        "dedicated_service_24h",
        "24小时专属客服（5分钟内回复）",
        "24 h dedicated service, reply within 5 min",
        _from("diamond"),
    ),
    BenefitSpec(
        "gift_wrap_card",
        "礼品包装与手写贺卡",
        "Gift wrap and hand-written card",
        _from("diamond"),
    ),
    BenefitSpec(
        "electronics_180d",
        "电子产品180天换新",
        "180-day replacement for electronics",
        _from("diamond"),
    ),
    BenefitSpec(
        "vip_events",
        "每年2场VIP私享活动",
        "2 VIP private events a year",
        _from("diamond"),
    ),
    BenefitSpec(
        "hotel_upgrade", "合作酒店房型升级", "Partner hotel upgrades", _from("diamond")
    ),
    BenefitSpec(
        "nfc_card", "实体NFC会员卡", "Physical NFC membership card", _from("diamond")
    ),
    BenefitSpec(
        "hq_visit",
        "总部参观（全年共100个名额）",
        "Headquarters visit (100 places a year in total)",
        _from("diamond"),
    ),
    BenefitSpec(
        "diamond_badge",
        "钻石徽章与帖子标识",
        "Diamond badge and post tag",
        ("diamond",),
    ),
)


def install_catalogue(session: Session) -> int:
    """Add the default tiers, prices, benefits and grants that are missing.

    Returns the number of rows added: 0 when everything is already there. A
    grant is added only together with its tier or its benefit, so a grant an
    operator removed stays removed. Flushes; the caller commits.
    """
    added = 0
    have_tiers = set(session.scalars(select(Tier.code)))
    new_tiers: set[str] = set()
    for spec in TIERS:
        if spec.code in have_tiers:
            continue
        session.add(
            Tier(
                code=spec.code,
                rank=spec.rank,
                name_zh=spec.name_zh,
                name_en=spec.name_en,
                colour=spec.colour,
                invitation_only=spec.invitation_only,
                min_spend_fen=spec.min_spend_fen,
                min_activity=spec.min_activity,
                min_ugc=spec.min_ugc,
                window_days=spec.window_days,
                cost_per_member_fen=spec.cost_per_member_fen,
            )
        )
        new_tiers.add(spec.code)
        added += 1
    # Tiers first: prices and grants refer to them by foreign key.
    session.flush()

    have_prices = {
        (code, period)
        for code, period in session.execute(
            select(TierPrice.tier_code, TierPrice.period)
        )
    }
    for spec in TIERS:
        for period, amount in spec.prices:
            if (spec.code, period) in have_prices:
                continue
            session.add(
                TierPrice(tier_code=spec.code, period=period, amount_fen=amount)
            )
            added += 1

    ids = {code: bid for code, bid in session.execute(select(Benefit.code, Benefit.id))}
    new_benefits: set[str] = set()
    for bspec in BENEFITS:
        if bspec.code in ids:
            continue
        row = Benefit(code=bspec.code, name_zh=bspec.name_zh, name_en=bspec.name_en)
        session.add(row)
        session.flush()
        ids[bspec.code] = row.id
        new_benefits.add(bspec.code)
        added += 1

    have_grants = {
        (code, bid)
        for code, bid in session.execute(
            select(TierBenefit.tier_code, TierBenefit.benefit_id)
        )
    }
    all_tiers = set(session.scalars(select(Tier.code)))
    for bspec in BENEFITS:
        for tier in bspec.tiers:
            fresh = tier in new_tiers or bspec.code in new_benefits
            key = (tier, ids[bspec.code])
            if not fresh or tier not in all_tiers or key in have_grants:
                continue
            session.add(TierBenefit(tier_code=tier, benefit_id=ids[bspec.code]))
            added += 1

    session.flush()
    log.debug("catalogue: %d rows added", added)
    return added
