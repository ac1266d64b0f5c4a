"""The GUI's composition root: the station, the language, the main window.

Everything a page needs is built here and handed to it: the session factory,
the card desk, the door, the staff service, the reader bridge and the tier
colours. Nothing is looked up globally later. Who is signed in is kept by the
window's StationGuard; the station's `actor` follows it, and the pages read
the actor through the station.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.console import words
from memberdesk.console.door_station import StationMode
from memberdesk.console.guard import StationGuard
from memberdesk.console.main_window import MainWindow, PageEntry
from memberdesk.console.pages.audit import AuditPage
from memberdesk.console.pages.card_contents import card_contents
from memberdesk.console.pages.card_room import build_card_room
from memberdesk.console.pages.door import DoorPage
from memberdesk.console.pages.events import EventsPage
from memberdesk.console.pages.issuance import IssuancePage
from memberdesk.console.pages.members import MembersPage
from memberdesk.console.pages.staff import StaffPage
from memberdesk.console.reader_bridge import ReaderBridge
from memberdesk.console.sync_bridge import SyncBridge
from memberdesk.nfc.cardmessage import decoder
from memberdesk.resources import paths
from memberdesk.services.audit import AuditLog
from memberdesk.services.cards import CardDesk, station_setting
from memberdesk.services.catalogue import TIERS
from memberdesk.services.checkin import Door
from memberdesk.services.db import DatabaseError, open_database
from memberdesk.services.event_admin import EventService
from memberdesk.services.models import Tier, utcnow
from memberdesk.services.permissions import Actor
from memberdesk.services.recovery import DamagedDatabase, check_database
from memberdesk.services.registrations import RegistrationService
from memberdesk.services.secrets import SecretStore
from memberdesk.services.staff import StaffService, password_hasher
from memberdesk.widgets.card_tray import CardTray
from memberdesk.widgets.tier_badge import TierLook

log = logging.getLogger(__name__)

# A plain name for the call, so that lupdate finds every string below.
translate = QCoreApplication.translate

DEFAULT_LANGUAGE = "zh_CN"
STATION_ZONE = ZoneInfo("Asia/Shanghai")
EXIT_FAILED = 3

# CJK-capable families that ship with Windows, macOS and common Linux
# distributions, best first; the platform default stays as the last fallback.
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)


@dataclass
class Station:
    """What one desk runs with; tests build it on a temporary database."""

    name: str
    sessions: sessionmaker[Session]
    store: SecretStore
    desk: CardDesk
    door: Door
    reader_path: str
    staff: str = "—"
    cards_dir: Path | None = None
    zone: dt.tzinfo = field(default=STATION_ZONE)
    actor: Actor | None = None  # the staff member signed in at this station
    staff_service: StaffService | None = None
    audit: AuditLog | None = None


def build_station(
    sessions: sessionmaker[Session],
    store: SecretStore,
    name: str | None = None,
    reader_path: str = "sim",
    staff: str = "—",
    cards_dir: Path | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    actor: Actor | None = None,
    audit: AuditLog | None = None,
    hasher: PasswordHasher | None = None,
) -> Station:
    """Compose the station's services; nothing here touches Qt or a reader.

    `clock` is the door's clock (UTC); tests pin it inside an event's hours,
    and hand in the cheapest `hasher`.
    """
    name = name or station_setting(
        sessions, "station_name", socket.gethostname() or "station"
    )
    audit = audit or AuditLog(name)
    staff_service = StaffService(sessions, hasher or password_hasher(), audit)
    # The door checks a supervisor's PIN or password for undo and override.
    door = Door(
        sessions,
        name,
        clock=clock or utcnow,
        audit=audit,
        staff=staff_service,
        decode=decoder(),
    )
    return Station(
        name=name,
        sessions=sessions,
        store=store,
        desk=CardDesk(sessions, store, audit=audit),
        door=door,
        reader_path=reader_path,
        staff=actor.display_name if actor else staff,
        cards_dir=cards_dir,
        actor=actor,
        staff_service=staff_service,
        audit=audit,
    )


def settle_journal(station: Station) -> None:
    """Journal lines a crash left without their row: kept, flagged, before the
    first scan. A journal that cannot be read is said in the log, not fatal."""
    try:
        added = station.door.settle_journal()
    except OSError as exc:
        log.error("the check-in journal could not be read: %s", exc)
        return
    if added:
        log.warning("%d check-in(s) from the journal flagged for review", len(added))


def tier_looks(sessions: sessionmaker[Session]) -> dict[str, TierLook]:
    """Each tier's translated name and colour (the database's, if it has one)."""
    colours = {spec.code: spec.colour for spec in TIERS}
    with sessions() as s:
        colours.update({t.code: t.colour for t in s.scalars(select(Tier))})
    return {
        code: TierLook(words.tier_name(code), colour)
        for code, colour in colours.items()
    }


def apply_language(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the console's and Qt's own translations for `lang`.

    Simplified Chinese unless `lang` is "en"; the source strings are English,
    so English needs a file only for its plural forms ("%n members").
    Returns the installed translators for remove_language().
    """
    lang = lang or DEFAULT_LANGUAGE
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale("en_US" if lang == "en" else lang))
    ours = paths.translation_file(lang)
    if lang == "en":
        plural = QTranslator(app)
        if ours is not None and plural.load(str(ours)):
            app.installTranslator(plural)
            installed.append(plural)
        return installed
    if ours is None:
        log.warning("no %s translation ships with this build", lang)
    else:
        translator = QTranslator(app)
        if translator.load(str(ours)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load %s", ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.debug("Qt's own %s translation is not installed", lang)
    return installed


def remove_language(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def apply_look(app: QApplication) -> list[str]:
    """Fusion style, the console's style sheet and a CJK-capable font list."""
    app.setStyle("Fusion")
    available = set(QFontDatabase.families())
    chosen = [family for family in CJK_FAMILIES if family in available]
    font = app.font()
    fallback = font.family()
    font.setFamilies([*chosen, fallback])
    font.setPointSize(10)
    app.setFont(font)
    if not chosen:
        log.warning("no CJK font found; Chinese may render as boxes")
    log.debug("fonts: %s", chosen or [fallback])
    # The style sheet names its images as icons:NAME.svg.
    QDir.addSearchPath("icons", str(paths.resource("icons")))
    app.setStyleSheet(paths.style_sheet())
    return chosen


def create_main_window(
    station: Station,
    bridge: ReaderBridge | None = None,
    start_reader: bool = True,
    start_sync: bool = True,
) -> MainWindow:
    """The main window with its pages, wired to the station and the reader.

    It opens signed in as `station.actor`, or signed out with the sign-in
    dialog over it; `window.guard` keeps it in step from then on.
    """
    bridge = bridge or ReaderBridge(station.reader_path)
    tiers = tier_looks(station.sessions)

    def actor() -> Actor | None:
        return station.actor

    members = MembersPage(station.sessions, tiers, zone=station.zone, actor=actor)
    issuance = IssuancePage(station.sessions, station.desk, bridge, tiers, actor=actor)
    door = DoorPage(
        station.sessions, station.door, bridge, tiers, zone=station.zone, actor=actor
    )
    events = EventsPage(
        station.sessions,
        EventService(station.sessions, station.audit),
        RegistrationService(station.sessions, station.audit),
        tiers,
        station.zone,
        actor=actor,
    )
    staff = StaffPage(
        station.staff_service,
        station.sessions,
        station.audit,
        station.name,
        zone=station.zone,
        actor=actor,
    )
    audit = AuditPage(
        station.sessions, station.audit.anchor, zone=station.zone, actor=actor
    )
    issuance.card_encoded.connect(lambda _result: members.refresh())
    window = MainWindow(
        station.name,
        station.staff,
        bridge,
        [
            PageEntry("members", members, paths.icon_path("members")),
            PageEntry("issuance", issuance, paths.icon_path("card")),
            PageEntry("door", door, paths.icon_path("door")),
            PageEntry("events", events, paths.icon_path("events")),
            PageEntry("staff", staff, paths.icon_path("staff")),
            PageEntry("audit", audit, paths.icon_path("audit")),
        ],
    )
    bridge.setParent(window)
    window.card_room = build_card_room(station, window, tiers)
    if station.cards_dir is not None and station.reader_path.startswith("sim"):
        tray = CardTray(
            station.cards_dir,
            describe=lambda path: card_contents(path, station.desk, station.sessions),
        )
        _wire_tray(tray, bridge, window)
        window.add_side_panel("card_tray", translate("Console", "Card tray"), tray)
    window.guard = StationGuard(window, station)
    window.station_mode = StationMode(window, door, actor)
    window.zone = station.zone
    window.sync = SyncBridge(
        station.sessions, station.store, station.name, station.audit, parent=window
    )
    window.sync.state_changed.connect(window.show_sync_state)
    window.sync.state_changed.connect(door.set_sync_state)
    # Each scan goes up at once when the station is online.
    door.verdict_shown.connect(lambda _verdict: window.sync.kick())
    door.corrected.connect(lambda _result: window.sync.kick())
    # Another role may see full phone numbers: reload what is on screen.
    window.guard.session.signed_in.connect(lambda _actor: members.refresh())
    staff.idle_minutes_changed.connect(window.guard.set_idle_minutes)
    window.show_page("members")
    window.guard.start(station.actor)
    if start_reader:
        bridge.start()
    if start_sync:
        window.sync.start()
    return window


def _wire_tray(tray: CardTray, bridge: ReaderBridge, window: MainWindow) -> None:
    """Place and take off the tray's virtual cards on the simulated reader."""
    from memberdesk.nfc.sim.image import ImageFormatError

    def place(name: str) -> None:
        sim = bridge.sim
        if sim is None:
            window.note(translate("Console", "The simulated reader is not open yet."))
            return
        try:
            sim.place(name)
        except (ImageFormatError, OSError) as exc:
            window.note(
                translate("Console", "This card file cannot be used: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        tray.set_placed(Path(name))

    def take_off() -> None:
        sim = bridge.sim
        if sim is not None:
            sim.remove()
        tray.set_placed(None)
        # The card's file was written back: show what it holds now.
        tray.refresh()

    tray.place_requested.connect(place)
    tray.take_off_requested.connect(take_off)


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    # No display name: Qt would append it to the title, which names it already.
    app.setApplicationName("memberdesk")
    return app


def damaged_words(exc: DamagedDatabase) -> str:
    """The damaged-database message, with the command that recovers it."""
    from memberdesk.console.door_words import damaged_database_words

    # The journal is named after the station, which only the database knows.
    found = sorted(exc.path.parent.glob(f"{exc.path.name}.*.checkins.jsonl"))
    journal = found[0] if len(found) == 1 else "JOURNAL_FILE"
    command = (
        f"memberdesk recover --from sqlite:///{exc.path} "
        f"--db sqlite:///{exc.path.with_name('recovered.db')} --journal {journal}"
    )
    return damaged_database_words(str(exc.path), exc.detail, command)


def _fail(message: str) -> int:
    # Said on the terminal too: a console started from a script shows it.
    print(f"memberdesk: {message}", file=sys.stderr)
    QMessageBox.critical(None, translate("Console", "memberdesk cannot start"), message)
    return EXIT_FAILED


def run(
    db: str | None, reader: str, lang: str | None, secrets: str | None = None
) -> int:
    """Open the console on `db` with the reader at `reader`.

    `secrets` is the secret store, as --secrets gives it: the keyring by
    default, or file:PATH with its passphrase from the environment or asked.
    """
    from memberdesk.console import demo, secret_prompt
    from memberdesk.console.sign_in import staff_dialog
    from memberdesk.services.anchors import anchor_for
    from memberdesk.services.db import default_url
    from memberdesk.services.secrets import SecretStoreError

    app = _application()
    translators = apply_language(app, lang)
    apply_look(app)
    log.debug("checking the database")
    try:
        check_database(db or default_url())
    except DamagedDatabase as exc:
        log.error("station database damaged: %s", exc.detail)
        code = _fail(damaged_words(exc))
        remove_language(app, translators)
        return code
    log.debug("opening the database")
    try:
        engine, sessions = open_database(db)
    except DatabaseError as exc:
        return _fail(str(exc))
    # The simulator gets a card tray, with the cards kept beside the database.
    cards = demo.default_cards_dir(db) if reader.startswith("sim") else None
    name = station_setting(sessions, "station_name", socket.gethostname() or "station")
    audit = AuditLog(name, anchor_for(db or default_url()))
    # The OS keyring is reached lazily, on the first card job, not here.
    try:
        store = secret_prompt.open_store(sessions, secrets)
    except SecretStoreError as exc:
        return _fail(str(exc))
    station = build_station(
        sessions,
        store,
        name=name,
        reader_path=reader,
        cards_dir=cards,
        audit=audit,
    )
    # Nothing opens before someone signs in (or, on a new database, before
    # the first admin exists).
    dialog = staff_dialog(station.staff_service, station.name)
    log.debug("asking for staff")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        engine.dispose()
        return 0
    station.actor = dialog.result_value
    settle_journal(station)
    window = create_main_window(station)
    window.show()
    log.debug("main window shown")
    code = app.exec()
    remove_language(app, translators)
    engine.dispose()
    return code


def run_demo(fresh: bool, lang: str | None) -> int:
    """The demo: a seeded database, the simulated reader and a card tray."""
    from memberdesk.console import demo
    from memberdesk.services import staff
    from memberdesk.services.anchors import anchor_for
    from memberdesk.services.secrets import DemoSecretStore, SecretStoreError

    app = _application()
    translators = apply_language(app, lang)
    apply_look(app)
    folder = demo.demo_dir()
    db_path, cards = folder / "demo.db", folder / "cards"
    if fresh:
        _wipe_demo(db_path, cards)
    first_run = not db_path.exists()
    url = f"sqlite:///{db_path}"
    try:
        engine, sessions = open_database(url)
        name = station_setting(sessions, "station_name", "demo")
        audit = AuditLog(name, anchor_for(url))
        if first_run:
            log.info("seeding the demo in %s", folder)
            demo.seed(sessions, cards, audit=audit)
        store = DemoSecretStore(sessions)
        actor = staff.demo_actor(sessions, name)
    except (DatabaseError, SecretStoreError, staff.StaffError) as exc:
        return _fail(str(exc))
    station = build_station(
        sessions,
        store,
        name=name,
        reader_path="sim",
        cards_dir=cards,
        actor=actor,
        audit=audit,
    )
    settle_journal(station)
    window = create_main_window(station)
    window.show()
    code = app.exec()
    remove_language(app, translators)
    engine.dispose()
    return code


def _wipe_demo(db_path: Path, cards: Path) -> None:
    """Delete the demo database and its virtual cards, nothing else."""
    for suffix in ("", "-wal", "-shm", ".audit-anchor.json"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    if cards.is_dir():
        for card in cards.iterdir():
            if card.suffix in (".json", ".nfc"):
                card.unlink()
    log.info("demo wiped")
