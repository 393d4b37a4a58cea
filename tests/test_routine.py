"""Tests for the plain routine core: activities, days, goals and streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
import json
from zoneinfo import ZoneInfo

import pytest

from custom_components.back_relief.routine.day import (
    Activity,
    DayLayout,
    DayLog,
    Goal,
    PainEntry,
    SessionRecord,
    Visit,
    local_date,
)
from custom_components.back_relief.routine.goals import DayGoals, day_pain, pain_mean
from custom_components.back_relief.routine.history import History
from custom_components.back_relief.routine.streaks import Streak

BERLIN = ZoneInfo("Europe/Berlin")
ONE_DAY = timedelta(days=1)

# Both 2026 daylight saving changes in Europe/Berlin.
SPRING_FORWARD = date(2026, 3, 29)  # 02:00 CET -> 03:00 CEST, a 23 hour day
FALL_BACK = date(2026, 10, 25)  # 03:00 CEST -> 02:00 CET, a 25 hour day


def history_meeting(
    goal_minutes: int, days: list[date], activity: Activity = Activity.EXERCISE
) -> History:
    """Return a history in which each given day holds `goal_minutes` of an activity."""
    history = History()
    for day in days:
        history.add_minutes(day, activity, goal_minutes)
    return history


def day_range(first: date, last: date) -> list[date]:
    """Return every date from first to last, inclusive."""
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


# --- Activities and goals ---------------------------------------------------


def test_activity_and_goal_values_match_the_contract() -> None:
    """The stored and public names of activities and goals are exactly the contract's."""
    assert [str(activity) for activity in Activity] == ["exercise", "stretch", "inversion", "rest"]
    assert [str(goal) for goal in Goal] == ["exercise", "rest", "inversion"]


def test_stretch_minutes_count_as_exercise_but_not_the_other_way() -> None:
    """Stretching counts toward the exercise goal; each other goal counts only its own activity."""
    assert Goal.EXERCISE.activities == (Activity.EXERCISE, Activity.STRETCH)
    assert Goal.REST.activities == (Activity.REST,)
    assert Goal.INVERSION.activities == (Activity.INVERSION,)

    log = DayLog(
        minutes={
            Activity.EXERCISE: 10,
            Activity.STRETCH: 12,
            Activity.REST: 7,
            Activity.INVERSION: 15,
        }
    )
    assert log.goal_minutes(Goal.EXERCISE) == 22
    assert log.goal_minutes(Goal.REST) == 7
    assert log.goal_minutes(Goal.INVERSION) == 15


def test_a_day_of_only_stretching_meets_the_exercise_goal() -> None:
    """Twenty minutes of stretching alone meet a twenty minute exercise goal."""
    history = History()
    history.add_minutes(date(2026, 5, 4), Activity.STRETCH, 20)
    goals = DayGoals({Goal.EXERCISE: 20, Goal.REST: 1, Goal.INVERSION: 15})
    day = date(2026, 5, 4)
    assert goals.met(Goal.EXERCISE, day, history.get(day)) is True
    assert goals.met(Goal.REST, day, history.get(day)) is False


# --- Days ---------------------------------------------------------------------


def test_minutes_add_up_per_day_and_activity() -> None:
    """Several sessions on one day add up; other days and activities are untouched."""
    history = History()
    day = date(2026, 5, 4)
    history.add_minutes(day, Activity.EXERCISE, 10)
    history.add_minutes(day, Activity.EXERCISE, 5)
    history.add_minutes(day, Activity.REST, 15)
    assert history.get(day).minutes == {Activity.EXERCISE: 15, Activity.REST: 15}
    assert history.get(day + ONE_DAY).minutes == {}
    assert len(history) == 1


def test_zero_or_negative_minutes_are_not_recorded() -> None:
    """Crediting nothing (a cancelled or zero length session) creates no day and changes nothing."""
    history = History()
    history.add_minutes(date(2026, 5, 4), Activity.EXERCISE, 0)
    history.add_minutes(date(2026, 5, 4), Activity.EXERCISE, -5)
    assert len(history) == 0
    assert history.revision == 0
    assert history.as_dict() == {}


def test_logged_kinds_are_tallied_beside_the_minutes() -> None:
    """A kind such as "yoga" is counted in minutes and still credits the activity."""
    history = History()
    day = date(2026, 5, 4)
    history.add_minutes(day, Activity.EXERCISE, 30, kind="yoga")
    history.add_minutes(day, Activity.EXERCISE, 15, kind="yoga")
    history.add_minutes(day, Activity.EXERCISE, 10, kind="swimming")
    history.add_minutes(day, Activity.EXERCISE, 5)
    assert history.get(day).kinds == {"yoga": 45, "swimming": 10}
    assert history.get(day).goal_minutes(Goal.EXERCISE) == 60


def test_reading_a_day_without_records_does_not_create_it() -> None:
    """Looking at an empty day returns an empty log without storing it."""
    history = History()
    log = history.get(date(2026, 5, 4))
    assert log == DayLog()
    assert len(history) == 0
    assert history.revision == 0


