"""Tests for chiropractor visits, the calendar, the sun reminder, pain insights and the week."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar import DOMAIN as CALENDAR_DOMAIN
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_mock_service,
)

from custom_components.back_relief.const import BUS_EVENT

from .conftest import (
    ENGINE,
    SPEAKER,
    STORAGE_KEY,
    advance,
    call,
    entity_action,
    entity_id,
    make_entry,
    move_to,
    restart,
    set_up,
    state,
    stored,
)


@pytest.fixture
def speech(speech_calls: list[ServiceCall]) -> list[ServiceCall]:
    """Give Alex a speaker and an engine, and capture what is said."""
    return speech_calls


async def _setup(hass: HomeAssistant, **options: Any) -> MockConfigEntry:
    """Set up Alex with the speaker and the engine, and the options given."""
    return await set_up(hass, make_entry(speakers=[SPEAKER], tts_entity=ENGINE, **options))


async def test_schedule_visit_shows_next_visit_and_reminds_the_day_before(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech: list[ServiceCall]
) -> None:
    """A planned visit is the next visit, is reminded of the evening before, then passes."""
    entry = await _setup(hass)
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "schedule_visit", date="2026-11-27", time="10:30:00", note="Dr. Lee")
    next_visit = entity_id(hass, entry, "sensor", "next_visit")
    assert hass.states.get(next_visit).state == "2026-11-27T09:30:00+00:00"

    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")
    assert speech == []  # the visit is not tomorrow yet
    await move_to(hass, frozen_time, "2026-11-26T18:00:00+01:00")
    assert [call.data["message"] for call in speech] == [
        "Alex, a reminder: your chiropractor visit is tomorrow at 10:30."
    ]
    reminder = [event.data for event in events if event.data["type"] == "reminder"]
    assert reminder[0]["activity"] == "visit"
    assert reminder[0]["visit_at"] == "2026-11-27T09:30:00+00:00"

    await move_to(hass, frozen_time, "2026-11-27T10:31:00+01:00")
    assert hass.states.get(next_visit).state == "unknown"
    # Once it has begun, the planned visit counts as made.
    last_visit = hass.states.get(entity_id(hass, entry, "sensor", "last_visit"))
    assert last_visit.state == "2026-11-27T09:30:00+00:00"
    assert entry.runtime_data.coordinator.reader.scheduled_visits == []


async def test_tomorrows_visit_is_reminded_also_with_one_later_today(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech: list[ServiceCall]
) -> None:
    """A visit still to come this evening doesn't hide tomorrow's from the reminder."""
    await _setup(hass)
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "schedule_visit", date="2026-11-26", time="10:30:00")
    await call(hass, "schedule_visit", date="2026-11-25", time="19:00:00")

    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")

    assert [call.data["message"] for call in speech] == [
        "Alex, a reminder: your chiropractor visit is tomorrow at 10:30."
    ]
    reminders = [event.data for event in events if event.data["type"] == "reminder"]
    assert [reminder["visit_at"] for reminder in reminders] == ["2026-11-26T09:30:00+00:00"]


async def _care_options(hass: HomeAssistant, entry: MockConfigEntry, **user_input: Any) -> None:
    """Save the care step of the options as a person would, fields left empty left out."""
    flow = await hass.config_entries.options.async_init(entry.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "care"}
    )
    await hass.config_entries.options.async_configure(flow["flow_id"], user_input)
    await hass.async_block_till_done()


async def test_clearing_the_visit_reminder_turns_it_off(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech: list[ServiceCall]
) -> None:
    """Left empty in the options, the visit reminder is off, not back at 18:00."""
    entry = await _setup(hass)
    events = async_capture_events(hass, BUS_EVENT)
    await call(hass, "schedule_visit", date="2026-11-26", time="10:30:00")
    await call(hass, "schedule_visit", date="2026-11-27", time="10:30:00")

    await _care_options(hass, entry)

    flow = await hass.config_entries.options.async_init(entry.entry_id)
    flow = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"next_step_id": "care"}
    )
    suggested = {
        str(key): key.description.get("suggested_value") if key.description else None
        for key in flow["data_schema"].schema
    }
    assert suggested["reminder_visit"] is None
    hass.config_entries.options.async_abort(flow["flow_id"])
    await move_to(hass, frozen_time, "2026-11-25T18:00:00+01:00")
    assert speech == []
    assert [event for event in events if event.data["type"] == "reminder"] == []

    # Set again, it reminds at its new time.
    await _care_options(hass, entry, reminder_visit="19:00:00")
    await move_to(hass, frozen_time, "2026-11-26T19:00:00+01:00")
    assert [call.data["message"] for call in speech] == [
        "Alex, a reminder: your chiropractor visit is tomorrow at 10:30."
    ]


async def test_planned_visit_that_began_while_offline_counts_at_start(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A planned visit whose time passed while Home Assistant was down is made at start-up."""
    entry = await _setup(hass)
    await call(hass, "schedule_visit", date="2026-11-26", time="09:00:00")
    await restart(hass, frozen_time, entry, days=2)
    last_visit = hass.states.get(entity_id(hass, entry, "sensor", "last_visit"))
    assert last_visit.state == "2026-11-26T08:00:00+00:00"
    assert hass.states.get(entity_id(hass, entry, "sensor", "next_visit")).state == "unknown"


