"""Tests for Back Relief's sensors: streaks, today's minutes, the session, pain and visits."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from syrupy.assertion import SnapshotAssertion

from .conftest import advance, call, current, entity_id, move_to, snapshot_entities


def _state(hass: HomeAssistant, entry: MockConfigEntry, key: str) -> State:
    """Return the state object of one of the entry's sensors."""
    return current(hass, entity_id(hass, entry, "sensor", key))


async def test_sensor_entities(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every sensor key exists with its name, unique id, classes and unit."""
    await snapshot_entities(hass, config_entry, Platform.SENSOR, snapshot)


@pytest.mark.parametrize(
    ("key", "expected_entity_id"),
    [
        ("exercise_streak", "sensor.alex_exercise_streak"),
        ("rest_streak", "sensor.alex_rest_streak"),
        ("inversion_streak", "sensor.alex_inversion_streak"),
        ("exercise_today", "sensor.alex_exercise_today"),
        ("rest_today", "sensor.alex_rest_today"),
        ("inversion_today", "sensor.alex_inversion_today"),
        ("session", "sensor.alex_session"),
        ("session_ends", "sensor.alex_session_ends"),
        ("pain_level", "sensor.alex_pain_level"),
        ("last_visit", "sensor.alex_last_visit"),
    ],
)
async def test_sensor_entity_ids_read_like_the_person(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str, expected_entity_id: str
) -> None:
    """Each key has the unique id entry_id_key and an entity id named after the person."""
    assert entity_id(hass, setup_entry, "sensor", key) == expected_entity_id
    registry_entry = er.async_get(hass).async_get(expected_entity_id)
    assert registry_entry is not None
    assert registry_entry.config_entry_id == setup_entry.entry_id


async def test_fresh_sensors_start_from_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """With no history, streaks and totals are 0, the session idle, the rest unknown."""
    for goal in ("exercise", "rest", "inversion"):
        streak = _state(hass, setup_entry, f"{goal}_streak")
        assert streak.state == "0"
        assert streak.attributes["best"] == 0
        assert streak.attributes["today_met"] is False
        assert _state(hass, setup_entry, f"{goal}_today").state == "0"
    assert _state(hass, setup_entry, "session").state == "idle"
    assert _state(hass, setup_entry, "session_ends").state == STATE_UNKNOWN
    assert _state(hass, setup_entry, "pain_level").state == STATE_UNKNOWN
    assert _state(hass, setup_entry, "last_visit").state == STATE_UNKNOWN


@pytest.mark.parametrize(
    ("goal", "goal_minutes"), [("exercise", 20), ("rest", 15), ("inversion", 15)]
)
async def test_streak_sensor_carries_best_and_today_met(
    hass: HomeAssistant, setup_entry: MockConfigEntry, goal: str, goal_minutes: int
) -> None:
    """A streak counts up to yesterday until today meets the goal; best is the longest run."""
    # Three days met, a day missed, then yesterday met; today (11-25) not yet.
    for day in ("2026-11-19", "2026-11-20", "2026-11-21", "2026-11-23", "2026-11-24"):
        await call(hass, "log_activity", activity=goal, minutes=goal_minutes, date=day)
    # A day short of the goal breaks a run.
    await call(hass, "log_activity", activity=goal, minutes=goal_minutes - 1, date="2026-11-22")

    streak = _state(hass, setup_entry, f"{goal}_streak")
    assert streak.state == "2"
    assert streak.attributes["best"] == 3
    assert streak.attributes["today_met"] is False
    assert streak.attributes["unit_of_measurement"] == "d"

    await call(hass, "log_activity", activity=goal, minutes=goal_minutes)

    streak = _state(hass, setup_entry, f"{goal}_streak")
    assert streak.state == "3"
    assert streak.attributes["best"] == 3
    assert streak.attributes["today_met"] is True


async def test_streak_follows_a_changed_goal_at_once(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Raising the exercise goal in the options re-reads the streak without a restart."""
    await call(hass, "log_activity", activity="exercise", minutes=25, date="2026-11-24")
    assert _state(hass, setup_entry, "exercise_streak").state == "1"

    hass.config_entries.async_update_entry(setup_entry, options={"exercise_goal": 30})
    await hass.async_block_till_done()

    streak = _state(hass, setup_entry, "exercise_streak")
    assert streak.state == "0"
    assert streak.attributes["best"] == 0
    assert _state(hass, setup_entry, "exercise_today").attributes["goal"] == 30


async def test_today_sensors_count_minutes_with_stretch_as_exercise(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Exercise today includes stretching; each total is in minutes for long-term statistics."""
    await call(hass, "log_activity", activity="exercise", minutes=10, kind="yoga")
    await call(hass, "log_activity", activity="stretch", minutes=7)
    await call(hass, "log_activity", activity="rest", minutes=12)
    await call(hass, "log_activity", activity="inversion", minutes=9)
    # Yesterday's minutes are not today's.
    await call(hass, "log_activity", activity="exercise", minutes=30, date="2026-11-24")

    expected = {
        "exercise_today": ("17", 20),
        "rest_today": ("12", 15),
        # A new person is on the gentle plan: today asks its 2 minutes, not the goal's 15.
        "inversion_today": ("9", 2),
    }
    for key, (minutes, goal) in expected.items():
        state = _state(hass, setup_entry, key)
        assert state.state == minutes
        assert state.attributes["goal"] == goal
        assert state.attributes["state_class"] == "total_increasing"
        assert state.attributes["device_class"] == "duration"
        assert state.attributes["unit_of_measurement"] == "min"


@pytest.mark.parametrize("key", ["exercise_today", "rest_today", "inversion_today"])
async def test_today_sensors_show_whole_minutes(
    hass: HomeAssistant, setup_entry: MockConfigEntry, key: str
) -> None:
    """Totals are whole minutes: the tablet shows "17 min", not "17.00 min"."""
    registry_entry = er.async_get(hass).async_get(entity_id(hass, setup_entry, "sensor", key))
    assert registry_entry is not None
    assert registry_entry.options["sensor"]["suggested_display_precision"] == 0


async def test_today_sensor_credits_a_finished_session(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A session that runs to its end credits its planned minutes to today's total."""
    await call(hass, "start_session", activity="stretch", duration=12)
    assert _state(hass, setup_entry, "exercise_today").state == "0"

    await advance(hass, frozen_time, minutes=12)

    assert _state(hass, setup_entry, "exercise_today").state == "12"
    assert _state(hass, setup_entry, "rest_today").state == "0"
    assert _state(hass, setup_entry, "inversion_today").state == "0"


async def test_today_sensors_start_at_zero_after_local_midnight(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """At local midnight every daily total drops back to 0 while the streak is kept."""
    await call(hass, "log_activity", activity="exercise", minutes=25)
    await call(hass, "log_activity", activity="rest", minutes=5)
    assert _state(hass, setup_entry, "exercise_streak").state == "1"

    await move_to(hass, frozen_time, "2026-11-26T00:00:01+01:00")

    assert _state(hass, setup_entry, "exercise_today").state == "0"
    assert _state(hass, setup_entry, "rest_today").state == "0"
    streak = _state(hass, setup_entry, "exercise_streak")
    assert streak.state == "1"
    assert streak.attributes["today_met"] is False


async def test_session_sensor_follows_the_session(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The session sensor names the activity and carries status, times and planned minutes."""
    idle = _state(hass, setup_entry, "session")
    assert idle.state == "idle"
    assert idle.attributes["options"] == ["idle", "exercise", "stretch", "inversion", "rest"]
    assert "status" not in idle.attributes

    await call(hass, "start_session", activity="inversion", duration=20)

    running = _state(hass, setup_entry, "session")
    assert running.state == "inversion"
    assert running.attributes["status"] == "running"
    assert running.attributes["started_at"] == "2026-11-25T08:00:00+00:00"
    assert running.attributes["ends_at"] == "2026-11-25T08:20:00+00:00"
    assert running.attributes["planned_minutes"] == 20

    await advance(hass, frozen_time, minutes=5)
    await call(hass, "pause_session")

    paused = _state(hass, setup_entry, "session")
    assert paused.state == "inversion"
    assert paused.attributes["status"] == "paused"
    assert paused.attributes["ends_at"] == "2026-11-25T08:20:00+00:00"
    assert paused.attributes["paused_at"] == "2026-11-25T08:05:00+00:00"

    await advance(hass, frozen_time, minutes=3)
    await call(hass, "resume_session")

    resumed = _state(hass, setup_entry, "session")
    assert resumed.attributes["status"] == "running"
    assert resumed.attributes["started_at"] == "2026-11-25T08:00:00+00:00"
    assert resumed.attributes["ends_at"] == "2026-11-25T08:23:00+00:00"
    assert resumed.attributes["planned_minutes"] == 20
    assert "paused_at" not in resumed.attributes

    await call(hass, "stop_session")

    stopped = _state(hass, setup_entry, "session")
    assert stopped.state == "idle"
    assert "status" not in stopped.attributes
    assert "planned_minutes" not in stopped.attributes
    # Five minutes ran before the pause and none after the resume.
    assert _state(hass, setup_entry, "inversion_today").state == "5"


async def test_session_ends_is_a_timestamp_unknown_when_idle_or_paused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The countdown is the end time: unknown while idle and while paused."""
    assert _state(hass, setup_entry, "session_ends").state == STATE_UNKNOWN
    assert _state(hass, setup_entry, "session_ends").attributes["device_class"] == "timestamp"

    await call(hass, "start_session", activity="rest", duration=15)
    assert _state(hass, setup_entry, "session_ends").state == "2026-11-25T08:15:00+00:00"

    await advance(hass, frozen_time, minutes=4)
    await call(hass, "pause_session")
    assert _state(hass, setup_entry, "session_ends").state == STATE_UNKNOWN

    await advance(hass, frozen_time, minutes=6)
    await call(hass, "resume_session")
    assert _state(hass, setup_entry, "session_ends").state == "2026-11-25T08:21:00+00:00"

    await advance(hass, frozen_time, minutes=11)

    assert _state(hass, setup_entry, "session_ends").state == STATE_UNKNOWN
    assert _state(hass, setup_entry, "session").state == "idle"
    assert _state(hass, setup_entry, "rest_today").state == "15"


async def test_pain_level_shows_the_latest_report(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The pain level is the most recent level logged, kept for statistics."""
    await call(hass, "log_pain", level=4, note="after gardening")
    state = _state(hass, setup_entry, "pain_level")
    assert state.state == "4"
    assert state.attributes["state_class"] == "measurement"
    assert state.attributes["logged_at"] == "2026-11-25T08:00:00+00:00"

    await advance(hass, frozen_time, hours=2)
    await call(hass, "log_pain", level=0)

    state = _state(hass, setup_entry, "pain_level")
    assert state.state == "0"
    assert state.attributes["logged_at"] == "2026-11-25T10:00:00+00:00"

    await move_to(hass, frozen_time, "2026-11-26T08:00:00+01:00")

    # A new day without a report still shows the latest one.
    assert _state(hass, setup_entry, "pain_level").state == "0"


async def test_last_visit_is_the_latest_chiropractor_visit(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A visit on a past date counts from that local day; today's from now; the latest wins."""
    await call(hass, "log_visit", date="2026-11-20", note="adjustment")
    assert _state(hass, setup_entry, "last_visit").state == "2026-11-19T23:00:00+00:00"

    await call(hass, "log_visit")
    assert _state(hass, setup_entry, "last_visit").state == "2026-11-25T08:00:00+00:00"

    # An older visit logged later does not move the last visit back.
    await call(hass, "log_visit", date="2026-11-10")
    state = _state(hass, setup_entry, "last_visit")
    assert state.state == "2026-11-25T08:00:00+00:00"
    assert state.attributes["device_class"] == "timestamp"


async def test_a_running_session_writes_state_only_at_start_and_end(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Minute after minute of a running session writes nothing; the frontend counts down."""
    own_entity_ids = {
        registry_entry.entity_id
        for registry_entry in er.async_entries_for_config_entry(
            er.async_get(hass), setup_entry.entry_id
        )
    }
    changes = async_capture_events(hass, EVENT_STATE_CHANGED)

    def written() -> list[str]:
        """Return and forget the entity ids of Back Relief written since the last call."""
        entity_ids = sorted(
            event.data["entity_id"]
            for event in changes
            if event.data["entity_id"] in own_entity_ids
        )
        changes.clear()
        return entity_ids

    await call(hass, "start_session", activity="exercise", duration=10)
    assert written() == [
        "binary_sensor.alex_session_active",
        "calendar.alex_routine",
        "event.alex_session",
        "sensor.alex_session",
        "sensor.alex_session_ends",
    ]

    for _ in range(9):
        await advance(hass, frozen_time, minutes=1)
    assert written() == []

    await advance(hass, frozen_time, minutes=1)
    assert written() == [
        "binary_sensor.alex_session_active",
        "calendar.alex_routine",
        "event.alex_session",
        "sensor.alex_exercise_today",
        "sensor.alex_session",
        "sensor.alex_session_ends",
    ]
    assert dt_util.utcnow().isoformat() == "2026-11-25T08:10:00+00:00"

    for _ in range(10):
        await advance(hass, frozen_time, minutes=1)
    assert written() == []
