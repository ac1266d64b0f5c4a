import datetime as dt

import pytest

from memberdesk.services.catalogue import install_catalogue
from memberdesk.services.db import open_database
from memberdesk.services.demo import seed_demo
from memberdesk.services.members import (
    MemberRow,
    UnknownMember,
    count_members,
    diamond_members_without_card,
    get_member,
    mask_phone,
    require_member,
    search_members,
)
from memberdesk.services.models import Card, Member

JOINED = dt.datetime(2025, 5, 1, 2, 0, tzinfo=dt.UTC)

PEOPLE = [
    # name, phone, tier
    ("王小明", "13812345678", "free"),
    ("王芳", "15900001278", "silver"),
    ("李王", "18611115678", "gold"),
    ("张伟", "13722223333", "diamond"),
    ("张三丰", "15055554444", "diamond"),
    ("陈静", "18866667778", "diamond"),
    ("Anna Li", "13199990000", "silver"),
]


@pytest.fixture
def factory(tmp_path):
    _, factory = open_database(f"sqlite:///{tmp_path / 't.db'}")
    with factory.begin() as session:
        install_catalogue(session)
        for name, phone, tier in PEOPLE:
            session.add(
                Member(
                    name=name,
                    phone=phone,
                    phone_tail=phone[-4:],
                    tier_code=tier,
                    joined_at=JOINED,
                    spend_fen=100,
                )
            )
    return factory


def _id(session, name):
    return next(r.id for r in search_members(session, name) if r.name == name)


def _names(rows):
    return [r.name for r in rows]


def test_mask_phone():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_phone("8613812345678") == "861******5678"
    assert mask_phone("123456") == "**3456"
    assert mask_phone("1234") == "****"
    assert mask_phone("") == ""


def test_empty_text_lists_everyone_by_tier_then_name(factory):
    with factory() as session:
        rows = search_members(session)
        assert count_members(session) == len(PEOPLE) == len(rows)
    tiers = [r.tier_code for r in rows]
    assert tiers == ["diamond"] * 3 + ["gold"] + ["silver"] * 2 + ["free"]
    diamonds = _names(rows[:3])
    assert diamonds == sorted(diamonds)


def test_rows_are_masked_plain_data(factory):
    with factory() as session:
        (row,) = search_members(session, "王小明")
    assert isinstance(row, MemberRow)
    assert row.phone_masked == "138****5678"
    assert row.tier_code == "free"
    assert row.joined_at == JOINED
    assert row.spend_fen == 100
    assert row.card_number is None
    with pytest.raises(AttributeError):
        row.name = "x"


def test_search_by_name_substring_and_prefix(factory):
    with factory() as session:
        assert set(_names(search_members(session, "王"))) == {
            "王小明",
            "王芳",
            "李王",
        }
        assert _names(search_members(session, "张三")) == ["张三丰"]
        assert _names(search_members(session, "  小明 ")) == ["王小明"]
        assert _names(search_members(session, "anna")) == ["Anna Li"]
        assert search_members(session, "赵") == []
        assert count_members(session, "王") == 3
        # LIKE wildcards are taken literally.
        assert search_members(session, "%") == []
        assert search_members(session, "_") == []


def test_search_by_phone_tail(factory):
    with factory() as session:
        assert set(_names(search_members(session, "5678"))) == {"王小明", "李王"}
        # Two or three digits match the end of the number.
        assert set(_names(search_members(session, "78"))) == {
            "王小明",
            "王芳",
            "李王",
            "陈静",
        }
        assert set(_names(search_members(session, "278"))) == {"王芳"}
        assert count_members(session, "78") == 4
        assert search_members(session, "1234") == []


def test_search_by_full_phone_and_other_digits(factory):
    with factory() as session:
        assert _names(search_members(session, "138-1234-5678")) == ["王小明"]
        assert _names(search_members(session, "13812345678")) == ["王小明"]
        assert _names(search_members(session, "12345")) == ["王小明"]


