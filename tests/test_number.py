"""Tests for Back Relief's numbers: the default length of each activity's sessions."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.number import (
    ATTR_MAX,
    ATTR_MIN,
    ATTR_STEP,
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, snapshot_platform
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import DOMAIN

from .conftest import SNAPSHOTS_MATCH, make_entry

INVERSION_DURATION = "number.alex_inversion_duration"


async def _set(hass: HomeAssistant, number: str, value: float) -> None:
    """Set a number through its action and wait for its effects."""
    await hass.services.async_call(
        NUMBER_DOMAIN, SERVICE_SET_VALUE, {ATTR_ENTITY_ID: number, ATTR_VALUE: value}, blocking=True
    )
    await hass.async_block_till_done()


def _number(hass: HomeAssistant, number: str) -> Any:
    """Return a number's state."""
    state = hass.states.get(number)
    assert state is not None
    return state


@pytest.mark.skipif(not SNAPSHOTS_MATCH, reason="snapshots of Home Assistant 2026.10")
async def test_number_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every duration key exists with its name, unique id, range and unit."""
    config_entry.add_to_hass(hass)
    with patch("custom_components.back_relief.PLATFORMS", [Platform.NUMBER]):
        assert await hass.config_entries.async_setup(config_entry.entry_id)
        await hass.async_block_till_done()

    await snapshot_platform(hass, entity_registry, snapshot, config_entry.entry_id)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"),
    [
        ("exercise_duration", "number.alex_exercise_duration"),
        ("stretch_duration", "number.alex_stretch_duration"),
        ("inversion_duration", INVERSION_DURATION),
        ("rest_duration", "number.alex_rest_duration"),
    ],
)
async def test_number_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    registry_entry = er.async_get(hass).async_get(expected_entity_id)
    assert registry_entry is not None
    assert registry_entry.unique_id == f"{setup_entry.entry_id}_{key}"


@pytest.mark.parametrize(
    ("activity", "default_minutes", "maximum"),
    [("exercise", 20, 120), ("stretch", 15, 120), ("inversion", 15, 30), ("rest", 15, 120)],
)
async def test_duration_defaults_and_range(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    activity: str,
    default_minutes: int,
    maximum: int,
) -> None:
    """Each duration starts at its default, in whole minutes from 1 to its maximum."""
    state = _number(hass, f"number.alex_{activity}_duration")
    assert float(state.state) == default_minutes
    assert state.attributes[ATTR_MIN] == 1
    assert state.attributes[ATTR_MAX] == maximum
    assert state.attributes[ATTR_STEP] == 1
    assert state.attributes["unit_of_measurement"] == "min"
    assert state.attributes["mode"] == "box"


@pytest.mark.parametrize("activity", ["exercise", "stretch", "inversion", "rest"])
async def test_set_duration_is_used_by_start_session(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str
) -> None:
    """A duration set on the number is the length of a session started without one."""
    await _set(hass, f"number.alex_{activity}_duration", 25)
    assert float(_number(hass, f"number.alex_{activity}_duration").state) == 25

    await hass.services.async_call(DOMAIN, "start_session", {"activity": activity}, blocking=True)
    await hass.async_block_till_done()

    assert hass.states.get("sensor.alex_session").attributes["planned_minutes"] == 25


@pytest.mark.parametrize("value", [0, 121])
async def test_duration_out_of_range_is_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, value: float
) -> None:
    """A length outside 1 to 120 minutes is refused and the number keeps its value."""
    with pytest.raises(ServiceValidationError):
        await _set(hass, "number.alex_rest_duration", value)

    assert float(_number(hass, "number.alex_rest_duration").state) == 15


async def test_inversion_maximum_follows_max_inversion(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The inversion duration's maximum is the max_inversion option, changed at once."""
    with pytest.raises(ServiceValidationError):
        await _set(hass, INVERSION_DURATION, 31)
    assert float(_number(hass, INVERSION_DURATION).state) == 15

    hass.config_entries.async_update_entry(setup_entry, options={"max_inversion": 45})
    await hass.async_block_till_done()

    assert _number(hass, INVERSION_DURATION).attributes[ATTR_MAX] == 45
    await _set(hass, INVERSION_DURATION, 45)
    assert float(_number(hass, INVERSION_DURATION).state) == 45
    with pytest.raises(ServiceValidationError):
        await _set(hass, INVERSION_DURATION, 46)
    # The other activities keep the general maximum.
    assert _number(hass, "number.alex_exercise_duration").attributes[ATTR_MAX] == 120


async def test_inversion_maximum_from_options_at_setup(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """An entry set up with max_inversion 20 offers inversion durations up to 20."""
    entry = make_entry(max_inversion=20)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert _number(hass, INVERSION_DURATION).attributes[ATTR_MAX] == 20


async def test_durations_persist_across_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Durations set on the numbers are kept when the entry reloads."""
    await _set(hass, "number.alex_exercise_duration", 40)
    await _set(hass, "number.alex_stretch_duration", 10)
    await _set(hass, INVERSION_DURATION, 25)
    await _set(hass, "number.alex_rest_duration", 30)

    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()

    assert float(_number(hass, "number.alex_exercise_duration").state) == 40
    assert float(_number(hass, "number.alex_stretch_duration").state) == 10
    assert float(_number(hass, INVERSION_DURATION).state) == 25
    assert float(_number(hass, "number.alex_rest_duration").state) == 30
