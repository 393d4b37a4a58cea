"""Tests for session cues, reminders and speaker faults."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)

from custom_components.back_relief.announcements import in_quiet_hours
from custom_components.back_relief.const import BUS_EVENT, DOMAIN

from .conftest import (
    advance,
    attributes,
    call,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    restart,
    set_up,
    state,
)

SPEAKER = "media_player.living_room"
SATELLITE = "assist_satellite.bedroom"
ENGINE = "tts.piper"
PERSON = "person.alex"


@pytest.fixture
def speech_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Capture what is said through text-to-speech, with the speakers present."""
    hass.states.async_set(SPEAKER, "idle")
    hass.states.async_set(SATELLITE, "idle")
    hass.states.async_set(ENGINE, "unknown")
    hass.states.async_set(PERSON, "home")
    return async_mock_service(hass, "tts", "speak")


@pytest.fixture
def announce_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Capture what is announced on voice satellites."""
    return async_mock_service(hass, "assist_satellite", "announce")


def _spoken(calls: list[ServiceCall]) -> list[tuple[list[str], str]]:
    return [(call.data["media_player_entity_id"], call.data["message"]) for call in calls]


@pytest.fixture
async def speaking_entry(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
    announce_calls: list[ServiceCall],
) -> MockConfigEntry:
    """Alex, with a speaker, a satellite and an engine."""
    return await set_up(
        hass, make_entry(person=PERSON, speakers=[SPEAKER, SATELLITE], tts_entity=ENGINE)
    )


async def test_inversion_cues_start_one_minute_left_and_come_up_slowly(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
    announce_calls: list[ServiceCall],
) -> None:
    """An inversion is announced at its start, one minute before its end, and at its end."""
    await call(hass, "start_session", activity="inversion", duration=20)
    assert _spoken(speech_calls) == [
        ([SPEAKER], "Inversion started: 20 minutes. I'll tell you when to come up.")
    ]
    assert speech_calls[0].data["entity_id"] == ENGINE
    assert [call.data for call in announce_calls] == [
        {
            "entity_id": SATELLITE,
            "message": "Inversion started: 20 minutes. I'll tell you when to come up.",
        }
    ]
    await advance(hass, frozen_time, minutes=18.5)
    assert len(speech_calls) == 1
    await advance(hass, frozen_time, minutes=0.6)
    assert _spoken(speech_calls)[-1] == ([SPEAKER], "One minute left on the inversion table.")
    await advance(hass, frozen_time, minutes=1)
    assert _spoken(speech_calls)[-1] == (
        [SPEAKER],
        (
            "Inversion done. Come up slowly, and sit for a moment before you stand."
            " Tomorrow: 3 minutes."
        ),
    )
    assert len(speech_calls) == 3


async def test_stretching_start_reminds_to_stay_comfortable(
    hass: HomeAssistant, speaking_entry: MockConfigEntry, speech_calls: list[ServiceCall]
) -> None:
    """Stretching starts with the reminder to stop where it feels comfortable."""
    await call(hass, "start_session", activity="stretch", duration=10)
    assert _spoken(speech_calls) == [
        (
            [SPEAKER],
            (
                "Stretching started: 10 minutes. Stretch only to where it feels comfortable, "
                "and stop if it hurts."
            ),
        )
    ]


async def test_pause_holds_back_the_one_minute_cue(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
) -> None:
    """A paused session says nothing; after resuming, the cue follows the new end."""
    await call(hass, "start_session", activity="exercise", duration=5)
    await advance(hass, frozen_time, minutes=2)
    await call(hass, "pause_session")
    await advance(hass, frozen_time, minutes=10)
    assert len(speech_calls) == 1
    await call(hass, "resume_session")
    await advance(hass, frozen_time, minutes=1.9)
    assert len(speech_calls) == 1
    await advance(hass, frozen_time, minutes=0.2)
    assert _spoken(speech_calls)[-1] == ([SPEAKER], "One minute of exercise left.")


async def test_stop_and_cancel_are_not_announced_as_an_end(
    hass: HomeAssistant, speaking_entry: MockConfigEntry, speech_calls: list[ServiceCall]
) -> None:
    """Only a session that runs to its end gets the end cue."""
    await call(hass, "start_session", activity="rest", duration=15)
    await call(hass, "stop_session")
    await call(hass, "start_session", activity="rest", duration=15)
    await call(hass, "cancel_session")
    assert [message for _, message in _spoken(speech_calls)] == [
        "Rest started: 15 minutes. Breathe slowly and let your back relax.",
        "Rest started: 15 minutes. Breathe slowly and let your back relax.",
    ]


async def test_reminders_switch_off_silences_cues(
    hass: HomeAssistant, speaking_entry: MockConfigEntry, speech_calls: list[ServiceCall]
) -> None:
    """With the reminders switch off, nothing is spoken."""
    await entity_action(hass, entity_id(hass, speaking_entry, "switch", "reminders"), "turn_off")
    await call(hass, "start_session", activity="exercise", duration=10)
    assert speech_calls == []


async def test_stale_end_is_not_announced_after_a_restart(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
) -> None:
    """More than 5 minutes late, the end of a session is not spoken; less, it is."""
    await call(hass, "start_session", activity="exercise", duration=10)
    await restart(hass, frozen_time, speaking_entry, minutes=16)
    assert len(speech_calls) == 1  # only the start

    await call(hass, "start_session", activity="exercise", duration=10)
    await restart(hass, frozen_time, speaking_entry, minutes=12)
    assert _spoken(speech_calls)[-1] == ([SPEAKER], "Exercise done: 10 minutes. Well done.")


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


async def _remind_at(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, at: str
) -> list[dict[str, Any]]:
    events = async_capture_events(hass, BUS_EVENT)
    local = dt_util.now()
    hour, minute = (int(part) for part in at.split(":")[:2])
    target = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target <= local:
        target += timedelta(days=1)
    await move_to(hass, freezer, target)
    return [event.data for event in events if event.data["type"] == "reminder"]


async def test_reminder_spoken_when_goal_not_met(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
) -> None:
    """At the reminder time, with the goal open, the reminder is spoken and fired."""
    await set_up(
        hass,
        make_entry(
            person=PERSON, speakers=[SPEAKER], tts_entity=ENGINE, reminder_exercise="18:00:00"
        ),
    )
    await call(hass, "log_activity", activity="exercise", minutes=5)
    reminders = await _remind_at(hass, frozen_time, "18:00")
    assert reminders == [
        {
            "config_entry_id": "entry_alex",
            "type": "reminder",
            "activity": "exercise",
            "spoken": True,
            "reason": None,
            "minutes_today": 5,
            "goal": 20,
        }
    ]
    assert _spoken(speech_calls) == [
        (
            [SPEAKER],
            "Alex, a gentle reminder: 15 more minutes of exercise would reach today's goal.",
        )
    ]


@pytest.mark.parametrize(
    ("options", "person_state", "switch_on", "logged", "reason"),
    [
        ({"reminder_rest": "18:00:00"}, "home", True, 15, "goal_met"),
        ({"reminder_rest": "18:00:00"}, "home", False, 0, "reminders_off"),
        ({"reminder_rest": "22:30:00"}, "home", True, 0, "quiet_hours"),
        ({"reminder_rest": "06:30:00"}, "home", True, 0, "quiet_hours"),
        ({"reminder_rest": "18:00:00"}, "not_home", True, 0, "not_home"),
        ({"reminder_rest": "18:00:00", "speakers": []}, "home", True, 0, "no_speakers"),
    ],
)
async def test_reminder_not_spoken_says_why(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech_calls: list[ServiceCall],
    options: dict[str, Any],
    person_state: str,
    switch_on: bool,
    logged: int,
    reason: str,
) -> None:
    """Goal met, switch off, quiet hours, away or no speakers: fired, not spoken."""
    entry = await set_up(
        hass,
        make_entry(person=PERSON, **{"speakers": [SPEAKER], "tts_entity": ENGINE, **options}),
    )
    hass.states.async_set(PERSON, person_state)
    if not switch_on:
        await entity_action(hass, entity_id(hass, entry, "switch", "reminders"), "turn_off")
    if logged:
        await call(hass, "log_activity", activity="rest", minutes=logged)
    reminders = await _remind_at(hass, frozen_time, options["reminder_rest"])
    assert [(event["spoken"], event["reason"]) for event in reminders] == [(False, reason)]
    assert speech_calls == []
    event_attributes = attributes(hass, entry, "event", "session")
    assert event_attributes["event_type"] == "reminder"
    assert event_attributes["reason"] == reason


async def test_reminder_without_linked_person_needs_no_presence(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech_calls: list[ServiceCall]
) -> None:
    """Without a linked person, presence is not checked."""
    await set_up(
        hass, make_entry(speakers=[SPEAKER], tts_entity=ENGINE, reminder_inversion="12:00:00")
    )
    reminders = await _remind_at(hass, frozen_time, "12:00")
    assert [event["spoken"] for event in reminders] == [True]
    # Someone new is on the gentle plan: the day asks for its 2 minutes, not the goal's 15.
    assert "2 minutes to go" in speech_calls[0].data["message"]


async def test_reminder_time_change_takes_effect_at_once(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech_calls: list[ServiceCall]
) -> None:
    """A new reminder time from the options applies without a reload."""
    entry = await set_up(hass, make_entry(speakers=[SPEAKER], tts_entity=ENGINE))
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, "reminder_exercise": "10:00:00"}
    )
    await hass.async_block_till_done()
    assert [event["activity"] for event in await _remind_at(hass, frozen_time, "10:00")] == [
        "exercise"
    ]
    hass.config_entries.async_update_entry(
        entry,
        options={key: value for key, value in entry.options.items() if key != "reminder_exercise"},
    )
    await hass.async_block_till_done()
    assert await _remind_at(hass, frozen_time, "10:00") == []


def test_quiet_hours_across_midnight_and_within_a_day() -> None:
    """Quiet hours may span midnight; equal start and end mean none."""
    assert in_quiet_hours(time(23, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(6, 59), time(22, 0), time(7, 0))
    assert not in_quiet_hours(time(7, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(13, 30), time(13, 0), time(14, 0))
    assert not in_quiet_hours(time(14, 0), time(13, 0), time(14, 0))
    assert not in_quiet_hours(time(3, 0), time(7, 0), time(7, 0))


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
