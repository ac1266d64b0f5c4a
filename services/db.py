"""Database engines, sessions and schema upgrades.

SQLite in WAL mode is the embedded default; any SQLAlchemy URL works, and
several door desks share one PostgreSQL database. Every schema change goes
through Alembic, so a station's database survives upgrades.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
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


def make_engine(url: str | None = None, create: bool = True) -> Engine:
    """An engine for `url` (the embedded default when None).

    With `create`, a missing SQLite file and its folders are made; without,
    a missing file is an error, so a mistyped path never looks like an empty
    database.
    """
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc

    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            if not create and not path.is_file():
                raise DatabaseError(f"no database at {path}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"cannot create the folder for {path}: {exc.strerror}"
                ) from exc
        engine = _create(url, parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own BEGIN handling defers locks; take them ourselves so
        # that BEGIN IMMEDIATE (see sqlite_begin_immediate) is possible.
        event.listen(engine, "connect", _sqlite_no_autobegin)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = _create(url, parsed, pool_pre_ping=True)
    log.debug("engine for %s", parsed.render_as_string(hide_password=True))
    return engine


def _create(url: str, parsed, **options) -> Engine:  # noqa: ANN001
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            f"no database driver for {parsed.drivername!r}: {exc}; the console "
            "supports sqlite:/// and postgresql+psycopg:// (pip install "
            "'memberdesk[postgres]')"
        ) from exc


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
    except SQLAlchemyDatabaseError as exc:
        raise DatabaseError(_explain(engine, exc)) from exc


def _explain(engine: Engine, exc: SQLAlchemyDatabaseError) -> str:
    url = engine.url.render_as_string(hide_password=True)
    reason = str(exc.orig).strip() if exc.orig else str(exc)
    return f"cannot open the database {url}: {reason}"


def open_database(
    url: str | None = None, create: bool = True
) -> tuple[Engine, sessionmaker[Session]]:
    """Engine plus session factory, with the schema upgraded.

    Without `create`, only an existing memberdesk database is opened: commands
    that only read must not turn a typo or a stranger's file into a database.
    """
    engine = make_engine(url, create)
    if create:
        _keep_private(engine)
    if not create:
        shown = engine.url.render_as_string(hide_password=True)
        try:
            ours = _looks_ours(engine)
        except (SQLAlchemyDatabaseError, sqlite3.DatabaseError) as exc:
            raise DatabaseError(f"cannot open the database {shown}: {exc}") from exc
        if not ours:
            engine.dispose()
            raise DatabaseError(f"{shown} is not a memberdesk database")
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def _keep_private(engine: Engine) -> None:
    """A new SQLite file is made owner-only: it holds full phone numbers."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    path = Path(database)
    if not path.exists():
        old = os.umask(0o077)
        try:
            path.touch(mode=0o600, exist_ok=True)
        finally:
            os.umask(old)


def _looks_ours(engine: Engine) -> bool:
    """Whether the database holds our schema, asked without writing to it."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return has_schema(engine)
    path = Path(engine.url.database)
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            return False
    # Read-only, so that not even the WAL switch touches a stranger's file.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchone()
    finally:
        conn.close()
    return found is not None


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")
