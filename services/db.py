"""Database engines, sessions and schema upgrades.

SQLite in WAL mode is the embedded default; any SQLAlchemy URL works, and
several door desks share one PostgreSQL database. Every schema change goes
through Alembic, so a station's database survives upgrades.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

APP_NAME = "memberdesk"


class DatabaseError(Exception):
    """A database that cannot be opened or upgraded, said in words."""


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'memberdesk.db'}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (the embedded default when None), folders made."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc

    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"cannot create the folder for {path}: {exc.strerror}"
                ) from exc
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own BEGIN handling defers locks; take them ourselves so
        # that BEGIN IMMEDIATE (see sqlite_begin_immediate) is possible.
        event.listen(engine, "connect", _sqlite_no_autobegin)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    log.debug("engine for %s", parsed.render_as_string(hide_password=True))
    return engine


def _sqlite_no_autobegin(dbapi_conn, _record) -> None:  # noqa: ANN001
    dbapi_conn.isolation_level = None


def _sqlite_begin(conn) -> None:  # noqa: ANN001
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; a clear error when it can't.

    On SQLite, foreign keys are off while migrating: Alembic's batch mode
    rebuilds a table by dropping it, which other tables' keys would forbid.
    The keys are checked once the migration is done.
    """
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    cfg = _alembic_config(engine)
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    if sqlite:
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check")
                        if broken.first() is not None:
                            raise DatabaseError(
                                "the schema upgrade left broken references; "
                                "the database was not changed"
                            )
            finally:
                if sqlite:
                    conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    except OperationalError as exc:
        raise DatabaseError(_explain(engine, exc)) from exc


def _explain(engine: Engine, exc: OperationalError) -> str:
    url = engine.url.render_as_string(hide_password=True)
    reason = str(exc.orig).strip() if exc.orig else str(exc)
    return f"cannot open the database {url}: {reason}"


def open_database(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Engine plus session factory, with the schema upgraded."""
    engine = make_engine(url)
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")
