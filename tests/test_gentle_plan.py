"""The gentle inversion plan through Home Assistant: days walked with the freezer.

The walk crosses the autumn clock change in Amsterdam (Sunday 2026-10-25).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.button import SERVICE_PRESS
from homeassistant.components.number import SERVICE_SET_VALUE
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.back_relief.const import BUS_EVENT

from .conftest import (
    STORAGE_KEY,
    advance,
    call,
    current,
    entity_action,
    make_entry,
    move_to,
    reload,
    restart,
    set_up,
    stored,
)

AMSTERDAM = "Europe/Amsterdam"
INVERSION_DURATION = "number.alex_inversion_duration"
START_INVERSION = "button.alex_start_inversion"
FLARE_UP = "switch.alex_flare_up"
ONE_DAY = timedelta(days=1)


def at(day: date, clock: str) -> datetime:
    """Return a local time of day in Amsterdam."""
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=ZoneInfo(AMSTERDAM))


def minutes(hass: HomeAssistant) -> int:
    """Return the inversion duration number."""
    return round(float(current(hass, INVERSION_DURATION).state))


def tomorrow(hass: HomeAssistant) -> Any:
    """Return the number's preview of tomorrow."""
    return current(hass, INVERSION_DURATION).attributes.get("tomorrow")


async def set_by_hand(hass: HomeAssistant, value: int) -> None:
    """Set the inversion duration as a person does, on the number."""
    await entity_action(hass, INVERSION_DURATION, SERVICE_SET_VALUE, value=value)


