"""Every role against every action: refused where the matrix says no, at the
service layer, and allowed where it says yes."""

from __future__ import annotations

import itertools

import pytest
from securitykit import T0, make_kit
from sqlalchemy import func, select

from memberdesk.services import keybundle, keys, sync_setup
from memberdesk.services.audit import recent, writing
from memberdesk.services.models import AuditEntry
from memberdesk.services.permissions import (
    MATRIX,
    Action,
    Actor,
    PermissionDenied,
    Role,
    allowed,
    require,
)
from memberdesk.services.secrets import CHEAP_KDF

PASSPHRASE = "bundle passphrase 1"


@pytest.fixture
def kit(sessions, store):
    kit = make_kit(sessions)
    with writing(sessions) as s:
        keys.create_keys(s, store)
    kit.store = store
    return kit


def _staff_id(kit, role: Role) -> int:
    return kit.actors[role].staff_id


def _bundle(kit) -> bytes:
    with writing(kit.sessions) as s:
        return keybundle.export_bundle(
            s, kit.store, kit.actors[Role.ADMIN], kit.audit, PASSPHRASE, CHEAP_KDF
        )


def _in_tx(kit, work):
    with writing(kit.sessions) as s:
        return work(s)


def _rotate(kit, actor):
    return _in_tx(
        kit, lambda s: keys.rotate_signing_key(s, kit.store, actor, kit.audit)
    )


def _nothing(kit):
    return None


# Each entry point: the action it needs, a set-up run as admin, and the call.
CALLS = {
    "create_staff": (
        Action.MANAGE_STAFF,
        _nothing,
        lambda kit, a, _: kit.service.create_staff(
            a, "newbie", "新人", "door", "pa55word!"
        ),
    ),
    "disable": (
        Action.MANAGE_STAFF,
        _nothing,
        lambda kit, a, _: kit.service.disable(a, _staff_id(kit, Role.DOOR)),
    ),
    "enable": (
        Action.MANAGE_STAFF,
        lambda kit: kit.service.disable(
            kit.actors[Role.ADMIN], _staff_id(kit, Role.ISSUER)
        ),
        lambda kit, a, _: kit.service.enable(a, _staff_id(kit, Role.ISSUER)),
    ),
    "reset_password": (
        Action.MANAGE_STAFF,
        _nothing,
        lambda kit, a, _: kit.service.reset_password(
            a, _staff_id(kit, Role.ISSUER), "another pass"
        ),
    ),
    "set_pin_of_another": (
        Action.MANAGE_STAFF,
        _nothing,
        lambda kit, a, _: kit.service.set_pin(
            a,
            _staff_id(kit, Role.OPERATOR if a.role != Role.OPERATOR else Role.DOOR),
            "2468",
        ),
    ),
    "list_staff": (
        Action.MANAGE_STAFF,
        _nothing,
        lambda kit, a, _: kit.service.list_staff(a),
    ),
    "rotate_signing_key": (
        Action.MANAGE_KEYS,
        _nothing,
        lambda kit, a, _: _rotate(kit, a),
    ),
    "retire_key": (
        Action.MANAGE_KEYS,
        lambda kit: _rotate(kit, kit.actors[Role.ADMIN]),
        lambda kit, a, _: _in_tx(
            kit, lambda s: keys.retire_key(s, 1, T0, a, kit.audit)
        ),
    ),
    "export_bundle": (
        Action.EXPORT_KEY_BUNDLE,
        _nothing,
        lambda kit, a, _: _in_tx(
            kit,
            lambda s: keybundle.export_bundle(
                s, kit.store, a, kit.audit, PASSPHRASE, CHEAP_KDF
            ),
        ),
    ),
    "import_bundle": (
        Action.IMPORT_KEY_BUNDLE,
        _bundle,
        lambda kit, a, data: _in_tx(
            kit,
            lambda s: keybundle.import_bundle(
                s, kit.store, a, kit.audit, data, PASSPHRASE
            ),
        ),
    ),
    "configure_sync": (
        Action.CONFIGURE_SYNC,
        _nothing,
        lambda kit, a, _: sync_setup.configure(
            kit.sessions, kit.store, a, "https://api.example.com", "t0ken", kit.audit
        ),
    ),
    "audit_recent": (
        Action.VIEW_AUDIT,
        _nothing,
        lambda kit, a, _: _in_tx(kit, lambda s: recent(s, a, 10)),
    ),
}


def _last_seq(kit) -> int | None:
    with kit.sessions() as s:
        return s.scalar(select(func.max(AuditEntry.seq)))


@pytest.mark.parametrize(
    ("call", "role"), list(itertools.product(CALLS, Role)), ids=lambda v: str(v)
)
def test_service_entry_points_follow_the_matrix(kit, call, role):
    action, setup, run = CALLS[call]
    actor = kit.actors[role]
    ctx = setup(kit)
    before = _last_seq(kit)
    if action in MATRIX[role]:
        run(kit, actor, ctx)
        if call not in ("list_staff", "audit_recent"):
            assert _last_seq(kit) > before, "an allowed change is audited"
        return
    with pytest.raises(PermissionDenied) as err:
        run(kit, actor, ctx)
    assert err.value.role == role and err.value.action == action
    assert role.label in str(err.value)
    # A refusal writes nothing, not even an audit entry.
    assert _last_seq(kit) == before


@pytest.mark.parametrize(
    ("role", "action"), list(itertools.product(Role, Action)), ids=lambda v: str(v)
)
def test_require_over_the_whole_matrix(role, action):
    actor = Actor(7, "someone", "某人", role, "desk-1")
    if allowed(role, action):
        assert require(actor, action) is actor
    else:
        with pytest.raises(PermissionDenied):
            require(actor, action)


def test_the_matrix_as_decided():
    assert MATRIX[Role.ADMIN] == frozenset(Action)
    assert MATRIX[Role.DOOR] == {Action.CHECK_IN}
    assert MATRIX[Role.ISSUER] == {Action.ISSUE_CARDS}
    for action in (
        Action.MANAGE_STAFF,
        Action.MANAGE_KEYS,
        Action.EXPORT_KEY_BUNDLE,
        Action.IMPORT_KEY_BUNDLE,
        Action.SEED_DEMO,
        Action.CONFIGURE_SYNC,
    ):
        assert [r for r in Role if allowed(r, action)] == [Role.ADMIN]
    assert allowed(Role.OPERATOR, Action.OVERRIDE_REFUSAL)
    assert not allowed(Role.DOOR, Action.VIEW_FULL_PHONE)


def test_messages_are_plain_words():
    issuer = Actor(3, "li", "李", Role.ISSUER, "desk-1")
    with pytest.raises(PermissionError, match="^the card issuer role may not manage"):
        require(issuer, Action.MANAGE_STAFF)
    with pytest.raises(PermissionError, match="sign in first"):
        require(None, Action.CHECK_IN)


def test_anyone_may_set_their_own_pin(kit):
    door = kit.actors[Role.DOOR]
    kit.service.set_pin(door, door.staff_id, "1357")
    assert kit.service.unlock_with_pin("door", "1357", "desk-1") == door
