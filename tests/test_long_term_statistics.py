"""Daily long-term statistics through Home Assistant's real recorder.

Each test runs the recorder (the test plugin's `recorder_mock`, an in-memory
database), sets up a person, logs and runs sessions through the actions, and
reads back what Home Assistant's statistics API returns, as the statistics
graph card reads it. Europe/Amsterdam changes its clocks on the last Sundays of
March and October: 2026-03-29 has 23 hours and 2026-10-25 has 25.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import logging
import re
import threading
from typing import Any, Literal

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder, get_instance
from homeassistant.components.recorder.models import StatisticMeanType
from homeassistant.components.recorder.statistics import (
    get_metadata,
    list_statistic_ids,
    statistics_during_period,
)
from homeassistant.const import CONF_NAME, EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.back_relief.const import DOMAIN
from custom_components.back_relief.look_back.long_term_statistics import (
    PAUSE_BETWEEN,
    STATISTICS_DELAY,
)
from custom_components.back_relief.routine.day import Activity

from .conftest import advance, call, set_up, stored

AMSTERDAM = "Europe/Amsterdam"
# An entry id as Home Assistant makes them; statistic ids are lower case.
ENTRY_ID = "01JD9X3V4Q8W2T6B7N5M0K1H2G"
PREFIX = f"back_relief:{ENTRY_ID.lower()}"
INVERSION = f"{PREFIX}_inversion_minutes"
EXERCISE = f"{PREFIX}_exercise_minutes"
STRETCH = f"{PREFIX}_stretch_minutes"
REST = f"{PREFIX}_rest_minutes"
PAIN = f"{PREFIX}_pain"

type Period = Literal["hour", "day"]


@pytest.fixture
def mock_recorder_before_hass(async_test_recorder: Any) -> None:
    """Prepare the recorder's database before Home Assistant starts, as its own tests do."""


def person() -> MockConfigEntry:
    """Return Alex's entry, with an entry id of Home Assistant's kind."""
    return MockConfigEntry(domain=DOMAIN, title="Alex", data={CONF_NAME: "Alex"}, entry_id=ENTRY_ID)


async def settle(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the coalesced write happen and the recorder commit it."""
    await advance(hass, freezer, seconds=STATISTICS_DELAY + 1)
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)


async def rows(
    hass: HomeAssistant, statistic_id: str, period: Period = "hour", start: str = "2026-01-01"
) -> list[dict[str, Any]]:
    """Return a statistic's rows as the statistics graph card asks for them, local start times."""
    found = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        datetime.fromisoformat(start).replace(tzinfo=UTC),
        None,
        {statistic_id},
        period,
        None,
        {"state", "sum", "change", "mean", "min", "max"},
    )
    return [
        {
            "start": dt_util.as_local(dt_util.utc_from_timestamp(row["start"])).isoformat(),
            **{key: value for key, value in row.items() if key not in {"start", "end"}},
        }
        for row in found.get(statistic_id, [])
    ]


async def start_in_amsterdam(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: str
) -> None:
    """Set Home Assistant's time zone to Amsterdam and the clock to a local time."""
    await hass.config.async_set_time_zone(AMSTERDAM)
    freezer.move_to(when)


