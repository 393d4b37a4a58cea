"""The routine's clock: wakes the routine up when something is due.

A session's end, a guided routine's next step, a planned visit, local
midnight, the end of the time a stop can be undone; and, at setup, whatever
came due while Home Assistant was away.
Each wake-up is a ``Timer`` that may be armed; the clock re-arms them all
after every change of the routine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from .commands import Apply
from .reader import RoutineReader
from .routine.day import local_date
from .routine.events import SessionEvent, Step
from .routine.steps import current_step, next_step_change
from .timers import Timer

# A planned visit counts as made just after it begins.
VISIT_BEGUN_AFTER = timedelta(seconds=1)


class RoutineClock:
    """The wake-ups of one person's routine."""

    def __init__(
        self,
        hass: HomeAssistant,
        reader: RoutineReader,
        *,
        apply: Apply,
        changed: Callable[[], None],
        update_listeners: Callable[[], None],
        fire_event: Callable[[SessionEvent], None],
    ) -> None:
        """Prepare the timers; ``async_start`` arms them.

        ``apply``, ``changed`` and ``fire_event`` are the coordinator's;
        ``update_listeners`` tells the entities without saving.
        """
        self._reader = reader
        self._apply = apply
        self._changed = changed
        self._update_listeners = update_listeners
        self._fire_event = fire_event
        self._session_end = Timer(hass, self._async_session_due)
        self._step = Timer(hass, self._async_step_due)
        self._visit = Timer(hass, self._async_visit_begun)
        self._midnight = Timer(hass, self._async_midnight)
        self._undo_over = Timer(hass, self._async_undo_over)

    @callback
    def async_start(self) -> None:
        """Arm the timers; catch up on what came due while Home Assistant was away."""
        reader = self._reader
        self._midnight.arm_every_midnight()
        now = dt_util.utcnow()
        # Days missed while Home Assistant was down are closed now, once each.
        if reader.data.turn_day(local_date(now, reader.time_zone), reader.plan_settings):
            self._changed()
        self._finish_if_due(now, while_offline=True)
        if reader.data.visits.record_begun(now, reader.data.history, reader.time_zone):
            self._changed()
        self._arm_visit()

    @callback
    def arm(self) -> None:
        """Re-arm after a change: the session's end and next step, the next visit."""
        session = self._reader.data.session
        running = session is not None and not session.is_paused
        self._session_end.arm_at(session.ends_at if session and running else None)
        self._arm_step()
        self._arm_visit()
        self._undo_over.arm_at(self._reader.data.undo_until(dt_util.utcnow()))

    @callback
    def cancel(self) -> None:
        """Cancel every wake-up."""
        for timer in (self._session_end, self._step, self._visit, self._midnight, self._undo_over):
            timer.cancel()

    @callback
    def _arm_step(self) -> None:
        session = self._reader.data.session
        running = session is not None and not session.is_paused
        self._step.arm_at(
            next_step_change(session, self._reader.guided_routine(), dt_util.utcnow())
            if session and running
            else None
        )

    @callback
    def _arm_visit(self) -> None:
        visit = self._reader.data.visits.next(dt_util.utcnow())
        self._visit.arm_at(visit.visited_at + VISIT_BEGUN_AFTER if visit else None)

    @callback
    def _async_session_due(self, now: datetime) -> None:
        """Finish the session when its end time comes."""
        self._finish_if_due(now, while_offline=False)

    @callback
    def _finish_if_due(self, now: datetime, *, while_offline: bool) -> None:
        """Finish a session at its end time, or wake up again at its end."""
        reader = self._reader
        if (session := reader.data.session) is not None and session.is_due(now):
            self._apply(
                lambda _: reader.data.finish_if_due(
                    now, reader.time_zone, while_offline=while_offline
                )
            )
        else:
            self.arm()

    @callback
    def _async_step_due(self, now: datetime) -> None:
        """Move a guided routine on to its next step."""
        reader = self._reader
        self._arm_step()
        self._update_listeners()
        session, now = reader.data.session, dt_util.utcnow()
        if (
            session is not None
            and (step := current_step(session, reader.guided_routine(), now)) is not None
        ):
            self._fire_event(Step.at(session, step, now))

    @callback
    def _async_visit_begun(self, now: datetime) -> None:
        """Count a planned visit as made once it begins."""
        reader = self._reader
        reader.data.visits.record_begun(now, reader.data.history, reader.time_zone)
        self._arm_visit()
        self._changed()

    @callback
    def _async_undo_over(self, now: datetime) -> None:
        """Tell the entities that a stop can no longer be undone (nothing to save)."""
        self._update_listeners()

    @callback
    def _async_midnight(self, now: datetime) -> None:
        """Start a new day: totals and the checklist start fresh, the plan turns."""
        reader = self._reader
        reader.data.turn_day(local_date(now, reader.time_zone), reader.plan_settings)
        self._changed()
