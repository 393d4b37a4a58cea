"""Tests for setting up, unloading and reloading Back Relief, and several people."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.back_relief.const import BUS_EVENT, DOMAIN

from .conftest import STORAGE_KEY, attributes, call, make_entry, move_to, reload, set_up, state


async def test_setup_and_unload(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """An entry loads with its entities and unloads cleanly."""
    assert setup_entry.state is ConfigEntryState.LOADED
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    assert setup_entry.state is ConfigEntryState.NOT_LOADED


# ----- sessions over time -----


async def test_session_finishes_by_itself_at_its_end_time(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """At the end time the session finishes, credits its planned minutes and says so."""
    events = async_capture_events(hass, BUS_EVENT)
    started = dt_util.utcnow()
    await call(hass, "start_session", activity="exercise", duration=20)

    await move_to(hass, frozen_time, started + timedelta(minutes=19, seconds=58))
    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"

    await move_to(hass, frozen_time, started + timedelta(minutes=20))
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "session_ends") == "unknown"
    assert state(hass, setup_entry, "binary_sensor", "session_active") == "off"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "20"
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"

    assert [event.data["type"] for event in events] == ["started", "finished"]
    finished = events[1].data
    assert finished["config_entry_id"] == setup_entry.entry_id
    assert finished["activity"] == "exercise"
    assert finished["planned_minutes"] == 20
    assert finished["credited_minutes"] == 20
    assert finished["stopped_early"] is False
    assert finished["while_offline"] is False
    event_attributes = attributes(hass, setup_entry, "event", "session")
    assert event_attributes["event_type"] == "finished"
    assert event_attributes["while_offline"] is False
    assert event_attributes["credited_minutes"] == 20


async def test_reload_keeps_a_running_session_and_its_end_time(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A reload in the middle of a session neither ends nor moves it."""
    started = dt_util.utcnow()
    ends_at = started + timedelta(minutes=15)
    await call(hass, "start_session", activity="inversion", duration=15)
    await move_to(hass, frozen_time, started + timedelta(minutes=5))

    await reload(hass, setup_entry)

    assert setup_entry.state is ConfigEntryState.LOADED
    assert state(hass, setup_entry, "sensor", "session") == "inversion"
    assert attributes(hass, setup_entry, "sensor", "session")["status"] == "running"
    assert state(hass, setup_entry, "sensor", "session_ends") == ends_at.isoformat()
    assert state(hass, setup_entry, "sensor", "inversion_today") == "0"

    # The timer armed after the reload finishes it on time.
    await move_to(hass, frozen_time, ends_at)
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "inversion_today") == "15"


async def test_reload_keeps_a_paused_session_paused_with_its_remaining_time(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A paused session survives a reload paused, and resumes with the time it had left."""
    started = dt_util.utcnow()
    await call(hass, "start_session", activity="rest", duration=15)
    await move_to(hass, frozen_time, started + timedelta(minutes=5))
    await call(hass, "pause_session")

    await reload(hass, setup_entry)
    # Far past the original end time: a paused session does not finish.
    resumed_at = started + timedelta(minutes=45)
    await move_to(hass, frozen_time, resumed_at)

    assert state(hass, setup_entry, "sensor", "session") == "rest"
    assert attributes(hass, setup_entry, "sensor", "session")["status"] == "paused"
    assert state(hass, setup_entry, "sensor", "session_ends") == "unknown"
    assert state(hass, setup_entry, "sensor", "rest_today") == "0"
    assert (await call(hass, "get_summary"))["session"]["remaining_seconds"] == 600

    await call(hass, "resume_session")
    assert (
        state(hass, setup_entry, "sensor", "session_ends")
        == (resumed_at + timedelta(minutes=10)).isoformat()
    )
    await move_to(hass, frozen_time, resumed_at + timedelta(minutes=10))
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "rest_today") == "15"


async def test_session_whose_end_passed_while_unloaded_finishes_at_setup(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session that ended while Home Assistant was away is credited and flagged offline."""
    started = dt_util.utcnow()
    await call(hass, "start_session", activity="exercise", duration=20)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)

    back_at = started + timedelta(hours=1)
    await move_to(hass, frozen_time, back_at)
    events = async_capture_events(hass, BUS_EVENT)
    assert await hass.config_entries.async_setup(setup_entry.entry_id)
    await hass.async_block_till_done()

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "20"
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"
    assert len(events) == 1
    finished = events[0].data
    assert finished["type"] == "finished"
    assert finished["credited_minutes"] == 20
    assert finished["while_offline"] is True
    assert finished["late_seconds"] == 40 * 60
    event_attributes = attributes(hass, setup_entry, "event", "session")
    assert event_attributes["event_type"] == "finished"
    assert event_attributes["while_offline"] is True


