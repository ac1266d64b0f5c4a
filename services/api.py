"""The membership API, as the console calls it: a small httpx client.

The contract is `resources/api/openapi.json` (see `api_contract`). Every
answer is checked against it before anything is written: a page whose items
lack a required field, or carry one of the wrong type, is refused as a
whole, so a malformed response never half-applies.

Failures are sorted into kinds (`ApiError.kind`). The ones a retry may cure
-- the server unreachable or too slow, a 5xx, a 429, a truncated or garbled
body -- are retried with exponential back-off and jitter, honouring
Retry-After, for about three seconds (`RETRY_BUDGET`). After that the call
gives up with `offline` set, and the station says it is offline. A wrong
token, or a request the server refuses, is not retried: it needs a person.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from memberdesk.services.api_contract import FEEDS, ContractError, check

log = logging.getLogger(__name__)

# About three seconds of failures, then the station is offline.
RETRY_BUDGET = 3.0
# First back-off, and the longest single wait between two attempts.
BACKOFF_BASE = 0.2
BACKOFF_CAP = 1.5
# A silent server costs two attempts of 1.5 s: offline after about 3 s.
TIMEOUT = httpx.Timeout(1.5, connect=1.0)
# However it trickles in, one answer never takes longer than this.
REQUEST_DEADLINE = 20.0
# Items a page: about a megabyte of members; the benchmark measures this size.
PAGE_SIZE = 5000

# What an ApiError is about; the first four are worth a retry.
UNREACHABLE = "unreachable"  # refused, dropped, timed out, truncated
SERVER = "server"  # 5xx
RATE_LIMITED = "rate_limited"  # 429
MALFORMED = "malformed"  # not JSON, or not the contract's shape
UNAUTHORIZED = "unauthorized"  # 401, 403: the token
REFUSED = "refused"  # any other 4xx: the request itself
RETRYABLE = frozenset({UNREACHABLE, SERVER, RATE_LIMITED, MALFORMED})


class ApiError(Exception):
    """A call that did not succeed, with its kind and, when known, status."""

    def __init__(
        self,
        kind: str,
        message: str,
        status: int | None = None,
        retry_after: float | None = None,
        offline: bool = False,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        # Set once the retry budget is spent: the station is offline.
        self.offline = offline

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True)
class Receipt:
    """The server's answer to a pushed check-in."""

    checkin_id: str
    flagged: bool
    first_entry: bool
    clash_with: str | None
    replayed: bool


@dataclass(frozen=True)
class Backoff:
    """Exponential back-off with jitter: half fixed, half random."""

    base: float = BACKOFF_BASE
    cap: float = BACKOFF_CAP

    def delay(self, attempt: int, rng: Callable[[], float]) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        return ceiling / 2 + rng() * ceiling / 2


