"""The card room's CLI forms: batch, reissue, revoke, found, recycle, face, ...

Each follows the house rules of the other forms: --json for scripts, exit 1
on a refusal, 2 on bad usage, 3 when the command cannot run at all.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from memberdesk.console.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CommandFailed
from memberdesk.console.commands import (
    _acting,
    _audit,
    _emit,
    _open,
    secrets_passphrase,
)
from memberdesk.services.cards import STATION_ZONE

log = logging.getLogger(__name__)

USER_HELP = "sign in as LOGIN; the password comes from MEMBERDESK_PASSWORD or a prompt"


def add_parsers(card_sub: argparse._SubParsersAction) -> None:
    """Add the card room's forms under `memberdesk card`."""

    def form(name: str, help: str, db: bool = True) -> argparse.ArgumentParser:
        c = card_sub.add_parser(name, help=help, description=help)
        if db:
            c.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL")
            c.add_argument("--user", help=USER_HELP)
        c.add_argument("--json", action="store_true", help="machine-readable")
        return c

    batch = form("batch", "encode cards for a batch of diamond members")
    who = batch.add_mutually_exclusive_group(required=True)
    who.add_argument("--members", type=Path, help="a file of member ids (text/CSV)")
    who.add_argument(
        "--tier", choices=["diamond"], help="every diamond member without a card"
    )
    who.add_argument("--batch", type=int, help="carry on with batch ID")
    batch.add_argument(
        "--reader",
        required=True,
        default=argparse.SUPPRESS,
        help="a reader path, or sim:FOLDER for a stack of virtual cards",
    )
    batch.add_argument("--name", default="", help="a name for the new batch")
    batch.add_argument(
        "--on-bad-originality",
        choices=["stop", "continue"],
        default="stop",
        help="when a chip's originality does not verify (an admin decides)",
    )
    batch.add_argument(
        "--overwrite",
        action="store_true",
        help="overwrite foreign cards and other members' cards",
    )

    for name, help in (
        ("reissue", "revoke a member's card and open the next issue of it"),
        ("revoke", "revoke a member's active card"),
        ("found", "a revoked card turned up again"),
    ):
        c = form(name, help)
        c.add_argument("--member", type=int, required=True)
        if name != "found":
            c.add_argument(
                "--reason",
                default="lost",
                choices=["lost", "damaged", "stolen", "left_programme", "other"],
            )

    history = form("history", "a member's cards, issues and journal steps")
    history.add_argument("--member", type=int, required=True)

    recycle = form("recycle", "wipe a handed-back card so the chip can be reused")
    recycle.add_argument("--reader", required=True, default=argparse.SUPPRESS)

    face = form("face", "render the printable face of a member's card")
    face.add_argument("--member", type=int, required=True, action="append")
    face.add_argument("--out", type=Path, required=True, help="FILE.png or FILE.pdf")
    face.add_argument("--sheet", action="store_true", help="on A4 sheets, 10 a page")
    face.add_argument("--force", action="store_true", help="replace existing files")

    convert = form("convert", "convert a virtual card file", db=False)
    convert.add_argument("--in", dest="source", type=Path, required=True)
    convert.add_argument("--out", type=Path, required=True, help=".json or .nfc")
    convert.add_argument("--flipper-version", type=int, choices=[2, 3, 4], default=4)
    convert.add_argument(
        "--force", action="store_true", help="replace an existing file"
    )

    form("readers", "list USB readers and say what keeps one from opening", db=False)


def commands() -> dict:
    from memberdesk.console import card_tools

    return {
        "card-batch": card_batch,
        "card-reissue": card_lifecycle,
        "card-revoke": card_lifecycle,
        "card-found": card_lifecycle,
        "card-history": card_history,
        "card-recycle": card_recycle,
        "card-face": card_tools.card_face,
        "card-convert": card_tools.card_convert,
        "card-readers": card_tools.card_readers,
    }


def _reader(path: str):  # noqa: ANN202
    from memberdesk.nfc.reader import ReaderError, open_reader

    try:
        return open_reader(path)
    except ReaderError as exc:
        raise CommandFailed(str(exc)) from exc


