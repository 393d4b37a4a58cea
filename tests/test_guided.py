"""Tests for guided routines: steps, timing, pauses, the select and the options."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import Event, HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)

from custom_components.back_relief.const import BUS_EVENT
from custom_components.back_relief.language.texts import PER_SIDE_WORDS, built_in_routines
from custom_components.back_relief.routine.guided import Routine, Step, StepsError, parse_steps

from .conftest import advance, call, entity_action, entity_id, make_entry, reload, set_up, state

BUILT_IN_ROUTINES = built_in_routines("en")

SHORT = Routine(
    "short",
    "Short",
    (
        Step("Breathe", 30, "Breathe slowly."),
        Step("Knee hug", 20, "Hug one knee.", per_side=True),
    ),
)


def test_timeline_doubles_per_side_steps_and_rounds_the_length_up() -> None:
    """A per-side step is done left then right; the session is whole minutes."""
    timeline = SHORT.timeline()
    assert [(step.name, step.side, step.starts_after.seconds) for step in timeline] == [
        ("Breathe", None, 0),
        ("Knee hug", "left", 30),
        ("Knee hug", "right", 50),
    ]
    assert SHORT.length == timedelta(seconds=70)
    assert SHORT.minutes == 2
    assert SHORT.step_at(timedelta(seconds=49)).side == "left"
    assert SHORT.step_at(timedelta(seconds=50)).side == "right"
    assert SHORT.step_at(timedelta(seconds=70)) is None


def test_every_built_in_routine_starts_with_the_comfort_reminder() -> None:
    """Each built-in routine begins by asking to stop where it is comfortable."""
    assert set(BUILT_IN_ROUTINES) == {"gentle_back", "core_strength", "yoga_wind_down"}
    for routine in BUILT_IN_ROUTINES.values():
        assert "feels comfortable" in routine.steps[0].cue
        assert "stop" in routine.steps[0].cue
        assert Routine.from_dict(routine.as_dict()) == routine


def test_parse_steps_reads_lines_and_names_the_bad_one() -> None:
    """Steps are written one a line; a bad line is named by its number."""
    assert parse_steps(
        "Breathe | 30\n\nKnee hug | 20 | Hug one knee. | each side", PER_SIDE_WORDS
    ) == (
        Step("Breathe", 30, "Breathe"),
        Step("Knee hug", 20, "Hug one knee.", per_side=True),
    )
    for text, line in (("Breathe", 1), ("A | 10\nB | ten", 2), ("A | 0", 1), ("", 1)):
        with pytest.raises(StepsError) as caught:
            parse_steps(text, PER_SIDE_WORDS)
        assert caught.value.line == line
    with pytest.raises(StepsError):
        parse_steps("A | 10 | cue | upside down", PER_SIDE_WORDS)
    with pytest.raises(ValueError, match="at least one second"):
        Routine.from_dict({"key": "x", "name": "x", "steps": []})


@pytest.fixture
async def own_routine_entry(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> MockConfigEntry:
    """Alex, with the short routine of their own and a speaker."""
    hass.states.async_set("media_player.mat", "idle")
    hass.states.async_set("tts.voice", "unknown")
    return await set_up(
        hass,
        make_entry(
            routines=[SHORT.as_dict()], speakers=["media_player.mat"], tts_entity="tts.voice"
        ),
    )


async def start_short_routine(
    hass: HomeAssistant, entry: MockConfigEntry
) -> tuple[list[ServiceCall], list[Event], str]:
    """Start the short routine with speech and events captured; return them and the sensor."""
    speech = async_mock_service(hass, "tts", "speak")
    events = async_capture_events(hass, BUS_EVENT)
    session = entity_id(hass, entry, "sensor", "session")
    await call(hass, "start_session", activity="stretch", routine="short")
    return speech, events, session


async def test_routine_steps_fire_events_show_on_the_sensor_and_are_spoken(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """Each step fires a step event, shows on the session sensor and is spoken."""
    speech, events, session = await start_short_routine(hass, own_routine_entry)
    shown = hass.states.get(session)
    assert shown.attributes["planned_minutes"] == 2
    assert shown.attributes["routine"] == "short"
    assert shown.attributes["step"] == "Breathe"
    assert shown.attributes["step_number"] == 1
    assert shown.attributes["step_ends_at"] == "2026-11-25T08:00:30+00:00"
    await advance(hass, frozen_time, seconds=30)
    shown = hass.states.get(session)
    assert (shown.attributes["step"], shown.attributes["step_side"]) == ("Knee hug", "left")
    await advance(hass, frozen_time, seconds=20)
    assert hass.states.get(session).attributes["step_side"] == "right"
    steps = [
        (event.data["step"], event.data["name"], event.data["side"])
        for event in events
        if event.data["type"] == "step"
    ]
    assert steps == [(0, "Breathe", None), (1, "Knee hug", "left"), (2, "Knee hug", "right")]
    assert [call.data["message"] for call in speech] == [
        (
            "Short started: 2 minutes. I'll guide you step by step. Stretch only to where it "
            "feels comfortable, and stop if it hurts. Breathe. Breathe slowly."
        ),
        "Knee hug, left side. Hug one knee.",
        "Knee hug, right side. Hug one knee.",
    ]
    await advance(hass, frozen_time, seconds=70)
    assert hass.states.get(session).state == "idle"
    assert state(hass, own_routine_entry, "sensor", "exercise_today") == "2"


async def test_pause_in_the_middle_of_a_step_holds_it(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """A pause in the middle of a step holds the step; resume finishes it."""
    events = async_capture_events(hass, BUS_EVENT)
    session = entity_id(hass, own_routine_entry, "sensor", "session")
    await call(hass, "start_session", activity="stretch", routine="short")
    await advance(hass, frozen_time, seconds=10)
    await call(hass, "pause_session")
    await advance(hass, frozen_time, seconds=300)
    state = hass.states.get(session)
    assert state.attributes["step"] == "Breathe"
    assert state.attributes["step_ends_at"] is None  # frozen while paused
    await call(hass, "resume_session")
    await advance(hass, frozen_time, seconds=19)
    assert hass.states.get(session).attributes["step"] == "Breathe"
    await advance(hass, frozen_time, seconds=1)
    assert hass.states.get(session).attributes["step"] == "Knee hug"
    assert [event.data["step"] for event in events if event.data["type"] == "step"] == [0, 1]


async def test_stop_early_credits_minutes_run_and_ends_the_steps(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """Stopping a routine early credits what was run; no further step fires."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="stretch", routine="gentle_back")
    assert BUILT_IN_ROUTINES["gentle_back"].minutes == 7
    for _ in range(20):
        await advance(hass, frozen_time, seconds=10)
    await call(hass, "stop_session")
    await advance(hass, frozen_time, seconds=600)
    steps = [event.data["step"] for event in events if event.data["type"] == "step"]
    assert steps == [0, 1, 2, 3, 4, 5]
    finished = [event.data for event in events if event.data["type"] == "finished"]
    assert finished[0]["credited_minutes"] == 3


