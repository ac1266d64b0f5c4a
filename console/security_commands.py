"""The `audit` and `staff` commands: the audit chain and staff accounts.

Credentials follow one rule for every command that needs them: `--user LOGIN`,
the password from MEMBERDESK_PASSWORD, else a prompt when stdin is a terminal.
Without a terminal and without the variable, the command cannot run (exit 3).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from memberdesk.console.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    CommandFailed,
)
from memberdesk.console.commands import STATION_DEFAULT, _emit, _open
from memberdesk.services.cards import STATION_ZONE

log = logging.getLogger(__name__)

PASSWORD_ENV = "MEMBERDESK_PASSWORD"
NEW_PASSWORD_ENV = "MEMBERDESK_NEW_PASSWORD"


def _url(args: argparse.Namespace) -> str:
    from memberdesk.services.db import default_url

    return getattr(args, "db", None) or default_url()


def _secret(env: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CommandFailed(
            f"no password given: set {env} or run the command in a terminal",
            EXIT_FAILED,
            "no_password",
        )
    import getpass

    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("again: ") != value:
        raise CommandFailed("the two passwords differ", EXIT_REFUSED, "mismatch")
    return value


def _services(args: argparse.Namespace, create: bool = False):  # noqa: ANN202
    from memberdesk.services import staff
    from memberdesk.services.anchors import anchor_for
    from memberdesk.services.audit import AuditLog

    _engine, sessions = _open(args, create)
    audit = AuditLog(STATION_DEFAULT, anchor_for(_url(args)))
    return sessions, audit, staff.StaffService(sessions, staff.password_hasher(), audit)


def _sign_in(args: argparse.Namespace, service):  # noqa: ANN001, ANN202
    from memberdesk.services.staff import SignInFailed

    if not args.user:
        raise CommandFailed("sign in with --user LOGIN", EXIT_USAGE, "no_user")
    password = _secret(PASSWORD_ENV, f"password for {args.user}: ")
    try:
        return service.sign_in(args.user, password, STATION_DEFAULT)
    except SignInFailed as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, exc.reason) from exc


def _refused(exc: Exception) -> CommandFailed:
    reason = "not_allowed" if isinstance(exc, PermissionError) else "refused"
    return CommandFailed(str(exc), EXIT_REFUSED, reason)


def audit_verify(args: argparse.Namespace) -> int:
    from memberdesk.services.anchors import AnchorError, FileAnchor, anchor_for
    from memberdesk.services.audit import verify

    _engine, sessions = _open(args)
    anchor = FileAnchor(args.anchor) if args.anchor else anchor_for(_url(args))
    try:
        with sessions() as s:
            report = verify(s, anchor)
    except AnchorError as exc:
        raise CommandFailed(str(exc), EXIT_FAILED, "anchor") from exc
    data = {
        "ok": report.ok,
        "reason": report.problem or "intact",
        "message": report.message,
        "checked": report.checked,
        "last_seq": report.last_seq,
        "first_bad": report.first_bad,
        "anchor_seq": report.anchor_seq,
    }
    anchored = (
        f", anchored at entry {report.anchor_seq}"
        if report.anchor_seq is not None
        else ", no anchor on this station: removal of the newest entries is not checked"
    )
    text = (
        f"intact: {report.checked} entries{anchored}"
        if report.ok
        else f"TAMPERED: {report.message}"
    )
    _emit(args, data, text)
    return EXIT_OK if report.ok else EXIT_REFUSED


def audit_list(args: argparse.Namespace) -> int:
    from memberdesk.services.audit import recent

    sessions, _audit, service = _services(args)
    actor = _sign_in(args, service)
    try:
        with sessions() as s:
            rows = recent(s, actor, args.limit)
    except PermissionError as exc:
        raise _refused(exc) from exc
    data = [r.as_json() for r in rows]
    lines = [
        f"{r.seq:>6}  {r.at.astimezone(STATION_ZONE):%Y-%m-%d %H:%M:%S}  "
        f"{r.staff_login or '-':<12} "
        f"{r.station:<12} {r.action:<20} {r.entity} {r.entity_id}"
        for r in rows
    ]
    _emit(args, data, "\n".join(lines) or "the audit log is empty")
    return EXIT_OK


def staff_add(args: argparse.Namespace) -> int:
    from memberdesk.services.staff import StaffError

    # The first admin of a new database may set the database up.
    _sessions, _audit, service = _services(args, create=True)
    first = service.needs_first_admin()
    try:
        if first:
            if args.role != "admin":
                raise CommandFailed(
                    "this database has no staff yet: the first account must be an "
                    "admin (--role admin)",
                    EXIT_REFUSED,
                    "first_admin",
                )
            password = _secret(
                PASSWORD_ENV, f"new password for {args.login}: ", confirm=True
            )
            actor = service.create_first_admin(args.login, args.name, password)
            staff_id, login, role = actor.staff_id, actor.login, actor.role.value
        else:
            actor = _sign_in(args, service)
            password = _secret(
                NEW_PASSWORD_ENV, f"new password for {args.login}: ", confirm=True
            )
            view = service.create_staff(
                actor, args.login, args.name, args.role, password
            )
            staff_id, login, role = view.id, view.login, view.role.value
    except (StaffError, PermissionError) as exc:
        raise _refused(exc) from exc
    _emit(
        args,
        {"ok": True, "id": staff_id, "login": login, "role": role, "first": first},
        f"{'first admin' if first else role} {login} added (id {staff_id})",
    )
    return EXIT_OK


def staff_list(args: argparse.Namespace) -> int:
    _sessions, _audit, service = _services(args)
    actor = _sign_in(args, service)
    try:
        rows = service.list_staff(actor)
    except PermissionError as exc:
        raise _refused(exc) from exc
    data = [
        {
            "id": r.id,
            "login": r.login,
            "name": r.display_name,
            "role": r.role.value,
            "disabled": r.disabled,
            "pin": r.has_pin,
            "last_sign_in_at": r.last_sign_in_at.isoformat()
            if r.last_sign_in_at
            else None,
        }
        for r in rows
    ]
    lines = [
        f"{r['id']:>4}  {r['login']:<16} {r['role']:<9} "
        f"{'disabled ' if r['disabled'] else ''}{r['name']}"
        for r in data
    ]
    _emit(args, data, "\n".join(lines))
    return EXIT_OK
