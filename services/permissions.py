"""Roles, the actions each may take, and the check every service makes.

The matrix is the one place that says who may do what. Services call
`require(actor, action)` before they change anything, so the CLI and any later
API path are held to the same rules as the GUI; the GUI asks `allowed(...)`
only to hide what a role cannot use.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


class Role(enum.StrEnum):
    ADMIN = "admin"
    OPERATOR = "operator"
    ISSUER = "issuer"
    DOOR = "door"

    @property
    def label(self) -> str:
        """The role as written in messages: "the card issuer role"."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.ADMIN: "admin",
    Role.OPERATOR: "operator",
    Role.ISSUER: "card issuer",
    Role.DOOR: "door",
}


class Action(enum.StrEnum):
    MANAGE_STAFF = "manage_staff"
    MANAGE_KEYS = "manage_keys"
    EXPORT_KEY_BUNDLE = "export_key_bundle"
    IMPORT_KEY_BUNDLE = "import_key_bundle"
    CONFIGURE_PROGRAMME = "configure_programme"
    MANAGE_EVENTS = "manage_events"
    ISSUE_CARDS = "issue_cards"
    CHECK_IN = "check_in"
    ANNUL_CHECKIN = "annul_checkin"
    OVERRIDE_REFUSAL = "override_refusal"
    VIEW_AUDIT = "view_audit"
    VERIFY_AUDIT = "verify_audit"
    VIEW_FULL_PHONE = "view_full_phone"
    SEED_DEMO = "seed_demo"
    CONFIGURE_SYNC = "configure_sync"

    @property
    def phrase(self) -> str:
        """The action as a verb phrase: "manage staff"."""
        return _ACTION_PHRASES.get(self, self.value.replace("_", " "))


_ACTION_PHRASES = {
    Action.EXPORT_KEY_BUNDLE: "export the key bundle",
    Action.IMPORT_KEY_BUNDLE: "import a key bundle",
    Action.CONFIGURE_PROGRAMME: "change tiers, benefits and experiments",
    Action.CHECK_IN: "check members in",
    Action.ANNUL_CHECKIN: "annul a check-in",
    Action.OVERRIDE_REFUSAL: "override a refusal at the door",
    Action.VIEW_AUDIT: "view the audit log",
    Action.VERIFY_AUDIT: "verify the audit log",
    Action.VIEW_FULL_PHONE: "see full phone numbers",
    Action.SEED_DEMO: "fill a database with the demo programme",
    Action.CONFIGURE_SYNC: "set the station's API address and token",
}

# Door staff only decide scans; a refusal they cannot override goes to an
# operator, who acts as the supervisor. Card issuers encode cards and see the
# member's masked phone only. Keys and staff belong to admins.
MATRIX: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.OPERATOR: frozenset(
        {
            Action.CONFIGURE_PROGRAMME,
            Action.MANAGE_EVENTS,
            Action.CHECK_IN,
            Action.ANNUL_CHECKIN,
            Action.OVERRIDE_REFUSAL,
            Action.VIEW_AUDIT,
            Action.VERIFY_AUDIT,
            Action.VIEW_FULL_PHONE,
        }
    ),
    Role.ISSUER: frozenset({Action.ISSUE_CARDS}),
    Role.DOOR: frozenset({Action.CHECK_IN}),
}


class PermissionDenied(PermissionError):
    """A role asked for an action outside its part of the matrix."""

    def __init__(self, role: Role, action: Action) -> None:
        super().__init__(f"the {role.label} role may not {action.phrase}")
        self.role = role
        self.action = action


@dataclass(frozen=True)
class Actor:
    """The staff member behind a call, as signed in at one station."""

    staff_id: int
    login: str
    display_name: str
    role: Role
    station: str


def allowed(role: Role | str, action: Action) -> bool:
    return action in MATRIX[Role(role)]


def require(actor: Actor | None, action: Action) -> Actor:
    """`actor`, if its role may take `action`; else PermissionDenied."""
    if actor is None:
        raise PermissionError(f"sign in first: nobody may {action.phrase} anonymously")
    if not allowed(actor.role, action):
        log.info("refused %s to %s (%s)", action.value, actor.login, actor.role.value)
        raise PermissionDenied(Role(actor.role), action)
    return actor
