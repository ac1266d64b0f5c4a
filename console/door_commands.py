"""The door's CLI forms: QR and exit scans, annul, override, events, lists.

    memberdesk checkin --event ID --qr TEXT [--exit]
    memberdesk checkin --event ID --reader PATH [--once] [--exit]
    memberdesk checkin annul --id CHECKIN --reason TEXT [--supervisor LOGIN]
    memberdesk checkin override --id CHECKIN --reason TEXT --supervisor LOGIN
    memberdesk checkin status --event ID
    memberdesk events [list|create|edit|copy|cancel] ...
    memberdesk registrations import --event ID --csv FILE [--dry-run]
    memberdesk recover --db NEW_URL --journal FILE [--from DAMAGED_URL]
    memberdesk qr issue --member ID [--days N]

Credentials as elsewhere: --user LOGIN with the password from
MEMBERDESK_PASSWORD or a prompt, or the demo admin of a demo database. A
supervisor's PIN (or with --password, password) comes from
MEMBERDESK_SUPERVISOR_SECRET or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from memberdesk.console import commands as base
from memberdesk.console.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    CommandFailed,
)
from memberdesk.nfc.cardmessage import decoder

log = logging.getLogger(__name__)

SUPERVISOR_ENV = "MEMBERDESK_SUPERVISOR_SECRET"
USER_HELP = (
    "sign in as LOGIN (password from MEMBERDESK_PASSWORD or a prompt); a demo "
    "database acts as its demo admin without one"
)


def parse_time(text: str) -> dt.datetime:
    """An ISO time; without an offset it is the programme's local time."""
    from memberdesk.services.checkin_rules import PROGRAMME_ZONE

    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a time: {text!r} (write 2026-12-20T14:00 or with +08:00)"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=PROGRAMME_ZONE)


def whole_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a count: {text}")
    return value


