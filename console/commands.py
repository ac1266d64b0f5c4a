"""What each CLI command does: the composition of services and the reader."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from memberdesk.console.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CommandFailed

log = logging.getLogger(__name__)

STATION_DEFAULT = socket.gethostname() or "station"


def _open(args: argparse.Namespace, create: bool = False):  # noqa: ANN202
    """The command's database; only the commands that set one up create it."""
    from memberdesk.services.db import DatabaseError, open_database

    try:
        return open_database(getattr(args, "db", None), create)
    except DatabaseError as exc:
        raise CommandFailed(str(exc)) from exc


def _emit(args: argparse.Namespace, data: object, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(text)


def secrets_passphrase() -> str:
    """The secret file's passphrase, asked for only in a terminal."""
    if not sys.stdin.isatty():
        return ""
    import getpass

    return getpass.getpass("passphrase of the secret file: ")


EXIT_INTERRUPTED = 130


@contextmanager
def _tapping(args: argparse.Namespace, writable: bool = True) -> Iterator[tuple]:
    """The reader for one command, and an event that Ctrl-C sets.

    nfcpy's connect() swallows KeyboardInterrupt, so Ctrl-C sets the stop event
    instead, which ends the wait for a card cleanly.
    """
    from memberdesk.nfc.reader import ReaderError, open_reader

    if args.reader in ("sim", "sim:"):
        raise CommandFailed(
            "the simulated reader needs a card: --reader sim:FILE",
            EXIT_USAGE,
            "no_card",
        )
    try:
        reader = open_reader(args.reader, writable)
    except ReaderError as exc:
        raise CommandFailed(str(exc)) from exc
    stop = threading.Event()
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    except ValueError:  # not the main thread: Ctrl-C is not ours to catch
        previous = None
    if reader.sim is None and not getattr(args, "json", False):
        print("tap a card on the reader (Ctrl-C to stop)", file=sys.stderr)
    closed = False
    try:
        yield reader, stop
        closed = True
        _close(reader)
    except ReaderError as exc:
        raise CommandFailed(str(exc)) from exc
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if not closed:
            try:
                reader.close()
            except OSError as exc:
                log.warning("reader not closed cleanly: %s", exc)
    if stop.is_set():
        raise CommandFailed("stopped", EXIT_INTERRUPTED, "interrupted")


def _close(reader) -> None:  # noqa: ANN001
    try:
        reader.close()
    except OSError as exc:
        raise CommandFailed(str(exc), reason="card_not_saved") from exc


def _tapped(value: object) -> object:
    if value is None:
        raise CommandFailed(
            "stopped before a card was tapped", EXIT_INTERRUPTED, "interrupted"
        )
    return value


def _audit(args: argparse.Namespace):  # noqa: ANN202
    from memberdesk.services.anchors import anchor_for
    from memberdesk.services.audit import AuditLog
    from memberdesk.services.db import default_url

    url = getattr(args, "db", None) or default_url()
    return AuditLog(
        args.station if getattr(args, "station", None) else STATION_DEFAULT,
        anchor_for(url),
    )


def _acting(args: argparse.Namespace, sessions, audit):  # noqa: ANN001, ANN202
    """Who runs the command: --user LOGIN, or the demo admin of a demo database."""
    from memberdesk.console.security_commands import PASSWORD_ENV, _secret
    from memberdesk.services import staff

    station = audit.station
    try:
        if getattr(args, "user", None):
            service = staff.StaffService(sessions, staff.password_hasher(), audit)
            password = _secret(PASSWORD_ENV, f"password for {args.user}: ")
            return service.sign_in(args.user, password, station)
        return staff.demo_actor(sessions, station)
    except staff.SignInFailed as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc
    except staff.StaffError as exc:
        raise CommandFailed(str(exc), EXIT_USAGE, "no_user") from exc


def seed_demo(args: argparse.Namespace) -> int:
    from memberdesk.console import demo
    from memberdesk.services.demo import DemoError

    _engine, sessions = _open(args, create=True)
    cards = args.cards or demo.default_cards_dir(getattr(args, "db", None))
    try:
        summary = demo.seed(sessions, cards, members=args.members, audit=_audit(args))
    except DemoError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_empty") from exc
    _emit(args, summary, demo.describe(summary))
    return EXIT_OK


def members(args: argparse.Namespace) -> int:
    from memberdesk.services.members import count_members, search_members

    _engine, sessions = _open(args)
    with sessions() as s:
        rows = search_members(s, args.search, args.tier, limit=args.limit)
        total = count_members(s, args.search, args.tier) if rows else 0
    data = [
        {
            "id": r.id,
            "name": r.name,
            "phone": r.phone_masked,
            "tier": r.tier_code,
            "card": r.card_number,
        }
        for r in rows
    ]
    lines = [
        f"{r['id']:>7}  {r['tier']:<8} {r['name']:<8} {r['phone']:<12} "
        f"{r['card'] or ''}"
        for r in data
    ]
    if len(rows) < total:
        lines.append(f"({len(rows)} of {total} shown; --limit shows more)")
    _emit(args, data, "\n".join(lines) or "no members match")
    return EXIT_OK


def events(args: argparse.Namespace) -> int:
    from memberdesk.services.events import list_events

    _engine, sessions = _open(args)
    with sessions() as s:
        rows = list_events(s)
    data = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "venue": e.venue,
            "starts_at": e.starts_at.isoformat(),
            "ends_at": e.ends_at.isoformat(),
            # None until a door window is set (a copied event).
            "doors_open_at": e.doors_open_at and e.doors_open_at.isoformat(),
            "doors_close_at": e.doors_close_at and e.doors_close_at.isoformat(),
            "capacity": e.capacity,
            "admitted": e.admitted,
            "inside": e.inside,
            "eligible_tiers": list(e.eligible_tiers),
            "registration_required": e.registration_required,
            "reentry_allowed": e.reentry_allowed,
            "member_yearly_cap": e.member_yearly_cap,
            "kind_yearly_cap": e.kind_yearly_cap,
            "cancelled": e.cancelled,
        }
        for e in rows
    ]
    lines = [
        f"{e['id']:>4}  {e['kind']:<10} {e['name']}  "
        f"({e['admitted']}/{e['capacity'] or '-'})"
        for e in data
    ]
    _emit(args, data, "\n".join(lines) or "no events")
    return EXIT_OK


