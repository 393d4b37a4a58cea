"""Tests for setting up, unloading and reloading Back Relief, and several people."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.const import DOMAIN

from .conftest import attributes, call, make_entry, move_to, reload, set_up, state, written_days


async def test_setup_and_unload(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """An entry loads with its entities and unloads cleanly."""
    assert setup_entry.state is ConfigEntryState.LOADED
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    assert setup_entry.state is ConfigEntryState.NOT_LOADED


@pytest.mark.as_shipped
async def test_only_the_session_active_sensor_starts_disabled(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """As shipped, every entity is enabled but session_active, which the session sensor covers."""
    registered = er.async_entries_for_config_entry(er.async_get(hass), setup_entry.entry_id)
    disabled = {
        entry.entity_id: entry.disabled_by for entry in registered if entry.disabled_by is not None
    }

    assert disabled == {"binary_sensor.alex_session_active": er.RegistryEntryDisabler.INTEGRATION}
    assert hass.states.get("binary_sensor.alex_session_active") is None
    assert len(registered) == 28
    for entry in registered:
        if entry.disabled_by is None:
            assert hass.states.get(entry.entity_id) is not None, entry.entity_id


# ----- reloads -----


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
    sam_days = written_days(hass_storage, f"{DOMAIN}.entry_sam")
    alex_days = written_days(hass_storage, f"{DOMAIN}.entry_alex")
    assert {day: log["minutes"] for day, log in sam_days.items()} == {"2026-11-25": {"rest": 20}}
    assert {day: log["minutes"] for day, log in alex_days.items()} == {
        "2026-11-25": {"inversion": 15}
    }
    assert hass_storage[f"{DOMAIN}.entry_alex"]["data"]["session"]["activity"] == "exercise"
    assert hass_storage[f"{DOMAIN}.entry_sam"]["data"]["session"] is None
