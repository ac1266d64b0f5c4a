"""Where the newest audit hash is kept off the database.

Deleting the newest audit entries leaves a chain that still links up, so the
station also writes the newest (seq, hash) somewhere the database cannot
reach: a small JSON file in its data folder. The anchor only moves forward; a
deliberately new database (a fresh demo) must `clear()` it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import make_url

from memberdesk.services.db import data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnchorPoint:
    seq: int
    hash: str


class AnchorError(Exception):
    """An anchor file that cannot be read, said in words."""


class AuditAnchor(Protocol):
    def read(self) -> AnchorPoint | None: ...

    def advance(self, point: AnchorPoint) -> None: ...

    def clear(self) -> None: ...


class MemoryAnchor:
    """An anchor in memory: for tests, and for in-memory databases."""

    def __init__(self) -> None:
        self._point: AnchorPoint | None = None
        self._lock = threading.Lock()

    def read(self) -> AnchorPoint | None:
        return self._point

    def advance(self, point: AnchorPoint) -> None:
        with self._lock:
            if self._point is None or point.seq > self._point.seq:
                self._point = point

    def clear(self) -> None:
        self._point = None


class FileAnchor:
    """The anchor as a JSON file, replaced atomically on every advance."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def read(self) -> AnchorPoint | None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AnchorError(
                f"cannot read the audit anchor {self.path}: {exc}"
            ) from exc
        try:
            data = json.loads(raw)
            return AnchorPoint(int(data["seq"]), str(data["hash"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise AnchorError(f"the audit anchor {self.path} is damaged") from exc

    def advance(self, point: AnchorPoint) -> None:
        with self._lock:
            try:
                current = self.read()
            except AnchorError:
                current = None  # a damaged anchor is replaced by a good one
            if current is not None and current.seq >= point.seq:
                return
            self._write({"version": 1, "seq": point.seq, "hash": point.hash})

    def clear(self) -> None:
        with self._lock:
            self.path.unlink(missing_ok=True)

    def _write(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".anchor-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def anchor_path(url: str) -> Path | None:
    """Beside an SQLite file; in the data folder for a server; None in memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return None
        return Path(parsed.database).with_name(
            Path(parsed.database).name + ".audit-anchor.json"
        )
    # The password is left out so that changing it keeps the same anchor.
    shown = parsed._replace(password=None).render_as_string(hide_password=False)
    digest = hashlib.sha1(shown.encode(), usedforsecurity=False).hexdigest()
    return data_dir() / "anchors" / f"{digest}.json"


def anchor_for(url: str) -> AuditAnchor:
    path = anchor_path(url)
    return MemoryAnchor() if path is None else FileAnchor(path)
