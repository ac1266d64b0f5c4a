"""The emulator's data: feeds with one change counter, check-ins by key.

Positions start again at zero each time a store is made, so each store has
an epoch of its own; a cursor names its feed, epoch and position, and one
from another epoch is refused as expired rather than misread.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import feeds
from memberdesk.services.api_contract import FEEDS


@dataclass
class _Feed:
    items: dict[tuple, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    seqs: list[int] = field(default_factory=list)  # ascending; some stale
    by_seq: dict[int, tuple] = field(default_factory=dict)


class EmulatorStore:
    """The server's data: one change counter across every feed.

    Its positions start again at zero each time a store is made, so each
    store has an epoch of its own, and a cursor from another epoch (an
    emulator started again) is refused as expired rather than misread.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.epoch = secrets.token_hex(4)
        self._seq = 0
        self._feeds = {name: _Feed() for name in FEEDS}
        # Idempotency-Key -> (digest of the body, receipt)
        self._receipts: dict[str, tuple[str, dict[str, Any]]] = {}
        # (event, member) -> the live first entry's id
        self._firsts: dict[tuple[int, int], str] = {}

    def put(self, feed: str, item: dict[str, Any]) -> bool:
        """Store an item; a change gets the next cursor position."""
        key = feeds.key_of(feed, item)
        with self._lock:
            store = self._feeds[feed]
            old = store.items.get(key)
            if old is not None and old[1] == item:
                return False
            self._seq += 1
            if old is not None:
                store.by_seq.pop(old[0], None)
            store.items[key] = (self._seq, item)
            store.seqs.append(self._seq)
            store.by_seq[self._seq] = key
            return True

    def delete(self, feed: str, key: tuple) -> bool:
        """Record an item as gone: its last state, marked deleted."""
        with self._lock:
            old = self._feeds[feed].items.get(key)
            if old is None or old[1].get("deleted"):
                return False
            return self.put(feed, {**old[1], "deleted": True})

    def get(self, feed: str, key: tuple) -> dict[str, Any] | None:
        with self._lock:
            found = self._feeds[feed].items.get(key)
            return None if found is None or found[1].get("deleted") else dict(found[1])

    def live(self, feed: str) -> list[dict[str, Any]]:
        with self._lock:
            return [
                dict(item)
                for _, item in self._feeds[feed].items.values()
                if not item.get("deleted")
            ]

    def page(self, feed: str, after: int, limit: int) -> tuple[list[dict], int, bool]:
        """Items changed after position `after`, oldest change first."""
        with self._lock:
            store = self._feeds[feed]
            start = bisect.bisect_right(store.seqs, after)
            out: list[dict[str, Any]] = []
            last = after
            index = start
            while index < len(store.seqs) and len(out) < limit:
                seq = store.seqs[index]
                key = store.by_seq.get(seq)
                if key is not None:
                    out.append(store.items[key][1])
                last = seq
                index += 1
            # Stale positions may remain: then the next page is empty.
            more = index < len(store.seqs)
            return out, last, more

    def push_checkin(self, key: str, body: dict[str, Any]) -> tuple[int, dict]:
        """Store a pushed check-in; (HTTP status, answer)."""
        digest = hashlib.sha256(
            json.dumps(body, sort_keys=True).encode("utf-8")
        ).hexdigest()
        with self._lock:
            seen = self._receipts.get(key)
            if seen is not None:
                if seen[0] != digest:
                    return 409, error(
                        "idempotency_key_reused",
                        "this Idempotency-Key was used for another body",
                    )
                return 200, {**seen[1], "replayed": True}
            known = self.get("checkins", (body["id"],))
            stored = dict(body)
            if known is not None:
                # A later state of a check-in the server holds: the server's
                # own decisions (flagged, first entry) stand.
                stored["flagged"] = known["flagged"]
                stored["clash_with"] = known["clash_with"]
                stored["first_entry"] = known["first_entry"]
            else:
                stored["flagged"] = False
                stored["clash_with"] = None
                pair = (body["event_id"], body["member_id"])
                if body["first_entry"] and not body["annulled"]:
                    holder = self._firsts.get(pair)
                    if holder is not None and holder != body["id"]:
                        stored["first_entry"] = False
                        stored["flagged"] = True
                        stored["clash_with"] = holder
            pair = (stored["event_id"], stored["member_id"])
            if stored["first_entry"] and not stored["annulled"]:
                self._firsts[pair] = stored["id"]
            elif self._firsts.get(pair) == stored["id"]:
                del self._firsts[pair]
            self.put("checkins", stored)
            receipt = {
                "id": stored["id"],
                "flagged": stored["flagged"],
                "first_entry": stored["first_entry"],
                "clash_with": stored["clash_with"],
                "replayed": False,
            }
            self._receipts[key] = (digest, receipt)
            return 200, receipt

    def load_database(self, sessions: sessionmaker[Session]) -> int:
        """Take a memberdesk database's rows; returns how many changed.

        Items that the database no longer has are recorded as deleted
        (check-ins are facts and are never deleted).
        """
        changed = 0
        with sessions() as session:
            for feed in feeds.ORDER:
                seen: set[tuple] = set()
                for item in feeds.rows(session, feed):
                    if feed == "checkins":
                        if self.get("checkins", (item["id"],)) is not None:
                            continue
                        status, _ = self.push_checkin(f"load-{item['id']}", item)
                        changed += status == 200
                        continue
                    seen.add(feeds.key_of(feed, item))
                    changed += self.put(feed, item)
                if feed != "checkins":
                    for item in self.live(feed):
                        key = feeds.key_of(feed, item)
                        if key not in seen:
                            changed += self.delete(feed, key)
        return changed


def error(code: str, message: str) -> dict[str, str]:
    return {"error": code, "message": message}


class CursorExpired(Exception):
    """A cursor from an earlier run of the server: download afresh."""


def cursor_for(feed: str, epoch: str, position: int) -> str:
    raw = f"{feed}:{epoch}:{position}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def position_of(feed: str, epoch: str, cursor: str) -> int:
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        name, made_in, number = base64.urlsafe_b64decode(padded).decode().split(":")
        position = int(number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError("unreadable cursor") from exc
    if name != feed or position < 0:
        raise ValueError("a cursor of another feed")
    if made_in != epoch:
        raise CursorExpired
    return position
