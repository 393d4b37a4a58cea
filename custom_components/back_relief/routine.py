"""The routine itself: activities, daily logs, goals and streaks.

Plain, typed Python with no Home Assistant imports. Days are local calendar
dates handed in by the caller, so midnight and daylight saving time are the
caller's one conversion (see ``local_date``) and never a concern here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
import json
from typing import Any

from .closed_days import ClosedYear
from .streaks import Streak, StreakIndex

__all__ = ["Streak"]  # where the routine's readers have always found it


class Activity(StrEnum):
    """What a session or a logged entry is about."""

    EXERCISE = "exercise"
    STRETCH = "stretch"
    INVERSION = "inversion"
    REST = "rest"


class Goal(StrEnum):
    """A daily goal; each counts the minutes of one or more activities."""

    EXERCISE = "exercise"
    REST = "rest"
    INVERSION = "inversion"

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Return the activities whose minutes count toward this goal."""
        if self is Goal.EXERCISE:
            # Stretching is exercise too.
            return (Activity.EXERCISE, Activity.STRETCH)
        return (Activity(self.value),)


ONE_DAY = timedelta(days=1)


def local_date(instant: datetime, time_zone: tzinfo) -> date:
    """Return the local calendar date of an aware instant."""
    return instant.astimezone(time_zone).date()


@dataclass(slots=True)
class PainEntry:
    """One pain report."""

    logged_at: datetime
    level: int
    note: str | None = None


@dataclass(slots=True)
class Visit:
    """One chiropractor visit."""

    visited_at: datetime
    note: str | None = None


@dataclass(slots=True)
class SessionRecord:
    """A session as it was done: for the calendar, not for the totals."""

    started_at: datetime
    ended_at: datetime
    activity: Activity
    minutes: int
    routine: str | None = None


