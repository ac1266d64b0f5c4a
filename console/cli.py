"""The `memberdesk` command: the console's entry point and its scripting CLI.

The forms named in the README are a contract that scripts rely on: extend
them, keep them stable. Each takes --json; a refusal exits 1, bad usage 2, and
anything that stops the command from running at all (a database or a reader
that cannot be opened, missing keys) exits 3.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
# What a shell tool says when the reader of its output went away (head).
EXIT_BROKEN_PIPE = 128 + 13


class CommandFailed(Exception):
    """Stops a command with a message and an exit code."""

    def __init__(
        self, message: str, code: int = EXIT_FAILED, reason: str = "error"
    ) -> None:
        super().__init__(message)
        self.code = code
        self.reason = reason


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="memberdesk", description="memberdesk console")
    p.add_argument("-v", "--verbose", action="store_true", help="log to the terminal")
    p.add_argument("--db", help="SQLAlchemy database URL (default: embedded SQLite)")
    p.add_argument(
        "--reader",
        default=None,
        help="reader path: usb, usb:054c:06c3, "
        "tty:USB0:pn532, or sim[:FILE] for the simulator",
    )
    p.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default=None,
        help="interface language (default: Simplified Chinese)",
    )
    p.add_argument(
        "--secrets",
        default=None,
        metavar="STORE",
        help="where card keys live: keyring (default) or file:PATH, an encrypted "
        "file whose passphrase comes from MEMBERDESK_SECRETS_PASSPHRASE or a prompt",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def cmd(name: str, help: str, json_flag: bool = True) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help)
        c.add_argument(
            "--db", default=argparse.SUPPRESS, help="SQLAlchemy database URL"
        )
        if json_flag:
            c.add_argument("--json", action="store_true", help="machine-readable")
        return c

    demo = cmd(
        "demo",
        "open the console on a demo database with virtual cards",
        json_flag=False,
    )
    demo.add_argument("--fresh", action="store_true", help="start the demo anew")
    demo.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default=argparse.SUPPRESS,
        help="interface language (default: Simplified Chinese)",
    )

    seed = cmd("seed-demo", "fill a database with the demo programme")
    seed.add_argument("--cards", type=Path, help="folder for blank virtual cards")
    seed.add_argument("--members", type=int, default=2000)

    members = cmd("members", "list members")
    members.add_argument("--tier", choices=["free", "silver", "gold", "diamond"])
    members.add_argument(
        "--search", default="", help="name, phone tail, card number or #id"
    )
    members.add_argument(
        "--limit", type=_count, default=200, help="at most this many rows (200)"
    )

    from memberdesk.console import door_commands, event_commands

    event_commands.add_event_parsers(cmd("events", "list and manage events"))

    card = sub.add_parser("card", help="virtual cards and card encoding")
    card_sub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    new = card_sub.add_parser("new", help="make a blank virtual card file")
    new.add_argument(
        "--chip", choices=["ntag213", "ntag215", "ntag216"], default="ntag215"
    )
    new.add_argument("--out", type=Path, required=True)
    new.add_argument(
        "--format",
        choices=["pm3", "flipper"],
        default=None,
        help="default: by the file name (.nfc is Flipper)",
    )
    new.add_argument("--uid", help="7-byte UID in hex (default: random, NXP)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.add_argument("--json", action="store_true")

    enc = card_sub.add_parser("encode", help="encode a diamond member's card")
    enc.add_argument("--db", default=argparse.SUPPRESS)
    enc.add_argument("--member", type=_row_id, required=True)
    enc.add_argument("--reader", required=True, default=argparse.SUPPRESS)
    enc.add_argument(
        "--overwrite",
        action="store_true",
        help="overwrite a foreign card or another member's card",
    )
    enc.add_argument("--json", action="store_true")
    enc.add_argument(
        "--user",
        help="sign in as LOGIN (password from MEMBERDESK_PASSWORD or a prompt); "
        "a demo database acts as its demo admin without one",
    )

    read = card_sub.add_parser("read", help="read and verify a card")
    read.add_argument("--db", default=argparse.SUPPRESS)
    read.add_argument("--reader", required=True, default=argparse.SUPPRESS)
    read.add_argument("--json", action="store_true")

    from memberdesk.console import card_commands

    card_commands.add_parsers(card_sub)

    chk = cmd("checkin", "check members in at an event by card tap or QR code")
    chk.add_argument(
        "--user",
        help="sign in as LOGIN (password from MEMBERDESK_PASSWORD or a prompt); "
        "a demo database acts as its demo admin without one",
    )

    # Not required here: `checkin annul|override|status` need neither.
    chk.add_argument("--event", type=_row_id, default=None)
    chk.add_argument(
        "--reader", default=argparse.SUPPRESS, help="a reader path, for card taps"
    )
    chk.add_argument("--once", action="store_true", help="stop after one tap")
    chk.add_argument("--station", default=None, help="this desk's name")
    door_commands.add_checkin_parsers(chk)
    door_commands.add_parsers(sub)
    from memberdesk.console import sync_commands

    sync_commands.add_parsers(sub)
    _audit_and_staff(sub)
    from memberdesk.console import key_commands

    key_commands.add_parsers(
        sub,
        "sign in as LOGIN; the password comes from MEMBERDESK_PASSWORD or a prompt",
    )
    return p


def _audit_and_staff(sub: argparse._SubParsersAction) -> None:
    """`audit verify|list` and `staff add|list`; credentials as --user LOGIN."""
    user_help = (
        "sign in as LOGIN; the password comes from MEMBERDESK_PASSWORD or a prompt"
    )

    def action(
        parent: argparse._SubParsersAction, name: str, help: str
    ) -> argparse.ArgumentParser:
        c = parent.add_parser(name, help=help, description=help)
        c.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL")
        c.add_argument("--json", action="store_true", help="machine-readable")
        return c

    audit = sub.add_parser("audit", help="check and read the audit log")
    audit_sub = audit.add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    verify = action(
        audit_sub,
        "verify",
        "check the audit chain; exit 1 names the first entry altered or removed",
    )
    verify.add_argument(
        "--anchor",
        type=Path,
        default=None,
        help="the anchor file to compare with (default: this station's)",
    )
    listing = action(audit_sub, "list", "show the newest audit entries")
    listing.add_argument("--user", help=user_help)
    listing.add_argument("--limit", type=int, default=50)

    staff = sub.add_parser("staff", help="staff accounts")
    staff_sub = staff.add_subparsers(
        dest="staff_command", metavar="ACTION", required=True
    )
    add = action(
        staff_sub,
        "add",
        "add a staff member (on a database without staff: the first admin); the "
        "new password comes from MEMBERDESK_NEW_PASSWORD or a prompt",
    )
    add.add_argument("--user", help=user_help)
    add.add_argument("--login", required=True)
    add.add_argument("--name", required=True)
    add.add_argument(
        "--role", required=True, choices=["admin", "operator", "issuer", "door"]
    )
    action(staff_sub, "list", "list staff accounts").add_argument(
        "--user", help=user_help
    )


def _row_id(text: str) -> int:
    """A database id: a positive whole number that fits a 64-bit column."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"no such id: {text}")
    return value