def test_editing_a_day_bumps_the_revision_and_keeps_the_same_log() -> None:
    """Editing creates the day once and returns the stored log every time."""
    history = History()
    first = history.edit(date(2026, 5, 4))
    second = history.edit(date(2026, 5, 4))
    assert first is second
    assert history.revision == 2
    assert len(history) == 1


def test_days_between_lists_every_date_inclusive_with_empty_days() -> None:
    """A range of days includes both ends and the days without records."""
    history = History()
    history.add_minutes(date(2026, 5, 4), Activity.REST, 15)
    days = history.days_between(date(2026, 5, 3), date(2026, 5, 5))
    assert [day for day, _ in days] == [date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5)]
    assert [log.goal_minutes(Goal.REST) for _, log in days] == [0, 15, 0]
    assert len(history) == 1


def test_days_between_spans_both_dst_changes_with_one_entry_per_date() -> None:
    """A year's range holds each calendar date once, the 23 and 25 hour days included."""
    days = History().days_between(date(2026, 1, 1), date(2026, 12, 31))
    assert len(days) == 365
    dates = [day for day, _ in days]
    assert dates.count(SPRING_FORWARD) == 1
    assert dates.count(FALL_BACK) == 1
    assert dates[87] == SPRING_FORWARD
    assert dates[297] == FALL_BACK


def test_a_days_pain_is_the_mean_of_its_reports_and_days_count_once() -> None:
    """The day's pain is the mean of its reports; several days' pain the mean of the days'."""
    assert day_pain(DayLog().pain_levels) is None
    at = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    log = DayLog(pain=[PainEntry(at, 3), PainEntry(at, 4), PainEntry(at, 4)])
    assert pain_mean([log]) == 3.7
    # A day with one report counts as much as a day with three: (3.67 + 8) / 2.
    assert pain_mean([log, DayLog(pain=[PainEntry(at, 8)])]) == 5.8


def test_latest_pain_and_visit_are_the_most_recent_of_all_days() -> None:
    """The latest report is taken from the newest day that has any, latest within it."""
    history = History()
    assert history.latest_pain() is None
    assert history.latest_visit() is None

    early = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    late = datetime(2026, 5, 4, 20, 0, tzinfo=UTC)
    history.edit(date(2026, 5, 3)).pain.append(PainEntry(early - ONE_DAY, 9))
    history.edit(date(2026, 5, 4)).pain.extend([PainEntry(late, 2), PainEntry(early, 6)])
    history.edit(date(2026, 5, 5)).flare_up = True  # a newer day without reports
    history.edit(date(2026, 4, 1)).visits.append(Visit(early, "adjustment"))
    history.edit(date(2026, 4, 20)).visits.extend([Visit(late, "second"), Visit(early, "first")])

    assert history.latest_pain() == PainEntry(late, 2)
    assert history.latest_visit() == Visit(late, "second")


# --- Local dates, midnight and daylight saving time ------------------------------


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # Spring forward, 2026-03-29: CET (+01:00) until 01:00 UTC, CEST (+02:00) after.
        pytest.param(
            datetime(2026, 3, 28, 22, 59, tzinfo=UTC),
            date(2026, 3, 28),
            id="spring-23:59-the-evening-before",
        ),
        pytest.param(
            datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29), id="spring-midnight"
        ),
        pytest.param(
            datetime(2026, 3, 28, 23, 30, tzinfo=UTC), date(2026, 3, 29), id="spring-00:30-CET"
        ),
        pytest.param(
            datetime(2026, 3, 29, 0, 59, tzinfo=UTC), date(2026, 3, 29), id="spring-01:59-CET"
        ),
        pytest.param(
            datetime(2026, 3, 29, 1, 0, tzinfo=UTC), date(2026, 3, 29), id="spring-03:00-CEST"
        ),
        pytest.param(
            datetime(2026, 3, 29, 21, 30, tzinfo=UTC), date(2026, 3, 29), id="spring-23:30-CEST"
        ),
        pytest.param(
            datetime(2026, 3, 29, 21, 59, tzinfo=UTC), date(2026, 3, 29), id="spring-23:59-CEST"
        ),
        pytest.param(
            datetime(2026, 3, 29, 22, 0, tzinfo=UTC), date(2026, 3, 30), id="spring-next-midnight"
        ),
        pytest.param(
            datetime(2026, 3, 29, 22, 30, tzinfo=UTC), date(2026, 3, 30), id="spring-next-00:30"
        ),
        # Fall back, 2026-10-25: CEST (+02:00) until 01:00 UTC, CET (+01:00) after.
        pytest.param(
            datetime(2026, 10, 24, 21, 59, tzinfo=UTC),
            date(2026, 10, 24),
            id="fall-23:59-the-evening-before",
        ),
        pytest.param(
            datetime(2026, 10, 24, 22, 0, tzinfo=UTC), date(2026, 10, 25), id="fall-midnight"
        ),
        pytest.param(
            datetime(2026, 10, 24, 22, 30, tzinfo=UTC), date(2026, 10, 25), id="fall-00:30-CEST"
        ),
        pytest.param(
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            date(2026, 10, 25),
            id="fall-first-02:30-CEST",
        ),
        pytest.param(
            datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
            date(2026, 10, 25),
            id="fall-second-02:30-CET",
        ),
        pytest.param(
            datetime(2026, 10, 25, 22, 30, tzinfo=UTC), date(2026, 10, 25), id="fall-23:30-CET"
        ),
        pytest.param(
            datetime(2026, 10, 25, 22, 59, tzinfo=UTC), date(2026, 10, 25), id="fall-23:59-CET"
        ),
        pytest.param(
            datetime(2026, 10, 25, 23, 0, tzinfo=UTC), date(2026, 10, 26), id="fall-next-midnight"
        ),
        pytest.param(
            datetime(2026, 10, 25, 23, 30, tzinfo=UTC), date(2026, 10, 26), id="fall-next-00:30"
        ),
    ],
)
def test_local_date_of_an_instant_around_the_berlin_dst_changes(
    instant: datetime, expected: date
) -> None:
    """UTC instants map to the Berlin calendar date, across both 2026 DST changes."""
    assert local_date(instant, BERLIN) == expected