@dataclass(slots=True)
class DayLog:
    """Everything recorded for one local date."""

    minutes: dict[Activity, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    pain: list[PainEntry] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    flare_up: bool = False
    checklist_done: list[str] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)

    def goal_minutes(self, goal: Goal) -> int:
        """Return the minutes that count toward a goal on this day."""
        return sum(self.minutes.get(activity, 0) for activity in goal.activities)

    @property
    def average_pain(self) -> float | None:
        """Return the mean pain level of the day, or None without reports."""
        if not self.pain:
            return None
        return round(sum(entry.level for entry in self.pain) / len(self.pain), 1)

    def as_dict(self) -> dict[str, Any]:
        """Return the compact, JSON-ready form used for storage."""
        stored: dict[str, Any] = {}
        if self.minutes:
            stored["minutes"] = {str(key): value for key, value in self.minutes.items()}
        if self.kinds:
            stored["kinds"] = dict(self.kinds)
        if self.pain:
            stored["pain"] = [
                [entry.logged_at.isoformat(), entry.level, entry.note] for entry in self.pain
            ]
        if self.visits:
            stored["visits"] = [[visit.visited_at.isoformat(), visit.note] for visit in self.visits]
        if self.flare_up:
            stored["flare_up"] = True
        if self.checklist_done:
            stored["checklist_done"] = list(self.checklist_done)
        if self.sessions:
            stored["sessions"] = [
                [
                    record.started_at.isoformat(),
                    record.ended_at.isoformat(),
                    str(record.activity),
                    record.minutes,
                    record.routine,
                ]
                for record in self.sessions
            ]
        return stored

    def to_compact(self) -> str:
        """Return the day as one short JSON text: how a closed day is kept.

        A list of minutes per activity (in ``Activity`` order), flare-up (0 or
        1), kinds, pain, visits, checklist done and sessions, in the shapes of
        ``as_dict``; empty ends are left off.
        """
        stored = self.as_dict()
        parts: list[Any] = [self.minutes.get(activity, 0) for activity in Activity]
        parts.append(int(self.flare_up))
        parts.extend(
            stored.get(key, empty)
            for key, empty in (
                ("kinds", {}),
                ("pain", []),
                ("visits", []),
                ("checklist_done", []),
                ("sessions", []),
            )
        )
        while parts and not parts[-1]:
            parts.pop()
        return json.dumps(parts, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_compact(cls, text: str) -> DayLog:
        """Rebuild a day from the text of ``to_compact``."""
        parts = json.loads(text)
        if not isinstance(parts, list):
            raise TypeError(text)
        parts += [0] * (len(Activity) + 1 - len(parts))
        minutes = {
            activity: int(value)
            for activity, value in zip(Activity, parts[: len(Activity)], strict=True)
            if value
        }
        keys = ("kinds", "pain", "visits", "checklist_done", "sessions")
        stored: dict[str, Any] = dict(zip(keys, parts[len(Activity) + 1 :], strict=False))
        log = cls.from_dict(stored)
        log.minutes = minutes
        log.flare_up = bool(parts[len(Activity)])
        return log

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> DayLog:
        """Rebuild a day from its stored form."""
        return cls(
            minutes={Activity(key): int(value) for key, value in stored.get("minutes", {}).items()},
            kinds={str(key): int(value) for key, value in stored.get("kinds", {}).items()},
            pain=[
                PainEntry(datetime.fromisoformat(logged_at), int(level), note)
                for logged_at, level, note in stored.get("pain", [])
            ],
            visits=[
                Visit(datetime.fromisoformat(visited_at), note)
                for visited_at, note in stored.get("visits", [])
            ],
            flare_up=bool(stored.get("flare_up", False)),
            checklist_done=[str(uid) for uid in stored.get("checklist_done", [])],
            sessions=[
                SessionRecord(
                    datetime.fromisoformat(started_at),
                    datetime.fromisoformat(ended_at),
                    Activity(activity),
                    int(minutes),
                    routine,
                )
                for started_at, ended_at, activity, minutes, routine in stored.get("sessions", [])
            ],
        )


@dataclass(frozen=True, slots=True)
class PainInsights:
    """What the pain log says over the last weeks; None where nothing was logged.

    The exercise comparison covers the last 30 days.
    """

    average_7_days: float | None
    average_previous_7_days: float | None
    average_30_days: float | None
    average_exercise_days: float | None
    average_other_days: float | None


class History:
    """Every day's log, kept indefinitely, with goals and streaks over it.

    Days still changing are ``DayLog``s ("open": today, and a past day while
    something is logged for it); days that are over are closed into compact
    text, a ``ClosedYear`` per year (see ``closed_days``). Streaks are kept day
    by day in a ``StreakIndex`` and the latest pain report and visit are kept
    as days change, so no read walks the whole history.
    """

    def __init__(self, days: dict[date, DayLog] | None = None) -> None:
        """Start from days as logs (all open), or from nothing."""
        self._open: dict[date, DayLog] = {}
        self._years: dict[int, ClosedYear] = {}
        self._index = StreakIndex()
        # Open days changed since the index and the latest entries last saw them.
        self._stale: set[date] = set()
        self._latest_pain: tuple[date, PainEntry] | None = None
        self._latest_visit: tuple[date, Visit] | None = None
        # Years whose closed days changed since they were last handed out for saving.
        self._changed_years: set[int] = set()
        self.revision = 0
        for day, log in (days or {}).items():
            self._open[day] = log
            self._stale.add(day)

    def __len__(self) -> int:
        """Return how many days hold a record."""
        closed = sum(len(year) for year in self._years.values())
        return closed + sum(1 for day in self._open if self._closed_text(day) is None)

    # ----- days -----

    def _closed_text(self, day: date) -> str | None:
        year = self._years.get(day.year)
        return year.get(day) if year is not None else None

    def get(self, day: date) -> DayLog:
        """Return a day's log; an empty one for a day without records."""
        if (log := self._open.get(day)) is not None:
            return log
        if (text := self._closed_text(day)) is not None:
            return DayLog.from_compact(text)
        return DayLog()

    def edit(self, day: date) -> DayLog:
        """Return a day's log for changing it, created (or opened again) when needed."""
        self.revision += 1
        self._stale.add(day)
        if (log := self._open.get(day)) is None:
            text = self._closed_text(day)
            log = self._open[day] = DayLog.from_compact(text) if text is not None else DayLog()
        return log

    def add_minutes(
        self, day: date, activity: Activity, minutes: int, kind: str | None = None
    ) -> None:
        """Credit minutes of an activity to a day."""
        if minutes <= 0:
            return
        log = self.edit(day)
        log.minutes[activity] = log.minutes.get(activity, 0) + minutes
        if kind:
            log.kinds[kind] = log.kinds.get(kind, 0) + minutes

    def items(self) -> list[tuple[date, DayLog]]:
        """Return every day that holds a record, with its log, oldest first.

        This reads every day: for work done away from the event loop.
        """
        days = {
            day: DayLog.from_compact(text) for year in self._years.values() for day, text in year
        }
        days.update(self._open)
        return sorted(days.items())

    def days_between(self, first: date, last: date) -> list[tuple[date, DayLog]]:
        """Return each date from first to last, inclusive, with its log."""
        count = (last - first).days + 1
        return [
            (first + timedelta(days=offset), self.get(first + timedelta(days=offset)))
            for offset in range(count)
        ]

    # ----- what changed -----

    def _catch_up(self) -> None:
        """Bring the streak index and the latest entries up to the open days' changes."""
        for day in self._stale:
            self._index_day(day, self._open.get(day) or self.get(day))
        self._stale.clear()

    def _index_day(self, day: date, log: DayLog) -> None:
        self._index.set_day(
            day.toordinal(),
            {goal: log.goal_minutes(goal) for goal in Goal},
            paused=log.flare_up,
        )
        # Entries are only ever added: the newest day with any holds the latest.
        if log.pain and (self._latest_pain is None or day >= self._latest_pain[0]):
            # The later of two reports logged in the same instant wins.
            self._latest_pain = (day, max(reversed(log.pain), key=lambda entry: entry.logged_at))
        if log.visits and (self._latest_visit is None or day >= self._latest_visit[0]):
            self._latest_visit = (
                day,
                max(reversed(log.visits), key=lambda visit: visit.visited_at),
            )

    def close_days(self, today: date) -> None:
        """Close every open day before today into its year's compact text."""
        self._catch_up()
        for day in [day for day in self._open if day < today]:
            log = self._open.pop(day)
            if (year := self._years.get(day.year)) is None:
                year = self._years[day.year] = ClosedYear(day.year)
            year.put(day, log.to_compact())
            self._changed_years.add(day.year)

    def add_closed_year(self, closed: ClosedYear) -> None:
        """Take in a year of closed days, as stored; an open day of it stays as it is."""
        self._years[closed.year] = closed
        for day, text in closed:
            if day not in self._open:
                self._index_day(day, DayLog.from_compact(text))

    def take_changed_years(self) -> dict[int, tuple[str | None, ...]]:
        """Return the closed years changed since last asked, as snapshots to save."""
        changed = {year: self._years[year].snapshot() for year in sorted(self._changed_years)}
        self._changed_years.clear()
        return changed

    def year_snapshot(self, year: int) -> tuple[str | None, ...]:
        """Return one year's closed days as they are now, to save."""
        return self._years[year].snapshot() if year in self._years else ()

    @property
    def years(self) -> list[int]:
        """Return the years that hold closed days."""
        return sorted(self._years)

    def latest_pain(self) -> PainEntry | None:
        """Return the most recent pain report of all days."""
        self._catch_up()
        return self._latest_pain[1] if self._latest_pain else None

    def latest_visit(self) -> Visit | None:
        """Return the most recent chiropractor visit of all days."""
        self._catch_up()
        return self._latest_visit[1] if self._latest_visit else None

    def meets(self, day: date, goal: Goal, goal_minutes: int) -> bool:
        """Return whether a day reaches a goal."""
        return self.get(day).goal_minutes(goal) >= goal_minutes

    def streak(self, goal: Goal, goal_minutes: int, today: date) -> Streak:
        """Return a goal's streak as of today (see ``StreakIndex.streak``)."""
        self._catch_up()
        return self._index.streak(goal, goal_minutes, today.toordinal())

    def pain_insights(self, today: date, exercise_goal_minutes: int) -> PainInsights:
        """Return pain averages, and pain on days that met the exercise goal or not."""

        def average(logs: list[DayLog]) -> float | None:
            levels = [entry.level for log in logs for entry in log.pain]
            return round(sum(levels) / len(levels), 1) if levels else None

        last_30 = [log for _, log in self.days_between(today - timedelta(days=29), today)]
        previous_7 = [
            log
            for _, log in self.days_between(today - timedelta(days=13), today - timedelta(days=7))
        ]
        return PainInsights(
            average_7_days=average(last_30[-7:]),
            average_previous_7_days=average(previous_7),
            average_30_days=average(last_30),
            average_exercise_days=average(
                [log for log in last_30 if log.goal_minutes(Goal.EXERCISE) >= exercise_goal_minutes]
            ),
            average_other_days=average(
                [log for log in last_30 if log.goal_minutes(Goal.EXERCISE) < exercise_goal_minutes]
            ),
        )

    def days_meeting(self, goal: Goal, goal_minutes: int, first: date, last: date) -> int:
        """Return how many days from first to last reached a goal."""
        return sum(
            log.goal_minutes(goal) >= goal_minutes for _, log in self.days_between(first, last)
        )

    def as_dict(self) -> dict[str, Any]:
        """Return every day in the JSON-ready form of format 1 (reads every day)."""
        return {day.isoformat(): log.as_dict() for day, log in self.items()}

    def recent_as_dict(self, first: date, last: date) -> dict[str, Any]:
        """Return the days from first to last that hold anything, JSON-ready."""
        return {
            day.isoformat(): stored
            for day, log in self.days_between(first, last)
            if (stored := log.as_dict())
        }

    def open_days_as_dict(self) -> dict[str, Any]:
        """Return the open days, JSON-ready, for the person's own store."""
        return {day.isoformat(): log.as_dict() for day, log in sorted(self._open.items())}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> History:
        """Rebuild the history from days in the form of ``as_dict``."""
        return cls({date.fromisoformat(day): DayLog.from_dict(log) for day, log in stored.items()})

    def count_streaks(self, goals: dict[Goal, int], today: date) -> None:
        """Count the streaks of these goal lengths now, so that the first read is quick.

        The first count walks every day once: at start-up, away from the event loop.
        """
        for goal, minutes in goals.items():
            self.streak(goal, minutes, today)