async def test_unload_cancels_the_session_and_midnight_timers(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Once unloaded, a person's timers stay silent: no finished event, no write at midnight."""
    started = dt_util.utcnow()
    await call(hass, "start_session", activity="exercise", duration=20)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    written = hass_storage[STORAGE_KEY]
    events = async_capture_events(hass, BUS_EVENT)

    # Past the session's end and the next midnight, then past the save delay.
    await move_to(hass, frozen_time, started + timedelta(days=1))
    await move_to(hass, frozen_time, started + timedelta(days=1, seconds=11))

    assert events == []
    assert hass_storage[STORAGE_KEY] is written
    assert written["data"]["session"]["activity"] == "exercise"


async def test_session_still_running_after_unload_goes_on_after_setup(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session whose end has not come yet when set up again keeps running to its end."""
    started = dt_util.utcnow()
    await call(hass, "start_session", activity="exercise", duration=20)
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    await move_to(hass, frozen_time, started + timedelta(minutes=10))
    assert await hass.config_entries.async_setup(setup_entry.entry_id)
    await hass.async_block_till_done()

    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    await move_to(hass, frozen_time, started + timedelta(minutes=20))
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "20"


# ----- several people -----


async def test_two_people_are_kept_apart(
    hass: HomeAssistant, hass_storage: dict[str, Any], frozen_time: FrozenDateTimeFactory
) -> None:
    """Two entries have their own entities, sessions, totals and storage."""
    alex = await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    started = dt_util.utcnow()

    await call(
        hass, "start_session", config_entry_id=alex.entry_id, activity="inversion", duration=15
    )
    await call(hass, "log_activity", config_entry_id=sam.entry_id, activity="rest", minutes=20)

    assert hass.states.get("sensor.alex_session").state == "inversion"
    assert hass.states.get("sensor.sam_session").state == "idle"
    assert hass.states.get("binary_sensor.alex_session_active").state == "on"
    assert hass.states.get("binary_sensor.sam_session_active").state == "off"
    assert hass.states.get("sensor.alex_rest_today").state == "0"
    assert hass.states.get("sensor.sam_rest_today").state == "20"

    await move_to(hass, frozen_time, started + timedelta(minutes=15))
    assert hass.states.get("sensor.alex_session").state == "idle"
    assert hass.states.get("sensor.alex_inversion_today").state == "15"
    assert hass.states.get("sensor.sam_inversion_today").state == "0"
    assert hass.states.get("sensor.alex_inversion_streak").state == "1"
    assert hass.states.get("sensor.sam_inversion_streak").state == "0"
    assert hass.states.get("sensor.sam_rest_streak").state == "1"
    assert hass.states.get("sensor.alex_rest_streak").state == "0"

    # Unloading Sam leaves Alex alone; each is stored under its own key.
    assert await hass.config_entries.async_unload(sam.entry_id)
    assert alex.state is ConfigEntryState.LOADED
    await call(hass, "start_session", activity="exercise")
    assert hass.states.get("sensor.alex_session").state == "exercise"
    assert await hass.config_entries.async_unload(alex.entry_id)
    sam_days = hass_storage[f"{DOMAIN}.entry_sam"]["data"]["history"]
    alex_days = hass_storage[f"{DOMAIN}.entry_alex"]["data"]["history"]
    assert {day: log["minutes"] for day, log in sam_days.items()} == {"2026-11-25": {"rest": 20}}
    assert {day: log["minutes"] for day, log in alex_days.items()} == {
        "2026-11-25": {"inversion": 15}
    }
    assert hass_storage[f"{DOMAIN}.entry_alex"]["data"]["session"]["activity"] == "exercise"
    assert hass_storage[f"{DOMAIN}.entry_sam"]["data"]["session"] is None
