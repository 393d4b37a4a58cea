"""A benchmark of the look back with ten years of history: the report, statistics, insights.

Like test_benchmark.py it prints its figures and asserts behaviour, not timings: a
365-day report of ten years of history has 365 days, its CSV 366 lines, and the
statistics' rows cover every day.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
import gc
from http import HTTPStatus
from statistics import median
import tracemalloc
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder, get_instance
from homeassistant.components.recorder.statistics import get_last_statistics
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief.language.phrases import language
from custom_components.back_relief.look_back.daily_statistics import DailyRows, DailyStatistics
from custom_components.back_relief.look_back.insights import insight_minutes, recent_insights
from custom_components.back_relief.look_back.long_term_statistics import PAUSE_BETWEEN
from custom_components.back_relief.look_back.report_html import render_html, report_words
from custom_components.back_relief.look_back.report_view import person_report
from custom_components.back_relief.routine.day import Activity, Goal
from custom_components.back_relief.routine.history import History

from .conftest import advance, make_entry, set_up
from .test_benchmark import (
    ROUNDS,
    TEN_YEARS,
    TODAY,
    Report,
    clock,
    milliseconds,
    report,  # noqa: F401 - the fixture that prints the figures
    seed_storage,
    stored_routine,
    ten_years_of_history,
)

# Heavy: runs once, on the newest target (scripts/test).
pytestmark = pytest.mark.heavy

BERLIN = ZoneInfo("Europe/Berlin")  # conftest's time zone


def timed(function: Any, *args: Any) -> tuple[float, Any]:
    """Run a function ROUNDS times; return the median time and its last result."""
    times = []
    result = None
    for _ in range(ROUNDS):
        started = clock()
        result = function(*args)
        times.append(clock() - started)
    return median(times), result


async def test_a_year_long_report_of_ten_years_of_history(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    hass_client: ClientSessionGenerator,
    report: Report,  # noqa: F811 - the fixture imported above
) -> None:
    """Print the time to build a 365-day report of ten years, and its size in bytes.

    The part in the event loop (freezing the history) is timed apart from the
    part in an executor (reading the period's days, writing the page); then the
    whole request, as a browser makes it.
    """
    assert await async_setup_component(hass, "http", {})
    entry = make_entry()
    seed_storage(hass_storage, entry, stored_routine(ten_years_of_history()))
    await set_up(hass, entry)
    coordinator = entry.runtime_data.coordinator
    assert len(coordinator.reader.history) == TEN_YEARS

    in_loop, build = timed(person_report, coordinator, 365)
    page_words, insight_words = report_words(language(hass))

    def build_and_write() -> tuple[Any, str]:
        made = build()
        return made, render_html(made, page_words, insight_words)

    in_executor, (made, page) = timed(build_and_write)
    assert len(made.days) == 365
    assert made.last == TODAY

    client = await hass_client()
    url = f"/api/back_relief/report/{entry.entry_id}"
    request_times: dict[str, list[float]] = {"html": [], "csv": []}
    sizes: dict[str, int] = {}
    for _ in range(ROUNDS):
        for kind, times in request_times.items():
            started = clock()
            response = await client.get(url, params={"days": "365", "format": kind})
            body = await response.read()
            times.append(clock() - started)
            assert response.status == HTTPStatus.OK
            sizes[kind] = len(body)
    assert sizes["html"] == len(page.encode())
    assert body.decode().count("\r\n") == 1 + 365

    report(
        f"365-day report of 10 years: event loop {milliseconds(in_loop)} (freezing the "
        f"history), built and written in an executor {milliseconds(in_executor)}, "
        f"whole request "
        f"{milliseconds(median(request_times['html']))} (median of {ROUNDS}); "
        f"page {sizes['html']:,} bytes, CSV {sizes['csv']:,} bytes "
        f"(CSV request {milliseconds(median(request_times['csv']))})",
        report_loop_ms=round(in_loop * 1000, 2),
        report_executor_ms=round(in_executor * 1000, 2),
        report_request_ms=round(median(request_times["html"]) * 1000, 2),
        report_html_bytes=sizes["html"],
        report_csv_bytes=sizes["csv"],
    )

    minutes = insight_minutes({goal: coordinator.reader.goal_minutes(goal) for goal in Goal}, 15)
    insights_time, insights = timed(
        recent_insights, coordinator.reader.history, TODAY, minutes, insight_words
    )
    # Pain every third day: 30 days with a level in 90, too few days missing a goal.
    assert insights == []
    report(
        f"get_summary's insights over 90 days: {milliseconds(insights_time)}, "
        f"{len(insights)} found",
        insights_ms=round(insights_time * 1000, 2),
    )


def test_daily_statistics_of_ten_years(report: Report) -> None:  # noqa: F811
    """Print the rows written once for ten years, and the work and memory of later writes.

    The history's past days are closed, as the routine keeps them. After the
    first write the statistics hold a frozen copy of the history, which shares
    the years' texts, and each year's totals: at most 128 KiB (asserted). A
    change then reads the changed days and their year, not the other years.
    """
    history = History.from_dict(ten_years_of_history())
    history.close_days(TODAY)
    backfill_time, rows = timed(lambda: DailyStatistics(BERLIN).rows(history.frozen(), TODAY))
    assert len(rows.minutes[Activity.EXERCISE]) == TEN_YEARS + 1

    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        statistics = DailyStatistics(BERLIN)
        statistics.rows(history.frozen(), TODAY)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    def change(day_back: int, activity: Activity) -> DailyRows:
        history.add_minutes(TODAY - timedelta(days=day_back), activity, 1)
        history.close_days(TODAY)  # as a save does
        return statistics.rows(history.frozen(), TODAY)

    today_time, today_rows = timed(partial(change, 0, Activity.INVERSION))
    assert today_rows.count == 1
    month_time, month_rows = timed(partial(change, 30, Activity.EXERCISE))
    assert month_rows.count == 31
    frozen_time, _ = timed(history.frozen)
    report(
        f"daily statistics of 10 years: written once {rows.count:,} rows in "
        f"{milliseconds(backfill_time)}; then held {held / 1024:.1f} KiB; a change today "
        f"{today_rows.count} row in {milliseconds(today_time)}, a change 30 days back "
        f"{month_rows.count} rows in {milliseconds(month_time)}, in an executor; in the "
        f"event loop only freezing the history, {milliseconds(frozen_time)}, at most every 10 s",
        statistics_backfill_rows=rows.count,
        statistics_backfill_ms=round(backfill_time * 1000, 2),
        statistics_held_kib=round(held / 1024, 1),
        statistics_change_ms=round(today_time * 1000, 3),
        statistics_change_month_back_ms=round(month_time * 1000, 3),
        statistics_loop_ms=round(frozen_time * 1000, 3),
    )
    assert held <= 128 * 1024


@pytest.fixture
def mock_recorder_before_hass(async_test_recorder: Any) -> None:
    """Prepare the recorder's database before Home Assistant starts (for the test that uses it)."""


async def test_ten_years_of_statistics_reach_the_recorder(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    report: Report,  # noqa: F811
) -> None:
    """Print how long the recorder takes to write ten years of daily rows, once."""
    entry = make_entry()
    seed_storage(hass_storage, entry, stored_routine(ten_years_of_history()))
    started = clock()
    await set_up(hass, entry)
    await hass.async_block_till_done(wait_background_tasks=True)
    turns = 1
    while entry.runtime_data.statistics.pending_rows:
        await advance(hass, frozen_time, seconds=PAUSE_BETWEEN)
        turns += 1
    await async_wait_recording_done(hass)
    written = clock() - started
    statistic = f"back_relief:{entry.entry_id}_exercise_minutes"
    last = await get_instance(hass).async_add_executor_job(
        partial(get_last_statistics, hass, 1, statistic, convert_units=False, types={"sum"})
    )
    # Ten years of 15 minutes of exercise (but every 100th day) and 10 of stretching.
    assert last[statistic][0]["sum"] == 15 * (TEN_YEARS - TEN_YEARS // 100)
    report(
        f"10 years of daily statistics written once, from setup to the recorder's commit: "
        f"{milliseconds(written)} (in-memory SQLite), handed over in {turns} turns "
        f"{PAUSE_BETWEEN} s apart",
        statistics_backfill_recorder_ms=round(written * 1000, 2),
    )
