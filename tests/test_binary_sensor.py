"""Tests for Back Relief's binary sensors: session_active and resting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_OFF, STATE_ON, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import DOMAIN

from .conftest import SNAPSHOTS_MATCH

SESSION_ACTIVE = "binary_sensor.alex_session_active"
RESTING = "binary_sensor.alex_resting"


async def _call(hass: HomeAssistant, action: str, **data: Any) -> None:
    """Call one of Back Relief's actions and wait for its effects."""
    await hass.services.async_call(DOMAIN, action, data, blocking=True)
    await hass.async_block_till_done()


async def _advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Move the clock on and let the timers that fell due run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _states(hass: HomeAssistant) -> tuple[str, str]:
    """Return the states of session_active and resting."""
    active = hass.states.get(SESSION_ACTIVE)
    resting = hass.states.get(RESTING)
    assert active is not None
    assert resting is not None
    return active.state, resting.state


@pytest.mark.skipif(not SNAPSHOTS_MATCH, reason="snapshots of Home Assistant 2026.10")
async def test_binary_sensor_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Both binary sensor keys exist with their names, unique ids and classes."""
    config_entry.add_to_hass(hass)
    with patch("custom_components.back_relief.PLATFORMS", [Platform.BINARY_SENSOR]):
        assert await hass.config_entries.async_setup(config_entry.entry_id)
        await hass.async_block_till_done()

    await snapshot_platform(hass, entity_registry, snapshot, config_entry.entry_id)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"),
    [("session_active", SESSION_ACTIVE), ("resting", RESTING)],
)
async def test_binary_sensor_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    registry_entry = er.async_get(hass).async_get(expected_entity_id)
    assert registry_entry is not None
    assert registry_entry.unique_id == f"{setup_entry.entry_id}_{key}"


async def test_both_are_off_while_idle(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """With no session, nothing is active and nobody rests."""
    assert _states(hass) == (STATE_OFF, STATE_OFF)


@pytest.mark.parametrize("activity", ["exercise", "stretch", "inversion"])
async def test_session_active_is_on_while_running_or_paused(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    activity: str,
) -> None:
    """A running or paused session is active; only a rest session means resting."""
    await _call(hass, "start_session", activity=activity, duration=10)
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await _advance(hass, frozen_time, timedelta(minutes=2))
    await _call(hass, "pause_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await _call(hass, "resume_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await _call(hass, "stop_session")
    assert _states(hass) == (STATE_OFF, STATE_OFF)


async def test_resting_only_while_a_rest_session_runs(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Resting is on while a rest session runs, off while it is paused and after it ends."""
    await _call(hass, "start_session", activity="rest", duration=15)
    assert _states(hass) == (STATE_ON, STATE_ON)

    await _advance(hass, frozen_time, timedelta(minutes=5))
    await _call(hass, "pause_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await _advance(hass, frozen_time, timedelta(minutes=5))
    await _call(hass, "resume_session")
    assert _states(hass) == (STATE_ON, STATE_ON)

    # Ten more minutes run to the moved end time: the session finishes by itself.
    await _advance(hass, frozen_time, timedelta(minutes=9, seconds=59))
    assert _states(hass) == (STATE_ON, STATE_ON)
    await _advance(hass, frozen_time, timedelta(seconds=1))
    assert _states(hass) == (STATE_OFF, STATE_OFF)


async def test_cancelling_a_rest_session_ends_resting(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A cancelled rest session is neither active nor resting."""
    await _call(hass, "start_session", activity="rest")
    assert _states(hass) == (STATE_ON, STATE_ON)

    await _call(hass, "cancel_session")

    assert _states(hass) == (STATE_OFF, STATE_OFF)