def card_new(args: argparse.Namespace) -> int:
    from memberdesk.nfc.sim.image import new_blank_image, save_image

    uid = None
    if args.uid:
        try:
            uid = bytes.fromhex(args.uid.replace(":", "").replace(" ", ""))
        except ValueError as exc:
            raise CommandFailed("--uid must be hex", 2, "bad_uid") from exc
        if len(uid) != 7:
            raise CommandFailed("--uid must be 7 bytes", 2, "bad_uid")
    if args.out.exists() and not args.force:
        raise CommandFailed(
            f"{args.out} exists already (a card may be on it); pick another name "
            "or give --force to replace it",
            EXIT_REFUSED,
            "exists",
        )
    fmt = args.format or ("flipper" if args.out.suffix == ".nfc" else "pm3")
    image = new_blank_image(
        args.chip, uid, fmt="flipper" if fmt == "flipper" else "pm3-json"
    )
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        save_image(image, args.out)
    except OSError as exc:
        raise CommandFailed(f"cannot write {args.out}: {exc.strerror}") from exc
    uid_hex = image.uid.hex().upper()
    _emit(
        args,
        {"ok": True, "chip": args.chip, "uid": uid_hex, "file": str(args.out)},
        f"blank {args.chip.upper()} {uid_hex} written to {args.out}",
    )
    return EXIT_OK


def card_encode(args: argparse.Namespace) -> int:
    from memberdesk.nfc.encoder import Encoder, EncodeRefused
    from memberdesk.nfc.ntag import NtagLink
    from memberdesk.nfc.reader import tap_once
    from memberdesk.services.cards import CardDesk, IssueRefused
    from memberdesk.services.secrets import SecretStoreError, store_for

    _engine, sessions = _open(args)
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    try:
        store = store_for(sessions, getattr(args, "secrets", None), secrets_passphrase)
        desk = CardDesk(sessions, store, audit=audit)
        job = desk.prepare(args.member, actor)
    except IssueRefused as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    except SecretStoreError as exc:
        raise CommandFailed(str(exc), reason="no_keys") from exc

    if not args.json:
        print(
            f"card {job.card_number:08d} for {job.member_name}: tap a blank card",
            file=sys.stderr,
        )
    with _tapping(args) as (reader, stop):
        encoder = Encoder(
            desk,
            job,
            confirm=lambda q, text: args.overwrite,
            originality_keys=reader.originality_keys,
        )
        try:
            result = _tapped(
                tap_once(reader, lambda tag: encoder.encode(NtagLink(tag)), stop)
            )
        except EncodeRefused as exc:
            raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc
    _emit(
        args,
        {
            "ok": True,
            "card_number": f"{result.card_number:08d}",
            "member": job.member_id,
            "uid": result.uid.hex().upper(),
            "chip": result.chip,
            "originality": result.originality,
            "commands": result.commands,
        },
        f"encoded card {result.card_number:08d} ({result.chip} "
        f"{result.uid.hex().upper()}, originality {result.originality}) for "
        f"{job.member_name}",
    )
    return EXIT_OK


