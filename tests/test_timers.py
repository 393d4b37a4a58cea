"""Tests for the timer that may be armed."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from custom_components.back_relief.timers import DailyAt, Timer

from .conftest import advance, move_to


async def test_a_timer_goes_off_once_at_the_instant_last_armed(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Arming again replaces the earlier instant; after going off it is no longer armed."""
    went_off: list[datetime] = []
    timer = Timer(hass, went_off.append)
    start = dt_util.utcnow()
    timer.arm_at(start + timedelta(minutes=5))
    timer.arm_at(start + timedelta(minutes=10))
    assert timer.armed

    await advance(hass, frozen_time, minutes=6)
    assert went_off == []
    await advance(hass, frozen_time, minutes=5)
    assert went_off == [start + timedelta(minutes=10)]
    assert not timer.armed


async def test_arming_at_none_or_cancelling_keeps_it_silent(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """None only cancels; a cancelled timer never goes off."""
    went_off: list[datetime] = []
    timer = Timer(hass, went_off.append)
    timer.arm_at(dt_util.utcnow() + timedelta(minutes=1))
    timer.arm_at(None)
    assert not timer.armed
    timer.arm_at(dt_util.utcnow() + timedelta(minutes=1))
    timer.cancel()
    timer.cancel()  # twice is harmless
    await advance(hass, frozen_time, minutes=2)
    assert went_off == []


async def test_the_midnight_timer_goes_off_every_local_midnight(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """It stays armed after going off, until cancelled."""
    went_off: list[datetime] = []
    timer = Timer(hass, went_off.append)
    timer.arm_every_midnight()
    await move_to(hass, frozen_time, "2026-11-26T00:00:00+01:00")
    await move_to(hass, frozen_time, "2026-11-27T00:00:00+01:00")
    assert len(went_off) == 2
    assert timer.armed
    timer.cancel()
    await move_to(hass, frozen_time, "2026-11-28T00:00:00+01:00")
    assert len(went_off) == 2


async def test_daily_at_goes_off_every_day_at_its_local_time(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """Set once, it goes off each day at that local time; the same time again changes nothing."""
    went_off: list[datetime] = []

    @callback
    def went(instant: datetime) -> None:
        went_off.append(instant)

    daily = DailyAt(hass, went)
    daily.set(time(18, 30))
    daily.set(time(18, 30))
    assert daily.at == time(18, 30)

    await move_to(hass, frozen_time, "2026-11-25T18:30:00+01:00")
    await move_to(hass, frozen_time, "2026-11-26T18:30:00+01:00")
    assert [dt_util.as_local(instant).strftime("%d %H:%M") for instant in went_off] == [
        "25 18:30",
        "26 18:30",
    ]
    daily.cancel()


async def test_daily_at_moves_with_a_new_time_and_stops_at_none(
    hass: HomeAssistant, frozen_time: FrozenDateTimeFactory
) -> None:
    """A new time replaces the old one (never both); None, or cancelling, stops it."""
    went_off: list[datetime] = []

    @callback
    def went(instant: datetime) -> None:
        went_off.append(instant)

    daily = DailyAt(hass, went)
    daily.set(time(9))
    daily.set(time(10))
    await move_to(hass, frozen_time, "2026-11-25T09:00:00+01:00")
    assert went_off == []
    await move_to(hass, frozen_time, "2026-11-25T10:00:00+01:00")
    assert len(went_off) == 1

    daily.set(None)
    assert daily.at is None
    await move_to(hass, frozen_time, "2026-11-26T10:00:00+01:00")
    daily.set(time(11))
    daily.cancel()
    await move_to(hass, frozen_time, "2026-11-26T11:00:00+01:00")
    assert len(went_off) == 1
