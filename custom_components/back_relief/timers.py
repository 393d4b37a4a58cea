"""Timers of the routine and the house: a wake-up at an instant, every midnight, daily at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time, async_track_time_change


class Timer:
    """Calls its action at the instant it was last armed for, or every midnight."""

    def __init__(self, hass: HomeAssistant, action: Callable[[datetime], None]) -> None:
        """Bind the timer to what it does when it goes off."""
        self._hass = hass
        self._action = action
        self._unsub: CALLBACK_TYPE | None = None

    @property
    def armed(self) -> bool:
        """Return whether a wake-up is pending."""
        return self._unsub is not None

    @callback
    def arm_at(self, when: datetime | None) -> None:
        """Go off once at an instant (in place of any earlier one); None only cancels."""
        self.cancel()
        if when is not None:
            self._unsub = async_track_point_in_utc_time(self._hass, self._went_off, when)

    @callback
    def arm_every_midnight(self) -> None:
        """Go off every local midnight until cancelled."""
        self.cancel()
        self._unsub = async_track_time_change(
            self._hass, self._went_off_at_midnight, hour=0, minute=0, second=0
        )

    @callback
    def cancel(self) -> None:
        """Cancel the pending wake-up, if any."""
        if self._unsub is not None:
            self._unsub()
            self._unsub = None

    @callback
    def _went_off(self, now: datetime) -> None:
        self._unsub = None
        self._action(now)

    @callback
    def _went_off_at_midnight(self, now: datetime) -> None:
        self._action(now)


class DailyAt:
    """Calls its action every day at a local time of day; a new time re-arms it.

    The one "daily at" of the house: reminders, the check-in and the weekly
    summary each keep one and set it from the person's settings.
    """

    def __init__(self, hass: HomeAssistant, action: Callable[[datetime], None]) -> None:
        """Bind the timer to what it does each day."""
        self._hass = hass
        self._action = action
        self._at: time | None = None
        self._unsub: CALLBACK_TYPE | None = None

    @property
    def at(self) -> time | None:
        """Return the time of day it goes off at; None when it is off."""
        return self._at

    @callback
    def set(self, at: time | None) -> None:
        """Go off every day at a time of day; None turns it off; the same time changes nothing."""
        if at == self._at:
            return
        self.cancel()
        self._at = at
        if at is not None:
            self._unsub = async_track_time_change(
                self._hass, self._action, hour=at.hour, minute=at.minute, second=at.second
            )

    @callback
    def cancel(self) -> None:
        """Stop going off."""
        if self._unsub is not None:
            self._unsub()
        self._unsub = None
        self._at = None