def card_read(args: argparse.Namespace) -> int:
    from memberdesk.nfc.cardmessage import decode_message
    from memberdesk.nfc.cardread import read_full
    from memberdesk.nfc.reader import tap_once
    from memberdesk.services import cardformat, keys
    from memberdesk.services.checkin_rules import Refused, check_card
    from memberdesk.services.models import utcnow
    from memberdesk.services.reasons import WORDS, Reason

    _engine, sessions = _open(args)
    with _tapping(args, writable=False) as (reader, stop):
        read = _tapped(
            tap_once(reader, lambda tag: read_full(tag, reader.originality_keys), stop)
        )
    data: dict = {
        "uid": read.uid.hex().upper(),
        "chip": read.chip,
        "originality": read.originality,
    }
    try:
        signed = decode_message(read.message or b"")
    except cardformat.CardFormatError as exc:
        data.update(ok=False, reason=exc.reason, message=str(exc))
        _emit(args, data, f"{data['chip']} {data['uid']}: {exc}")
        return EXIT_REFUSED
    p = signed.payload
    # The door's own card checks, without an event: signature, chip binding,
    # key, revocation, issue number and the card's state.
    with sessions() as s:
        try:
            check_card(
                s,
                keys.public_keys(s),
                decode_message,
                read.uid,
                read.message or b"",
                utcnow(),
            )
            reason = "valid"
        except Refused as refusal:
            reason = refusal.reason.value
    valid = reason == "valid"
    data.update(
        ok=valid,
        reason=reason,
        card_number=cardformat.card_code(p.card_number),
        member=p.member_id,
        issue_number=p.issue_number,
        issued_on=p.issued_on.isoformat(),
        key_id=p.key_id,
    )
    _emit(
        args,
        data,
        f"{data['chip']} {data['uid']}: card {data['card_number']} "
        f"issue {p.issue_number} of member {p.member_id}: "
        f"{'valid' if valid else 'NOT valid (' + WORDS[Reason(reason)] + ')'}, "
        f"originality {read.originality}",
    )
    return EXIT_OK if valid else EXIT_REFUSED


def checkin(args: argparse.Namespace) -> int:
    from memberdesk.console.door_commands import verdict_json, verdict_text
    from memberdesk.nfc.cardmessage import decoder
    from memberdesk.nfc.cardread import read_message
    from memberdesk.nfc.reader import tap_once
    from memberdesk.services.checkin import Door
    from memberdesk.services.events import UnknownEvent, require_event
    from memberdesk.services.permissions import Action, require

    _engine, sessions = _open(args)
    with sessions() as s:
        try:
            require_event(s, args.event)
        except UnknownEvent as exc:
            raise CommandFailed(str(exc), EXIT_REFUSED, "unknown_event") from exc
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    try:
        require(actor, Action.CHECK_IN)
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    door = Door(sessions, audit.station, audit=audit, decode=decoder())
    direction = "out" if getattr(args, "exit", False) else "in"
    # A virtual card lies on the reader for the whole command: one tap.
    once = args.once or args.reader.startswith("sim:")
    code = EXIT_OK
    with _tapping(args) as (reader, stop):
        while not stop.is_set():
            read = tap_once(reader, read_message, stop, wait_removal=not once)
            if read is None:
                break
            try:
                verdict = door.decide_card(
                    args.event,
                    read.uid,
                    read.message or b"",
                    actor,
                    direction=direction,
                )
            except PermissionError as exc:
                raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
            _emit(args, verdict_json(verdict), verdict_text(verdict))
            code = EXIT_OK if verdict.ok else EXIT_REFUSED
            if once:
                break
    return code


def run_gui(args: argparse.Namespace) -> int:
    from memberdesk.console.app import run

    return run(
        db=args.db, reader=args.reader or "sim", lang=args.lang, secrets=args.secrets
    )


def run_demo(args: argparse.Namespace) -> int:
    from memberdesk.console.app import run_demo as demo_main

    return demo_main(fresh=args.fresh, lang=args.lang)
