"""Putting mistakes right: each correction through its action, refused input, and where it flows.

Time is frozen at Wednesday 2026-11-25 09:00 in Berlin (08:00 UTC). Each
correction is proven to reach the sensors, the streaks, the calendar, the
report (CSV), and the gentle inversion plan; the statistics rows are proven in
``test_long_term_statistics``.
"""

from __future__ import annotations

import csv
from datetime import date
from http import HTTPStatus
import io
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import SERVICE_PRESS
from homeassistant.components.calendar import DOMAIN as CALENDAR_DOMAIN
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.back_relief.const import BUS_EVENT

from .conftest import advance, attributes, call, current, entity_action, entity_id, state
from .test_services import assert_rejected, coordinator

NOW = "2026-11-25T08:00:00+00:00"


def pain_levels(entry: MockConfigEntry, day: str = "2026-11-25") -> list[int]:
    """Return the levels logged on a day, in order."""
    return [
        found.level for found in coordinator(entry).reader.history.get(date.fromisoformat(day)).pain
    ]


@pytest.fixture(autouse=True)
async def http(hass: HomeAssistant) -> None:
    """Serve HTTP before the person is set up, as every Home Assistant does: the report."""
    assert await async_setup_component(hass, "http", {})


async def csv_report(
    hass: HomeAssistant, client_of: ClientSessionGenerator, entry: MockConfigEntry, days: int = 7
) -> dict[str, dict[str, str]]:
    """Return the CSV report's rows by date."""
    client = await client_of()
    response = await client.get(
        f"/api/back_relief/report/{entry.entry_id}", params={"days": str(days), "format": "csv"}
    )
    assert response.status == HTTPStatus.OK
    rows = list(csv.DictReader(io.StringIO(await response.text())))
    return {row["date"]: row for row in rows}


async def calendar_events(hass: HomeAssistant, entry: MockConfigEntry) -> list[tuple[str, str]]:
    """Return the calendar's events from 2026-11-19 to 2026-12-03, by start."""
    calendar = entity_id(hass, entry, "calendar", "calendar")
    response: Any = await hass.services.async_call(
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
    return sorted((event["start"], event["summary"]) for event in response[calendar]["events"])


# ----- a pain level put right -----


async def test_a_level_tapped_again_within_ten_minutes_replaces_the_one_before(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """6, then 4 with replace: one report of 4; the day's mean is 4 and its highest 4."""
    await call(hass, "log_pain", level=6)
    await advance(hass, frozen_time, minutes=9, seconds=59)

    await call(hass, "log_pain", level=4, replace=True)

    assert pain_levels(setup_entry) == [4]
    assert state(hass, setup_entry, "sensor", "pain_level") == "4"
    logged_at = attributes(hass, setup_entry, "sensor", "pain_level")["logged_at"]
    assert logged_at == "2026-11-25T08:09:59+00:00"
    row = (await csv_report(hass, hass_client, setup_entry))["2026-11-25"]
    assert (row["pain_mean"], row["pain_max"]) == ("4.0", "4")


async def test_replace_adds_a_second_report_after_ten_minutes(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A level given ten minutes later is a new report, not a correction."""
    await call(hass, "log_pain", level=6)
    await advance(hass, frozen_time, minutes=10)

    await call(hass, "log_pain", level=4, replace=True)

    assert pain_levels(setup_entry) == [6, 4]


async def test_replace_without_a_report_today_adds_one(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Nothing to put right: the level is logged."""
    await call(hass, "log_pain", level=5, replace="true")

    assert pain_levels(setup_entry) == [5]


async def test_log_pain_for_an_earlier_day(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """A level for yesterday goes to yesterday, at its start; today's sensor is the latest."""
    await call(hass, "log_pain", level=3)
    await call(hass, "log_pain", level=7, date="2026-11-24")

    assert pain_levels(setup_entry, "2026-11-24") == [7]
    assert pain_levels(setup_entry) == [3]
    assert state(hass, setup_entry, "sensor", "pain_level") == "3"
    entry = coordinator(setup_entry).reader.history.get(date(2026, 11, 24)).pain[0]
    assert entry.logged_at.isoformat() == "2026-11-23T23:00:00+00:00"


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            {"level": 4, "date": "2026-09-25"},
            "date_out_of_range",
            "2026-09-25 can't be used: pick a date from 2026-09-26 to 2026-11-25",
        ),
        (
            {"level": 4, "date": "2026-11-26"},
            "date_out_of_range",
            "2026-11-26 can't be used: pick a date from 2026-09-26 to 2026-11-25",
        ),
        (
            {"level": 11, "replace": True},
            "level_out_of_range",
            "A pain level of 11 can't be logged: use 0 to 10",
        ),
        (
            {"level": 4, "replace": "yes"},
            "not_a_boolean",
            "replace needs true or false; yes is neither",
        ),
        (
            {"level": 20.5},
            "not_a_whole_number",
            "level needs a whole number from 0 to 10; 20.5 isn't one",
        ),
    ],
)
async def test_log_pain_refusals_change_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry, data: dict[str, Any], key: str, message: str
) -> None:
    """Dates outside the last 60 days, a bad level or flag: refused, nothing changed."""
    await call(hass, "log_pain", level=6)

    await assert_rejected(hass, "log_pain", data, key, message)


