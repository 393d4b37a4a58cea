"""Tests for Back Relief's actions, called through Home Assistant's service registry.

Time is frozen at Wednesday 2026-11-25 09:00 in Berlin (08:00 UTC), so timestamps in
states and events read as UTC: "2026-11-25T08:00:00+00:00" is the start of every test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
import re
from typing import Any, NamedTuple

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.yaml import load_yaml_dict
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.back_relief.const import BUS_EVENT, DOMAIN
from custom_components.back_relief.coordinator import BackReliefCoordinator
from custom_components.back_relief.routine.day import Activity
from custom_components.back_relief.routine.stored_person import as_stored

from .conftest import advance, attributes, call, entity_action, entity_id, make_entry, set_up, state

STARTED_AT = "2026-11-25T08:00:00+00:00"
INTEGRATION = Path(__file__).parent.parent / "custom_components" / DOMAIN
SESSION_ATTRIBUTES = ("status", "started_at", "ends_at", "planned_minutes", "routine")
ALL_SERVICES: dict[str, dict[str, Any]] = {
    "start_session": {"activity": "exercise"},
    "pause_session": {},
    "resume_session": {},
    "stop_session": {},
    "cancel_session": {},
    "extend_session": {"minutes": 5},
    "log_activity": {"activity": "exercise", "minutes": 10},
    "log_pain": {"level": 3},
    "log_visit": {},
    "get_summary": {},
    "check_in": {},
}


# ----- helpers -----


def coordinator(entry: MockConfigEntry) -> BackReliefCoordinator:
    """Return an entry's coordinator."""
    found: BackReliefCoordinator = entry.runtime_data.coordinator
    return found


def event_data(events: list[Any]) -> list[dict[str, Any]]:
    """Return the data of captured bus events."""
    return [dict(event.data) for event in events]


def snapshot(hass: HomeAssistant) -> dict[str, Any]:
    """Return every Back Relief entity state and every person's stored routine."""
    registry = er.async_get(hass)
    states: dict[str, Any] = {}
    for registry_entry in registry.entities.values():
        if registry_entry.platform == DOMAIN:
            found = hass.states.get(registry_entry.entity_id)
            states[registry_entry.entity_id] = found.as_dict() if found else None
    stored = {
        entry.entry_id: (
            as_stored(coordinator(entry).data),
            coordinator(entry).reader.history.revision,
        )
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    }
    assert states
    return {"states": states, "stored": stored}


async def assert_rejected(
    hass: HomeAssistant,
    service: str,
    data: dict[str, Any],
    key: str,
    message: str | None,
) -> ServiceValidationError:
    """Assert that an action is refused with a translated error and changes nothing.

    With ``message`` None only the translation is checked, not its wording.
    """
    before = snapshot(hass)
    events = async_capture_events(hass, BUS_EVENT)
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, service, **data)
    await hass.async_block_till_done()
    err = caught.value
    assert err.translation_domain == DOMAIN
    assert err.translation_key == key
    rendered = str(err)
    # A message that was found in the translations and filled in completely.
    assert rendered != key
    assert re.search(r"\{\w+\}", rendered) is None, rendered
    if message is not None:
        assert rendered == message
    assert snapshot(hass) == before
    assert events == []
    return err


async def prepare(hass: HomeAssistant, situation: str) -> None:
    """Bring Alex's routine into a named situation."""
    if situation == "idle":
        return
    activity, _, status = situation.partition("_")
    minutes = 20 if activity == "inversion" else 15
    await call(hass, "start_session", activity=activity, duration=minutes)
    if status == "paused":
        await call(hass, "pause_session")