def _store(sessions, args):  # noqa: ANN001, ANN202
    from memberdesk.services.secrets import SecretStoreError, store_for

    try:
        return store_for(sessions, getattr(args, "secrets", None), secrets_passphrase)
    except SecretStoreError as exc:
        raise CommandFailed(str(exc), reason="no_keys") from exc


def _refused(exc: Exception) -> CommandFailed:
    reason = getattr(exc, "reason", "not_allowed")
    return CommandFailed(str(exc), EXIT_REFUSED, reason)


def card_batch(args: argparse.Namespace) -> int:
    from memberdesk.nfc.batch import ReaderTaps, StackTaps, run_batch
    from memberdesk.services.batch import BatchError, BatchQueue
    from memberdesk.services.cards import CardDesk
    from memberdesk.services.memberlist import MemberListError, parse_member_list

    _engine, sessions = _open(args)
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    queue = BatchQueue(sessions, audit)
    try:
        if args.batch:
            batch_id = args.batch
            queue.progress(batch_id)
        else:
            if args.members:
                try:
                    text = args.members.read_text(encoding="utf-8")
                except OSError as exc:
                    raise CommandFailed(
                        f"cannot read {args.members}: {exc.strerror}", EXIT_USAGE
                    ) from exc
                ids = parse_member_list(text)
            else:
                ids = queue.diamond_without_card()
            batch_id = queue.create(actor, ids, args.name, args.on_bad_originality)
    except (BatchError, MemberListError, PermissionError) as exc:
        raise _refused(exc) from exc

    desk = CardDesk(sessions, _store(sessions, args), audit=audit)
    path = args.reader
    folder = Path(path[4:]) if path.startswith("sim:") else None
    reader = None
    if folder is not None and folder.is_dir():
        taps = StackTaps.from_folder(folder)
        keys = _sim_keys()
    else:
        reader = _reader(path)
        taps, keys = ReaderTaps(reader), reader.originality_keys

    def show(event) -> None:  # noqa: ANN001
        p = event.progress
        if not args.json:
            print(
                f"[{p.done}/{p.total} done, {p.left} left, {p.failed} failed] "
                f"{event.kind}: {event.member_name} {event.message}".rstrip(),
                file=sys.stderr,
            )

    try:
        progress = run_batch(
            queue,
            desk,
            batch_id,
            actor,
            taps,
            confirm=lambda question, text: args.overwrite,
            originality_keys=keys,
            on_event=show,
        )
    except PermissionError as exc:
        raise _refused(exc) from exc
    finally:
        if reader is not None:
            reader.close()
    items = queue.items(batch_id)
    data = {
        "ok": progress.status == "done" and progress.failed == 0,
        "batch": batch_id,
        "status": progress.status,
        "note": progress.note,
        "done": progress.done,
        "left": progress.left,
        "failed": progress.failed,
        "skipped": progress.skipped,
        "review": progress.review,
        "mean_millis": progress.mean_millis,
        "members": [
            {
                "member": i.member_id,
                "name": i.member_name,
                "state": i.state,
                "reason": i.reason,
                "detail": i.detail,
                "uid": i.uid,
                "originality": i.originality,
                "millis": i.millis,
            }
            for i in items
        ],
    }
    lines = [
        f"batch {batch_id}: {progress.status}, {progress.done} done, "
        f"{progress.left} left, {progress.failed} failed"
        + (f" ({progress.note})" if progress.note else "")
    ]
    lines += [
        f"  {i.member_id:>7} {i.member_name}: {i.state}"
        + (f" - {i.reason}: {i.detail}" if i.reason else "")
        for i in items
        if i.state != "done" or i.review
    ]
    _emit(args, data, "\n".join(lines))
    return EXIT_OK if data["ok"] else EXIT_REFUSED


def _sim_keys() -> dict[str, bytes]:
    from memberdesk.nfc.sim.image import SIMULATOR_ORIGINALITY_PUBLIC_KEY
    from memberdesk.services.originality import SIMULATED

    return {SIMULATED: SIMULATOR_ORIGINALITY_PUBLIC_KEY}