def test_local_date_is_the_same_for_local_and_utc_forms_of_an_instant() -> None:
    """The same instant gives the same date whichever zone it is written in."""
    local = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)  # the second 02:30, in CET
    assert local.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert local_date(local, BERLIN) == FALL_BACK
    assert local_date(local.astimezone(UTC), BERLIN) == FALL_BACK
    # Written in another zone, 23:30 Berlin time is already the next day there.
    tokyo = datetime(2026, 3, 29, 21, 30, tzinfo=UTC).astimezone(ZoneInfo("Asia/Tokyo"))
    assert tokyo.date() == date(2026, 3, 30)
    assert local_date(tokyo, BERLIN) == SPRING_FORWARD


def test_a_session_started_at_23_50_is_credited_to_the_day_it_started() -> None:
    """Minutes of a session started just before midnight belong to the start day."""
    started_at = datetime(2026, 6, 10, 21, 50, tzinfo=UTC)  # 23:50 CEST
    finished_at = started_at + timedelta(minutes=30)  # 00:20 CEST the next day
    assert local_date(finished_at, BERLIN) == date(2026, 6, 11)

    history = History()
    history.add_minutes(local_date(started_at, BERLIN), Activity.REST, 30)
    assert history.get(date(2026, 6, 10)).minutes == {Activity.REST: 30}
    assert history.get(date(2026, 6, 11)).minutes == {}
    # The new day starts from nothing: no streak yet today, yesterday keeps it.
    assert history.streak(Goal.REST, 15, date(2026, 6, 11)) == Streak(
        current=1, best=1, today_met=False
    )


@pytest.mark.parametrize(
    "dst_day", [SPRING_FORWARD, FALL_BACK], ids=["spring-forward", "fall-back"]
)
def test_late_evening_sessions_keep_a_streak_across_a_dst_change(dst_day: date) -> None:
    """Nightly 23:30 sessions, credited through local_date, make one unbroken streak across DST."""
    history = History()
    first, last = dst_day - 4 * ONE_DAY, dst_day + 4 * ONE_DAY
    for day in day_range(first, last):
        local_start = datetime(day.year, day.month, day.day, 23, 30, tzinfo=BERLIN)
        instant = local_start.astimezone(UTC)
        history.add_minutes(local_date(instant, BERLIN), Activity.INVERSION, 15)

    assert sorted(history.as_dict()) == [day.isoformat() for day in day_range(first, last)]
    assert history.streak(Goal.INVERSION, 15, last) == Streak(current=9, best=9, today_met=True)
    assert history.streak(Goal.INVERSION, 15, dst_day) == Streak(current=5, best=9, today_met=True)


@pytest.mark.parametrize(
    "dst_day", [SPRING_FORWARD, FALL_BACK], ids=["spring-forward", "fall-back"]
)
def test_early_morning_sessions_keep_a_streak_across_a_dst_change(dst_day: date) -> None:
    """Nightly 00:30 sessions, credited through local_date, make one unbroken streak across DST."""
    history = History()
    first, last = dst_day - 3 * ONE_DAY, dst_day + 3 * ONE_DAY
    for day in day_range(first, last):
        instant = datetime(day.year, day.month, day.day, 0, 30, tzinfo=BERLIN).astimezone(UTC)
        history.add_minutes(local_date(instant, BERLIN), Activity.EXERCISE, 20)

    assert len(history) == 7
    assert history.streak(Goal.EXERCISE, 20, last) == Streak(current=7, best=7, today_met=True)