def test_search_by_member_id(factory):
    with factory() as session:
        member_id = _id(session, "陈静")
        assert _names(search_members(session, f"#{member_id}")) == ["陈静"]
        assert _names(search_members(session, f"# {member_id}")) == ["陈静"]
        assert search_members(session, "#99999") == []
        assert count_members(session, f"#{member_id}") == 1


def test_search_by_active_card_number(factory):
    with factory.begin() as session:
        zhang = _id(session, "张伟")
        chen = _id(session, "陈静")
        session.add_all(
            [
                Card(
                    card_number=123, issue_number=1, member_id=zhang, status="revoked"
                ),
                Card(card_number=123, issue_number=2, member_id=zhang, status="active"),
                Card(card_number=4567, issue_number=1, member_id=chen, status="lost"),
            ]
        )
    with factory() as session:
        rows = search_members(session, "00000123")
        assert _names(rows) == ["张伟"]
        assert rows[0].card_number == "00000123"
        # A card that is no longer active finds nobody.
        assert search_members(session, "00004567") == []
        assert count_members(session, "00000123") == 1
        # Other rows show their active card too.
        by_name = {r.name: r for r in search_members(session, tier="diamond")}
        assert by_name["张伟"].card_number == "00000123"
        assert by_name["陈静"].card_number is None


def test_tier_filter(factory):
    with factory() as session:
        assert set(_names(search_members(session, tier="diamond"))) == {
            "张伟",
            "张三丰",
            "陈静",
        }
        zhang = _names(search_members(session, "张", tier="diamond"))
        assert sorted(zhang) == ["张三丰", "张伟"]
        assert search_members(session, "王", tier="diamond") == []
        assert count_members(session, tier="silver") == 2
        assert count_members(session, "王", tier="silver") == 1


def test_paging(factory):
    with factory() as session:
        everyone = search_members(session)
        pages = [search_members(session, limit=3, offset=o) for o in (0, 3, 6)]
    assert [r for page in pages for r in page] == everyone
    assert [len(p) for p in pages] == [3, 3, 1]


def test_get_and_require_member(factory):
    with factory() as session:
        member_id = _id(session, "王芳")
        assert get_member(session, member_id).name == "王芳"
        assert require_member(session, member_id).phone == "15900001278"
        assert get_member(session, 424242) is None
        with pytest.raises(UnknownMember, match="^no member with id 424242$"):
            require_member(session, 424242)
        with pytest.raises(LookupError):
            require_member(session, -1)


def test_diamond_members_without_card(factory):
    with factory.begin() as session:
        zhang = _id(session, "张伟")
        chen = _id(session, "陈静")
        session.add_all(
            [
                Card(card_number=1, member_id=zhang, status="active"),
                Card(card_number=2, member_id=chen, status="failed"),
            ]
        )
    with factory() as session:
        assert set(_names(diamond_members_without_card(session))) == {
            "张三丰",
            "陈静",
        }
    with factory.begin() as session:
        session.add(Card(card_number=3, member_id=chen, status="encoding"))
    with factory() as session:
        # A half-encoded card keeps its member in the queue, to be resumed.
        assert set(_names(diamond_members_without_card(session))) == {
            "张三丰",
            "陈静",
        }
        assert diamond_members_without_card(session, limit=0) == []


def test_search_on_demo_data(tmp_path):
    _, factory = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    with factory.begin() as session:
        seed_demo(session, members=500, today=dt.date(2026, 3, 10))
    with factory() as session:
        rows = search_members(session, limit=1000)
        assert len(rows) == 500 == count_members(session)
        ranks = {"free": 0, "silver": 1, "gold": 2, "diamond": 3}
        keys = [(-ranks[r.tier_code], r.name) for r in rows]
        assert keys == sorted(keys)

        queue = diamond_members_without_card(session)
        assert len(queue) == count_members(session, tier="diamond") >= 15

        some = rows[123]
        member = require_member(session, some.id)
        tail_hits = search_members(session, member.phone_tail, limit=1000)
        assert some.id in {r.id for r in tail_hits}
        assert all(r.phone_masked.endswith(member.phone_tail) for r in tail_hits)
