"""Tests for Back Relief's buttons: start each activity, and stop the session."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import SERVICE_PRESS
from homeassistant.components.number import SERVICE_SET_VALUE
from homeassistant.const import STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import DOMAIN

from .conftest import advance, call, current, entity_action, entity_id, snapshot_entities

SESSION = "sensor.alex_session"


async def test_button_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every button key exists with its name and unique id."""
    await snapshot_entities(hass, config_entry, Platform.BUTTON, snapshot)


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
    assert entity_id(hass, setup_entry, "button", key) == expected_entity_id


@pytest.mark.parametrize(
    ("activity", "default_minutes"),
    [("exercise", 20), ("stretch", 15), ("inversion", 2), ("rest", 15)],
)
async def test_start_button_uses_the_default_duration(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str, default_minutes: int
) -> None:
    """An untouched duration number gives each activity its default length."""
    await entity_action(hass, f"button.alex_start_{activity}", SERVICE_PRESS)

    session = current(hass, SESSION)
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
    await entity_action(hass, f"number.alex_{activity}_duration", SERVICE_SET_VALUE, value=7)

    await entity_action(hass, f"button.alex_start_{activity}", SERVICE_PRESS)

    session = current(hass, SESSION)
    assert session.state == activity
    assert session.attributes["planned_minutes"] == 7
    assert session.attributes["started_at"] == "2026-11-25T08:00:00+00:00"
    assert session.attributes["ends_at"] == "2026-11-25T08:07:00+00:00"


async def test_start_button_refuses_while_a_session_runs(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A second start is refused with session_active and leaves the session as it was."""
    await entity_action(hass, "button.alex_start_inversion", SERVICE_PRESS)
    await advance(hass, frozen_time, minutes=1)
    before = current(hass, SESSION)

    with pytest.raises(ServiceValidationError) as raised:
        await entity_action(hass, "button.alex_start_rest", SERVICE_PRESS)

    assert raised.value.translation_domain == DOMAIN
    assert raised.value.translation_key == "session_active"
    assert raised.value.translation_placeholders == {"activity": "inversion"}
    after = current(hass, SESSION)
    assert after.state == "inversion"
    assert after.attributes == before.attributes
    assert hass.states.get("binary_sensor.alex_resting").state == "off"


async def test_start_button_refuses_while_a_session_is_paused(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A paused session is still a session: start is refused with session_active."""
    await entity_action(hass, "button.alex_start_exercise", SERVICE_PRESS)
    await call(hass, "pause_session")

    with pytest.raises(ServiceValidationError) as raised:
        await entity_action(hass, "button.alex_start_exercise", SERVICE_PRESS)

    assert raised.value.translation_key == "session_active"
    assert current(hass, SESSION).attributes["status"] == "paused"


async def test_stop_button_ends_the_session_and_credits_minutes_run(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Stop ends the session now and credits the minutes it ran."""
    await entity_action(hass, "button.alex_start_stretch", SERVICE_PRESS)
    await advance(hass, frozen_time, minutes=6)

    await entity_action(hass, "button.alex_stop_session", SERVICE_PRESS)

    assert current(hass, SESSION).state == "idle"
    assert hass.states.get("sensor.alex_session_ends").state == STATE_UNKNOWN
    assert hass.states.get("sensor.alex_exercise_today").state == "6"


async def test_stop_button_refuses_when_idle(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With no session, stop is refused with no_session and nothing is credited."""
    with pytest.raises(ServiceValidationError) as raised:
        await entity_action(hass, "button.alex_stop_session", SERVICE_PRESS)

    assert raised.value.translation_key == "no_session"
    assert current(hass, SESSION).state == "idle"
    assert hass.states.get("sensor.alex_exercise_today").state == "0"
