"""Card room CLI forms that need no reader: faces, card file conversion, readers."""

from __future__ import annotations

import argparse
import logging

from memberdesk.console.card_commands import _acting, _audit, _refused, _store
from memberdesk.console.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CommandFailed
from memberdesk.console.commands import _emit, _open

log = logging.getLogger(__name__)


def _refuse_existing(args: argparse.Namespace) -> None:
    """Never replace a file (a card's memory, a print run) without --force."""
    if args.out.exists() and not args.force:
        raise CommandFailed(
            f"{args.out} exists already; pick another name or give --force",
            EXIT_REFUSED,
            "exists",
        )


def card_face(args: argparse.Namespace) -> int:
    from memberdesk.services.cardface import (
        FaceRefused,
        face_for_member,
        render_face,
        save_faces,
    )

    if args.out.suffix.lower() not in (".png", ".pdf"):
        raise CommandFailed("--out must end in .png or .pdf", EXIT_USAGE, "bad_out")
    _refuse_existing(args)
    _engine, sessions = _open(args)
    audit = _audit(args)
    actor = _acting(args, sessions, audit)
    store = _store(sessions, args)
    try:
        faces = [
            face_for_member(sessions, store, member, actor, audit)
            for member in args.member
        ]
    except (FaceRefused, PermissionError) as exc:
        raise _refused(exc) from exc
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        written = save_faces([render_face(f) for f in faces], args.out, args.sheet)
    except OSError as exc:
        raise CommandFailed(f"cannot write {args.out}: {exc.strerror}") from exc
    _emit(
        args,
        {"ok": True, "files": [str(p) for p in written], "cards": len(faces)},
        "\n".join(f"wrote {p}" for p in written),
    )
    return EXIT_OK


def card_convert(args: argparse.Namespace) -> int:
    from memberdesk.nfc.cardfiles import convert
    from memberdesk.nfc.sim.image import ImageFormatError

    if not args.source.is_file():
        raise CommandFailed(f"no card file at {args.source}", EXIT_USAGE, "no_file")
    _refuse_existing(args)
    try:
        image = convert(args.source, args.out, args.flipper_version)
    except ImageFormatError as exc:
        raise CommandFailed(str(exc), EXIT_REFUSED, "bad_card_file") from exc
    except OSError as exc:
        raise CommandFailed(f"cannot write {args.out}: {exc.strerror}") from exc
    _emit(
        args,
        {
            "ok": True,
            "chip": image.chip_name,
            "uid": image.uid.hex().upper(),
            "format": image.fmt,
            "file": str(args.out),
        },
        f"{image.chip_name or 'chip'} {image.uid.hex().upper()} written to {args.out}",
    )
    return EXIT_OK


def card_readers(args: argparse.Namespace) -> int:
    from memberdesk.nfc.diagnostics import describe, diagnose

    diagnosis = diagnose()
    data = {
        "usable": diagnosis.usable,
        "problems": [
            {"code": f.code, "problem": f.problem, "fix": f.fix}
            for f in diagnosis.general
        ],
        "readers": [
            {
                "path": r.path,
                "name": r.name,
                "ready": r.ready,
                "findings": [
                    {"code": f.code, "problem": f.problem, "fix": f.fix}
                    for f in r.findings
                ],
            }
            for r in diagnosis.readers
        ],
    }
    _emit(args, data, describe(diagnosis))
    return EXIT_OK if diagnosis.usable else EXIT_REFUSED
