"""Tests for the speaker: engines, satellites, one message at a time, device faults."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir, translation
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
        "person": "Alex",
        "reason": "unavailable",
    }
    assert caplog.text.count(f"{SPEAKER} of Alex can't be used") == 1
    assert speech_calls == []
    assert state(hass, speaking_entry, "sensor", "exercise_today") == "2"

    hass.states.async_set(SPEAKER, "idle")
    await call(hass, "start_session", activity="exercise", duration=2)
    assert len(speech_calls) == 1
    assert issue_registry.async_get_issue(DOMAIN, issue.issue_id) is None


KITCHEN = "media_player.kitchen"
PLAY_MEDIA = 512  # MediaPlayerEntityFeature.PLAY_MEDIA


def speakers_where_the_kitchen_fails(hass: HomeAssistant) -> list[ServiceCall]:
    """Let text-to-speech work on the living room and fail on the kitchen speaker."""
    hass.states.async_set(SPEAKER, "idle", {ATTR_SUPPORTED_FEATURES: PLAY_MEDIA})
    hass.states.async_set(KITCHEN, "idle", {ATTR_SUPPORTED_FEATURES: PLAY_MEDIA})
    hass.states.async_set(ENGINE, "unknown")
    heard: list[ServiceCall] = []

    async def speak(call: ServiceCall) -> None:
        if KITCHEN in call.data["media_player_entity_id"]:
            raise HomeAssistantError("Connection lost")
        heard.append(call)

    hass.services.async_register("tts", "speak", speak)
    return heard


async def issue_texts(hass: HomeAssistant, issue: ir.IssueEntry, language: str) -> list[str]:
    """Return a repair issue's title and description as Home Assistant shows them."""
    texts = await translation.async_get_translations(hass, language, "issues", [DOMAIN])
    placeholders = issue.translation_placeholders or {}
    prefix = f"component.{DOMAIN}.issues.{issue.translation_key}"
    return [texts[f"{prefix}.{part}"].format(**placeholders) for part in ("title", "description")]


async def test_a_failing_speaker_is_named_with_the_person_not_the_engine(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, issue_registry: ir.IssueRegistry
) -> None:
    """One speaker failing while the engine speaks on another: the repair names that speaker."""
    heard = speakers_where_the_kitchen_fails(hass)
    entry = await set_up(hass, make_entry(speakers=[SPEAKER, KITCHEN], tts_entity=ENGINE))

    await call(hass, "start_session", activity="rest", duration=3)

    assert [call.data["media_player_entity_id"] for call in heard] == [[SPEAKER]]
    issue = issue_registry.async_get_issue(DOMAIN, f"speaker_{entry.entry_id}_{KITCHEN}")
    assert issue is not None
    assert issue.translation_placeholders == {
        "entity_id": KITCHEN,
        "person": "Alex",
        "reason": "Connection lost",
    }
    assert issue_registry.async_get_issue(DOMAIN, f"tts_failed_{entry.entry_id}_{ENGINE}") is None
    title, description = await issue_texts(hass, issue, "en")
    assert title == "Back Relief can't speak to Alex on media_player.kitchen"
    assert "This is about the speaker, not the text-to-speech engine." in description
    assert "choose other speakers for Alex" in description
    for language in ("de", "fr", "es", "nl"):
        title, description = await issue_texts(hass, issue, language)
        assert "Alex" in title, language
        assert KITCHEN in title, language
        assert "Connection lost" in description, language
    assert state(hass, entry, "sensor", "session") == "rest"


async def test_a_lone_speaker_failing_after_the_engine_spoke_is_the_speakers_fault(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, issue_registry: ir.IssueRegistry
) -> None:
    """The engine has spoken on this speaker before: when the speaker fails, it is named."""
    speakers_where_the_kitchen_fails(hass)
    entry = await set_up(hass, make_entry(speakers=[SPEAKER, KITCHEN], tts_entity=ENGINE))
    await call(hass, "start_session", activity="rest", duration=3)
    hass.config_entries.async_update_entry(entry, options={**entry.options, "speakers": [KITCHEN]})
    await hass.async_block_till_done()

    await call(hass, "stop_session")

    issues = [issue.issue_id for issue in issue_registry.issues.values() if issue.domain == DOMAIN]
    assert issues == [f"speaker_{entry.entry_id}_{KITCHEN}"]


@pytest.mark.parametrize(
    ("speaker", "features"),
    [(SPEAKER, 0), (SPEAKER, 1), (SATELLITE, 2)],
    ids=["player_without_features", "player_without_play_media", "satellite_without_announce"],
)
async def test_a_speaker_that_cannot_announce_is_named_and_skipped(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    speech_calls: list[ServiceCall],
    announce_calls: list[ServiceCall],
    speaker: str,
    features: int,
) -> None:
    """A player that can't play media or a satellite that can't announce: the speaker's fault."""
    hass.states.async_set(speaker, "idle", {ATTR_SUPPORTED_FEATURES: features})
    entry = await set_up(hass, make_entry(speakers=[speaker], tts_entity=ENGINE))

    await call(hass, "start_session", activity="rest", duration=3)

    assert speech_calls == []
    assert announce_calls == []
    issue = issue_registry.async_get_issue(DOMAIN, f"speaker_{entry.entry_id}_{speaker}")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["reason"] == "it can't play announcements"
    assert [i.issue_id for i in issue_registry.issues.values() if i.domain == DOMAIN] == [
        issue.issue_id
    ]


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
