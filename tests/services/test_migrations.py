"""The migrations build exactly the models' schema, and keep rows on upgrade."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from memberdesk.services.db import _alembic_config, make_engine, upgrade
from memberdesk.services.models import Base


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


def _head(engine) -> str:
    # The newest revision on disk, so that a later migration keeps this green.
    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def test_upgrade_from_empty_matches_the_models(url):
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == _head(engine)
    engine.dispose()


def test_0001_to_0002_keeps_rows(url):
    engine = make_engine(url)
    _upgrade_to(engine, "0001")
    at = dt.datetime(2026, 1, 2, 3, 4, 5)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO staff (id, login, display_name, role, password_hash, "
                "disabled, created_at) VALUES (1, 'old', '老员工', 'admin', 'h', "
                ":f, :at)"
            ),
            {"f": False, "at": at},
        )
        conn.execute(
            text(
                "INSERT INTO audit_entry (seq, at, staff_id, station, action, "
                "entity, entity_id, before, after, prev_hash, hash) VALUES "
                "(1, :at, 1, 'desk', 'first_admin', 'staff', '1', '', '', :z, :h)"
            ),
            {"at": at, "z": "0" * 64, "h": "a" * 64},
        )
    upgrade(engine)
    with engine.connect() as conn:
        staff = conn.execute(
            text(
                "SELECT login, display_name, failed_attempts, pin_hash, "
                "locked_until, last_sign_in_at FROM staff"
            )
        ).one()
        assert tuple(staff) == ("old", "老员工", 0, None, None, None)
        assert conn.execute(text("SELECT seq, hash FROM audit_entry")).one() == (
            1,
            "a" * 64,
        )
    engine.dispose()
