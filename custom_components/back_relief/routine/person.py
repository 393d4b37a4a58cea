"""One person's routine: the session, the days, the settings, and what each change did.

Plain, typed Python with no Home Assistant imports. Every change takes the
instant (and, where days matter, the time zone) from its caller and returns
the session events it caused; a refusal raises ``RoutineError`` and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Self

from ..const import DEFAULT_DURATIONS, LOG_DAYS_BACK, MAX_LOG_MINUTES, MAX_PAIN
from ..language.checkin_answers import FEEDBACK_ANSWERS
from .checklist import Checklist
from .day import Activity, Goal, PainEntry, SessionRecord, local_date
from .events import (
    Cancelled,
    Extended,
    Finished,
    Paused,
    Resumed,
    SessionEvent,
    SessionFacts,
    Started,
    Step,
    Undone,
)
from .flare_ups import FlareUps
from .gentle import GentlePlan
from .goals import DayGoals
from .guided import Routine
from .history import History
from .limits import check_date, check_range
from .plan import PlanSettings
from .session import RoutineError, Session
from .source import Source
from .steps import current_step, move_in_routine
from .streaks import Streak
from .undo import EndedSession
from .visits import PlannedVisits

# A level tapped again this soon after the last one puts it right (``log_pain``).
REPLACE_PAIN_WITHIN = timedelta(minutes=10)
# A report named by when it was logged: ISO texts may leave off the microseconds.
SAME_INSTANT = timedelta(seconds=1)


def latest_pain(pain: list[PainEntry]) -> PainEntry | None:
    """Return a day's latest report: the last logged, the later added of the same instant."""
    return max(reversed(pain), key=lambda entry: entry.logged_at) if pain else None


def find_routine(routines: Mapping[str, Routine], key: str) -> Routine:
    """Return a guided routine by its key, or refuse an unknown one."""
    if (found := routines.get(key)) is None:
        raise RoutineError("unknown_routine", routine=key, routines=", ".join(routines))
    return found


