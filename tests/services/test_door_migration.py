"""0003 on a station that already checked members in: counts carried over."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text

from memberdesk.services.db import _alembic_config, make_engine, upgrade


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request):
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


def _upgrade_to(engine, revision: str) -> None:
    with engine.begin() as conn:
        cfg = _alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_0002_to_0003_counts_past_entries(url):
    engine = make_engine(url)
    _upgrade_to(engine, "0002")
    # 31 Dec 18:00 UTC is already 1 Jan in the programme's time zone.
    late = dt.datetime(2026, 12, 31, 18, 0)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tier (code, rank, name_zh, name_en, colour, "
                "invitation_only, min_spend_fen, min_activity, min_ugc, "
                "window_days, cost_per_member_fen) VALUES "
                "('diamond', 4, '钻石', 'Diamond', '#5bc0eb', :t, 0, 0, 0, 365, 0)"
            ),
            {"t": True},
        )
        for member in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO member (id, name, phone, phone_tail, tier_code, "
                    "joined_at, spend_fen, activity, ugc) VALUES "
                    "(:id, 'm', '13800000000', '0000', 'diamond', :at, 0, 0, 0)"
                ),
                {"id": member, "at": late},
            )
        conn.execute(
            text(
                "INSERT INTO event (id, name, kind, venue, starts_at, ends_at, "
                "doors_open_at, doors_close_at, capacity, eligible_tiers, "
                "registration_required, reentry_allowed, admitted, cancelled) "
                "VALUES (1, 'salon', 'vip_salon', '', :at, :at, :at, :at, NULL, "
                "'diamond', :f, :t, 2, :f)"
            ),
            {"at": late, "f": False, "t": True},
        )
        for n, (member, first, annulled) in enumerate(
            [(1, True, False), (2, True, False), (2, False, False), (1, True, True)]
        ):
            conn.execute(
                text(
                    "INSERT INTO checkin (id, event_id, member_id, station, source, "
                    "direction, verdict, admitted, first_entry, annulled, at, "
                    "uploaded) VALUES (:id, 1, :m, 'desk', 'card', 'in', "
                    "'admitted', :t, :first, :annulled, :at, :f)"
                ),
                {
                    "id": f"c{n}",
                    "m": member,
                    "first": first,
                    "annulled": annulled,
                    "at": late,
                    "t": True,
                    "f": False,
                },
            )
    upgrade(engine)
    with engine.connect() as conn:
        tallies = conn.execute(
            text("SELECT kind, year, member_id, count FROM yearly_tally ORDER BY 3")
        ).all()
        assert [tuple(t) for t in tallies] == [
            ("vip_salon", 2027, 0, 2),
            ("vip_salon", 2027, 1, 1),
            ("vip_salon", 2027, 2, 1),
        ]
        event = conn.execute(text("SELECT admitted, inside FROM event")).one()
        assert tuple(event) == (2, 2)
        row = conn.execute(
            text("SELECT seq, flagged, override_of FROM checkin WHERE id = 'c0'")
        ).one()
        assert tuple(row) == (None, False, None)
    engine.dispose()
