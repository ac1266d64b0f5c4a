"""`memberdesk events create|edit|copy|cancel` and `registrations import`."""

from __future__ import annotations

import argparse
import dataclasses
import logging

from memberdesk.console import commands as base
from memberdesk.console.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CommandFailed
from memberdesk.console.door_commands import USER_HELP, parse_time, whole_number

log = logging.getLogger(__name__)


def add_event_parsers(events: argparse.ArgumentParser) -> None:
    actions = events.add_subparsers(dest="events_command", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        c = actions.add_parser(name, help=help, description=help)
        c.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL")
        c.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        if name != "list":
            c.add_argument("--user", help=USER_HELP)
        return c

    action("list", "list events (the same as `memberdesk events`)")
    create = action("create", "create an event with its door rules")
    edit = action("edit", "change some fields of an event")
    edit.add_argument("--id", type=whole_number, required=True)
    for c, new in ((create, True), (edit, False)):
        c.add_argument("--name", required=new)
        c.add_argument("--kind", required=new, help="vip_salon, popup, hq_visit, ...")
        c.add_argument("--starts", type=parse_time, required=new, help="ISO time")
        c.add_argument("--ends", type=parse_time, required=new, help="ISO time")
        c.add_argument("--venue")
        c.add_argument("--doors-open", type=parse_time, help="the door window opens")
        c.add_argument("--doors-close", type=parse_time, help="the door window closes")
        # 0 clears a limit, for capacity and both caps.
        c.add_argument("--capacity", type=whole_number, help="0: no limit")
        c.add_argument("--tiers", help='eligible tiers, e.g. "gold diamond"')
        c.add_argument(
            "--registration", action=argparse.BooleanOptionalAction, default=None
        )
        c.add_argument("--reentry", action=argparse.BooleanOptionalAction, default=None)
        c.add_argument(
            "--member-cap", type=whole_number, help="a year, per member; 0: none"
        )
        c.add_argument(
            "--kind-cap", type=whole_number, help="a year, for the kind; 0: none"
        )
    edit.add_argument("--no-window", action="store_true", help="clear the window")
    copy = action("copy", "copy an event's rules; its door window is never kept stale")
    copy.add_argument("--id", type=whole_number, required=True)
    copy.add_argument(
        "--starts", type=parse_time, help="the copy's start (moves it all)"
    )
    copy.add_argument("--name")
    cancel = action("cancel", "cancel an event")
    cancel.add_argument("--id", type=whole_number, required=True)
    cancel.add_argument("--reason", required=True)


def _row_json(row) -> dict:  # noqa: ANN001
    return {
        name: value.isoformat() if hasattr(value, "isoformat") else value
        for name, value in dataclasses.asdict(row).items()
    }


def _changes(args: argparse.Namespace) -> dict:
    """The draft fields the command line gave; 0 clears a limit."""
    given = {
        "name": args.name,
        "kind": args.kind,
        "starts_at": args.starts,
        "ends_at": args.ends,
        "venue": args.venue,
        "doors_open_at": args.doors_open,
        "doors_close_at": args.doors_close,
        "registration_required": args.registration,
        "reentry_allowed": args.reentry,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    if args.tiers is not None:
        changes["eligible_tiers"] = tuple(args.tiers.replace(",", " ").split())
    for name, value in (
        ("capacity", args.capacity),
        ("member_yearly_cap", args.member_cap),
        ("kind_yearly_cap", args.kind_cap),
    ):
        if value is not None:
            changes[name] = value or None
    if getattr(args, "no_window", False):
        changes["doors_open_at"] = changes["doors_close_at"] = None
    return changes


def run(args: argparse.Namespace, action: str) -> int:
    from memberdesk.services.event_admin import (
        EventChangeRefused,
        EventDraft,
        EventInvalid,
        EventService,
    )
    from memberdesk.services.events import UnknownEvent

    _engine, sessions = base._open(args, create=False)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    service = EventService(sessions, audit)
    try:
        if action == "create":
            row = service.create(actor, EventDraft(**_changes(args)))
        elif action == "edit":
            changes = _changes(args)
            if not changes:
                raise CommandFailed("nothing to change", EXIT_USAGE, "usage")
            row = service.edit(actor, args.id, **changes)
        elif action == "copy":
            row = service.copy(actor, args.id, starts_at=args.starts, name=args.name)
        else:
            row = service.cancel(actor, args.id, args.reason)
    except EventInvalid as exc:
        raise CommandFailed(str(exc), EXIT_USAGE, "invalid") from exc
    except (EventChangeRefused, UnknownEvent) as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "refused") from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    window = "no door window" if row.doors_open_at is None else "door window set"
    base._emit(
        args,
        {"ok": True, **_row_json(row)},
        f"event {row.id} {row.name} ({row.kind}, {window})"
        + (" cancelled" if row.cancelled else ""),
    )
    return EXIT_OK


def registrations_import(args: argparse.Namespace) -> int:
    from memberdesk.services.events import UnknownEvent
    from memberdesk.services.registrations import ImportRefused, RegistrationService

    try:
        data = args.csv.read_bytes()
    except OSError as exc:
        raise CommandFailed(f"cannot read {args.csv}: {exc.strerror}") from exc
    _engine, sessions = base._open(args, create=False)
    audit = base._audit(args)
    actor = base._acting(args, sessions, audit)
    service = RegistrationService(sessions, audit)
    try:
        preview = service.preview(actor, args.event, data, args.csv.name)
        result = None if args.dry_run else service.commit(actor, preview)
    except ImportRefused as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "refused") from exc
    except UnknownEvent as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "unknown_event") from exc
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    data_out = {
        "ok": not preview.bad,
        "event": args.event,
        "good": len(preview.good),
        "added": None if result is None else result.added,
        "already": None if result is None else result.already,
        "bad": [dataclasses.asdict(b) for b in preview.bad],
        "dry_run": args.dry_run,
    }
    lines = [f"line {b.line}: {b.reason}: {b.message}" for b in preview.bad]
    lines.append(
        f"{len(preview.good)} good row(s), {len(preview.bad)} bad; "
        + ("nothing written (dry run)" if result is None else f"{result.added} added")
    )
    base._emit(args, data_out, "\n".join(lines))
    return EXIT_REFUSED if preview.bad else EXIT_OK