def test_dst_day_sessions_at_0030_and_2330_land_on_the_dst_dates() -> None:
    """Hard-coded UTC instants of 00:30 and 23:30 local on both DST days credit those days."""
    history = History()
    instants = [
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # 2026-03-29 00:30 CET
        datetime(2026, 3, 29, 21, 30, tzinfo=UTC),  # 2026-03-29 23:30 CEST
        datetime(2026, 10, 24, 22, 30, tzinfo=UTC),  # 2026-10-25 00:30 CEST
        datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 2026-10-25 23:30 CET
    ]
    for instant in instants:
        history.add_minutes(local_date(instant, BERLIN), Activity.REST, 10)

    assert history.as_dict() == {
        "2026-03-29": {"minutes": {"rest": 20}},
        "2026-10-25": {"minutes": {"rest": 20}},
    }


def test_streak_counts_daily_sessions_through_both_dst_changes_of_2026() -> None:
    """A session every day of 2026, at varying local times, is one streak of 365 days."""
    history = History()
    for index, day in enumerate(day_range(date(2026, 1, 1), date(2026, 12, 31))):
        hour, minute = [(0, 30), (23, 30), (2, 30), (12, 0)][index % 4]
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)
        history.add_minutes(local_date(local.astimezone(UTC), BERLIN), Activity.EXERCISE, 20)

    assert len(history) == 365
    assert history.streak(Goal.EXERCISE, 20, date(2026, 12, 31)) == Streak(
        current=365, best=365, today_met=True
    )
    assert history.streak(Goal.EXERCISE, 20, date(2027, 1, 1)) == Streak(
        current=365, best=365, today_met=False
    )
    assert history.streak(Goal.EXERCISE, 20, date(2027, 1, 2)) == Streak(
        current=0, best=365, today_met=False
    )


# --- Streaks ---------------------------------------------------------------------------


def test_empty_history_has_no_streak() -> None:
    """Nothing recorded: no streak, no best, today not met."""
    assert History().streak(Goal.EXERCISE, 20, date(2026, 5, 4)) == Streak(
        current=0, best=0, today_met=False
    )


def test_streak_ends_today_when_today_meets_the_goal() -> None:
    """Today counts as soon as it meets the goal."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 2 * ONE_DAY, today))
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=True)


def test_today_not_met_yet_is_not_a_break() -> None:
    """Until today is over, a streak ending yesterday still stands, partial minutes or none."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 3 * ONE_DAY, today - ONE_DAY))
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=False)

    history.add_minutes(today, Activity.EXERCISE, 19)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=False)

    history.add_minutes(today, Activity.STRETCH, 1)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=4, best=4, today_met=True)


def test_a_missed_day_yesterday_breaks_the_streak() -> None:
    """When yesterday is over without meeting the goal, the streak is gone."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 5 * ONE_DAY, today - 2 * ONE_DAY))
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=4, today_met=False)


def test_a_day_below_the_goal_breaks_the_streak() -> None:
    """A recorded day that falls one minute short breaks the streak like an empty one."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 6 * ONE_DAY, today))
    history.edit(today - 3 * ONE_DAY).minutes[Activity.EXERCISE] = 19
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=True)


def test_a_gap_without_any_record_breaks_the_streak() -> None:
    """A day with no record at all between met days splits the streak."""
    today = date(2026, 5, 10)
    days = [
        *day_range(today - 9 * ONE_DAY, today - 5 * ONE_DAY),
        *day_range(today - 3 * ONE_DAY, today),
    ]
    history = history_meeting(20, days)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=4, best=5, today_met=True)
    assert history.streak(Goal.EXERCISE, 20, today - 5 * ONE_DAY) == Streak(
        current=5, best=5, today_met=True
    )
    assert history.streak(Goal.EXERCISE, 20, today - 4 * ONE_DAY) == Streak(
        current=5, best=5, today_met=False
    )


def test_a_day_recording_only_other_things_breaks_the_streak() -> None:
    """A day with pain reports or other activities but no goal minutes is a missed day."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 4 * ONE_DAY, today))
    history.edit(today - 2 * ONE_DAY).minutes = {Activity.REST: 60}
    history.edit(today - 2 * ONE_DAY).pain.append(
        PainEntry(datetime(2026, 5, 8, 9, 0, tzinfo=UTC), 5)
    )
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=2, best=2, today_met=True)
    assert history.streak(Goal.REST, 60, today) == Streak(current=0, best=1, today_met=False)


def test_goals_keep_separate_streaks() -> None:
    """Each goal's streak counts only its own minutes and goal."""
    today = date(2026, 5, 10)
    history = History()
    for day in day_range(today - 4 * ONE_DAY, today):
        history.add_minutes(day, Activity.INVERSION, 15)
    for day in day_range(today - ONE_DAY, today):
        history.add_minutes(day, Activity.REST, 15)
    assert history.streak(Goal.INVERSION, 15, today) == Streak(current=5, best=5, today_met=True)
    assert history.streak(Goal.REST, 15, today) == Streak(current=2, best=2, today_met=True)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=0, today_met=False)
    # A higher goal is a different question over the same days.
    assert history.streak(Goal.INVERSION, 16, today) == Streak(current=0, best=0, today_met=False)


