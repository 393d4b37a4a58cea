"""Back Relief's conditions in real automations, written as a user writes them.

Each automation runs on a ``check`` event and calls ``test.ran`` only when its
condition holds; the routine is driven through Back Relief's actions, and the
conditions hold exactly when they should, also after a reload and a restart.
"""

from __future__ import annotations

from typing import Any

from awesomeversion import AwesomeVersion
from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import __version__ as ha_version
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from .conftest import (
    advance,
    call,
    current,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    reload,
    restart,
    set_up,
)


def automation(name: str, condition: dict[str, Any]) -> dict[str, Any]:
    """Return an automation that runs on the check event when its condition holds."""
    return {
        "alias": name,
        "triggers": [{"trigger": "event", "event_type": "check"}],
        "conditions": [condition],
        "actions": [{"action": "test.ran", "data": {"automation": name}}],
    }


async def set_up_automations(
    hass: HomeAssistant, *automations: dict[str, Any]
) -> list[ServiceCall]:
    """Set up the automation component with these automations; return the runs' calls."""
    runs = async_mock_service(hass, "test", "ran")
    assert await async_setup_component(hass, "automation", {"automation": list(automations)})
    await hass.async_block_till_done()
    return runs


async def passing(hass: HomeAssistant, runs: list[ServiceCall]) -> list[str]:
    """Fire the check event; return the automations whose conditions held."""
    runs.clear()
    hass.bus.async_fire("check")
    await hass.async_block_till_done()
    return sorted(call.data["automation"] for call in runs)