async def test_remove_pain_removes_the_days_latest_and_the_sensor_follows(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Without logged_at, the day's latest goes; with every level gone, yesterday's shows."""
    await call(hass, "log_pain", level=2, date="2026-11-24")
    await call(hass, "log_pain", level=3)
    await advance(hass, frozen_time, minutes=5)
    await call(hass, "log_pain", level=8)

    await call(hass, "remove_pain")

    assert pain_levels(setup_entry) == [3]
    assert state(hass, setup_entry, "sensor", "pain_level") == "3"
    assert attributes(hass, setup_entry, "sensor", "pain_level")["logged_at"] == NOW

    await call(hass, "remove_pain", logged_at=NOW)

    assert pain_levels(setup_entry) == []
    assert state(hass, setup_entry, "sensor", "pain_level") == "2"
    rows = await csv_report(hass, hass_client, setup_entry)
    assert (rows["2026-11-25"]["pain_mean"], rows["2026-11-24"]["pain_mean"]) == ("", "2.0")

    await call(hass, "remove_pain", date="2026-11-24")

    assert state(hass, setup_entry, "sensor", "pain_level") == "unknown"


async def test_remove_pain_by_the_time_the_selector_gives(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """The date-and-time selector's local time, without offset, names the report."""
    await advance(hass, frozen_time, seconds=0.25)
    await call(hass, "log_pain", level=3)
    await call(hass, "log_pain", level=5, date="2026-11-24")

    await call(hass, "remove_pain", logged_at="2026-11-25 09:00:00")

    assert pain_levels(setup_entry) == []
    assert pain_levels(setup_entry, "2026-11-24") == [5]


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        ({}, "no_pain_entry", "There is no such pain level logged on 2026-11-25"),
        (
            {"logged_at": "2026-11-25T08:30:00+00:00"},
            "no_pain_entry",
            "There is no such pain level logged on 2026-11-25",
        ),
        (
            {"date": "2026-11-24"},
            "no_pain_entry",
            "There is no such pain level logged on 2026-11-24",
        ),
        (
            {"date": "2026-09-01"},
            "date_out_of_range",
            "2026-09-01 can't be used: pick a date from 2026-09-26 to 2026-11-25",
        ),
        (
            {"logged_at": "2026-11-25"},
            "not_a_moment",
            (
                "logged_at needs a date and time such as 2026-03-09T10:00:00+01:00, "
                "as the pain level's logged_at shows it; 2026-11-25 isn't one"
            ),
        ),
    ],
)
async def test_remove_pain_refusals_change_nothing(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    data: dict[str, Any],
    key: str,
    message: str,
) -> None:
    """No such report, a date out of range, a day where an instant goes: refused."""
    if data:
        await call(hass, "log_pain", level=4)

    await assert_rejected(hass, "remove_pain", data, key, message)


# ----- minutes set to a value -----


