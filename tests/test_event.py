"""Tests for Back Relief's session event entity."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.event import ATTR_EVENT_TYPE, ATTR_EVENT_TYPES
from homeassistant.const import STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from syrupy.assertion import SnapshotAssertion

from custom_components.back_relief.const import DOMAIN

from .conftest import advance, call, current, entity_id, snapshot_entities

SESSION_EVENT = "event.alex_session"


def _last_event(hass: HomeAssistant) -> tuple[str, dict[str, Any]]:
    """Return the event entity's state and its event attributes (without the type list)."""
    state = current(hass, SESSION_EVENT)
    attributes = {
        key: value
        for key, value in state.attributes.items()
        if key not in (ATTR_EVENT_TYPES, "friendly_name")
    }
    return state.state, attributes


def _now() -> str:
    """Return the event entity's state for an event fired now."""
    return dt_util.utcnow().isoformat(timespec="milliseconds")


async def test_event_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """The session event entity exists with its name, unique id and event types."""
    await snapshot_entities(hass, config_entry, Platform.EVENT, snapshot)


async def test_event_entity_declares_every_event_type(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The entity is event.alex_session with all its event types, no event yet."""
    assert entity_id(hass, setup_entry, "event", "session") == SESSION_EVENT
    state = current(hass, SESSION_EVENT)
    assert state.state == STATE_UNKNOWN
    assert state.attributes[ATTR_EVENT_TYPES] == [
        "started",
        "paused",
        "resumed",
        "extended",
        "finished",
        "cancelled",
        "step",
        "reminder",
        "check_in",
        "overtime",
    ]
    assert state.attributes[ATTR_EVENT_TYPE] is None


async def test_a_session_fires_started_paused_resumed_extended_finished(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Each change of a session sets the event type and tells about the session."""
    await call(hass, "start_session", activity="inversion", duration=20)
    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "started",
            "activity": "inversion",
            "planned_minutes": 20,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:20:00+00:00",
            "routine": None,
            "source": "action",
        },
    )

    await advance(hass, frozen_time, minutes=5)
    await call(hass, "pause_session")
    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "paused",
            "activity": "inversion",
            "planned_minutes": 20,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:20:00+00:00",
            "routine": None,
            "source": "action",
        },
    )

    await advance(hass, frozen_time, minutes=2)
    await call(hass, "resume_session")
    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "resumed",
            "activity": "inversion",
            "planned_minutes": 20,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:22:00+00:00",
            "routine": None,
            "source": "action",
        },
    )

    await advance(hass, frozen_time, minutes=1)
    await call(hass, "extend_session", minutes=5)
    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "extended",
            "activity": "inversion",
            "planned_minutes": 25,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:27:00+00:00",
            "routine": None,
            "source": "action",
            "added_minutes": 5,
        },
    )

    await advance(hass, frozen_time, minutes=19)
    assert dt_util.utcnow().isoformat() == "2026-11-25T08:27:00+00:00"
    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "finished",
            "activity": "inversion",
            "planned_minutes": 25,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:27:00+00:00",
            "routine": None,
            "source": "action",
            "credited_minutes": 25,
            "stopped_early": False,
            "while_offline": False,
            "late_seconds": 0,
        },
    )


async def test_stopping_early_fires_finished_with_minutes_run(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A stopped session fires finished, stopped early, with the minutes it ran."""
    await call(hass, "start_session", activity="exercise", duration=30)
    await advance(hass, frozen_time, minutes=12)

    await call(hass, "stop_session")

    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "finished",
            "activity": "exercise",
            "planned_minutes": 30,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:30:00+00:00",
            "routine": None,
            "source": "action",
            "credited_minutes": 12,
            "stopped_early": True,
            "while_offline": False,
        },
    )


async def test_cancelling_fires_cancelled_crediting_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A cancelled session fires cancelled with no minutes credited."""
    await call(hass, "start_session", activity="rest", duration=15)
    await advance(hass, frozen_time, minutes=4)

    await call(hass, "cancel_session")

    assert _last_event(hass) == (
        _now(),
        {
            ATTR_EVENT_TYPE: "cancelled",
            "activity": "rest",
            "planned_minutes": 15,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:15:00+00:00",
            "routine": None,
            "source": "action",
            "credited_minutes": 0,
        },
    )


async def test_a_refused_action_fires_no_event(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An action that is refused leaves the event entity as it was."""
    await call(hass, "start_session", activity="stretch", duration=10)
    before = hass.states.get(SESSION_EVENT)

    with pytest.raises(ServiceValidationError) as raised:
        await call(hass, "start_session", activity="stretch")
    assert raised.value.translation_key == "session_active"
    with pytest.raises(ServiceValidationError) as raised:
        await call(hass, "resume_session")
    assert raised.value.translation_key == "not_paused"

    assert hass.states.get(SESSION_EVENT) == before


async def test_events_are_also_fired_on_the_bus(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """YAML users get the same events on the bus, with the person's entry id."""
    bus_events = async_capture_events(hass, f"{DOMAIN}_session")

    await call(hass, "start_session", activity="stretch", duration=10)
    await call(hass, "cancel_session")

    assert [event.data for event in bus_events] == [
        {
            "config_entry_id": setup_entry.entry_id,
            "type": "started",
            "activity": "stretch",
            "planned_minutes": 10,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:10:00+00:00",
            "routine": None,
            "source": "action",
        },
        {
            "config_entry_id": setup_entry.entry_id,
            "type": "cancelled",
            "activity": "stretch",
            "planned_minutes": 10,
            "started_at": "2026-11-25T08:00:00+00:00",
            "ends_at": "2026-11-25T08:10:00+00:00",
            "routine": None,
            "source": "action",
            "credited_minutes": 0,
        },
    ]
