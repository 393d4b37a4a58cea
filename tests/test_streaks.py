"""Tests for the streaks kept day by day: the same answers as counting every day again."""

from __future__ import annotations

from datetime import date, timedelta
import random

import pytest

from custom_components.back_relief.routine.streaks import Streak, StreakIndex

FIRST = date(2016, 1, 1)


def counted_again(days: dict[int, tuple[int, bool]], goal_minutes: int, today: int) -> Streak:
    """Return the streak by walking every day, as the rules say it (the reference)."""

    def state(ordinal: int) -> str:
        if ordinal not in days:
            return "missed"
        minutes, paused = days[ordinal]
        if paused:
            return "paused"
        return "met" if minutes >= goal_minutes else "missed"

    today_met = days.get(today, (0, False))[0] >= goal_minutes
    current, ordinal = 0, today if today_met else today - 1
    while ordinal in days and state(ordinal) != "missed":
        current += state(ordinal) == "met"
        ordinal -= 1
    best = run = 0
    for ordinal in range(min(days, default=today), max([*days, today]) + 1):
        if state(ordinal) == "missed":
            run = 0
        elif state(ordinal) == "met":
            run += 1
        best = max(best, run)
    return Streak(current=current, best=max(best, current), today_met=today_met)


def test_no_days_is_no_streak() -> None:
    """An empty index has no streak, and today meets a goal of nothing."""
    assert StreakIndex().streak("exercise", 20, FIRST.toordinal()) == Streak(0, 0, today_met=False)


@pytest.mark.parametrize("seed", range(6))
def test_changes_anywhere_give_the_streaks_of_counting_again(seed: int) -> None:
    """Days added in order, changed up to 60 days back, paused, and goals changed: all exact."""
    chance = random.Random(seed)  # noqa: S311 - days made up, not secrets
    index = StreakIndex()
    days: dict[int, tuple[int, bool]] = {}
    today = FIRST.toordinal() + chance.randrange(0, 5)
    goal_minutes = 20
    for _ in range(400):
        today += chance.choice((0, 1, 1, 1, 2))
        day = today - (chance.randrange(0, 61) if chance.random() < 0.2 else 0)
        minutes = chance.choice((0, 10, 15, 20, 25, 40))
        paused = chance.random() < 0.05
        days[day] = (minutes, paused)
        index.set_day(day, [("exercise", minutes)], paused=paused)
        if chance.random() < 0.05:
            goal_minutes = chance.choice((10, 20, 30))
        assert index.streak("exercise", goal_minutes, today) == counted_again(
            days, goal_minutes, today
        )


def test_a_day_before_the_first_is_taken_in() -> None:
    """A day logged before every other day still joins the run after it."""
    index = StreakIndex()
    start = FIRST.toordinal()
    for offset in range(1, 4):
        index.set_day(start + offset, [("rest", 15)], paused=False)
    assert index.streak("rest", 15, start + 4).current == 3
    index.set_day(start, [("rest", 15)], paused=False)
    assert index.streak("rest", 15, start + 4) == Streak(4, 4, today_met=False)


def test_a_change_far_back_counts_only_from_that_day() -> None:
    """A change 60 days back leaves the runs before it as they were counted."""
    index = StreakIndex()
    start = (FIRST + timedelta(days=3650)).toordinal()
    for offset in range(3650):
        index.set_day(start - offset, [("exercise", 20)], paused=False)
    assert index.streak("exercise", 20, start) == Streak(3650, 3650, today_met=True)
    runs = index._runs["exercise"][-1]
    index.set_day(start - 60, [("exercise", 5)], paused=False)
    assert runs.valid == 3650 - 61
    assert index.streak("exercise", 20, start) == Streak(60, 3589, today_met=True)


def test_flare_up_days_not_marked_yet_are_paused_too() -> None:
    """The latest days of a flare-up, not marked before a clock jump, neither break nor count."""
    index = StreakIndex()
    start = FIRST.toordinal()
    for offset in range(10):
        index.set_day(start + offset, [("rest", 15)], paused=False)
    # Days 10 to 13 hold nothing yet: a flare-up covers them, unmarked; day 14 is today.
    flare_up = set(range(start + 10, start + 14))
    today = start + 14
    assert index.streak("rest", 15, today).current == 0
    assert index.streak("rest", 15, today, paused=flare_up.__contains__) == Streak(
        10, 10, today_met=False
    )
    index.set_day(today, [("rest", 15)], paused=False)
    assert index.streak("rest", 15, today, paused=flare_up.__contains__).current == 11
    # A paused day in the middle that broke the run, marked or not, joins both sides.
    index.set_day(start + 5, [("rest", 0)], paused=False)
    assert index.streak("rest", 15, today, paused=flare_up.__contains__).current == 5
    assert index.streak("rest", 15, today, paused={*flare_up, start + 5}.__contains__).current == 10


def test_days_that_asked_less_are_met_by_what_they_asked() -> None:
    """A day the gentle plan asked 2 minutes of is met by 2; a change of its goal recounts."""
    index = StreakIndex()
    start = FIRST.toordinal()
    for offset, minutes in enumerate((2, 3, 4, 4)):
        index.set_day(start + offset, [("inversion", minutes)], paused=False)
    today = start + 3
    assert index.streak("inversion", 15, today).current == 0
    lowered = {start: 2, start + 1: 3, start + 2: 4, start + 3: 4}
    assert index.streak("inversion", 15, today, lowered=lowered) == Streak(4, 4, today_met=True)
    # The plan's number of a day changed (a step back): that day is no longer met.
    lowered[start + 1] = 4
    assert index.streak("inversion", 15, today, lowered=lowered) == Streak(2, 2, today_met=True)
