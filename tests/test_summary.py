"""Tests for the plain routine summary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from custom_components.back_relief.language.texts import group
from custom_components.back_relief.look_back.insights import Words, insight_minutes
from custom_components.back_relief.look_back.summary import build_summary
from custom_components.back_relief.routine.day import Activity, Goal, PainEntry
from custom_components.back_relief.routine.goals import DayGoals
from custom_components.back_relief.routine.person import PersonRoutine
from custom_components.back_relief.routine.session import RoutineError

NOON = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
TODAY = date(2026, 5, 4)
GOALS = DayGoals({Goal.EXERCISE: 20, Goal.REST: 15, Goal.INVERSION: 10})
INSIGHT_WORDS = Words("en", group("en", "insights"))


def summary(routine: PersonRoutine, days: int = 3) -> dict[str, Any]:
    """Return Alex's summary at noon."""
    return build_summary(
        routine,
        name="Alex",
        goals=GOALS,
        today=TODAY,
        now=NOON,
        days=days,
        insight_minutes=insight_minutes(GOALS.configured, 15),
        insight_words=INSIGHT_WORDS,
    )


def test_summary_of_today_and_the_last_days() -> None:
    """Stretching counts toward exercise; every day of the window is listed, oldest first."""
    routine = PersonRoutine()
    routine.log_activity(Activity.STRETCH, 25, TODAY, None, today=TODAY)
    routine.log_activity(Activity.REST, 5, TODAY - timedelta(days=1), None, today=TODAY)
    found = summary(routine)
    assert found["person"] == "Alex"
    assert found["today"] == {"exercise": 25, "rest": 0, "inversion": 0}
    assert found["streaks"]["exercise"] == {"current": 1, "best": 1, "today_met": True}
    assert [day["date"] for day in found["days"]] == ["2026-05-02", "2026-05-03", "2026-05-04"]
    assert found["days"][1]["rest"] == 5
    # Which goals each day met, as the card's calendar shows them.
    assert [day["met"]["exercise"] for day in found["days"]] == [False, False, True]
    assert found["days"][1]["met"] == {"exercise": False, "rest": False, "inversion": False}
    assert found["session"] is None
    assert found["next_visit"] is None


def test_summary_tells_the_session_and_its_time_left() -> None:
    """A running session is given with its status and seconds left."""
    routine = PersonRoutine()
    routine.start(Activity.REST, 15, NOON - timedelta(minutes=5), max_inversion=30, routines={})
    session = summary(routine)["session"]
    assert session["status"] == "running"
    assert session["remaining_seconds"] == 600


@pytest.mark.parametrize("days", [0, 366])
def test_summary_refuses_days_outside_one_to_a_year(days: int) -> None:
    """From one day to a year."""
    with pytest.raises(RoutineError) as refused:
        summary(PersonRoutine(), days)
    assert refused.value.key == "days_out_of_range"


def test_summary_gives_insights_with_seven_days_each_side_and_not_today() -> None:
    """Seven days with 10 minutes of inversion against seven without; today counts on no side."""
    routine = PersonRoutine()
    for offset in range(1, 15):
        day = TODAY - timedelta(days=offset)
        if offset <= 7:
            routine.log_activity(Activity.INVERSION, 10, day, None, today=day)
        pain = routine.history.edit(day).pain
        pain.append(PainEntry(NOON - timedelta(days=offset), 2 if offset <= 7 else 5))
    routine.history.edit(TODAY).pain.append(PainEntry(NOON, 9))
    (insight,) = summary(routine)["insights"]
    assert insight["subject"] == "inversion"
    assert (insight["days_with"], insight["days_without"], insight["difference"]) == (7, 7, -3.0)
    assert insight["text"].startswith("On days with 10 or more minutes of inversion, pain was 3.0")
    assert summary(PersonRoutine())["insights"] == []