async def test_set_minutes_lowers_a_day_and_the_streak_report_and_calendar_follow(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Yesterday's 30 minutes were really 10: the streak ends, the report and calendar say 10."""
    await call(hass, "log_activity", activity="exercise", minutes=30, date="2026-11-23")
    await call(hass, "log_activity", activity="exercise", minutes=30, date="2026-11-24")
    await call(hass, "start_session", activity="exercise", duration=25)
    await advance(hass, frozen_time, minutes=25)
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "3"

    await call(hass, "set_minutes", activity="exercise", minutes=10, date="2026-11-24")

    assert state(hass, setup_entry, "sensor", "exercise_streak") == "1"
    rows = await csv_report(hass, hass_client, setup_entry)
    assert rows["2026-11-24"]["exercise_minutes"] == "10"
    assert rows["2026-11-24"]["exercise_goal_met"] == "0"
    assert ("2026-11-24", "Exercise: 10 min (logged)") in await calendar_events(hass, setup_entry)

    # Today's session was really 5 minutes: the total and the session's calendar entry shrink.
    await call(hass, "set_minutes", activity="exercise", minutes=5)

    assert state(hass, setup_entry, "sensor", "exercise_today") == "5"
    assert state(hass, setup_entry, "sensor", "exercise_streak") == "0"
    assert ("2026-11-25T08:00:00+00:00", "Exercise: 5 min") in await calendar_events(
        hass, setup_entry
    )

    await call(hass, "set_minutes", activity="exercise", minutes=0)

    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"
    assert [
        event for event in await calendar_events(hass, setup_entry) if "11-25" in event[0]
    ] == []


async def test_set_minutes_raises_a_day_and_the_streak_comes_back(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """Yesterday's forgotten minutes set afterwards mend the streak."""
    await call(hass, "log_activity", activity="rest", minutes=15, date="2026-11-23")
    await call(hass, "log_activity", activity="rest", minutes=5, date="2026-11-24")
    await call(hass, "log_activity", activity="rest", minutes=15)
    assert state(hass, setup_entry, "sensor", "rest_streak") == "1"

    await call(hass, "set_minutes", activity="rest", minutes=20, date="2026-11-24")

    assert state(hass, setup_entry, "sensor", "rest_streak") == "3"


async def test_set_minutes_to_the_same_value_writes_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry
) -> None:
    """No change, no new revision of the history."""
    await call(hass, "log_activity", activity="rest", minutes=15)
    revision = coordinator(setup_entry).reader.history.revision

    await call(hass, "set_minutes", activity="rest", minutes=15)

    assert coordinator(setup_entry).reader.history.revision == revision


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            {"activity": "exercise", "minutes": -1},
            "duration_out_of_range",
            "-1 minutes is outside what's allowed here: 0 to 600 minutes",
        ),
        (
            {"activity": "exercise", "minutes": 601},
            "duration_out_of_range",
            "601 minutes is outside what's allowed here: 0 to 600 minutes",
        ),
        (
            {"activity": "exercise", "minutes": 10, "date": "2026-09-25"},
            "date_out_of_range",
            "2026-09-25 can't be used: pick a date from 2026-09-26 to 2026-11-25",
        ),
        (
            {"activity": "exercise", "minutes": 10, "date": "2026-11-26"},
            "date_out_of_range",
            "2026-11-26 can't be used: pick a date from 2026-09-26 to 2026-11-25",
        ),
        (
            {"activity": "exercise", "minutes": "ten"},
            "not_a_whole_number",
            "minutes needs a whole number from 0 to 600; ten isn't one",
        ),
    ],
)
async def test_set_minutes_refusals_change_nothing(
    hass: HomeAssistant, setup_entry: MockConfigEntry, data: dict[str, Any], key: str, message: str
) -> None:
    """0 to 600 minutes, up to 60 days back."""
    await call(hass, "log_activity", activity="exercise", minutes=20)

    await assert_rejected(hass, "set_minutes", data, key, message)


# ----- visits -----


async def test_cancel_a_planned_visit(hass: HomeAssistant, setup_entry: MockConfigEntry) -> None:
    """The next visit, its reminder day and the calendar forget it."""
    await call(hass, "schedule_visit", date="2026-12-02", time="11:00:00")
    await call(hass, "schedule_visit", date="2026-12-09")
    assert state(hass, setup_entry, "sensor", "next_visit") == "2026-12-02T10:00:00+00:00"

    await call(hass, "cancel_visit", date="2026-12-02")

    assert state(hass, setup_entry, "sensor", "next_visit") == "2026-12-09T08:00:00+00:00"
    assert "Chiropractor (planned)" not in dict(await calendar_events(hass, setup_entry)).values()
    await assert_rejected(
        hass,
        "cancel_visit",
        {"date": "2026-12-02"},
        "no_planned_visit",
        "No chiropractor visit is planned on 2026-12-02",
    )


