"""Tests for the plain day-by-day figures behind the long-term statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.back_relief.look_back.daily_statistics import (
    PAIN,
    DailyRows,
    DailyStatistics,
    PainFigures,
    day_start,
    pain_figures,
)
from custom_components.back_relief.routine.day import Activity, DayLog, PainEntry
from custom_components.back_relief.routine.history import History

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
KOLKATA = ZoneInfo("Asia/Kolkata")
# 2026's changes in Europe/Amsterdam: the last Sundays of March and October.
SPRING_FORWARD = date(2026, 3, 29)
FALL_BACK = date(2026, 10, 25)


def logged_pain(history: History, day: date, *levels: int) -> None:
    """Log pain levels on a day, an hour apart from eight in the evening UTC."""
    for hour, level in enumerate(levels):
        at = datetime(day.year, day.month, day.day, 8 + hour, tzinfo=UTC)
        history.edit(day).pain.append(PainEntry(at, level))


def test_a_day_starts_at_local_midnight_in_utc_across_both_clock_changes() -> None:
    """Each row starts at local midnight: 23:00 UTC in winter, 22:00 UTC in summer."""
    assert day_start(date(2026, 3, 28), AMSTERDAM) == datetime(2026, 3, 27, 23, tzinfo=UTC)
    assert day_start(SPRING_FORWARD, AMSTERDAM) == datetime(2026, 3, 28, 23, tzinfo=UTC)
    assert day_start(date(2026, 3, 30), AMSTERDAM) == datetime(2026, 3, 29, 22, tzinfo=UTC)
    assert day_start(FALL_BACK, AMSTERDAM) == datetime(2026, 10, 24, 22, tzinfo=UTC)
    assert day_start(date(2026, 10, 26), AMSTERDAM) == datetime(2026, 10, 25, 23, tzinfo=UTC)


def test_a_half_hour_zone_starts_its_rows_on_the_next_whole_hour_of_the_same_day() -> None:
    """Local midnight in India is 18:30 UTC; the recorder wants whole hours: 19:00 UTC."""
    start = day_start(date(2026, 6, 1), KOLKATA)
    assert start == datetime(2026, 5, 31, 19, tzinfo=UTC)
    assert start.astimezone(KOLKATA).date() == date(2026, 6, 1)


def test_pain_figures_are_the_mean_lowest_and_highest_of_the_day() -> None:
    """Three levels make one row; a day without a level has none."""
    history = History()
    logged_pain(history, date(2026, 5, 4), 3, 6, 4)
    assert pain_figures(history.get(date(2026, 5, 4))) == PainFigures(4.33, 3, 6)
    assert pain_figures(DayLog()) is None


def test_the_first_rows_cover_every_day_from_the_first_record_with_running_totals() -> None:
    """Zero days get a row too, so the totals run on through them."""
    history = History()
    history.add_minutes(date(2026, 5, 1), Activity.INVERSION, 15)
    history.add_minutes(date(2026, 5, 3), Activity.INVERSION, 20)
    history.add_minutes(date(2026, 5, 3), Activity.REST, 10)
    logged_pain(history, date(2026, 5, 2), 5)

    rows = DailyStatistics(AMSTERDAM).rows(history, date(2026, 5, 4))

    inversion = rows.minutes[Activity.INVERSION]
    assert [(row.minutes, row.total) for row in inversion] == [(15, 15), (0, 15), (20, 35), (0, 35)]
    assert inversion[0].start == datetime(2026, 4, 30, 22, tzinfo=UTC)
    assert [(row.minutes, row.total) for row in rows.minutes[Activity.REST]] == [
        (0, 0),
        (0, 0),
        (10, 10),
        (0, 10),
    ]
    assert [row.figures for row in rows.pain] == [PainFigures(5.0, 5, 5)]
    assert rows.count == 4 * 4 + 1


def test_nothing_is_written_twice_and_nothing_for_an_empty_history() -> None:
    """Without a change, the next call has no rows; a history with nothing has none either."""
    statistics = DailyStatistics(AMSTERDAM)
    assert not statistics.rows(History(), date(2026, 5, 4))
    history = History()
    history.add_minutes(date(2026, 5, 4), Activity.EXERCISE, 20)
    assert statistics.rows(history, date(2026, 5, 4))
    assert not statistics.rows(history, date(2026, 5, 4))


def test_a_past_day_logged_later_corrects_that_day_and_every_total_after_it() -> None:
    """Minutes logged for three days ago rewrite that row and the rows after it, for exercise."""
    history = History()
    for offset in range(10):
        history.add_minutes(date(2026, 5, 1) + timedelta(days=offset), Activity.EXERCISE, 20)
    statistics = DailyStatistics(AMSTERDAM)
    statistics.rows(history, date(2026, 5, 10))

    history.add_minutes(date(2026, 5, 7), Activity.EXERCISE, 30)
    rows = statistics.rows(history, date(2026, 5, 10))

    assert set(rows.minutes) == {Activity.EXERCISE}
    exercise = rows.minutes[Activity.EXERCISE]
    assert [row.start.astimezone(AMSTERDAM).date() for row in exercise] == [
        date(2026, 5, 7),
        date(2026, 5, 8),
        date(2026, 5, 9),
        date(2026, 5, 10),
    ]
    assert [(row.minutes, row.total) for row in exercise] == [
        (50, 170),
        (20, 190),
        (20, 210),
        (20, 230),
    ]
    assert not rows.pain


def test_a_new_day_gets_its_zero_row_and_a_changed_pain_day_its_row_again() -> None:
    """After midnight each activity gets the new day's row; a second level redoes the pain row."""
    history = History()
    history.add_minutes(date(2026, 5, 1), Activity.REST, 15)
    logged_pain(history, date(2026, 5, 1), 6)
    statistics = DailyStatistics(AMSTERDAM)
    statistics.rows(history, date(2026, 5, 1))

    next_day = statistics.rows(history, date(2026, 5, 2))
    assert {activity: len(rows) for activity, rows in next_day.minutes.items()} == dict.fromkeys(
        Activity, 1
    )
    assert next_day.minutes[Activity.REST][0].total == 15
    assert not next_day.pain

    logged_pain(history, date(2026, 5, 2), 2)
    logged_pain(history, date(2026, 5, 1), 3)
    pain = statistics.rows(history, date(2026, 5, 2)).pain
    assert [(row.start, row.figures) for row in pain] == [
        (datetime(2026, 4, 30, 22, tzinfo=UTC), PainFigures(4.5, 3, 6)),
        (datetime(2026, 5, 1, 22, tzinfo=UTC), PainFigures(2.0, 2, 2)),
    ]


