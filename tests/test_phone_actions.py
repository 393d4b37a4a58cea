"""The buttons of the phones' notifications: their ids, and when a press is stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from custom_components.back_relief.house.phone_actions import (
    PhoneAction,
    PressFacts,
    Verb,
    stale_reason,
)

SENT = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)
FRESH = PressFacts(now=SENT + timedelta(minutes=5), valid_for=timedelta(days=1))


def test_an_action_id_names_what_whom_and_when() -> None:
    """The id round-trips, and names the button, the person and the instant it was sent."""
    action = PhoneAction(Verb.START, "inversion", "01JENTRY", SENT)
    assert action.encode() == f"BACK_RELIEF|start|inversion|01JENTRY|{int(SENT.timestamp())}"
    assert PhoneAction.decode(action.encode()) == action


@pytest.mark.parametrize(
    "action_id",
    [
        None,
        4,
        "",
        "ALARM",
        "BACK_RELIEF|start|inversion|x",
        "BACK_RELIEF|dance|x|e|1",
        "BACK_RELIEF|start|x|e|soon",
    ],
)
def test_other_action_ids_are_not_ours(action_id: object) -> None:
    """Another automation's button, or a garbled id, is no Back Relief button."""
    assert PhoneAction.decode(action_id) is None


@pytest.mark.parametrize(
    ("verb", "changes", "reason"),
    [
        (Verb.START, {}, None),
        (Verb.START, {"now": SENT + timedelta(days=1, seconds=1)}, "too_old"),
        (Verb.START, {"started_since": True}, "already_started"),
        (Verb.START, {"session_running": True}, "session_running"),
        (Verb.LATER, {}, None),
        (Verb.LATER, {"later_pending": True}, "already_later"),
        (Verb.LATER, {"skipped_today": True}, "already_skipped"),
        (Verb.SKIP, {}, None),
        (Verb.SKIP, {"skipped_today": True}, "already_skipped"),
        (Verb.SKIP, {"started_since": True}, "already_started"),
        (Verb.PAIN, {}, None),
        (Verb.PAIN, {"pain_since": True}, "already_answered"),
        (Verb.REPLY, {"pain_since": True}, "already_answered"),
        (Verb.PAIN, {"session_running": True}, None),
        (Verb.FEEDBACK, {"feedback_open": True}, None),
        (Verb.FEEDBACK, {}, "already_answered"),
    ],
)
def test_a_press_is_stale_when_it_no_longer_fits(
    verb: Verb, changes: dict[str, object], reason: str | None
) -> None:
    """Too old, already started, already answered: a press that changes nothing."""
    action = PhoneAction(verb, "inversion", "01JENTRY", SENT)
    assert stale_reason(action, replace(FRESH, **changes)) == reason  # type: ignore[arg-type]