async def test_sessions_logged_days_and_pain_across_the_spring_change(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Each local day has its row from its own midnight, the 23-hour Sunday included."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    entry = await set_up(hass, person())
    await call(hass, "log_activity", activity="inversion", minutes=15, date="2026-03-28")
    await call(hass, "log_activity", activity="inversion", minutes=20, date="2026-03-29")
    await call(hass, "start_session", activity="inversion", duration=10)
    await advance(hass, freezer, minutes=10)
    await call(hass, "log_pain", level=4)
    await call(hass, "log_pain", level=6, note="after the drive")
    await settle(hass, freezer)

    assert await rows(hass, INVERSION) == [
        {"start": "2026-03-28T00:00:00+01:00", "state": 15.0, "sum": 15.0, "change": 15.0},
        {"start": "2026-03-29T00:00:00+01:00", "state": 20.0, "sum": 35.0, "change": 20.0},
        {"start": "2026-03-30T00:00:00+02:00", "state": 10.0, "sum": 45.0, "change": 10.0},
    ]
    # The card's daily view: Home Assistant sums each local day's change.
    daily = await rows(hass, INVERSION, "day")
    assert [(row["start"][:10], row["change"]) for row in daily] == [
        ("2026-03-28", 15.0),
        ("2026-03-29", 20.0),
        ("2026-03-30", 10.0),
    ]
    assert [row["sum"] for row in await rows(hass, REST)] == [0.0, 0.0, 0.0]
    pain = await rows(hass, PAIN)
    assert pain == [
        {"start": "2026-03-30T00:00:00+02:00", "mean": 5.0, "min": 4.0, "max": 6.0},
    ]
    assert entry.entry_id == ENTRY_ID


async def test_a_past_day_logged_later_corrects_it_and_every_total_after_it(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Thirty minutes logged for Saturday raise Saturday's row and Sunday's and Monday's totals."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    await set_up(hass, person())
    for day, minutes in (("2026-03-28", 15), ("2026-03-29", 20), ("2026-03-30", 10)):
        await call(hass, "log_activity", activity="exercise", minutes=minutes, date=day)
    await settle(hass, freezer)

    await call(hass, "log_activity", activity="exercise", minutes=30, date="2026-03-28")
    await settle(hass, freezer)

    assert [(row["state"], row["sum"]) for row in await rows(hass, EXERCISE)] == [
        (45.0, 45.0),
        (20.0, 65.0),
        (10.0, 75.0),
    ]
    daily = await rows(hass, EXERCISE, "day")
    assert [row["change"] for row in daily] == [45.0, 20.0, 10.0]
    # Stretching is its own statistic; the exercise goal counts it, the statistic doesn't.
    await call(hass, "log_activity", activity="stretch", minutes=5)
    await settle(hass, freezer)
    assert [row["state"] for row in await rows(hass, STRETCH)] == [0.0, 0.0, 5.0]
    assert [row["state"] for row in await rows(hass, EXERCISE)] == [45.0, 20.0, 10.0]


async def test_the_autumn_change_and_midnight_give_each_day_its_row(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The 25-hour Sunday starts at its midnight; after midnight the new day gets its row."""
    await start_in_amsterdam(hass, freezer, "2026-10-25T21:00:00+01:00")
    await set_up(hass, person())
    await call(hass, "log_activity", activity="rest", minutes=15, date="2026-10-24")
    await call(hass, "log_activity", activity="rest", minutes=25)
    await call(hass, "log_pain", level=3)
    await settle(hass, freezer)

    # Past midnight into Monday: nothing logged yet, and Monday has its row of zero.
    await advance(hass, freezer, hours=3)
    await call(hass, "log_pain", level=5)
    await settle(hass, freezer)

    assert await rows(hass, REST) == [
        {"start": "2026-10-24T00:00:00+02:00", "state": 15.0, "sum": 15.0, "change": 15.0},
        {"start": "2026-10-25T00:00:00+02:00", "state": 25.0, "sum": 40.0, "change": 25.0},
        {"start": "2026-10-26T00:00:00+01:00", "state": 0.0, "sum": 40.0, "change": 0.0},
    ]
    assert [(row["start"], row["mean"]) for row in await rows(hass, PAIN)] == [
        ("2026-10-25T00:00:00+02:00", 3.0),
        ("2026-10-26T00:00:00+01:00", 5.0),
    ]


async def test_the_statistics_are_described_for_the_graph_card(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Minutes are sums of durations; pain has a mean; names are in the house language."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    hass.config.language = "de"
    await set_up(hass, person())
    await call(hass, "log_activity", activity="inversion", minutes=15)
    await call(hass, "log_pain", level=2)
    await settle(hass, freezer)

    metadata = await get_instance(hass).async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={INVERSION, PAIN})
    )
    inversion, pain = metadata[INVERSION][1], metadata[PAIN][1]
    assert (inversion["has_sum"], inversion["mean_type"]) == (True, StatisticMeanType.NONE)
    assert (inversion["unit_class"], inversion["unit_of_measurement"]) == ("duration", "min")
    assert inversion["source"] == DOMAIN
    assert inversion["name"] == "Alex: Minuten Inversion"
    assert (pain["has_sum"], pain["mean_type"]) == (False, StatisticMeanType.ARITHMETIC)
    assert (pain["unit_class"], pain["unit_of_measurement"]) == (None, None)
    assert pain["name"] == "Alex: Rückenschmerz"
    # What the statistics graph card's picker lists: sums to show as change, means as lines.
    sums = await get_instance(hass).async_add_executor_job(
        lambda: list_statistic_ids(hass, statistic_type="sum")
    )
    means = await get_instance(hass).async_add_executor_job(
        lambda: list_statistic_ids(hass, statistic_type="mean")
    )
    assert {INVERSION, EXERCISE, STRETCH, REST} <= {found["statistic_id"] for found in sums}
    assert PAIN in {found["statistic_id"] for found in means}


def history_of(days: int, last: str) -> dict[str, Any]:
    """Return a stored history: 10 minutes of exercise a day, pain 3 every other day."""
    end = datetime.fromisoformat(last)
    history: dict[str, Any] = {}
    for offset in range(days):
        day = (end - timedelta(days=offset)).date()
        stored_day: dict[str, Any] = {"minutes": {"exercise": 10}}
        if offset % 2:
            stored_day["pain"] = [[f"{day.isoformat()}T18:00:00+00:00", 3, None]]
        history[day.isoformat()] = stored_day
    return history


@pytest.mark.parametrize("persistent_database", [True])
async def test_existing_history_is_written_once_and_a_restart_picks_up_after_it(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A person with 400 days of history gets them all once; a reload writes only what's new."""
    caplog.set_level(logging.DEBUG, logger="custom_components.back_relief")
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    key = f"{DOMAIN}.{ENTRY_ID}"
    hass_storage[key] = stored({"history": history_of(400, "2026-03-29")}, key)
    entry = await set_up(hass, person())
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)
    # Some five hundred rows at once: the rest wait for their turns, a pause apart.
    assert len(await rows(hass, EXERCISE, start="2024-01-01")) == 401
    assert await rows(hass, REST, start="2024-01-01") == []
    writer = entry.runtime_data.statistics
    assert writer.pending_rows == 2 * 401 + 200
    await advance(hass, freezer, seconds=PAUSE_BETWEEN)
    assert writer.pending_rows == 200
    await advance(hass, freezer, seconds=PAUSE_BETWEEN)
    assert writer.pending_rows == 0
    await async_wait_recording_done(hass)

    exercise = await rows(hass, EXERCISE, start="2024-01-01")
    assert len(exercise) == 401  # 400 days and today
    assert len(await rows(hass, REST, start="2024-01-01")) == 401
    assert exercise[-2]["sum"] == 4000.0
    assert exercise[-1] == {
        "start": "2026-03-30T00:00:00+02:00",
        "state": 0.0,
        "sum": 4000.0,
        "change": 0.0,
    }
    assert len(await rows(hass, PAIN, start="2024-01-01")) == 200
    assert _queued(caplog) == [4 * 401 + 200]

    caplog.clear()
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    # After the reload the last day with pain is written once more (pain is written
    # again for the last two days), and nothing else: not the 400 days again.
    assert _queued(caplog) == [1]
    await call(hass, "log_activity", activity="exercise", minutes=5)
    await settle(hass, freezer)
    assert _queued(caplog) == [1, 1]
    exercise = await rows(hass, EXERCISE, start="2024-01-01")
    assert len(exercise) == 401
    assert (exercise[-1]["state"], exercise[-1]["sum"]) == (5.0, 4005.0)


def _queued(caplog: pytest.LogCaptureFixture) -> list[int]:
    """Return how many rows each write handed to the recorder, from the debug log."""
    return [
        int(found.group(1))
        for record in caplog.records
        if (found := re.match(r"(\d+) daily statistics rows of", record.getMessage()))
    ]


async def test_changes_are_coalesced_and_an_unload_hands_over_what_is_pending(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Three changes within the delay make one write; an unload writes at once."""
    caplog.set_level(logging.DEBUG, logger="custom_components.back_relief")
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    entry = await set_up(hass, person())
    await hass.async_block_till_done(wait_background_tasks=True)
    for minutes in (5, 10, 15):
        await call(hass, "log_activity", activity="inversion", minutes=minutes)
    await settle(hass, freezer)
    assert _queued(caplog) == [4]  # the first day's row of each activity, once

    await call(hass, "log_activity", activity="inversion", minutes=1)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await async_wait_recording_done(hass)
    assert _queued(caplog) == [4, 1]
    assert [row["state"] for row in await rows(hass, INVERSION)] == [31.0]


async def test_home_assistant_stopping_hands_over_what_is_pending(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Minutes logged a moment before Home Assistant stops still reach the statistics."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    await set_up(hass, person())
    await hass.async_block_till_done(wait_background_tasks=True)
    await call(hass, "log_activity", activity="rest", minutes=12)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await async_wait_recording_done(hass)
    assert [row["state"] for row in await rows(hass, REST)] == [12.0]


async def test_without_a_recorder_nothing_is_written_and_nothing_breaks(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Without the recorder the routine works as before."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    await set_up(hass, person())
    await call(hass, "log_activity", activity="exercise", minutes=5)
    await advance(hass, freezer, seconds=STATISTICS_DELAY + 1)
    assert "recorder" not in hass.config.components


async def test_a_change_during_a_write_follows_it_without_waiting_for_the_next(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A change made while rows are being worked out is written right after them."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    entry = await set_up(hass, person())
    await settle(hass, freezer)
    writer = entry.runtime_data.statistics
    history = entry.runtime_data.coordinator.data.history
    today = entry.runtime_data.coordinator.reader.today()

    # The write is held in its executor until the second change is made.
    started, release = threading.Event(), threading.Event()
    work_out = writer._daily.rows

    def held(*args: Any) -> Any:
        started.set()
        release.wait(10)
        return work_out(*args)

    writer._daily.rows = held  # type: ignore[method-assign]
    history.add_minutes(today, Activity.REST, 10)
    running = hass.async_create_task(writer._async_write())
    await hass.async_add_executor_job(started.wait, 10)
    assert writer._writing
    history.add_minutes(today, Activity.REST, 5)
    await writer._async_write()
    release.set()
    await running
    await hass.async_block_till_done()
    await async_wait_recording_done(hass)

    assert [row["sum"] for row in await rows(hass, REST)] == [15.0]


async def test_removing_a_person_clears_their_statistics_and_no_one_elses(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Every series of Alex's goes with Alex, the rows still pending too; Sam's stay."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    alex = await set_up(hass, person())
    sam = await set_up(
        hass, MockConfigEntry(domain=DOMAIN, title="Sam", data={CONF_NAME: "Sam"}, entry_id="sam")
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    for entry in (alex, sam):
        await call(
            hass, "log_activity", config_entry_id=entry.entry_id, activity="rest", minutes=20
        )
        await call(hass, "log_pain", config_entry_id=entry.entry_id, level=3)
    await settle(hass, freezer)
    assert [row["state"] for row in await rows(hass, REST)] == [20.0]
    await call(hass, "log_activity", config_entry_id=alex.entry_id, activity="rest", minutes=5)

    assert await hass.config_entries.async_remove(alex.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await async_wait_recording_done(hass)

    held = await get_instance(hass).async_add_executor_job(list_statistic_ids, hass)
    ids = sorted(row["statistic_id"] for row in held if row["source"] == DOMAIN)
    assert [found for found in ids if found.startswith(PREFIX)] == []
    assert ids == sorted(
        f"back_relief:sam_{series}"
        for series in (
            "exercise_minutes",
            "inversion_minutes",
            "pain",
            "rest_minutes",
            "stretch_minutes",
        )
    )
    assert await rows(hass, REST) == []
    assert [key for key in hass_storage if key.startswith(f"{DOMAIN}.{ENTRY_ID}")] == []


async def test_minutes_set_lower_correct_the_days_row_and_every_total_after_it(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Saturday's 15 minutes set to 5 (or to 0): its row and Sunday's and Monday's totals follow."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    await set_up(hass, person())
    for day, minutes in (("2026-03-28", 15), ("2026-03-29", 20), ("2026-03-30", 10)):
        await call(hass, "log_activity", activity="inversion", minutes=minutes, date=day)
    await settle(hass, freezer)

    await call(hass, "set_minutes", activity="inversion", minutes=5, date="2026-03-28")
    await settle(hass, freezer)

    assert [(row["state"], row["sum"]) for row in await rows(hass, INVERSION)] == [
        (5.0, 5.0),
        (20.0, 25.0),
        (10.0, 35.0),
    ]

    await call(hass, "set_minutes", activity="inversion", minutes=0, date="2026-03-28")
    await settle(hass, freezer)

    assert [(row["state"], row["sum"]) for row in await rows(hass, INVERSION)] == [
        (0.0, 0.0),
        (20.0, 20.0),
        (10.0, 30.0),
    ]


async def test_a_removed_or_replaced_pain_level_corrects_the_days_row(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A 6 put right to 4 leaves 4 as the day's figures; a day with every level removed is empty."""
    await start_in_amsterdam(hass, freezer, "2026-03-30T09:00:00+02:00")
    await set_up(hass, person())
    await call(hass, "log_pain", level=3, date="2026-03-29")
    await call(hass, "log_pain", level=2)
    await call(hass, "log_pain", level=6)
    await settle(hass, freezer)

    await call(hass, "log_pain", level=4, replace=True)
    await call(hass, "remove_pain", date="2026-03-29")
    await settle(hass, freezer)

    assert await rows(hass, PAIN) == [
        {"start": "2026-03-29T00:00:00+01:00", "mean": None, "min": None, "max": None},
        {"start": "2026-03-30T00:00:00+02:00", "mean": 3.0, "min": 2.0, "max": 4.0},
    ]
