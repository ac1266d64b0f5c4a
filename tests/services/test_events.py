import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from memberdesk.services.db import open_database
from memberdesk.services.demo import seed_demo
from memberdesk.services.events import (
    EventRow,
    UnknownEvent,
    event_is_open,
    list_events,
    require_event,
)
from memberdesk.services.models import Event

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 3, 10)


def _at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), SHANGHAI)


@pytest.fixture
def factory(tmp_path):
    _, factory = open_database(f"sqlite:///{tmp_path / 't.db'}")
    return factory


def _event(name, day, **kw):
    values = dict(
        name=name,
        kind="vip_salon",
        venue="",
        starts_at=_at(day, 14),
        ends_at=_at(day, 18),
        doors_open_at=_at(day, 13),
        doors_close_at=_at(day, 15),
        capacity=10,
        eligible_tiers="gold diamond",
    )
    values.update(kw)
    return Event(**values)


def test_list_events_in_start_order(factory):
    with factory.begin() as session:
        session.add_all(
            [
                _event("late", TODAY + dt.timedelta(days=5)),
                _event("early", TODAY),
                _event("gone", TODAY + dt.timedelta(days=1), cancelled=True),
            ]
        )
    with factory() as session:
        rows = list_events(session)
        everything = list_events(session, include_cancelled=True)

    assert [r.name for r in rows] == ["early", "late"]
    assert [r.name for r in everything] == ["early", "gone", "late"]
    early = rows[0]
    assert isinstance(early, EventRow)
    assert early.eligible_tiers == ("gold", "diamond")
    assert early.starts_at == _at(TODAY, 14)
    assert early.starts_at.tzinfo is not None
    assert early.capacity == 10 and early.admitted == 0
    assert everything[1].cancelled


def test_demo_events(factory):
    with factory.begin() as session:
        summary = seed_demo(session, members=100, today=TODAY)
    with factory() as session:
        rows = list_events(session)
    assert [r.id for r in rows] == [
        summary.salon_id,
        summary.popup_id,
        summary.hq_visit_id,
    ]
    salon, popup, hq = rows
    assert salon.name == "钻石会员私享沙龙" and salon.kind == "vip_salon"
    assert salon.eligible_tiers == ("diamond",)
    assert popup.kind == "popup" and popup.eligible_tiers == ("gold", "diamond")
    assert hq.kind == "hq_visit" and hq.registration_required
    assert event_is_open(salon, _at(TODAY, 20))
    assert not event_is_open(popup, _at(TODAY, 20))
    assert not event_is_open(hq, _at(TODAY, 20))


def test_hq_visit_near_month_end_is_still_ahead(factory):
    last_day = dt.date(2026, 3, 31)
    with factory.begin() as session:
        summary = seed_demo(session, members=50, today=last_day)
    with factory() as session:
        hq = require_event(session, summary.hq_visit_id)
    assert hq.starts_at.astimezone(SHANGHAI).date() > last_day


def test_event_is_open_window(factory):
    with factory.begin() as session:
        session.add(_event("salon", TODAY))
    with factory() as session:
        (row,) = list_events(session)
        event = require_event(session, row.id)

    for target in (row, event):
        assert not event_is_open(target, _at(TODAY, 12, 59))
        assert event_is_open(target, _at(TODAY, 13))
        assert event_is_open(target, _at(TODAY, 14, 59))
        # 06:00 UTC is 14:00 at the station.
        assert event_is_open(target, dt.datetime(2026, 3, 10, 6, tzinfo=dt.UTC))
        assert not event_is_open(target, dt.datetime(2026, 3, 10, 14, tzinfo=dt.UTC))
        assert not event_is_open(target, _at(TODAY, 15))
        with pytest.raises(ValueError):
            event_is_open(target, dt.datetime(2026, 3, 10, 14))


def test_cancelled_event_is_never_open(factory):
    with factory.begin() as session:
        session.add(_event("off", TODAY, cancelled=True))
    with factory() as session:
        (row,) = list_events(session, include_cancelled=True)
    assert not event_is_open(row, _at(TODAY, 14))


def test_require_event_unknown(factory):
    with factory() as session:
        with pytest.raises(UnknownEvent, match="^no event with id 77$"):
            require_event(session, 77)
        with pytest.raises(LookupError):
            require_event(session, 0)