def add_checkin_parsers(chk: argparse.ArgumentParser) -> None:
    """`--qr`, `--exit`, and the annul, override and status actions."""
    chk.add_argument("--qr", help="decide a member QR code as scanned ('-': stdin)")
    chk.add_argument("--exit", action="store_true", help="an exit scan (going out)")
    actions = chk.add_subparsers(dest="checkin_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        c = actions.add_parser(name, help=help, description=help)
        c.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL")
        c.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        c.add_argument("--user", default=argparse.SUPPRESS, help=USER_HELP)
        c.add_argument("--station", default=argparse.SUPPRESS, help="this desk")
        return c

    for name, help in (
        ("annul", "annul a mistaken admission or exit; the row stays, annulled"),
        ("override", "admit over a refusal, on a supervisor's PIN or password"),
    ):
        c = action(name, help)
        c.add_argument("--id", required=True, help="the check-in id")
        c.add_argument("--reason", required=True, help="why, in a few words")
        c.add_argument(
            "--supervisor",
            required=name == "override",
            help=f"the supervisor's login; the PIN comes from {SUPERVISOR_ENV} "
            "or a prompt",
        )
        c.add_argument(
            "--password",
            action="store_true",
            help="the supervisor gives a password instead of a PIN",
        )
    status = action("status", "counters and the last scans of an event")
    status.add_argument("--event", type=whole_number, required=True)
    status.add_argument("--limit", type=whole_number, default=10)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """`registrations import`, `recover` and `qr issue`."""
    reg = sub.add_parser("registrations", help="registration lists")
    reg_sub = reg.add_subparsers(
        dest="registrations_command", metavar="ACTION", required=True
    )
    imp = reg_sub.add_parser(
        "import",
        help="import a CSV registration list; bad rows are listed, never written",
        description="Rows name a member by member_id, phone or card_number (a "
        "header row says which), with an optional note. Exit 1 when any row is "
        "bad; the good rows are registered unless --dry-run.",
    )
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--user", help=USER_HELP)
    imp.add_argument("--event", type=whole_number, required=True)
    imp.add_argument("--csv", type=Path, required=True)
    imp.add_argument("--dry-run", action="store_true", help="only show the preview")

    rec = sub.add_parser(
        "recover",
        help="rebuild a damaged station database from what survives and the journal",
        description="Makes the database at --db (a new file) from the rows still "
        "readable in --from and the check-in journal(s). Running it again adds "
        "nothing twice. Exit 1 when some journal lines wait for their event or "
        "member (replay again after a sync).",
    )
    rec.add_argument("--db", required=True, default=argparse.SUPPRESS)
    rec.add_argument("--journal", type=Path, action="append", required=True)
    rec.add_argument("--from", dest="damaged", help="the damaged database's URL")
    rec.add_argument("--json", action="store_true")

    qr = sub.add_parser("qr", help="member QR codes")
    qr_sub = qr.add_subparsers(dest="qr_command", metavar="ACTION", required=True)
    issue = qr_sub.add_parser("issue", help="issue a member's QR code (text)")
    issue.add_argument("--db", default=argparse.SUPPRESS)
    issue.add_argument("--json", action="store_true")
    issue.add_argument("--user", help=USER_HELP)
    issue.add_argument("--member", type=whole_number, required=True)
    issue.add_argument("--days", type=whole_number, default=365, help="valid this long")


def commands() -> dict:
    return {
        "checkin": checkin,
        "events": events,
        "registrations-import": registrations_import,
        "recover": recover,
        "qr-issue": qr_issue,
    }


def verdict_json(verdict) -> dict:  # noqa: ANN001
    return {
        "ok": verdict.ok,
        "reason": verdict.reason.value,
        "member": verdict.member_id,
        "name": verdict.member_name,
        "tier": verdict.tier_code,
        "card_number": None
        if verdict.card_number is None
        else f"{verdict.card_number:08d}",
        "checkin": verdict.checkin_id,
        "direction": verdict.direction,
        "source": verdict.source,
        "detail": verdict.detail,
        "inside": verdict.inside,
        "admitted": verdict.admitted_total,
        "capacity": verdict.capacity,
        "overridable": verdict.overridable,
    }


def verdict_text(verdict) -> str:  # noqa: ANN001
    from memberdesk.services.reasons import WORDS, Reason

    mark = "ADMIT" if verdict.admitted else "REFUSE"
    if verdict.reason is Reason.EXITED:
        mark = "EXIT"
    text = f"{mark}: {WORDS[verdict.reason]}"
    if verdict.member_name:
        text += f" — {verdict.member_name}"
    if verdict.detail and not verdict.ok:
        text += f" ({verdict.detail})"
    return text


def check_health(args: argparse.Namespace) -> None:
    """Refuse to decide on a damaged database, with the way out."""
    from memberdesk.services.db import default_url
    from memberdesk.services.recovery import DamagedDatabase, check_database

    try:
        check_database(getattr(args, "db", None) or default_url())
    except DamagedDatabase as exc:
        raise CommandFailed(str(exc), EXIT_FAILED, "damaged_database") from exc


def checkin(args: argparse.Namespace) -> int:
    action = getattr(args, "checkin_command", None)
    if action in ("annul", "override"):
        return _correct(args, action)
    if action == "status":
        return _status(args)
    if args.event is None:
        raise CommandFailed("give the event: --event ID", EXIT_USAGE, "usage")
    if args.qr is not None and args.reader:
        raise CommandFailed("--qr and --reader exclude each other", EXIT_USAGE, "usage")
    if args.qr is None and not args.reader:
        raise CommandFailed(
            "give --reader PATH for card taps, or --qr TEXT for a member code",
            EXIT_USAGE,
            "usage",
        )
    check_health(args)
    if args.qr is None:
        return base.checkin(args)
    return _checkin_qr(args)


def _door(  # noqa: ANN202
    args: argparse.Namespace, sessions: object, audit: object, staff: bool = False
):
    from memberdesk.services import staff as staff_service
    from memberdesk.services.checkin import Door

    service = None
    if staff:
        service = staff_service.StaffService(
            sessions, staff_service.password_hasher(), audit
        )
    return Door(sessions, audit.station, audit=audit, staff=service, decode=decoder())


def _checkin_qr(args: argparse.Namespace) -> int:
    from memberdesk.services.events import UnknownEvent

    text = sys.stdin.readline() if args.qr == "-" else args.qr
    _engine, sessions = base._open(args)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    door = _door(args, sessions, audit)
    try:
        verdict = door.decide_qr(
            args.event, text, actor, direction="out" if args.exit else "in"
        )
    except UnknownEvent as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "unknown_event") from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    base._emit(args, verdict_json(verdict), verdict_text(verdict))
    return EXIT_OK if verdict.ok else EXIT_REFUSED