def test_rows_across_the_spring_and_autumn_changes_start_at_each_local_midnight() -> None:
    """A 23 and a 25 hour day each hold their own minutes, starting at their midnight."""
    history = History()
    for day in (SPRING_FORWARD, FALL_BACK):
        for offset in (-1, 0, 1):
            history.add_minutes(day + timedelta(days=offset), Activity.INVERSION, 10 + offset)
    rows = DailyStatistics(AMSTERDAM).rows(history, date(2026, 10, 26))
    by_start = {row.start: row for row in rows.minutes[Activity.INVERSION]}
    for day in (SPRING_FORWARD, FALL_BACK):
        for offset in (-1, 0, 1):
            local = day + timedelta(days=offset)
            row = by_start[day_start(local, AMSTERDAM)]
            assert row.minutes == 10 + offset
            assert row.start.astimezone(AMSTERDAM).hour == 0
    lengths = {
        (day_start(day + timedelta(days=1), AMSTERDAM) - day_start(day, AMSTERDAM))
        for day in (SPRING_FORWARD, FALL_BACK)
    }
    assert lengths == {timedelta(hours=23), timedelta(hours=25)}


def test_resuming_takes_matching_rows_as_written_and_rewrites_the_rest() -> None:
    """A restart picks up after the last row; a total that doesn't match is written again."""
    history = History()
    for offset in range(5):
        history.add_minutes(date(2026, 5, 1) + timedelta(days=offset), Activity.EXERCISE, 10)
        history.add_minutes(date(2026, 5, 1) + timedelta(days=offset), Activity.REST, 5)
    logged_pain(history, date(2026, 5, 3), 4)
    logged_pain(history, date(2026, 5, 5), 2)
    last = date(2026, 5, 5)
    statistics = DailyStatistics(AMSTERDAM)

    rewrite = statistics.resume(
        history,
        {
            Activity.EXERCISE: (last, 50),
            Activity.REST: (last, 20),  # one day short: a write that never made it
            Activity.STRETCH: (last, 0),
            PAIN: (last, None),
        },
    )

    assert rewrite == [Activity.INVERSION, Activity.REST]
    rows = statistics.rows(history, date(2026, 5, 6))
    assert [len(rows.minutes[activity]) for activity in (Activity.EXERCISE, Activity.STRETCH)] == [
        1,
        1,
    ]
    assert rows.minutes[Activity.EXERCISE][0].total == 50
    assert len(rows.minutes[Activity.REST]) == 6
    assert len(rows.minutes[Activity.INVERSION]) == 6
    # The last two days of pain are written again; older ones stand.
    assert [row.figures.mean for row in rows.pain] == [2.0]


