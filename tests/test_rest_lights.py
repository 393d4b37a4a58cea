"""Tests for dimming the rest lights and putting them back."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from custom_components.back_relief.const import DOMAIN

from .conftest import advance, call, make_entry, restart, set_up

READING = "light.reading"
CEILING = "light.ceiling"
HALLWAY = "light.hallway"
DIMMED = 51  # 20 % of 255


@pytest.fixture
def light_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Three lights, two on with colour, one off; capture what is asked of them."""
    hass.states.async_set(
        READING,
        "on",
        {"brightness": 200, "color_mode": "color_temp", "color_temp_kelvin": 2700},
    )
    hass.states.async_set(
        CEILING, "on", {"brightness": 255, "color_mode": "hs", "hs_color": [30.0, 40.0]}
    )
    hass.states.async_set(HALLWAY, "off", {"color_mode": None})
    return async_mock_service(hass, "light", "turn_on")


@pytest.fixture
async def resting_entry(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, light_calls: list[ServiceCall]
) -> MockConfigEntry:
    """Alex, with three rest lights at 20 %."""
    return await set_up(
        hass, make_entry(rest_lights=[READING, CEILING, HALLWAY], rest_brightness=20)
    )


def _show_dimmed(hass: HomeAssistant) -> None:
    """Make the lights report what the dim call asked of them."""
    hass.states.async_set(
        READING, "on", {"brightness": DIMMED, "color_mode": "color_temp", "color_temp_kelvin": 2700}
    )
    hass.states.async_set(
        CEILING, "on", {"brightness": DIMMED, "color_mode": "hs", "hs_color": [30.0, 40.0]}
    )


RESTORE_CALLS = [
    {"entity_id": [READING], "transition": 2, "brightness": 200, "color_temp_kelvin": 2700},
    {"entity_id": [CEILING], "transition": 2, "brightness": 255, "hs_color": [30.0, 40.0]},
]


async def test_rest_dims_lights_that_are_on(
    hass: HomeAssistant, resting_entry: MockConfigEntry, light_calls: list[ServiceCall]
) -> None:
    """Starting a rest dims the lights that are on; a light that is off stays off."""
    await call(hass, "start_session", activity="rest", duration=15)
    assert [call.data for call in light_calls] == [
        {"entity_id": [READING, CEILING], "brightness_pct": 20, "transition": 2}
    ]


@pytest.mark.parametrize("end", ["stop_session", "cancel_session"])
async def test_stop_or_cancel_restores_each_light(
    hass: HomeAssistant,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
    end: str,
) -> None:
    """Stopping or cancelling a rest puts each light back: brightness and colour."""
    await call(hass, "start_session", activity="rest", duration=15)
    _show_dimmed(hass)
    await call(hass, end)
    assert [call.data for call in light_calls[1:]] == RESTORE_CALLS


async def test_rest_end_restores_and_a_hand_changed_light_is_left(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
) -> None:
    """At the end of a rest, lights go back, except one the person changed by hand."""
    await call(hass, "start_session", activity="rest", duration=10)
    _show_dimmed(hass)
    hass.states.async_set(CEILING, "off", {"color_mode": None})  # turned off by hand
    await advance(hass, frozen_time, minutes=10)
    assert [call.data for call in light_calls[1:]] == RESTORE_CALLS[:1]


async def test_restart_in_the_middle_of_a_rest_still_restores(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
) -> None:
    """The snapshot survives an unload and a new setup; the end restores the lights."""
    await call(hass, "start_session", activity="rest", duration=10)
    _show_dimmed(hass)
    await restart(hass, frozen_time, resting_entry, minutes=3)
    assert len(light_calls) == 1  # still resting: nothing restored yet
    await advance(hass, frozen_time, minutes=7)
    assert [call.data for call in light_calls[1:]] == RESTORE_CALLS


async def test_rest_that_ended_while_offline_restores_at_startup(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
) -> None:
    """A rest that ended while Home Assistant was down restores the lights at start-up."""
    await call(hass, "start_session", activity="rest", duration=10)
    _show_dimmed(hass)
    await restart(hass, frozen_time, resting_entry, minutes=30)
    assert [call.data for call in light_calls[1:]] == RESTORE_CALLS
    assert resting_entry.runtime_data.coordinator.reader.rest_snapshot is None


async def test_unavailable_light_is_skipped_with_a_repair(
    hass: HomeAssistant,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
    issue_registry: ir.IssueRegistry,
) -> None:
    """An unavailable light doesn't hold up the rest; a repair issue names it."""
    hass.states.async_set(CEILING, "unavailable")
    await call(hass, "start_session", activity="rest", duration=15)
    assert [call.data["entity_id"] for call in light_calls] == [[READING]]
    issue_id = f"light_unavailable_{resting_entry.entry_id}_{CEILING}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    hass.states.async_set(CEILING, "on", {"brightness": 255, "color_mode": "brightness"})
    await call(hass, "cancel_session")
    await call(hass, "start_session", activity="rest", duration=15)
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_inversion_end_flashes_when_asked(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, light_calls: list[ServiceCall]
) -> None:
    """With the option on, the rest lights flash when an inversion ends."""
    await set_up(hass, make_entry(rest_lights=[READING], flash_on_inversion_end=True))
    await call(hass, "start_session", activity="inversion", duration=5)
    await advance(hass, frozen_time, minutes=5)
    assert [call.data for call in light_calls] == [{"entity_id": [READING], "flash": "short"}]


async def test_no_flash_by_default(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
) -> None:
    """Without the option, an inversion's end leaves the lights alone."""
    await call(hass, "start_session", activity="inversion", duration=5)
    await advance(hass, frozen_time, minutes=5)
    assert light_calls == []


async def test_light_unavailable_at_the_end_is_put_back_later(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
) -> None:
    """A light that can't be reached when the rest ends keeps its snapshot for the next try."""
    await call(hass, "start_session", activity="rest", duration=15)
    _show_dimmed(hass)
    hass.states.async_set(CEILING, "unavailable")
    await call(hass, "stop_session")
    assert [call_.data for call_ in light_calls[1:]] == RESTORE_CALLS[:1]
    assert list(resting_entry.runtime_data.coordinator.reader.rest_snapshot) == [CEILING]

    # Home Assistant restarts; the light is back, still dimmed, and is put back.
    hass.states.async_set(
        CEILING, "on", {"brightness": DIMMED, "color_mode": "hs", "hs_color": [30.0, 40.0]}
    )
    await restart(hass, frozen_time, resting_entry, minutes=5)
    assert [call_.data for call_ in light_calls[2:]] == RESTORE_CALLS[1:]
    assert resting_entry.runtime_data.coordinator.reader.rest_snapshot is None


async def test_a_rest_stopped_by_mistake_and_undone_dims_again(
    hass: HomeAssistant,
    resting_entry: MockConfigEntry,
    light_calls: list[ServiceCall],
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Stop, lights back; undo, the rest goes on in dimmed light."""
    await call(hass, "start_session", activity="rest", duration=15)
    _show_dimmed(hass)
    await call(hass, "stop_session")
    await advance(hass, frozen_time, seconds=30)
    light_calls.clear()

    await call(hass, "undo_session")

    assert [call.data for call in light_calls] == [
        {"entity_id": [READING, CEILING], "brightness_pct": 20, "transition": 2}
    ]