def device_of(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    """Return the id of a person's Back Relief device."""
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device.id


async def test_session_running(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Running holds while a session runs; a paused one only counts when asked to."""
    runs = await set_up_automations(
        hass,
        automation("any", {"condition": "back_relief.session_running"}),
        automation(
            "rest",
            {"condition": "back_relief.session_running", "options": {"activities": ["rest"]}},
        ),
        automation(
            "or paused",
            {"condition": "back_relief.session_running", "options": {"paused": True}},
        ),
    )
    assert await passing(hass, runs) == []
    await call(hass, "start_session", activity="exercise")
    assert await passing(hass, runs) == ["any", "or paused"]
    await call(hass, "pause_session")
    assert await passing(hass, runs) == ["or paused"]
    await call(hass, "stop_session")
    assert await passing(hass, runs) == []

    await call(hass, "start_session", activity="rest")
    assert await passing(hass, runs) == ["any", "or paused", "rest"]
    # A running session is running after a reload and a restart too.
    await reload(hass, setup_entry)
    assert await passing(hass, runs) == ["any", "or paused", "rest"]
    await restart(hass, frozen_time, setup_entry, minutes=1)
    assert await passing(hass, runs) == ["any", "or paused", "rest"]
    await advance(hass, frozen_time, minutes=15)
    assert await passing(hass, runs) == []


async def test_goal_met_flare_up_and_pain(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Each holds from the change that makes it true, until the day or the entry changes it."""
    entry = await set_up(hass, make_entry(exercise_goal=20, rest_goal=15))
    runs = await set_up_automations(
        hass,
        automation(
            "exercise met", {"condition": "back_relief.goal_met", "options": {"goals": "exercise"}}
        ),
        automation("all met", {"condition": "back_relief.goal_met"}),
        automation("flare-up", {"condition": "back_relief.flare_up"}),
        automation("pain 6+", {"condition": "back_relief.pain_at_least", "options": {"level": 6}}),
    )
    assert await passing(hass, runs) == []
    await call(hass, "log_activity", activity="exercise", minutes=19)
    await call(hass, "log_pain", level=5)
    assert await passing(hass, runs) == []
    await call(hass, "log_activity", activity="stretch", minutes=1)
    await call(hass, "log_pain", level=6)
    await entity_action(hass, entity_id(hass, entry, "switch", "flare_up"), "turn_on")
    assert await passing(hass, runs) == ["exercise met", "flare-up", "pain 6+"]
    await call(hass, "log_activity", activity="rest", minutes=15)
    await call(hass, "log_activity", activity="inversion", minutes=15)
    assert await passing(hass, runs) == ["all met", "exercise met", "flare-up", "pain 6+"]

    await reload(hass, entry)
    await restart(hass, frozen_time, entry, minutes=1)
    assert await passing(hass, runs) == ["all met", "exercise met", "flare-up", "pain 6+"]

    # The last level counts, also on the next day; goals and the flare-up are the day's.
    await call(hass, "log_pain", level=2)
    await entity_action(hass, entity_id(hass, entry, "switch", "flare_up"), "turn_off")
    assert await passing(hass, runs) == ["all met", "exercise met", "flare-up"]
    await move_to(hass, frozen_time, "2026-11-26T09:00:00+01:00")
    assert await passing(hass, runs) == []
    await call(hass, "log_pain", level=9)
    assert await passing(hass, runs) == ["pain 6+"]


async def test_targets_and_behavior(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Without a target any person is enough; with ``all`` every one must pass; a target narrows."""
    alex = await set_up(hass, make_entry("Alex"))
    sam = await set_up(hass, make_entry("Sam"))
    runs = await set_up_automations(
        hass,
        automation("anyone", {"condition": "back_relief.session_running"}),
        automation(
            "everyone",
            {"condition": "back_relief.session_running", "options": {"behavior": "all"}},
        ),
        automation(
            "Sam",
            {
                "condition": "back_relief.session_running",
                "target": {"device_id": device_of(hass, sam)},
            },
        ),
    )
    await call(hass, "start_session", activity="rest", config_entry_id=alex.entry_id)
    assert await passing(hass, runs) == ["anyone"]
    await call(hass, "start_session", activity="rest", config_entry_id=sam.entry_id)
    assert await passing(hass, runs) == ["Sam", "anyone", "everyone"]
    await call(hass, "cancel_session", config_entry_id=alex.entry_id)
    assert await passing(hass, runs) == ["Sam", "anyone"]
    # Nobody loaded: nothing passes.
    await hass.config_entries.async_unload(sam.entry_id)
    await hass.config_entries.async_unload(alex.entry_id)
    await hass.async_block_till_done()
    assert await passing(hass, runs) == []


@pytest.mark.parametrize(
    ("condition", "options"),
    [
        ("back_relief.session_running", {"activities": ["yoga"]}),
        ("back_relief.goal_met", {"goals": ["stretch"]}),
        ("back_relief.pain_at_least", {}),
        ("back_relief.pain_at_least", {"level": -1}),
        ("back_relief.flare_up", {"behavior": "most"}),
    ],
)
async def test_a_condition_written_wrong_is_refused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, condition: str, options: dict[str, Any]
) -> None:
    """An automation with a wrong option is not set up."""
    await set_up_automations(
        hass, automation("wrong", {"condition": condition, "options": options})
    )
    assert current(hass, "automation.wrong").state == "unavailable"


async def test_a_dashboard_follows_a_condition_without_polling(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    setup_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A card shown by session_running hears each change at once, also across a reload.

    The clock stands still: a result that needed polling would never come. Home
    Assistant before 2026.10 has no such subscription (the README says so).
    """
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "subscribe_condition",
            "condition": {
                "condition": "back_relief.session_running",
                "target": {"device_id": device_of(hass, setup_entry)},
            },
        }
    )
    answer = await client.receive_json()
    if AwesomeVersion(ha_version) < AwesomeVersion("2026.10.0"):
        assert answer["error"]["code"] == "unknown_command"
        return
    assert answer["success"], answer

    async def result() -> bool:
        message = await client.receive_json()
        return bool(message["event"]["result"])

    assert await result() is False
    await call(hass, "start_session", activity="rest")
    assert await result() is True
    await call(hass, "stop_session")
    assert await result() is False
    await reload(hass, setup_entry)
    await call(hass, "start_session", activity="exercise")
    assert await result() is True