def _correct(args: argparse.Namespace, action: str) -> int:
    from memberdesk.console.security_commands import _secret
    from memberdesk.services.checkin import DoorActionRefused, SupervisorSignIn
    from memberdesk.services.staff import SignInFailed

    _engine, sessions = base._open(args, create=False)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    supervisor = None
    if args.supervisor:
        what = "password" if args.password else "PIN"
        secret = _secret(SUPERVISOR_ENV, f"{what} of {args.supervisor}: ")
        supervisor = SupervisorSignIn(args.supervisor, secret, pin=not args.password)
    door = _door(args, sessions, audit, staff=True)
    try:
        if action == "annul":
            done = door.annul(args.id, args.reason, actor, supervisor)
            data = {"ok": True, **done.__dict__, "verdict": done.verdict.value}
            text = (
                f"annulled {done.checkin_id} ({done.verdict.value}"
                f"{', ' + done.member_name if done.member_name else ''}); "
                f"inside {done.inside}, admitted {done.admitted_total}"
            )
        else:
            verdict = door.override(args.id, args.reason, actor, supervisor)
            data, text = verdict_json(verdict), verdict_text(verdict)
    except DoorActionRefused as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc
    except SignInFailed as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    base._emit(args, data, text)
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from memberdesk.services.door_state import counters, last_scans
    from memberdesk.services.events import UnknownEvent

    _engine, sessions = base._open(args, create=False)
    station = getattr(args, "station", None)
    try:
        with sessions() as s:
            numbers = counters(s, args.event, station)
            scans = last_scans(s, args.event, station, limit=args.limit or 10)
    except UnknownEvent as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "unknown_event") from exc
    data = {
        **numbers.__dict__,
        "scans": [
            {**scan.__dict__, "reason": str(scan.reason), "at": scan.at.isoformat()}
            for scan in scans
        ],
    }
    lines = [
        f"inside {numbers.inside}, admitted {numbers.admitted}/"
        f"{numbers.capacity or '-'}, not yet uploaded {numbers.pending_uploads}"
    ]
    from memberdesk.services.checkin_rules import PROGRAMME_ZONE

    lines += [
        f"{scan.seq or '':>5} {scan.at.astimezone(PROGRAMME_ZONE):%H:%M:%S} "
        f"{'✔' if scan.ok else '✘'} {scan.reason} {scan.member_name}"
        f"{' (annulled)' if scan.annulled else ''}"
        f"{' (flagged: second entry)' if scan.flagged else ''}"
        f"  {scan.checkin_id}"
        for scan in scans
    ]
    base._emit(args, data, "\n".join(lines))
    return EXIT_OK


def events(args: argparse.Namespace) -> int:
    from memberdesk.console import event_commands

    action = getattr(args, "events_command", None)
    if action in (None, "list"):
        return base.events(args)
    return event_commands.run(args, action)


def registrations_import(args: argparse.Namespace) -> int:
    from memberdesk.console import event_commands

    return event_commands.registrations_import(args)


def recover(args: argparse.Namespace) -> int:
    from memberdesk.services.recovery import recover as rebuild

    if args.damaged and args.damaged == args.db:
        raise CommandFailed(
            "--db must be a new database, not the damaged one", EXIT_USAGE, "usage"
        )
    missing = [str(p) for p in args.journal if not p.is_file()]
    if missing:
        raise CommandFailed(f"no journal at {', '.join(missing)}", EXIT_USAGE, "usage")
    report = rebuild(args.db, args.journal, args.damaged)
    text = (
        f"replayed {report.replayed} check-in(s), {report.already_present} were "
        f"there already, {len(report.flagged)} flagged as duplicates, "
        f"{report.annulled} annulment(s)"
    )
    if report.lost:
        text += f"; tables lost: {', '.join(report.lost)}"
    if report.partial:
        text += f"; tables with rows lost: {', '.join(report.partial)}"
    if report.orphaned:
        text += "; rows left out because what they name was lost: " + ", ".join(
            f"{n} in {table}" for table, n in report.orphaned.items()
        )
    if report.unplaced:
        text += (
            f"; {len(report.unplaced)} journal line(s) name an event or member "
            "this database no longer has: they stay in the journal, to be "
            "replayed once that data is back (run this again then)"
        )
    base._emit(args, {"ok": not report.unplaced, **report.as_json()}, text)
    return EXIT_REFUSED if report.unplaced else EXIT_OK


def qr_issue(args: argparse.Namespace) -> int:
    from memberdesk.services import keys, memberqr
    from memberdesk.services.audit import writing
    from memberdesk.services.models import utcnow
    from memberdesk.services.secrets import SecretStoreError, store_for

    _engine, sessions = base._open(args, create=False)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    try:
        store = store_for(sessions, args.secrets, base.secrets_passphrase)
        with sessions() as s:
            issuer = keys.issuer_keys(s, store)
        with writing(sessions) as s:
            serial, text = memberqr.issue_member_qr(
                s,
                issuer.signing_key_id,
                issuer.signing_key,
                args.member,
                actor,
                audit,
                utcnow(),
                dt.timedelta(days=args.days or 365),
            )
    except SecretStoreError as exc:
        raise CommandFailed(str(exc), reason="no_keys") from exc
    except LookupError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "unknown_member") from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    base._emit(args, {"ok": True, "serial": serial, "text": text}, text)
    return EXIT_OK
