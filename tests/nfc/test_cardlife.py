"""Reissue, revoke and mark found; the card history; the door's view of it."""

from __future__ import annotations

import pytest
from cardkit import SIM_KEYS, add_member, blank, encode, setup_desk, tap

from memberdesk.nfc.cardmessage import decoder
from memberdesk.nfc.cardread import read_message
from memberdesk.services import keys
from memberdesk.services.audit import verify
from memberdesk.services.cardlife import CardLife, CardLifeRefused, card_history
from memberdesk.services.checkin_rules import check_card
from memberdesk.services.models import utcnow
from memberdesk.services.reasons import Reason


@pytest.fixture
def desk(sessions, store):
    return setup_desk(sessions, store)


def door_reason(sessions, path) -> str:
    read, _ = tap(path, read_message)
    with sessions() as s:
        try:
            check_card(
                s,
                keys.public_keys(s),
                decoder(),
                read.uid,
                read.message,
                utcnow(),
            )
        except Exception as exc:  # noqa: BLE001 - the door's refusal
            return exc.reason.value
    return "valid"


def test_reissue_revokes_the_old_card_everywhere(desk, sessions, tmp_path):
    life = CardLife(sessions)
    actor = desk.test_actor
    member = add_member(sessions)
    first = blank(tmp_path, name="first.json")
    encode(desk, member, first)
    assert door_reason(sessions, first) == "valid"

    new_id = life.reissue(member, actor, "lost")
    # Refused at once, before the new card is even encoded.
    assert door_reason(sessions, first) in (
        Reason.SUPERSEDED_ISSUE.value,
        Reason.REVOKED_CARD.value,
    )
    second = blank(tmp_path, name="second.json")
    result, _ = encode(desk, member, second)
    assert door_reason(sessions, second) == "valid"
    assert door_reason(sessions, first) != "valid"

    with sessions() as s:
        history = card_history(s, member)
        assert verify(s).ok
    old, new = history.cards
    assert (old.issue_number, old.status) == (1, "revoked") and old.revoked_at
    assert (new.card_id, new.issue_number, new.status) == (new_id, 2, "active")
    assert old.card_number == new.card_number
    assert [j.step for j in old.journal][-1] == "revoked"
    actions = [a.action for a in history.audit]
    assert actions == [
        "card_opened",
        "card_encoded",
        "card_revoked",
        "card_reissued",
        "card_encoded",
    ]
    assert result.uid.hex().upper() == new.uid
    life.reissue(member, actor, "damaged")
    with pytest.raises(CardLifeRefused) as exc:
        life.reissue(member, actor, "lost")
    assert exc.value.reason == "reissue_pending"


def test_found_before_the_new_card_reinstates_it(desk, sessions, tmp_path):
    life = CardLife(sessions)
    member = add_member(sessions)
    path = blank(tmp_path)
    encode(desk, member, path)
    life.reissue(member, desk.test_actor, "lost")
    assert life.mark_found(member, desk.test_actor) == "reinstated"
    assert door_reason(sessions, path) == "valid"
    statuses = [c.status for c in life.history(member).cards]
    assert statuses == ["active", "failed"]


def test_found_after_the_new_card_is_only_noted(desk, sessions, tmp_path):
    life = CardLife(sessions)
    member = add_member(sessions)
    encode(desk, member, blank(tmp_path, name="a.json"))
    life.reissue(member, desk.test_actor, "damaged")
    encode(desk, member, blank(tmp_path, name="b.json"))
    assert life.mark_found(member, desk.test_actor) == "noted"
    statuses = [c.status for c in life.history(member).cards]
    assert statuses == ["revoked", "active"]


def test_revoke_and_refusals(desk, sessions, tmp_path):
    from actors import add_actor

    from memberdesk.services.permissions import PermissionDenied

    life = CardLife(sessions)
    member = add_member(sessions)
    with pytest.raises(CardLifeRefused) as exc:
        life.revoke(member, desk.test_actor)
    assert exc.value.reason == "no_active_card"
    with pytest.raises(CardLifeRefused) as exc:
        life.reissue(member, desk.test_actor)
    assert exc.value.reason == "no_card"
    with pytest.raises(CardLifeRefused) as exc:
        life.revoke(999999, desk.test_actor)
    assert exc.value.reason == "unknown_member"
    path = blank(tmp_path)
    encode(desk, member, path)
    with pytest.raises(PermissionDenied):
        life.revoke(member, add_actor(sessions, "door"))
    with pytest.raises(CardLifeRefused, match="unknown reason"):
        life.revoke(member, desk.test_actor, "bored")
    life.revoke(member, desk.test_actor, "stolen")
    assert door_reason(sessions, path) == Reason.REVOKED_CARD.value
    assert SIM_KEYS  # the simulator key is what the encodes above recorded
