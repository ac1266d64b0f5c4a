"""Logging: a rotating file in the user log folder, the terminal with -v."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("memberdesk", appauthor=False))


def configure(verbose: bool = False, folder: Path | None = None) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_memberdesk", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG)
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "memberdesk.log",
            maxBytes=2_000_000,
            backupCount=5,
            encoding="utf-8",
        )
        handler.setLevel(logging.DEBUG)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._memberdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # nfcpy logs every frame at debug level; keep the file readable.
    logging.getLogger("nfc").setLevel(logging.INFO)
    # httpcore's trace names every header it sends, the API token among them.
    logging.getLogger("httpcore").setLevel(logging.INFO)
    if verbose:
        term = logging.StreamHandler()
        term.setLevel(logging.DEBUG)
        term.setFormatter(logging.Formatter(FORMAT))
        term._memberdesk = True  # type: ignore[attr-defined]
        root.addHandler(term)
