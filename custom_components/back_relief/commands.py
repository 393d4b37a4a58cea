"""What a person can do to their routine, from a button, a voice command or an action.

Each command hands one change of the plain routine (``person``) to the
coordinator's ``apply``, which gives it the clock, turns a refusal into a
translated error, re-arms the timers, saves, and passes the events on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from uuid import uuid4

from homeassistant.core import callback
from homeassistant.util import dt as dt_util

from .reader import RoutineReader
from .routine.checklist import ChecklistItem
from .routine.day import Activity, PainEntry, local_date
from .routine.events import Finished, SessionEvent
from .routine.person import PersonRoutine
from .routine.session import Session
from .routine.source import Source

type Change = Callable[[datetime], list[SessionEvent] | None]


type Apply = Callable[[Change], list[SessionEvent]]


class RoutineCommands:
    """The commands of one person's routine; every one is refused or done whole."""

    def __init__(
        self,
        reader: RoutineReader,
        *,
        apply: Apply,
        changed: Callable[[], None],
        save_quietly: Callable[[], None],
    ) -> None:
        """Bind the commands to what reads the routine and what carries a change out.

        ``apply`` makes a change (a refusal becomes a translated error), re-arms,
        saves and passes the events on; ``changed`` saves and tells the entities;
        ``save_quietly`` saves without telling them (see the coordinator).
        """
        self._reader = reader
        self._apply = apply
        self._changed = changed
        self._save_quietly = save_quietly

    @property
    def _routine(self) -> PersonRoutine:
        return self._reader.data

    # ----- sessions -----

    @callback
    def start_session(
        self,
        activity: Activity,
        minutes: int | None = None,
        routine: str | None = None,
        *,
        source: Source = Source.ACTION,
    ) -> Session:
        """Start a session; its length defaults to the activity's duration."""
        reader = self._reader
        self._apply(
            lambda now: self._routine.start(
                activity,
                minutes,
                now,
                max_inversion=reader.max_inversion,
                routine=routine,
                routines=reader.routines(),
                source=source,
            )
        )
        return self._started()

    @callback
    def start_with_defaults(self, activity: Activity, *, source: Source = Source.ACTION) -> Session:
        """Start an activity as its button does: stretching runs the chosen routine."""
        reader = self._reader
        self._apply(
            lambda now: self._routine.start_with_defaults(
                activity,
                now,
                max_inversion=reader.max_inversion,
                routines=reader.routines(),
                source=source,
            )
        )
        return self._started()

    def _started(self) -> Session:
        session = self._routine.session
        assert session is not None  # noqa: S101 - a start that was not refused leaves one
        return session

    @callback
    def pause_session(self, *, source: Source = Source.ACTION) -> None:
        """Pause the running session."""
        self._apply(lambda now: self._routine.pause(now, source))

    @callback
    def resume_session(self, *, source: Source = Source.ACTION) -> None:
        """Resume the paused session."""
        self._apply(lambda now: self._routine.resume(now, source))

    @callback
    def extend_session(self, minutes: int, *, source: Source = Source.ACTION) -> None:
        """Add minutes to the session."""
        max_inversion = self._reader.max_inversion
        self._apply(
            lambda _: self._routine.extend(minutes, max_inversion=max_inversion, source=source)
        )

    @callback
    def move_step(self, *, forward: bool, source: Source = Source.ACTION) -> None:
        """Go on to a guided routine's next step now, or start the current step again."""
        routine = self._reader.guided_routine()
        self._apply(
            lambda now: self._routine.move_step(now, routine, forward=forward, source=source)
        )

    @callback
    def stop_session(self, *, source: Source = Source.ACTION) -> int:
        """End the session now, crediting the minutes run; returns them."""
        time_zone = self._reader.time_zone
        (finished,) = self._apply(lambda now: self._routine.stop(now, time_zone, source))
        assert isinstance(finished, Finished)  # noqa: S101 - a stop that was not refused
        return finished.credited_minutes

    @callback
    def cancel_session(self, *, source: Source = Source.ACTION) -> None:
        """End the session now, crediting nothing."""
        time_zone = self._reader.time_zone
        self._apply(lambda now: self._routine.cancel(now, time_zone, source))

    @callback
    def undo_session(self, *, source: Source = Source.ACTION) -> None:
        """Bring back the session stopped or cancelled less than two minutes ago."""
        time_zone = self._reader.time_zone
        self._apply(lambda now: self._routine.undo(now, time_zone, source))

    @callback
    def start_noticed(self, activity: Activity, since: datetime, *, source: Source) -> Session:
        """Start an activity with its defaults from when the house noticed it began.

        A sign is believed only once it has held a while; the session counts
        from when it began, so that the wait costs no minutes.
        """
        reader = self._reader
        self._apply(
            lambda now: self._routine.start_with_defaults(
                activity,
                min(since, now),
                max_inversion=reader.max_inversion,
                routines=reader.routines(),
                source=source,
            )
        )
        return self._started()

    @callback
    def stop_noticed(self, until: datetime, *, source: Source) -> int:
        """End the session, crediting the minutes run until the house noticed it ended."""
        time_zone = self._reader.time_zone
        (finished,) = self._apply(
            lambda now: self._routine.stop(min(until, now), time_zone, source)
        )
        assert isinstance(finished, Finished)  # noqa: S101 - a stop that was not refused
        return finished.credited_minutes

    # ----- logging -----

    @callback
    def log_activity(
        self, activity: Activity, minutes: int, day: date | None = None, kind: str | None = None
    ) -> None:
        """Credit minutes done away from a session; today unless told."""
        today = self._reader.today()
        self._apply(
            lambda _: self._routine.log_activity(activity, minutes, day or today, kind, today=today)
        )

    @callback
    def log_pain(
        self,
        level: int,
        note: str | None = None,
        day: date | None = None,
        *,
        replace: bool = False,
    ) -> PainEntry | None:
        """Record a pain level, today's at the current time; return the report it replaced."""
        today = self._reader.today()
        # A past day's report is logged at the start of that day, as a visit is.
        logged_at = (
            None if day in (None, today) else dt_util.as_utc(dt_util.start_of_local_day(day))
        )
        replaced: list[PainEntry | None] = []
        self._apply(
            lambda now: replaced.append(
                self._routine.log_pain(
                    level, note, now, today=today, day=day, logged_at=logged_at, replace=replace
                )
            )
        )
        return replaced[0]

    @callback
    def remove_pain(self, day: date | None = None, logged_at: datetime | None = None) -> None:
        """Remove a pain report: the one logged at an instant, else the day's latest."""
        today = self._reader.today()
        if logged_at is not None and logged_at.tzinfo is None:
            # As the date-and-time selector gives it: the house's local time.
            logged_at = logged_at.replace(tzinfo=self._reader.time_zone)
        if day is None:
            day = local_date(logged_at, self._reader.time_zone) if logged_at else today
        on = day

        def remove(_: datetime) -> None:
            self._routine.remove_pain(on, logged_at, today=today)

        self._apply(remove)

    @callback
    def set_minutes(self, activity: Activity, minutes: int, day: date | None = None) -> None:
        """Set a day's minutes of an activity, today unless told; fewer than logged too."""
        today = self._reader.today()
        self._apply(
            lambda _: self._routine.set_minutes(activity, minutes, day or today, today=today)
        )

    @callback
    def cancel_visit(self, day: date) -> None:
        """Cancel the visits planned on a day."""
        time_zone = self._reader.time_zone
        self._apply(lambda _: self._routine.visits.cancel(day, time_zone))

    @callback
    def remove_visit(self, day: date) -> None:
        """Remove the latest visit made on a day."""
        today = self._reader.today()
        self._apply(
            lambda _: self._routine.visits.remove_made(day, self._routine.history, today=today)
        )

    @callback
    def log_visit(self, day: date | None = None, note: str | None = None) -> None:
        """Record a chiropractor visit; today's at the current time."""
        today = self._reader.today()
        day = day or today
        visited_at = dt_util.utcnow() if day == today else dt_util.start_of_local_day(day)
        self._apply(
            lambda _: self._routine.visits.log(
                day,
                note,
                visited_at=visited_at,
                history=self._routine.history,
                today=today,
                time_zone=self._reader.time_zone,
            )
        )

    @callback
    def schedule_visit(self, at: datetime, note: str | None = None) -> None:
        """Plan a chiropractor visit."""
        today = self._reader.today()
        self._apply(
            lambda now: self._routine.visits.schedule(
                at, note, today=today, now=now, time_zone=self._reader.time_zone
            )
        )

    @callback
    def give_feedback(self, started_at: datetime, answer: str) -> None:
        """Keep how a finished session felt with its record."""
        time_zone = self._reader.time_zone
        self._apply(lambda _: self._routine.give_feedback(started_at, answer, time_zone))

    @callback
    def skip_reminder(self, kind: str) -> None:
        """Skip a kind of reminder for the rest of today."""
        today = self._reader.today()
        self._apply(lambda _: self._routine.skip_reminder(kind, today))

    # ----- checklist -----

    @callback
    def add_checklist_item(self, summary: str) -> ChecklistItem:
        """Add an item to every day's checklist."""
        item = self._routine.checklist.add(uuid4().hex, summary)
        self._changed()
        return item

    @callback
    def update_checklist_item(self, uid: str, summary: str | None, *, done: bool | None) -> None:
        """Rename an item or check it for today."""
        today = self._reader.today()
        history = self._routine.history
        self._apply(
            lambda _: self._routine.checklist.update(
                uid, summary, done=done, history=history, today=today
            )
        )

    @callback
    def remove_checklist_items(self, uids: list[str]) -> None:
        """Remove items from the checklist."""
        self._apply(lambda _: self._routine.checklist.remove(uids))

    @callback
    def move_checklist_item(self, uid: str, previous_uid: str | None) -> None:
        """Move an item after another one, or to the top."""
        self._apply(lambda _: self._routine.checklist.move(uid, previous_uid))

    # ----- settings -----

    @callback
    def set_flare_up(self, on: bool) -> None:  # noqa: FBT001
        """Turn flare-up on or off; a day with any flare-up is paused."""
        today = self._reader.today()
        self._apply(lambda _: self._routine.set_flare_up(on, today))

    @callback
    def set_flare_up_range(self, start: date, end: date | None, note: str | None) -> None:
        """Pause every day from start to end; no end: until flare-up is turned off."""
        today = self._reader.today()
        self._apply(lambda _: self._routine.set_flare_up_range(start, end, note, today=today))

    @callback
    def set_reminders(self, on: bool) -> None:  # noqa: FBT001
        """Turn announcements and reminders on or off."""
        self._routine.reminders_enabled = on
        self._changed()

    @callback
    def set_duration(self, activity: Activity, minutes: int) -> None:
        """Set the default length of an activity's sessions."""
        self._routine.set_duration(activity, minutes)
        self._changed()

    @callback
    def set_stretch_routine(self, key: str | None) -> None:
        """Choose the routine the stretch button starts; None for a plain timer."""
        self._routine.stretch_routine = key
        self._changed()

    @callback
    def set_rest_snapshot(self, snapshot: dict[str, dict[str, Any]] | None) -> None:
        """Keep (or forget) how the rest lights were, across restarts; no entity shows it."""
        self._routine.rest_snapshot = snapshot
        self._save_quietly()
