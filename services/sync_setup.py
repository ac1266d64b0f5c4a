"""Where a station's membership API is, its token, and the sync a desk runs.

The address is a setting in the database; the token lives in the secret
store, never in the database, the log or the audit. Only admins set them.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.api import MembershipApi, api_address, check_token
from memberdesk.services.audit import AuditLog
from memberdesk.services.door_state import pending_uploads
from memberdesk.services.journal import journal_beside
from memberdesk.services.models import Setting
from memberdesk.services.permissions import Action, Actor, require
from memberdesk.services.secrets import SecretStore, SecretStoreError
from memberdesk.services.sync import Sync

log = logging.getLogger(__name__)

API_URL_SETTING = "api_url"
API_TOKEN_SECRET = "api_token"


def api_url(sessions: sessionmaker[Session]) -> str | None:
    with sessions() as session:
        row = session.get(Setting, API_URL_SETTING)
        return row.value if row and row.value else None


def configure(
    sessions: sessionmaker[Session],
    store: SecretStore,
    actor: Actor,
    url: str,
    token: str,
    audit: AuditLog,
) -> None:
    """Point the station at the API: the address in the database, the token
    in the secret store (never in the database, the log or the audit)."""
    require(actor, Action.CONFIGURE_SYNC)
    url = api_address(url)
    token = check_token(token.strip())
    store.put(API_TOKEN_SECRET, token.encode("utf-8"))
    with sessions.begin() as session:
        row = session.get(Setting, API_URL_SETTING)
        before = row.value if row else None
        if row is None:
            session.add(Setting(key=API_URL_SETTING, value=url))
        else:
            row.value = url
        audit.append(
            session,
            actor,
            "sync_configured",
            "setting",
            API_URL_SETTING,
            {"url": before} if before else None,
            {"url": url},
        )
    log.info("station now syncs with %s", url)


def connect(
    sessions: sessionmaker[Session], store: SecretStore, **options: object
) -> MembershipApi | None:
    """A client for the configured API, or None when none is configured.

    Reads the token from the secret store: call it where waiting on the
    keyring is fine (the sync thread, a command), never at start-up.
    """
    url = api_url(sessions)
    if url is None:
        return None
    token = store.get(API_TOKEN_SECRET)
    if not token:
        raise SecretStoreError(
            "this station has an API address but no API token: run "
            "memberdesk sync configure again"
        )
    return MembershipApi(url, token.decode("utf-8"), **options)


def push_scope(sessions: sessionmaker[Session], station: str) -> str | None:
    """Whose check-ins a desk uploads: all of its own SQLite file's, or, on
    a server that several desks share, this station's."""
    bind = sessions.kw.get("bind")
    shared = bind is not None and bind.dialect.name != "sqlite"
    return station if shared else None


def waiting(sessions: sessionmaker[Session], station: str) -> int:
    """How many check-ins this desk still has to upload."""
    with sessions() as session:
        return pending_uploads(session, push_scope(sessions, station))


def for_station(
    sessions: sessionmaker[Session],
    api: MembershipApi,
    station: str,
    audit: AuditLog | None = None,
) -> Sync:
    """The sync a desk runs: its journal, and the push scope its database needs."""
    return Sync(
        sessions,
        api,
        station,
        journal=journal_beside(sessions, station),
        audit=audit,
        every_station=push_scope(sessions, station) is None,
    )
