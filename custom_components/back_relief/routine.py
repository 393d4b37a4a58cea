"""The routine itself: activities, daily logs, goals and streaks.

Plain, typed Python with no Home Assistant imports. Days are local calendar
dates handed in by the caller, so midnight and daylight saving time are the
caller's one conversion (see ``local_date``) and never a concern here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, Protocol


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
    # How it felt, as the person answered afterwards: "easier", "same" or "harder".
    feedback: str | None = None

    def as_list(self) -> list[Any]:
        """Return the compact, JSON-ready form used for storage."""
        stored: list[Any] = [
            self.started_at.isoformat(),
            self.ended_at.isoformat(),
            str(self.activity),
            self.minutes,
            self.routine,
        ]
        if self.feedback is not None:
            stored.append(self.feedback)
        return stored

    @classmethod
    def from_list(cls, stored: list[Any]) -> SessionRecord:
        """Rebuild a record from its stored form; feedback came later and may be absent."""
        started_at, ended_at, activity, minutes, routine, *rest = stored
        return cls(
            datetime.fromisoformat(started_at),
            datetime.fromisoformat(ended_at),
            Activity(activity),
            int(minutes),
            routine,
            str(rest[0]) if rest and rest[0] is not None else None,
        )


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
    # Reminders the person chose to skip that day (their kinds).
    skipped: list[str] = field(default_factory=list)

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
            stored["sessions"] = [record.as_list() for record in self.sessions]
        if self.skipped:
            stored["skipped"] = list(self.skipped)
        return stored

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
            sessions=[SessionRecord.from_list(record) for record in stored.get("sessions", [])],
            skipped=[str(kind) for kind in stored.get("skipped", [])],
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


@dataclass(frozen=True, slots=True)
class Streak:
    """A goal's streak as of one day."""

    current: int
    best: int
    today_met: bool


class PausedDays(Protocol):
    """Flare-up days as a streak reads them; hashable, as streaks are cached by it."""

    def covers(self, day: date) -> bool:
        """Return whether a day is a flare-up day."""


class History:
    """Every day's log, kept indefinitely, with goals and streaks over it."""

    def __init__(self, days: dict[date, DayLog] | None = None) -> None:
        """Start from stored days, or from nothing."""
        self._days: dict[date, DayLog] = days if days is not None else {}
        # Streaks are read on every state write; they change only with the
        # history (its revision), the goal, or the date.
        self._best_cache: dict[tuple[Goal, int], tuple[int, int]] = {}
        self._streak_cache: dict[tuple[Goal, int, date, PausedDays | None], tuple[int, Streak]] = {}
        self.revision = 0

    def __len__(self) -> int:
        """Return how many days hold a record."""
        return len(self._days)

    def get(self, day: date) -> DayLog:
        """Return a day's log; an empty one for a day without records."""
        return self._days.get(day) or DayLog()

    def edit(self, day: date) -> DayLog:
        """Return a day's log for changing it, created when needed."""
        self.revision += 1
        if (log := self._days.get(day)) is None:
            log = self._days[day] = DayLog()
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
        """Return every day that holds a record, with its log, oldest first."""
        return sorted(self._days.items())

    def days_between(self, first: date, last: date) -> list[tuple[date, DayLog]]:
        """Return each date from first to last, inclusive, with its log."""
        count = (last - first).days + 1
        return [
            (first + timedelta(days=offset), self.get(first + timedelta(days=offset)))
            for offset in range(count)
        ]

    def latest_pain(self) -> PainEntry | None:
        """Return the most recent pain report of all days."""
        for day in sorted(self._days, reverse=True):
            if self._days[day].pain:
                # The later of two reports logged in the same instant wins.
                return max(reversed(self._days[day].pain), key=lambda entry: entry.logged_at)
        return None

    def latest_visit(self) -> Visit | None:
        """Return the most recent chiropractor visit of all days."""
        for day in sorted(self._days, reverse=True):
            if self._days[day].visits:
                return max(reversed(self._days[day].visits), key=lambda visit: visit.visited_at)
        return None

    def meets(self, day: date, goal: Goal, goal_minutes: int) -> bool:
        """Return whether a day reaches a goal."""
        return self.get(day).goal_minutes(goal) >= goal_minutes

    def streak(
        self, goal: Goal, goal_minutes: int, today: date, *, paused: PausedDays | None = None
    ) -> Streak:
        """Return a goal's streak as of today.

        The streak ends today when today already meets the goal, else
        yesterday: a day is not lost before it is over. Flare-up days are
        skipped: they neither break nor extend a streak. ``paused`` tells the
        flare-up days that may not be marked yet.
        """
        key = (goal, goal_minutes, today, paused)
        cached = self._streak_cache.get(key)
        if cached is not None and cached[0] == self.revision:
            return cached[1]
        today_met = self.meets(today, goal, goal_minutes)
        current = 0
        day = today if today_met else today - ONE_DAY
        while day in self._days or (paused is not None and paused.covers(day)):
            log = self.get(day)
            if log.flare_up or (paused is not None and paused.covers(day)):
                pass
            elif log.goal_minutes(goal) >= goal_minutes:
                current += 1
            else:
                break
            day -= ONE_DAY
        streak = Streak(
            current=current, best=max(current, self._best(goal, goal_minutes)), today_met=today_met
        )
        self._streak_cache = {
            cached_key: value
            for cached_key, value in self._streak_cache.items()
            if cached_key[2] == today
        }
        self._streak_cache[key] = (self.revision, streak)
        return streak

    def _best(self, goal: Goal, goal_minutes: int) -> int:
        """Return the longest streak in the whole history, cached per revision."""
        cached = self._best_cache.get((goal, goal_minutes))
        if cached is not None and cached[0] == self.revision:
            return cached[1]
        best = run = 0
        previous: date | None = None
        for day in sorted(self._days):
            log = self._days[day]
            if previous is not None and (day - previous).days > 1:
                run = 0  # a day without any record breaks the run
            previous = day
            if log.flare_up:
                continue
            if log.goal_minutes(goal) >= goal_minutes:
                run += 1
                best = max(best, run)
            else:
                run = 0
        self._best_cache[(goal, goal_minutes)] = (self.revision, best)
        return best

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
        """Return the JSON-ready form used for storage."""
        return {day.isoformat(): log.as_dict() for day, log in sorted(self._days.items())}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> History:
        """Rebuild the history from its stored form."""
        return cls({date.fromisoformat(day): DayLog.from_dict(log) for day, log in stored.items()})