def _count(text: str) -> int:
    value = _row_id(text) if text != "0" else 0
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from memberdesk.console import logsetup

    logsetup.configure(verbose=args.verbose)
    command = args.command or "gui"
    if command in ("card", "audit", "staff", "keys", "registrations", "qr"):
        command = f"{command}-{getattr(args, command + '_command')}"
    elif command == "sync":
        command = f"sync-{args.sync_command or 'run'}"
    handler = _commands()[command]
    try:
        return handler(args)
    except CommandFailed as exc:
        _fail(args, exc)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `memberdesk ... | head`: the rest of the output is not wanted.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 - a bug: say so, keep the details
        log.exception("command %s failed", command)
        _fail(
            args,
            CommandFailed(
                f"internal error ({type(exc).__name__}: {exc}); the details are in "
                f"{logsetup.log_dir() / 'memberdesk.log'}",
                EXIT_FAILED,
                "internal_error",
            ),
        )
        return EXIT_FAILED


def _fail(args: argparse.Namespace, exc: CommandFailed) -> None:
    if getattr(args, "json", False):
        print(
            json.dumps(
                {"ok": False, "reason": exc.reason, "message": str(exc)},
                ensure_ascii=False,
            )
        )
    else:
        print(f"memberdesk: {exc}", file=sys.stderr)


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from memberdesk.console import (
        card_commands,
        commands,
        door_commands,
        key_commands,
        sync_commands,
    )
    from memberdesk.console import security_commands as security

    return {
        **card_commands.commands(),
        "gui": commands.run_gui,
        "demo": commands.run_demo,
        "seed-demo": commands.seed_demo,
        "members": commands.members,
        "events": commands.events,
        "card-new": commands.card_new,
        "card-encode": commands.card_encode,
        "card-read": commands.card_read,
        "checkin": commands.checkin,
        "keys-create": key_commands.run,
        "keys-export": key_commands.run,
        "keys-import": key_commands.run,
        "keys-rotate": key_commands.run,
        "keys-retire": key_commands.run,
        "audit-verify": security.audit_verify,
        "audit-list": security.audit_list,
        "staff-add": security.staff_add,
        "staff-list": security.staff_list,
        **door_commands.commands(),
        **sync_commands.commands(),
    }


if __name__ == "__main__":
    sys.exit(main())
