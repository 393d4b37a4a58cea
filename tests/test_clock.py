"""Tests for the routine's clock: a session ends by itself, and catches up after a restart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.back_relief.const import BUS_EVENT

from .conftest import STORAGE_KEY, attributes, call, move_to, state


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
