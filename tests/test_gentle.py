"""Tests for the plain gentle plan: the number kept with the history, and each day's goal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from custom_components.back_relief.routine.day import Activity, Goal, PainEntry
from custom_components.back_relief.routine.flare_ups import FlareUp, FlareUps
from custom_components.back_relief.routine.gentle import GentlePlan
from custom_components.back_relief.routine.goals import DayGoals
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
    flare_ups = FlareUps().add(TODAY - ONE_DAY, None, None, TODAY - ONE_DAY)

    assert gentle.turn_day(history, durations, TODAY, SETTINGS, flare_ups)
    # 2 -> 3 -> 4, then the flare-up: 3.
    assert durations[Activity.INVERSION] == 3
    # Each closed day keeps what it asked: its inversion goal.
    assert gentle.days == {
        TODAY - 3 * ONE_DAY: 2,
        TODAY - 2 * ONE_DAY: 3,
        TODAY - ONE_DAY: 4,
    }
    revision = history.revision

    assert not gentle.turn_day(history, durations, TODAY, SETTINGS, flare_ups)
    assert history.revision == revision


def test_tomorrow_reads_today_so_far() -> None:
    """The preview follows what today has brought, and is None off the plan."""
    gentle, durations = new_person()
    history = History()
    none = FlareUps()
    gentle.turn_day(history, durations, TODAY, SETTINGS, none)
    history.add_minutes(TODAY, Activity.INVERSION, 2)
    assert gentle.tomorrow(history, 2, TODAY, SETTINGS, none) == 3
    history.edit(TODAY).pain.append(PainEntry(datetime(2026, 11, 26, 9, tzinfo=UTC), 7))
    assert gentle.tomorrow(history, 2, TODAY, SETTINGS, none) == 2
    assert GentlePlan().tomorrow(history, 2, TODAY, SETTINGS, none) is None


def test_a_switch_stored_on_becomes_an_open_range_from_its_last_mark() -> None:
    """A switch left on by an older version pauses from the last day it marked until now."""
    history = History()
    history.edit(TODAY - 4 * ONE_DAY).flare_up = True

    flare_ups = FlareUps.from_stored({"flare_up": True}, history, TODAY)

    assert flare_ups.ranges == (FlareUp(TODAY - 4 * ONE_DAY),)
    assert FlareUps.from_stored({"flare_up": False}, history, TODAY).ranges == ()


def test_stored_form_round_trips() -> None:
    """The plan, its days and the ranges read back as they were saved."""
    gentle, durations = new_person()
    gentle.turn_day(History(), durations, TODAY, SETTINGS, FlareUps())
    assert GentlePlan.from_stored(gentle.as_dict()) == gentle
    flare_ups = FlareUps().add(TODAY - ONE_DAY, TODAY, "note", TODAY)
    assert FlareUps.from_stored(flare_ups.as_stored(), History(), TODAY) == flare_ups
    # A version without ranges reads the switch: off, as no range is open.
    assert flare_ups.as_stored()["flare_up"] is False
    assert FlareUps().turn_on(TODAY).as_stored()["flare_up"] is True


def test_the_day_asks_the_plan_of_inversion_and_the_goal_of_the_rest() -> None:
    """On the plan a day's inversion is met with its length; off the plan, with the goal."""
    gentle, durations = new_person()
    goals = DayGoals(
        {Goal.EXERCISE: 20, Goal.REST: 10, Goal.INVERSION: 15}, gentle.planned(durations)
    )
    assert goals.of(Goal.INVERSION, TODAY - 3 * ONE_DAY) == 2
    assert goals.of(Goal.EXERCISE, TODAY - 3 * ONE_DAY) == 20
    # A day the plan has no number for asks the goal.
    assert goals.of(Goal.INVERSION, TODAY - 4 * ONE_DAY) == 15
    off = DayGoals(goals.configured, GentlePlan().planned(durations))
    assert off.of(Goal.INVERSION, TODAY - 3 * ONE_DAY) == 15
