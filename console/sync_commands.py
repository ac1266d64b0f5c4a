"""The sync's CLI forms, and the API emulator for training.

    memberdesk sync [--user LOGIN] [--json]          push, then pull, once
    memberdesk sync configure --api URL [--user LOGIN]
    memberdesk sync status [--json]                  no network needed
    memberdesk emulator [--db URL] [--port N] [--token TOKEN] [--reload S]

`sync` exits 0 online, 3 when the server cannot be reached (the station is
offline: nothing is lost, the check-ins wait), and 1 when the server refuses
the station (a wrong token). The token comes from MEMBERDESK_API_TOKEN or a
prompt and goes to the secret store, never to the database or the log.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading

from memberdesk.console import commands as base
from memberdesk.console.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    CommandFailed,
)
from memberdesk.console.door_commands import USER_HELP

log = logging.getLogger(__name__)

TOKEN_ENV = "MEMBERDESK_API_TOKEN"
EMULATOR_PORT = 8765


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser(
        "sync",
        help="upload check-ins and download members, cards and events",
        description="Push this station's check-ins, then pull what changed.",
    )
    _common(sync)
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    configure = actions.add_parser(
        "configure",
        help="set the API address and token (admins)",
        description=f"The token comes from {TOKEN_ENV} or a prompt.",
    )
    _common(configure)
    configure.add_argument(
        "--api", required=True, help="https://… of the membership API"
    )
    status = actions.add_parser("status", help="what waits, and each feed's progress")
    _common(status)

    emulator = sub.add_parser(
        "emulator",
        help="serve a database as the membership API on this computer, for training",
        description="A loopback emulator of the membership API. It serves the "
        "database's members, cards, events and check-ins, takes check-ins in "
        "memory, and never writes to the database.",
    )
    emulator.add_argument(
        "--db", default=argparse.SUPPRESS, help="the database to serve"
    )
    emulator.add_argument(
        "--host",
        default="127.0.0.1",
        type=_loopback_host,
        help="a loopback address of this computer (127.0.0.1)",
    )
    emulator.add_argument(
        "--port", type=_port, default=EMULATOR_PORT, help=f"port ({EMULATOR_PORT})"
    )
    emulator.add_argument(
        "--json", action="store_true", help="say the address as JSON on start"
    )
    emulator.add_argument(
        "--token",
        default=None,
        help=f"the token stations must send (default: {TOKEN_ENV}, else 'training')",
    )
    emulator.add_argument(
        "--reload",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="read the database again this often (5)",
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL")
    parser.add_argument(
        "--secrets",
        default=argparse.SUPPRESS,
        metavar="STORE",
        help="where the API token lives: keyring (default) or file:PATH",
    )
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    parser.add_argument("--user", default=argparse.SUPPRESS, help=USER_HELP)
    parser.add_argument("--station", default=argparse.SUPPRESS, help="this desk")


def _loopback_host(text: str) -> str:
    """The emulator serves member data without TLS: this computer only."""
    import ipaddress

    try:
        if text == "localhost" or ipaddress.IPv4Address(text).is_loopback:
            return text
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"{text}: the emulator listens on this computer only (127.0.0.1)"
    )


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {text} (0 to 65535)")
    return value


def _token() -> str:
    """The API token, from the environment or typed at a prompt."""
    token = os.environ.get(TOKEN_ENV)
    if token is None:
        if not sys.stdin.isatty():
            raise CommandFailed(
                f"no API token given: set {TOKEN_ENV} or run the command in a "
                "terminal to be asked",
                EXIT_FAILED,
                "no_token",
            )
        import getpass

        try:
            token = getpass.getpass("API token: ")
        except EOFError:
            raise CommandFailed("no API token given", EXIT_FAILED, "no_token") from None
    return token.strip()


def commands() -> dict:
    return {
        "sync-run": run,
        "sync-configure": configure,
        "sync-status": status,
        "emulator": emulator,
    }


def configure(args: argparse.Namespace) -> int:
    from memberdesk.services import sync_setup
    from memberdesk.services.api import (
        ApiError,
        BadSetting,
        MembershipApi,
        api_address,
        check_token,
    )
    from memberdesk.services.permissions import Action, require
    from memberdesk.services.secrets import SecretStoreError

    _engine, sessions = base._open(args)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    try:
        require(actor, Action.CONFIGURE_SYNC)
        url, token = api_address(args.api), check_token(_token())
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    except BadSetting as exc:
        raise CommandFailed(str(exc), EXIT_USAGE, "bad_setting") from exc
    # Try the token first: a refused one never replaces a working setup.
    check = "accepted"
    with MembershipApi(url, token) as api:
        try:
            api.pull("tiers", None, 1)
        except ApiError as error:
            if not error.retryable:
                raise CommandFailed(
                    f"not saved: the server refused it: {error}; the station "
                    "keeps its previous address and token",
                    EXIT_REFUSED,
                    error.kind,
                ) from error
            check = "unchecked"
            reason = str(error)
    try:
        sync_setup.configure(sessions, _store(args, sessions), actor, url, token, audit)
    except SecretStoreError as exc:
        raise CommandFailed(str(exc), EXIT_FAILED, "no_secret_store") from exc
    if check == "accepted":
        words = "the server accepts this station's token"
    else:
        words = (
            f"saved without a check: the server cannot be reached now ({reason}); "
            "the token is tried at the first sync"
        )
    base._emit(
        args,
        {"ok": True, "api": url, "token": check},
        f"this station syncs with {url}: {words}",
    )
    return EXIT_OK


def _store(args: argparse.Namespace, sessions):  # noqa: ANN001, ANN202
    from memberdesk.services.secrets import store_for

    return store_for(sessions, getattr(args, "secrets", None), base.secrets_passphrase)


def run(args: argparse.Namespace) -> int:
    from memberdesk.services import sync, sync_setup
    from memberdesk.services.api import ApiError
    from memberdesk.services.secrets import SecretStoreError

    _engine, sessions = base._open(args)
    audit = base._audit(args)
    base._acting(args, sessions, audit)  # any signed-in staff member
    try:
        api = sync_setup.connect(sessions, _store(args, sessions))
    except (SecretStoreError, ValueError) as exc:
        raise CommandFailed(str(exc), EXIT_FAILED, "not_configured") from exc
    if api is None:
        raise CommandFailed(
            "this station has no API address yet: memberdesk sync configure --api URL",
            EXIT_FAILED,
            "not_configured",
        )
    runner = sync_setup.for_station(sessions, api, audit.station, audit)
    stop = threading.Event()
    with api:
        try:
            pushed = runner.push(stop.is_set)
            pulled = runner.pull(stop.is_set)
        except ApiError as error:
            state = runner.state(
                sync.OFFLINE if error.retryable else sync.NEEDS_ATTENTION,
                error.kind,
                str(error),
            )
            code = EXIT_FAILED if error.retryable else EXIT_REFUSED
            if error.retryable:
                words = f"offline: {error}; {state.waiting} check-in(s) wait for upload"
            elif error.kind == "unauthorized":
                words = (
                    f"{error}: an admin must run memberdesk sync configure again; "
                    f"{state.waiting} check-in(s) wait for upload"
                )
            else:
                words = (
                    f"the server refused a request: {error}; "
                    f"{state.waiting} check-in(s) wait for upload"
                )
            raise CommandFailed(words, code, error.kind) from error
    state = runner.state(sync.ONLINE)
    report = {
        "ok": True,
        "status": state.status,
        "pushed": pushed.sent,
        "flagged": pushed.flagged,
        "pulled": pulled.items,
        "waiting": state.waiting,
    }
    pulled_words = ", ".join(f"{n} {feed}" for feed, n in pulled.items.items() if n)
    base._emit(
        args,
        report,
        f"online: pushed {pushed.sent} check-in(s)"
        + (
            f", {len(pushed.flagged)} flagged as second entries"
            if pushed.flagged
            else ""
        )
        + f"; pulled {pulled_words or 'nothing new'}; {state.waiting} waiting",
    )
    return EXIT_OK


def status(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from memberdesk.services import sync_setup
    from memberdesk.services.door_state import pending_uploads
    from memberdesk.services.models import SyncCursor

    _engine, sessions = base._open(args)
    url = sync_setup.api_url(sessions)
    with sessions() as s:
        waiting = pending_uploads(s)
        feeds = [
            {
                "feed": row.feed,
                "items": row.items,
                "complete": row.complete,
                "updated_at": row.updated_at.isoformat(),
            }
            for row in s.scalars(select(SyncCursor).order_by(SyncCursor.feed))
        ]
    lines = [
        f"API: {url or 'not configured'}",
        f"check-ins waiting for upload: {waiting}",
    ]
    for feed in feeds:
        state = "complete" if feed["complete"] else "first download not finished"
        lines.append(f"  {feed['feed']:<14} {feed['items']:>9} item(s), {state}")
    if not feeds:
        lines.append("  nothing pulled yet")
    base._emit(args, {"api": url, "waiting": waiting, "feeds": feeds}, "\n".join(lines))
    return EXIT_OK


def emulator(args: argparse.Namespace) -> int:
    from memberdesk.services.api_emulator import Emulator

    _engine, sessions = base._open(args)
    token = args.token or os.environ.get(TOKEN_ENV) or "training"
    server = Emulator(token)
    server.store.load_database(sessions)
    try:
        url = server.start(args.host, args.port)
    except OSError as exc:
        raise CommandFailed(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from exc
    if args.json:
        print(json.dumps({"url": url}), flush=True)
    print(f"membership API emulator on {url} (Ctrl-C to stop)", file=sys.stderr)
    stop = threading.Event()
    try:
        while not stop.wait(max(0.5, args.reload)):
            changed = server.store.load_database(sessions)
            if changed:
                log.info("emulator: %d change(s) from the database", changed)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return EXIT_OK
