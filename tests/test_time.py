"""Tests for Back Relief's days through Home Assistant: midnight, DST and flare-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import (
    STORAGE_KEY,
    attributes,
    call,
    current,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    set_up,
    state,
    stored,
    written_days,
)


def met_days(first: date, count: int, minutes: int = 20) -> dict[str, Any]:
    """Return stored history of consecutive days with exercise minutes."""
    return {
        (first + timedelta(days=offset)).isoformat(): {"minutes": {"exercise": minutes}}
        for offset in range(count)
    }


async def set_up_at(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: str
) -> MockConfigEntry:
    """Set up Alex at a local time."""
    freezer.move_to(when)
    return await set_up(hass, make_entry())


async def set_up_with(
    hass: HomeAssistant, hass_storage: dict[str, Any], routine: dict[str, Any]
) -> MockConfigEntry:
    """Set up Alex with a stored routine, at the frozen morning."""
    hass_storage[STORAGE_KEY] = stored(routine)
    return await set_up(hass, make_entry())


async def summary_days(hass: HomeAssistant, days: int) -> dict[str, dict[str, Any]]:
    """Return the per-day part of get_summary, by date."""
    return {day["date"]: day for day in (await call(hass, "get_summary", days=days))["days"]}


async def set_flare_up(hass: HomeAssistant, entry: MockConfigEntry, on: bool) -> None:
    """Switch flare-up on or off through its switch entity."""
    flare_up = entity_id(hass, entry, "switch", "flare_up")
    await entity_action(hass, flare_up, "turn_on" if on else "turn_off")


def streak(hass: HomeAssistant, entry: MockConfigEntry, goal: str = "exercise") -> tuple[str, Any]:
    """Return a streak sensor's state and whether today met the goal."""
    found = current(hass, entity_id(hass, entry, "sensor", f"{goal}_streak"))
    return found.state, found.attributes["today_met"]


# ----- midnight -----