def card_lifecycle(args: argparse.Namespace) -> int:
    from memberdesk.services.cardlife import CardLife, CardLifeRefused

    _engine, sessions = _open(args)
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    life = CardLife(sessions, audit)
    action = args.card_command
    try:
        if action == "reissue":
            card_id = life.reissue(args.member, actor, args.reason)
            outcome = "reissued"
        elif action == "revoke":
            card_id = life.revoke(args.member, actor, args.reason)
            outcome = "revoked"
        else:
            outcome, card_id = life.mark_found(args.member, actor), None
    except (CardLifeRefused, PermissionError) as exc:
        raise _refused(exc) from exc
    cards = life.history(args.member).cards
    newest = max(cards, key=lambda c: c.issue_number)
    text = {
        "reissued": f"card {newest.code} issue {newest.issue_number} is ready to "
        "encode (memberdesk card encode)",
        "revoked": "the card is revoked",
        "reinstated": "the card is active again; the waiting reissue was cancelled",
        "noted": "noted; a newer card is out, so recycle the found one",
    }[outcome]
    _emit(
        args,
        {
            "ok": True,
            "outcome": outcome,
            "member": args.member,
            "card_id": card_id,
            "card_number": newest.code,
            "issue_number": newest.issue_number,
        },
        text,
    )
    return EXIT_OK


def card_history(args: argparse.Namespace) -> int:
    from memberdesk.services.cardlife import CardLifeRefused, card_history

    _engine, sessions = _open(args)
    # Chip UIDs and the journal are the card room's business: sign in for them.
    _acting(args, sessions, _audit(args))
    with sessions() as s:
        try:
            history = card_history(s, args.member)
        except CardLifeRefused as exc:
            raise _refused(exc) from exc
    data = {
        "member": history.member_id,
        "name": history.member_name,
        "cards": [
            {
                "card_number": c.code,
                "issue_number": c.issue_number,
                "status": c.status,
                "uid": c.uid,
                "chip": c.chip,
                "originality": c.originality,
                "journal": [
                    {"at": j.at.isoformat(), "step": j.step, "detail": j.detail}
                    for j in c.journal
                ],
            }
            for c in history.cards
        ],
        "audit": [{"seq": a.seq, "action": a.action} for a in history.audit],
    }
    lines = [f"{history.member_name} (member {history.member_id})"]
    for c in history.cards:
        lines.append(
            f"  card {c.code} issue {c.issue_number}: {c.status} {c.uid or ''}"
        )
        lines += [
            f"    {j.at.astimezone(STATION_ZONE):%Y-%m-%d %H:%M} {j.step} {j.detail}"
            for j in c.journal
        ]
    _emit(args, data, "\n".join(lines))
    return EXIT_OK


def card_recycle(args: argparse.Namespace) -> int:
    from memberdesk.nfc.encoder import EncodeRefused
    from memberdesk.nfc.ntag import NtagLink
    from memberdesk.nfc.reader import tap_once
    from memberdesk.nfc.recycle import Recycler
    from memberdesk.services.cardlife import CardLife, CardLifeRefused
    from memberdesk.services.cards import CardDesk

    _engine, sessions = _open(args)
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    desk = CardDesk(sessions, _store(sessions, args), audit=audit)
    recycler = Recycler(CardLife(sessions, audit), actor, desk.passwords_to_try)
    reader = _reader(args.reader)
    try:
        result = tap_once(reader, lambda tag: recycler.recycle(NtagLink(tag)))
    except (EncodeRefused, CardLifeRefused, PermissionError) as exc:
        raise _refused(exc) from exc
    finally:
        reader.close()
    uid = result.uid.hex().upper()
    _emit(
        args,
        {
            "ok": True,
            "uid": uid,
            "chip": result.chip,
            "card_number": result.card_number,
        },
        f"{result.chip} {uid} is blank and unprotected, ready for a new card"
        if result.card_number
        else f"{result.chip} {uid} was already blank",
    )
    return EXIT_OK
