"""Tests for Back Relief's buttons: start each activity, and stop the session."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.number import ATTR_VALUE, DOMAIN as NUMBER_DOMAIN, SERVICE_SET_VALUE
from homeassistant.const import ATTR_ENTITY_ID, STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import DOMAIN

from .conftest import SNAPSHOTS_MATCH

SESSION = "sensor.alex_session"


async def _press(hass: HomeAssistant, button: str) -> None:
    """Press a button and wait for its effects."""
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: button}, blocking=True
    )
    await hass.async_block_till_done()


async def _advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Move the clock on and let the timers that fell due run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _session(hass: HomeAssistant) -> Any:
    """Return the state of the session sensor."""
    state = hass.states.get(SESSION)
    assert state is not None
    return state


@pytest.mark.skipif(not SNAPSHOTS_MATCH, reason="snapshots of Home Assistant 2026.10")
async def test_button_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every button key exists with its name and unique id."""
    config_entry.add_to_hass(hass)
    with patch("custom_components.back_relief.PLATFORMS", [Platform.BUTTON]):
        assert await hass.config_entries.async_setup(config_entry.entry_id)
        await hass.async_block_till_done()

    await snapshot_platform(hass, entity_registry, snapshot, config_entry.entry_id)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"),
    [
        ("start_exercise", "button.alex_start_exercise"),
        ("start_stretch", "button.alex_start_stretch"),
        ("start_inversion", "button.alex_start_inversion"),
        ("start_rest", "button.alex_start_rest"),
        ("stop_session", "button.alex_stop_session"),
    ],
)
async def test_button_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    registry_entry = er.async_get(hass).async_get(expected_entity_id)
    assert registry_entry is not None
    assert registry_entry.unique_id == f"{setup_entry.entry_id}_{key}"


@pytest.mark.parametrize(
    ("activity", "default_minutes"),
    [("exercise", 20), ("stretch", 15), ("inversion", 15), ("rest", 15)],
)
async def test_start_button_uses_the_default_duration(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str, default_minutes: int
) -> None:
    """An untouched duration number gives each activity its default length."""
    await _press(hass, f"button.alex_start_{activity}")

    session = _session(hass)
    assert session.state == activity
    assert session.attributes["status"] == "running"
    assert session.attributes["planned_minutes"] == default_minutes
    assert hass.states.get("sensor.alex_session_ends").state == (
        dt_util.utcnow() + timedelta(minutes=default_minutes)
    ).isoformat(timespec="seconds")


@pytest.mark.parametrize("activity", ["exercise", "stretch", "inversion", "rest"])
async def test_start_button_uses_the_duration_number(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str
) -> None:
    """Pressing start begins the activity with the length set on its duration number."""
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: f"number.alex_{activity}_duration", ATTR_VALUE: 7},
        blocking=True,
    )

    await _press(hass, f"button.alex_start_{activity}")

    session = _session(hass)
    assert session.state == activity
    assert session.attributes["planned_minutes"] == 7
    assert session.attributes["started_at"] == "2026-11-25T08:00:00+00:00"
    assert session.attributes["ends_at"] == "2026-11-25T08:07:00+00:00"


async def test_start_button_refuses_while_a_session_runs(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A second start is refused with session_active and leaves the session as it was."""
    await _press(hass, "button.alex_start_inversion")
    await _advance(hass, frozen_time, timedelta(minutes=3))
    before = _session(hass)

    with pytest.raises(ServiceValidationError) as raised:
        await _press(hass, "button.alex_start_rest")

    assert raised.value.translation_domain == DOMAIN
    assert raised.value.translation_key == "session_active"
    assert raised.value.translation_placeholders == {"activity": "inversion"}
    after = _session(hass)
    assert after.state == "inversion"
    assert after.attributes == before.attributes
    assert hass.states.get("binary_sensor.alex_resting").state == "off"


async def test_start_button_refuses_while_a_session_is_paused(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A paused session is still a session: start is refused with session_active."""
    await _press(hass, "button.alex_start_exercise")
    await hass.services.async_call(DOMAIN, "pause_session", {}, blocking=True)
    await hass.async_block_till_done()

    with pytest.raises(ServiceValidationError) as raised:
        await _press(hass, "button.alex_start_exercise")

    assert raised.value.translation_key == "session_active"
    assert _session(hass).attributes["status"] == "paused"


async def test_stop_button_ends_the_session_and_credits_minutes_run(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Stop ends the session now and credits the minutes it ran."""
    await _press(hass, "button.alex_start_stretch")
    await _advance(hass, frozen_time, timedelta(minutes=6))

    await _press(hass, "button.alex_stop_session")

    assert _session(hass).state == "idle"
    assert hass.states.get("sensor.alex_session_ends").state == STATE_UNKNOWN
    assert hass.states.get("sensor.alex_exercise_today").state == "6"


async def test_stop_button_refuses_when_idle(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With no session, stop is refused with no_session and nothing is credited."""
    with pytest.raises(ServiceValidationError) as raised:
        await _press(hass, "button.alex_stop_session")

    assert raised.value.translation_key == "no_session"
    assert _session(hass).state == "idle"
    assert hass.states.get("sensor.alex_exercise_today").state == "0"
