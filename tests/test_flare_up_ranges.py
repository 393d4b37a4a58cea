"""Flare-ups over ranges of days through Home Assistant: the action, the switch, the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.switch import SERVICE_TURN_OFF
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import call, current, entity_action, make_entry, move_to, reload, set_up
from .test_services import assert_rejected

AMSTERDAM = "Europe/Amsterdam"
FLARE_UP = "switch.alex_flare_up"
EXERCISE_STREAK = "sensor.alex_exercise_streak"
ONE_DAY = timedelta(days=1)


def at(day: date, clock: str = "12:00") -> datetime:
    """Return a local time of day in Amsterdam."""
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=ZoneInfo(AMSTERDAM))


async def start_in_amsterdam(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: datetime
) -> MockConfigEntry:
    """Set up Alex at a moment in Amsterdam."""
    await hass.config.async_set_time_zone(AMSTERDAM)
    freezer.move_to(when)
    return await set_up(hass, make_entry())


async def flare_up_days(hass: HomeAssistant, days: int) -> dict[str, bool]:
    """Return the summary's flare-up mark of each of the last days."""
    summary = await call(hass, "get_summary", days=days)
    assert summary is not None
    return {day["date"]: day["flare_up"] for day in summary["days"]}


async def test_a_range_pauses_exactly_its_days_across_the_autumn_change(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Set ahead over Sunday 2026-10-25 (a 25-hour day): those three days are paused."""
    first = date(2026, 10, 20)
    await start_in_amsterdam(hass, freezer, at(first, "09:00"))
    flare_up = {date(2026, 10, 24), date(2026, 10, 25), date(2026, 10, 26)}
    switch_by_day: dict[str, str] = {}

    for offset in range(10):
        day = first + offset * ONE_DAY
        await move_to(hass, freezer, at(day))
        if offset == 2:
            await call(
                hass,
                "set_flare_up",
                start_date="2026-10-24",
                end_date="2026-10-26",
                note="after moving house",
            )
        switch_by_day[day.isoformat()] = current(hass, FLARE_UP).state
        if day not in flare_up:
            # Flare-up days go without exercise: only the pause keeps the streak.
            await call(hass, "log_activity", activity="exercise", minutes=20)
        await move_to(hass, freezer, at(day + ONE_DAY, "00:00"))
    await move_to(hass, freezer, at(date(2026, 10, 29), "12:00"))

    marks = await flare_up_days(hass, 10)
    assert [day for day, marked in marks.items() if marked] == [
        "2026-10-24",
        "2026-10-25",
        "2026-10-26",
    ]
    assert [day for day, state in switch_by_day.items() if state == "on"] == [
        "2026-10-24",
        "2026-10-25",
        "2026-10-26",
    ]
    # 10-20 to 10-23 and 10-27 to 10-29 met the goal; the paused days don't break it.
    assert current(hass, EXERCISE_STREAK).state == "7"

    assert await async_setup_component(hass, "calendar", {})
    events = await hass.services.async_call(
        "calendar",
        "get_events",
        {
            "entity_id": "calendar.alex_routine",
            "start_date_time": at(date(2026, 10, 20), "00:00").isoformat(),
            "end_date_time": at(date(2026, 10, 30), "00:00").isoformat(),
        },
        blocking=True,
        return_response=True,
    )
    found = [
        event
        for event in events["calendar.alex_routine"]["events"]  # type: ignore[index,union-attr]
        if event["summary"] == "Flare-up"
    ]
    assert found == [
        {
            "start": "2026-10-24",
            "end": "2026-10-27",
            "summary": "Flare-up",
            "description": "after moving house",
        }
    ]


async def test_a_back_dated_range_over_the_spring_change(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Back-dated over Sunday 2026-03-29 (a 23-hour day): exactly those days, at once."""
    await start_in_amsterdam(hass, freezer, at(date(2026, 4, 2)))

    await call(hass, "set_flare_up", start_date="2026-03-28", end_date="2026-03-30")

    marks = await flare_up_days(hass, 10)
    assert [day for day, marked in marks.items() if marked] == [
        "2026-03-28",
        "2026-03-29",
        "2026-03-30",
    ]
    assert current(hass, FLARE_UP).state == "off"


async def test_an_open_range_lasts_until_the_switch_is_turned_off(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """No end date: the switch shows it from today on, until it is turned off."""
    entry = await start_in_amsterdam(hass, freezer, at(date(2026, 11, 10)))

    await call(hass, "set_flare_up", start_date="2026-11-08")
    assert current(hass, FLARE_UP).state == "on"
    await reload(hass, entry)
    await move_to(hass, freezer, at(date(2026, 11, 11)))
    assert current(hass, FLARE_UP).state == "on"

    await entity_action(hass, FLARE_UP, SERVICE_TURN_OFF)
    assert current(hass, FLARE_UP).state == "off"
    await move_to(hass, freezer, at(date(2026, 11, 12)))

    marks = await flare_up_days(hass, 6)
    assert [day for day, marked in marks.items() if marked] == [
        "2026-11-08",
        "2026-11-09",
        "2026-11-10",
        "2026-11-11",
    ]
    assert current(hass, FLARE_UP).state == "off"


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            {"start_date": "2026-11-09", "end_date": "2026-11-08"},
            "flare_up_dates_reversed",
            "The flare-up can't end on 2026-11-08 before it starts on 2026-11-09",
        ),
        (
            {"start_date": "2026-09-10"},
            "date_out_of_range",
            "2026-09-10 can't be used: pick a date from 2026-09-11 to 2027-11-10",
        ),
        (
            {"start_date": "2026-11-08", "end_date": "2027-11-11"},
            "date_out_of_range",
            "2027-11-11 can't be used: pick a date from 2026-09-11 to 2027-11-10",
        ),
        (
            {"start_date": "2026-11-08T10:00:00"},
            "not_a_date",
            (
                "start_date needs a date such as 2026-03-09, without a time of day;"
                " 2026-11-08T10:00:00 isn't one. In YAML, put the date in quotes"
            ),
        ),
        (
            {"start_date": "2026-11-08", "end_date": datetime(2026, 11, 9, 10, tzinfo=UTC)},
            "not_a_date",
            None,
        ),
        ({"start_date": "2026-13-01"}, "not_a_date", None),
        ({"start_date": "last week"}, "not_a_date", None),
        ({"end_date": "2026-11-09"}, "field_required", None),
        ({"start_date": "2026-11-08", "note": "x" * 501}, "text_too_long", None),
    ],
)
async def test_bad_ranges_are_refused_and_change_nothing(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    data: dict[str, Any],
    key: str,
    message: str | None,
) -> None:
    """Reversed, out of reach, malformed, or a moment where a day goes: refused, nothing kept.

    Home Assistant drops a message's final full stop.
    """
    await start_in_amsterdam(hass, freezer, at(date(2026, 11, 10)))
    await call(hass, "set_flare_up", start_date="2026-11-01", end_date="2026-11-02", note="kept")

    await assert_rejected(hass, "set_flare_up", data, key, message)

    assert current(hass, FLARE_UP).state == "off"
