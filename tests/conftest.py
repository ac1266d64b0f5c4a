"""Fixtures shared by the whole suite: databases, keys, virtual cards."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite's logs, anchors and demo files stay out of the user's own folders.
_HOME = tempfile.mkdtemp(prefix="memberdesk-tests-")
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from memberdesk.services.db import open_database  # noqa: E402
from memberdesk.services.secrets import MemorySecretStore  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def shared_dir() -> Path:
    """The shared/ folder that stands beside the repository."""
    return Path(os.environ.get("MEMBERDESK_SHARED", REPO.parent / "shared"))


@pytest.fixture
def dumps() -> Path:
    folder = shared_dir() / "fixtures" / "dumps"
    assert folder.is_dir(), f"chip dumps not found at {folder}"
    return folder


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'station.db'}"


@pytest.fixture
def sessions(sqlite_url: str):
    engine, factory = open_database(sqlite_url)
    yield factory
    engine.dispose()


@pytest.fixture
def store() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server for multi-desk tests.

    Locally an unreachable server skips these tests; under CI it fails them.
    """
    url = os.environ.get("MEMBERDESK_TEST_PG", PG_DEFAULT)
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {url} is unreachable under CI: {exc}")
        pytest.skip(f"PostgreSQL at {url} is unreachable: {exc}")
    return url


@pytest.fixture
def pg_url(pg_server: str):
    """A fresh schema of its own on the PostgreSQL server, dropped afterwards."""
    schema = f"md_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'drop schema "{schema}" cascade'))
    admin.dispose()


# Logs never hold a password, key, token or full phone number. The whole suite
# logs at debug level into one file; at the end it is searched for every
# secret the tests hand the console through the environment and for any
# mainland mobile number.
SECRET_ENV = re.compile(
    r'setenv\(\s*"MEMBERDESK_[A-Z_]*(?:PASSWORD|PASSPHRASE|SECRET|TOKEN)[A-Z_]*",'
    r'\s*"([^"]+)"'
)
# Standing alone: a run of digits inside a hex id or a hash is no number.
PHONE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")


def _secrets_in_tests() -> set[str]:
    found = {"demo1234"}
    for path in Path(__file__).parent.rglob("*.py"):
        found.update(SECRET_ENV.findall(path.read_text(encoding="utf-8")))
    return {s for s in found if len(s) >= 6}  # short ones match by chance


@pytest.fixture(scope="session", autouse=True)
def suite_log(tmp_path_factory):
    path = tmp_path_factory.mktemp("log") / "suite.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()
    text = path.read_text(encoding="utf-8", errors="replace")
    leaks = sorted(s for s in _secrets_in_tests() if s in text)
    phones = sorted(set(PHONE.findall(text)))
    assert not leaks and not phones, (
        f"the suite's log holds secrets {leaks} or phone numbers {phones[:5]}"
    )