def merged(rows_over_time: list[DailyRows]) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Return what the statistics hold after these rows: the latest row of each day."""
    minutes: dict[Any, Any] = {}
    pain: dict[Any, Any] = {}
    for rows in rows_over_time:
        for activity, activity_rows in rows.minutes.items():
            for row in activity_rows:
                minutes[activity, row.start] = (row.minutes, row.total)
        for row in rows.pain:
            pain[row.start] = row.figures
    return minutes, pain


def test_rows_written_change_by_change_hold_what_one_whole_write_holds() -> None:
    """Over three years, days closed and reopened, each write reads only what changed.

    The statistics built up change by change (a frozen history each time, as the
    writer hands it over) end up holding exactly what one write of the whole
    history would; and a change reads the changed year, not the others.
    """
    history = History()
    today = date(2024, 3, 1)
    for offset in range(800):
        day = today + timedelta(days=offset)
        if offset % 3:
            history.add_minutes(day, Activity.EXERCISE, 10 + offset % 7)
        if offset % 5 == 0:
            history.add_minutes(day, Activity.REST, 15)
        if offset % 4 == 0:
            logged_pain(history, day, offset % 11)
    today = date(2026, 5, 10)
    history.close_days(today)
    statistics = DailyStatistics(AMSTERDAM)
    written = [statistics.rows(history.frozen(), today)]

    # A change today; a day of last year reopened and closed again; a new day.
    history.add_minutes(today, Activity.INVERSION, 12)
    written.append(statistics.rows(history.frozen(), today))
    history.add_minutes(date(2025, 12, 30), Activity.EXERCISE, 25)
    logged_pain(history, date(2025, 12, 30), 9)
    written.append(statistics.rows(history.frozen(), today))
    # While that day is still open, the running totals after it count it as it is now.
    history.add_minutes(today, Activity.EXERCISE, 5)
    written.append(statistics.rows(history.frozen(), today))
    assert len(written[-1].minutes[Activity.EXERCISE]) == 1
    history.close_days(today)
    assert not statistics.rows(history.frozen(), today)
    # A past day changed and closed again before the write: seen in its year's text.
    history.add_minutes(date(2026, 1, 15), Activity.REST, 30)
    history.close_days(today)
    written.append(statistics.rows(history.frozen(), today))
    assert written[-1].minutes[Activity.REST][0].start == day_start(date(2026, 1, 15), AMSTERDAM)
    tomorrow = today + timedelta(days=1)
    history.close_days(tomorrow)
    history.add_minutes(tomorrow, Activity.STRETCH, 5)
    written.append(statistics.rows(history.frozen(), tomorrow))

    assert merged(written) == merged([DailyStatistics(AMSTERDAM).rows(history, tomorrow)])
    # The change of 2025-12-30 rewrote exercise from that day on, and its pain row.
    exercise = written[2].minutes[Activity.EXERCISE]
    assert exercise[0].start == day_start(date(2025, 12, 30), AMSTERDAM)
    assert len(exercise) == (today - date(2025, 12, 30)).days + 1
    assert [row.start for row in written[2].pain] == [day_start(date(2025, 12, 30), AMSTERDAM)]
    assert set(written[2].minutes) == {Activity.EXERCISE}
