"""Tests for offering the blueprints in the user's blueprint folder."""

from __future__ import annotations

from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from custom_components.back_relief.routine.events import Reminder

from .conftest import entity_id

BLUEPRINTS = ("dim_lights_while_resting.yaml", "announce_reminder.yaml")


def _folder(hass: HomeAssistant) -> Path:
    return Path(hass.config.path("blueprints", "automation", "back_relief"))


async def test_blueprints_installed_when_absent(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Both blueprints land in the automation blueprint folder."""
    for name in BLUEPRINTS:
        text = (_folder(hass) / name).read_text(encoding="utf-8")
        assert "Installed by Back Relief" in text


async def test_an_edited_blueprint_is_never_overwritten(hass: HomeAssistant) -> None:
    """A blueprint the user changed stays as they wrote it."""
    folder = _folder(hass)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BLUEPRINTS[0]).write_text("# mine\n", encoding="utf-8")
    assert await async_setup_component(hass, "back_relief", {})
    assert (folder / BLUEPRINTS[0]).read_text(encoding="utf-8") == "# mine\n"
    assert (folder / BLUEPRINTS[1]).exists()


async def test_blueprints_work_in_automations(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, setup_entry: MockConfigEntry
) -> None:
    """Automations made from both blueprints dim the lights and speak a reminder."""
    hass.states.async_set("light.reading", "on", {"brightness": 200})
    light_calls = async_mock_service(hass, "light", "turn_on")
    scene_calls = async_mock_service(hass, "scene", "create")
    speech_calls = async_mock_service(hass, "tts", "speak")
    resting = entity_id(hass, setup_entry, "binary_sensor", "resting")
    session_event = entity_id(hass, setup_entry, "event", "session")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "use_blueprint": {
                        "path": f"back_relief/{BLUEPRINTS[0]}",
                        "input": {
                            "resting_sensor": resting,
                            "lights": ["light.reading"],
                            "brightness": 25,
                        },
                    }
                },
                {
                    "use_blueprint": {
                        "path": f"back_relief/{BLUEPRINTS[1]}",
                        "input": {
                            "session_event": session_event,
                            "speaker": "media_player.kitchen",
                            "tts_engine": "tts.piper",
                        },
                    }
                },
            ]
        },
    )
    await hass.async_block_till_done()
    await hass.services.async_call(
        "back_relief", "start_session", {"activity": "rest"}, blocking=True
    )
    await hass.async_block_till_done()
    assert [call.data["snapshot_entities"] for call in scene_calls] == [["light.reading"]]
    assert [call.data["brightness_pct"] for call in light_calls] == [25]
    setup_entry.runtime_data.coordinator.fire_event(
        Reminder(kind="exercise", spoken=False, reason=None)
    )
    await hass.async_block_till_done()
    assert [call.data["message"] for call in speech_calls] == ["Time for your exercise. Go gently."]
