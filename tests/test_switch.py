"""Tests for Back Relief's switches: reminders and flare-up."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import SERVICE_TURN_OFF, SERVICE_TURN_ON, STATE_OFF, STATE_ON, Platform
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from .conftest import call, current, entity_action, entity_id, move_to, reload, snapshot_entities

REMINDERS = "switch.alex_reminders"
FLARE_UP = "switch.alex_flare_up"
EXERCISE_STREAK = "sensor.alex_exercise_streak"


async def _exercise_met_on(hass: HomeAssistant, *days: str) -> None:
    """Log the exercise goal (20 minutes) on each day."""
    for day in days:
        await call(hass, "log_activity", activity="exercise", minutes=20, date=day)


async def test_switch_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Both switch keys exist with their names, unique ids and categories."""
    await snapshot_entities(hass, config_entry, Platform.SWITCH, snapshot)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"), [("reminders", REMINDERS), ("flare_up", FLARE_UP)]
)
async def test_switch_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    assert entity_id(hass, setup_entry, "switch", key) == expected_entity_id


async def test_switches_start_with_reminders_on_and_no_flare_up(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A new person gets reminders and no flare-up."""
    assert current(hass, REMINDERS).state == STATE_ON
    assert current(hass, FLARE_UP).state == STATE_OFF


@pytest.mark.parametrize("switch", [REMINDERS, FLARE_UP])
async def test_switch_turns_off_and_on(
    hass: HomeAssistant, setup_entry: MockConfigEntry, switch: str
) -> None:
    """Each switch follows turn_on and turn_off."""
    await entity_action(hass, switch, SERVICE_TURN_ON)
    assert current(hass, switch).state == STATE_ON

    await entity_action(hass, switch, SERVICE_TURN_OFF)
    assert current(hass, switch).state == STATE_OFF

    await entity_action(hass, switch, SERVICE_TURN_ON)
    assert current(hass, switch).state == STATE_ON


async def test_switches_persist_across_reload(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Reminders off and flare-up on are kept when the entry reloads."""
    await entity_action(hass, REMINDERS, SERVICE_TURN_OFF)
    await entity_action(hass, FLARE_UP, SERVICE_TURN_ON)

    await reload(hass, setup_entry)

    assert current(hass, REMINDERS).state == STATE_OFF
    assert current(hass, FLARE_UP).state == STATE_ON


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
    assert current(hass, EXERCISE_STREAK).state == "2"

    if flare_up_today:
        await entity_action(hass, FLARE_UP, SERVICE_TURN_ON)
        await entity_action(hass, FLARE_UP, SERVICE_TURN_OFF)

    # Today (11-25) passes without exercise.
    await move_to(hass, frozen_time, "2026-11-26T10:00:00+01:00")

    streak = current(hass, EXERCISE_STREAK)
    assert streak.state == streak_tomorrow
    assert streak.attributes["best"] == 2
    assert streak.attributes["today_met"] is False


async def test_flare_up_left_on_pauses_every_day_it_spans(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Flare-up left on over midnight pauses the next day too: met or not, it doesn't count."""
    await _exercise_met_on(hass, "2026-11-23", "2026-11-24")
    await entity_action(hass, FLARE_UP, SERVICE_TURN_ON)

    await move_to(hass, frozen_time, "2026-11-26T00:00:01+01:00")
    await _exercise_met_on(hass, "2026-11-26")

    # 11-26 meets the goal but is paused, like 11-25: the streak stays at 2.
    streak = current(hass, EXERCISE_STREAK)
    assert streak.state == "2"
    assert streak.attributes["today_met"] is True

    await move_to(hass, frozen_time, "2026-11-26T18:00:00+01:00")
    await entity_action(hass, FLARE_UP, SERVICE_TURN_OFF)
    await move_to(hass, frozen_time, "2026-11-27T10:00:00+01:00")
    assert current(hass, EXERCISE_STREAK).state == "2"

    await _exercise_met_on(hass, "2026-11-27")

    streak = current(hass, EXERCISE_STREAK)
    assert streak.state == "3"
    assert streak.attributes["best"] == 3
    assert streak.attributes["today_met"] is True
