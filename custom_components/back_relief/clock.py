"""The routine's clock: wakes the routine up when something is due.

A session's end, a guided routine's next step, a planned visit, local
midnight; and, at setup, whatever came due while Home Assistant was away.
Each wake-up is a ``Timer`` that may be armed; the clock re-arms them all
after every change of the routine.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Protocol

from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .commands import Change
from .routine.day import local_date
from .routine.events import SessionEvent, Step
from .routine.guided import Routine
from .routine.person import PersonRoutine
from .routine.plan import PlanSettings
from .routine.steps import current_step, next_step_change
from .timers import Timer

# A planned visit counts as made just after it begins.
VISIT_BEGUN_AFTER = timedelta(seconds=1)


class ClockHost(Protocol):
    """The coordinator, as the clock sees it."""

    data: PersonRoutine

    @property
    def time_zone(self) -> tzinfo:
        """Return the time zone days are counted in."""

    @property
    def plan_settings(self) -> PlanSettings:
        """Return the options that shape the inversion plan."""

    def guided_routine(self) -> Routine | None:
        """Return the guided routine of the session, if any."""

    def apply(self, change: Change) -> list[SessionEvent]:
        """Make a change; refusals become translated errors."""

    def changed(self) -> None:
        """Save (coalesced) and tell the entities."""

    def async_update_listeners(self) -> None:
        """Tell the entities, without saving."""

    def fire_event(self, event: SessionEvent) -> None:
        """Announce a session event."""


class RoutineClock:
    """The four wake-ups of one person's routine."""

    def __init__(self, hass: HomeAssistant, host: ClockHost) -> None:
        """Prepare the timers; ``async_start`` arms them."""
        self._host = host
        self._session_end = Timer(hass, self._async_session_due)
        self._step = Timer(hass, self._async_step_due)
        self._visit = Timer(hass, self._async_visit_begun)
        self._midnight = Timer(hass, self._async_midnight)

    @callback
    def async_start(self) -> None:
        """Arm the timers; catch up on what came due while Home Assistant was away."""
        host = self._host
        self._midnight.arm_every_midnight()
        now = dt_util.utcnow()
        # Days missed while Home Assistant was down are closed now, once each.
        if host.data.turn_day(local_date(now, host.time_zone), host.plan_settings):
            host.changed()
        self._finish_if_due(now, while_offline=True)
        if host.data.visits.record_begun(now, host.data.history, host.time_zone):
            host.changed()
        self._arm_visit()

    @callback
    def arm(self) -> None:
        """Re-arm after a change: the session's end and next step, the next visit."""
        session = self._host.data.session
        running = session is not None and not session.is_paused
        self._session_end.arm_at(session.ends_at if session and running else None)
        self._arm_step()
        self._arm_visit()

    @callback
    def cancel(self) -> None:
        """Cancel every wake-up."""
        for timer in (self._session_end, self._step, self._visit, self._midnight):
            timer.cancel()

    @callback
    def _arm_step(self) -> None:
        session = self._host.data.session
        running = session is not None and not session.is_paused
        self._step.arm_at(
            next_step_change(session, self._host.guided_routine(), dt_util.utcnow())
            if session and running
            else None
        )

    @callback
    def _arm_visit(self) -> None:
        visit = self._host.data.visits.next(dt_util.utcnow())
        self._visit.arm_at(visit.visited_at + VISIT_BEGUN_AFTER if visit else None)

    @callback
    def _async_session_due(self, now: datetime) -> None:
        """Finish the session when its end time comes."""
        self._finish_if_due(now, while_offline=False)

    @callback
    def _finish_if_due(self, now: datetime, *, while_offline: bool) -> None:
        """Finish a session at its end time, or wake up again at its end."""
        host = self._host
        if (session := host.data.session) is not None and session.is_due(now):
            host.apply(
                lambda _: host.data.finish_if_due(now, host.time_zone, while_offline=while_offline)
            )
        else:
            self.arm()

    @callback
    def _async_step_due(self, now: datetime) -> None:
        """Move a guided routine on to its next step."""
        host = self._host
        self._arm_step()
        host.async_update_listeners()
        session, now = host.data.session, dt_util.utcnow()
        if (
            session is not None
            and (step := current_step(session, host.guided_routine(), now)) is not None
        ):
            host.fire_event(Step.at(session, step, now))

    @callback
    def _async_visit_begun(self, now: datetime) -> None:
        """Count a planned visit as made once it begins."""
        host = self._host
        host.data.visits.record_begun(now, host.data.history, host.time_zone)
        self._arm_visit()
        host.changed()

    @callback
    def _async_midnight(self, now: datetime) -> None:
        """Start a new day: totals and the checklist start fresh, the plan turns."""
        host = self._host
        host.data.turn_day(local_date(now, host.time_zone), host.plan_settings)
        host.changed()
