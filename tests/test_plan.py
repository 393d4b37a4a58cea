"""Tests for the plain inversion plan: one step up a good day, one step back a bad day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from custom_components.back_relief.routine.plan import (
    DayFacts,
    InversionPlan,
    PlanSettings,
    next_minutes,
)

SETTINGS = PlanSettings(start_minutes=2, step_minutes=1, goal_minutes=15, max_minutes=30)
MONDAY = date(2026, 11, 23)
ONE_DAY = timedelta(days=1)
NOTHING = DayFacts()


def every_day(facts: DayFacts) -> Callable[[date], DayFacts]:
    """Return a record in which every day says the same."""
    return lambda _day: facts


def finished(minutes: int) -> DayFacts:
    """Return a day whose inversion ran the given minutes, without pain or flare-up."""
    return DayFacts(inversion_minutes=minutes)


@pytest.mark.parametrize(
    ("minutes", "facts", "expected"),
    [
        (2, finished(2), 3),  # a finished inversion: one step up
        (2, finished(5), 3),  # more than planned is still one step
        (3, finished(2), 3),  # short of the day's number: no step
        (3, NOTHING, 3),  # a day off changes nothing
        (15, finished(15), 15),  # the goal is the top of the plan
        (20, finished(20), 20),  # a number set above the goal by hand stays
        (5, DayFacts(inversion_minutes=5, highest_pain=7), 4),  # pain 7 steps back
        (5, DayFacts(highest_pain=6), 5),  # pain 6 doesn't
        (5, DayFacts(inversion_minutes=5, flare_up=True), 4),  # a flare-up steps back
        (2, DayFacts(flare_up=True), 2),  # never below the start
        (1, DayFacts(highest_pain=9), 1),  # nor below a lower number set by hand
    ],
)
def test_next_minutes(minutes: int, facts: DayFacts, expected: int) -> None:
    """Each closed day moves the number by at most one step, within start and goal."""
    assert next_minutes(minutes, facts, SETTINGS) == expected


def test_the_cap_holds_even_when_the_goal_is_higher() -> None:
    """The number never rises above the longest inversion session allowed."""
    settings = PlanSettings(start_minutes=2, step_minutes=3, goal_minutes=20, max_minutes=10)
    minutes = 2
    seen = []
    for _ in range(10):
        minutes = next_minutes(minutes, finished(minutes), settings)
        seen.append(minutes)
    assert seen == [5, 8, 10, 10, 10, 10, 10, 10, 10, 10]
    # A number from before the cap was lowered comes down to it.
    assert next_minutes(25, NOTHING, settings) == 10


def test_a_step_of_zero_keeps_the_number() -> None:
    """With a step of 0 the plan leaves the number alone."""
    settings = PlanSettings(start_minutes=2, step_minutes=0, goal_minutes=15, max_minutes=30)
    assert next_minutes(4, finished(4), settings) == 4
    assert next_minutes(4, DayFacts(highest_pain=9), settings) == 4


def test_start_is_kept_within_the_cap() -> None:
    """A start longer than the cap begins at the cap."""
    assert PlanSettings(40, 1, 15, 30).start == 30
    assert PlanSettings(0, 1, 15, 30).start == 1


def test_turn_closes_each_missed_day_in_order() -> None:
    """Three midnights passed at once are caught up one day after the other."""
    facts = {
        MONDAY: finished(2),
        MONDAY + ONE_DAY: finished(3),
        MONDAY + 2 * ONE_DAY: DayFacts(inversion_minutes=4, highest_pain=8),
    }
    plan = InversionPlan.begin(MONDAY)

    plan, minutes = plan.turn(
        2, MONDAY + 3 * ONE_DAY, lambda day: facts.get(day, NOTHING), SETTINGS
    )

    # 2 -> 3 -> 4 -> 3 (the pain of the third day)
    assert minutes == 3
    assert plan.day == MONDAY + 3 * ONE_DAY
    assert plan.moved


def test_turn_is_idempotent() -> None:
    """Turning again to the same day, or to an earlier one, changes nothing."""
    facts_of = {MONDAY: finished(2)}.get
    plan, minutes = InversionPlan.begin(MONDAY).turn(
        2, MONDAY + ONE_DAY, lambda day: facts_of(day, NOTHING), SETTINGS
    )
    assert minutes == 3

    again, same = plan.turn(minutes, MONDAY + ONE_DAY, every_day(finished(99)), SETTINGS)
    assert (again, same) == (plan, 3)
    back, same = plan.turn(minutes, MONDAY, every_day(finished(99)), SETTINGS)
    assert (back, same) == (plan, 3)


def test_turn_catches_up_at_most_a_year() -> None:
    """After years away only the last year is read."""
    read: list[date] = []

    def facts_of(day: date) -> DayFacts:
        read.append(day)
        return NOTHING

    today = MONDAY + timedelta(days=1000)
    InversionPlan.begin(MONDAY).turn(2, today, facts_of, SETTINGS)
    assert len(read) == 366
    assert read[-1] == today - ONE_DAY


def test_a_hand_set_number_is_the_base_of_the_next_day() -> None:
    """A number set by hand holds that day; the plan carries on from it."""
    plan = InversionPlan.begin(MONDAY).set_by_hand()
    plan, minutes = plan.turn(
        6, MONDAY + ONE_DAY, every_day(DayFacts(inversion_minutes=6)), SETTINGS
    )
    assert minutes == 7


def test_new_settings_move_only_a_plan_that_hasnt_moved() -> None:
    """A new start applies at once to a plan still at its start, never to a moved number."""
    new_start = PlanSettings(start_minutes=5, step_minutes=1, goal_minutes=15, max_minutes=30)
    fresh = InversionPlan.begin(MONDAY)
    assert fresh.minutes_for_new_settings(2, new_start) == 5
    assert fresh.set_by_hand().minutes_for_new_settings(3, new_start) == 3
    moved, minutes = fresh.turn(2, MONDAY + ONE_DAY, every_day(finished(2)), SETTINGS)
    assert moved.minutes_for_new_settings(minutes, new_start) == 3


def test_stored_form_round_trips() -> None:
    """The plan reads back exactly as it was saved."""
    plan = InversionPlan(day=MONDAY, moved=True)
    assert InversionPlan.from_dict(plan.as_dict()) == plan
    assert InversionPlan.from_dict({"day": "2026-11-23"}) == InversionPlan(MONDAY)
