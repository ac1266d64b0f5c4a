"""The station's check-in journal: every scan, also in a plain file.

Each check-in not yet uploaded is appended as one JSON line, flushed and
fsynced before its transaction commits and before the door shows the verdict.
A damaged database can then be rebuilt from what the journal holds (see
`recovery`). Lines are facts in order:

    {"op": "checkin", "id": ..., ...}   a scan and its verdict
    {"op": "annul", "id": ..., ...}     a check-in annulled
    {"op": "void", "id": ...}           the transaction of that line rolled back
    {"op": "annul_void", "id": ...}     ... and of that annulment

A line cut short by a crash mid-write is skipped on reading, and said.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from memberdesk.services.db import data_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

log = logging.getLogger(__name__)

JOURNAL_VERSION = 1
_STATION_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class JournalError(Exception):
    """The journal cannot be written; the scan must not be confirmed."""


def journal_path(url: str, station: str) -> Path | None:
    """Beside an SQLite file; in the data folder for a server; None in memory.

    One file per station: desks sharing a server each keep their own.
    """
    parsed = make_url(url)
    name = _STATION_SAFE.sub("_", station)[:40] or "station"
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return None
        db = Path(parsed.database)
        return db.with_name(f"{db.name}.{name}.checkins.jsonl")
    # The password is left out so that changing it keeps the same journal.
    shown = parsed._replace(password=None).render_as_string(hide_password=False)
    digest = hashlib.sha1(shown.encode(), usedforsecurity=False).hexdigest()[:16]
    return data_dir() / "journals" / f"{digest}.{name}.checkins.jsonl"


@dataclass
class JournalRead:
    """What a journal file holds, folded: the last word on each check-in."""

    checkins: dict[str, dict[str, Any]] = field(default_factory=dict)
    annulments: dict[str, dict[str, Any]] = field(default_factory=dict)
    voided: set[str] = field(default_factory=set)
    damaged_lines: list[int] = field(default_factory=list)
    lines: int = 0


class CheckinJournal:
    """Appends to one journal file; shared by every Door of the process."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._file = None
        self._lock_fd: int | None = None

    def append(self, record: Mapping[str, Any]) -> None:
        """Write one line and make it durable, or raise JournalError."""
        line = json.dumps(
            {"v": JOURNAL_VERSION, **record},
            ensure_ascii=False,
            separators=(",", ":"),
            default=_plain,
        )
        with self._lock:
            try:
                with self._across_processes():
                    f = self._open()
                    f.write(line.encode("utf-8") + b"\n")
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                self._close()
                raise JournalError(
                    f"cannot write the check-in journal {self.path}: "
                    f"{exc.strerror or exc}"
                ) from exc

    def void(self, checkin_id: str) -> None:
        """Say that the line for `checkin_id` did not commit. Best effort."""
        try:
            self.append({"op": "void", "id": checkin_id})
        except JournalError as exc:
            log.warning("journal void not written: %s", exc)

    @contextmanager
    def _across_processes(self) -> Iterator[None]:
        """Hold the journal's lock file: a sync run as a command may compact
        the file while the console appends to it."""
        if fcntl is None:  # pragma: no cover - Windows: one process a station
            yield
            return
        if self._lock_fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(
                self.path.with_name(self.path.name + ".lock"),
                os.O_RDWR | os.O_CREAT,
                0o600,
            )
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _open(self):  # noqa: ANN202
        if self._file is not None:
            # Another process may have compacted the file into a new one:
            # appending to the old, unlinked one would lose the line.
            try:
                current = os.stat(self.path).st_ino
            except FileNotFoundError:
                current = None
            if current != os.fstat(self._file.fileno()).st_ino:
                self._close()
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Owner-only: the journal names members and their check-ins.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._file = os.fdopen(fd, "ab")
        return self._file

    def _close(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._file = None

    def close(self) -> None:
        with self._lock:
            self._close()
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None

    def read(self) -> JournalRead:
        return read_journal(self.path)

    def compact(self, drop: set[str], annulments: bool = True) -> int:
        """Rewrite the file without the lines of the check-ins in `drop`.

        With `annulments` false, their annulment lines stay: an annulment
        made after the check-in went up has not gone up yet itself.

        For after an upload: what the server holds need not be journalled.
        Named ids only, never "all but the pending": a line may belong to a
        transaction that has not committed yet. Returns the lines dropped.
        """
        if not drop:
            return 0
        with self._lock, self._across_processes():
            self._close()
            if not self.path.exists():
                return 0
            kept, dropped = [], 0
            for raw in self.path.read_bytes().splitlines():
                try:
                    record = json.loads(raw)
                except ValueError:
                    kept.append(raw)  # never throw away what cannot be read
                    continue
                if record.get("id") in drop and (
                    annulments or not str(record.get("op", "")).startswith("annul")
                ):
                    dropped += 1
                else:
                    kept.append(raw)
            tmp = self.path.with_name(self.path.name + ".tmp")
            with open(tmp, "wb") as f:
                f.write(b"".join(line + b"\n" for line in kept))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            return dropped


_open_journals: dict[Path, CheckinJournal] = {}
_registry_lock = threading.Lock()


def journal_at(path: Path) -> CheckinJournal:
    """The one CheckinJournal of this process for `path`."""
    key = Path(path).resolve()
    with _registry_lock:
        journal = _open_journals.get(key)
        if journal is None:
            journal = _open_journals[key] = CheckinJournal(key)
        return journal


def journal_for(url: str, station: str) -> CheckinJournal | None:
    path = journal_path(url, station)
    return None if path is None else journal_at(path)


def journal_beside(sessions: sessionmaker, station: str) -> CheckinJournal | None:
    """The journal for the database a session factory is bound to."""
    bind = sessions.kw.get("bind")
    if bind is None:
        return None
    return journal_for(bind.url.render_as_string(hide_password=False), station)


def read_journal(path: Path) -> JournalRead:
    """Fold a journal file; a missing file reads as empty."""
    result = JournalRead()
    try:
        raw_lines = Path(path).read_bytes().splitlines()
    except FileNotFoundError:
        return result
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        result.lines += 1
        try:
            record = json.loads(raw)
            op, checkin_id = record["op"], record["id"]
        except (ValueError, KeyError, TypeError):
            result.damaged_lines.append(number)
            continue
        if op == "checkin":
            result.checkins[checkin_id] = record
            result.voided.discard(checkin_id)
        elif op == "annul":
            result.annulments[checkin_id] = record
        elif op == "void":
            result.voided.add(checkin_id)
        elif op == "annul_void":
            result.annulments.pop(checkin_id, None)
        else:
            result.damaged_lines.append(number)
    if result.damaged_lines:
        log.warning(
            "journal %s: %d unreadable line(s), first at %d",
            Path(path).name,
            len(result.damaged_lines),
            result.damaged_lines[0],
        )
    return result


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    raise TypeError(f"cannot journal a {type(value).__name__}")