def test_flare_up_day_neither_breaks_nor_extends_a_streak() -> None:
    """A flare-up day in the middle is skipped: the days either side join, it adds nothing."""
    today = date(2026, 5, 10)
    history = history_meeting(
        20, [today - 4 * ONE_DAY, today - 3 * ONE_DAY, today - ONE_DAY, today]
    )
    history.edit(today - 2 * ONE_DAY).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=4, best=4, today_met=True)


def test_flare_up_day_that_met_the_goal_does_not_extend_the_streak() -> None:
    """Minutes on a flare-up day do not add a day to the streak."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 3 * ONE_DAY, today))
    history.edit(today - ONE_DAY).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=True)


def test_flare_up_yesterday_keeps_the_streak_while_today_is_not_met() -> None:
    """A flare-up yesterday and an unfinished today leave the earlier streak standing."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 4 * ONE_DAY, today - 2 * ONE_DAY))
    history.edit(today - ONE_DAY).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=False)


def test_flare_up_today_keeps_the_streak() -> None:
    """A flare-up today, met or not, leaves the streak of the days before as it is."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 2 * ONE_DAY, today - ONE_DAY))
    history.edit(today).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=2, best=2, today_met=False)
    history.add_minutes(today, Activity.EXERCISE, 20)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=2, best=2, today_met=True)


def test_consecutive_flare_up_days_bridge_a_streak() -> None:
    """A week of flare-up days is skipped as a whole."""
    today = date(2026, 5, 20)
    history = history_meeting(20, [*day_range(today - 12 * ONE_DAY, today - 10 * ONE_DAY), today])
    for day in day_range(today - 9 * ONE_DAY, today - ONE_DAY):
        history.edit(day).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=4, best=4, today_met=True)


def test_flare_up_does_not_bridge_a_day_without_records() -> None:
    """Only the flare-up day itself is skipped; an empty day beside it still breaks the streak."""
    today = date(2026, 5, 10)
    history = history_meeting(20, [today - 5 * ONE_DAY, today - 4 * ONE_DAY, today])
    history.edit(today - 2 * ONE_DAY).flare_up = True  # today - 3 and today - 1 are empty
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=1, best=2, today_met=True)


def test_a_history_of_only_flare_up_days_has_no_streak() -> None:
    """Flare-up days alone count nothing, even with minutes."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 2 * ONE_DAY, today))
    for day in day_range(today - 2 * ONE_DAY, today):
        history.edit(day).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=0, today_met=True)


def test_best_streak_is_the_longest_run_in_the_history() -> None:
    """The best streak remembers an older, longer run after the current one is shorter."""
    today = date(2026, 5, 31)
    days = [
        *day_range(date(2026, 5, 1), date(2026, 5, 7)),  # 7 days
        *day_range(date(2026, 5, 10), date(2026, 5, 20)),  # 11 days
        *day_range(date(2026, 5, 28), date(2026, 5, 30)),  # 3 days, up to yesterday
    ]
    history = history_meeting(20, days)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=11, today_met=False)


def test_best_streak_joins_runs_across_a_flare_up_day() -> None:
    """Best follows the same rules as the current streak: flare-up days join, add nothing."""
    history = history_meeting(
        20,
        [
            *day_range(date(2026, 5, 1), date(2026, 5, 3)),
            *day_range(date(2026, 5, 5), date(2026, 5, 8)),
        ],
    )
    history.edit(date(2026, 5, 4)).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, date(2026, 6, 1)) == Streak(
        current=0, best=7, today_met=False
    )


def test_best_streak_is_broken_by_gaps_and_short_days() -> None:
    """An empty day, or a day one minute short, ends a run in the best streak."""
    history = history_meeting(
        20,
        [
            *day_range(date(2026, 5, 1), date(2026, 5, 3)),
            *day_range(date(2026, 5, 5), date(2026, 5, 9)),
        ],
    )
    history.edit(date(2026, 5, 7)).minutes[Activity.EXERCISE] = 19
    # Runs: 1-3 (3 days), gap on the 4th, 5-6 (2 days), short 7th, 8-9 (2 days).
    assert history.streak(Goal.EXERCISE, 20, date(2026, 6, 1)) == Streak(
        current=0, best=3, today_met=False
    )


def test_best_streak_follows_new_minutes() -> None:
    """Crediting minutes updates the best streak; a cached value is never stale."""
    today = date(2026, 5, 10)
    history = history_meeting(20, day_range(today - 2 * ONE_DAY, today - ONE_DAY))
    assert history.streak(Goal.EXERCISE, 20, today).best == 2
    history.add_minutes(today, Activity.EXERCISE, 20)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=3, best=3, today_met=True)
    history.add_minutes(today + ONE_DAY, Activity.EXERCISE, 20)
    assert history.streak(Goal.EXERCISE, 20, today + ONE_DAY) == Streak(
        current=4, best=4, today_met=True
    )
    # A flare-up set afterwards takes the day back out of the best run.
    history.edit(today - ONE_DAY).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today + ONE_DAY) == Streak(
        current=3, best=3, today_met=True
    )