async def finish_inversion(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> int:
    """Start an inversion with the start button and let it run to its end; return its length."""
    await entity_action(hass, START_INVERSION, SERVICE_PRESS)
    planned = int(current(hass, "sensor.alex_session").attributes["planned_minutes"])
    await advance(hass, freezer, minutes=planned, seconds=1)
    assert current(hass, "sensor.alex_session").state == "idle"
    return planned


async def start_in_amsterdam(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: datetime, **options: Any
) -> MockConfigEntry:
    """Set up a new person, Alex, at a moment in Amsterdam."""
    await hass.config.async_set_time_zone(AMSTERDAM)
    freezer.move_to(when)
    return await set_up(hass, make_entry(**options))


async def test_two_weeks_on_the_plan(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """The number rises, steps back after high pain and a flare-up, stops at the cap.

    A value set by hand holds for the rest of its day, and the plan carries on from it.
    The cap (7 minutes) is below the inversion goal (15), so the cap is what stops it.
    """
    first_day = date(2026, 10, 19)
    await start_in_amsterdam(hass, freezer, at(first_day, "07:00"), max_inversion=7)
    days: list[tuple[str, int, int]] = []

    for offset in range(14):
        day = first_day + offset * ONE_DAY
        morning = minutes(hass)
        await move_to(hass, freezer, at(day, "08:00"))
        if offset == 2:
            await finish_inversion(hass, freezer)
            await call(hass, "log_pain", level=8)
            assert tomorrow(hass) == 3
        elif offset == 4:
            pass  # a day off the table changes nothing
        elif offset == 6:
            # Sunday of the clock change: a flare-up for this day only.
            await call(hass, "set_flare_up", start_date=day.isoformat(), end_date=day.isoformat())
            assert current(hass, FLARE_UP).state == "on"
            await finish_inversion(hass, freezer)
        elif offset == 8:
            await set_by_hand(hass, 6)
            assert await finish_inversion(hass, freezer) == 6
        elif offset == 11:
            await set_by_hand(hass, 5)
            assert await finish_inversion(hass, freezer) == 5
            await move_to(hass, freezer, at(day, "12:00"))
            await call(hass, "log_pain", level=8)
            await move_to(hass, freezer, at(day, "23:59:59"))
            # Held for the rest of the day, whatever the day brought.
            assert minutes(hass) == 5
            assert tomorrow(hass) == 4
        else:
            await finish_inversion(hass, freezer)
        days.append((day.isoformat(), morning, minutes(hass)))
        await move_to(hass, freezer, at(day + ONE_DAY, "00:00"))

    sequence = [morning for _, morning, _ in days] + [minutes(hass)]
    # The sequence is part of the issue note: shown with `pytest -s`.
    print("inversion minutes, each morning from 2026-10-19:", sequence)  # noqa: T201
    hand_set = [(day, evening) for day, morning, evening in days if evening != morning]
    print("set by hand:", hand_set)  # noqa: T201
    assert sequence == [2, 3, 4, 3, 4, 4, 5, 4, 5, 7, 7, 7, 4, 5, 6]
    assert max(sequence) == 7
    assert current(hass, FLARE_UP).state == "off"


async def test_the_plan_catches_up_on_midnights_missed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Days passed while Home Assistant was down are closed once each, in order."""
    entry = await start_in_amsterdam(hass, freezer, at(date(2026, 11, 2), "09:00"))
    await set_by_hand(hass, 5)
    await finish_inversion(hass, freezer)

    await restart(hass, freezer, entry, days=3)

    assert minutes(hass) == 6
    await reload(hass, entry)
    await move_to(hass, freezer, at(date(2026, 11, 5), "12:00"))
    assert minutes(hass) == 6


async def test_a_flare_up_back_dated_after_midnight_steps_back_nothing_already_closed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A closed day is closed once: a flare-up set for it later pauses it, the number stays."""
    await start_in_amsterdam(hass, freezer, at(date(2026, 11, 2), "09:00"))
    await finish_inversion(hass, freezer)
    await move_to(hass, freezer, at(date(2026, 11, 3), "09:00"))
    assert minutes(hass) == 3

    await call(hass, "set_flare_up", start_date="2026-11-02", end_date="2026-11-02")

    assert minutes(hass) == 3
    summary = await call(hass, "get_summary", days=2)
    assert summary is not None
    assert [day["flare_up"] for day in summary["days"]] == [True, False]


async def test_a_new_start_applies_at_once_until_the_number_moves(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The start option moves a number still at its start; never one set by hand."""
    entry = await start_in_amsterdam(hass, freezer, at(date(2026, 11, 2), "09:00"))
    assert minutes(hass) == 2

    hass.config_entries.async_update_entry(entry, options={"inversion_start_minutes": 4})
    await hass.async_block_till_done()
    assert minutes(hass) == 4

    await set_by_hand(hass, 3)
    hass.config_entries.async_update_entry(entry, options={"inversion_start_minutes": 6})
    await hass.async_block_till_done()
    assert minutes(hass) == 3


async def test_a_step_of_zero_keeps_the_number(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """With a step of 0 the number stays where it is."""
    await start_in_amsterdam(
        hass, freezer, at(date(2026, 11, 2), "09:00"), inversion_step_minutes=0
    )
    await finish_inversion(hass, freezer)
    await move_to(hass, freezer, at(date(2026, 11, 3), "09:00"))
    assert minutes(hass) == 2


async def test_an_existing_person_keeps_their_number(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, hass_storage: dict[str, Any]
) -> None:
    """Someone stored before the plan existed keeps their number, day after day."""
    hass_storage[STORAGE_KEY] = stored({"history": {}, "durations": {"inversion": 15}})
    await start_in_amsterdam(hass, freezer, at(date(2026, 11, 2), "09:00"))
    assert minutes(hass) == 15
    assert tomorrow(hass) is None

    await finish_inversion(hass, freezer)
    await call(hass, "log_pain", level=9)
    await move_to(hass, freezer, at(date(2026, 11, 3), "09:00"))

    assert minutes(hass) == 15


async def test_the_inversion_reminder_asks_for_the_plan_not_the_goal(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """On the plan, the day's inversion is met with the planned minutes, not the goal."""
    events = async_capture_events(hass, BUS_EVENT)
    await start_in_amsterdam(
        hass, freezer, at(date(2026, 11, 2), "08:00"), reminder_inversion="10:00:00"
    )

    await move_to(hass, freezer, at(date(2026, 11, 2), "09:00"))
    await finish_inversion(hass, freezer)
    await move_to(hass, freezer, at(date(2026, 11, 2), "10:00"))
    await move_to(hass, freezer, at(date(2026, 11, 3), "00:00"))
    await move_to(hass, freezer, at(date(2026, 11, 3), "10:00"))

    reminders = [event.data for event in events if event.data["type"] == "reminder"]
    # Two minutes done of a 15-minute goal: the day's plan is met, nothing is asked.
    # The next day asks for that day's 3 minutes (unspoken here: no speakers).
    assert [
        (reminder["minutes_today"], reminder["goal"], reminder["reason"]) for reminder in reminders
    ] == [(2, 2, "goal_met"), (0, 3, "no_speakers")]
