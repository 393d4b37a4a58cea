"""Tests for session cues: the start, one minute left, the end, and when they are silent."""

from __future__ import annotations

import json
from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.back_relief.language.wording import render

from .conftest import (
    ENGINE,
    SATELLITE,
    SPEAKER,
    advance,
    call,
    entity_action,
    entity_id,
    restart,
    spoken,
)

SPEECH = Path(__file__).parent.parent / "custom_components" / "back_relief" / "speech"


async def test_inversion_cues_start_one_minute_left_and_come_up_slowly(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
    announce_calls: list[ServiceCall],
) -> None:
    """An inversion is announced at its start, one minute before its end, and at its end."""
    await call(hass, "start_session", activity="inversion", duration=20)
    assert spoken(speech_calls) == [
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
    assert spoken(speech_calls)[-1] == ([SPEAKER], "One minute left on the inversion table.")
    await advance(hass, frozen_time, minutes=1)
    assert spoken(speech_calls)[-1] == (
        [SPEAKER],
        # Someone new is on the gentle plan: the next day's length is said too.
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
    assert spoken(speech_calls) == [
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
    assert spoken(speech_calls)[-1] == ([SPEAKER], "One minute of exercise left.")


async def test_stop_and_cancel_are_not_announced_as_an_end(
    hass: HomeAssistant, speaking_entry: MockConfigEntry, speech_calls: list[ServiceCall]
) -> None:
    """Only a session that runs to its end gets the end cue."""
    await call(hass, "start_session", activity="rest", duration=15)
    await call(hass, "stop_session")
    await call(hass, "start_session", activity="rest", duration=15)
    await call(hass, "cancel_session")
    assert [message for _, message in spoken(speech_calls)] == [
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
    assert spoken(speech_calls)[-1] == ([SPEAKER], "Exercise done: 10 minutes. Well done.")


async def test_a_session_of_no_minutes_is_not_praised(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speaking_entry: MockConfigEntry,
    speech_calls: list[ServiceCall],
) -> None:
    """Every step of a guided routine skipped at once: it ends, and says so without praise."""
    await call(hass, "start_session", activity="stretch", routine="gentle_back")
    for _ in range(30):
        if hass.states.get("sensor.alex_session").state == "idle":  # type: ignore[union-attr]
            break
        await call(hass, "next_step")
        await advance(hass, frozen_time, seconds=0)

    assert hass.states.get("sensor.alex_session").state == "idle"  # type: ignore[union-attr]
    assert spoken(speech_calls)[-1] == ([SPEAKER], "Stretching ended; no minutes were counted.")


def test_no_language_praises_a_session_of_no_minutes() -> None:
    """0 minutes: no "well done" in any language, and no "0 minutes" said either."""
    praise = {"en": "Well done", "de": "Gut gemacht", "fr": "Bravo", "es": "Bien hecho"}
    praise["nl"] = "Goed gedaan"
    for language, praised in praise.items():
        texts = json.loads((SPEECH / f"{language}.json").read_text(encoding="utf-8"))
        for activity in ("exercise", "stretch", "rest"):
            text = texts["finished"][activity]
            assert praised not in render(text, {"minutes": 0}, language), (language, activity)
            assert "0" not in render(text, {"minutes": 0}, language), (language, activity)
            assert "5" in render(text, {"minutes": 5}, language), (language, activity)
