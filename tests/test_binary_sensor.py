"""Tests for Back Relief's binary sensors: session_active and resting."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_OFF, STATE_ON, Platform
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from .conftest import advance, call, current, entity_id, snapshot_entities

SESSION_ACTIVE = "binary_sensor.alex_session_active"
RESTING = "binary_sensor.alex_resting"


def _states(hass: HomeAssistant) -> tuple[str, str]:
    """Return the states of session_active and resting."""
    return current(hass, SESSION_ACTIVE).state, current(hass, RESTING).state


async def test_binary_sensor_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Both binary sensor keys exist with their names, unique ids and classes."""
    await snapshot_entities(hass, config_entry, Platform.BINARY_SENSOR, snapshot)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"),
    [("session_active", SESSION_ACTIVE), ("resting", RESTING)],
)
async def test_binary_sensor_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    assert entity_id(hass, setup_entry, "binary_sensor", key) == expected_entity_id


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
    await call(hass, "start_session", activity=activity, duration=10)
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await advance(hass, frozen_time, minutes=2)
    await call(hass, "pause_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await call(hass, "resume_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await call(hass, "stop_session")
    assert _states(hass) == (STATE_OFF, STATE_OFF)


async def test_resting_only_while_a_rest_session_runs(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Resting is on while a rest session runs, off while it is paused and after it ends."""
    await call(hass, "start_session", activity="rest", duration=15)
    assert _states(hass) == (STATE_ON, STATE_ON)

    await advance(hass, frozen_time, minutes=5)
    await call(hass, "pause_session")
    assert _states(hass) == (STATE_ON, STATE_OFF)

    await advance(hass, frozen_time, minutes=5)
    await call(hass, "resume_session")
    assert _states(hass) == (STATE_ON, STATE_ON)

    # Ten more minutes run to the moved end time: the session finishes by itself.
    await advance(hass, frozen_time, minutes=9, seconds=59)
    assert _states(hass) == (STATE_ON, STATE_ON)
    await advance(hass, frozen_time, seconds=1)
    assert _states(hass) == (STATE_OFF, STATE_OFF)


async def test_cancelling_a_rest_session_ends_resting(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A cancelled rest session is neither active nor resting."""
    await call(hass, "start_session", activity="rest")
    assert _states(hass) == (STATE_ON, STATE_ON)

    await call(hass, "cancel_session")

    assert _states(hass) == (STATE_OFF, STATE_OFF)