async def test_remove_a_visit_made(
    hass: HomeAssistant, setup_entry: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """The last visit goes back to the one before; the calendar loses it."""
    await call(hass, "log_visit", date="2026-11-20")
    await call(hass, "log_visit", date="2026-11-24")
    assert state(hass, setup_entry, "sensor", "last_visit") == "2026-11-23T23:00:00+00:00"

    await call(hass, "remove_visit", date="2026-11-24")

    assert state(hass, setup_entry, "sensor", "last_visit") == "2026-11-19T23:00:00+00:00"
    assert [start for start, summary in await calendar_events(hass, setup_entry)] == [
        "2026-11-19T23:00:00+00:00"
    ]
    await assert_rejected(
        hass,
        "remove_visit",
        {"date": "2026-11-24"},
        "no_visit",
        "No chiropractor visit was logged on 2026-11-24",
    )
    await assert_rejected(
        hass,
        "remove_visit",
        {"date": "2025-11-24"},
        "date_out_of_range",
        "2025-11-24 can't be used: pick a date from 2025-11-25 to 2026-11-25",
    )

    await call(hass, "remove_visit", date="2026-11-20")

    assert state(hass, setup_entry, "sensor", "last_visit") == "unknown"


# ----- a stop undone -----


async def test_a_stop_undone_carries_on_with_the_time_it_had_left(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    frozen_time: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """Stopped at 5 of 15 minutes, undone a minute later: 10 minutes left, the 5 taken back.

    The minute between is not counted as run, as a pause isn't: the session
    ends 10 minutes after the undo, and finishing credits the full 15.
    """
    await call(hass, "start_session", activity="exercise", duration=15)
    await advance(hass, frozen_time, minutes=5)
    await call(hass, "stop_session")
    assert state(hass, setup_entry, "sensor", "exercise_today") == "5"
    assert attributes(hass, setup_entry, "sensor", "session") == {
        **attributes(hass, setup_entry, "sensor", "session"),
        "undo_until": "2026-11-25T08:07:00+00:00",
    }
    await advance(hass, frozen_time, minutes=1)
    events = async_capture_events(hass, BUS_EVENT)

    await call(hass, "undo_session")

    assert state(hass, setup_entry, "sensor", "session") == "exercise"
    session = attributes(hass, setup_entry, "sensor", "session")
    assert (session["status"], session["ends_at"]) == ("running", "2026-11-25T08:16:00+00:00")
    assert "undo_until" not in session
    assert state(hass, setup_entry, "sensor", "exercise_today") == "0"
    assert coordinator(setup_entry).reader.today_log().sessions == []
    assert [(event.data["type"], event.data["undone"]) for event in events] == [("resumed", True)]
    assert (await csv_report(hass, hass_client, setup_entry))["2026-11-25"][
        "exercise_minutes"
    ] == "0"

    await advance(hass, frozen_time, minutes=10)

    assert state(hass, setup_entry, "sensor", "session") == "idle"
    assert state(hass, setup_entry, "sensor", "exercise_today") == "15"


async def test_a_paused_session_stopped_comes_back_paused(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Paused with 12 minutes left, cancelled, undone: paused with 12 minutes left."""
    await call(hass, "start_session", activity="rest", duration=15)
    await advance(hass, frozen_time, minutes=3)
    await call(hass, "pause_session")
    await advance(hass, frozen_time, minutes=4)
    await call(hass, "cancel_session")
    await advance(hass, frozen_time, minutes=1)

    await call(hass, "undo_session")

    session = attributes(hass, setup_entry, "sensor", "session")
    assert (session["status"], session["ends_at"], session["paused_at"]) == (
        "paused",
        "2026-11-25T08:15:00+00:00",
        "2026-11-25T08:03:00+00:00",
    )
    await call(hass, "resume_session")
    await advance(hass, frozen_time, minutes=12)
    assert state(hass, setup_entry, "sensor", "rest_today") == "15"


async def test_undo_is_possible_for_two_minutes_only(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """At two minutes the attribute goes by itself and the undo is refused, changing nothing."""
    await call(hass, "start_session", activity="inversion", duration=10)
    await advance(hass, frozen_time, minutes=4)
    await call(hass, "stop_session")
    await advance(hass, frozen_time, minutes=1, seconds=59)
    assert "undo_until" in attributes(hass, setup_entry, "sensor", "session")

    await advance(hass, frozen_time, seconds=1)

    assert "undo_until" not in attributes(hass, setup_entry, "sensor", "session")
    await assert_rejected(
        hass,
        "undo_session",
        {},
        "nothing_to_undo",
        "There is nothing to undo: a session can be brought back for 2 minutes after it was "
        "stopped or cancelled",
    )
    assert state(hass, setup_entry, "sensor", "inversion_today") == "4"


async def test_undo_refused_without_a_stop_or_while_another_session_runs(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """Nothing stopped: nothing to undo. A new session started: it is stopped first."""
    await assert_rejected(hass, "undo_session", {}, "nothing_to_undo", None)
    await call(hass, "start_session", activity="exercise", duration=10)
    await advance(hass, frozen_time, minutes=10)
    # A session that ran to its end was not stopped by mistake.
    await assert_rejected(hass, "undo_session", {}, "nothing_to_undo", None)
    await call(hass, "start_session", activity="rest", duration=10)
    await call(hass, "cancel_session")
    await entity_action(hass, "button.alex_start_stretch", SERVICE_PRESS)
    await assert_rejected(hass, "undo_session", {}, "nothing_to_undo", None)


# ----- the plan follows -----


async def test_a_pain_level_put_right_gives_the_plan_its_step_up(
    hass: HomeAssistant, setup_entry: MockConfigEntry, frozen_time: FrozenDateTimeFactory
) -> None:
    """A mis-tapped 8 would step tomorrow's inversion back; put right to 4, it steps up."""
    number = current(hass, "number.alex_inversion_duration")
    await entity_action(hass, "button.alex_start_inversion", SERVICE_PRESS)
    await advance(hass, frozen_time, minutes=float(number.state), seconds=1)
    stepped_up = current(hass, "number.alex_inversion_duration").attributes["tomorrow"]
    await call(hass, "log_pain", level=8)
    held = current(hass, "number.alex_inversion_duration").attributes["tomorrow"]
    assert held < stepped_up

    await call(hass, "log_pain", level=4, replace=True)

    assert current(hass, "number.alex_inversion_duration").attributes["tomorrow"] == stepped_up

    await call(hass, "set_minutes", activity="inversion", minutes=0)

    assert current(hass, "number.alex_inversion_duration").attributes["tomorrow"] == held

    # A high level removed, the day's minutes set back: the step up returns.
    await call(hass, "log_pain", level=9)
    await call(hass, "set_minutes", activity="inversion", minutes=int(float(number.state)))
    assert current(hass, "number.alex_inversion_duration").attributes["tomorrow"] == held

    await call(hass, "remove_pain")

    assert current(hass, "number.alex_inversion_duration").attributes["tomorrow"] == stepped_up


# ----- words -----


@pytest.mark.parametrize(
    ("situation", "service", "data", "message"),
    [
        ("idle", "log_pain", {"level": 2.5}, "level needs a whole number from 0 to 10"),
        (
            "idle",
            "start_session",
            {"activity": "rest", "duration": 2.5},
            "duration needs a whole number from 1 to 120",
        ),
        (
            "running",
            "extend_session",
            {"minutes": 2.5},
            "minutes needs a whole number from 1 to 60",
        ),
        (
            "idle",
            "log_activity",
            {"activity": "rest", "minutes": 2.5},
            "minutes needs a whole number from 1 to 600",
        ),
        (
            "idle",
            "set_minutes",
            {"activity": "rest", "minutes": 2.5},
            "minutes needs a whole number from 0 to 600",
        ),
        ("idle", "get_summary", {"days": 2.5}, "days needs a whole number from 1 to 365"),
    ],
)
async def test_every_number_refusal_names_its_range(
    hass: HomeAssistant,
    setup_entry: MockConfigEntry,
    situation: str,
    service: str,
    data: dict[str, Any],
    message: str,
) -> None:
    """A slip in a number names the range that field takes, not "such as 20"."""
    if situation == "running":
        await call(hass, "start_session", activity="rest", duration=10)

    await assert_rejected(hass, service, data, "not_a_whole_number", f"{message}; 2.5 isn't one")
