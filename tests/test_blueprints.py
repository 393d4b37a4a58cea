"""Tests for offering the blueprints in the user's blueprint folder."""

from __future__ import annotations

from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from .conftest import call, make_entry, move_to, set_up

BLUEPRINTS = ("dim_lights_while_resting.yaml", "announce_reminder.yaml")


def device_of(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    """Return the id of a person's Back Relief device."""
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device.id


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
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Automations made from both blueprints dim the lights for a rest and speak a reminder.

    Each is about the people chosen (their Back Relief devices): Sam's sessions and
    reminders do nothing for automations made for Alex.
    """
    alex = await set_up(hass, make_entry("Alex", reminder_exercise="10:00:00"))
    sam = await set_up(hass, make_entry("Sam", reminder_exercise="10:00:00"))
    hass.states.async_set("light.reading", "on", {"brightness": 200})
    light_calls = async_mock_service(hass, "light", "turn_on")
    scene_calls = async_mock_service(hass, "scene", "create")
    restore_calls = async_mock_service(hass, "scene", "turn_on")
    speech_calls = async_mock_service(hass, "tts", "speak")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "use_blueprint": {
                        "path": f"back_relief/{BLUEPRINTS[0]}",
                        "input": {
                            "people": [device_of(hass, alex)],
                            "lights": ["light.reading"],
                            "brightness": 25,
                        },
                    }
                },
                {
                    "use_blueprint": {
                        "path": f"back_relief/{BLUEPRINTS[1]}",
                        "input": {
                            "people": [device_of(hass, alex)],
                            "speaker": "media_player.kitchen",
                            "tts_engine": "tts.piper",
                            "message": "{{ person }}, time for your {{ activity }}.",
                        },
                    }
                },
            ]
        },
    )
    await hass.async_block_till_done()
    await call(hass, "start_session", activity="rest", config_entry_id=sam.entry_id)
    await call(hass, "start_session", activity="exercise", config_entry_id=alex.entry_id)
    await call(hass, "stop_session", config_entry_id=alex.entry_id)
    assert (scene_calls, light_calls) == ([], [])

    await call(hass, "start_session", activity="rest", config_entry_id=alex.entry_id)
    assert [call.data["snapshot_entities"] for call in scene_calls] == [["light.reading"]]
    assert [call.data["brightness_pct"] for call in light_calls] == [25]
    # A pause keeps the lights dimmed; the end of the rest puts them back.
    await call(hass, "pause_session", config_entry_id=alex.entry_id)
    assert restore_calls == []
    await call(hass, "stop_session", config_entry_id=alex.entry_id)
    assert [call.data["entity_id"] for call in restore_calls] == [
        ["scene.back_relief_before_rest_automation_automation_0"]
    ]
    await call(hass, "cancel_session", config_entry_id=sam.entry_id)
    assert len(restore_calls) == 1

    await move_to(hass, frozen_time, "2026-11-25T10:00:00+01:00")
    assert [call.data["message"] for call in speech_calls] == ["Alex, time for your exercise."]


async def test_the_reminder_blueprint_speaks_its_default_words_for_everybody(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """With nobody chosen, every person's reminder is announced, in the default words."""
    await set_up(hass, make_entry("Alex", reminder_rest="10:00:00"))
    await set_up(hass, make_entry("Sam", reminder_rest="10:00:00"))
    speech_calls = async_mock_service(hass, "tts", "speak")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "use_blueprint": {
                    "path": f"back_relief/{BLUEPRINTS[1]}",
                    "input": {"speaker": "media_player.kitchen", "tts_engine": "tts.piper"},
                }
            }
        },
    )
    await hass.async_block_till_done()
    await move_to(hass, frozen_time, "2026-11-25T10:00:00+01:00")
    assert [call.data["message"] for call in speech_calls] == [
        "Time for your rest. Go gently.",
        "Time for your rest. Go gently.",
    ]