class MembershipApi:
    """One station's client. The sync worker owns its own instance (and so
    its own connection pool); its page fetcher uses it too, which httpx's
    client allows.

    `clock` and `sleep` are injected, so tests spend the retry budget
    without waiting; `transport` lets a test hand httpx a mock transport.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = TIMEOUT,
        budget: float = RETRY_BUDGET,
        backoff: Backoff | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.base_url = api_address(base_url)
        check_token(token)
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/json",
                "User-Agent": "memberdesk",
            },
            timeout=timeout,
            transport=transport,
        )
        self._budget = budget
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng
        # Real time, whatever clock the retry budget runs on.
        self._deadline_clock = time.monotonic

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> MembershipApi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/v1/health", schema="Health")

    def pull(self, feed: str, cursor: str | None, limit: int = PAGE_SIZE) -> Page:
        """One page of `feed` after `cursor` (everything, from None)."""
        if feed not in FEEDS:
            raise ValueError(f"no such feed: {feed}")
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        body = self._call("GET", f"/v1/{feed}", params=params, schema=None)
        page = _page(body, FEEDS[feed])
        if page.has_more and page.next_cursor == cursor:
            raise ApiError(MALFORMED, f"{feed}: the server's cursor did not move")
        return page

    def push_checkin(self, record: Mapping[str, Any], key: str) -> Receipt:
        """Store one check-in on the server, under an Idempotency-Key."""
        body = self._call(
            "PUT",
            f"/v1/checkins/{record['id']}",
            json=dict(record),
            headers={"Idempotency-Key": key},
            schema="CheckInReceipt",
        )
        if body["id"] != record["id"]:
            raise ApiError(MALFORMED, "the receipt names another check-in")
        return Receipt(
            body["id"],
            body["flagged"],
            body["first_entry"],
            body.get("clash_with"),
            body["replayed"],
        )

    def _call(
        self, method: str, path: str, *, schema: str | None, **request: Any
    ) -> Any:
        started = self._clock()
        attempt = 0
        while True:
            attempt += 1
            try:
                body = self._once(method, path, **request)
                if schema is not None:
                    _fits(body, schema)
                return body
            except ApiError as error:
                if not error.retryable:
                    raise
                wait = self._backoff.delay(attempt, self._rng)
                if error.retry_after is not None:
                    wait = max(wait, error.retry_after)
                spent = self._clock() - started
                if spent + wait > self._budget:
                    log.info(
                        "%s %s: giving up after %d attempt(s), %.1f s: %s",
                        method,
                        path,
                        attempt,
                        spent,
                        error,
                    )
                    error.offline = True
                    raise
                log.debug(
                    "%s %s failed (%s); again in %.2f s", method, path, error, wait
                )
                self._sleep(wait)

    def _once(self, method: str, path: str, **request: Any) -> Any:
        try:
            with self._client.stream(method, path, **request) as response:
                status = response.status_code
                body = self._read(response) if 200 <= status < 300 else None
                if body is None:
                    response.read()
        except httpx.TimeoutException as exc:
            raise ApiError(
                UNREACHABLE, f"no answer in time ({type(exc).__name__})"
            ) from exc
        except httpx.TransportError as exc:
            # Refused, reset, dropped, or a body cut short of its length.
            words = f"connection failed ({type(exc).__name__})"
            if "SSL" in str(exc) or "TLS" in str(exc):
                words = (
                    "the secure connection failed: the server may not speak "
                    "https at this address"
                )
            raise ApiError(UNREACHABLE, words) from exc
        if status == 429:
            raise ApiError(
                RATE_LIMITED,
                "the server asks to slow down",
                status,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
        if status >= 500:
            raise ApiError(SERVER, f"the server failed ({status})", status)
        if status in (401, 403):
            raise ApiError(
                UNAUTHORIZED,
                "the server does not accept this station's API token",
                status,
            )
        if not 200 <= status < 300:
            # Redirects are not followed: the token goes to one address only.
            raise ApiError(REFUSED, _error_words(response), status)
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise ApiError(MALFORMED, "the answer is not JSON", status) from exc

    def _read(self, response: httpx.Response) -> bytes:
        """The body, within REQUEST_DEADLINE however slowly it trickles."""
        started = self._deadline_clock()
        chunks = []
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            if self._deadline_clock() - started > REQUEST_DEADLINE:
                raise ApiError(
                    UNREACHABLE,
                    f"the answer took longer than {REQUEST_DEADLINE:g} s",
                )
        return b"".join(chunks)


class BadSetting(ValueError):
    """An API address or token that cannot be used, said in words."""


# What a bearer token may hold: visible ASCII, no spaces (RFC 6750).
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


def api_address(text: str) -> str:
    """The API's base address, checked: https, or http on this computer only.

    A trailing /v1 (the API's own path) is taken off, as is a final slash.
    """
    url = text.strip()
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise BadSetting(f"not a web address: {text!r}") from exc
    host = parts.host or ""
    if parts.scheme == "http" and not _loopback(host):
        raise BadSetting(
            f"{text!r}: the API address must use https:// (plain http:// only "
            "for an emulator on this computer, such as http://127.0.0.1:8765)"
        )
    if parts.scheme not in ("http", "https") or not host:
        raise BadSetting(
            f"{text!r}: the API address must start with https://, "
            "e.g. https://api.example.com"
        )
    if parts.query or parts.fragment:
        raise BadSetting(f"{text!r}: the API address takes no ? or # part")
    url = url.rstrip("/")
    if url.endswith("/v1"):
        url = url[: -len("/v1")]
    return url


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_token(token: str) -> str:
    """The token as sent; one with spaces or control characters is refused
    before it reaches a header (or a log line about a bad header)."""
    if not token:
        raise BadSetting("the API token is empty")
    if not _TOKEN.fullmatch(token):
        raise BadSetting(
            "the API token has characters a token cannot hold (spaces, line "
            "breaks or other symbols): paste it again as one line"
        )
    return token


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds; an HTTP date or nonsense counts as one second."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return 1.0


def _error_words(response: httpx.Response) -> str:
    if 300 <= response.status_code < 400:
        return (
            f"the server answered with a redirect ({response.status_code}); "
            "redirects are not followed: check the API address"
        )
    try:
        body = response.json()
        return f"{body['error']}: {body['message']}"
    except (ValueError, KeyError, TypeError):
        return f"refused ({response.status_code})"


def _page(body: Any, item_schema: str) -> Page:
    if not isinstance(body, dict):
        raise ApiError(MALFORMED, "a page is not an object")
    items, cursor, more = (
        body.get("items"),
        body.get("next_cursor"),
        body.get("has_more"),
    )
    if (
        not isinstance(items, list)
        or not isinstance(cursor, str)
        or not isinstance(more, bool)
    ):
        raise ApiError(MALFORMED, "a page lacks items, next_cursor or has_more")
    for index, item in enumerate(items):
        _fits(item, item_schema, f"{item_schema}[{index}]")
    return Page(items, cursor, more)


def _fits(value: Any, schema: str, where: str = "") -> None:
    try:
        check(value, schema, where)
    except ContractError as exc:
        raise ApiError(MALFORMED, str(exc)) from None