async def test_unknown_routine_is_refused(
    hass: HomeAssistant, own_routine_entry: MockConfigEntry
) -> None:
    """A routine that doesn't exist is refused with the list of those that do."""
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, "start_session", activity="stretch", routine="headstand")
    assert caught.value.translation_key == "unknown_routine"
    assert caught.value.translation_placeholders["routines"] == (
        "gentle_back, core_strength, yoga_wind_down, short"
    )
    assert state(hass, own_routine_entry, "sensor", "session") == "idle"


async def test_select_picks_the_routine_of_the_stretch_button(
    hass: HomeAssistant, own_routine_entry: MockConfigEntry
) -> None:
    """The select lists a plain timer and every routine; the button follows it."""
    select = entity_id(hass, own_routine_entry, "select", "stretch_routine")
    state = hass.states.get(select)
    assert state.state == "timer"
    assert state.attributes["options"] == [
        "timer",
        "gentle_back",
        "core_strength",
        "yoga_wind_down",
        "short",
    ]
    button = entity_id(hass, own_routine_entry, "button", "start_stretch")
    session = entity_id(hass, own_routine_entry, "sensor", "session")
    await entity_action(hass, button, "press")
    assert hass.states.get(session).attributes["routine"] is None
    assert hass.states.get(session).attributes["planned_minutes"] == 15
    await call(hass, "cancel_session")

    await entity_action(hass, select, "select_option", option="short")
    await entity_action(hass, button, "press")
    assert hass.states.get(session).attributes["routine"] == "short"
    await call(hass, "cancel_session")

    await reload(hass, own_routine_entry)
    assert hass.states.get(select).state == "short"
    await entity_action(hass, select, "select_option", option="timer")
    assert hass.states.get(select).state == "timer"