def test_best_streak_follows_a_change_to_an_old_run() -> None:
    """Filling an old gap, or flagging it as a flare-up, joins two past runs in the best streak."""
    history = history_meeting(
        20,
        [
            *day_range(date(2026, 5, 1), date(2026, 5, 3)),
            *day_range(date(2026, 5, 5), date(2026, 5, 8)),
        ],
    )
    today = date(2026, 6, 1)
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=4, today_met=False)
    history.add_minutes(date(2026, 5, 4), Activity.EXERCISE, 20)  # logged afterwards
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=8, today_met=False)
    history.edit(date(2026, 5, 4)).flare_up = True
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(current=0, best=7, today_met=False)


def test_best_streak_is_kept_per_goal_length() -> None:
    """Best streaks for different goal lengths do not share a cached answer."""
    history = History()
    for day, minutes in zip(
        day_range(date(2026, 5, 1), date(2026, 5, 4)), [30, 30, 20, 30], strict=True
    ):
        history.add_minutes(day, Activity.EXERCISE, minutes)
    assert history.streak(Goal.EXERCISE, 20, date(2026, 6, 1)).best == 4
    assert history.streak(Goal.EXERCISE, 30, date(2026, 6, 1)).best == 2
    assert history.streak(Goal.EXERCISE, 20, date(2026, 6, 1)).best == 4


def test_streak_as_of_a_past_day_ignores_later_days_for_current() -> None:
    """The current streak is counted back from the day asked about, not the newest record."""
    history = history_meeting(20, day_range(date(2026, 5, 1), date(2026, 5, 10)))
    assert history.streak(Goal.EXERCISE, 20, date(2026, 5, 4)) == Streak(
        current=4, best=10, today_met=True
    )


# --- Ten years ----------------------------------------------------------------------


def ten_year_history(today: date) -> History:
    """Return 3650 days ending today: met days, one empty day, one short day and two flare-ups.

    Day indexes run 0 (the first day) to 3649 (today):
    - 0..999 met (a run of 1000 days),
    - 1000 has no record at all,
    - 1001..2999 met (a run of 1999 days, the best),
    - 3000 holds 5 minutes only,
    - 3001..3649 met, except 3100 and 3200 are flare-up days (a run of 647 days).
    """
    first = today - 3649 * ONE_DAY
    days: dict[date, DayLog] = {}
    for index in range(3650):
        day = first + timedelta(days=index)
        if index == 1000:
            continue
        minutes = 5 if index == 3000 else 20 + index % 7
        days[day] = DayLog(
            minutes={Activity.EXERCISE: minutes, Activity.INVERSION: 15},
            kinds={"yoga": minutes} if index % 3 == 0 else {},
            flare_up=index in (3100, 3200),
        )
    return History(days)


def test_ten_years_of_history_gives_the_right_streak_and_best() -> None:
    """Over 3650 days, the current streak and best follow every break and flare-up."""
    today = date(2026, 5, 10)
    history = ten_year_history(today)
    assert len(history) == 3649
    assert history.streak(Goal.EXERCISE, 20, today) == Streak(
        current=647, best=1999, today_met=True
    )
    # The inversion goal is met on every recorded day: only the empty day breaks it.
    assert history.streak(Goal.INVERSION, 15, today) == Streak(
        current=2647, best=2647, today_met=True
    )
    assert history.streak(Goal.REST, 15, today) == Streak(current=0, best=0, today_met=False)


def test_ten_years_built_day_by_day_through_add_minutes() -> None:
    """Crediting 3650 consecutive days one by one gives a 3650 day streak."""
    today = date(2026, 5, 10)
    history = History()
    for day in day_range(today - 3649 * ONE_DAY, today):
        history.add_minutes(day, Activity.REST, 15)
    assert len(history) == 3650
    assert history.streak(Goal.REST, 15, today) == Streak(current=3650, best=3650, today_met=True)
    assert history.streak(Goal.REST, 15, today + ONE_DAY) == Streak(
        current=3650, best=3650, today_met=False
    )


def test_ten_years_of_history_survive_a_storage_round_trip() -> None:
    """Ten years stored as JSON and read back give the same data and the same streaks."""
    today = date(2026, 5, 10)
    history = ten_year_history(today)
    stored = json.loads(json.dumps(history.as_dict()))
    restored = History.from_dict(stored)
    assert len(restored) == 3649
    assert restored.as_dict() == history.as_dict()
    assert restored.streak(Goal.EXERCISE, 20, today) == Streak(
        current=647, best=1999, today_met=True
    )
    assert restored.streak(Goal.INVERSION, 15, today) == Streak(
        current=2647, best=2647, today_met=True
    )


# --- Storage ----------------------------------------------------------------------------


