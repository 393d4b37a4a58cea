"""Tests for the plain gentle plan: flare-up marks and the number kept with the history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from custom_components.back_relief.routine.day import Activity, Goal, PainEntry
from custom_components.back_relief.routine.flare_ups import FlareUp
from custom_components.back_relief.routine.gentle import GentlePlan
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.plan import PlanSettings

SETTINGS = PlanSettings(start_minutes=2, step_minutes=1, goal_minutes=15, max_minutes=30)
TODAY = date(2026, 11, 26)
ONE_DAY = timedelta(days=1)


def new_person() -> tuple[GentlePlan, dict[Activity, int]]:
    """Return a plan and durations for someone new, three days ago."""
    durations = {Activity.INVERSION: 15}
    return GentlePlan.for_new_person(durations, TODAY - 3 * ONE_DAY, SETTINGS), durations


def test_a_new_person_starts_at_the_first_length() -> None:
    """The number of someone new is the plan's start."""
    gentle, durations = new_person()
    assert durations[Activity.INVERSION] == 2
    assert gentle.plan is not None


def test_turn_day_catches_up_and_then_changes_nothing() -> None:
    """Missed days are closed in order once; a second turn writes nothing."""
    gentle, durations = new_person()
    history = History()
    history.add_minutes(TODAY - 3 * ONE_DAY, Activity.INVERSION, 2)
    history.add_minutes(TODAY - 2 * ONE_DAY, Activity.INVERSION, 3)
    gentle.add_flare_up(history, TODAY - ONE_DAY, None, None, TODAY - ONE_DAY)

    assert gentle.turn_day(history, durations, TODAY, SETTINGS)
    # 2 -> 3 -> 4, then the flare-up: 3.
    assert durations[Activity.INVERSION] == 3
    assert history.get(TODAY).flare_up
    revision = history.revision

    assert not gentle.turn_day(history, durations, TODAY, SETTINGS)
    assert history.revision == revision


def test_tomorrow_reads_today_so_far() -> None:
    """The preview follows what today has brought, and is None off the plan."""
    gentle, durations = new_person()
    history = History()
    gentle.turn_day(history, durations, TODAY, SETTINGS)
    history.add_minutes(TODAY, Activity.INVERSION, 2)
    assert gentle.tomorrow(history, 2, TODAY, SETTINGS) == 3
    history.edit(TODAY).pain.append(PainEntry(datetime(2026, 11, 26, 9, tzinfo=UTC), 7))
    assert gentle.tomorrow(history, 2, TODAY, SETTINGS) == 2
    assert GentlePlan().tomorrow(history, 2, TODAY, SETTINGS) is None


def test_a_switch_stored_on_becomes_an_open_range_from_its_last_mark() -> None:
    """A switch left on by an older version pauses from the last day it marked until now."""
    history = History()
    history.edit(TODAY - 4 * ONE_DAY).flare_up = True

    gentle = GentlePlan.from_stored({"flare_up": True}, history, TODAY)

    assert gentle.flare_ups.ranges == (FlareUp(TODAY - 4 * ONE_DAY),)
    assert gentle.plan is None
    assert GentlePlan.from_stored({"flare_up": False}, history, TODAY).flare_ups.ranges == ()


def test_stored_form_round_trips() -> None:
    """The plan and the ranges read back as they were saved."""
    gentle, _ = new_person()
    gentle.add_flare_up(History(), TODAY - ONE_DAY, TODAY, "note", TODAY)
    again = GentlePlan.from_stored(gentle.as_dict(), History(), TODAY)
    assert again == gentle
    # A version without ranges reads the switch: off, as no range is open.
    assert gentle.as_dict()["flare_up"] is False
    switched_on = GentlePlan()
    switched_on.set_flare_up(History(), TODAY, on=True)
    assert switched_on.as_dict()["flare_up"] is True


def test_the_day_asks_the_plan_of_inversion_and_the_goal_of_the_rest() -> None:
    """On the plan a day's inversion is met with its length; off the plan, with the goal."""
    gentle, durations = new_person()
    assert gentle.day_goal(Goal.INVERSION, 15, durations) == 2
    assert gentle.day_goal(Goal.EXERCISE, 20, durations) == 20
    assert GentlePlan().day_goal(Goal.INVERSION, 15, durations) == 15
