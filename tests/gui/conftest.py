"""GUI test fixtures: a station on a temporary database, the real main window.

Qt runs on the offscreen platform. Every test fails on a Qt warning or
critical message, except the offscreen platform's own known lines below.
"""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from actors import add_actor  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from argon2.profiles import CHEAPEST  # noqa: E402
from guikit import DOOR_TIME, TIMEOUT_MS, TODAY  # noqa: E402
from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: E402

from memberdesk.console.app import (  # noqa: E402
    Station,
    apply_language,
    apply_look,
    build_station,
    create_main_window,
    remove_language,
)
from memberdesk.console.main_window import MainWindow  # noqa: E402
from memberdesk.console.work import wait_for_jobs  # noqa: E402
from memberdesk.services import keys  # noqa: E402
from memberdesk.services.anchors import MemoryAnchor  # noqa: E402
from memberdesk.services.audit import AuditLog  # noqa: E402
from memberdesk.services.db import open_database  # noqa: E402
from memberdesk.services.demo import DemoSummary, seed_demo  # noqa: E402
from memberdesk.services.secrets import MemorySecretStore  # noqa: E402

# Qt messages that the offscreen platform prints on its own; nothing else
# may pass. Each is matched against the whole message.
HARMLESS_QT_MESSAGES = (
    # A dock widget or a shown window asks the window manager to take its
    # size hints; the offscreen platform has none and says so.
    re.compile(r"This plugin does not support propagateSizeHints\(\)"),
)

FAILING_KINDS = (
    QtMsgType.QtWarningMsg,
    QtMsgType.QtCriticalMsg,
    QtMsgType.QtFatalMsg,
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[None]:
    """Fail the test on any Qt warning that is not known to be harmless."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if kind in FAILING_KINDS and not any(
            p.fullmatch(message) for p in HARMLESS_QT_MESSAGES
        ):
            seen.append(f"{kind.name}: {message}")
        if previous is not None:
            previous(kind, context, message)

    # Installed inside the test, after pytest-qt's own capture, and chained
    # to it, so both see every message.
    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt warnings:\n" + "\n".join(seen), pytrace=False)


@pytest.fixture(scope="session")
def look(qapp: object) -> list[str]:
    """The console's style and fonts, as the real app sets them."""
    return apply_look(qapp)


@pytest.fixture(params=["en"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    translators = apply_language(qapp, request.param)
    yield request.param
    remove_language(qapp, translators)


def cheap_hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(CHEAPEST)


@pytest.fixture(autouse=True)
def no_job_left() -> Iterator[None]:
    """Hashing jobs finish inside the test that started them."""
    yield
    assert wait_for_jobs(), "a background job is still running"


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Station, DemoSummary]:
    """A station on a fresh SQLite database holding a small demo."""
    _engine, sessions = open_database(f"sqlite:///{tmp_path / 'desk.db'}")
    store = MemorySecretStore()
    with sessions.begin() as s:
        summary = seed_demo(s, members=200, today=TODAY)
        keys.create_keys(s, store)
    station = build_station(
        sessions,
        store,
        name="desk-1",
        reader_path="sim",
        staff="—",
        cards_dir=tmp_path / "cards",
        clock=lambda: DOOR_TIME,
        actor=add_actor(sessions, "admin"),
        audit=AuditLog("desk-1", MemoryAnchor()),
        hasher=cheap_hasher(),
    )
    (tmp_path / "cards").mkdir()
    return station, summary


@pytest.fixture
def window(
    qtbot: object, seeded: tuple[Station, DemoSummary], look: list[str], language: str
) -> Iterator[MainWindow]:
    """The real main window, shown, with its simulated reader open."""
    station, _summary = seeded
    win = create_main_window(station, start_reader=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(
        win.bridge.state_changed,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda state, _detail: state == "ready",
    ):
        win.bridge.start()
    yield win
    # Closing the window stops and joins the reader thread.
    win.close()
    assert not win.bridge.is_running()
