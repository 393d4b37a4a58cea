"""Tests for step timing of a guided routine within its session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.back_relief.routine.day import Activity
from custom_components.back_relief.routine.guided import Routine, Step
from custom_components.back_relief.routine.session import RoutineError, Session
from custom_components.back_relief.routine.steps import (
    current_step,
    move_in_routine,
    next_step_change,
    step_count,
    step_ends_at,
)

NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
ROUTINE = Routine("two", "Two", (Step("Cat", 60, "Arch"), Step("Side", 30, "Lean", per_side=True)))


def session(now: datetime = NOON) -> Session:
    """Return a two-minute guided stretch started at noon."""
    return Session.start(Activity.STRETCH, 2, now, max_inversion=30, routine="two")


def test_the_step_follows_the_running_time() -> None:
    """Steps follow each other; a per-side step is done left, then right."""
    running = session()
    names = [
        (step.name, step.side)
        for seconds in (0, 59, 60, 90, 119)
        if (step := current_step(running, ROUTINE, NOON + timedelta(seconds=seconds)))
    ]
    assert names == [
        ("Cat", None),
        ("Cat", None),
        ("Side", "left"),
        ("Side", "right"),
        ("Side", "right"),
    ]
    assert current_step(running, ROUTINE, NOON + timedelta(minutes=2)) is None
    assert current_step(None, ROUTINE, NOON) is None
    assert current_step(running, None, NOON) is None


def test_a_paused_step_has_no_end_and_paused_time_does_not_count() -> None:
    """While paused the step stands still; after resuming it ends later by the pause."""
    paused = session().pause(NOON + timedelta(seconds=30))
    step = current_step(paused, ROUTINE, NOON + timedelta(minutes=10))
    assert step is not None
    assert step.name == "Cat"
    assert step_ends_at(paused, step, NOON + timedelta(minutes=10)) is None
    resumed = paused.resume(NOON + timedelta(minutes=10, seconds=30))
    assert next_step_change(resumed, ROUTINE, NOON + timedelta(minutes=10, seconds=30)) == (
        NOON + timedelta(minutes=11)
    )


def test_no_step_change_at_the_last_step() -> None:
    """The last step ends with the session: the session's end timer covers it."""
    running = session()
    assert next_step_change(running, ROUTINE, NOON + timedelta(seconds=100)) is None
    assert next_step_change(running, ROUTINE, NOON) == NOON + timedelta(seconds=60)


def test_moving_on_and_back_a_step() -> None:
    """Next goes to the next step's start, repeat to the step's own start; the end follows."""
    running = session()
    at = NOON + timedelta(seconds=20)
    moved = move_in_routine(running, ROUTINE, at, forward=True)
    assert (current_step(moved, ROUTINE, at).name, moved.ends_at) == (
        "Side",
        running.ends_at - timedelta(seconds=40),
    )
    later = at + timedelta(seconds=10)
    again = move_in_routine(moved, ROUTINE, later, forward=False)
    assert current_step(again, ROUTINE, later).side == "left"
    assert step_ends_at(again, current_step(again, ROUTINE, later), later) == later + timedelta(
        seconds=30
    )
    assert again.run_time(later) == timedelta(seconds=30)  # the time really run
    assert step_count(ROUTINE) == 3
    assert step_count(None) == 0


def test_on_from_the_last_step_the_routine_is_done() -> None:
    """Next at the last step ends the session now; without a step it is refused."""
    at = NOON + timedelta(seconds=95)  # the right side
    done = move_in_routine(session(), ROUTINE, at, forward=True)
    assert done.is_due(at)
    assert done.full_minutes == 2  # 95 s run, rounded
    with pytest.raises(RoutineError) as refused:
        move_in_routine(session(), None, at, forward=True)
    assert refused.value.key == "no_guided_routine"
