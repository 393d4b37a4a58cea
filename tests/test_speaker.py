"""Tests for the speaker: engines, satellites, one message at a time, device faults."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service

from custom_components.back_relief.const import DOMAIN

from .conftest import ENGINE, SATELLITE, SPEAKER, advance, call, make_entry, set_up, state


async def test_unavailable_speaker_gives_a_repair_and_the_session_counts(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A speaker that is unavailable is skipped, logged once and named in a repair issue."""
    hass.states.async_set(SPEAKER, "unavailable")
    await call(hass, "start_session", activity="exercise", duration=2)
    await advance(hass, frozen_time, minutes=2)
    issue = issue_registry.async_get_issue(DOMAIN, f"speaker_{speaking_entry.entry_id}_{SPEAKER}")
    assert issue is not None
    assert issue.translation_placeholders == {
        "entity_id": SPEAKER,
        "name": "Alex",
        "reason": "unavailable",
    }
    assert caplog.text.count(f"{SPEAKER} of Alex can't be used") == 1
    assert speech_calls == []
    assert state(hass, speaking_entry, "sensor", "exercise_today") == "2"

    hass.states.async_set(SPEAKER, "idle")
    await call(hass, "start_session", activity="exercise", duration=2)
    assert len(speech_calls) == 1
    assert issue_registry.async_get_issue(DOMAIN, issue.issue_id) is None


async def test_failing_tts_engine_gives_a_repair_and_the_session_counts(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """An engine that fails never breaks a session; a repair issue names it."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(ENGINE, "unknown")
    async_mock_service(hass, "tts", "speak", raise_exception=HomeAssistantError("engine down"))
    entry = await set_up(hass, make_entry(speakers=[SPEAKER], tts_entity=ENGINE))
    await call(hass, "start_session", activity="rest", duration=3)
    await advance(hass, frozen_time, minutes=3)
    issue = issue_registry.async_get_issue(DOMAIN, f"tts_failed_{entry.entry_id}_{ENGINE}")
    assert issue is not None
    assert issue.translation_placeholders["reason"] == "engine down"
    assert state(hass, entry, "sensor", "rest_today") == "3"


async def test_missing_engine_is_reported(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, issue_registry: ir.IssueRegistry
) -> None:
    """With speakers but no text-to-speech at all, a repair issue says so."""
    hass.states.async_set(SPEAKER, "idle")
    entry = await set_up(hass, make_entry(speakers=[SPEAKER]))
    await call(hass, "start_session", activity="rest", duration=3)
    assert issue_registry.async_get_issue(DOMAIN, f"tts_failed_{entry.entry_id}_tts") is not None


async def test_faults_are_worded_in_the_house_language(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, issue_registry: ir.IssueRegistry
) -> None:
    """A German house reads why a speaker or the engine failed in German."""
    hass.config.language = "de"
    hass.states.async_set(SPEAKER, "idle")
    entry = await set_up(hass, make_entry(speakers=[SPEAKER, SATELLITE]))
    await call(hass, "start_session", activity="rest", duration=3)
    satellite = issue_registry.async_get_issue(DOMAIN, f"speaker_{entry.entry_id}_{SATELLITE}")
    engine = issue_registry.async_get_issue(DOMAIN, f"tts_failed_{entry.entry_id}_tts")
    assert satellite is not None
    assert engine is not None
    assert satellite.translation_placeholders["reason"] == "nicht gefunden"
    assert engine.translation_placeholders["reason"] == "es ist keine Sprachausgabe eingerichtet"


async def test_default_engine_is_the_first_tts_entity(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Without a chosen engine, the system's text-to-speech entity speaks."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set("tts.home_voice", "unknown")
    calls = async_mock_service(hass, "tts", "speak")
    await set_up(hass, make_entry(speakers=[SPEAKER]))
    await call(hass, "start_session", activity="rest", duration=5)
    assert [call.data["entity_id"] for call in calls] == ["tts.home_voice"]


async def test_engine_of_the_older_kind_speaks_through_its_say_action(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """An engine without an entity (like the demo's) is used through its say action."""
    hass.states.async_set(SPEAKER, "idle")
    calls = async_mock_service(hass, "tts", "demo_say")
    await set_up(hass, make_entry(speakers=[SPEAKER]))
    await call(hass, "start_session", activity="rest", duration=5)
    assert [call.data for call in calls] == [
        {
            "entity_id": [SPEAKER],
            "message": "Rest started: 5 minutes. Breathe slowly and let your back relax.",
            "cache": True,
        }
    ]