async def test_options_add_and_remove_a_routine(
    hass: HomeAssistant, own_routine_entry: MockConfigEntry
) -> None:
    """The options flow adds a routine of one's own, checks it, and removes one."""
    result = await hass.config_entries.options.async_init(own_routine_entry.entry_id)
    assert "routines" in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "routines"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"routine_name": "Evening", "routine_steps": "Breathe | 30\nOops"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"routine_steps": "invalid_steps"}
    assert result["description_placeholders"] == {"line": "2", "name": "Alex"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"routine_name": "gentle_back", "routine_steps": "Breathe | 30"}
    )
    assert result["errors"] == {"routine_name": "routine_exists"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"routine_steps": "Breathe | 30"}
    )
    assert result["errors"] == {"routine_name": "routine_name_required"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "routine_name": "Evening",
            "routine_steps": "Breathe | 60 | Slow breaths.",
            "remove_routines": ["short"],
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert own_routine_entry.options["routines"] == [
        {
            "key": "Evening",
            "name": "Evening",
            "steps": [
                {"name": "Breathe", "seconds": 60, "cue": "Slow breaths.", "per_side": False}
            ],
        }
    ]
    await hass.async_block_till_done()
    select = entity_id(hass, own_routine_entry, "select", "stretch_routine")
    assert hass.states.get(select).attributes["options"][-1] == "Evening"


async def test_routine_is_for_stretching_only(
    hass: HomeAssistant, own_routine_entry: MockConfigEntry
) -> None:
    """A routine with another activity is refused."""
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, "start_session", activity="rest", routine="short")
    assert caught.value.translation_key == "routine_stretch_only"


async def test_a_running_routine_survives_a_reload(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """After a reload the routine goes on at the right step."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="stretch", routine="short")
    await advance(hass, frozen_time, seconds=40)
    await reload(hass, own_routine_entry)
    session = entity_id(hass, own_routine_entry, "sensor", "session")
    assert hass.states.get(session).attributes["step_side"] == "left"
    await advance(hass, frozen_time, seconds=10)
    assert hass.states.get(session).attributes["step_side"] == "right"
    assert [event.data["step"] for event in events if event.data["type"] == "step"] == [0, 1, 2]


async def test_next_and_repeat_step_move_the_routine_and_credit_the_time_run(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """Next goes on at once, repeat starts the step again; the end time follows both."""
    speech, events, session = await start_short_routine(hass, own_routine_entry)
    shown = hass.states.get(session).attributes
    assert (shown["step_number"], shown["step_count"], shown["step_cue"]) == (
        1,
        3,
        "Breathe slowly.",
    )

    await advance(hass, frozen_time, seconds=10)
    await call(hass, "next_step")
    shown = hass.states.get(session).attributes
    assert (shown["step"], shown["step_side"], shown["step_number"]) == ("Knee hug", "left", 2)
    assert shown["step_cue"] == "Hug one knee."
    assert shown["step_ends_at"] == "2026-11-25T08:00:30+00:00"  # a whole step from now
    assert shown["ends_at"] == "2026-11-25T08:01:40+00:00"  # 20 s sooner

    await advance(hass, frozen_time, seconds=5)
    await call(hass, "repeat_step")
    shown = hass.states.get(session).attributes
    assert (shown["step_side"], shown["step_number"]) == ("left", 2)
    assert shown["step_ends_at"] == "2026-11-25T08:00:35+00:00"
    assert shown["ends_at"] == "2026-11-25T08:01:45+00:00"  # 5 s later

    # The step timer follows: the right side comes a whole step after the repeat.
    await advance(hass, frozen_time, seconds=19)
    assert hass.states.get(session).attributes["step_side"] == "left"
    await advance(hass, frozen_time, seconds=1)
    assert hass.states.get(session).attributes["step_side"] == "right"

    # On from the last step, the routine is done: 35 s run, credited as 1 minute.
    await call(hass, "next_step")
    await advance(hass, frozen_time, seconds=1)
    assert hass.states.get(session).state == "idle"
    finished = [event.data for event in events if event.data["type"] == "finished"]
    assert finished[0]["credited_minutes"] == 1
    assert state(hass, own_routine_entry, "sensor", "exercise_today") == "1"
    steps = [event.data["step"] for event in events if event.data["type"] == "step"]
    assert steps == [0, 1, 1, 2]
    assert [call.data["message"] for call in speech][1:4] == [
        "Knee hug, left side. Hug one knee.",
        "Knee hug, left side. Hug one knee.",
        "Knee hug, right side. Hug one knee.",
    ]


async def test_a_moved_routine_survives_a_reload(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    own_routine_entry: MockConfigEntry,
) -> None:
    """A skipped step stays skipped after a reload, and the time run stays true."""
    await call(hass, "start_session", activity="stretch", routine="short")
    await advance(hass, frozen_time, seconds=10)
    await call(hass, "next_step")
    await reload(hass, own_routine_entry)
    session = entity_id(hass, own_routine_entry, "sensor", "session")
    assert hass.states.get(session).attributes["step_side"] == "left"
    await advance(hass, frozen_time, seconds=20)
    await call(hass, "stop_session")
    assert state(hass, own_routine_entry, "sensor", "exercise_today") == "1"  # 30 s run