def test_day_log_stored_form_is_compact_and_exact() -> None:
    """A day is stored with only the fields it uses, in plain JSON types."""
    at = datetime(2026, 5, 4, 8, 15, tzinfo=UTC)
    log = DayLog(
        minutes={Activity.STRETCH: 12, Activity.REST: 15},
        kinds={"yoga": 12},
        pain=[PainEntry(at, 4, "after lifting"), PainEntry(at + timedelta(hours=2), 2)],
        visits=[Visit(at, None)],
        flare_up=True,
        checklist_done=["vitamin_d"],
    )
    assert log.as_dict() == {
        "minutes": {"stretch": 12, "rest": 15},
        "kinds": {"yoga": 12},
        "pain": [
            ["2026-05-04T08:15:00+00:00", 4, "after lifting"],
            ["2026-05-04T10:15:00+00:00", 2, None],
        ],
        "visits": [["2026-05-04T08:15:00+00:00", None]],
        "flare_up": True,
        "checklist_done": ["vitamin_d"],
    }
    assert DayLog().as_dict() == {}


def test_day_log_round_trips_through_json() -> None:
    """Every field of a day survives being stored and read back, time zones included."""
    at = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN).astimezone(UTC)
    log = DayLog(
        minutes={
            Activity.EXERCISE: 30,
            Activity.STRETCH: 10,
            Activity.INVERSION: 15,
            Activity.REST: 20,
        },
        kinds={"yoga": 30},
        pain=[PainEntry(at, 7, "morning"), PainEntry(at + timedelta(hours=1), 3)],
        visits=[Visit(at, "Dr. Weber")],
        flare_up=True,
        checklist_done=["vitamin_d", "herbal_remedy"],
    )
    restored = DayLog.from_dict(json.loads(json.dumps(log.as_dict())))
    assert restored == log
    assert restored.pain[0].logged_at.utcoffset() == timedelta(0)
    assert all(isinstance(key, Activity) for key in restored.minutes)


