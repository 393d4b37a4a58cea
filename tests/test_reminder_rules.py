"""Whether a reminder is spoken, and why not: the rules alone, without Home Assistant."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from custom_components.back_relief.house.reminder_rules import (
    ReminderDecision,
    ReminderFacts,
    decide_reminder,
    in_quiet_hours,
)

# An afternoon at home with speakers, reminders on, the goal still open.
DUE = ReminderFacts(
    kind="exercise",
    local_time=time(15, 0),
    quiet_start=time(22, 0),
    quiet_end=time(7, 0),
    reminders_on=True,
    away=False,
    has_speakers=True,
)


def test_quiet_hours_across_midnight_and_within_a_day() -> None:
    """Quiet hours may span midnight; the end is not quiet; equal ends mean none."""
    assert in_quiet_hours(time(23, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(6, 59), time(22, 0), time(7, 0))
    assert not in_quiet_hours(time(7, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(13, 30), time(13, 0), time(14, 0))
    assert not in_quiet_hours(time(14, 0), time(13, 0), time(14, 0))
    assert not in_quiet_hours(time(3, 0), time(7, 0), time(7, 0))


def test_a_due_reminder_is_spoken() -> None:
    """Nothing stands in the way: it is spoken, with no reason."""
    assert decide_reminder(DUE) == ReminderDecision(spoken=True)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"goal_met": True}, "goal_met"),
        ({"reminders_on": False}, "reminders_off"),
        ({"local_time": time(22, 0)}, "quiet_hours"),
        ({"local_time": time(6, 59)}, "quiet_hours"),
        ({"away": True}, "not_home"),
        ({"has_speakers": False}, "no_speakers"),
    ],
)
def test_each_fact_can_hold_a_reminder_back(change: dict[str, object], reason: str) -> None:
    """One fact at a time, each names its own reason."""
    assert decide_reminder(replace(DUE, **change)) == ReminderDecision(spoken=False, reason=reason)


def test_the_first_reason_is_given() -> None:
    """A met goal is said before the switch, the switch before quiet hours, then home."""
    everything = replace(DUE, goal_met=True, reminders_on=False, local_time=time(23, 0), away=True)
    assert decide_reminder(everything).reason == "goal_met"
    assert decide_reminder(replace(everything, goal_met=False)).reason == "reminders_off"
    assert (
        decide_reminder(replace(everything, goal_met=False, reminders_on=True)).reason
        == "quiet_hours"
    )


def test_a_met_goal_matters_only_to_goals() -> None:
    """A visit or the week is reminded of whatever the goals say."""
    for kind in ("visit", "weekly"):
        assert decide_reminder(replace(DUE, kind=kind, goal_met=True)).spoken


@pytest.mark.parametrize(
    ("sun", "reason"),
    [
        ({"sun_item_done": True, "sun_up": True}, "done"),
        ({"sun_up": False}, "sun_down"),
        ({"sun_up": True, "weather": "rainy"}, "weather"),
        ({"sun_up": True, "weather": "sunny"}, None),
        ({"sun_up": True, "weather": None}, None),
    ],
)
def test_the_sun_is_suggested_only_when_it_is_out_and_dry(
    sun: dict[str, object], reason: str | None
) -> None:
    """Ticked off, below the horizon or wet weather: no sun today."""
    decision = decide_reminder(replace(DUE, kind="sun", **sun))  # type: ignore[arg-type]
    assert decision == ReminderDecision(spoken=reason is None, reason=reason)


def test_the_sun_still_needs_the_house_to_be_right() -> None:
    """Out and dry, the sun's reminder still keeps quiet hours."""
    facts = replace(DUE, kind="sun", sun_up=True, local_time=time(23, 30))
    assert decide_reminder(facts) == ReminderDecision(spoken=False, reason="quiet_hours")


def test_the_check_in_asks_only_while_no_pain_is_logged_today() -> None:
    """The daily check-in is needed until a pain level is logged that day."""
    check_in = replace(DUE, kind="checkin")
    assert decide_reminder(check_in) == ReminderDecision(spoken=True)
    assert decide_reminder(replace(check_in, pain_logged=True)) == ReminderDecision(
        spoken=False, reason="logged"
    )
    # A logged pain level says nothing about an exercise reminder.
    assert decide_reminder(replace(DUE, pain_logged=True)).spoken


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"reminders_on": False}, "reminders_off"),
        ({"local_time": time(23, 0)}, "quiet_hours"),
        ({"away": True}, "not_home"),
        ({"has_speakers": False}, "no_speakers"),
    ],
)
def test_the_check_in_keeps_the_reminders_conditions(
    changes: dict[str, object], reason: str
) -> None:
    """The check-in is held back by what holds back a reminder."""
    decision = decide_reminder(replace(DUE, kind="checkin", **changes))  # type: ignore[arg-type]
    assert decision == ReminderDecision(spoken=False, reason=reason)


def test_a_reminder_skipped_today_is_not_given() -> None:
    """Skip today, pressed on a phone, holds the reminder back for the rest of the day."""
    assert decide_reminder(replace(DUE, skipped=True)) == ReminderDecision(
        spoken=False, reason="skipped"
    )
