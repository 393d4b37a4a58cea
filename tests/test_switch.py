"""Tests for Back Relief's switches: reminders and flare-up."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.switch import DOMAIN as SWITCH_DOMAIN
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    STATE_OFF,
    STATE_ON,
    Platform,
)
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

REMINDERS = "switch.alex_reminders"
FLARE_UP = "switch.alex_flare_up"
EXERCISE_STREAK = "sensor.alex_exercise_streak"


async def _switch(hass: HomeAssistant, switch: str, service: str) -> None:
    """Turn a switch on or off and wait for its effects."""
    await hass.services.async_call(SWITCH_DOMAIN, service, {ATTR_ENTITY_ID: switch}, blocking=True)
    await hass.async_block_till_done()


async def _move_to(hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: str) -> None:
    """Move the clock to a local time and let the timers that fell due run."""
    freezer.move_to(when)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _state(hass: HomeAssistant, entity: str) -> Any:
    """Return an entity's state."""
    state = hass.states.get(entity)
    assert state is not None
    return state


async def _exercise_met_on(hass: HomeAssistant, *days: str) -> None:
    """Log the exercise goal (20 minutes) on each day."""
    for day in days:
        await hass.services.async_call(
            DOMAIN,
            "log_activity",
            {"activity": "exercise", "minutes": 20, "date": day},
            blocking=True,
        )
    await hass.async_block_till_done()


@pytest.mark.skipif(not SNAPSHOTS_MATCH, reason="snapshots of Home Assistant 2026.10")
async def test_switch_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Both switch keys exist with their names, unique ids and categories."""
    config_entry.add_to_hass(hass)
    with patch("custom_components.back_relief.PLATFORMS", [Platform.SWITCH]):
        assert await hass.config_entries.async_setup(config_entry.entry_id)
        await hass.async_block_till_done()

    await snapshot_platform(hass, entity_registry, snapshot, config_entry.entry_id)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"), [("reminders", REMINDERS), ("flare_up", FLARE_UP)]
)
async def test_switch_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    registry_entry = er.async_get(hass).async_get(expected_entity_id)
    assert registry_entry is not None
    assert registry_entry.unique_id == f"{setup_entry.entry_id}_{key}"


async def test_switches_start_with_reminders_on_and_no_flare_up(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A new person gets reminders and no flare-up."""
    assert _state(hass, REMINDERS).state == STATE_ON
    assert _state(hass, FLARE_UP).state == STATE_OFF


@pytest.mark.parametrize("switch", [REMINDERS, FLARE_UP])
async def test_switch_turns_off_and_on(
    hass: HomeAssistant, setup_entry: MockConfigEntry, switch: str
) -> None:
    """Each switch follows turn_on and turn_off."""
    await _switch(hass, switch, SERVICE_TURN_ON)
    assert _state(hass, switch).state == STATE_ON

    await _switch(hass, switch, SERVICE_TURN_OFF)
    assert _state(hass, switch).state == STATE_OFF

    await _switch(hass, switch, SERVICE_TURN_ON)
    assert _state(hass, switch).state == STATE_ON


async def test_switches_persist_across_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Reminders off and flare-up on are kept when the entry reloads."""
    await _switch(hass, REMINDERS, SERVICE_TURN_OFF)
    await _switch(hass, FLARE_UP, SERVICE_TURN_ON)

    assert await hass.config_entries.async_reload(setup_entry.entry_id)
    await hass.async_block_till_done()

    assert _state(hass, REMINDERS).state == STATE_OFF
    assert _state(hass, FLARE_UP).state == STATE_ON


@pytest.mark.parametrize(("flare_up_today", "streak_tomorrow"), [(False, "0"), (True, "2")])
async def test_flare_up_for_a_moment_pauses_the_day(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    flare_up_today: bool,
    streak_tomorrow: str,
) -> None:
    """A day with flare-up on at any moment neither breaks nor extends the streak."""
    await _exercise_met_on(hass, "2026-11-23", "2026-11-24")
    assert _state(hass, EXERCISE_STREAK).state == "2"

    if flare_up_today:
        await _switch(hass, FLARE_UP, SERVICE_TURN_ON)
        await _switch(hass, FLARE_UP, SERVICE_TURN_OFF)

    # Today (11-25) passes without exercise.
    await _move_to(hass, frozen_time, "2026-11-26T10:00:00+01:00")

    streak = _state(hass, EXERCISE_STREAK)
    assert streak.state == streak_tomorrow
    assert streak.attributes["best"] == 2
    assert streak.attributes["today_met"] is False


async def test_flare_up_left_on_pauses_every_day_it_spans(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Flare-up left on over midnight pauses the next day too: met or not, it doesn't count."""
    await _exercise_met_on(hass, "2026-11-23", "2026-11-24")
    await _switch(hass, FLARE_UP, SERVICE_TURN_ON)

    await _move_to(hass, frozen_time, "2026-11-26T00:00:01+01:00")
    await _exercise_met_on(hass, "2026-11-26")

    # 11-26 meets the goal but is paused, like 11-25: the streak stays at 2.
    streak = _state(hass, EXERCISE_STREAK)
    assert streak.state == "2"
    assert streak.attributes["today_met"] is True

    await _move_to(hass, frozen_time, "2026-11-26T18:00:00+01:00")
    await _switch(hass, FLARE_UP, SERVICE_TURN_OFF)
    await _move_to(hass, frozen_time, "2026-11-27T10:00:00+01:00")
    assert _state(hass, EXERCISE_STREAK).state == "2"

    await _exercise_met_on(hass, "2026-11-27")

    streak = _state(hass, EXERCISE_STREAK)
    assert streak.state == "3"
    assert streak.attributes["best"] == 3
    assert streak.attributes["today_met"] is True