async def test_logging_a_visit_completes_the_planned_one(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A visit logged on a planned visit's day is that visit."""
    entry = await _setup(hass)
    await call(hass, "schedule_visit", date="2026-11-25", time="16:00:00")
    await call(hass, "log_visit")
    assert state(hass, entry, "sensor", "next_visit") == "unknown"
    assert state(hass, entry, "sensor", "last_visit") == "2026-11-25T08:00:00+00:00"


@pytest.mark.parametrize(
    "data",
    [
        {"date": "2026-11-24"},
        {"date": "2026-11-25", "time": "08:00:00"},
        {"date": "2027-11-26"},
    ],
)
async def test_schedule_visit_refuses_the_past_and_far_future(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, data: dict[str, str]
) -> None:
    """A visit can be planned from now up to a year ahead."""
    entry = await _setup(hass)
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, "schedule_visit", **data)
    assert caught.value.translation_key == "date_out_of_range"
    assert entry.runtime_data.coordinator.reader.scheduled_visits == []


async def test_calendar_shows_sessions_logged_minutes_and_visits(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """The calendar lists sessions done, minutes logged, visits done and planned."""
    entry = await _setup(hass)
    calendar = entity_id(hass, entry, "calendar", "calendar")
    await call(hass, "start_session", activity="inversion", duration=15)
    assert hass.states.get(calendar).state == "on"
    assert hass.states.get(calendar).attributes["message"] == "Inversion: 15 min"
    await advance(hass, frozen_time, minutes=15)
    await call(hass, "log_activity", activity="exercise", minutes=30, kind="yoga")
    await call(hass, "log_visit", date="2026-11-20", note="felt better")
    await call(hass, "schedule_visit", date="2026-12-02", time="11:00:00")
    assert hass.states.get(calendar).attributes["message"] == "Chiropractor (planned)"
    response = await hass.services.async_call(
        CALENDAR_DOMAIN,
        "get_events",
        {
            "entity_id": calendar,
            "start_date_time": "2026-11-19T00:00:00+01:00",
            "end_date_time": "2026-12-03T00:00:00+01:00",
        },
        blocking=True,
        return_response=True,
    )
    events = sorted(
        (event["start"], event["summary"], event.get("description"))
        for event in response[calendar]["events"]
    )
    assert events == [
        ("2026-11-19T23:00:00+00:00", "Chiropractor", "felt better"),
        ("2026-11-25", "Exercise: 30 min (logged)", None),
        ("2026-11-25T08:00:00+00:00", "Inversion: 15 min", None),
        ("2026-12-02T10:00:00+00:00", "Chiropractor (planned)", None),
    ]


async def test_summary_gives_pain_insights_on_a_known_history(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, hass_storage: dict[str, Any]
) -> None:
    """Pain averages over 7 and 30 days, and on exercise days against the others."""
    days: dict[str, Any] = {}
    today = dt_util.now().date()
    for offset in range(30):
        day = today - timedelta(days=offset)
        exercised = offset % 2 == 0
        level = 2 if exercised else 6
        days[day.isoformat()] = {
            "minutes": {"exercise": 25} if exercised else {},
            "pain": [[f"{day.isoformat()}T08:00:00+00:00", level, None]],
        }
    # The week before the last one was worse.
    for offset in range(7, 14):
        day = (today - timedelta(days=offset)).isoformat()
        days[day]["pain"] = [[f"{day}T08:00:00+00:00", 8, None]]
    hass_storage[STORAGE_KEY] = stored({"history": days})
    await _setup(hass)
    response = await call(hass, "get_summary")
    # Last 7 days: offsets 0..6, four exercise days (2) and three others (6).
    # 30 days: 15 exercise days (even offsets), 15 others; offsets 7..13 at 8,
    # three of them exercise days (8, 10, 12) and four others.
    assert response["pain"] == {
        "average_7_days": round((4 * 2 + 3 * 6) / 7, 1),
        "average_previous_7_days": 8.0,
        "average_30_days": round((12 * 2 + 11 * 6 + 7 * 8) / 30, 1),
        "average_exercise_days": round((12 * 2 + 3 * 8) / 15, 1),
        "average_other_days": round((11 * 6 + 4 * 8) / 15, 1),
    }


@pytest.mark.parametrize(
    ("sun", "weather", "done", "local_time", "reason"),
    [
        ("above_horizon", "sunny", False, "12:00:00", None),
        ("above_horizon", "sunny", True, "12:00:00", "done"),
        ("below_horizon", "sunny", False, "12:00:00", "sun_down"),
        ("above_horizon", "rainy", False, "12:00:00", "weather"),
        ("above_horizon", "sunny", False, "06:00:00", "quiet_hours"),
    ],
)
async def test_sun_reminder_conditions(
    hass: HomeAssistant,
    frozen_time: FrozenDateTimeFactory,
    speech: list[ServiceCall],
    sun: str,
    weather: str,
    done: bool,
    local_time: str,
    reason: str | None,
) -> None:
    """The sun is suggested only when it is up, it isn't wet and the item is open."""
    hass.states.async_set("sun.sun", sun)
    hass.states.async_set("weather.home", weather)
    entry = await _setup(hass, reminder_sun=local_time, weather_entity="weather.home")
    if done:
        checklist = entity_id(hass, entry, "todo", "checklist")
        await entity_action(
            hass, checklist, "update_item", item="A few minutes of sun", status="completed"
        )
    events = async_capture_events(hass, BUS_EVENT)
    day = "2026-11-25" if local_time > "09:00:00" else "2026-11-26"
    await move_to(hass, frozen_time, f"{day}T{local_time}+01:00")
    reminders = [event.data for event in events if event.data["type"] == "reminder"]
    assert [(event["activity"], event["reason"]) for event in reminders] == [("sun", reason)]
    expected = ["Alex, the sun is out. A few minutes outside would do you good."]
    assert [call.data["message"] for call in speech] == (expected if reason is None else [])


async def test_weekly_summary_is_spoken_on_sunday(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory, speech: list[ServiceCall]
) -> None:
    """On Sunday evening the week is spoken: goals met and the pain trend."""
    await _setup(hass, weekly_summary="speak")
    await call(hass, "log_activity", activity="exercise", minutes=20)
    await call(hass, "log_pain", level=3)
    await move_to(hass, frozen_time, "2026-11-28T18:00:00+01:00")  # Saturday
    assert speech == []
    await move_to(hass, frozen_time, "2026-11-29T18:00:00+01:00")  # Sunday
    assert [call.data["message"] for call in speech] == [
        (
            "Alex's week: exercise goal met on 1 of 5 days, rest on 0, inversion on 0. "
            "Average pain this week: 3.0."
        )
    ]


async def test_weekly_summary_can_be_sent_as_a_notification(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """The summary goes to a notify entity when asked."""
    hass.states.async_set("notify.phone", "unknown")
    sent = async_mock_service(hass, "notify", "send_message")
    await _setup(hass, weekly_summary="notify", notify_entity="notify.phone")
    await move_to(hass, frozen_time, "2026-11-29T18:00:00+01:00")
    assert [call.data for call in sent] == [
        {
            "entity_id": "notify.phone",
            "title": "Alex's week in Back Relief",
            "message": "Alex's week: exercise goal met on 0 of 5 days, rest on 0, inversion on 0.",
        }
    ]