@dataclass(slots=True)
class PersonRoutine:
    """One person's routine: everything kept of it, and the rules for changing it.

    Its stored form is ``stored_person``'s concern.
    """

    history: History = field(default_factory=History)
    session: Session | None = None
    durations: dict[Activity, int] = field(default_factory=lambda: dict(DEFAULT_DURATIONS))
    reminders_enabled: bool = True
    # The inversion plan, for someone new to the table.
    gentle: GentlePlan = field(default_factory=GentlePlan)
    # The flare-up ranges: every day in one is paused.
    flare_ups: FlareUps = field(default_factory=FlareUps)
    checklist: Checklist = field(default_factory=Checklist)
    visits: PlannedVisits = field(default_factory=PlannedVisits)
    # How each rest light was before a rest session dimmed it.
    rest_snapshot: dict[str, dict[str, Any]] | None = None
    # The routine the stretch button starts, None for a plain timer.
    stretch_routine: str | None = None
    # What a newer version stored that this one doesn't know: written back as it was.
    other_fields: dict[str, Any] = field(default_factory=dict)
    # The session last stopped or cancelled, while it may be undone; not stored: a
    # restart within the two minutes forgets it.
    ended: EndedSession | None = None

    @classmethod
    def for_new_person(cls, checklist: Checklist, today: date, settings: PlanSettings) -> Self:
        """Return the routine of someone new: their inversion follows the gentle plan."""
        routine = cls(checklist=checklist)
        routine.gentle = GentlePlan.for_new_person(routine.durations, today, settings)
        return routine

    # ----- sessions -----

    def start(
        self,
        activity: Activity,
        minutes: int | None,
        now: datetime,
        *,
        max_inversion: int,
        routine: str | None = None,
        routines: Mapping[str, Routine],
        source: Source = Source.ACTION,
    ) -> list[SessionEvent]:
        """Start a session; its length defaults to the activity's duration."""
        guided: Routine | None = None
        if routine is not None:
            if activity is not Activity.STRETCH:
                raise RoutineError("routine_stretch_only")
            if minutes is not None:
                # A guided routine lasts as long as its steps; a length beside it is a slip.
                raise RoutineError("routine_sets_duration", routine=routine)
            guided = find_routine(routines, routine)
        if self.session is not None:
            raise RoutineError("session_active", activity=str(self.session.activity))
        if guided is not None:
            minutes = guided.minutes
        elif minutes is None:
            minutes = self.durations[activity]
            if activity is Activity.INVERSION:
                # A default set before the cap was lowered still starts.
                minutes = min(minutes, max_inversion)
        session = Session.start(
            activity, minutes, now, max_inversion=max_inversion, routine=routine, source=source
        )
        self.session = session
        self.ended = None
        events: list[SessionEvent] = [Started(session=SessionFacts.of(session))]
        if (step := current_step(session, guided, now)) is not None:
            events.append(Step.at(session, step, now))
        return events

    def start_with_defaults(
        self,
        activity: Activity,
        now: datetime,
        *,
        max_inversion: int,
        routines: Mapping[str, Routine],
        source: Source = Source.ACTION,
    ) -> list[SessionEvent]:
        """Start an activity as its button does: stretching runs the chosen routine."""
        routine = None
        if activity is Activity.STRETCH and self.stretch_routine in routines:
            routine = self.stretch_routine
        return self.start(
            activity,
            None,
            now,
            max_inversion=max_inversion,
            routine=routine,
            routines=routines,
            source=source,
        )

    def pause(self, now: datetime, source: Source = Source.ACTION) -> list[SessionEvent]:
        """Pause the running session."""
        self.session = self._current_session().pause(now)
        return [Paused(session=SessionFacts.of(self.session, source))]

    def resume(self, now: datetime, source: Source = Source.ACTION) -> list[SessionEvent]:
        """Resume the paused session."""
        self.session = self._current_session().resume(now)
        return [Resumed(session=SessionFacts.of(self.session, source))]

    def extend(
        self, minutes: int, *, max_inversion: int, source: Source = Source.ACTION
    ) -> list[SessionEvent]:
        """Add minutes to the session."""
        self.session = self._current_session().extend(minutes, max_inversion=max_inversion)
        return [Extended(session=SessionFacts.of(self.session, source), added_minutes=minutes)]

    def move_step(
        self,
        now: datetime,
        routine: Routine | None,
        *,
        forward: bool,
        source: Source = Source.ACTION,
    ) -> list[SessionEvent]:
        """Go on to a guided routine's next step now, or start the current step again."""
        self.session = move_in_routine(self._current_session(), routine, now, forward=forward)
        step = current_step(self.session, routine, now)
        if step is None:
            return []
        return [Step.at(self.session, step, now, source)]

    def stop(
        self, now: datetime, time_zone: tzinfo, source: Source = Source.ACTION
    ) -> list[SessionEvent]:
        """End the session now, crediting the minutes run."""
        session = self._current_session()
        minutes = session.minutes_run(now)
        self._end(session, minutes, now, time_zone)
        self.ended = EndedSession(session, now, minutes)
        finished = Finished(
            session=SessionFacts.of(session, source), credited_minutes=minutes, stopped_early=True
        )
        return [finished]

    def cancel(
        self, now: datetime, time_zone: tzinfo, source: Source = Source.ACTION
    ) -> list[SessionEvent]:
        """End the session now, crediting nothing."""
        session = self._current_session()
        self._end(session, 0, now, time_zone)
        self.ended = EndedSession(session, now, 0)
        return [Cancelled(session=SessionFacts.of(session, source))]

    def finish_if_due(
        self, now: datetime, time_zone: tzinfo, *, while_offline: bool
    ) -> list[SessionEvent]:
        """Finish a session at its end time, crediting its planned minutes (less any skipped)."""
        session = self.session
        if session is None or not session.is_due(now):
            return []
        self._end(session, session.full_minutes, now, time_zone)
        finished = Finished(
            session=SessionFacts.of(session),
            credited_minutes=session.full_minutes,
            stopped_early=False,
            while_offline=while_offline,
            late_seconds=round((now - session.ends_at).total_seconds()),
        )
        return [finished]

    def undo(
        self, now: datetime, time_zone: tzinfo, source: Source = Source.ACTION
    ) -> list[SessionEvent]:
        """Bring back a session stopped or cancelled less than two minutes ago (see ``undo``)."""
        ended = self.ended
        if ended is None or not ended.can_undo(now):
            raise RoutineError("nothing_to_undo")
        if self.session is not None:
            raise RoutineError("session_active", activity=str(self.session.activity))
        session = ended.session
        if ended.credited_minutes > 0:
            self.history.take_back_session(
                local_date(session.started_at, time_zone),
                SessionRecord(session.started_at, now, session.activity, ended.credited_minutes),
            )
        self.session = ended.brought_back(now)
        self.ended = None
        return [Undone(session=SessionFacts.of(self.session, source))]

    def undo_until(self, now: datetime) -> datetime | None:
        """Return until when the last stop or cancel can be undone; None when it can't."""
        ended = self.ended
        return ended.undo_until if ended is not None and ended.can_undo(now) else None

    def _current_session(self) -> Session:
        """Return the session, or refuse when there is none."""
        if self.session is None:
            raise RoutineError("no_session")
        return self.session

    def _end(
        self, session: Session, credited_minutes: int, now: datetime, time_zone: tzinfo
    ) -> None:
        """Clear the session and credit minutes to the day it started."""
        self.session = None
        self.ended = None
        started_day = local_date(session.started_at, time_zone)
        self.history.add_minutes(started_day, session.activity, credited_minutes)
        if credited_minutes > 0:
            self.history.edit(started_day).sessions.append(
                SessionRecord(
                    started_at=session.started_at,
                    ended_at=min(now, session.ends_at),
                    activity=session.activity,
                    minutes=credited_minutes,
                    routine=session.routine,
                    source=str(session.source) if session.source else None,
                )
            )

    # ----- logging -----

    def log_activity(
        self, activity: Activity, minutes: int, day: date, kind: str | None, *, today: date
    ) -> None:
        """Credit minutes done away from a session, on a day of the last weeks."""
        check_range("duration_out_of_range", minutes, 1, MAX_LOG_MINUTES, placeholder="minutes")
        check_date(day, today - timedelta(days=LOG_DAYS_BACK), today)
        self.history.add_minutes(day, activity, minutes, kind)

    def log_pain(
        self,
        level: int,
        note: str | None,
        now: datetime,
        *,
        today: date,
        day: date | None = None,
        logged_at: datetime | None = None,
        replace: bool = False,
    ) -> PainEntry | None:
        """Record a pain level from 0 to 10 on a day of the last weeks; today unless told.

        ``logged_at`` is when it is recorded as logged (now, unless told). With
        ``replace``, the day's latest report, when it was logged less than ten
        minutes ago, is replaced instead of a second one added: a level tapped
        again to put it right. Return the report replaced, if one was.
        """
        check_range("level_out_of_range", level, 0, MAX_PAIN)
        day = day or today
        check_date(day, today - timedelta(days=LOG_DAYS_BACK), today)
        entry = PainEntry(logged_at or now, level, note)
        latest = latest_pain(self.history.get(day).pain)
        if replace and latest is not None and now - REPLACE_PAIN_WITHIN < latest.logged_at <= now:
            pain = self.history.edit(day).pain
            pain[pain.index(latest)] = entry
            return latest
        self.history.edit(day).pain.append(entry)
        return None

    def remove_pain(self, day: date, logged_at: datetime | None, *, today: date) -> PainEntry:
        """Remove a pain report of the last weeks: the one logged at an instant, else the latest."""
        check_date(day, today - timedelta(days=LOG_DAYS_BACK), today)
        pain = self.history.get(day).pain
        if logged_at is None:
            found = latest_pain(pain)
        else:
            found = next(
                (entry for entry in pain if abs(entry.logged_at - logged_at) < SAME_INSTANT), None
            )
        if found is None:
            raise RoutineError("no_pain_entry", date=day.isoformat())
        self.history.remove_pain(day, found)
        return found

    def set_minutes(self, activity: Activity, minutes: int, day: date, *, today: date) -> None:
        """Set a day's minutes of an activity to a value, fewer than logged too."""
        check_range("duration_out_of_range", minutes, 0, MAX_LOG_MINUTES, placeholder="minutes")
        check_date(day, today - timedelta(days=LOG_DAYS_BACK), today)
        self.history.set_minutes(day, activity, minutes)

    def session_record(self, started_at: datetime, time_zone: tzinfo) -> SessionRecord | None:
        """Return the record of a finished session, by the instant it started."""
        day = self.history.get(local_date(started_at, time_zone))
        return next((record for record in day.sessions if record.started_at == started_at), None)

    def give_feedback(self, started_at: datetime, answer: str, time_zone: tzinfo) -> None:
        """Keep how a finished session felt ("easier", "same", "harder") with its record."""
        if answer not in FEEDBACK_ANSWERS:
            raise RoutineError("invalid_input", error=answer)
        if self.session_record(started_at, time_zone) is None:
            raise RoutineError("no_session")
        # The day is edited (opened again if it was closed), then its record is found there.
        day = self.history.edit(local_date(started_at, time_zone))
        for record in day.sessions:
            if record.started_at == started_at:
                record.feedback = answer

    def skip_reminder(self, kind: str, today: date) -> None:
        """Skip a kind of reminder for the rest of the day."""
        if kind not in self.history.get(today).skipped:
            self.history.edit(today).skipped.append(kind)

    def pain_logged_since(self, since: datetime, today: date) -> bool:
        """Return whether a pain level was logged today at or after an instant."""
        return any(entry.logged_at >= since for entry in self.history.get(today).pain)

    def started_since(self, activity: Activity, since: datetime, today: date) -> bool:
        """Return whether a session of an activity started at or after an instant, today."""
        session = self.session
        if session is not None and session.activity is activity and session.started_at >= since:
            return True
        return any(
            record.activity is activity and record.started_at >= since
            for record in self.history.get(today).sessions
        )

    # ----- flare-up -----

    def flare_up_on(self, today: date) -> bool:
        """Return whether today is a flare-up day that the switch shows."""
        return self.flare_ups.is_on(today)

    def set_flare_up(self, on: bool, today: date) -> None:  # noqa: FBT001
        """Turn flare-up on or off; a day with any flare-up is paused."""
        self.flare_ups = self.flare_ups.turn_on(today) if on else self.flare_ups.turn_off(today)
        self.flare_ups.mark(self.history, today)

    def is_paused(self, day: date) -> bool:
        """Return whether a day is a flare-up day, marked in the history yet or not."""
        return self.history.get(day).flare_up or self.flare_ups.covers(day)

    def set_flare_up_range(
        self, start: date, end: date | None, note: str | None, *, today: date
    ) -> None:
        """Pause every day from start to end; no end: until flare-up is turned off."""
        self.flare_ups = self.flare_ups.add(start, end, note, today)
        self.flare_ups.mark(self.history, today)

    # ----- goals -----

    def day_goals(self, configured: Mapping[Goal, int], first_day: date | None) -> DayGoals:
        """Return what each day asks of each goal: the plan's number lowers inversion's."""
        return DayGoals(dict(configured), self.gentle.planned(self.durations), first_day)

    def streak(self, goal: Goal, goals: DayGoals, today: date) -> Streak:
        """Return a goal's streak as of today; every flare-up day is paused, marked yet or not.

        The days come from the flare-up ranges, not from midnight ticks: before
        a late tick marks them (a host that was suspended, a corrected clock),
        they are paused already. A day the plan asked less of inversion is met
        by the plan's minutes.
        """
        return self.history.streak(
            goal, goals.configured[goal], today, paused=self.flare_ups, lowered=goals.lowered(goal)
        )

    # ----- the day and the inversion plan -----

    def turn_day(self, today: date, settings: PlanSettings) -> bool:
        """Close the days before today for the plan and flare-ups; return whether any changed."""
        marked = self.flare_ups.mark(self.history, today)
        turned = self.gentle.turn_day(self.history, self.durations, today, settings, self.flare_ups)
        return marked or turned

    def inversion_tomorrow(self, today: date, settings: PlanSettings) -> int | None:
        """Return tomorrow's inversion length as today stands; None off the plan."""
        minutes = self.durations[Activity.INVERSION]
        return self.gentle.tomorrow(self.history, minutes, today, settings, self.flare_ups)

    def set_duration(self, activity: Activity, minutes: int) -> None:
        """Set the default length of an activity's sessions; by hand, it holds for the day."""
        self.durations[activity] = minutes
        self.gentle.set_by_hand(activity)
