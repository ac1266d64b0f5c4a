"""Sync with the membership API: push this station's check-ins, pull the rest.

Push first: each check-in not yet uploaded goes up in the station's own
order under an Idempotency-Key made of its id and its state, so a retry after
a lost answer stores nothing twice, and an annulment is a change of its own.
The server keeps every check-in; a second live first entry comes back
flagged, and is flagged here too (kept, not counted), with an audit entry.

Then pull, feed by feed (`feeds.ORDER`), page by page from the server's
cursor. Each page's rows and its cursor commit together, so an interrupted
download resumes at the page it stopped on. Check-ins of other stations come
down too: a desk that was offline learns who came in elsewhere, and the
events they touched are counted again.

`sync_loop.SyncLoop` runs this in a background thread with its own client
and sessions, and reports a `SyncState`: online, offline (after about three
seconds of failures, see `api`), or a problem a person must fix. Where the
API is and its token: `sync_setup`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services import feed_store, feeds, pulled_checkins
from memberdesk.services.api import (
    MALFORMED,
    PAGE_SIZE,
    ApiError,
    MembershipApi,
    Receipt,
)
from memberdesk.services.audit import AuditLog
from memberdesk.services.checkin_rows import begin_locked
from memberdesk.services.door_state import pending_uploads
from memberdesk.services.journal import CheckinJournal
from memberdesk.services.models import Card, CheckIn, Staff, SyncCursor, utcnow
from memberdesk.services.recovery import rebuild_counters

log = logging.getLogger(__name__)

# What the station shows.
NOT_CONFIGURED = "not_configured"
CONNECTING = "connecting"
ONLINE = "online"
OFFLINE = "offline"
NEEDS_ATTENTION = "needs_attention"  # a wrong token, a refused request

PUSH_CHUNK = 200
# Pulled items stored a transaction: the longest a scan waits for the sync.
STORE_CHUNK = 1000
# A feed's pages in one round at most; a longer download goes on next round.
MAX_PAGES_PER_ROUND = 2000
CURSOR_EXPIRED = 410


@dataclass(frozen=True)
class SyncState:
    status: str
    waiting: int = 0  # this station's check-ins not yet uploaded
    last_success: dt.datetime | None = None
    problem: str = ""  # an ApiError kind, when there is one
    detail: str = ""  # its words, for the log and the tooltip
    flagged: int = 0  # check-ins flagged as second first entries, ever

    @property
    def online(self) -> bool:
        return self.status == ONLINE


@dataclass
class PushReport:
    sent: int = 0
    flagged: list[str] = field(default_factory=list)


@dataclass
class PullReport:
    pages: int = 0
    items: dict[str, int] = field(default_factory=dict)
    events_recounted: set[int] = field(default_factory=set)


class Stopped(Exception):
    """The sync was asked to stop between two pages."""


class Sync:
    """One station's push and pull, on its own client and sessions."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        api: MembershipApi,
        station: str,
        *,
        journal: CheckinJournal | None = None,
        audit: AuditLog | None = None,
        page_size: int = PAGE_SIZE,
        clock: Callable[[], dt.datetime] = utcnow,
        every_station: bool = False,
    ) -> None:
        self._sessions = sessions
        self.api = api
        self.station = station
        # A station's own SQLite file pushes all it holds; desks sharing a
        # server each push their own check-ins.
        self._scope = None if every_station else station
        self._journal = journal
        self._audit = audit or AuditLog(station)
        self._page_size = page_size
        self._clock = clock
        self.last_success: dt.datetime | None = None
        #: Set by the loop when a desk recorded a scan: pushed between pages.
        self.push_requested = threading.Event()

    # -- push --

    def push(self, should_stop: Callable[[], bool] = lambda: False) -> PushReport:
        """Upload this station's check-ins that wait, oldest first."""
        self.push_requested.clear()
        report = PushReport()
        while not should_stop():
            batch = self._waiting()
            if not batch:
                break
            # What the server now holds need not stay in the journal: a
            # recorded check-in's line, or, once its annulment is up, both.
            recorded: set[str] = set()
            annulments: set[str] = set()
            try:
                for record, key, annulled in batch:
                    if should_stop():
                        raise Stopped
                    receipt = self.api.push_checkin(record, key)
                    flagged, uploaded = self._settle(record["id"], annulled, receipt)
                    if flagged:
                        report.flagged.append(record["id"])
                    if uploaded:
                        (annulments if annulled else recorded).add(record["id"])
                    report.sent += 1
            finally:
                if self._journal is not None:
                    self._journal.compact(recorded, annulments=False)
                    self._journal.compact(annulments)
        if report.sent:
            log.info(
                "pushed %d check-in(s), %d flagged", report.sent, len(report.flagged)
            )
        return report

    def _waiting(self) -> list[tuple[dict, str, bool]]:
        with self._sessions() as session:
            query = select(CheckIn).where(CheckIn.uploaded.is_(False))
            if self._scope is not None:
                query = query.where(CheckIn.station == self._scope)
            rows = session.scalars(
                query.order_by(CheckIn.seq, CheckIn.at).limit(PUSH_CHUNK)
            ).all()
            cards = _card_numbers(session, {r.card_id for r in rows if r.card_id})
            logins = _logins(session, {r.staff_id for r in rows if r.staff_id})
            return [
                (
                    feeds.checkin_item(
                        row, cards.get(row.card_id), logins.get(row.staff_id)
                    ),
                    idempotency_key(row),
                    row.annulled,
                )
                for row in rows
            ]

    def _settle(
        self, checkin_id: str, annulled: bool, receipt: Receipt
    ) -> tuple[bool, bool]:
        """Mark one check-in uploaded: (flagged by the server, marked uploaded).

        A check-in annulled while its upload was on the way stays waiting:
        the annulment goes next.
        """
        with self._sessions() as session:
            begin_locked(session)
            row = session.get(CheckIn, checkin_id)
            flagged_now = receipt.flagged and not row.flagged
            uploaded = row.annulled == annulled
            if uploaded:
                row.uploaded = True
            if flagged_now:
                self._flag(session, row, receipt.clash_with)
            session.commit()
        return flagged_now, uploaded

    def _flag(self, session: Session, row: CheckIn, clash_with: str | None) -> None:
        pulled_checkins.flag(row)
        session.flush()
        other = session.get(CheckIn, clash_with) if clash_with else None
        if (
            other is not None
            # The entry named must be the same member's entry at the same
            # event: a receipt cannot make any other row count.
            and other.event_id == row.event_id
            and other.member_id == row.member_id
            and other.admitted
            and other.direction == "in"
            and other.flagged
            and not other.annulled
            and pulled_checkins.live_first_entry(
                session, other.event_id, other.member_id
            )
            is None
        ):
            # Flagged here only because ours was in first: the server says
            # theirs was, so theirs counts.
            other.flagged = False
            other.first_entry = True
            session.flush()
        rebuild_counters(session, {row.event_id})
        log.warning(
            "check-in %s flagged by the server: member %s already came in (%s)",
            row.id,
            row.member_id,
            clash_with,
        )
        self._audit.append(
            session,
            None,  # the station itself
            "checkin_flagged",
            "checkin",
            row.id,
            None,
            {
                "event_id": row.event_id,
                "member_id": row.member_id,
                "clash_with": clash_with,
                "station": row.station,
            },
        )

    # -- pull --

    def pull(self, should_stop: Callable[[], bool] = lambda: False) -> PullReport:
        """Pull every feed from its cursor to its end.

        The next page is fetched while this one is stored: the server's
        work and the network overlap the station's writes. Only a stored
        page moves the cursor, so a fetched page that is never stored is
        simply fetched again next time. A cursor the server calls expired
        starts its feed afresh.
        """
        report = PullReport()
        with ThreadPoolExecutor(1, thread_name_prefix="sync-fetch") as fetcher:
            for feed in feeds.ORDER:
                try:
                    self._pull_feed(feed, fetcher, should_stop, report)
                except ApiError as error:
                    if error.status != CURSOR_EXPIRED:
                        raise
                    log.warning("%s: the server's cursor expired; afresh", feed)
                    self._forget_cursor(feed)
                    self._pull_feed(feed, fetcher, should_stop, report)
        total = sum(report.items.values())
        if total:
            log.info("pulled %d item(s) in %d page(s)", total, report.pages)
        return report

    def _pull_feed(
        self,
        feed: str,
        fetcher: ThreadPoolExecutor,
        should_stop: Callable[[], bool],
        report: PullReport,
    ) -> None:
        cursor = self._cursor(feed)
        seen = {cursor}
        ahead = fetcher.submit(self.api.pull, feed, cursor, self._page_size)
        for _ in range(MAX_PAGES_PER_ROUND):
            if should_stop():
                _settle_quietly(ahead)
                raise Stopped
            page = ahead.result()
            if page.has_more and page.next_cursor in seen:
                raise ApiError(MALFORMED, f"{feed}: the server's cursor went round")
            seen.add(page.next_cursor)
            if page.has_more:
                ahead = fetcher.submit(
                    self.api.pull, feed, page.next_cursor, self._page_size
                )
            try:
                touched = self._store(
                    feed, page.items, page.next_cursor, not page.has_more
                )
                if self.push_requested.is_set():
                    # A scan while a long download runs goes up at once.
                    self.push(should_stop)
            except BaseException:
                _settle_quietly(ahead)
                raise
            report.pages += 1
            report.items[feed] = report.items.get(feed, 0) + len(page.items)
            report.events_recounted |= touched
            if not page.has_more:
                return
        _settle_quietly(ahead)
        log.info(
            "%s: %d pages this round; the rest next round", feed, MAX_PAGES_PER_ROUND
        )

    def _forget_cursor(self, feed: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(SyncCursor, feed)
            if row is not None:
                session.delete(row)

    def _cursor(self, feed: str) -> str | None:
        with self._sessions() as session:
            row = session.get(SyncCursor, feed)
            return row.cursor if row else None

    def _store(self, feed: str, items: list[dict], cursor: str, done: bool) -> set[int]:
        """Store a page, STORE_CHUNK items a transaction, the cursor with the
        last: the write lock is let go between chunks, so a desk's scan on
        the same SQLite file waits for one chunk at most, never a page.

        A chunk the database refuses stops the page; what went in before it
        stays (every item is the server's, stored again next time), and the
        cursor stays, so the page is fetched and tried again whole.
        """
        touched: set[int] = set()
        last = max(0, len(items) - 1) // STORE_CHUNK * STORE_CHUNK
        for start in range(0, len(items) or 1, STORE_CHUNK):
            chunk = items[start : start + STORE_CHUNK]
            touched |= self._store_chunk(
                feed, chunk, cursor if start == last else None, done, len(items)
            )
        return touched

    def _store_chunk(
        self,
        feed: str,
        items: list[dict],
        cursor: str | None,
        done: bool,
        page_items: int,
    ) -> set[int]:
        touched: set[int] = set()
        with self._sessions() as session:
            begin_locked(session)
            try:
                touched = feed_store.apply_page(session, feed, items)
                if touched:
                    rebuild_counters(session, touched)
                if cursor is not None:
                    row = session.get(SyncCursor, feed) or SyncCursor(
                        feed=feed, items=0
                    )
                    row.cursor = cursor
                    row.complete = row.complete or done
                    row.items = (row.items or 0) + page_items
                    row.updated_at = self._clock()
                    session.add(row)
                session.commit()
            except (
                ValueError,
                KeyError,
                TypeError,
                OverflowError,
                IntegrityError,
                DataError,
            ) as exc:
                # An item the contract lets through but the database refuses
                # (a tier that does not exist, a number out of range).
                session.rollback()
                cause = getattr(exc, "orig", None) or exc
                words = str(cause).splitlines()[0][:200]
                raise ApiError(
                    "malformed", f"{feed}: an item cannot be stored ({words})"
                ) from exc
            except BaseException:
                session.rollback()
                raise
        return touched

    # -- both --

    def run_once(self, should_stop: Callable[[], bool] = lambda: False) -> SyncState:
        """Push, then pull; the state this leaves the station in."""
        try:
            self.push(should_stop)
            self.pull(should_stop)
        except ApiError as error:
            status = OFFLINE if error.retryable else NEEDS_ATTENTION
            log.warning("sync %s: %s", status, error)
            return self.state(status, error.kind, str(error))
        self.last_success = self._clock()
        return self.state(ONLINE)

    def probe(self, last: SyncState) -> tuple[SyncState, bool]:
        """A look between rounds: (the state, whether the server answered).

        Keeps the last round's status while the server answers; offline when
        it does not (after the client's retry budget).
        """
        try:
            self.api.health()
        except ApiError as error:
            if error.retryable:
                return self.state(OFFLINE, error.kind, str(error)), False
        return self.state(last.status, last.problem, last.detail), True

    def state(
        self,
        status: str,
        problem: str = "",
        detail: str = "",
    ) -> SyncState:
        with self._sessions() as session:
            waiting = pending_uploads(session, self._scope)
            query = select(func.count()).where(CheckIn.flagged.is_(True))
            if self._scope is not None:
                query = query.where(CheckIn.station == self._scope)
            flagged = session.scalar(query)
        return SyncState(
            status,
            waiting,
            self.last_success,
            problem,
            detail,
            flagged or 0,
        )


def _settle_quietly(future: Future) -> None:
    """Wait out a fetch whose page is no longer wanted; its error too."""
    try:
        future.result()
    except Exception:  # noqa: BLE001 - the page was abandoned anyway
        pass


def idempotency_key(row: CheckIn) -> str:
    """The same key for every retry of one change, a new one for the next."""
    return f"{row.id}/{'annulled' if row.annulled else 'recorded'}"


def _card_numbers(session: Session, ids: set[int]) -> dict[int, tuple[int, int]]:
    if not ids:
        return {}
    return {
        card_id: (number, issue)
        for card_id, number, issue in session.execute(
            select(Card.id, Card.card_number, Card.issue_number).where(Card.id.in_(ids))
        )
    }


def _logins(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(
        session.execute(select(Staff.id, Staff.login).where(Staff.id.in_(ids))).all()
    )
