"""Tests for daily reminders on the speakers: when they are spoken, and why not."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.back_relief.const import BUS_EVENT

from .conftest import (
    ENGINE,
    PERSON,
    SPEAKER,
    attributes,
    call,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    set_up,
    spoken,
)


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
            "source": None,
        }
    ]
    assert spoken(speech_calls) == [
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
