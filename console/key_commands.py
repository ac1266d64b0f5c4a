"""`memberdesk keys ...`: set up, export, import, rotate and retire card keys.

Every form signs in with --user (an admin) and keeps its secrets in the
station's secret store (--secrets). Bundle passphrases come from
MEMBERDESK_BUNDLE_PASSPHRASE or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from memberdesk.console.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CommandFailed
from memberdesk.console.commands import _emit
from memberdesk.console.security_commands import _secret, _services, _sign_in

BUNDLE_ENV = "MEMBERDESK_BUNDLE_PASSPHRASE"


def add_parsers(sub: argparse._SubParsersAction, user_help: str) -> None:
    keys = sub.add_parser("keys", help="card keys: set up, export, import, rotate")
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    def action(name: str, help: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help, description=help)
        p.add_argument("--db", default=argparse.SUPPRESS)
        p.add_argument("--user", required=True, help=user_help)
        p.add_argument("--json", action="store_true")
        return p

    action("create", "make the first signing key and card key of this programme")
    out = action("export", "write the keys to a passphrase-encrypted bundle")
    out.add_argument("--out", type=Path, required=True)
    into = action("import", "take the keys in from a bundle")
    into.add_argument("--in", dest="bundle", type=Path, required=True)
    action("rotate", "make a new current signing key")
    retire = action("retire", "refuse cards signed by a key from a moment on")
    retire.add_argument("--key-id", type=int, required=True)
    retire.add_argument("--at", help="ISO time (default: now)")


def _store(args: argparse.Namespace, sessions):  # noqa: ANN001, ANN202
    from memberdesk.console.commands import secrets_passphrase
    from memberdesk.services.secrets import SecretStoreError, store_for

    try:
        return store_for(
            sessions, getattr(args, "secrets", None), secrets_passphrase, check=True
        )
    except SecretStoreError as exc:
        raise CommandFailed(str(exc), reason="no_secret_store") from exc


def run(args: argparse.Namespace) -> int:
    from memberdesk.services import keybundle, keys
    from memberdesk.services.audit import writing
    from memberdesk.services.secrets import SecretStoreError

    sessions, audit, service = _services(args)
    actor = _sign_in(args, service)
    store = _store(args, sessions)
    command = args.keys_command
    try:
        with writing(sessions) as s:
            if command == "create":
                made = keys.set_up_keys(s, store, actor, audit)
                data = {
                    "ok": True,
                    "signing_key_id": made.signing_key_id,
                    "card_key_id": made.card_key.key_id,
                }
                text = (
                    f"signing key {made.signing_key_id} and card key "
                    f"{made.card_key.key_id} created"
                )
            elif command == "export":
                passphrase = _secret(BUNDLE_ENV, "bundle passphrase: ", confirm=True)
                blob = keybundle.export_bundle(s, store, actor, audit, passphrase)
                args.out.write_bytes(blob)
                data = {"ok": True, "file": str(args.out)}
                text = f"key bundle written to {args.out}"
            elif command == "import":
                passphrase = _secret(BUNDLE_ENV, "bundle passphrase: ")
                summary = keybundle.import_bundle(
                    s, store, actor, audit, args.bundle.read_bytes(), passphrase
                )
                data = {"ok": True, **summary.__dict__}
                text = f"key bundle imported: {summary}"
            elif command == "rotate":
                key_id = keys.rotate_signing_key(s, store, actor, audit)
                data = {"ok": True, "signing_key_id": key_id}
                text = f"signing key {key_id} is now current"
            else:
                at = _when(args.at)
                keys.retire_key(s, args.key_id, at, actor, audit)
                data = {"ok": True, "key_id": args.key_id, "retired_at": at}
                text = f"signing key {args.key_id} retired from {at.isoformat()}"
    except PermissionError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "not_allowed") from exc
    except (keys.KeyChangeRefused, SecretStoreError) as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "refused") from exc
    except OSError as exc:
        raise CommandFailed(f"{exc.filename}: {exc.strerror}", reason="io") from exc
    _emit(args, data, text)
    return EXIT_OK


def _when(text: str | None) -> dt.datetime:
    if not text:
        return dt.datetime.now(dt.UTC)
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise CommandFailed(
            f"--at: not an ISO time: {text!r}", EXIT_USAGE, "bad_time"
        ) from exc
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