def test_history_round_trips_through_json() -> None:
    """A history's days, minutes, flare-ups and reports come back the same from storage."""
    history = History()
    history.add_minutes(date(2026, 3, 28), Activity.EXERCISE, 20, kind="yoga")
    history.add_minutes(date(2026, 3, 29), Activity.STRETCH, 25)
    history.edit(date(2026, 3, 30)).flare_up = True
    history.edit(date(2026, 3, 31)).pain.append(
        PainEntry(datetime(2026, 3, 31, 6, 0, tzinfo=UTC), 6, None)
    )
    history.add_minutes(date(2026, 3, 31), Activity.EXERCISE, 20)

    stored = history.as_dict()
    assert list(stored) == ["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]
    assert stored["2026-03-30"] == {"flare_up": True}

    restored = History.from_dict(json.loads(json.dumps(stored)))
    assert restored.as_dict() == stored
    assert restored.get(date(2026, 3, 28)) == history.get(date(2026, 3, 28))
    assert restored.get(date(2026, 3, 31)) == history.get(date(2026, 3, 31))
    assert restored.latest_pain() == PainEntry(datetime(2026, 3, 31, 6, 0, tzinfo=UTC), 6, None)
    assert restored.streak(Goal.EXERCISE, 20, date(2026, 3, 31)) == Streak(
        current=3, best=3, today_met=True
    )


def test_history_is_stored_in_date_order() -> None:
    """Days are written oldest first, whatever order they were recorded in."""
    history = History()
    for day in [date(2026, 5, 3), date(2025, 12, 31), date(2026, 1, 1)]:
        history.add_minutes(day, Activity.REST, 5)
    assert list(history.as_dict()) == ["2025-12-31", "2026-01-01", "2026-05-03"]


def test_empty_history_round_trips() -> None:
    """An empty history is stored as an empty mapping and read back empty."""
    assert History().as_dict() == {}
    assert len(History.from_dict({})) == 0


def test_session_feedback_and_skipped_reminders_are_stored_and_read_back() -> None:
    """A record's feedback and the day's skipped reminders survive a restart; old records read."""
    started = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    day = DayLog(
        sessions=[
            SessionRecord(started, started + timedelta(minutes=10), Activity.REST, 10, None, "same")
        ],
        skipped=["inversion"],
    )
    stored = day.as_dict()
    assert stored["sessions"][0][-1] == "same"
    assert stored["skipped"] == ["inversion"]
    assert DayLog.from_dict(stored) == day

    # A record written before feedback was asked for has five fields.
    older = {"sessions": [[started.isoformat(), started.isoformat(), "rest", 10, None]]}
    assert DayLog.from_dict(older).sessions[0].feedback is None
    assert DayLog.from_dict(older).as_dict() == older


# --- Closed days ------------------------------------------------------------


def full_day() -> DayLog:
    """Return a day holding something of every kind, with a note in another script."""
    at = datetime(2026, 3, 29, 7, 30, tzinfo=UTC)
    return DayLog(
        minutes={Activity.REST: 15, Activity.EXERCISE: 20},
        kinds={"yoga": 20},
        pain=[PainEntry(at, 4, "steif, ça va, 背中")],
        visits=[Visit(at.astimezone(BERLIN), None)],
        flare_up=True,
        checklist_done=["vitamin_d"],
        sessions=[
            SessionRecord(at, at + timedelta(minutes=15), Activity.REST, 15, "calm", "easier")
        ],
        skipped=["inversion"],
    )


def test_a_day_reads_back_the_same_from_its_compact_text() -> None:
    """Every field of a day survives the compact text; an empty day is the shortest text."""
    log = full_day()
    layout = DayLayout.current()
    assert layout.decode(layout.encode(log)).as_dict() == log.as_dict()
    assert layout.encode(DayLog()) == "[]"
    assert layout.encode(DayLog(minutes={Activity.INVERSION: 15})) == "[0,0,15]"
    assert layout.decode("[0,0,15]").minutes == {Activity.INVERSION: 15}
    assert DayLog.from_json(log.to_json()).as_dict() == log.as_dict()


def test_closed_days_read_as_before_and_open_again_when_changed() -> None:
    """Days before today close into their year; a change opens one again, then it closes."""
    history = History()
    history.add_minutes(date(2025, 12, 31), Activity.EXERCISE, 20)
    history.add_minutes(date(2026, 1, 1), Activity.EXERCISE, 20)
    history.add_minutes(date(2026, 1, 2), Activity.EXERCISE, 5)
    history.close_days(date(2026, 1, 2))
    assert history.years == [2025, 2026]
    assert sorted(history.take_changed_years()) == [2025, 2026]
    assert history.open_days_as_dict() == {"2026-01-02": {"minutes": {"exercise": 5}}}
    assert history.get(date(2025, 12, 31)).minutes == {Activity.EXERCISE: 20}
    assert len(history) == 3
    assert history.streak(Goal.EXERCISE, 20, date(2026, 1, 2)).current == 2

    # Minutes logged for New Year's Eve: only 2025 is written again.
    history.add_minutes(date(2025, 12, 31), Activity.STRETCH, 5, "yoga")
    history.close_days(date(2026, 1, 2))
    assert list(history.take_changed_years()) == [2025]
    assert history.get(date(2025, 12, 31)).minutes == {
        Activity.EXERCISE: 20,
        Activity.STRETCH: 5,
    }
    assert history.take_changed_years() == {}


def test_latest_pain_and_visit_are_found_among_closed_days() -> None:
    """The latest report and visit are kept as days change, closed or open."""
    history = History()
    history.edit(date(2024, 5, 1)).pain.append(PainEntry(datetime(2024, 5, 1, tzinfo=UTC), 6))
    history.edit(date(2025, 5, 1)).visits.append(Visit(datetime(2025, 5, 1, tzinfo=UTC)))
    history.close_days(date(2026, 1, 1))
    assert history.latest_pain() == PainEntry(datetime(2024, 5, 1, tzinfo=UTC), 6)
    history.edit(date(2024, 4, 1)).pain.append(PainEntry(datetime(2024, 4, 1, tzinfo=UTC), 2))
    assert history.latest_pain() == PainEntry(datetime(2024, 5, 1, tzinfo=UTC), 6)
    assert history.latest_visit() == Visit(datetime(2025, 5, 1, tzinfo=UTC))


def test_a_closed_days_sessions_keep_their_times_exactly() -> None:
    """Whole seconds are kept as seconds; microseconds, UTC and a changed offset too."""
    berlin_winter = timezone(timedelta(hours=1))
    started = datetime(2026, 10, 25, 1, 50, tzinfo=timezone(timedelta(hours=2)))
    records = [
        SessionRecord(started, started + timedelta(minutes=20), Activity.REST, 20),
        SessionRecord(
            started.replace(microsecond=5), started + timedelta(minutes=3), Activity.REST, 3
        ),
        SessionRecord(
            started, (started + timedelta(minutes=30)).astimezone(berlin_winter), Activity.REST, 30
        ),
        SessionRecord(
            started.astimezone(UTC),
            started.astimezone(UTC),
            Activity.STRETCH,
            1,
            "x",
            "same",
            "card",
        ),
    ]
    layout = DayLayout.current()
    log = layout.decode(layout.encode(DayLog(sessions=records)))
    assert [record.as_list() for record in log.sessions] == [record.as_list() for record in records]
    assert layout.encode(DayLog(sessions=records[:1])).endswith(
        '[[1792885800,1200,120,"rest",20]]]'
    )


def test_the_first_day_is_the_earliest_record_open_or_closed() -> None:
    """The earliest day with a record, whether it is closed into its year or still open."""
    history = History()
    assert history.first_day() is None
    history.add_minutes(date(2026, 5, 4), Activity.REST, 5)
    history.add_minutes(date(2025, 12, 30), Activity.REST, 5)
    history.close_days(date(2026, 5, 4))
    history.add_minutes(date(2026, 5, 4), Activity.REST, 5)
    assert history.first_day() == date(2025, 12, 30)