async def test_totals_start_at_zero_at_local_midnight_and_the_streak_stays(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """At local midnight today's minutes go back to 0; yesterday's met goal keeps the streak."""
    await call(hass, "log_activity", activity="exercise", minutes=25)
    await call(hass, "log_activity", activity="rest", minutes=15)
    assert streak(hass, setup_entry) == ("1", True)

    # Midnight in UTC is 01:00 in Berlin: still the same local day.
    await move_to(hass, frozen_time, "2026-11-25T23:59:59+01:00")
    assert state(hass, setup_entry, "sensor", "exercise_today") == "25"

    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")
    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"
    assert state(hass, setup_entry, "sensor", "rest_today") == "0"
    assert streak(hass, setup_entry) == ("1", False)
    assert streak(hass, setup_entry, "rest") == ("1", False)
    assert streak(hass, setup_entry, "inversion") == ("0", False)

    # A day with nothing done is only lost once it is over.
    await move_to(hass, frozen_time, "2026-11-27T00:00:00+01:00")
    assert streak(hass, setup_entry) == ("0", False)
    assert attributes(hass, setup_entry, "sensor", "exercise_streak")["best"] == 1


async def test_checklist_items_done_today_are_open_again_after_midnight(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The checklist starts fresh each day; the items themselves stay."""
    checklist = entity_id(hass, setup_entry, "todo", "checklist")
    await entity_action(hass, checklist, "add_item", item="Magnesium")
    for item in ("Vitamin D", "Magnesium"):
        await entity_action(hass, checklist, "update_item", item=item, status="completed")
    assert hass.states.get(checklist).state == "2"

    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")

    assert hass.states.get(checklist).state == "4"
    response = await hass.services.async_call(
        "todo", "get_items", {"entity_id": checklist}, blocking=True, return_response=True
    )
    assert [(item["summary"], item["status"]) for item in response[checklist]["items"]] == [
        ("Vitamin D", "needs_action"),
        ("Herbal remedy", "needs_action"),
        ("A few minutes of sun", "needs_action"),
        ("Magnesium", "needs_action"),
    ]


async def test_session_across_midnight_is_credited_to_the_day_it_started(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session from 23:50 to 00:10 counts for the day it started."""
    await move_to(hass, frozen_time, "2026-11-25T23:50:00+01:00")
    await call(hass, "start_session", activity="exercise", duration=20)

    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")
    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"

    await move_to(hass, frozen_time, "2026-11-26T00:10:00+01:00")
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"
    assert streak(hass, setup_entry) == ("1", False)
    days = await summary_days(hass, 2)
    assert days["2026-11-25"]["exercise"] == 20
    assert days["2026-11-26"]["exercise"] == 0


async def test_session_stopped_after_midnight_is_credited_to_the_day_it_started(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Stopping early after midnight credits the minutes run to the start day."""
    await move_to(hass, frozen_time, "2026-11-25T23:45:00+01:00")
    await call(hass, "start_session", activity="rest", duration=30)
    await move_to(hass, frozen_time, "2026-11-26T00:05:00+01:00")
    await call(hass, "stop_session")

    days = await summary_days(hass, 2)
    assert days["2026-11-25"]["rest"] == 20
    assert days["2026-11-26"]["rest"] == 0
    assert state(hass, setup_entry, "sensor", "rest_today") == "0"
    assert streak(hass, setup_entry, "rest") == ("1", False)


# ----- daylight saving time -----


@pytest.mark.parametrize(
    ("day_before", "change_day", "day_after", "change_day_noon", "late_evening"),
    [
        # Fall back: 10-25 has 25 hours.
        (
            "2026-10-24T09:00:00+02:00",
            "2026-10-25T00:00:00+02:00",
            "2026-10-26T00:00:00+01:00",
            "2026-10-25T12:00:00+01:00",
            "2026-10-25T23:30:00+01:00",
        ),
        # Spring forward: 03-29 has 23 hours.
        (
            "2026-03-28T09:00:00+01:00",
            "2026-03-29T00:00:00+01:00",
            "2026-03-30T00:00:00+02:00",
            "2026-03-29T12:00:00+02:00",
            "2026-03-29T23:30:00+02:00",
        ),
    ],
    ids=["fall_back", "spring_forward"],
)
async def test_midnight_and_streaks_across_a_dst_change(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    day_before: str,
    change_day: str,
    day_after: str,
    change_day_noon: str,
    late_evening: str,
) -> None:
    """The midnight timer fires at each local midnight around a DST change; streaks go on."""
    entry = await set_up_at(hass, frozen_time, day_before)
    await call(hass, "log_activity", activity="exercise", minutes=20)

    await move_to(hass, frozen_time, change_day)
    assert state(hass, entry, "sensor", "exercise_today") == "0"
    assert streak(hass, entry) == ("1", False)

    await move_to(hass, frozen_time, change_day_noon)
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert streak(hass, entry) == ("2", True)

    # A timer 24 hours after the last midnight would be an hour off either way.
    await move_to(hass, frozen_time, late_evening)
    assert state(hass, entry, "sensor", "exercise_today") == "20"

    await move_to(hass, frozen_time, day_after)
    assert state(hass, entry, "sensor", "exercise_today") == "0"
    assert streak(hass, entry) == ("2", False)
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert streak(hass, entry) == ("3", True)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-10-25T02:50:00+02:00", "2026-10-25T02:10:00+01:00"),
        ("2026-03-29T01:50:00+01:00", "2026-03-29T03:10:00+02:00"),
    ],
    ids=["fall_back", "spring_forward"],
)
async def test_session_across_a_dst_change_runs_its_real_minutes(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, start: str, end: str
) -> None:
    """A 20-minute session across the clock change ends 20 real minutes later."""
    entry = await set_up_at(hass, frozen_time, start)
    await call(hass, "start_session", activity="inversion", duration=20)
    assert (
        state(hass, entry, "sensor", "session_ends")
        == dt_util.as_utc(datetime.fromisoformat(end)).isoformat()
    )

    await move_to(hass, frozen_time, end)
    assert state(hass, entry, "sensor", "session") == "idle"
    assert state(hass, entry, "sensor", "inversion_today") == "20"


# ----- flare-up -----


async def test_flare_up_neither_breaks_nor_extends_a_streak(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """A day with flare-up on at any moment is paused, even after switching it off."""
    entry = await set_up_with(hass, hass_storage, {"history": met_days(date(2026, 11, 22), 3)})
    assert streak(hass, entry) == ("3", False)

    await set_flare_up(hass, entry, on=True)
    assert state(hass, entry, "switch", "flare_up") == "on"
    await call(hass, "log_activity", activity="exercise", minutes=30)
    assert streak(hass, entry) == ("3", True)
    await move_to(hass, frozen_time, "2026-11-25T11:00:00+01:00")
    await set_flare_up(hass, entry, on=False)
    assert streak(hass, entry) == ("3", True)

    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")
    assert streak(hass, entry) == ("3", False)
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert streak(hass, entry) == ("4", True)
    days = await summary_days(hass, 2)
    assert days["2026-11-25"]["flare_up"] is True
    assert days["2026-11-26"]["flare_up"] is False


async def test_flare_up_left_on_over_midnight_pauses_the_next_day_too(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """The new day is marked at midnight while flare-up stays on."""
    entry = await set_up_with(hass, hass_storage, {"history": met_days(date(2026, 11, 22), 3)})
    await set_flare_up(hass, entry, on=True)

    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")
    await move_to(hass, frozen_time, "2026-11-26T09:00:00+01:00")
    await set_flare_up(hass, entry, on=False)
    # Neither paused day met the goal, yet the streak is not broken.
    await move_to(hass, frozen_time, "2026-11-27T00:00:00+01:00")
    assert streak(hass, entry) == ("3", False)

    days = await summary_days(hass, 3)
    assert [days[day]["flare_up"] for day in sorted(days)] == [True, True, False]
    await move_to(hass, frozen_time, "2026-11-28T00:00:00+01:00")
    assert streak(hass, entry) == ("0", False)


async def test_flare_up_on_at_setup_marks_the_day(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """After a restart with flare-up on, the day of the restart is paused."""
    entry = await set_up_with(
        hass,
        hass_storage,
        {
            "history": met_days(date(2026, 11, 22), 2) | {"2026-11-24": {"flare_up": True}},
            "flare_up": True,
        },
    )

    assert state(hass, entry, "switch", "flare_up") == "on"
    days = await summary_days(hass, 2)
    assert days["2026-11-25"]["flare_up"] is True
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert written_days(hass_storage)["2026-11-25"] == {"flare_up": True}
    assert hass_storage[STORAGE_KEY]["data"]["flare_up"] is True

    # The paused day does not break the streak of 11-22 and 11-23 the day after.
    await move_to(hass, frozen_time, "2026-11-26T09:00:00+01:00")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await set_flare_up(hass, entry, on=False)
    assert streak(hass, entry) == ("2", False)


async def test_flare_up_left_on_while_home_assistant_was_down_pauses_the_missed_days(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """Days that passed while Home Assistant was down with flare-up on are paused too."""
    entry = await set_up_with(hass, hass_storage, {"history": met_days(date(2026, 11, 22), 3)})
    await set_flare_up(hass, entry, on=True)
    assert await hass.config_entries.async_unload(entry.entry_id)

    # Down for all of 11-26; back on 11-27 with the switch still on.
    await move_to(hass, frozen_time, "2026-11-27T09:00:00+01:00")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert state(hass, entry, "switch", "flare_up") == "on"
    days = await summary_days(hass, 3)
    assert [days[day]["flare_up"] for day in sorted(days)] == [True, True, True]
    assert streak(hass, entry) == ("3", False)


async def three_met_days_then_a_flare_up(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> MockConfigEntry:
    """Set up Alex with exercise met 11-22 to 11-24, and turn flare-up on on 11-25."""
    entry = await set_up_with(hass, hass_storage, {"history": met_days(date(2026, 11, 22), 3)})
    await set_flare_up(hass, entry, on=True)
    return entry


async def test_flare_up_pauses_every_day_a_clock_jump_skips(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """A host suspended for days (one late midnight tick for three midnights) loses no day."""
    entry = await three_met_days_then_a_flare_up(hass, hass_storage)

    # Three midnights pass at once; the timers get one chance to run.
    await move_to(hass, frozen_time, "2026-11-28T10:00:00+01:00")

    assert streak(hass, entry) == ("3", False)
    days = await summary_days(hass, 5)
    assert [day for day in sorted(days) if days[day]["flare_up"]] == [
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
    ]
    await set_flare_up(hass, entry, on=False)
    await move_to(hass, frozen_time, "2026-11-29T09:00:00+01:00")
    await call(hass, "log_activity", activity="exercise", minutes=20)
    assert streak(hass, entry) == ("4", True)
    assert await hass.config_entries.async_unload(entry.entry_id)
    history = written_days(hass_storage)
    assert [day for day in sorted(history) if history[day].get("flare_up")] == [
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
    ]


async def test_flare_up_days_come_from_when_it_was_turned_on_not_from_ticks(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """Before any timer catches up with a clock that jumped, the days are already paused."""
    entry = await three_met_days_then_a_flare_up(hass, hass_storage)

    # The clock is corrected by three days; no timer has run since.
    frozen_time.move_to("2026-11-28T10:00:00+01:00")
    await call(hass, "log_pain", level=6)

    assert streak(hass, entry) == ("3", False)
    summary = await call(hass, "get_summary", days=4)
    assert summary is not None
    assert summary["streaks"]["exercise"]["current"] == 3
    assert all(day["flare_up"] for day in summary["days"])