@pytest.fixture
async def two_people(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> tuple[MockConfigEntry, MockConfigEntry]:
    """Set up Alex and Sam."""
    alex, sam = make_entry("Alex"), make_entry("Sam")
    alex.add_to_hass(hass)
    sam.add_to_hass(hass)
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()
    assert alex.state is ConfigEntryState.LOADED
    assert sam.state is ConfigEntryState.LOADED
    return alex, sam


# ----- start_session -----


async def test_start_session_uses_the_duration_number(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Without a duration, a session lasts as long as the activity's duration number says."""
    await entity_action(
        hass, entity_id(hass, setup_entry, "number", "exercise_duration"), "set_value", value=25
    )
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "start_session", activity="exercise")

    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    session_attributes = attributes(hass, setup_entry, "sensor", "session")
    assert {key: session_attributes[key] for key in SESSION_ATTRIBUTES} == {
        "status": "running",
        "started_at": STARTED_AT,
        "ends_at": "2026-11-25T08:25:00+00:00",
        "planned_minutes": 25,
        "routine": None,
    }
    assert state(hass, setup_entry, "sensor", "session_ends") == "2026-11-25T08:25:00+00:00"
    assert state(hass, setup_entry, "binary_sensor", "session_active") == "on"
    assert state(hass, setup_entry, "binary_sensor", "resting") == "off"
    assert event_data(events) == [
        {
            "config_entry_id": setup_entry.entry_id,
            "type": "started",
            "activity": "exercise",
            "planned_minutes": 25,
            "started_at": STARTED_AT,
            "ends_at": "2026-11-25T08:25:00+00:00",
            "routine": None,
            "source": "action",
        }
    ]


@pytest.mark.parametrize(
    ("activity", "default_minutes"),
    [("exercise", 20), ("stretch", 15), ("inversion", 2), ("rest", 15)],
)
async def test_start_session_default_durations(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str, default_minutes: int
) -> None:
    """Each activity starts with its own default length when nothing was changed."""
    await call(hass, "start_session", activity=activity)

    assert coordinator(setup_entry).reader.session is not None
    assert coordinator(setup_entry).reader.session.planned_minutes == default_minutes
    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == default_minutes
    assert state(hass, setup_entry, "sensor", "session") == activity


async def test_start_session_explicit_duration(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An explicit duration wins over the number; a rest session sets `resting`."""
    await call(hass, "start_session", activity="rest", duration=40)

    assert state(hass, setup_entry, "sensor", "session") == "rest"
    assert state(hass, setup_entry, "sensor", "session_ends") == "2026-11-25T08:40:00+00:00"
    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == 40
    assert state(hass, setup_entry, "binary_sensor", "resting") == "on"


@pytest.mark.parametrize(("activity", "minutes"), [("exercise", 1), ("rest", 120)])
async def test_start_session_accepts_the_bounds(
    hass: HomeAssistant, setup_entry: MockConfigEntry, activity: str, minutes: int
) -> None:
    """1 and 120 minutes are both allowed."""
    await call(hass, "start_session", activity=activity, duration=minutes)

    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == minutes
    ends_at = dt_util.parse_datetime(STARTED_AT) + timedelta(minutes=minutes)
    assert state(hass, setup_entry, "sensor", "session_ends") == ends_at.isoformat()


async def test_start_session_stretch_routine(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A stretch session can follow a guided routine; the routine sets its length."""
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "start_session", activity="stretch", routine="gentle_back")

    assert state(hass, setup_entry, "sensor", "session") == "stretch"
    session = attributes(hass, setup_entry, "sensor", "session")
    assert (session["routine"], session["planned_minutes"]) == ("gentle_back", 7)
    assert [(event.data["type"], event.data["routine"]) for event in events] == [
        ("started", "gentle_back"),
        ("step", "gentle_back"),
    ]


async def test_start_inversion_up_to_the_default_cap(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Inversion may last 30 minutes by default, and not one more."""
    await assert_rejected(
        hass,
        "start_session",
        {"activity": "inversion", "duration": 31},
        "duration_out_of_range",
        "31 minutes is outside what's allowed here: 1 to 30 minutes",
    )

    await call(hass, "start_session", activity="inversion", duration=30)

    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == 30


async def test_start_inversion_respects_max_inversion_option(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """The `max_inversion` option caps an inversion session; other activities keep 120."""
    entry = await set_up(hass, make_entry(max_inversion=20))

    await assert_rejected(
        hass,
        "start_session",
        {"activity": "inversion", "duration": 21},
        "duration_out_of_range",
        "21 minutes is outside what's allowed here: 1 to 20 minutes",
    )
    await call(hass, "start_session", activity="inversion", duration=20)
    assert attributes(hass, entry, "sensor", "session")["planned_minutes"] == 20
    await call(hass, "cancel_session")

    await call(hass, "start_session", activity="exercise", duration=90)
    assert attributes(hass, entry, "sensor", "session")["planned_minutes"] == 90


async def test_start_inversion_default_follows_a_lowered_cap(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A default inversion length set before the cap was lowered starts at the new cap."""
    await entity_action(
        hass, entity_id(hass, setup_entry, "number", "inversion_duration"), "set_value", value=25
    )
    hass.config_entries.async_update_entry(setup_entry, options={"max_inversion": 20})
    await hass.async_block_till_done()

    await call(hass, "start_session", activity="inversion")

    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == 20


async def test_session_active_message_reads_well(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The refusal names the session going, in correct English ("an inversion")."""
    await call(hass, "start_session", activity="inversion", duration=20)

    err = await assert_rejected(hass, "start_session", {"activity": "rest"}, "session_active", None)

    assert "inversion" in str(err)
    assert "A inversion" not in str(err)


# ----- pause_session and resume_session -----


async def test_pause_and_resume_move_the_end_time(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Paused time doesn't count: resuming moves the end by the pause, then it finishes."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="exercise", duration=20)
    await advance(hass, frozen_time, minutes=5)

    await call(hass, "pause_session")

    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    assert attributes(hass, setup_entry, "sensor", "session")["status"] == "paused"
    assert state(hass, setup_entry, "sensor", "session_ends") == "unknown"
    assert state(hass, setup_entry, "binary_sensor", "session_active") == "on"

    # The original end passes while paused: nothing finishes.
    await advance(hass, frozen_time, minutes=20)
    assert coordinator(setup_entry).reader.session is not None
    await call(hass, "resume_session")

    ends_at = "2026-11-25T08:40:00+00:00"
    assert attributes(hass, setup_entry, "sensor", "session")["status"] == "running"
    assert attributes(hass, setup_entry, "sensor", "session")["ends_at"] == ends_at
    assert state(hass, setup_entry, "sensor", "session_ends") == ends_at

    await advance(hass, frozen_time, minutes=14, seconds=59)
    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    await advance(hass, frozen_time, seconds=1)
    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "20"

    common = {
        "config_entry_id": setup_entry.entry_id,
        "activity": "exercise",
        "planned_minutes": 20,
        "started_at": STARTED_AT,
        "routine": None,
        "source": "action",
    }
    assert event_data(events) == [
        {**common, "type": "started", "ends_at": "2026-11-25T08:20:00+00:00"},
        {**common, "type": "paused", "ends_at": "2026-11-25T08:20:00+00:00"},
        {**common, "type": "resumed", "ends_at": ends_at},
        {
            **common,
            "type": "finished",
            "ends_at": ends_at,
            "credited_minutes": 20,
            "stopped_early": False,
            "while_offline": False,
            "late_seconds": 0,
        },
    ]


# ----- stop_session and cancel_session -----


@pytest.mark.parametrize(
    ("seconds_run", "credited"), [(20, 0), (30, 1), (449, 7), (450, 8), (1199, 20)]
)
async def test_stop_session_credits_minutes_run(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    seconds_run: int,
    credited: int,
) -> None:
    """Stopping credits the minutes run, rounded to the nearest minute (halves up)."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="exercise", duration=20)
    await advance(hass, frozen_time, seconds=seconds_run)

    await call(hass, "stop_session")

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "session_ends") == "unknown"
    assert state(hass, setup_entry, "binary_sensor", "session_active") == "off"
    assert state(hass, setup_entry, "sensor", "exercise_today") == str(credited)
    assert coordinator(setup_entry).reader.session is None
    assert coordinator(setup_entry).reader.today_log().minutes.get(Activity.EXERCISE, 0) == credited
    assert event_data(events)[-1] == {
        "config_entry_id": setup_entry.entry_id,
        "type": "finished",
        "activity": "exercise",
        "planned_minutes": 20,
        "started_at": STARTED_AT,
        "ends_at": "2026-11-25T08:20:00+00:00",
        "routine": None,
        "source": "action",
        "credited_minutes": credited,
        "stopped_early": True,
        "while_offline": False,
    }

    # The session's timer is gone: its old end time passes quietly.
    await advance(hass, frozen_time, minutes=30)
    assert [event.data["type"] for event in events] == ["started", "finished"]
    assert state(hass, setup_entry, "sensor", "exercise_today") == str(credited)


async def test_stop_paused_session_leaves_out_the_pause(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session stopped while paused credits only its running time; stretch is exercise."""
    await call(hass, "start_session", activity="stretch", duration=15)
    await advance(hass, frozen_time, minutes=4)
    await call(hass, "pause_session")
    await advance(hass, frozen_time, minutes=10)

    await call(hass, "stop_session")

    assert coordinator(setup_entry).reader.today_log().minutes == {Activity.STRETCH: 4}
    assert state(hass, setup_entry, "sensor", "exercise_today") == "4"


async def test_cancel_session_credits_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Cancelling ends the session now and credits nothing, not even later."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="rest", duration=15)
    await advance(hass, frozen_time, minutes=10)

    await call(hass, "cancel_session")

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "binary_sensor", "resting") == "off"
    assert state(hass, setup_entry, "sensor", "rest_today") == "0"
    assert coordinator(setup_entry).reader.today_log().minutes == {}
    assert event_data(events) == [
        {
            "config_entry_id": setup_entry.entry_id,
            "type": "started",
            "activity": "rest",
            "planned_minutes": 15,
            "started_at": STARTED_AT,
            "ends_at": "2026-11-25T08:15:00+00:00",
            "routine": None,
            "source": "action",
        },
        {
            "config_entry_id": setup_entry.entry_id,
            "type": "cancelled",
            "activity": "rest",
            "planned_minutes": 15,
            "started_at": STARTED_AT,
            "ends_at": "2026-11-25T08:15:00+00:00",
            "routine": None,
            "source": "action",
            "credited_minutes": 0,
        },
    ]

    await advance(hass, frozen_time, minutes=10)
    assert len(events) == 2
    assert state(hass, setup_entry, "sensor", "rest_today") == "0"


async def test_cancel_paused_session(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """A paused session can be cancelled too."""
    await prepare(hass, "rest_paused")

    await call(hass, "cancel_session")

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert coordinator(setup_entry).reader.session is None


# ----- extend_session -----


async def test_extend_session_moves_the_end(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Extending adds minutes to the plan and the end; the full plan is credited."""
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "start_session", activity="exercise", duration=20)

    await call(hass, "extend_session", minutes=60)

    ends_at = "2026-11-25T09:20:00+00:00"
    assert state(hass, setup_entry, "sensor", "session_ends") == ends_at
    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == 80
    assert event_data(events)[-1] == {
        "config_entry_id": setup_entry.entry_id,
        "type": "extended",
        "activity": "exercise",
        "planned_minutes": 80,
        "started_at": STARTED_AT,
        "ends_at": ends_at,
        "routine": None,
        "source": "action",
        "added_minutes": 60,
    }

    await advance(hass, frozen_time, minutes=79)
    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    await advance(hass, frozen_time, minutes=1)
    assert state(hass, setup_entry, "sensor", "exercise_today") == "80"


async def test_extend_inversion_up_to_the_cap(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An inversion can grow to `max_inversion` but not past it."""
    await call(hass, "start_session", activity="inversion", duration=20)

    await assert_rejected(
        hass,
        "extend_session",
        {"minutes": 11},
        "duration_out_of_range",
        "31 minutes is outside what's allowed here: 1 to 30 minutes",
    )
    await call(hass, "extend_session", minutes=10)

    assert attributes(hass, setup_entry, "sensor", "session")["planned_minutes"] == 30
    assert state(hass, setup_entry, "sensor", "session_ends") == "2026-11-25T08:30:00+00:00"
    await assert_rejected(
        hass,
        "extend_session",
        {"minutes": 1},
        "duration_out_of_range",
        "31 minutes is outside what's allowed here: 1 to 30 minutes",
    )


# ----- log_activity -----


async def test_log_activity_today(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """Logged minutes count today; stretch counts as exercise; the kind is kept."""
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "log_activity", activity="exercise", minutes=12, kind="yoga")
    await call(hass, "log_activity", activity="stretch", minutes=8)
    await call(hass, "log_activity", activity="rest", minutes=15)
    await call(hass, "log_activity", activity="inversion", minutes=600)

    assert state(hass, setup_entry, "sensor", "exercise_today") == "20"
    assert state(hass, setup_entry, "sensor", "rest_today") == "15"
    assert state(hass, setup_entry, "sensor", "inversion_today") == "600"
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"
    assert attributes(hass, setup_entry, "sensor", "exercise_streak")["today_met"] is True
    log = coordinator(setup_entry).reader.today_log()
    assert log.minutes == {
        Activity.EXERCISE: 12,
        Activity.STRETCH: 8,
        Activity.REST: 15,
        Activity.INVERSION: 600,
    }
    assert log.kinds == {"yoga": 12}
    # Logging is not a session.
    assert events == []
    assert state(hass, setup_entry, "sensor", "session") == "idle"


@pytest.mark.parametrize("day", ["2026-11-24", "2026-09-26"])
async def test_log_activity_in_the_past(
    hass: HomeAssistant, setup_entry: MockConfigEntry, day: str
) -> None:
    """Minutes can be logged up to 60 days back; they go to that day, not today."""
    await call(hass, "log_activity", activity="stretch", minutes=30, date=day, kind="class")

    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"
    past = coordinator(setup_entry).reader.history.get(dt_util.parse_date(day))
    assert past.minutes == {Activity.STRETCH: 30}
    assert past.kinds == {"class": 30}
    assert coordinator(setup_entry).reader.today_log().minutes == {}


async def test_log_activity_yesterday_keeps_the_streak(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Stretching logged for yesterday meets yesterday's exercise goal."""
    await call(hass, "log_activity", activity="stretch", minutes=20, date="2026-11-24")

    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"
    assert attributes(hass, setup_entry, "sensor", "exercise_streak")["today_met"] is False


# ----- log_pain -----


async def test_log_pain(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A pain report sets `pain_level`; the latest one counts; the note is kept."""
    await call(hass, "log_pain", level=7, note="after lifting")
    assert state(hass, setup_entry, "sensor", "pain_level") == "7"
    assert attributes(hass, setup_entry, "sensor", "pain_level")["logged_at"] == STARTED_AT
    await advance(hass, frozen_time, minutes=30)

    await call(hass, "log_pain", level=0)

    assert state(hass, setup_entry, "sensor", "pain_level") == "0"
    assert (
        attributes(hass, setup_entry, "sensor", "pain_level")["logged_at"]
        == "2026-11-25T08:30:00+00:00"
    )
    pain = coordinator(setup_entry).reader.today_log().pain
    assert [(entry.level, entry.note) for entry in pain] == [(7, "after lifting"), (0, None)]


async def test_log_pain_correction_in_the_same_moment_wins(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Of two reports logged at the same instant, the one logged last is the level."""
    await call(hass, "log_pain", level=7)
    await call(hass, "log_pain", level=3)

    assert state(hass, setup_entry, "sensor", "pain_level") == "3"


async def test_log_pain_accepts_ten(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """10 is the worst pain that can be logged."""
    await call(hass, "log_pain", level=10)

    assert state(hass, setup_entry, "sensor", "pain_level") == "10"


# ----- log_visit -----


async def test_log_visit_today(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """A visit logged without a date is today's, at the current time."""
    assert state(hass, setup_entry, "sensor", "last_visit") == "unknown"

    await call(hass, "log_visit", note="adjustment")

    assert state(hass, setup_entry, "sensor", "last_visit") == STARTED_AT
    visits = coordinator(setup_entry).reader.today_log().visits
    assert [(visit.visited_at.isoformat(), visit.note) for visit in visits] == [
        (STARTED_AT, "adjustment")
    ]


async def test_log_visit_on_a_past_date(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """A past visit is dated at the start of that local day; a later one wins."""
    await call(hass, "log_visit", date="2026-11-20")

    # Midnight in Berlin, in UTC.
    assert state(hass, setup_entry, "sensor", "last_visit") == "2026-11-19T23:00:00+00:00"

    await call(hass, "log_visit", date="2026-11-23")
    await call(hass, "log_visit", date="2026-11-21")

    assert state(hass, setup_entry, "sensor", "last_visit") == "2026-11-22T23:00:00+00:00"


# ----- get_summary -----


async def test_get_summary(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The summary holds goals, today, streaks, the session and the last 7 days."""
    await call(hass, "log_activity", activity="exercise", minutes=25, kind="yoga")
    await call(hass, "log_activity", activity="stretch", minutes=10, date="2026-11-23")
    await call(hass, "log_activity", activity="rest", minutes=15, date="2026-11-24")
    await call(hass, "log_pain", level=4)
    await call(hass, "log_pain", level=7)
    await call(hass, "start_session", activity="inversion", duration=20)
    await advance(hass, frozen_time, minutes=5)

    summary = await call(hass, "get_summary")

    empty = {"exercise": 0, "stretch": 0, "inversion": 0, "rest": 0, "pain": None, "sessions": []}
    none_met = {"exercise": False, "rest": False, "inversion": False}
    assert summary == {
        "person": "Alex",
        "date": "2026-11-25",
        # The earliest record, before Alex was added (today).
        "first_day": "2026-11-23",
        "goals": {"exercise": 20, "rest": 15, "inversion": 15},
        "today": {"exercise": 25, "rest": 0, "inversion": 0},
        "streaks": {
            "exercise": {"current": 1, "best": 1, "today_met": True},
            "rest": {"current": 1, "best": 1, "today_met": False},
            "inversion": {"current": 0, "best": 0, "today_met": False},
        },
        "session": {
            "activity": "inversion",
            "planned_minutes": 20,
            "started_at": STARTED_AT,
            "ends_at": "2026-11-25T08:20:00+00:00",
            "routine": None,
            "source": "action",
            "status": "running",
            "remaining_seconds": 900,
        },
        "pain": {
            "average_7_days": 5.5,
            "average_previous_7_days": None,
            "average_30_days": 5.5,
            "average_exercise_days": 5.5,
            "average_other_days": None,
        },
        "next_visit": None,
        "insights": [],
        "days": [
            # Before the first day: neither met nor missed.
            {**empty, "date": "2026-11-19", "flare_up": False, "met": None},
            {**empty, "date": "2026-11-20", "flare_up": False, "met": None},
            {**empty, "date": "2026-11-21", "flare_up": False, "met": None},
            {**empty, "date": "2026-11-22", "flare_up": False, "met": None},
            {**empty, "date": "2026-11-23", "stretch": 10, "flare_up": False, "met": none_met},
            {
                **empty,
                "date": "2026-11-24",
                "rest": 15,
                "flare_up": False,
                "met": {**none_met, "rest": True},
            },
            {
                **empty,
                "date": "2026-11-25",
                "exercise": 25,
                "pain": 5.5,
                "flare_up": False,
                "met": {**none_met, "exercise": True},
            },
        ],
    }


async def test_get_summary_paused_session(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A paused session's remaining time stands still in the summary."""
    await call(hass, "start_session", activity="rest", duration=15)
    await advance(hass, frozen_time, minutes=5)
    await call(hass, "pause_session")
    await advance(hass, frozen_time, minutes=3)

    summary = await call(hass, "get_summary", days=1)

    assert summary["session"] == {
        "activity": "rest",
        "planned_minutes": 15,
        "started_at": STARTED_AT,
        "ends_at": "2026-11-25T08:15:00+00:00",
        "routine": None,
        "source": "action",
        "status": "paused",
        "remaining_seconds": 600,
    }
    assert summary["days"] == [
        {
            "date": "2026-11-25",
            "exercise": 0,
            "stretch": 0,
            "inversion": 0,
            "rest": 0,
            "pain": None,
            "flare_up": False,
            "sessions": [],
            "met": {"exercise": False, "rest": False, "inversion": False},
        }
    ]


async def test_get_summary_idle_and_a_year(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With no session the summary's session is None; 365 days reach back a year."""
    summary = await call(hass, "get_summary", days=365)

    assert summary["session"] is None
    assert summary["today"] == {"exercise": 0, "rest": 0, "inversion": 0}
    assert len(summary["days"]) == 365
    assert summary["days"][0]["date"] == "2025-11-26"
    assert summary["days"][-1]["date"] == "2026-11-25"


# ----- every error key: refused, translated, nothing changed -----


class Refusal(NamedTuple):
    """An action refused in a situation, with its error key and English message."""

    situation: str
    service: str
    data: dict[str, Any]
    key: str
    message: str


REFUSALS: list[Refusal] = [
    Refusal(
        "rest_running",
        "start_session",
        {"activity": "stretch"},
        "session_active",
        "There is already a rest session going. Stop or cancel it first",
    ),
    Refusal(
        "rest_paused",
        "start_session",
        {"activity": "rest", "duration": 10},
        "session_active",
        "There is already a rest session going. Stop or cancel it first",
    ),
    Refusal("idle", "pause_session", {}, "no_session", "There is no session going"),
    Refusal("idle", "resume_session", {}, "no_session", "There is no session going"),
    Refusal("idle", "stop_session", {}, "no_session", "There is no session going"),
    Refusal("idle", "cancel_session", {}, "no_session", "There is no session going"),
    Refusal("idle", "extend_session", {"minutes": 5}, "no_session", "There is no session going"),
    Refusal("idle", "next_step", {}, "no_session", "There is no session going"),
    Refusal("idle", "repeat_step", {}, "no_session", "There is no session going"),
    Refusal(
        "rest_running",
        "next_step",
        {},
        "no_guided_routine",
        "No guided routine is running, so there is no step to move",
    ),
    Refusal(
        "rest_paused",
        "repeat_step",
        {},
        "no_guided_routine",
        "No guided routine is running, so there is no step to move",
    ),
    Refusal("rest_paused", "pause_session", {}, "not_running", "The session is already paused"),
    Refusal("rest_running", "resume_session", {}, "not_paused", "The session isn't paused"),
    Refusal(
        "idle",
        "start_session",
        {"activity": "exercise", "duration": 0},
        "duration_out_of_range",
        "0 minutes is outside what's allowed here: 1 to 120 minutes",
    ),
    Refusal(
        "idle",
        "start_session",
        {"activity": "rest", "duration": 121},
        "duration_out_of_range",
        "121 minutes is outside what's allowed here: 1 to 120 minutes",
    ),
    Refusal(
        "idle",
        "start_session",
        {"activity": "inversion", "duration": 31},
        "duration_out_of_range",
        "31 minutes is outside what's allowed here: 1 to 30 minutes",
    ),
    Refusal(
        "rest_running",
        "extend_session",
        {"minutes": 0},
        "duration_out_of_range",
        "0 minutes is outside what's allowed here: 1 to 60 minutes",
    ),
    Refusal(
        "rest_paused",
        "extend_session",
        {"minutes": 61},
        "duration_out_of_range",
        "61 minutes is outside what's allowed here: 1 to 60 minutes",
    ),
    Refusal(
        "inversion_running",
        "extend_session",
        {"minutes": 11},
        "duration_out_of_range",
        "31 minutes is outside what's allowed here: 1 to 30 minutes",
    ),
    Refusal(
        "idle",
        "log_activity",
        {"activity": "exercise", "minutes": 0},
        "duration_out_of_range",
        "0 minutes is outside what's allowed here: 1 to 600 minutes",
    ),
    Refusal(
        "idle",
        "log_activity",
        {"activity": "rest", "minutes": 601},
        "duration_out_of_range",
        "601 minutes is outside what's allowed here: 1 to 600 minutes",
    ),
    Refusal(
        "idle",
        "log_activity",
        {"activity": "exercise", "minutes": 10, "date": "2026-11-26"},
        "date_out_of_range",
        "2026-11-26 can't be used: pick a date from 2026-09-26 to 2026-11-25",
    ),
    Refusal(
        "idle",
        "log_activity",
        {"activity": "exercise", "minutes": 10, "date": "2026-09-25"},
        "date_out_of_range",
        "2026-09-25 can't be used: pick a date from 2026-09-26 to 2026-11-25",
    ),
    Refusal(
        "idle",
        "log_visit",
        {"date": "2026-11-26"},
        "date_out_of_range",
        "2026-11-26 can't be used: pick a date from 2025-11-25 to 2026-11-25",
    ),
    Refusal(
        "idle",
        "log_pain",
        {"level": -1},
        "level_out_of_range",
        "A pain level of -1 can't be logged: use 0 to 10",
    ),
    Refusal(
        "rest_running",
        "log_pain",
        {"level": 11, "note": "bad"},
        "level_out_of_range",
        "A pain level of 11 can't be logged: use 0 to 10",
    ),
    Refusal(
        "idle",
        "get_summary",
        {"days": 0},
        "days_out_of_range",
        "A summary of 0 days can't be made: use 1 to 365 days",
    ),
    Refusal(
        "idle",
        "get_summary",
        {"days": 366},
        "days_out_of_range",
        "A summary of 366 days can't be made: use 1 to 365 days",
    ),
    Refusal(
        "idle",
        "start_session",
        {"activity": "exercise", "routine": "morning"},
        "routine_stretch_only",
        "A guided routine can only be used with a stretching session",
    ),
    Refusal(
        "rest_running",
        "start_session",
        {"activity": "inversion", "duration": 10, "routine": "morning"},
        "routine_stretch_only",
        "A guided routine can only be used with a stretching session",
    ),
    # A guided routine sets its own length: any duration beside it is a slip.
    Refusal(
        "idle",
        "start_session",
        {"activity": "stretch", "duration": 10, "routine": "gentle_back"},
        "routine_sets_duration",
        'The routine "gentle_back" sets its own length. Leave out the duration to start it',
    ),
    Refusal(
        "idle",
        "start_session",
        {"activity": "stretch", "duration": 500, "routine": "gentle_back"},
        "routine_sets_duration",
        'The routine "gentle_back" sets its own length. Leave out the duration to start it',
    ),
    Refusal(
        "idle",
        "start_session",
        {"activity": "stretch", "duration": 0, "routine": "gentle_back"},
        "routine_sets_duration",
        'The routine "gentle_back" sets its own length. Leave out the duration to start it',
    ),
]


@pytest.mark.parametrize(
    "refusal", REFUSALS, ids=lambda refusal: f"{refusal.situation}-{refusal.service}-{refusal.key}"
)
async def test_refused_actions_change_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    refusal: Refusal,
) -> None:
    """Each refusal raises its translated error key and leaves every state as it was."""
    await prepare(hass, refusal.situation)

    await assert_rejected(hass, refusal.service, refusal.data, refusal.key, refusal.message)


# ----- input of the wrong kind: every field of every action -----

# Slips of each kind of field, as YAML, templates and scripts hand them over.
NUMBER_SLIPS: list[Any] = [
    2.5,
    "2.5",
    float("nan"),
    float("inf"),
    float("-inf"),
    "inf",
    True,
    False,
    [5],
    {"minutes": 5},
    "",
    "ten",
    "1e3",
    "9" * 5000,
]
# Unquoted YAML turns "2026-11-24 10:00:00" into a datetime, which is also a date.
DATE_SLIPS: list[Any] = [
    datetime(2026, 11, 24, 10, 0),  # noqa: DTZ001 - as YAML gives it
    datetime(2026, 11, 24, 10, 0, tzinfo=UTC),
    "2026-11-24 10:00:00",
    "2026-11-24T10:00:00+01:00",
    "2026-02-30",
    "24.11.2026",
    "someday",
    "",
    20261124,
    True,
    ["2026-11-24"],
]
TEXT_SLIPS: list[Any] = [["a note"], {"note": "a"}, True, date(2026, 11, 24)]
# Unquoted YAML turns 10:30 into 630 (a number in base 60).
TIME_SLIPS: list[Any] = [
    630,
    "25:00",
    "10:30 pm",
    "2026-11-24 10:30:00",
    datetime(2026, 11, 24, 10, 30),  # noqa: DTZ001 - as YAML gives it
    True,
    ["10:30"],
    "",
]
ACTIVITY_SLIPS: list[Any] = ["swimming", "", 3, True, ["rest"], "rest, exercise"]
BOOLEAN_SLIPS: list[Any] = ["yes", "", 2, 0.5, [True], "true!", {"replace": True}]
# An instant: a day alone or a time alone is not one.
MOMENT_SLIPS: list[Any] = [
    "2026-11-24",
    date(2026, 11, 24),
    "10:30",
    time(10, 30),
    "2026-11-24T25:00:00+01:00",
    "someday",
    "",
    20261124,
    True,
    ["2026-11-24T10:00:00+01:00"],
]
# Only the card and actions say who they are; voice, buttons, signs, tags and phones don't call.
SOURCE_SLIPS: list[Any] = ["voice", "button", "sign", "tag", "phone", "", 3, True, ["card"]]
SLIPS: dict[str, tuple[list[Any], str]] = {
    "number": (NUMBER_SLIPS, "not_a_whole_number"),
    "date": (DATE_SLIPS, "not_a_date"),
    "text": (TEXT_SLIPS, "not_text"),
    "time": (TIME_SLIPS, "not_a_time"),
    "activity": (ACTIVITY_SLIPS, "not_one_of"),
    "boolean": (BOOLEAN_SLIPS, "not_a_boolean"),
    "moment": (MOMENT_SLIPS, "not_a_moment"),
    "source": (SOURCE_SLIPS, "not_one_of"),
}
LONG_TEXT = {"config_entry_id": 100, "routine": 100, "kind": 50, "note": 500}


class ActionFields(NamedTuple):
    """An action's fields by kind, the situation it is tried in, and a valid call."""

    situation: str
    valid: dict[str, Any]
    fields: dict[str, str]
    # Numbers the routine refuses by range (the huge, the negative), with their keys.
    ranges: tuple[tuple[str, str], ...] = ()


ACTIONS: dict[str, ActionFields] = {
    "start_session": ActionFields(
        "idle",
        {"activity": "exercise"},
        {"activity": "activity", "duration": "number", "routine": "text", "source": "source"},
        (("duration", "duration_out_of_range"),),
    ),
    "pause_session": ActionFields("rest_running", {}, {"source": "source"}),
    "resume_session": ActionFields("rest_paused", {}, {"source": "source"}),
    "stop_session": ActionFields("rest_running", {}, {"source": "source"}),
    "cancel_session": ActionFields("rest_running", {}, {"source": "source"}),
    "next_step": ActionFields("rest_running", {}, {"source": "source"}),
    "repeat_step": ActionFields("rest_running", {}, {"source": "source"}),
    "extend_session": ActionFields(
        "rest_running",
        {"minutes": 5},
        {"minutes": "number", "source": "source"},
        (("minutes", "duration_out_of_range"),),
    ),
    "log_activity": ActionFields(
        "rest_running",
        {"activity": "exercise", "minutes": 10},
        {"activity": "activity", "minutes": "number", "date": "date", "kind": "text"},
        (("minutes", "duration_out_of_range"),),
    ),
    "log_pain": ActionFields(
        "rest_running",
        {"level": 3},
        {"level": "number", "note": "text", "date": "date", "replace": "boolean"},
        (("level", "level_out_of_range"),),
    ),
    "remove_pain": ActionFields("rest_running", {}, {"date": "date", "logged_at": "moment"}),
    "set_minutes": ActionFields(
        "rest_running",
        {"activity": "exercise", "minutes": 10},
        {"activity": "activity", "minutes": "number", "date": "date"},
        (("minutes", "duration_out_of_range"),),
    ),
    "cancel_visit": ActionFields("rest_running", {"date": "2026-12-01"}, {"date": "date"}),
    "remove_visit": ActionFields("rest_running", {"date": "2026-11-24"}, {"date": "date"}),
    "undo_session": ActionFields("rest_running", {}, {"source": "source"}),
    "log_visit": ActionFields("rest_running", {}, {"date": "date", "note": "text"}),
    "get_summary": ActionFields(
        "rest_running", {}, {"days": "number"}, (("days", "days_out_of_range"),)
    ),
    "schedule_visit": ActionFields(
        "rest_running",
        {"date": "2026-12-01"},
        {"date": "date", "time": "time", "note": "text"},
    ),
    "set_flare_up": ActionFields(
        "rest_running",
        {"start_date": "2026-11-20"},
        {"start_date": "date", "end_date": "date", "note": "text"},
    ),
    "check_in": ActionFields("rest_running", {}, {}),
}


def bad_inputs(service: str) -> list[tuple[dict[str, Any], str, str]]:
    """Return every bad input tried on an action: (data, error key, field named)."""
    action = ACTIONS[service]
    fields = {"config_entry_id": "text", **action.fields}
    tried: list[tuple[dict[str, Any], str, str]] = []
    for field, kind in fields.items():
        slips, key = SLIPS[kind]
        tried.extend(({**action.valid, field: slip}, key, field) for slip in slips)
        if kind == "text":
            too_long = "x" * (LONG_TEXT[field] + 1)
            tried.append(({**action.valid, field: too_long}, "text_too_long", field))
    for field, key in action.ranges:
        tried.extend(({**action.valid, field: value}, key, "") for value in (10**100, -(10**9)))
    for field in action.valid:
        left_out = {name: value for name, value in action.valid.items() if name != field}
        tried.append((left_out, "field_required", field))
    tried.append(({**action.valid, "minutes_left": 5}, "field_unknown", "minutes_left"))
    return tried


def test_every_action_and_field_has_its_slips() -> None:
    """The table of bad inputs covers every action and every field of services.yaml."""
    described = load_yaml_dict(str(INTEGRATION / "services.yaml"))
    assert set(ACTIONS) == set(described)
    for service, action in ACTIONS.items():
        fields = set(described[service].get("fields", {}))
        assert fields == {"config_entry_id", *action.fields}, service


@pytest.mark.parametrize("service", ACTIONS)
async def test_bad_input_is_refused_by_name_and_changes_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry, service: str
) -> None:
    """Every slip in every field is a translated refusal naming the field; nothing changes."""
    await prepare(hass, ACTIONS[service].situation)
    failures: list[str] = []

    for data, key, field in bad_inputs(service):
        try:
            err = await assert_rejected(hass, service, data, key, None)
            if field:
                assert err.translation_placeholders is not None
                assert err.translation_placeholders["field"] == field
        except (Exception, pytest.fail.Exception) as failure:  # noqa: BLE001 - report them all
            failures.append(f"{data!r:.120}: {type(failure).__name__} {failure}"[:400])

    assert not failures, "\n".join(failures)


async def test_a_datetime_where_a_date_goes_reads_well(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """The refusal says what was wrong and how to write it."""
    await assert_rejected(
        hass,
        "log_activity",
        {"activity": "exercise", "minutes": 10, "date": datetime(2026, 11, 24, 10, 0)},  # noqa: DTZ001
        "not_a_date",
        "date needs a date such as 2026-03-09, without a time of day; 2026-11-24 10:00:00 "
        "isn't one. In YAML, put the date in quotes",
    )
    await assert_rejected(
        hass,
        "log_pain",
        {"level": float("inf")},
        "not_a_whole_number",
        "level needs a whole number from 0 to 10; inf isn't one",
    )


async def test_forms_that_mean_the_same_are_taken(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """20.0 and "20" are 20; a date object is a day; blank or null text is no text."""
    await call(hass, "log_activity", activity=" Exercise ", minutes=20.0, date=date(2026, 11, 24))
    await call(hass, "log_activity", activity="exercise", minutes="5", kind="  ", date=None)
    await call(hass, "log_pain", level="4", note="")
    await call(hass, "schedule_visit", date="2026-12-01", time=time(10, 30), note=None)

    summary = await call(hass, "get_summary", days=2.0)

    assert summary is not None
    assert [(day["exercise"], day["pain"]) for day in summary["days"]] == [(20, None), (5, 4)]
    today = coordinator(setup_entry).reader.today_log()
    assert (today.kinds, [entry.note for entry in today.pain]) == ({}, [None])
    assert summary["next_visit"] == "2026-12-01T09:30:00+00:00"


async def test_refused_call_keeps_the_session_timer(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """After refused calls the running session still finishes at its own end time."""
    await call(hass, "start_session", activity="inversion", duration=20)
    await assert_rejected(hass, "extend_session", {"minutes": 20}, "duration_out_of_range", None)
    await assert_rejected(hass, "start_session", {"activity": "rest"}, "session_active", None)
    await assert_rejected(hass, "resume_session", {}, "not_paused", None)

    await advance(hass, frozen_time, minutes=20)

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "inversion_today") == "20"


# ----- which person -----


async def test_config_entry_id_may_name_the_only_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With one person, naming them explicitly works as well as leaving them out."""
    await call(
        hass,
        "start_session",
        config_entry_id=setup_entry.entry_id,
        activity="rest",
        duration=10,
    )

    assert state(hass, setup_entry, "sensor", "session") == "rest"
    summary = await call(hass, "get_summary", config_entry_id=setup_entry.entry_id)
    assert summary["person"] == "Alex"


@pytest.mark.parametrize(("service", "data"), ALL_SERVICES.items())
async def test_two_people_need_config_entry_id(
    hass: HomeAssistant,
    two_people: tuple[MockConfigEntry, MockConfigEntry],
    service: str,
    data: dict[str, Any],
) -> None:
    """With two people every action needs `config_entry_id`."""
    await assert_rejected(
        hass,
        service,
        data,
        "person_required",
        "Several people are set up (Alex, Sam). Say whose routine this is with config_entry_id",
    )


@pytest.mark.parametrize(("service", "data"), ALL_SERVICES.items())
async def test_unknown_config_entry_id(
    hass: HomeAssistant, setup_entry: MockConfigEntry, service: str, data: dict[str, Any]
) -> None:
    """An entry id that belongs to nobody is refused as `unknown_person`."""
    await assert_rejected(
        hass,
        service,
        {**data, "config_entry_id": "nobody"},
        "unknown_person",
        'No loaded Back Relief person has the entry id "nobody"',
    )


async def test_entry_of_another_integration_is_unknown(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """An entry id of another integration is not a person."""
    other = MockConfigEntry(domain="other", entry_id="other_entry")
    other.add_to_hass(hass)

    await assert_rejected(
        hass,
        "log_pain",
        {"config_entry_id": "other_entry", "level": 3},
        "unknown_person",
        'No loaded Back Relief person has the entry id "other_entry"',
    )


async def test_unloaded_person_is_unknown(
    hass: HomeAssistant, two_people: tuple[MockConfigEntry, MockConfigEntry]
) -> None:
    """An unloaded person can't be named; the one still loaded needs no id."""
    alex, sam = two_people
    assert await hass.config_entries.async_unload(sam.entry_id)
    await hass.async_block_till_done()

    await assert_rejected(
        hass,
        "start_session",
        {"config_entry_id": sam.entry_id, "activity": "rest"},
        "unknown_person",
        'No loaded Back Relief person has the entry id "entry_sam"',
    )

    await call(hass, "start_session", activity="rest", duration=10)
    assert state(hass, alex, "sensor", "session") == "rest"


async def test_no_person_loaded(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """With nobody loaded, an action without an id is refused as `no_person`."""
    assert await hass.config_entries.async_unload(setup_entry.entry_id)
    await hass.async_block_till_done()

    await assert_rejected(
        hass,
        "log_pain",
        {"level": 3},
        "no_person",
        "No one is set up in Back Relief yet. Add a person first",
    )


async def test_two_people_kept_apart(
    hass: HomeAssistant,
    two_people: tuple[MockConfigEntry, MockConfigEntry],
    frozen_time: FrozenDateTimeFactory,
) -> None:
    """Each action acts on the named person only."""
    alex, sam = two_people
    events = async_capture_events(hass, BUS_EVENT)
    sam_id = {"config_entry_id": sam.entry_id}
    alex_id = {"config_entry_id": alex.entry_id}

    await call(hass, "start_session", **sam_id, activity="stretch", duration=10)
    assert state(hass, sam, "sensor", "session") == "stretch"
    assert state(hass, alex, "sensor", "session") == "idle"

    # Alex can start his own session while Sam's runs.
    await call(hass, "start_session", **alex_id, activity="rest", duration=30)
    await advance(hass, frozen_time, minutes=3)
    await call(hass, "pause_session", **sam_id)
    assert attributes(hass, sam, "sensor", "session")["status"] == "paused"
    assert attributes(hass, alex, "sensor", "session")["status"] == "running"
    await call(hass, "resume_session", **sam_id)
    await call(hass, "extend_session", **alex_id, minutes=5)
    assert attributes(hass, alex, "sensor", "session")["planned_minutes"] == 35
    assert attributes(hass, sam, "sensor", "session")["planned_minutes"] == 10
    await call(hass, "stop_session", **sam_id)
    assert state(hass, sam, "sensor", "exercise_today") == "3"
    assert state(hass, alex, "sensor", "session") == "rest"
    await call(hass, "cancel_session", **alex_id)
    assert state(hass, alex, "sensor", "rest_today") == "0"

    await call(hass, "log_activity", **alex_id, activity="exercise", minutes=30)
    await call(hass, "log_pain", **sam_id, level=6)
    await call(hass, "log_visit", **alex_id)

    assert state(hass, alex, "sensor", "exercise_today") == "30"
    assert state(hass, sam, "sensor", "exercise_today") == "3"
    assert state(hass, sam, "sensor", "pain_level") == "6"
    assert state(hass, alex, "sensor", "pain_level") == "unknown"
    assert state(hass, alex, "sensor", "last_visit") == "2026-11-25T08:03:00+00:00"
    assert state(hass, sam, "sensor", "last_visit") == "unknown"
    assert (await call(hass, "get_summary", **sam_id))["person"] == "Sam"
    assert (await call(hass, "get_summary", **alex_id))["today"]["exercise"] == 30

    assert [(event.data["config_entry_id"], event.data["type"]) for event in events] == [
        (sam.entry_id, "started"),
        (alex.entry_id, "started"),
        (sam.entry_id, "paused"),
        (sam.entry_id, "resumed"),
        (alex.entry_id, "extended"),
        (sam.entry_id, "finished"),
        (alex.entry_id, "cancelled"),
    ]
