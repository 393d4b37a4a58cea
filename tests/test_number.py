"""Tests for Back Relief's numbers: the default length of each activity's sessions."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.number import ATTR_MAX, ATTR_MIN, ATTR_STEP, SERVICE_SET_VALUE
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from .conftest import (
    call,
    current,
    entity_action,
    entity_id,
    make_entry,
    reload,
    set_up,
    snapshot_entities,
)

INVERSION_DURATION = "number.alex_inversion_duration"


async def test_number_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every duration key exists with its name, unique id, range and unit."""
    await snapshot_entities(hass, config_entry, Platform.NUMBER, snapshot)


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
    assert entity_id(hass, setup_entry, "number", key) == expected_entity_id


@pytest.mark.parametrize(
    ("activity", "default_minutes", "maximum"),
    # A new person's inversion starts at the gentle plan's first length.
    [("exercise", 20, 120), ("stretch", 15, 120), ("inversion", 2, 30), ("rest", 15, 120)],
)
async def test_duration_defaults_and_range(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    activity: str,
    default_minutes: int,
    maximum: int,
) -> None:
    """Each duration starts at its default, in whole minutes from 1 to its maximum."""
    state = current(hass, f"number.alex_{activity}_duration")
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
    await entity_action(hass, f"number.alex_{activity}_duration", SERVICE_SET_VALUE, value=25)
    assert float(current(hass, f"number.alex_{activity}_duration").state) == 25

    await call(hass, "start_session", activity=activity)

    assert hass.states.get("sensor.alex_session").attributes["planned_minutes"] == 25


@pytest.mark.parametrize("value", [0, 121])
async def test_duration_out_of_range_is_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, value: float
) -> None:
    """A length outside 1 to 120 minutes is refused and the number keeps its value."""
    with pytest.raises(ServiceValidationError):
        await entity_action(hass, "number.alex_rest_duration", SERVICE_SET_VALUE, value=value)

    assert float(current(hass, "number.alex_rest_duration").state) == 15


async def test_inversion_maximum_follows_max_inversion(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The inversion duration's maximum is the max_inversion option, changed at once."""
    with pytest.raises(ServiceValidationError):
        await entity_action(hass, INVERSION_DURATION, SERVICE_SET_VALUE, value=31)
    assert float(current(hass, INVERSION_DURATION).state) == 2

    hass.config_entries.async_update_entry(setup_entry, options={"max_inversion": 45})
    await hass.async_block_till_done()

    assert current(hass, INVERSION_DURATION).attributes[ATTR_MAX] == 45
    await entity_action(hass, INVERSION_DURATION, SERVICE_SET_VALUE, value=45)
    assert float(current(hass, INVERSION_DURATION).state) == 45
    with pytest.raises(ServiceValidationError):
        await entity_action(hass, INVERSION_DURATION, SERVICE_SET_VALUE, value=46)
    # The other activities keep the general maximum.
    assert current(hass, "number.alex_exercise_duration").attributes[ATTR_MAX] == 120


async def test_inversion_maximum_from_options_at_setup(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """An entry set up with max_inversion 20 offers inversion durations up to 20."""
    await set_up(hass, make_entry(max_inversion=20))

    assert current(hass, INVERSION_DURATION).attributes[ATTR_MAX] == 20


async def test_durations_persist_across_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Durations set on the numbers are kept when the entry reloads."""
    await entity_action(hass, "number.alex_exercise_duration", SERVICE_SET_VALUE, value=40)
    await entity_action(hass, "number.alex_stretch_duration", SERVICE_SET_VALUE, value=10)
    await entity_action(hass, INVERSION_DURATION, SERVICE_SET_VALUE, value=25)
    await entity_action(hass, "number.alex_rest_duration", SERVICE_SET_VALUE, value=30)

    await reload(hass, setup_entry)

    assert float(current(hass, "number.alex_exercise_duration").state) == 40
    assert float(current(hass, "number.alex_stretch_duration").state) == 10
    assert float(current(hass, INVERSION_DURATION).state) == 25
    assert float(current(hass, "number.alex_rest_duration").state) == 30
