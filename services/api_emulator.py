"""An emulator of the membership API, on loopback, for tests and training.

A real HTTP server (the standard library's, one thread a connection) that
follows `resources/api/openapi.json`: incremental feeds with the server's own
cursor, check-ins stored under an Idempotency-Key, a second live first entry
kept and flagged. Its data lives in memory; `load_database` fills it from a
memberdesk database, and calling it again records only what changed, as a
real server's change feed would.

Faults are injected per request: 5xx, 429 with Retry-After, slow answers,
connections dropped before or after the work is done, truncated and
garbled bodies. Every request is logged, so a test can count them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from memberdesk.services import feeds
from memberdesk.services.api_contract import FEEDS, ContractError, check
from memberdesk.services.emulator_store import (
    CursorExpired,
    EmulatorStore,
    cursor_for,
    error,
    position_of,
)

log = logging.getLogger(__name__)

MAX_LIMIT = 5000
DEFAULT_LIMIT = 500

# Fault kinds.
ERROR_500 = "500"
ERROR_503 = "503"
RATE_LIMIT = "429"
SLOW = "slow"  # answer after `delay` seconds
DROP = "drop"  # close the connection before doing anything
LOSE_RESPONSE = "lose_response"  # do the work, then drop the connection
TRUNCATE = "truncate"  # send half the body under the full Content-Length
GARBLE = "garble"  # a 200 whose body is not JSON
WRONG_SHAPE = "wrong_shape"  # a 200 whose JSON breaks the contract
FAULTS = (
    ERROR_500,
    ERROR_503,
    RATE_LIMIT,
    SLOW,
    DROP,
    LOSE_RESPONSE,
    TRUNCATE,
    GARBLE,
    WRONG_SHAPE,
)


@dataclass
class Fault:
    kind: str
    times: int = 1  # how many matching requests it hits; -1 for all
    after: int = 0  # matching requests let through before it starts
    path: str = ""  # only requests whose path starts with this
    method: str = ""  # only this method, if set
    delay: float = 0.0  # for SLOW
    retry_after: float = 1.0  # for RATE_LIMIT


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    idempotency_key: str | None
    status: int | None  # None: dropped without an answer


class Emulator:
    """The server: `start()` returns its base URL on 127.0.0.1."""

    def __init__(
        self, token: str = "training", store: EmulatorStore | None = None
    ) -> None:
        self.token = token
        self.store = store or EmulatorStore()
        self.requests: list[Request] = []
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        #: Called with each request before it is answered (tests wait on it).
        self.on_request: Callable[[str, str], None] | None = None

    # -- running --

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        handler = _handler_for(self)
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="api-emulator",
            daemon=True,
        )
        self._thread.start()
        log.info("API emulator listening on %s", self.url)
        return self.url

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Emulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- faults and the log --

    def inject(self, kind: str, **options: Any) -> Fault:
        if kind not in FAULTS:
            raise ValueError(f"no such fault: {kind}; one of {', '.join(FAULTS)}")
        fault = Fault(kind, **options)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def count(self, method: str = "", path: str = "") -> int:
        with self._lock:
            return sum(
                1
                for r in self.requests
                if (not method or r.method == method) and r.path.startswith(path)
            )

    def _fault_for(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.times == 0:
                    continue
                if fault.path and not path.startswith(fault.path):
                    continue
                if fault.method and fault.method != method:
                    continue
                if fault.after > 0:
                    fault.after -= 1
                    continue
                if fault.times > 0:
                    fault.times -= 1
                return fault
        return None

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    # -- answering --

    def answer(
        self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes
    ) -> tuple[int, dict[str, Any] | list | None, dict[str, str]]:
        if path == "/v1/health" and method == "GET":
            stamp = feeds.stamp(dt.datetime.now(dt.UTC))
            return 200, {"status": "ok", "time": stamp}, {}
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 401, error("unauthorized", "a bearer token is needed"), {}
        parts = path.strip("/").split("/")
        if (
            method == "GET"
            and len(parts) == 2
            and parts[0] == "v1"
            and parts[1] in FEEDS
        ):
            return self._page(parts[1], query)
        if method == "PUT" and len(parts) == 3 and parts[:2] == ["v1", "checkins"]:
            return self._push(parts[2], headers, body)
        return 404, error("not_found", f"no {method} {path}"), {}

    def _page(self, feed: str, query: dict[str, str]) -> tuple[int, Any, dict]:
        epoch = self.store.epoch
        try:
            limit = int(query.get("limit", DEFAULT_LIMIT))
            after = (
                position_of(feed, epoch, query["cursor"]) if "cursor" in query else 0
            )
        except CursorExpired:
            return (
                410,
                error("cursor_expired", "this cursor is from before; start afresh"),
                {},
            )
        except ValueError as exc:
            return 400, error("bad_request", str(exc)), {}
        if not 1 <= limit <= MAX_LIMIT:
            return 400, error("bad_request", f"limit is 1 to {MAX_LIMIT}"), {}
        items, last, more = self.store.page(feed, after, limit)
        return (
            200,
            {
                "items": items,
                "next_cursor": cursor_for(feed, epoch, last),
                "has_more": more,
            },
            {},
        )

    def _push(
        self, checkin_id: str, headers: Any, body: bytes
    ) -> tuple[int, Any, dict]:
        key = headers.get("Idempotency-Key")
        if not key:
            return 400, error("bad_request", "an Idempotency-Key header is needed"), {}
        try:
            record = json.loads(body)
            check(record, "CheckIn")
        except (ValueError, ContractError) as exc:
            return 400, error("bad_request", f"not a check-in: {exc}"), {}
        if record["id"] != checkin_id:
            return (
                400,
                error("bad_request", "the path and the body name two check-ins"),
                {},
            )
        for name in ("flagged", "clash_with"):
            record.pop(name, None)
        return (*self.store.push_checkin(key, record), {})


def _handler_for(emulator: Emulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "memberdesk-emulator"
        # Headers and body leave in one write, with no Nagle delay: a
        # keep-alive client otherwise waits for a delayed ACK each time.
        wbufsize = 1 << 16
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            log.debug("emulator: " + format, *args)

        def do_GET(self) -> None:  # noqa: N802
            self._serve("GET")

        def do_PUT(self) -> None:  # noqa: N802
            self._serve("PUT")

        def _serve(self, method: str) -> None:
            split = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(split.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            key = self.headers.get("Idempotency-Key")
            if emulator.on_request is not None:
                emulator.on_request(method, split.path)
            fault = emulator._fault_for(method, split.path)
            kind = fault.kind if fault else None
            if kind == DROP:
                emulator._record(Request(method, split.path, query, key, None))
                self.close_connection = True
                return
            if kind == SLOW:
                time.sleep(fault.delay)
            if kind in (ERROR_500, ERROR_503, RATE_LIMIT):
                status = int(kind)
                extra = (
                    {"Retry-After": f"{fault.retry_after:g}"}
                    if kind == RATE_LIMIT
                    else {}
                )
                emulator._record(Request(method, split.path, query, key, status))
                self._send(status, error("fault", f"injected {kind}"), extra)
                return
            status, answer, extra = emulator.answer(
                method, split.path, query, self.headers, body
            )
            if kind == LOSE_RESPONSE:
                emulator._record(Request(method, split.path, query, key, None))
                self.close_connection = True
                return
            emulator._record(Request(method, split.path, query, key, status))
            if kind == GARBLE:
                self._send_raw(200, b'{"items": [{"id": 1,')
            elif kind == WRONG_SHAPE:
                self._send(200, {"items": [{"unexpected": True}], "next_cursor": 7})
            elif kind == TRUNCATE:
                data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                self._send_raw(status, data, cut=max(1, len(data) // 2))
            else:
                self._send(status, answer, extra)

        def _send(
            self, status: int, answer: Any, extra: dict[str, str] | None = None
        ) -> None:
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            self._send_raw(status, data, extra=extra)

        def _send_raw(
            self,
            status: int,
            data: bytes,
            cut: int | None = None,
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status, HTTPStatus(status).phrase)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            if cut is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(data if cut is None else data[:cut])

    return Handler
